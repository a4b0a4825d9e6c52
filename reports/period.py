"""A report's period: whole days in the program's time zone, turned into a UTC range for queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

DEFAULT_DAYS = 30
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive
    tz: ZoneInfo

    @classmethod
    def ending(cls, today: date, tz: ZoneInfo, days: int = DEFAULT_DAYS) -> Period:
        """The last `days` days, today included."""
        return cls(today - timedelta(days=days - 1), today, tz)

    @property
    def start(self) -> datetime:
        """Midnight at the start of the first day, in UTC (inclusive)."""
        return datetime.combine(self.first, time(0), self.tz).astimezone(timezone.utc)

    @property
    def end(self) -> datetime:
        """Midnight after the last day, in UTC (exclusive)."""
        return datetime.combine(self.last + timedelta(days=1), time(0), self.tz).astimezone(timezone.utc)

    @property
    def text(self) -> str:
        return f"{_day(self.first)} to {_day(self.last)}"

    @property
    def slug(self) -> str:
        """For file names: 2026-03-01_2026-03-30."""
        return f"{self.first.isoformat()}_{self.last.isoformat()}"


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"
