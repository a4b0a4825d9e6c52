"""Quiet hours and opt-out are checked when a text is handed to Twilio, not only when it is written.

The outside review (issue 14, finding 1) had a check-in written at 11:00 go out on its fourth attempt in the
middle of the client's night: the retries' backoff carried it past the start of quiet hours. An automated text
found inside the window at send time waits for the window's end; a CHW's live reply does not wait; a text to a
client who opted out since it was written is cancelled.
"""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from bot.messaging.outbox import enqueue_sends
from config import QuietHours
from models import Channel, Client, Message, MessageStatus, Sender, db
from models.message import Direction
from tests.conftest import app_on_fake_twilio
from tests.jobs import drain
from workers.sweeper import run_sweeps

NEW_YORK = ZoneInfo("America/New_York")
NUMBER = "+16175550160"


@pytest.fixture
def app(make_app, fake_twilio):
    """Quiet from 11:01 in New York, one minute after the test clock's start (11:00), to 08:00."""
    return app_on_fake_twilio(make_app, fake_twilio, QUIET_HOURS=QuietHours(time(11, 1), time(8, 0)),
                              DEFAULT_TIMEZONE="America/New_York")


def write(app, body: str, *, automated: bool, sender: Sender = Sender.BOT) -> int:
    with app.app_context():
        client = db.session.scalars(sa.select(Client).where(Client.phone == NUMBER)).first()
        if client is None:
            client = Client(phone=NUMBER, channel=Channel.SMS, language="en", timezone="America/New_York")
            db.session.add(client)
            db.session.flush()
        row = Message(client_id=client.id, direction=Direction.OUTBOUND, sender=sender, channel=Channel.SMS,
                      body=body, automated=automated, status=MessageStatus.PENDING, segments=1, encoding="GSM-7",
                      created_at=app.config["CLOCK"]())
        db.session.add(row)
        db.session.commit()
        enqueue_sends([row])
        return row.id


def row(app, message_id: int) -> Message:
    with app.app_context():
        found = db.session.get(Message, message_id)
        db.session.expunge(found)
        return found


def tick(app, clock, **later) -> None:
    clock.advance(**later)
    with app.app_context():
        run_sweeps()
        db.session.remove()
    drain(app)


def test_a_retry_that_falls_in_quiet_hours_waits_for_their_end(app, fake_twilio, clock):
    fake_twilio.fail_next(count=3, status=500)
    checkin = write(app, "Did you get help from City Pantry?", automated=True)
    drain(app)  # 11:00:00, first attempt: 500
    tick(app, clock, seconds=6)  # second attempt: 500
    tick(app, clock, seconds=31)  # third attempt: 500; the next is two minutes on, inside quiet hours
    assert row(app, checkin).attempts == 3
    tick(app, clock, seconds=121)
    assert fake_twilio.messages == []
    held = row(app, checkin)
    assert held.status is MessageStatus.PENDING
    assert held.next_attempt_at.astimezone(NEW_YORK).strftime("%m-%d %H:%M") == "03-11 08:00"
    assert held.attempts == 3  # waiting is not an attempt
    tick(app, clock, hours=20, minutes=57)  # 07:59:38 the next morning
    assert fake_twilio.messages == []
    tick(app, clock, minutes=1)
    assert [m["body"] for m in fake_twilio.messages] == ["Did you get help from City Pantry?"]
    assert row(app, checkin).status is MessageStatus.QUEUED


def test_a_chws_live_reply_in_quiet_hours_goes_at_once(app, fake_twilio, clock):
    clock.advance(hours=2)  # 13:00 in New York, inside the window
    write(app, "Hi Ana, this is Rosa from the clinic.", automated=False, sender=Sender.CHW)
    drain(app)
    assert [m["body"] for m in fake_twilio.messages] == ["Hi Ana, this is Rosa from the clinic."]


def test_an_automated_text_to_a_client_who_opted_out_since_it_was_written_is_cancelled(app, fake_twilio, clock):
    fake_twilio.fail_next(count=1, status=500)
    checkin = write(app, "Did you get help?", automated=True)
    drain(app)
    with app.app_context():  # the client texts STOP before the retry
        db.session.execute(sa.update(Client).values(opted_out_at=clock.now))
        db.session.commit()
    tick(app, clock, seconds=6)
    assert fake_twilio.messages == []
    assert row(app, checkin).status is MessageStatus.SUPPRESSED
