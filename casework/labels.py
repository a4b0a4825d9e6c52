"""The words staff read for the codes the records keep: one table per kind of code, used alike by
the dashboard, the reports and the FHIR export, so a code reads the same everywhere.

A code the records may hold has its label here; `label()` still shows an unknown one (made
readable) rather than hide it. Words a standard defines for its own codes (an SDOHCC display, a
FHIR status) are the standard's, in `interop/fhir/codes.py`.
"""

from __future__ import annotations

from bot.i18n import LANGUAGE_NAMES

# Why a conversation went to the CHW queue (Conversation.escalation_reason, `escalated` events).
ESCALATION_REASONS = {
    "crisis": "Crisis words",
    "possible_crisis": "Possible crisis",
    "safety_screen": "Positive safety screen",
    "asked_for_person": "Asked for a person",
    "not_understood": "Not understood",
    "referral_failed": "Referral failed, nothing else to offer",
    "referral_declined": "Referral declined by the partner",
    "partner_no_answer": "No answer from the partner",
    "referral_disputed": "Referral outcome disputed",
    "checkin_no_reply": "No reply to a check-in",
    "error": "Bot error",
    "flooding": "Texting very fast",
}

URGENCIES = {"urgent": "Urgent", "normal": "Normal"}

LANGUAGES = LANGUAGE_NAMES  # the one list of languages, bot/i18n/languages.py
NO_LANGUAGE = "Not chosen yet"

# HL7 Gravity SDOHCC domain codes, the ones the screening finds first.
NEED_DOMAINS = {
    "food-insecurity": "Food insecurity",
    "housing-instability": "Housing instability",
    "homelessness": "Homelessness",
    "inadequate-housing": "Inadequate housing",
    "transportation-insecurity": "Transportation insecurity",
    "utility-insecurity": "Utility insecurity",
    "intimate-partner-violence": "Intimate partner violence",
    "financial-insecurity": "Financial insecurity",
    "material-hardship": "Material hardship",
    "employment-status": "Employment",
    "educational-attainment": "Education",
    "health-insurance-coverage-status": "Health insurance",
    "medical-cost-burden": "Medical cost burden",
    "social-connection": "Social connection",
    "stress": "Stress",
    "elder-abuse": "Elder abuse",
    "digital-access": "Digital access",
    "digital-literacy": "Digital literacy",
    "veteran-status": "Veteran status",
    "sdoh-category-unspecified": "Other social need",
}

NEED_STATUSES = {
    "open": "Open",
    "addressing": "Being addressed",
    "resolved": "Resolved",
    "declined": "Client declined help",
}

REFERRAL_STATUSES = {
    "draft": "Draft",
    "requested": "Requested",
    "received": "Seen by the provider",
    "accepted": "Accepted by the provider",
    "rejected": "Rejected by the provider",
    "in-progress": "In progress",
    "on-hold": "On hold",
    "failed": "Failed",
    "completed": "Completed: got help",
    "cancelled": "Cancelled",
    "entered-in-error": "Entered in error",
}

# Why a referral failed, was rejected, cancelled or put on hold (a CHW picks one; the client's
# check-in answer gives one of the first four).
REFERRAL_FAILURE_REASONS = {
    "no_answer": "No answer from the provider",
    "cannot_reach": "Provider could not reach the client",
    "client_declined": "Client declined",
    "not_served": "The provider could not serve the client",
    "not_eligible": "Not eligible",
    "no_capacity": "No capacity",
    "closed": "Closed",
    "other": "Other",
}

# Why a partner declined a referral (the partner page's choices; also a Task statusReason).
DECLINE_REASONS = {
    "no_capacity": "No capacity",
    "not_eligible": "Not eligible",
    "cannot_reach": "Cannot reach the client",
    "client_declined": "Client declined",
    "other": "Other",
}

# What the partner said in the end (Referral.partner_outcome).
PARTNER_OUTCOMES = {"served": "Client served", "not_served": "Could not serve"}

# Through what a referral's status changed (ReferralStatusChange.source).
STATUS_SOURCES = {
    "bot": "the bot",
    "client": "the client's text",
    "chw": "a CHW",
    "partner_link": "the partner's link",
    "partner_account": "the partner's account",
    "ehr": "the health record (EHR)",
}

GOAL_STATUSES = {"active": "Active", "on-hold": "On hold", "completed": "Completed", "cancelled": "Cancelled"}

ACHIEVEMENTS = {
    "in-progress": "In progress",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No change",
    "achieved": "Achieved",
    "not-achieved": "Not achieved",
}

CONVERSATION_STATUSES = {
    "bot": "With the bot",
    "waiting": "Waiting for a CHW",
    "with_chw": "With a CHW",
    "closed": "Closed",
}

MESSAGE_STATUSES = {
    "received": "Received",
    "processed": "Received",
    "pending": "Waiting to send",
    "sending": "Sending",
    "suppressed": "Not sent",
    "accepted": "Queued at Twilio",
    "queued": "Queued at Twilio",
    "sent": "Sent",
    "delivered": "Delivered",
    "read": "Read",
    "undelivered": "Not delivered",
    "failed": "Failed",
}

DIRECTIONS = {"in": "Inbound", "out": "Outbound"}
CHANNELS = {"sms": "SMS", "whatsapp": "WhatsApp"}

SERVICE_STATUSES = {
    "active": "Active",
    "inactive": "Inactive",
    "defunct": "Defunct",
    "temporarily closed": "Temporarily closed",
}


def label(table: dict[str, str], code: str | None, missing: str = "—") -> str:
    """The label for a code; an unknown code is shown as it is (made readable), so nothing is hidden."""
    if code is None:
        return missing
    return table.get(code, code.replace("_", " ").replace("-", " ").capitalize())
