"""Acting on a referral a health system sent in: find or make the client, make the referral (it
joins the same loop as the bot's: check-ins, partner answers, the CHW queue), and text the client
in their language, consent first (bot/engine/step.py `_referred`).

A sender posting the same Task again gets the referral it made the first time: nothing is made
or texted twice. A client who texted STOP is not texted; the referral is kept for the CHW.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.engine import Input
from bot.pipeline.process import resume
from casework.referrals import create_referral
from interop.fhir.bundle import task_id
from interop.fhir.inbound import InboundReferral
from models import Channel, Client, FhirReferral, FhirSender, Message
from models.base import dialect_insert


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_sender(session: Session, name: str, callback_url: str | None = None) -> str:
    """Register a sending organisation (or give it a new token); returns the token, shown only once."""
    token = secrets.token_urlsafe(32)
    sender = session.scalars(sa.select(FhirSender).where(FhirSender.name == name)).first()
    if sender is None:
        sender = FhirSender(name=name)
        session.add(sender)
    sender.token_hash = hash_token(token)
    if callback_url is not None:
        sender.callback_url = callback_url or None
    return token


def sender_for(session: Session, token: str | None) -> FhirSender | None:
    if not token:
        return None
    return session.scalars(sa.select(FhirSender).where(FhirSender.token_hash == hash_token(token))).first()


def receive(session: Session, sender: FhirSender, inbound: InboundReferral, now: datetime, source: str
            ) -> tuple[FhirReferral, bool, list[Message]]:
    """(the referral as sent, whether it is new, the texts to send after commit); `source` names this
    deployment, for the Task's id (interop/fhir/bundle.py)."""
    known = session.scalars(sa.select(FhirReferral).where(FhirReferral.sender_id == sender.id,
                                                          FhirReferral.source_task == inbound.source_task)).first()
    if known is not None:
        return known, False, []
    client = _client(session, inbound, now)
    referral = create_referral(session, client, inbound.need, None, inbound.performer or sender.name, None, now,
                               shared=False, organization_name=inbound.performer or sender.name, source="ehr")
    link = FhirReferral(sender_id=sender.id, referral_id=referral.id, source_task=inbound.source_task,
                        task_id=task_id(referral.id, source), posted_status=referral.status.value, created_at=now)
    session.add(link)
    session.flush()
    texts = [] if client.opted_out else resume(
        session, client, Input(kind="referral_received", data={"sender": sender.name, "need": inbound.need}), now)
    return link, True, texts


def _client(session: Session, inbound: InboundReferral, now: datetime) -> Client:
    """The client with this number, made when new (a text from them at the same moment wins the race)."""
    insert = dialect_insert(session.get_bind().dialect.name, Client.__table__).values(
        phone=inbound.phone, channel=Channel.SMS, created_at=now).on_conflict_do_nothing(index_elements=["phone"])
    session.execute(insert)
    client = session.scalars(sa.select(Client).where(Client.phone == inbound.phone)
                             .execution_options(populate_existing=True)).one()
    if client.language is None and inbound.language:
        client.language = inbound.language
    if client.first_name is None and inbound.first_name:
        client.first_name = inbound.first_name[:80]
    return client
