"""Sending through the real twilio SDK to the local fake Twilio: once, and never lost.

The engine's first reply to a new client is the language menu (or the consent question);
these tests are about what happens to that reply on its way out.
"""


import pytest
import sqlalchemy as sa

from models import Channel, Client, Message, MessageStatus, db
from models.message import Direction
from tests.conftest import app_on_fake_twilio
from tests.jobs import drain
from tests.phone import Phone
from workers.sweeper import run_sweeps


@pytest.fixture
def phone(twilio_app):
    return Phone(twilio_app, twilio_app.test_client(), "+16175550123")


def outbound(app):
    with app.app_context():
        rows = db.session.scalars(sa.select(Message).where(Message.direction == Direction.OUTBOUND)
                                  .order_by(Message.id)).all()
        db.session.expunge_all()
        return rows


def sweep(app, clock, **later):
    clock.advance(**later)
    with app.app_context():
        run_sweeps()
    drain(app)


def test_reply_is_sent_once_through_twilio_and_delivery_is_recorded(twilio_app, fake_twilio, phone):
    phone.send("Hola, necesito ayuda con comida")
    sent = fake_twilio.messages
    assert [m["to"] for m in sent] == ["+16175550123"] * len(outbound(twilio_app))
    assert all(m["params"]["StatusCallback"] == "http://localhost/webhooks/twilio/status" for m in sent)
    fake_twilio.flush_callbacks()
    rows = outbound(twilio_app)
    assert {r.status for r in rows} == {MessageStatus.DELIVERED}
    assert rows[0].twilio_sid == sent[0]["sid"]
    assert rows[0].segments >= 1 and rows[0].encoding in ("GSM-7", "UCS-2")


def test_forged_or_missing_signature_is_refused_and_nothing_stored(twilio_app, phone):
    form = phone.form("hello")
    assert phone.http.post("/webhooks/twilio/messages", data=form).status_code == 403
    assert phone.http.post("/webhooks/twilio/messages", data=form,
                           headers={"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}).status_code == 403
    forged_status = phone.http.post("/webhooks/twilio/status", data={"MessageSid": "SM1", "MessageStatus": "failed"})
    assert forged_status.status_code == 403
    with twilio_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Message)) == 0


def test_public_url_is_what_the_signature_covers(make_app, fake_twilio):
    app = make_app(TWILIO_ACCOUNT_SID=fake_twilio.account_sid, TWILIO_AUTH_TOKEN=fake_twilio.auth_token,
                   TWILIO_API_BASE_URL=fake_twilio.url, TWILIO_SMS_FROM="+15005550006",
                   PUBLIC_URL="https://enlace.example.org")
    form = fake_twilio.inbound_form("+16175550123", "hello")
    signed_for_public = fake_twilio.signature("https://enlace.example.org/webhooks/twilio/messages", form)
    http = app.test_client()
    assert http.post("/webhooks/twilio/messages", data=form,
                     headers={"X-Twilio-Signature": signed_for_public}).status_code == 200


def test_twilio_5xx_and_429_are_retried_with_backoff_and_sent_once(twilio_app, fake_twilio, phone, clock):
    fake_twilio.fail_next(count=1, status=503)
    fake_twilio.fail_next(count=1, status=429, code=20429)
    phone.send("hi")  # one reply: the language menu
    row = outbound(twilio_app)[0]
    assert row.status is MessageStatus.PENDING and row.attempts == 1 and row.next_attempt_at > clock.now
    sweep(twilio_app, clock, seconds=6)
    assert outbound(twilio_app)[0].status is MessageStatus.PENDING  # the 429
    sweep(twilio_app, clock, seconds=31)
    row = outbound(twilio_app)[0]
    assert row.status is MessageStatus.QUEUED and row.attempts == 3
    assert len(fake_twilio.messages) == 1


def test_lost_answer_is_reconciled_not_sent_again(twilio_app, fake_twilio, phone, clock):
    fake_twilio.delay(2.0, count=1)  # longer than the SDK's 1 s timeout: Twilio took it, we never heard
    phone.send("hello")
    assert outbound(twilio_app)[0].status is MessageStatus.SENDING
    sweep(twilio_app, clock, minutes=3)
    rows = outbound(twilio_app)
    assert sorted(r.twilio_sid for r in rows) == sorted(m["sid"] for m in fake_twilio.messages)
    assert len(fake_twilio.messages) == len(rows)  # each text went out exactly once


def test_twilio_down_then_up_nothing_lost(twilio_app, fake_twilio, phone, clock):
    fake_twilio.down(mode="refuse")
    phone.send("hi")
    assert outbound(twilio_app)[0].status is MessageStatus.PENDING
    fake_twilio.up()
    sweep(twilio_app, clock, seconds=6)
    assert len(fake_twilio.messages) == 1
    assert outbound(twilio_app)[0].status is MessageStatus.QUEUED


def test_21610_marks_the_client_opted_out_and_nothing_more_is_sent(twilio_app, fake_twilio, phone):
    fake_twilio.reject("+16175550123", code=21610)
    phone.send("hello")
    row = outbound(twilio_app)[0]
    assert (row.status, row.error_code) == (MessageStatus.FAILED, 21610)
    assert phone.client().opted_out
    phone.send("1")
    assert outbound(twilio_app)[-1].status is MessageStatus.SUPPRESSED or len(outbound(twilio_app)) == 1
    assert fake_twilio.messages == []


@pytest.mark.parametrize("code", [21211, 21614])
def test_invalid_or_landline_number_is_marked_unreachable(twilio_app, fake_twilio, phone, code):
    fake_twilio.reject("+16175550123", code=code)
    phone.send("hello")
    client = phone.client()
    assert client.unreachable_at is not None and outbound(twilio_app)[0].error_code == code


def test_status_callbacks_only_move_forward(twilio_app, fake_twilio, phone):
    phone.send("hello")
    sid = fake_twilio.messages[0]["sid"]
    fake_twilio.send_status(sid, "delivered")
    fake_twilio.send_status(sid, "sent")  # late
    fake_twilio.send_status(sid, "delivered")  # duplicate
    assert outbound(twilio_app)[0].status is MessageStatus.DELIVERED
    fake_twilio.send_status(sid, "read")
    assert outbound(twilio_app)[0].status is MessageStatus.READ


def test_a_status_callback_that_beats_the_senders_record_of_the_sid_is_applied_once_it_is(
        twilio_app, fake_twilio, phone, clock):
    phone.send("hello")
    row = outbound(twilio_app)[0]
    with twilio_app.app_context():  # the worker has Twilio's answer but has not committed it yet
        db.session.execute(sa.update(Message).where(Message.id == row.id).values(
            twilio_sid=None, status=MessageStatus.SENDING))
        db.session.commit()
    fake_twilio.send_status(row.twilio_sid, "delivered")
    assert outbound(twilio_app)[0].status is MessageStatus.SENDING
    with twilio_app.app_context():
        db.session.execute(sa.update(Message).where(Message.id == row.id).values(
            twilio_sid=row.twilio_sid, status=MessageStatus.QUEUED))
        db.session.commit()
    clock.advance(seconds=2)
    drain(twilio_app)
    assert outbound(twilio_app)[0].status is MessageStatus.DELIVERED


def test_a_text_the_sweeper_took_back_from_a_long_batch_is_not_sent_by_the_batch_too(
        twilio_app, fake_twilio, monkeypatch):
    """Check-in batches claim their texts together; one the sweeper requeued meanwhile is the requeue's to send."""
    from models.message import Sender
    from workers import sending

    with twilio_app.app_context():
        client = Client(phone="+16175550126", language="en")
        db.session.add(client)
        db.session.flush()
        msg = Message(client_id=client.id, direction=Direction.OUTBOUND, sender=Sender.BOT, channel=Channel.SMS,
                      body="Hi, this is Enlace.", status=MessageStatus.PENDING)
        db.session.add(msg)
        db.session.commit()
        claim = sending._claim

        def claim_then_sweeper_takes_back(ids, now):
            claimed = claim(ids, now)
            db.session.execute(sa.update(Message).where(Message.id.in_(claimed)).values(
                status=MessageStatus.PENDING, claimed_at=None))
            db.session.commit()
            return claimed

        monkeypatch.setattr(sending, "_claim", claim_then_sweeper_takes_back)
        sending.send_now([msg.id])
        assert fake_twilio.messages == []
        monkeypatch.setattr(sending, "_claim", claim)
        sending.send_now([msg.id])
    assert len(fake_twilio.messages) == 1


def test_failed_delivery_keeps_the_error_code(twilio_app, fake_twilio, phone):
    fake_twilio.set_outcome("+16175550123", "undelivered", error_code=30003)
    phone.send("hello")
    fake_twilio.flush_callbacks()
    row = outbound(twilio_app)[0]
    assert (row.status, row.error_code) == (MessageStatus.UNDELIVERED, 30003)


def test_malformed_status_callbacks_get_400(twilio_app, fake_twilio):
    http = twilio_app.test_client()
    url = "http://localhost/webhooks/twilio/status"
    for form in ({"MessageStatus": "sent"}, {"MessageSid": "SMx", "MessageStatus": "exploded"},
                 {"MessageSid": "SMx", "MessageStatus": "failed", "ErrorCode": "abc"}):
        resp = http.post("/webhooks/twilio/status", data=form,
                         headers={"X-Twilio-Signature": fake_twilio.signature(url, form)})
        assert resp.status_code == 400


def test_whatsapp_outside_the_window_falls_back_to_sms(make_app, fake_twilio, clock):
    app = app_on_fake_twilio(make_app, fake_twilio, TWILIO_WHATSAPP_FROM="whatsapp:+15005550006")
    wa = Phone(app, app.test_client(), "+16175550124", channel="whatsapp")
    wa.send("hello")
    assert fake_twilio.messages[0]["to"] == "whatsapp:+16175550124"
    # Twilio refuses free-form WhatsApp outside the 24-hour window with 63016, by callback
    fake_twilio.set_outcome("whatsapp:+16175550124", "failed", error_code=63016)
    with app.app_context():
        from bot.messaging.outbox import write_text
        client = db.session.scalars(sa.select(Client)).one()
        msg = write_text(db.session, client, None, "A note from your CHW", clock.now, author_id=None)
        db.session.commit()
        from bot.messaging.outbox import enqueue_sends
        enqueue_sends([msg])
    drain(app)
    fake_twilio.flush_callbacks()
    drain(app)
    assert [m["to"] for m in fake_twilio.messages][-1] == "+16175550124"  # the SMS fallback
    rows = outbound(app)
    assert rows[-2].error_code == 63016 and rows[-1].channel is Channel.SMS


def test_redis_down_while_a_message_arrives_loses_nothing(make_app, fake_twilio, clock):
    from workers.queue import RQJobQueue

    broken = RQJobQueue("redis://127.0.0.1:1/0")  # nothing listens there
    app = make_app(JOB_QUEUE=broken)
    phone = Phone(app, app.test_client(), "+16175550125")
    resp = phone.post(phone.form("Hola, necesito ayuda"))
    assert resp.status_code == 200
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Message).where(
            Message.direction == Direction.INBOUND)) == 1
        waiting = db.session.scalars(sa.select(Message.status).where(Message.direction == Direction.INBOUND)).all()
        assert waiting == [MessageStatus.RECEIVED]  # the text waits in the database for its turn
    healthy = make_app()
    clock.advance(seconds=30)
    with healthy.app_context():
        run_sweeps()
    drain(healthy)
    with healthy.app_context():
        statuses = db.session.scalars(sa.select(Message.status).where(Message.direction == Direction.OUTBOUND)).all()
    assert statuses and all(s is MessageStatus.DELIVERED for s in statuses)
