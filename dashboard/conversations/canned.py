"""Canned replies: texts a CHW sends with one click, from the catalogs, so each goes out in the
client's own language (translated like every other text in `locales/`)."""

from __future__ import annotations

from bot.i18n import T, Text

CANNED: tuple[Text, ...] = (
    T("canned.intro", "I'm a community health worker with Enlace. How can I help?", budget=2),
    T("canned.more", "Can you tell me more about what you need?", budget=2),
    T("canned.looking", "I'll look into this and text you back today.", budget=2),
    T("canned.thanks", "Thank you. Take care.", budget=2),
)
CANNED_KEYS = frozenset(t.key for t in CANNED)
