"""One client's record as a FHIR R4 Bundle (type collection), after the HL7 Gravity SDOH Clinical Care IG.

Patient → QuestionnaireResponse per screening → an Observation per answered item (and the
safety score, and a panel Observation grouping them) → a Condition per need, with the
Observations as evidence → per referral a ServiceRequest (the request) and a Task (its
fulfilment, TaskForReferralManagement) → a Provenance per status change of the Task.
docs/FHIR.md explains each choice.

Resources are built as plain JSON, then the whole Bundle is validated by the fhir.resources R4B
models (element names, types, cardinality and choice types); a record the models refuse is
never exported. Ids are UUIDs derived from the record's id and `source`, so exporting the same
client twice gives the same ids.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle
from flask import current_app
from sqlalchemy.orm import Session

from bot.i18n import LANGUAGE_TAGS
from casework.labels import LANGUAGES, REFERRAL_FAILURE_REASONS
from interop.fhir import codes as c
from interop.fhir.codes import coding, concept
from interop.fhir.instrument import Instrument, ahc_hrsn
from models import (
    Channel,
    Client,
    Goal,
    Need,
    NeedStatus,
    Referral,
    ReferralStatusChange,
    Screening,
    ScreeningAnswer,
    ScreeningStatus,
)


def export_source() -> str:
    """What makes this deployment's ids its own: its public URL, when it has one."""
    return current_app.config.get("PUBLIC_URL") or "urn:enlace"


class _Entries:
    """The Bundle's entries, each with a stable urn:uuid full URL."""

    def __init__(self, source: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, source)
        self.entries: list[dict] = []

    def url(self, kind: str, key: object) -> str:
        return f"urn:uuid:{self.id(kind, key)}"

    def id(self, kind: str, key: object) -> str:
        return str(uuid.uuid5(self.namespace, f"{kind}/{key}"))

    def add(self, kind: str, key: object, resource: dict) -> str:
        url = self.url(kind, key)
        self.entries.append({"fullUrl": url, "resource": {"resourceType": kind, "id": self.id(kind, key), **resource}})
        return url


def find_client(session: Session, phone: str) -> Client | None:
    return session.scalars(sa.select(Client).where(Client.phone == phone)).first()


def client_bundle(session: Session, client: Client, *, now: datetime, source: str = "urn:enlace",
                  program: str = "Enlace") -> Bundle:
    """`source` names this deployment (its PUBLIC_URL) and keeps ids from two programs apart."""
    out = _Entries(source)
    patient = out.add("Patient", client.id, _patient(client))
    org = out.add("Organization", "program", {"name": program, "active": True})
    instrument = ahc_hrsn()

    screenings = session.scalars(sa.select(Screening).where(Screening.client_id == client.id)
                                 .order_by(Screening.started_at, Screening.id)).all()
    evidence: dict[tuple[int, str], str] = {}  # (screening id, item LOINC) -> Observation
    for screening in screenings:
        answers = session.scalars(sa.select(ScreeningAnswer).where(ScreeningAnswer.screening_id == screening.id)
                                  .order_by(ScreeningAnswer.answered_at, ScreeningAnswer.id)).all()
        evidence.update(_screening(out, instrument, screening, answers, patient))

    conditions: dict[int, str] = {}
    for need in session.scalars(sa.select(Need).where(Need.client_id == client.id).order_by(Need.identified_at,
                                                                                           Need.id)):
        found = [evidence[(need.screening_id, code)] for code in instrument.evidence.get(need.domain, ())
                 if (need.screening_id, code) in evidence]
        conditions[need.id] = out.add("Condition", need.id, _condition(need, patient, found))

    for goal in session.scalars(sa.select(Goal).where(Goal.client_id == client.id).order_by(Goal.created_at,
                                                                                           Goal.id)):
        out.add("Goal", goal.id, _goal(goal, patient, conditions.get(goal.need_id)))

    providers: dict[tuple, str] = {}
    for referral in session.scalars(sa.select(Referral).where(Referral.client_id == client.id)
                                    .order_by(Referral.created_at, Referral.id)):
        who = (referral.organization_name or referral.service_name, referral.service_phone)
        if who not in providers:
            providers[who] = out.add("Organization", f"provider/{len(providers)}", _provider(*who))
        history = session.scalars(sa.select(ReferralStatusChange).where(ReferralStatusChange.referral_id == referral.id)
                                  .order_by(ReferralStatusChange.at, ReferralStatusChange.id)).all()
        _referral(out, referral, history, patient, org, providers[who], conditions.get(referral.need_id))

    return Bundle.model_validate({"resourceType": "Bundle", "type": "collection", "timestamp": _at(now),
                                  "entry": out.entries})


def _at(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _ref(url: str) -> dict:
    return {"reference": url}


def _patient(client: Client) -> dict:
    telecom = [{"system": "phone", "value": client.phone, "use": "mobile"}]
    if client.channel is Channel.SMS:
        telecom.append({"system": "sms", "value": client.phone, "use": "mobile", "rank": 1})
    patient: dict = {"telecom": telecom}
    if client.first_name:
        patient["name"] = [{"use": "usual", "given": [client.first_name]}]
    if client.language:
        tag = LANGUAGE_TAGS.get(client.language, client.language)
        patient["communication"] = [{"language": concept(coding(c.BCP47, tag), text=LANGUAGES.get(client.language)),
                                     "preferred": True}]
    if client.zip_code:
        patient["address"] = [{"postalCode": client.zip_code, "country": "US"}]
    return patient


def _provider(name: str, phone: str | None) -> dict:
    return {"name": name, "active": True, **({"telecom": [{"system": "phone", "value": phone}]} if phone else {})}


def _sdoh_categories(domains) -> list[dict]:
    domains = list(dict.fromkeys(domains)) or ["sdoh-category-unspecified"]
    return [concept(coding(c.SDOHCC_TEMPORARY, d, c.SDOHCC_DOMAINS.get(d, "SDOH Category Unspecified")))
            for d in domains]


def _survey_categories(domains) -> list[dict]:
    return [concept(coding(c.OBSERVATION_CATEGORY, "social-history", "Social History")),
            concept(coding(c.OBSERVATION_CATEGORY, "survey", "Survey")),
            concept(coding(c.US_CORE_CATEGORY, "sdoh", "SDOH")),
            *_sdoh_categories(domains)]


def _screening(out: _Entries, instrument: Instrument, screening: Screening, answers: list[ScreeningAnswer],
               patient: str) -> dict[tuple[int, str], str]:
    """The QuestionnaireResponse and its Observations; returns (screening id, LOINC) -> Observation."""
    given = [(a, instrument.item(a.question)) for a in answers if not a.skipped and a.answer_loinc]
    given = [(a, item) for a, item in given if item is not None]
    authored = screening.completed_at or max((a.answered_at for a, _ in given), default=screening.started_at)
    response = out.url("QuestionnaireResponse", screening.id)
    items = [{"linkId": f"/{item.loinc}", "text": item.text,
              "answer": [{"valueCoding": coding(c.LOINC, code, item.answers.get(code))} for code in a.answer_loinc]}
             for a, item in given]
    for score in instrument.scores if screening.safety_score is not None else ():
        items.append({"linkId": f"/{score.loinc}", "text": score.text,
                      "answer": [{"valueInteger": screening.safety_score}]})
    questionnaire_response = {
        "questionnaire": c.AHC_HRSN_QUESTIONNAIRE,
        "status": "completed" if screening.status is ScreeningStatus.COMPLETED else "in-progress",
        "subject": _ref(patient),
        "authored": _at(authored),
        "source": _ref(patient),
    }
    if items:
        questionnaire_response["item"] = items
    out.add("QuestionnaireResponse", screening.id, questionnaire_response)

    found: dict[tuple[int, str], str] = {}
    for a, item in given:
        observation = _observation(item.loinc, item.text, item.domains, patient, a.answered_at, response)
        if len(a.answer_loinc) == 1:
            observation["valueCodeableConcept"] = _answer(item, a.answer_loinc[0])
        else:  # choose-all-that-apply: one component per answer, as the Gravity IG's examples do
            observation["component"] = [{"code": concept(coding(c.LOINC, item.loinc), text=item.text),
                                         "valueCodeableConcept": _answer(item, code)} for code in a.answer_loinc]
        found[(screening.id, item.loinc)] = out.add("Observation", f"{screening.id}/{item.loinc}", observation)
    for score in instrument.scores if screening.safety_score is not None else ():
        parts = [found[(screening.id, i.loinc)] for q in score.questions if (i := instrument.item(q))
                 and (screening.id, i.loinc) in found]
        observation = _observation(score.loinc, score.text, (score.domain,), patient, authored, response, parts)
        observation["valueInteger"] = screening.safety_score
        found[(screening.id, score.loinc)] = out.add("Observation", f"{screening.id}/{score.loinc}", observation)
    if found:
        panel = _observation(instrument.loinc, instrument.name, (), patient, authored, response)
        panel["hasMember"] = [_ref(url) for url in found.values()]
        out.add("Observation", f"{screening.id}/{instrument.loinc}", panel)
    return found


def _observation(loinc: str, text: str, domains, patient: str, when: datetime, response: str,
                 derived: list[str] | None = None) -> dict:
    """A screening response Observation. One the client answered names them as performer and is
    derived from the QuestionnaireResponse; a computed one (a score) has no performer and is
    derived from the items it sums."""
    observation = {
        "meta": {"profile": [c.PROFILE_SCREENING_RESPONSE]},
        "status": "final",
        "category": _survey_categories(domains),
        "code": concept(coding(c.LOINC, loinc), text=text),
        "subject": _ref(patient),
        "effectiveDateTime": _at(when),
        "derivedFrom": [_ref(url) for url in (derived or [response])],
    }
    if derived is None:
        observation["performer"] = [_ref(patient)]
    return observation


def _answer(item, code: str) -> dict:
    return concept(coding(c.LOINC, code, item.answers.get(code)), text=item.answers.get(code))


def _goal(goal: Goal, patient: str, condition: str | None) -> dict:
    """The client's goal (SDOHCC Goal): what they work towards, for the need it addresses."""
    resource = {
        "meta": {"profile": [c.PROFILE_GOAL]},
        "lifecycleStatus": goal.status.value,
        "achievementStatus": concept(coding(c.GOAL_ACHIEVEMENT, goal.achievement.value,
                                            goal.achievement.value.replace("-", " ").capitalize())),
        "description": {"text": goal.description},
        "subject": _ref(patient),
        "startDate": goal.created_at.date().isoformat(),
        "expressedBy": _ref(patient),
    }
    if goal.target_date:
        resource["target"] = [{"dueDate": goal.target_date.isoformat()}]
    if condition:
        resource["addresses"] = [_ref(condition)]
    return resource


def _condition(need: Need, patient: str, evidence: list[str]) -> dict:
    codings = [coding(c.SDOHCC_TEMPORARY, need.domain, c.SDOHCC_DOMAINS.get(need.domain))]
    if need.domain in c.CONDITION_SNOMED:
        codings.append(coding(c.SNOMED, *c.CONDITION_SNOMED[need.domain]))
    resolved = need.status is NeedStatus.RESOLVED
    condition = {
        "meta": {"profile": [c.PROFILE_CONDITION]},
        "clinicalStatus": concept(coding(c.CONDITION_CLINICAL, "resolved" if resolved else "active",
                                         "Resolved" if resolved else "Active")),
        "category": [concept(coding(c.CONDITION_CATEGORY, "health-concern", "Health Concern")),
                     concept(coding(c.US_CORE_CATEGORY, "sdoh", "SDOH")),
                     *_sdoh_categories([need.domain])],
        "code": concept(*codings, text=c.SDOHCC_DOMAINS.get(need.domain, need.domain)),
        "subject": _ref(patient),
        "onsetDateTime": _at(need.identified_at),
        "recordedDate": _at(need.identified_at),
    }
    if need.source == "screening":  # computed from answers, not yet reviewed with the client
        condition["verificationStatus"] = concept(coding(c.CONDITION_VERIFICATION, "unconfirmed", "Unconfirmed"))
    if resolved and need.resolved_at:
        condition["abatementDateTime"] = _at(need.resolved_at)
    if evidence:
        condition["evidence"] = [{"detail": [_ref(url) for url in evidence]}]
    return condition


def _referral(out: _Entries, referral: Referral, history: list[ReferralStatusChange], patient: str, org: str,
              provider: str, condition: str | None) -> None:
    domain = referral.need_domain
    request = {
        "meta": {"profile": [c.PROFILE_SERVICE_REQUEST]},
        "status": c.SERVICE_REQUEST_STATUS[referral.status],
        "intent": "order",
        "category": [concept(coding(c.SNOMED, *c.SOCIAL_SERVICE_PROCEDURE)), *_sdoh_categories([domain])],
        "code": concept(coding(c.SNOMED, *c.PATIENT_REFERRAL), text=f"Referral to {referral.service_name}"),
        "subject": _ref(patient),
        "authoredOn": _at(referral.created_at),
        "requester": _ref(org),
        "performer": [_ref(provider)],
    }
    if not referral.shared_with_provider:  # the client did not agree to the provider contacting them
        request["orderDetail"] = [concept(coding(c.SDOHCC_TEMPORARY, "contacting-subject-prohibited",
                                                 "Contacting Subject Prohibited"))]
    if condition:
        request["reasonReference"] = [_ref(condition)]
    service_request = out.add("ServiceRequest", referral.id, request)

    task = {
        "meta": {"profile": [c.PROFILE_TASK]},
        "status": c.TASK_STATUS[referral.status],
        "intent": "order",
        "code": concept(coding(c.TASK_CODE, "fulfill", "Fulfill the focal request")),
        "focus": _ref(service_request),
        "for": _ref(patient),
        "authoredOn": _at(referral.created_at),
        "lastModified": _at(history[-1].at if history else referral.created_at),
        "requester": _ref(org),
        "owner": _ref(provider),
        "executionPeriod": {"start": _at(referral.created_at),
                            **({"end": _at(referral.outcome_at)} if referral.outcome_at else {})},
    }
    if referral.status_reason:
        task["statusReason"] = {"text": REFERRAL_FAILURE_REASONS.get(referral.status_reason, referral.status_reason)}
    task_url = out.add("Task", referral.id, task)

    for i, change in enumerate(history):
        what = change.status.value.replace("-", " ")  # the Task status, as the Provenance says it
        why = f": {REFERRAL_FAILURE_REASONS.get(change.reason, change.reason)}" if change.reason else ""
        agents = [{"type": concept(coding(c.PARTICIPANT_TYPE, "author", "Author")), "who": _ref(org)}]
        if change.source == "client":  # the client told us at a check-in
            agents.append({"type": concept(coding(c.PARTICIPANT_TYPE, "informant", "Informant")),
                           "who": _ref(patient)})
        elif change.source in ("partner_link", "partner_account"):  # the provider answered itself
            agents = [{"type": concept(coding(c.PARTICIPANT_TYPE, "performer", "Performer")), "who": _ref(provider)}]
        out.add("Provenance", f"{referral.id}/{change.id}", {
            "target": [_ref(task_url)],
            "occurredDateTime": _at(change.at),
            "recorded": _at(change.at),
            "activity": concept(coding(c.DATA_OPERATION, "CREATE" if i == 0 else "UPDATE",
                                       "create" if i == 0 else "revise"),
                                text=f"Referral status {what}{why}"),
            "agent": agents,
        })


def task_id(referral_id: int, source: str) -> str:
    """The id of a referral's Task, as every export and `GET /fhir/Task/<id>` give it."""
    return _Entries(source).id("Task", referral_id)


def referral_task(session: Session, referral: Referral, *, now: datetime, source: str) -> dict:
    """The referral's current Task (TaskForReferralManagement), as JSON; its references point into
    the client's export (`flask fhir export`), where the same ids stand."""
    bundle = client_bundle(session, session.get(Client, referral.client_id), now=now, source=source)
    wanted = task_id(referral.id, source)
    return next(entry.resource.model_dump(mode="json", exclude_none=True) for entry in bundle.entry
                if entry.resource.get_resource_type() == "Task" and entry.resource.id == wanted)
