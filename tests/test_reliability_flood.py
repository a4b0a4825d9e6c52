"""A flood from one number: stored, answered only up to the per-sender limit, and nobody else
slowed down; an opt-out or a crisis inside the flood is still heard."""

from __future__ import annotations

import sqlalchemy as sa

from models import Client, Event, Message, db
from models.message import Direction
from tests.phone import Phone
from tests.reliability import SCREENING, transcripts

LIMITED = "rate limited: not answered"


def flood_rows(app, number):
    with app.app_context():
        rows = db.session.scalars(sa.select(Message).join(Client, Client.id == Message.client_id).where(
            Client.phone == number, Message.direction == Direction.INBOUND).order_by(Message.id)).all()
        db.session.expunge_all()
        return rows


def test_a_flood_is_stored_but_answered_only_up_to_the_limit_while_others_converse(make_app):
    app = make_app(RATE_LIMIT_PER_MINUTE=10)
    flooder = Phone(app, app.test_client(), "+16175550501")
    ana = Phone(app, app.test_client(), "+16175550502")
    reference = Phone(app, app.test_client(), "+16175550503")
    for turn in SCREENING[:6]:
        reference.send(turn)
    for i in range(30):
        flooder.send(f"spam {i}")
        if i % 5 == 0:
            assert ana.send(SCREENING[i // 5])  # every text of hers is answered, in the middle of the flood
    stored = flood_rows(app, "+16175550501")
    assert len(stored) == 30
    assert [m.error_message for m in stored] == [None] * 10 + [LIMITED] * 20
    talks = transcripts(app)
    assert [b for d, b in talks["+16175550502"] if d == "out"] == [
        b for d, b in talks["+16175550503"] if d == "out"]


def test_the_limit_is_per_minute(make_app, clock):
    app = make_app(RATE_LIMIT_PER_MINUTE=3)
    phone = Phone(app, app.test_client(), "+16175550511")
    assert [bool(phone.send(f"hi {i}")) for i in range(5)] == [True, True, True, True, False]  # one notice
    clock.advance(seconds=61)
    assert phone.send("hello again")


def test_stop_inside_a_flood_is_honoured(make_app):
    app = make_app(RATE_LIMIT_PER_MINUTE=3)
    phone = Phone(app, app.test_client(), "+16175550521")
    for i in range(6):
        phone.send(f"hi {i}")
    assert phone.send("STOP") == [
        "You will get no more texts from Enlace. Reply START to come back."]
    assert phone.client().opted_out


def test_a_crisis_inside_a_flood_reaches_a_person(make_app):
    app = make_app(RATE_LIMIT_PER_MINUTE=3)
    phone = Phone(app, app.test_client(), "+16175550531")
    for i in range(6):
        phone.send(f"hi {i}")
    assert phone.send("I want to kill myself")
    with app.app_context():
        kinds = db.session.scalars(sa.select(Event.type)).all()
    assert "crisis_detected" in kinds and "escalated" in kinds


def test_a_client_over_the_limit_gets_one_notice_in_their_language_and_a_chw_sees_them(make_app):
    from tests.staff import add_user, sign_in

    app = make_app(RATE_LIMIT_PER_MINUTE=3)
    phone = Phone(app, app.test_client(), "+16175550531")
    replies = [phone.send(f"hola, necesito ayuda {i}") for i in range(8)]
    assert replies[3] == ["Recibimos muchos mensajes suyos a la vez y pausamos las respuestas. "
                          "Un trabajador de salud los leerá."]
    assert replies[4:] == [[]] * 4  # one notice, not one per text
    add_user(app, "ana@example.org")
    http = app.test_client()
    sign_in(http, "ana@example.org")
    assert "Texting very fast" in http.get("/dashboard/queue").get_data(as_text=True)
