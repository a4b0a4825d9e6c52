"""Reading a referral a health system sends in: a FHIR R4 transaction Bundle after the HL7 Gravity
SDOH Clinical Care guide, with a Patient (a phone that takes texts), a ServiceRequest (the need, as
an SDOHCC category code), a Task (status `requested`, focus the ServiceRequest) and a Consent.

The Bundle is validated whole by the fhir.resources R4B models first (element names, types,
cardinality); what the referral needs is then checked piece by piece. Anything refused raises
`Refused` with the HTTP status and the FHIRPath of what failed, which the view answers as an
OperationOutcome: 400 when the body is not a Bundle at all, 422 when it is one we cannot act on.
docs/FHIR.md lists each check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import phonenumbers
import pydantic
from fhir.resources.R4B.bundle import Bundle

from bot.i18n import LANGUAGE_TAGS
from interop.fhir.codes import SDOHCC_DOMAINS, SDOHCC_TEMPORARY

PHONE_SYSTEMS = ("sms", "phone")
_LANGUAGES = {tag.lower(): code for code, tag in LANGUAGE_TAGS.items()} | {"zh": "zh_Hans", "zh-cn": "zh_Hans"}


class Refused(Exception):
    """A request we do not act on: its HTTP status, the FHIRPath that failed and why."""

    def __init__(self, status: int, path: str, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.status, self.path, self.message, self.code = status, path, message, code

    def outcome(self) -> dict:
        """The OperationOutcome the sender reads."""
        return {"resourceType": "OperationOutcome",
                "issue": [{"severity": "error", "code": self.code, "diagnostics": self.message,
                           "expression": [self.path]}]}


@dataclass(frozen=True)
class InboundReferral:
    source_task: str  # the sender's Task id (else its fullUrl)
    phone: str  # E.164
    language: str | None  # one of our language codes, from Patient.communication
    first_name: str | None
    need: str  # an SDOHCC domain code: food-insecurity ...
    performer: str | None  # the organisation asked to help, by name
    request: str | None  # the ServiceRequest's own words ("Referral to food pantry program")


def read_bundle(body: bytes, region: str = "US") -> InboundReferral:
    """The referral in `body`, or Refused naming the failing path."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "Bundle", "The body is not JSON.", "structure") from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise Refused(400, "Bundle.resourceType", "Expected a FHIR Bundle.", "structure")
    if data.get("type") != "transaction":
        raise Refused(422, "Bundle.type", "Expected a transaction Bundle.", "value")
    try:
        bundle = Bundle.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        raise Refused(422, _path(first["loc"]), f"Not valid FHIR R4B: {first['msg']}", "structure") from None
    return _referral(bundle, region)


def _path(loc: tuple) -> str:
    out = "Bundle"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _referral(bundle: Bundle, region: str) -> InboundReferral:
    entries = list(bundle.entry or [])
    found: dict[str, tuple[int, object]] = {}
    urls: dict[str, object] = {}
    for i, entry in enumerate(entries):
        resource = entry.resource
        if resource is None:
            continue
        kind = resource.get_resource_type()
        found.setdefault(kind, (i, resource))
        for key in (entry.fullUrl, f"{kind}/{resource.id}" if resource.id else None):
            if key:
                urls[key] = resource
    for kind in ("Patient", "ServiceRequest", "Task", "Consent"):
        if kind not in found:
            raise Refused(422, "Bundle.entry", f"The Bundle has no {kind}: a referral needs a Patient, a "
                          "ServiceRequest, a Task and a Consent.", "required")
    (pi, patient), (si, request), (ti, task), (ci, consent) = (found[k] for k in
                                                               ("Patient", "ServiceRequest", "Task", "Consent"))
    at = "Bundle.entry[{}].resource.{}".format
    if consent.status != "active":
        raise Refused(422, at(ci, "status"), "The Consent must be active.", "business-rule")
    if task.status != "requested":
        raise Refused(422, at(ti, "status"), "A new referral's Task has status requested.", "business-rule")
    focus = task.focus.reference if task.focus else None
    if focus is None or urls.get(focus) is not request:
        raise Refused(422, at(ti, "focus"), "The Task's focus must reference the ServiceRequest.", "required")
    need = next((cd.code for category in request.category or [] for cd in category.coding or []
                 if cd.system == SDOHCC_TEMPORARY and cd.code in SDOHCC_DOMAINS), None)
    if need is None:
        raise Refused(422, at(si, "category"), "The ServiceRequest needs an SDOHCC domain category "
                      f"({SDOHCC_TEMPORARY}).", "required")
    return InboundReferral(
        source_task=task.id or entries[ti].fullUrl or f"entry-{ti}",
        phone=_phone(patient, at(pi, "telecom"), region),
        language=_language(patient),
        first_name=next((g for name in patient.name or [] for g in name.given or []), None),
        need=need,
        performer=_performer(request, urls),
        request=request.code.text if request.code else None,
    )


def _phone(patient, path: str, region: str) -> str:
    numbers = sorted((p for p in patient.telecom or [] if p.system in PHONE_SYSTEMS and p.value),
                     key=lambda p: (PHONE_SYSTEMS.index(p.system), p.use != "mobile"))
    for point in numbers:
        try:
            parsed = phonenumbers.parse(point.value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    raise Refused(422, path, "The Patient needs a valid phone number that takes texts.", "required")


def _language(patient) -> str | None:
    for comm in sorted(patient.communication or [], key=lambda c: not c.preferred):
        for cd in comm.language.coding or []:
            code = _LANGUAGES.get((cd.code or "").lower()) or _LANGUAGES.get((cd.code or "").split("-")[0].lower())
            if code:
                return code
    return None


def _performer(request, urls: dict) -> str | None:
    for ref in request.performer or []:
        target = urls.get(ref.reference or "")
        name = getattr(target, "name", None) if target is not None else None
        if isinstance(name, str) and name.strip():
            return name.strip()[:250]
        if ref.display:
            return ref.display[:250]
    return None
