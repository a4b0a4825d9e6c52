"""Applying a delivery status callback: from the webhook at once, or as a job a little later.

Twilio can report a message before the worker that sent it has written down its SID (the answer
and the callback race); the callback is then tried again as a job.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa

from bot.messaging.delivery import advance, react_to_error
from bot.messaging.outbox import enqueue_sends
from models import Client, Message, MessageStatus, clock, db
from workers.queue import jobs

log = logging.getLogger(__name__)
# When a status callback names a SID not recorded yet: the sender's commit is usually milliseconds away.
UNKNOWN_SID_RETRIES = [timedelta(seconds=s) for s in (2, 10, 60)]


def apply_status_callback(sid: str, new: MessageStatus, code: int | None, attempt: int = 0) -> None:
    """Record a delivery status. Twilio can report a message before the worker that sent it has
    written down its SID (the answer and the callback race): try again a little later."""
    now = clock.now()
    msg = db.session.scalars(sa.select(Message).where(Message.twilio_sid == sid).with_for_update()).first()
    if msg is None:
        db.session.rollback()
        if attempt < len(UNKNOWN_SID_RETRIES):
            jobs().enqueue_at(now + UNKNOWN_SID_RETRIES[attempt], "apply_status_callback", sid, new, code, attempt + 1)
        else:
            log.info("status callback for an unknown message")
        return
    fallback = None
    if advance(msg, new, now, code) and new in (MessageStatus.FAILED, MessageStatus.UNDELIVERED):
        fallback = react_to_error(db.session, msg, db.session.get(Client, msg.client_id), code, now)
    db.session.commit()
    if fallback is not None:
        enqueue_sends([fallback])
