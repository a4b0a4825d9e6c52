"""Template helpers: times in the program's zone, spans as people say them, clients named without
showing their number, and the labels for stored codes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Flask, current_app

from casework import labels
from casework.sla import duration
from models import Client
from models.clock import now


def staff_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["DEFAULT_TIMEZONE"])


def local_time(moment: datetime | None, with_date: bool = True) -> str:
    """'Tue 10 Mar, 11:02 AM' in the program's time zone ('11:02 AM' today)."""
    if moment is None:
        return "—"
    local = moment.astimezone(staff_zone())
    clock = local.strftime("%I:%M %p").lstrip("0")
    if not with_date or local.date() == now().astimezone(staff_zone()).date():
        return clock
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b %Y')}, {clock}"


def iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def long_date(day: date | None) -> str:
    return f"{day.day} {day.strftime('%b %Y')}" if day else "—"


def client_name(client: Client) -> str:
    """What lists call a client: their first name, else the last four digits of their number."""
    return client.first_name or client.profile_name or mask_phone(client.phone)


def mask_phone(phone: str | None) -> str:
    """'+15555550123' -> '•••-0123': enough to tell clients apart in a list, not to call them."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"•••-{digits[-4:]}" if len(digits) >= 4 else "•••"


def ago(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return duration(max(now() - moment, timedelta(0))) + " ago"


def init_templating(app: Flask) -> None:
    app.add_template_filter(local_time)
    app.add_template_filter(iso)
    app.add_template_filter(long_date)
    app.add_template_filter(client_name)
    app.add_template_filter(ago)
    app.add_template_filter(duration)
    app.add_template_filter(mask_phone, "masked")
    app.add_template_global(labels, "labels")
    app.add_template_global(labels.label, "label")
