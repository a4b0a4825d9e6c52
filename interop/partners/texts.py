"""What a partner reads in an email or a text about a referral, in English or the partner's
language (the catalogs, like every client text). The email names no client: the link does, to
whoever opens it, and only what the client agreed to share."""

from __future__ import annotations

from bot.i18n import T

EMAIL_SUBJECT = T("partner.email.subject", "New referral for {service}", budget=2, service="Chelsea Food Pantry")
EMAIL_BODY = T(
    "partner.email.body",
    "Enlace has a new referral for {service}: a client asks for help with {need} and agreed to share "
    "their contact details with you.\n\nOpen this link to see them and to accept or decline the referral:\n"
    "{link}\n\nThe link works until {expires}. Please do not forward it.",
    budget=8, service="Chelsea Food Pantry", need="food",
    link="https://enlace.example.org/r/MTI.abcdefghijklmnopqrstuvwxyz0", expires="2026-03-24")
SMS = T("partner.sms", "Enlace: a new referral for {service} (help with {need}). Accept or decline: {link}",
        budget=3, service="Chelsea Food Pantry", need="food",
        link="https://enlace.example.org/r/MTI.abcdefghijklmnopqrstuvwxyz0")
