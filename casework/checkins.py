"""A referral's check-in schedule: when the next check-in (or reminder) falls due.

The referral row holds the schedule (`next_checkin_at`, `checkin_stage`); every time is moved
out of the client's quiet hours. The job that runs due check-ins (`workers.checkins`) is woken
for each due second after commit, by name, so nothing here depends on the code that runs it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy.orm import Session

from bot.messaging.quiet_hours import next_allowed, zone
from models import CheckinStage, Client, Referral
from models.referral import OPEN_STATUSES
from workers.queue import enqueue_after_commit


def checkin_time(client: Client, when: datetime) -> datetime:
    """`when`, or the end of the client's quiet hours if it falls in them."""
    cfg = current_app.config
    return next_allowed(when, zone(client.timezone, cfg["DEFAULT_TIMEZONE"]), cfg["QUIET_HOURS"])


def schedule_checkin(session: Session, referral: Referral, client: Client, now: datetime) -> None:
    """The first (or next) check-in, FOLLOWUP_AFTER from now, outside quiet hours."""
    referral.checkin_stage = CheckinStage.ASK
    schedule_at(session, referral, checkin_time(client, now + current_app.config["FOLLOWUP_AFTER"]))


def schedule_at(session: Session, referral: Referral, when: datetime) -> None:
    """Due at `when`; the job for that second (shared by all due in it) is woken after commit."""
    referral.next_checkin_at = when
    slot = when.replace(microsecond=0) + timedelta(seconds=1 if when.microsecond else 0)
    enqueue_after_commit(session, "run_due_checkins", when=slot, job_id=f"checkins-at-{slot:%Y%m%dT%H%M%S}")


def is_due(now: datetime) -> tuple:
    """Conditions on `Referral`: its check-in is due and the referral still open."""
    return Referral.next_checkin_at <= now, Referral.status.in_(OPEN_STATUSES)
