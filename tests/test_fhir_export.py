"""The FHIR R4 export: a valid Bundle for full and partial records, LOINC-coded screenings, Gravity
needs and referral Tasks, from the CLI and the dashboard."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle

from interop.fhir import codes
from interop.fhir.bundle import client_bundle
from interop.fhir.cli import fhir_cli
from models import Client, Goal, Need, ReferralStatus
from models.audit import AuditEntry
from models.base import db
from tests.report_data import at, make_program
from tests.staff import PASSWORD

NOW = at(10, 15)
# SDOHCC-ValueSetReferralTaskStatus
GRAVITY_TASK_STATUSES = {"draft", "requested", "received", "accepted", "rejected", "in-progress", "on-hold", "failed",
                         "completed", "cancelled", "entered-in-error"}
SERVICE_REQUEST_STATUSES = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}


@pytest.fixture
def program(app):
    with app.app_context():
        p = make_program(db.session)
        db.session.add(Client(phone="+15555550199", created_at=at(9)))  # only a phone number
        db.session.commit()
        return p


def export(app, client_id=None, phone=None) -> dict:
    """The exported Bundle as JSON, after checking it parses back into the FHIR models."""
    with app.app_context():
        client = db.session.get(Client, client_id) if client_id else db.session.scalars(
            sa.select(Client).where(Client.phone == phone)).one()
        text = client_bundle(db.session, client, now=NOW).model_dump_json()
    Bundle.model_validate_json(text)
    return json.loads(text)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def by_url(bundle: dict) -> dict[str, dict]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def codes_of(concept: dict, system: str = codes.LOINC) -> list[str]:
    return [c["code"] for c in concept.get("coding", []) if c["system"] == system]


def references(value) -> list[str]:
    """Every reference anywhere inside a resource."""
    if isinstance(value, dict):
        own = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return own + [r for v in value.values() for r in references(v)]
    if isinstance(value, list):
        return [r for v in value for r in references(v)]
    return []


def test_a_full_record_is_a_valid_collection_whose_references_all_resolve(app, program):
    bundle = export(app, program.luz)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls))
    assert all(ref in urls for e in bundle["entry"] for ref in references(e["resource"]))
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "Patient": 1, "Organization": 2, "QuestionnaireResponse": 1, "Observation": 11, "Condition": 2,
        "ServiceRequest": 1, "Task": 1, "Provenance": 2}


def test_the_patient_has_phone_language_and_no_more_than_we_know(app, program):
    (luz,) = resources(export(app, program.luz), "Patient")
    assert luz["name"] == [{"use": "usual", "given": ["Luz"]}]
    assert {"system": "phone", "value": "+15555550101", "use": "mobile"} in luz["telecom"]
    assert luz["communication"][0]["language"]["coding"] == [{"system": "urn:ietf:bcp:47", "code": "es"}]
    assert luz["address"] == [{"postalCode": "02139", "country": "US"}]


def test_a_record_with_only_a_phone_number_is_still_valid(app, program):
    bundle = export(app, phone="+15555550199")
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient", "Organization"]
    (patient,) = resources(bundle, "Patient")
    assert "name" not in patient and "communication" not in patient and "address" not in patient
    assert patient["telecom"][0] == {"system": "phone", "value": "+15555550199", "use": "mobile"}


def test_a_record_without_screening_has_referrals_and_no_observations(app, program):
    bundle = export(app, program.c4)
    assert resources(bundle, "QuestionnaireResponse") == [] and resources(bundle, "Observation") == []
    assert [t["status"] for t in resources(bundle, "Task")] == ["requested", "entered-in-error"]
    assert [s["status"] for s in resources(bundle, "ServiceRequest")] == ["active", "entered-in-error"]


def test_the_screening_is_a_questionnaire_response_with_loinc_items(app, program):
    (qr,) = resources(export(app, program.luz), "QuestionnaireResponse")
    assert qr["questionnaire"] == "http://loinc.org/q/96777-8" and qr["status"] == "completed"
    items = {i["linkId"]: i for i in qr["item"]}
    assert list(items) == ["/71802-3", "/96778-6", "/88122-7", "/88123-5", "/93030-5", "/95618-5", "/95617-7",
                           "/95616-9", "/95615-1", "/95614-4"]  # utilities (96779-4) was skipped
    assert items["/88122-7"]["text"].startswith("Within the past 12 months, you worried that your food")
    assert items["/88122-7"]["answer"] == [{"valueCoding": {"system": "http://loinc.org", "code": "LA28397-0",
                                                            "display": "Often true"}}]
    assert [a["valueCoding"]["code"] for a in items["/96778-6"]["answer"]] == ["LA28580-1", "LA31998-0"]
    assert items["/95614-4"]["answer"] == [{"valueInteger": 4}]


def test_each_answer_is_a_loinc_coded_sdoh_survey_observation(app, program):
    bundle = export(app, program.luz)
    observations = {codes_of(o["code"])[0]: o for o in resources(bundle, "Observation")}
    (qr_url,) = [e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"]
    food = observations["88122-7"]
    assert codes_of(food["valueCodeableConcept"]) == ["LA28397-0"]
    assert food["status"] == "final" and food["derivedFrom"] == [{"reference": qr_url}]
    categories = [(c["coding"][0]["system"], c["coding"][0]["code"]) for c in food["category"]]
    assert (codes.OBSERVATION_CATEGORY, "survey") in categories
    assert (codes.US_CORE_CATEGORY, "sdoh") in categories
    assert (codes.SDOHCC_TEMPORARY, "food-insecurity") in categories
    assert food["meta"]["profile"] == [codes.PROFILE_SCREENING_RESPONSE]
    problems = observations["96778-6"]
    assert [codes_of(p["valueCodeableConcept"])[0] for p in problems["component"]] == ["LA28580-1", "LA31998-0"]
    safety = observations["95614-4"]
    assert safety["valueInteger"] == 4 and "performer" not in safety
    urls = {codes_of(r["code"])[0]: url for url, r in by_url(bundle).items() if r["resourceType"] == "Observation"}
    assert [d["reference"] for d in safety["derivedFrom"]] == [urls[c] for c in ("95618-5", "95617-7", "95616-9",
                                                                                  "95615-1")]
    panel = observations["96777-8"]
    assert len(panel["hasMember"]) == 10


def test_needs_are_gravity_conditions_with_their_answers_as_evidence(app, program):
    bundle = export(app, program.luz)
    urls = {codes_of(r["code"])[0]: url for url, r in by_url(bundle).items() if r["resourceType"] == "Observation"}
    conditions = {codes_of(c["code"], codes.SDOHCC_TEMPORARY)[0]: c for c in resources(bundle, "Condition")}
    food, housing = conditions["food-insecurity"], conditions["housing-instability"]
    assert codes_of(food["code"], codes.SNOMED) == ["733423003"]
    assert food["clinicalStatus"]["coding"][0]["code"] == "resolved" and food["abatementDateTime"]
    assert housing["clinicalStatus"]["coding"][0]["code"] == "active"
    assert food["category"][0]["coding"][0]["code"] == "health-concern"
    assert [d["reference"] for d in food["evidence"][0]["detail"]] == [urls["88122-7"], urls["88123-5"]]
    assert [d["reference"] for d in housing["evidence"][0]["detail"]] == [urls["71802-3"]]


def test_a_referral_is_a_service_request_and_a_gravity_task_with_its_history(app, program):
    bundle = export(app, program.luz)
    (request,), (task,) = resources(bundle, "ServiceRequest"), resources(bundle, "Task")
    urls = {r["id"]: url for url, r in by_url(bundle).items()}
    (food,) = [c for c in resources(bundle, "Condition") if "733423003" in codes_of(c["code"], codes.SNOMED)]
    assert request["status"] == "completed" and request["reasonReference"] == [{"reference": urls[food["id"]]}]
    assert codes_of(request["category"][1], codes.SDOHCC_TEMPORARY) == ["food-insecurity"]
    assert task["meta"]["profile"] == [codes.PROFILE_TASK]
    assert (task["status"], task["intent"]) == ("completed", "order")
    assert task["code"]["coding"][0]["code"] == "fulfill"
    assert task["focus"] == {"reference": urls[request["id"]]}
    assert "statusReason" not in task
    history = resources(bundle, "Provenance")
    assert [p["activity"]["text"] for p in history] == ["Referral status requested", "Referral status completed"]
    assert all(p["target"] == [{"reference": urls[task["id"]]}] for p in history)
    assert [p["activity"]["coding"][0]["code"] for p in history] == ["CREATE", "UPDATE"]


def test_a_failed_referral_says_why(app, program):
    bundle = export(app, program.c2)
    (task,), (request,) = resources(bundle, "Task"), resources(bundle, "ServiceRequest")
    assert task["status"] == "failed" and task["statusReason"] == {"text": "No capacity"}
    assert request["status"] == "revoked"
    assert resources(bundle, "Provenance")[-1]["activity"]["text"] == "Referral status failed: No capacity"
    (qr,) = resources(bundle, "QuestionnaireResponse")
    assert qr["status"] == "in-progress" and "item" not in qr


def test_every_referral_status_maps_to_a_gravity_task_status():
    assert {codes.TASK_STATUS[s] for s in ReferralStatus} <= GRAVITY_TASK_STATUSES
    assert {codes.SERVICE_REQUEST_STATUS[s] for s in ReferralStatus} <= SERVICE_REQUEST_STATUSES


def test_exporting_twice_gives_the_same_ids(app, program):
    first, second = export(app, program.luz), export(app, program.luz)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]


def test_the_cli_writes_the_bundle(app, program, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(fhir_cli, ["export", "--phone", "+15555550102"])
    assert result.exit_code == 0, result.output
    bundle = Bundle.model_validate_json(result.stdout)
    assert [e.resource.get_resource_type() for e in bundle.entry][0] == "Patient"
    out = tmp_path / "c2.json"
    result = runner.invoke(fhir_cli, ["export", "--phone", "+15555550102", "--output", str(out)])
    assert result.exit_code == 0 and "Wrote 8 resources" in result.output
    assert json.loads(out.read_text())["type"] == "collection"
    missing = runner.invoke(fhir_cli, ["export", "--phone", "+15555550000"])
    assert missing.exit_code == 1 and "No client has that phone number." in missing.output
    with app.app_context():
        actions = db.session.execute(sa.select(AuditEntry.action, AuditEntry.target_id)).all()
    assert actions == [("export_fhir", str(program.c2))] * 2


def sign_in(http, email):
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    assert http.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token}).status_code == 302


def test_staff_download_the_bundles_of_clients_they_may_open(app, http, program):
    sign_in(http, "sue@example.org")
    record = http.get(f"/dashboard/clients/{program.luz}").get_data(as_text=True)
    assert f'href="/dashboard/clients/{program.luz}/fhir.json" download>Export the record (FHIR R4 JSON)' in record
    response = http.get(f"/dashboard/clients/{program.luz}/fhir.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="enlace-client-{program.luz}.fhir.json"'
    Bundle.model_validate_json(response.get_data())
    assert http.get("/dashboard/clients/999999/fhir.json").status_code == 404
    with app.app_context():
        entries = db.session.execute(sa.select(AuditEntry.action, AuditEntry.user_id, AuditEntry.target_id)
                                     .where(AuditEntry.action == "export_fhir")).all()
    assert entries == [("export_fhir", program.supervisor, str(program.luz))]
    chw = app.test_client()
    sign_in(chw, "ana@example.org")
    assert chw.get(f"/dashboard/clients/{program.c2}/fhir.json").status_code == 200  # her referral
    assert chw.get(f"/dashboard/clients/{program.luz}/fhir.json").status_code == 200  # claimed, then handed back
    assert chw.get(f"/dashboard/clients/{program.c3}/fhir.json").status_code == 404  # never hers


def test_goals_are_goal_resources_for_the_need_they_address(app, program):
    with app.app_context():
        need = db.session.scalars(sa.select(Need).where(Need.client_id == program.luz).order_by(Need.id)).first()
        db.session.add(Goal(client_id=program.luz, need_id=need.id, description="Apply for SNAP by Friday",
                            target_date=date(2026, 3, 20), created_at=at(10)))
        db.session.commit()
    bundle = export(app, program.luz)
    [goal] = resources(bundle, "Goal")
    assert goal["description"]["text"] == "Apply for SNAP by Friday"
    assert goal["lifecycleStatus"] == "active" and goal["target"] == [{"dueDate": "2026-03-20"}]
    assert codes_of(goal["achievementStatus"], codes.GOAL_ACHIEVEMENT) == ["in-progress"]
    [condition_url] = [r["reference"] for r in goal["addresses"]]
    assert by_url(bundle)[condition_url]["resourceType"] == "Condition"
