"""No automated text follows an opt-out, whichever of the recognised opt-out words the client used.

The outside review (issue 14, finding 4) found opt-out words outside the command list ignored; the detector
now reads the lexicon (`bot/understanding/lexicon/optout.py`). This test takes every whole-message entry of
that lexicon, certain and probable alike, so it grows with it: each client has an automated text waiting for a
retry when they opt out, and another is written afterwards; neither is ever handed to the phone, and the only
text they get after opting out is the confirmation (for a probable opt-out, the question asking them to confirm).
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.engine import Reply, texts
from bot.messaging.outbox import enqueue_sends, write_replies
from bot.understanding.keywords import classify_keyword
from bot.understanding.lexicon.optout import CERTAIN_WORDS, PROBABLE
from models import Client, Message, MessageStatus, db
from models.message import Direction
from tests.jobs import drain
from tests.phone import Phone
from workers.sweeper import run_sweeps

OPT_OUTS = sorted(set(CERTAIN_WORDS) | set(PROBABLE))
SENT = (MessageStatus.SENDING, MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED,
        MessageStatus.READ)


def automated(app, phone: Phone, **retry_later) -> None:
    """An automated text for this client (a check-in, say), written now; with `retry_later`, it failed
    once and waits for its retry."""
    with app.app_context():
        client = db.session.scalars(sa.select(Client).where(Client.phone == phone.number)).one()
        [row] = write_replies(db.session, client, None, [Reply(texts.RESUMED.key, automated=True)],
                              app.config["CLOCK"]())
        if retry_later:
            row.next_attempt_at = app.config["CLOCK"]() + timedelta(**retry_later)
            row.attempts = 1
        db.session.commit()
        enqueue_sends([row])


def test_no_automated_text_follows_any_recognised_opt_out(app, clock):
    phones = [Phone(app, app.test_client(), f"+1617555{3000 + i:04d}") for i in range(len(OPT_OUTS))]
    for phone, words in zip(phones, OPT_OUTS, strict=True):
        phone.send("hi")
        automated(app, phone, minutes=5)
        phone.send(words)
        automated(app, phone)
    clock.advance(days=1)
    with app.app_context():
        run_sweeps()
        db.session.remove()
    drain(app)
    with app.app_context():
        rows = db.session.execute(
            sa.select(Client.phone, Message.text_key, Message.automated, Message.status)
            .join(Client, Client.id == Message.client_id)
            .where(Message.direction == Direction.OUTBOUND)).all()
        opted_out = set(db.session.scalars(sa.select(Client.phone).where(Client.opted_out_at.is_not(None))))
    words_of = {p.number: w for p, w in zip(phones, OPT_OUTS, strict=True)}
    assert sorted(words_of[n] for n in set(words_of) - opted_out) == []
    went_out = sorted(words_of[phone] for phone, _, is_automated, status in rows if is_automated and status in SENT)
    assert went_out == []
    answer = {w: texts.STOPPED.key if classify_keyword(w).certain else texts.CONFIRM_STOP.key for w in OPT_OUTS}
    confirmed = {phone for phone, key, _, status in rows if key == answer[words_of[phone]] and status in SENT}
    assert sorted(words_of[n] for n in set(words_of) - confirmed) == []
