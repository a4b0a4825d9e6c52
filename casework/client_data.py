"""A client's right to their data: everything we hold about them, and erasure on request.

What "about a client" means is read from the schema, so a table added later is covered
without touching this module: the client's row, every row with a foreign key to it, and
every row pointing at those (a screening's answers, a referral's history, a goal's progress).

Erasure keeps the report figures right without keeping the person. Screening answers are
deleted; every other row stays as a content-free skeleton: dates, statuses, need domains,
channels and segment counts, who on staff did what; every text, name, number, address, ZIP
code, note, message body, media link, Twilio id and conversation state is blanked. The client
row becomes a tombstone (`erased-<id>` instead of the number, marked unreachable for the
reason `erased`) that no text can go to; if the same number texts again it is a new client.
The erasure itself is audited, by id only.

The commands are `flask --app app clients export|erase` (casework/cli.py).
"""

from __future__ import annotations

import base64
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.messaging.inbound import MalformedWebhook, parse_phone
from models import (
    AuditEntry,
    Client,
    Conversation,
    ConversationStatus,
    Message,
    MessageStatus,
    Referral,
    audit,
    db,
)
from models.client import lock_client
from models.staff import User

ERASED = "erased"  # Client.unreachable_reason of a tombstone
FORMAT = "enlace-client-export/1"
DELETED_ON_ERASURE = {"screening_answer"}  # answers to health questions: nothing in them is a count
# String columns that hold codes, not anything a person wrote or is: kept for the reports.
CODES = {
    "client": {"language"},
    "conversation": {"escalation_reason"},
    "event": {"type"},
    "message": {"text_key", "language", "encoding"},
    "need": {"domain", "source"},
    "referral": {"need_domain", "status_reason"},
    "referral_status_change": {"reason", "source"},
    "screening": {"instrument", "language"},
}
EVENT_DATA_KEPT = {"reason", "urgency", "by", "kind", "need"}  # what reports read; never free text
NUMBERS_ERASED = {"screening": {"safety_score"}}  # numbers that describe the person's health


def is_erased(client: Client) -> bool:
    return client.unreachable_reason == ERASED


def not_erased() -> sa.ColumnElement[bool]:
    """A condition on `Client`: not a tombstone (the dashboard shows no erased client)."""
    return Client.unreachable_reason.is_distinct_from(ERASED)


def find_client(session: Session, phone: str) -> Client | None:
    """The client with this number (any common way of writing it), or None."""
    try:
        e164 = parse_phone(phone)
    except MalformedWebhook:
        return None
    return session.scalars(sa.select(Client).where(Client.phone == e164)).first()


def related_rows(session: Session, client_id: int) -> dict[str, list[dict]]:
    """Every row about the client, by table, found by following foreign keys out from `client`."""
    found: dict[str, dict[int, dict]] = {"client": {}}
    ids: dict[str, set] = {"client": {client_id}}
    changed = True
    while changed:
        changed = False
        for table in db.metadata.sorted_tables:
            if table.name == "client" or "id" not in table.c:
                continue
            links = [fk.parent.in_(sorted(ids[fk.column.table.name])) for fk in table.foreign_keys
                     if fk.column.name == "id" and ids.get(fk.column.table.name)]
            if not links:
                continue
            for row in session.execute(sa.select(table).where(sa.or_(*links)).order_by(table.c.id)).mappings():
                rows = found.setdefault(table.name, {})
                if row["id"] not in rows:
                    rows[row["id"]] = dict(row)
                    ids.setdefault(table.name, set()).add(row["id"])
                    changed = True
    found["client"] = {client_id: dict(session.execute(
        sa.select(Client.__table__).where(Client.id == client_id)).mappings().one())}
    return {name: list(rows.values()) for name, rows in found.items()}


def audit_about(session: Session, records: dict[str, list[dict]]) -> list[AuditEntry]:
    """Audit entries whose target is one of these rows (the client, a conversation, ...)."""
    targets = [sa.and_(AuditEntry.target_type == name, AuditEntry.target_id.in_([str(r["id"]) for r in rows]))
               for name, rows in records.items() if rows]
    return session.scalars(sa.select(AuditEntry).where(sa.or_(*targets)).order_by(AuditEntry.id)).all()


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def export_client(session: Session, client: Client, now: datetime) -> dict:
    """Everything about the client, as plain JSON-ready data."""
    records = related_rows(session, client.id)
    plain = {name: [{k: _plain(v) for k, v in row.items()} for row in rows] for name, rows in records.items()}
    profile = plain.pop("client")[0]
    entries = audit_about(session, records)
    return {
        "format": FORMAT,
        "exported_at": now.isoformat(),
        "client": profile,
        "records": plain,
        "audit": [{"at": _plain(e.at), "action": e.action, "staff_user_id": e.user_id, "target_type": e.target_type,
                   "target_id": e.target_id} for e in entries],
    }


def _blank(column: sa.Column, value):
    if column.nullable:
        return None
    if isinstance(column.type, sa.JSON):
        return [] if isinstance(value, list) else {}
    return ""


def _scrubbed(table: sa.Table, row: dict) -> dict:
    """New values for a row's personal columns; codes, numbers, dates, statuses and links stay."""
    values = {}
    for column in table.c:
        if column.primary_key or column.foreign_keys or isinstance(column.type, sa.Enum):
            continue
        if column.name in NUMBERS_ERASED.get(table.name, ()):
            values[column.name] = None
        elif table.name == "event" and column.name == "data":
            values["data"] = {k: v for k, v in (row["data"] or {}).items()
                              if k in EVENT_DATA_KEPT and isinstance(v, (str, int, float, bool))}
        elif isinstance(column.type, (sa.String, sa.JSON)) and column.name not in CODES.get(table.name, ()):
            values[column.name] = _blank(column, row[column.name])
    return values


def erase_client(session: Session, client: Client, by: User | None, now: datetime) -> dict[str, int]:
    """Erase the client's personal data in the caller's transaction; returns rows touched by table."""
    lock_client(session, client.id)  # no message of theirs is being handled meanwhile
    records = related_rows(session, client.id)
    touched: dict[str, int] = {}
    for table in reversed(db.metadata.sorted_tables):  # children first
        rows = records.get(table.name, [])
        if not rows:
            continue
        touched[table.name] = len(rows)
        if table.name in DELETED_ON_ERASURE:
            session.execute(sa.delete(table).where(table.c.id.in_([r["id"] for r in rows])))
            continue
        for row in rows:
            values = _scrubbed(table, row)
            if table.name == "client":  # the tombstone: no number, nothing can be sent to it
                values.update(phone=f"{ERASED}-{client.id}", unreachable_at=now, unreachable_reason=ERASED)
            if values:
                session.execute(sa.update(table).where(table.c.id == row["id"]).values(**values))
    session.execute(sa.update(Message).where(
        Message.client_id == client.id, Message.status.in_([MessageStatus.PENDING, MessageStatus.SENDING])
    ).values(status=MessageStatus.SUPPRESSED, error_message="client erased", next_attempt_at=None))
    session.execute(sa.update(Conversation).where(Conversation.client_id == client.id).values(
        status=ConversationStatus.CLOSED))
    session.execute(sa.update(Referral).where(Referral.client_id == client.id).values(next_checkin_at=None))
    audit(session, by, "erase_client", "client", client.id)
    session.expire_all()
    return touched
