"""Quiet hours: no automated text in the client's own night."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from config import QuietHours


def zone(name: str | None, default: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or default)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(default)


def next_allowed(when: datetime, tz: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """`when` itself if outside quiet hours, else the end of the quiet window (in UTC)."""
    if quiet is None:
        return when
    local = when.astimezone(tz)
    if not quiet.contains(local.time()):
        return when
    end = local.replace(hour=quiet.end.hour, minute=quiet.end.minute, second=0, microsecond=0)
    if end <= local:
        end = end + timedelta(days=1)
    # Rebuild through the zone so a DST change overnight lands on the right wall-clock time.
    end = datetime(end.year, end.month, end.day, end.hour, end.minute, tzinfo=tz)
    return end.astimezone(when.tzinfo)
