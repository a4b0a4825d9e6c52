"""Names a program manager reads for the codes the records keep (languages, need domains, reasons)."""

from __future__ import annotations

LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "vi": "Vietnamese",
    "zh_Hans": "Chinese (Simplified)",
    "ht": "Haitian Creole",
    "ar": "Arabic",
}
NO_LANGUAGE = "Not chosen yet"

# HL7 Gravity SDOHCC domains (SDOHCC-CodeSystemTemporaryCodes), with the code system's display.
DOMAINS = {
    "food-insecurity": "Food Insecurity",
    "housing-instability": "Housing Instability",
    "homelessness": "Homelessness",
    "inadequate-housing": "Inadequate Housing",
    "transportation-insecurity": "Transportation Insecurity",
    "utility-insecurity": "Utility Insecurity",
    "intimate-partner-violence": "Intimate Partner Violence",
    "financial-insecurity": "Financial Insecurity",
}

REFERRAL_STATUSES = {
    "draft": "Draft",
    "requested": "Requested",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "in-progress": "In progress",
    "on-hold": "On hold",
    "failed": "Failed",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "entered-in-error": "Entered in error",
}

ESCALATION_REASONS = {
    "crisis": "Crisis words",
    "asked_for_person": "Asked for a person",
    "not_understood": "Not understood",
    "safety_screen": "Positive safety screen",
    "referral_failed": "Referral failed, nothing else to offer",
    "error": "Assistant error",
}

URGENCIES = {"urgent": "Urgent", "normal": "Normal"}
DIRECTIONS = {"in": "Inbound", "out": "Outbound"}
CHANNELS = {"sms": "SMS", "whatsapp": "WhatsApp"}


def label(table: dict[str, str], code: str | None, missing: str = "Not recorded") -> str:
    """The name for a code; an unknown code is shown as it is, so nothing is hidden."""
    if code is None:
        return missing
    return table.get(code, code)
