"""Finding resources for a need when the engine asks (`resources_requested`), at the edge.

The engine cannot search the directory itself (it does no I/O), so it asks with an event;
this handler searches and feeds the answer back as a `resources_found` input in the same
transaction. Each resource becomes one short line in the client's language:
"City Pantry, (617) 555-0100, 0.8 mi, open now".
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from flask import current_app
from sqlalchemy.orm import Session

from bot.engine import Input, ResourcesRequested
from bot.engine.texts import MILES, NO_PHONE, OPEN_NOW, OPENS
from bot.i18n import render
from bot.messaging.quiet_hours import zone
from directory.search.services import search_services
from models import Client, Conversation

PAGE = 3
MAX_NAME = 40


def find_resources(session: Session, client: Client, conv: Conversation, event: ResourcesRequested,
                   now: datetime) -> Input:
    """A page of resources for the need, as the `resources_found` input the engine waits for."""
    exclude = set(event.exclude or [])
    results = search_services(
        session, need=event.need, zip_code=client.zip_code, language=client.language,
        open_at=now, limit=PAGE + len(exclude), offset=event.offset,
    )
    items = [describe(r, client.language, now) for r in results if r.service_id not in exclude][:PAGE]
    return Input(kind="resources_found", data={"need": event.need, "items": items})


def describe(result, lang: str | None, now: datetime) -> dict:
    name = result.service_name if len(result.service_name) <= MAX_NAME else result.service_name[:MAX_NAME - 3] + "..."
    phone = result.phone or render(NO_PHONE.key, lang)
    parts = [name, phone]
    if result.distance_miles is not None:
        parts.append(render(MILES.key, lang, miles=f"{result.distance_miles:.1f}"))
    elif result.city:
        parts.append(result.city)
    if result.open_now:
        parts.append(render(OPEN_NOW.key, lang))
    elif result.next_open is not None:
        parts.append(render(OPENS.key, lang, when=_when(result.next_open, lang)))
    return {"id": result.service_id, "name": name, "phone": phone, "line": ", ".join(parts)}


def _when(moment: datetime, lang: str | None) -> str:
    """'Mon 9:00 AM' in the client's language, in the resource's own time zone."""
    tz = zone(getattr(moment.tzinfo, "key", None), current_app.config["DEFAULT_TIMEZONE"])
    return format_datetime(moment.astimezone(tz), "EEE h:mm a" if (lang or "en") == "en" else "EEE HH:mm",
                           locale=(lang or "en"))
