"""Twilio misbehaving for a while, and webhooks or callbacks arriving twice, late or out of order.

test_sending.py covers one failure at a time; here whole conversations run while Twilio
fails, and the end state is checked the same way every time: every text reached Twilio
once, and every outbound row ended delivered or with its failure on record.
"""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from models import Message, MessageStatus, db
from tests.conftest import app_on_fake_twilio
from tests.jobs import drain
from tests.phone import Phone
from tests.reliability import SCREENING, assert_sent_once, assert_settled, inbound, outbound, transcripts
from workers.sweeper import run_sweeps


@pytest.fixture
def app(make_app, fake_twilio):
    """The app sending to the fake Twilio with a short timeout, status callbacks in-process."""
    return app_on_fake_twilio(make_app, fake_twilio, TWILIO_TIMEOUT=0.25)


def settle(app, fake, clock, rounds: int = 40, step_minutes: float = 5) -> None:
    """Let time pass: sweeps find what is due or stuck, the queue runs, Twilio reports back."""
    for _ in range(rounds):
        clock.advance(minutes=step_minutes)
        with app.app_context():
            run_sweeps()
            db.session.remove()
        drain(app)
        fake.flush_callbacks()
        if not [r for r in outbound(app) if r.status in (MessageStatus.PENDING, MessageStatus.SENDING)]:
            return


def test_twilio_failing_for_a_while_every_text_goes_out_once(app, fake_twilio, clock):
    phones = [Phone(app, app.test_client(), f"+1617555020{i}") for i in range(3)]
    fake_twilio.fail_next(count=5, status=500)
    fake_twilio.fail_next(count=4, status=429, code=20429)
    fake_twilio.fail_next(count=3, status=503)
    for turn in SCREENING[:4]:
        for phone in phones:
            phone.send(turn)
    fake_twilio.delay(0.6, count=3)  # three answers lost to the 0.25 s timeout: Twilio took them
    phones[0].send(SCREENING[4])
    fake_twilio.down(mode="close")  # hangs up without answering
    phones[1].send(SCREENING[4])
    fake_twilio.up()
    settle(app, fake_twilio, clock)
    rows = assert_settled(app)
    assert all(r.status is MessageStatus.DELIVERED for r in rows)
    assert_sent_once(app, fake_twilio)
    assert max(r.attempts for r in rows) > 1  # some rows needed several tries


def test_twilio_down_longer_than_the_retries_records_a_failure_and_sends_nothing_twice(app, fake_twilio, clock):
    phone = Phone(app, app.test_client(), "+16175550210")
    fake_twilio.fail_next(count=200, status=500)
    phone.send("hello")
    settle(app, fake_twilio, clock, step_minutes=30)
    rows = assert_settled(app)
    assert [(r.status, r.error_message) for r in rows] == [
        (MessageStatus.FAILED, "gave up after 8 attempts: Twilio 500")]
    assert fake_twilio.messages == []


def test_the_same_webhook_replayed_concurrently_is_stored_and_answered_once(app, fake_twilio):
    phone = Phone(app, app.test_client(), "+16175550220")
    form = phone.form("Hi, I need help with food")
    start = threading.Barrier(8)
    answers = []

    def replay():
        http = app.test_client()
        start.wait()
        answers.append(Phone(app, http, phone.number).post(form).status_code)

    threads = [threading.Thread(target=replay) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    drain(app)
    assert answers == [200] * 8
    assert len(inbound(app)) == 1
    replies = outbound(app)
    assert len(replies) == 2  # the language confirmation and the consent question, once
    assert len(fake_twilio.messages) == 2
    assert_sent_once(app, fake_twilio)


def test_a_late_retry_of_an_old_message_changes_nothing(app, fake_twilio):
    phone = Phone(app, app.test_client(), "+16175550230")
    first = phone.form(SCREENING[0])
    phone.post(first)
    for turn in SCREENING[1:4]:
        phone.send(turn)
    before = transcripts(app)
    assert phone.post(first).status_code == 200  # Twilio retrying the very first text, much later
    drain(app)
    assert transcripts(app) == before
    assert_sent_once(app, fake_twilio)


def test_concurrent_duplicate_and_out_of_order_status_callbacks(app, fake_twilio):
    fake_twilio.set_outcome("+16175550241", "undelivered", 30003)
    good, bad = (Phone(app, app.test_client(), n) for n in ("+16175550240", "+16175550241"))
    good.send("hello")
    bad.send("hello")
    fake_twilio.configure_callbacks(duplicate=True, out_of_order=True)  # last step first, each twice
    fake_twilio.flush_callbacks()
    sids = {m["to"]: m["sid"] for m in fake_twilio.messages}
    start = threading.Barrier(6)

    def late(sid, status):
        start.wait()
        fake_twilio.send_status(sid, status)

    threads = [threading.Thread(target=late, args=(sids["+16175550240"], s))
               for s in ("sent", "delivered", "queued", "delivered", "sent", "sent")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = {r.client_id: (r.status, r.error_code) for r in outbound(app)}
    assert sorted(statuses.values(), key=lambda s: s[0].value) == [
        (MessageStatus.DELIVERED, None), (MessageStatus.UNDELIVERED, 30003)]
    assert all(c["response_status"] == 204 for c in fake_twilio.callbacks)


def test_a_callback_for_a_message_not_yet_recorded_is_accepted_and_harmless(app, fake_twilio):
    http = app.test_client()
    form = {"MessageSid": "SM" + "f" * 32, "MessageStatus": "delivered", "AccountSid": fake_twilio.account_sid}
    url = "http://localhost/webhooks/twilio/status"
    resp = http.post("/webhooks/twilio/status", data=form,
                     headers={"X-Twilio-Signature": fake_twilio.signature(url, form)})
    assert resp.status_code == 204
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0


def test_status_callbacks_lost_while_we_were_down_are_recovered_from_twilio(app, fake_twilio, clock):
    fake_twilio.set_outcome("+16175550251", "undelivered", 30003)
    good, bad = (Phone(app, app.test_client(), n) for n in ("+16175550250", "+16175550251"))
    good.send("hello")
    bad.send("hello")
    fake_twilio.configure_callbacks(transport=lambda url, form, headers: 503)  # we were down: Twilio gives up
    fake_twilio.flush_callbacks()
    assert {r.status for r in outbound(app)} == {MessageStatus.QUEUED}
    settle(app, fake_twilio, clock, rounds=1, step_minutes=11)
    assert {(r.status, r.error_code) for r in assert_settled(app)} == {
        (MessageStatus.DELIVERED, None), (MessageStatus.UNDELIVERED, 30003)}
    asked = fake_twilio.requests
    settle(app, fake_twilio, clock, rounds=3, step_minutes=11)
    assert fake_twilio.requests == asked  # settled texts are not asked about again
