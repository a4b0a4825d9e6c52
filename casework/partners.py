"""Partners: how each wants referrals, and the notifications a shared referral gets.

How a partner wants referrals: an email and/or a phone that takes texts, and its language.

An admin's setting (`PartnerContact`, for a service or its whole organisation) comes first; a
blank field falls back to the directory: the service's HSDS email, else its organisation's; a
service phone of HSDS type `text` or `cell`, else such an organisation phone. A paused partner
gets nothing; one with neither an email nor a texting phone "cannot be notified".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Event, Referral
from models.directory import Organization, PartnerContact, Phone, Service
from models.referral import PartnerNotification
from workers.queue import enqueue_after_commit

TEXTING_PHONE_TYPES = ("text", "cell")


@dataclass(frozen=True)
class Contact:
    """Where a partner's referrals go. `email_from`/`phone_from` say where each came from
    (admin, service, organization) for the admins' list."""

    organization_id: str
    email: str | None
    phone: str | None
    language: str
    paused: bool
    email_from: str | None = None
    phone_from: str | None = None

    @property
    def reachable(self) -> bool:
        return not self.paused and bool(self.email or self.phone)


def _settings(session: Session, organization_id: str, service_id: str | None) -> list[PartnerContact]:
    """The admin's settings that apply: the service's first, then the organisation's."""
    rows = session.scalars(sa.select(PartnerContact).where(
        PartnerContact.organization_id == organization_id,
        PartnerContact.service_id.in_([service_id or "", ""]))).all()
    return sorted(rows, key=lambda row: row.service_id == "")


def _texting_phone(session: Session, column, value: str) -> str | None:
    return session.scalars(sa.select(Phone.e164).where(column == value, Phone.e164.is_not(None),
                                                       sa.func.lower(Phone.type).in_(TEXTING_PHONE_TYPES))
                           .order_by(Phone.id).limit(1)).first()


def contact_for(session: Session, organization_id: str, service_id: str | None = None) -> Contact:
    settings = _settings(session, organization_id, service_id)
    email = phone = language = None
    email_from = phone_from = None
    for row in settings:
        if row.email and not email:
            email, email_from = row.email, "admin"
        if row.phone and not phone:
            phone, phone_from = row.phone, "admin"
        language = language or row.language
    if not email and service_id:
        email = session.scalar(sa.select(Service.email).where(Service.id == service_id)) or None
        email_from = "service" if email else None
    if not email:
        email = session.scalar(sa.select(Organization.email).where(Organization.id == organization_id)) or None
        email_from = "organization" if email else None
    if not phone and service_id:
        phone = _texting_phone(session, Phone.service_id, service_id)
        phone_from = "service" if phone else None
    if not phone:
        phone = _texting_phone(session, Phone.organization_id, organization_id)
        phone_from = "organization" if phone else None
    paused = any(row.paused for row in settings)
    return Contact(organization_id, email and email.strip(), phone, language or "en", paused, email_from, phone_from)


def organization_of(session: Session, service_id: str | None) -> str | None:
    if not service_id:
        return None
    return session.scalar(sa.select(Service.organization_id).where(Service.id == service_id))


def notify_job_id(note: PartnerNotification) -> str:
    """One id per notification and attempt: the queue holds at most one job for each."""
    return f"partner-{note.id}-{note.attempts}"


def notify_partner(session: Session, referral: Referral, now: datetime) -> list[PartnerNotification]:
    """The client agreed to share: one pending notification per way the partner takes referrals,
    sent by the `notify_partner` job after commit (a lost job is found again by the sweep). A
    partner that cannot be notified gets an event on the client's record, for the CHW."""
    if referral.organization_id is None:
        referral.organization_id = organization_of(session, referral.service_id)
    if referral.organization_id is None:
        return []
    contact = contact_for(session, referral.organization_id, referral.service_id)
    if not contact.reachable:
        session.add(Event(client_id=referral.client_id, conversation_id=None, type="partner_not_notified",
                          data={"referral_id": referral.id, "paused": contact.paused}, created_at=now))
        return []
    notes = [PartnerNotification(referral_id=referral.id, channel=channel, address=address,
                                 language=contact.language, status="pending", attempts=0)
             for channel, address in (("email", contact.email), ("sms", contact.phone)) if address]
    session.add_all(notes)
    session.flush()
    for note in notes:
        enqueue_after_commit(session, "notify_partner", note.id, job_id=notify_job_id(note))
    return notes
