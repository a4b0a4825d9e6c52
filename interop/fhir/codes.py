"""Code systems, profiles and code tables the FHIR export uses (HL7 Gravity SDOHCC, LOINC, SNOMED CT).

The screening's own codes (item and answer LOINC codes, which answers identify which need) are
not repeated here: they come from flows/screening.yaml, the same file the conversation runs.
"""

from __future__ import annotations

from models import ReferralStatus

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
BCP47 = "urn:ietf:bcp:47"
SDOHCC_TEMPORARY = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"

GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
_SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/"
PROFILE_SCREENING_RESPONSE = _SDOHCC + "SDOHCC-ObservationScreeningResponse"
PROFILE_CONDITION = _SDOHCC + "SDOHCC-Condition"
PROFILE_GOAL = _SDOHCC + "SDOHCC-Goal"
PROFILE_SERVICE_REQUEST = _SDOHCC + "SDOHCC-ServiceRequest"
PROFILE_TASK = _SDOHCC + "SDOHCC-TaskForReferralManagement"

AHC_HRSN_PANEL = "96777-8"
AHC_HRSN_QUESTIONNAIRE = "http://loinc.org/q/96777-8"  # LOINC's canonical for the panel as a form

# SNOMED CT findings the Gravity IG's own examples use for these domains; the other domains
# carry the Gravity domain code alone.
CONDITION_SNOMED = {
    "food-insecurity": ("733423003", "Food insecurity"),
    "homelessness": ("32911000", "Homeless"),
}
SOCIAL_SERVICE_PROCEDURE = ("410606002", "Social service procedure")
PATIENT_REFERRAL = ("3457005", "Patient referral")

# ServiceRequest.status is the requester's view of a referral; the Task carries the provider's.
SERVICE_REQUEST_STATUS = {
    ReferralStatus.DRAFT: "draft",
    ReferralStatus.REQUESTED: "active",
    ReferralStatus.RECEIVED: "active",
    ReferralStatus.ACCEPTED: "active",
    ReferralStatus.IN_PROGRESS: "active",
    ReferralStatus.ON_HOLD: "on-hold",
    ReferralStatus.COMPLETED: "completed",
    ReferralStatus.FAILED: "revoked",
    ReferralStatus.REJECTED: "revoked",
    ReferralStatus.CANCELLED: "revoked",
    ReferralStatus.ENTERED_IN_ERROR: "entered-in-error",
}
# Our referral statuses are the Gravity Task statuses (SDOHCC-ValueSetReferralTaskStatus) by design.
TASK_STATUS = {status: status.value for status in ReferralStatus}

# The SDOHCC code system's displays for the domains the screening finds (SDOHCC-CodeSystemTemporaryCodes).
SDOHCC_DOMAINS = {
    "food-insecurity": "Food Insecurity",
    "housing-instability": "Housing Instability",
    "homelessness": "Homelessness",
    "inadequate-housing": "Inadequate Housing",
    "transportation-insecurity": "Transportation Insecurity",
    "utility-insecurity": "Utility Insecurity",
    "intimate-partner-violence": "Intimate Partner Violence",
    "financial-insecurity": "Financial Insecurity",
}


def coding(system: str, code: str, display: str | None = None) -> dict:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def concept(*codings: dict, text: str | None = None) -> dict:
    return {**({"coding": list(codings)} if codings else {}), **({"text": text} if text else {})}
