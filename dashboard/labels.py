"""Words a CHW reads for the codes the records keep (escalation reasons, need domains, statuses)."""

from __future__ import annotations

ESCALATION_REASONS = {
    "crisis": "Crisis",
    "safety_screen": "Safety screen",
    "asked_for_person": "Asked for a person",
    "not_understood": "Bot did not understand",
    "referral_failed": "Referral failed",
    "checkin_no_reply": "No reply to a check-in",
    "error": "Bot error",
}

LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "vi": "Vietnamese",
    "zh_Hans": "Chinese (simplified)",
    "ht": "Haitian Creole",
    "ar": "Arabic",
}

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
    "accepted": "Accepted by the provider",
    "rejected": "Rejected by the provider",
    "in-progress": "In progress",
    "on-hold": "On hold",
    "failed": "Failed",
    "completed": "Completed: got help",
    "cancelled": "Cancelled",
    "entered-in-error": "Entered in error",
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

SERVICE_STATUSES = {
    "active": "Active",
    "inactive": "Inactive",
    "defunct": "Defunct",
    "temporarily closed": "Temporarily closed",
}


def label(table: dict[str, str], code: str | None, missing: str = "—") -> str:
    """The label for a code; unknown codes are shown as they are, so nothing is hidden."""
    if code is None:
        return missing
    return table.get(code, code.replace("_", " ").replace("-", " ").capitalize())


def mask_phone(phone: str | None) -> str:
    """'+15555550123' -> '•••-0123': enough to tell clients apart in a list, not to call them."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"•••-{digits[-4:]}" if len(digits) >= 4 else "•••"
