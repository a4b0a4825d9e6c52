"""The inbound pipeline through the real webhook: store first, answer once, refuse bad input."""

import sqlalchemy as sa

from models import Client, Message, MessageStatus, db
from models.message import Direction


def count(app, *where):
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(Message).where(*where))


def test_first_text_is_stored_and_answered(app, phone):
    replies = phone.send("hello")
    assert len(replies) == 1
    assert "Enlace" in replies[0]
    assert count(app, Message.direction == Direction.INBOUND) == 1
    assert count(app, Message.status == MessageStatus.DELIVERED) == 1  # the local outbox


def test_twilio_retry_of_the_same_message_is_a_no_op(app, http, phone):
    form = phone.form("hello")
    assert http.post("/webhooks/twilio/messages", data=form).status_code == 200
    assert http.post("/webhooks/twilio/messages", data=form).status_code == 200
    assert count(app, Message.direction == Direction.INBOUND) == 1
    assert len(phone.replies()) == 1


def test_whatsapp_sender_is_recorded(app, http):
    form = {"MessageSid": "SM" + "a" * 32, "From": "whatsapp:+14155550199", "To": "whatsapp:+14155550100",
            "Body": "hola", "NumMedia": "0", "ProfileName": "Ana", "WaId": "14155550199"}
    assert http.post("/webhooks/twilio/messages", data=form).status_code == 200
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        assert (client.phone, client.channel.value, client.profile_name, client.whatsapp_id) == (
            "+14155550199", "whatsapp", "Ana", "14155550199")


def test_malformed_requests_get_400_and_store_nothing(app, http, phone):
    bad = [
        {k: v for k, v in phone.form("hi").items() if k != "From"},
        {k: v for k, v in phone.form("hi").items() if k != "Body"},
        phone.form("hi", From="not a number"),
        phone.form("x" * 1601),
        phone.form("hi", NumMedia="lots"),
        phone.form("hi", MessageSid=""),
    ]
    for form in bad:
        resp = http.post("/webhooks/twilio/messages", data=form)
        assert resp.status_code == 400, form
        assert "malformed webhook" in resp.get_data(as_text=True)
    assert count(app) == 0


def test_media_only_and_empty_messages_get_a_polite_text(phone):
    phone.send("hello")
    assert phone.send("", NumMedia="1", MediaUrl0="https://example.test/m.jpg",
                      MediaContentType0="image/jpeg") == ["Sorry, we can only read text. Please type your answer."]
    assert phone.send("   ") == ["We got an empty message. Please type your answer."]


def test_control_characters_emoji_and_mixed_scripts_are_kept_readable(app, phone):
    phone.send("hi\x00\x07 there 👋 مرحبا 你好\u202e")
    with app.app_context():
        body = db.session.scalars(sa.select(Message.body).where(Message.direction == Direction.INBOUND)).one()
    assert body == "hi there 👋 مرحبا 你好"


def test_huge_request_is_refused_not_crashed(http, phone):
    resp = http.post("/webhooks/twilio/messages", data=phone.form("x" * 200_000))
    assert resp.status_code == 413


def test_healthz_reports_database_and_queue(http):
    resp = http.get("/healthz")
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["ok"] and data["database"]["ok"] and data["queue"]["ok"]
