"""Configuration from the environment (DESIGN.md, "Configuration"), parsed once, with clear errors."""

from __future__ import annotations

import os
import re
import secrets
import warnings
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

_DURATION = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_duration(text: str) -> timedelta:
    """'90s', '2h', '3d' -> timedelta."""
    m = _DURATION.match(text or "")
    if not m:
        raise ValueError(f"not a duration (use 90s, 15m, 2h or 3d): {text!r}")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> QuietHours | None:
        """'21:00-08:00' -> QuietHours; 'off' -> None."""
        if text.strip().lower() in ("off", "none", ""):
            return None
        m = re.match(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", text)
        if not m:
            raise ValueError(f"QUIET_HOURS must look like 21:00-08:00 or off: {text!r}")
        h1, m1, h2, m2 = map(int, m.groups())
        return cls(time(h1, m1), time(h2, m2))

    def contains(self, t: time) -> bool:
        if self.start <= self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class BusinessHours:
    """When CHWs are at work, for the normal SLA clock: 'Mon-Fri 09:00-17:00'."""

    days: frozenset[int]  # 0 = Monday
    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> BusinessHours:
        m = re.match(r"^\s*([A-Za-z,\-\s]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", text or "")
        problem = f"BUSINESS_HOURS must look like Mon-Fri 09:00-17:00: {text!r}"
        if not m:
            raise ValueError(problem)
        days: set[int] = set()
        for part in m.group(1).replace(" ", "").lower().split(","):
            first, _, last = part.partition("-")
            if first[:3] not in _DAYS or (last and last[:3] not in _DAYS):
                raise ValueError(problem)
            a, b = _DAYS.index(first[:3]), _DAYS.index((last or first)[:3])
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(b + 1)])
        h1, m1, h2, m2 = map(int, m.groups()[1:])
        if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
            raise ValueError(problem)
        start, end = time(h1, m1), time(h2, m2)
        if start >= end:
            raise ValueError(f"BUSINESS_HOURS must end after they start on the same day: {text!r}")
        return cls(frozenset(days), start, end)


def database_url(raw: str | None, instance_path: str) -> str:
    if not raw:
        Path(instance_path).mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(instance_path) / 'enlace.db'}"
    # Heroku-style URLs and plain postgresql:// both mean psycopg 3 here.
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def from_environ(instance_path: str, env: os._Environ | dict | None = None) -> dict:
    env = os.environ if env is None else env
    secret = env.get("SECRET_KEY") or _development_secret(instance_path)
    cfg = {
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url(env.get("DATABASE_URL"), instance_path),
        "REDIS_URL": env.get("REDIS_URL") or None,
        "TWILIO_ACCOUNT_SID": env.get("TWILIO_ACCOUNT_SID") or None,
        "TWILIO_AUTH_TOKEN": env.get("TWILIO_AUTH_TOKEN") or None,
        "TWILIO_API_BASE_URL": env.get("TWILIO_API_BASE_URL") or "https://api.twilio.com",
        "TWILIO_SMS_FROM": env.get("TWILIO_SMS_FROM") or None,
        "TWILIO_MESSAGING_SERVICE_SID": env.get("TWILIO_MESSAGING_SERVICE_SID") or None,
        "TWILIO_WHATSAPP_FROM": env.get("TWILIO_WHATSAPP_FROM") or None,
        "PUBLIC_URL": (env.get("PUBLIC_URL") or "").rstrip("/") or None,
        "SMTP_URL": _smtp_url(env.get("SMTP_URL") or None),
        "MAIL_FROM": env.get("MAIL_FROM") or "enlace@localhost",
        # How long a partner's signed link works, and how long a partner has to answer (business days).
        "PARTNER_LINK_DAYS": int(env.get("PARTNER_LINK_DAYS", "14")),
        "PARTNER_ANSWER_DAYS": int(env.get("PARTNER_ANSWER_DAYS", "2")),
        "FOLLOWUP_AFTER": parse_duration(env.get("FOLLOWUP_AFTER", "3d")),
        "REMINDER_AFTER": parse_duration(env.get("REMINDER_AFTER", "2d")),
        "QUIET_HOURS": QuietHours.parse(env.get("QUIET_HOURS", "21:00-08:00")),
        "DEFAULT_TIMEZONE": env.get("DEFAULT_TIMEZONE", "America/New_York"),
        # The CHW queue's promise: urgent escalations claimed within SLA_URGENT (wall-clock time),
        # normal ones within SLA_NORMAL of BUSINESS_HOURS (in DEFAULT_TIMEZONE).
        "SLA_URGENT": parse_duration(env.get("SLA_URGENT", "15m")),
        "SLA_NORMAL": parse_duration(env.get("SLA_NORMAL", "4h")),
        "BUSINESS_HOURS": BusinessHours.parse(env.get("BUSINESS_HOURS", "Mon-Fri 09:00-17:00")),
        "SMS_SEGMENT_COST": _money(env.get("SMS_SEGMENT_COST", "0.0079"), "SMS_SEGMENT_COST"),
        "WHATSAPP_TEMPLATES": _templates(env),
        "RATE_LIMIT_PER_MINUTE": int(env.get("RATE_LIMIT_PER_MINUTE", "20")),
        # A self-hosted LibreTranslate-compatible server for the CHW inbox; unset: no machine translation.
        "TRANSLATE_URL": (env.get("TRANSLATE_URL") or "").strip() or None,
        "TRANSLATE_API_KEY": env.get("TRANSLATE_API_KEY") or None,
        "CHW_LANGUAGE": "en",  # the language client texts are translated into for the CHWs
        # Where accepted texts wait while the database is down (default: instance/journal).
        "INBOUND_JOURNAL": env.get("INBOUND_JOURNAL") or None,
        # Staff sessions: signed out after SESSION_IDLE_TIMEOUT without a page, and SESSION_LIFETIME after
        # signing in. Sign-in: LOGIN_MAX_FAILURES wrong passwords in a row lock an account for LOGIN_LOCKOUT,
        # doubled for each lock in a row up to LOGIN_LOCKOUT_MAX; LOGIN_ADDRESS_MAX_FAILURES failures from one
        # address within LOGIN_ADDRESS_WINDOW stop sign-in from there. PROXY_COUNT: reverse proxies in front
        # of the app, whose X-Forwarded-For and X-Forwarded-Proto are believed (0: none).
        "SESSION_IDLE_TIMEOUT": parse_duration(env.get("SESSION_IDLE_TIMEOUT", "30m")),
        "SESSION_LIFETIME": parse_duration(env.get("SESSION_LIFETIME", "12h")),
        "LOGIN_MAX_FAILURES": int(env.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_LOCKOUT": parse_duration(env.get("LOGIN_LOCKOUT", "5m")),
        "LOGIN_LOCKOUT_MAX": parse_duration(env.get("LOGIN_LOCKOUT_MAX", "1h")),
        "LOGIN_ADDRESS_MAX_FAILURES": int(env.get("LOGIN_ADDRESS_MAX_FAILURES", "20")),
        "LOGIN_ADDRESS_WINDOW": parse_duration(env.get("LOGIN_ADDRESS_WINDOW", "15m")),
        "PROXY_COUNT": int(env.get("PROXY_COUNT", "0")),
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env.get("SESSION_COOKIE_SECURE", "").lower() in ("1", "true", "yes")
        or (env.get("PUBLIC_URL") or "").startswith("https://"),
    }
    return cfg


def _smtp_url(text: str | None) -> str | None:
    """smtp://host:port or smtps://user:pass@host:port, checked at start-up rather than at the first email."""
    if text and not re.match(r"^smtps?://[^/\s]+$", text.strip().rstrip("/")):
        raise ValueError(f"SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port: {text!r}")
    return text.strip().rstrip("/") if text else None


def _money(text: str, name: str) -> Decimal:
    """A non-negative amount in US dollars, such as 0.0079."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be an amount in US dollars, like 0.0079: {text!r}")
    return value


def _development_secret(instance_path: str) -> str:
    """Without SECRET_KEY: a random key kept under instance/, so sign-ins survive a restart of `make run`."""
    path = Path(instance_path) / "secret_key"
    try:
        return path.read_text().strip() or _new_secret(path)
    except OSError:
        return _new_secret(path)


def _new_secret(path: Path) -> str:
    warnings.warn(f"SECRET_KEY is not set: using a development key kept in {path}", stacklevel=3)
    secret = secrets.token_hex(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secret)
        path.chmod(0o600)
    except OSError:
        pass  # a read-only instance folder: the key lives as long as the process
    return secret


def _templates(env) -> dict[str, str]:
    """WhatsApp approved templates per purpose: TWILIO_CONTENT_SID_CHECKIN=HX... -> {'checkin': 'HX...'}."""
    prefix = "TWILIO_CONTENT_SID_"
    return {k[len(prefix):].lower(): v for k, v in env.items() if k.startswith(prefix) and v}
