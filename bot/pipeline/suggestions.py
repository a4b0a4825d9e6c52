"""Finding resources for a need when the engine asks (`resources_requested`), at the edge.

The engine cannot search the directory itself (it does no I/O), so it asks with an event;
this handler searches and feeds the answer back as a `resources_found` input in the same
transaction. Each resource becomes one short line in the client's language, with today's hours
in the place's own time zone: "City Pantry, (617) 555-0100, 0.8 mi, open now until 5:00 PM".
It also carries `details`, what the client needs to actually go once they choose it (address,
today's hours, a map link), sent after their choice (suggestions.directions). The line and the
details are written in English too ({"es": ..., "en": ...}), so that the English a CHW reads
beside the list is the same list in English.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from flask import current_app
from sqlalchemy.orm import Session

from bot.engine import Input, ResourcesRequested
from bot.engine.texts import (
    ADDRESS,
    CALL_FOR_DETAILS,
    CLOSED_TODAY,
    HOURS,
    MAP,
    MILES,
    NO_PHONE,
    OPEN_NOW,
    OPEN_UNTIL,
    OPENS_TODAY,
)
from bot.i18n import BASE_LANGUAGE, render
from bot.messaging.quiet_hours import zone
from directory.geo import map_link
from directory.search.services import Result, search_services
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
        default_timezone=current_app.config["DEFAULT_TIMEZONE"],
    )
    items = [describe(r, client.language, now) for r in results if r.service_id not in exclude][:PAGE]
    return Input(kind="resources_found", data={"need": event.need, "items": items})


def describe(result: Result, lang: str | None, now: datetime) -> dict:
    """The resource as the engine keeps it: id, name, phone, and its line in the list and its
    details in the client's language and in English."""
    name = result.service_name if len(result.service_name) <= MAX_NAME else result.service_name[:MAX_NAME - 3] + "..."
    lines, directions = {}, {}
    for each in dict.fromkeys([lang or BASE_LANGUAGE, BASE_LANGUAGE]):
        parts = [name, result.phone or render(NO_PHONE.key, each)]
        if result.distance_miles is not None:
            parts.append(render(MILES.key, each, miles=f"{result.distance_miles:.1f}"))
        elif result.city:
            parts.append(result.city)
        hours = hours_today(result, each, now)
        if hours:
            parts.append(hours)
        lines[each], directions[each] = ", ".join(parts), details(result, hours, each)
    return {"id": result.service_id, "name": name, "phone": result.phone or render(NO_PHONE.key, lang),
            "line": lines, "details": directions}


def hours_today(result: Result, lang: str | None, now: datetime) -> str | None:
    """'open now until 5:00 PM', 'opens today at 9:00 AM', 'closed today, opens Mon 9:00 AM', or None
    when the directory does not say."""
    if result.open_now:
        if result.closes_at is None:
            return render(OPEN_NOW.key, lang)
        return render(OPEN_UNTIL.key, lang, time=_local(result.closes_at, lang, with_day=False))
    if result.next_open is None:
        return None
    today = now.astimezone(result.next_open.tzinfo).date()
    if result.next_open.date() == today:
        return render(OPENS_TODAY.key, lang, time=_local(result.next_open, lang, with_day=False))
    return render(CLOSED_TODAY.key, lang, when=_local(result.next_open, lang, with_day=True))


def details(result: Result, hours: str | None, lang: str | None) -> str:
    """The lines that get a client there: address, today's hours and a map; or, knowing neither
    address nor place, a request to call."""
    street = ", ".join(p for p in (result.address, result.city) if p) if result.address else None
    link = map_link(result.latitude, result.longitude, street)
    lines = []
    if street:
        lines.append(render(ADDRESS.key, lang, address=street))
    if hours:
        lines.append(render(HOURS.key, lang, hours=hours))
    if link:
        lines.append(render(MAP.key, lang, link=link))
    if not street and not link:
        lines.append(render(CALL_FOR_DETAILS.key, lang))
    return "\n".join(lines)


def _local(moment: datetime, lang: str | None, with_day: bool) -> str:
    """'Mon 9:00 AM' / '5:00 PM' in the client's language, in the resource's own time zone."""
    tz = zone(getattr(moment.tzinfo, "key", None), current_app.config["DEFAULT_TIMEZONE"])
    pattern = "h:mm a" if (lang or "en") == "en" else "HH:mm"
    return format_datetime(moment.astimezone(tz), f"EEE {pattern}" if with_day else pattern, locale=(lang or "en"))
