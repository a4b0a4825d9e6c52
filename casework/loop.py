"""The partner's side of a referral's loop: what its answers (accept, decline with a reason,
client served, could not serve) do to the referral, whichever way it gives them (the signed
link, a partner account). Each answer counts once: a second one says what was recorded.

Statuses are the Gravity SDOHCC Task's: received (the partner opened it), accepted or rejected
(with a statusReason), then completed or failed. The client's own check-in answer is kept beside
the partner's (`client_outcome`, `partner_outcome`): the loop is closed when both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from casework.labels import DECLINE_REASONS
from models import Referral, ReferralStatus
from models.referral import set_status

FIRST_ANSWERS = {"accept": ReferralStatus.ACCEPTED, "decline": ReferralStatus.REJECTED}
OUTCOMES = {"served": ReferralStatus.COMPLETED, "not_served": ReferralStatus.FAILED}
ANSWERABLE = (ReferralStatus.REQUESTED, ReferralStatus.RECEIVED)


@dataclass(frozen=True)
class Answer:
    """What the partner's click did: `changed` False when it had been recorded before (or the
    referral was closed on our side), `recorded` naming what stands (accept, decline, served,
    not_served, or closed)."""

    changed: bool
    recorded: str | None
    problem: str | None = None


DISAGREE = {("served", "failed"), ("not_served", "got_help")}


def disputed(referral: Referral) -> bool:
    """The partner and the client tell different stories (served / could not get help, or the
    other way round): a CHW should look."""
    return (referral.partner_outcome, referral.client_outcome) in DISAGREE


def closed_loop(referral: Referral) -> bool:
    """Both sides answered, and agree."""
    return (referral.partner_outcome, referral.client_outcome) in {("served", "got_help"), ("not_served", "failed")}


def answer_due(sent_at: datetime, business_days: int) -> datetime:
    """When a partner told at `sent_at` should have answered: that many weekdays later."""
    due, left = sent_at, business_days
    while left > 0:
        due += timedelta(days=1)
        if due.weekday() < 5:
            left -= 1
    return due


def first_answer(referral: Referral) -> str | None:
    if referral.partner_answered_at is None:
        return None
    return "decline" if referral.status is ReferralStatus.REJECTED else "accept"


def opened(session: Session, referral: Referral, now: datetime, source: str) -> bool:
    """The partner saw the referral: requested → received, once."""
    if referral.status is not ReferralStatus.REQUESTED:
        return False
    set_status(session, referral, ReferralStatus.RECEIVED, now, source=source)
    return True


def answer(session: Session, referral: Referral, choice: str, now: datetime, source: str,
           reason: str | None = None, detail: str | None = None, by_id: int | None = None) -> Answer:
    if choice in FIRST_ANSWERS:
        if referral.partner_answered_at is not None:
            return Answer(False, first_answer(referral))
        if referral.status not in ANSWERABLE:
            return Answer(False, "closed")
        if choice == "decline":
            if reason not in DECLINE_REASONS:
                return Answer(False, None, "Choose why you cannot take this referral.")
            if reason == "other" and not (detail or "").strip():
                return Answer(False, None, "Say in a few words why you cannot take this referral.")
        set_status(session, referral, FIRST_ANSWERS[choice], now, reason=reason if choice == "decline" else None,
                   by_id=by_id, source=source, detail=(detail or "").strip()[:500] or None)
        referral.partner_answered_at = now
        return Answer(True, choice)
    if choice in OUTCOMES:
        if referral.partner_outcome is not None:
            return Answer(False, referral.partner_outcome)
        if first_answer(referral) != "accept":
            return Answer(False, first_answer(referral) or None, "Accept the referral first.")
        referral.partner_outcome = choice
        if referral.status in (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS):
            set_status(session, referral, OUTCOMES[choice], now, reason=None if choice == "served" else "not_served",
                       by_id=by_id, source=source)
        return Answer(True, choice)
    return Answer(False, None, "Unknown choice.")
