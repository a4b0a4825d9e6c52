"""The queue shows what happened: each card quotes the client's text that put the conversation
there (with its translation and language), the conversation marks that text, and the dashboard
opens on the queue."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Client, Conversation, db
from tests.fake_translate import FakeTranslate
from tests.phone import Phone
from tests.staff import add_user, sign_in

HELP = "necesito ayuda con la renta, me van a desalojar"


@pytest.fixture
def fake():
    with FakeTranslate() as server:
        server.answers[HELP] = "I need help with the rent, they are going to evict me"
        yield server


@pytest.fixture
def app(make_app, fake):
    return make_app(TRANSLATE_URL=fake.url)


def conversation_of(app, number: str) -> Conversation:
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation).join(Client, Client.id == Conversation.client_id)
                                  .where(Client.phone == number)).one()
        db.session.expunge(conv)
        return conv


def test_each_card_quotes_the_text_that_escalated_with_its_translation(app):
    http = app.test_client()
    spanish = Phone(app, http, "+16175550101")
    spanish.send("hola")
    spanish.send("2")  # Español
    spanish.send(HELP)
    spanish.send("quiero hablar con una persona")
    english = Phone(app, http, "+16175550102")
    english.send("I want to talk to a person please")
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    page = http.get("/dashboard/queue").get_data(as_text=True)
    assert "quiero hablar con una persona" in page and "[en] quiero hablar con una persona" in page
    assert "I want to talk to a person please" in page
    assert page.count("Spanish") >= 1 and "English" in page
    assert HELP not in page  # the earlier text is not the one that escalated


def test_a_crisis_text_later_becomes_the_trigger_and_is_marked_in_the_conversation(app):
    http = app.test_client()
    phone = Phone(app, http, "+16175550103")
    phone.send("I want to talk to a person")
    phone.send("I want to kill myself")
    conv = conversation_of(app, "+16175550103")
    assert conv.urgency.value == "urgent"
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    queue = http.get("/dashboard/").get_data(as_text=True)  # the dashboard opens on the queue
    assert "<h1>Queue</h1>" in queue and "I want to kill myself" in queue and "data-urgent-waiting" in queue
    page = http.get(f"/dashboard/conversations/{conv.id}").get_data(as_text=True)
    marked = page.index("This text put the conversation in the queue")
    assert page.index("I want to kill myself") > marked > page.index("I want to talk to a person")
    assert f'href="#message-{conv.trigger_message_id}"' in page


def test_hostile_markup_on_a_card_is_escaped(app):
    http = app.test_client()
    Phone(app, http, "+16175550104").send('<img src=x onerror=alert(1)> I want to talk to a person')
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    page = http.get("/dashboard/queue").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
