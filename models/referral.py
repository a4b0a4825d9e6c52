"""Referrals and their closed loop, with statuses from the Gravity SDOHCC TaskForReferralManagement.

A referral keeps a snapshot of the service it points at (name, phone) so that the record
stays readable when the directory is re-imported. Its check-in schedule lives here too:
the database, not the queue, says when the next check-in is due.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, created_at, enum_column, intpk


class ReferralStatus(enum.Enum):
    DRAFT = "draft"
    REQUESTED = "requested"
    RECEIVED = "received"  # the partner opened the referral
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IN_PROGRESS = "in-progress"
    ON_HOLD = "on-hold"
    FAILED = "failed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ENTERED_IN_ERROR = "entered-in-error"


OPEN_STATUSES = (ReferralStatus.REQUESTED, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                 ReferralStatus.ON_HOLD)
# Gravity requires a statusReason for these.
NEEDS_REASON = (ReferralStatus.REJECTED, ReferralStatus.CANCELLED, ReferralStatus.ON_HOLD, ReferralStatus.FAILED)

class CheckinStage(enum.Enum):
    ASK = "ask"  # the check-in question is due
    REMINDER = "reminder"  # asked, no reply: one reminder
    CHW_TASK = "chw_task"  # reminded, no reply: a person takes over
    DONE = "done"


class Referral(Base):
    __tablename__ = "referral"
    __table_args__ = (
        sa.Index("ix_referral_next_checkin", "next_checkin_at"),
        sa.Index("ix_referral_created_at", "created_at"),
        sa.Index("ix_referral_made_by_id", "made_by_id"),
    )

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int | None] = mapped_column(sa.ForeignKey("need.id", ondelete="SET NULL"))
    need_domain: Mapped[str] = mapped_column(sa.String(48))
    service_id: Mapped[str | None] = mapped_column(sa.String(250))
    service_name: Mapped[str] = mapped_column(sa.String(250))
    organization_name: Mapped[str | None] = mapped_column(sa.String(250))
    service_phone: Mapped[str | None] = mapped_column(sa.String(64))
    status: Mapped[ReferralStatus] = enum_column(ReferralStatus, default=ReferralStatus.REQUESTED)
    status_reason: Mapped[str | None] = mapped_column(sa.String(32))
    shared_with_provider: Mapped[bool] = mapped_column(default=False)  # the client agreed to share details
    made_by_id: Mapped[int | None]  # the CHW who made it; None when the bot did
    created_at: Mapped[created_at]
    outcome_at: Mapped[datetime | None]
    next_checkin_at: Mapped[datetime | None]
    checkin_stage: Mapped[CheckinStage] = enum_column(CheckinStage, default=CheckinStage.ASK)
    checkin_round: Mapped[int] = mapped_column(default=0)
    last_checkin_at: Mapped[datetime | None]
    # The partner's side of the loop: the HSDS organisation it went to, when the partner first
    # answered (accepted or declined) and what it said in the end (served | not_served).
    organization_id: Mapped[str | None] = mapped_column(sa.String(250), index=True)
    partner_answered_at: Mapped[datetime | None]
    partner_outcome: Mapped[str | None] = mapped_column(sa.String(16))
    # What the client said at check-in (got_help | failed), kept beside the status the partner may move.
    client_outcome: Mapped[str | None] = mapped_column(sa.String(16))


class ReferralStatusChange(Base):
    """The referral's history: every status it went through, when, why and by whom."""

    __tablename__ = "referral_status_change"

    id: Mapped[intpk]
    referral_id: Mapped[int] = mapped_column(sa.ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    status: Mapped[ReferralStatus] = enum_column(ReferralStatus)
    reason: Mapped[str | None] = mapped_column(sa.String(32))
    detail: Mapped[str | None] = mapped_column(sa.String(500))  # the partner's own words ("other")
    by_id: Mapped[int | None]  # the CHW, or None for the client/bot
    # Through what: bot | client (a text) | chw | partner_link | partner_account | ehr (casework/labels.py)
    source: Mapped[str] = mapped_column(sa.String(16), default="bot")
    at: Mapped[datetime]


def set_status(session: Session, referral: Referral, status: ReferralStatus, now: datetime,
               reason: str | None = None, by_id: int | None = None, source: str = "client",
               detail: str | None = None) -> None:
    if status in NEEDS_REASON and not reason:
        raise ValueError(f"a {status.value} referral needs a reason")
    referral.status = status
    referral.status_reason = reason if status in NEEDS_REASON else None
    if status in (ReferralStatus.COMPLETED, ReferralStatus.FAILED, ReferralStatus.REJECTED,
                  ReferralStatus.CANCELLED):
        referral.outcome_at = now
        referral.next_checkin_at = None
        referral.checkin_stage = CheckinStage.DONE
    session.add(ReferralStatusChange(referral_id=referral.id, status=status, reason=referral.status_reason,
                                     by_id=by_id, source=source, at=now, detail=detail))


class PartnerLink(Base):
    """A link that lets one partner act on one referral without a login: `/r/<token>`, the token
    being this row's id signed with the app's secret (interop/partners/links.py). The row says
    when it expires and whether it was revoked; a forged or guessed token matches no signature."""

    __tablename__ = "partner_link"

    id: Mapped[intpk]
    referral_id: Mapped[int] = mapped_column(sa.ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[created_at]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class PartnerNotification(Base):
    """One message telling a partner about a referral (email or text), and how far it got.

    `pending` until sent; a failed attempt stays `pending` with the next try in `next_try_at`,
    so an SMTP server that is down delays the email and loses nothing; `sent` is final."""

    __tablename__ = "partner_notification"
    __table_args__ = (sa.UniqueConstraint("referral_id", "channel", name="uq_partner_notification_referral_channel"),
                      sa.Index("ix_partner_notification_status_next_try_at", "status", "next_try_at"))

    id: Mapped[intpk]
    referral_id: Mapped[int] = mapped_column(sa.ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(sa.String(8))  # email | sms
    address: Mapped[str] = mapped_column(sa.String(320))
    language: Mapped[str] = mapped_column(sa.String(16), default="en")
    status: Mapped[str] = mapped_column(sa.String(16), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(sa.String(200))


# Health systems that send referrals in through FHIR (`POST /fhir`), and what each one sent.
# A sender is known by a bearer token shown once, when it is made (`flask partners token`), and
# stored only as its SHA-256: a stolen database does not let anyone post referrals. Each referral a
# sender posts keeps the sender's own Task id, so a repeated POST finds the referral it made the
# first time, and the Task status last posted back to the sender's callback URL, so that every
# change is posted once.

class FhirSender(Base):
    __tablename__ = "fhir_sender"

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)  # sha256 hex of the bearer token
    callback_url: Mapped[str | None] = mapped_column(sa.String(500))  # Task updates are POSTed here
    created_at: Mapped[created_at]


class FhirReferral(Base):
    """A referral a sender posted: its Task id on their side, and where posting it back stands."""

    __tablename__ = "fhir_referral"
    __table_args__ = (sa.UniqueConstraint("sender_id", "source_task", name="uq_fhir_referral_sender_source_task"),)

    id: Mapped[intpk]
    sender_id: Mapped[int] = mapped_column(sa.ForeignKey("fhir_sender.id", ondelete="CASCADE"))
    referral_id: Mapped[int] = mapped_column(sa.ForeignKey("referral.id", ondelete="CASCADE"), unique=True)
    source_task: Mapped[str] = mapped_column(sa.String(200))  # the sender's Task id (or identifier)
    task_id: Mapped[str] = mapped_column(sa.String(36), unique=True)  # our Task's id (GET /fhir/Task/<id>)
    posted_status: Mapped[str | None] = mapped_column(sa.String(24))  # the Task status last posted back
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime | None]
    created_at: Mapped[created_at]
