"""The CHW inbox across languages: each client text translated once by a job (a local fake
LibreTranslate server), shown beside the original; a CHW's reply written in their language and
translated before sending; every failure visible, nothing lost or held back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from interop.translation import Translator
from models import Conversation, Message, MessageTranslation, Sender, TranslationStatus, db
from tests.fake_translate import FakeTranslate
from tests.jobs import drain
from tests.phone import Phone
from tests.staff import add_user, post, sign_in
from workers.translation import translate_backlog

ASK = "quiero hablar con una persona"


@pytest.fixture
def fake():
    with FakeTranslate() as server:
        yield server


@pytest.fixture
def app(make_app, fake):
    return make_app(TRANSLATE_URL=fake.url)


def spanish_client(app, http, number="+16175550123") -> Phone:
    phone = Phone(app, http, number)
    phone.send("hola")
    phone.send("2")  # Español
    phone.send(ASK)
    return phone


def page_of(app, http) -> str:
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    return http.get(f"/dashboard/conversations/{cid}").get_data(as_text=True)


def translations(app) -> list[tuple[str, str, str | None]]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(Message.body, MessageTranslation.status, MessageTranslation.text)
            .join(Message, Message.id == MessageTranslation.message_id).order_by(Message.id)).all()
        return [(body, status.value, text) for body, status, text in rows]


def test_each_client_text_is_shown_beside_the_translation_the_server_returned(app, fake):
    fake.answers[ASK] = "I want to talk to a person"
    http = app.test_client()
    spanish_client(app, http)
    page = page_of(app, http)
    assert "I want to talk to a person" in page and ASK in page
    assert "English, machine translation" in page
    # Translated once, by the job: opening the page again asks the server nothing.
    asked = len(fake.requests)
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    assert "I want to talk to a person" in http.get(f"/dashboard/conversations/{cid}").get_data(as_text=True)
    assert len(fake.requests) == asked
    assert ("quiero hablar con una persona", "done", "I want to talk to a person") in translations(app)


def test_a_request_carries_only_the_text_and_the_languages(app, fake):
    http = app.test_client()
    spanish_client(app, http)
    assert fake.requests, "nothing was translated"
    for request in fake.requests:
        assert set(request) == {"q", "source", "target", "format"}
        assert "+1617" not in request["q"] and request["target"] == "en" and request["format"] == "text"
    assert {"q": ASK, "source": "es", "target": "en", "format": "text"} in fake.requests


def test_the_api_key_is_sent_when_set(make_app, fake):
    app = make_app(TRANSLATE_URL=fake.url, TRANSLATE_API_KEY="k-123")
    spanish_client(app, app.test_client())
    assert fake.requests and all(r.get("api_key") == "k-123" for r in fake.requests)


@pytest.mark.parametrize("mode, reason", [
    ("error", "answered with an error (500: Cannot translate text"),
    ("garbage", "answer was not JSON"),
    ("huge", "far too long to be a translation"),
])
def test_a_failing_server_leaves_the_original_and_says_why(app, fake, mode, reason):
    fake.mode = mode
    http = app.test_client()
    spanish_client(app, http)
    page = page_of(app, http)
    assert ASK in page and "Translation unavailable" in page and reason in page
    assert "lorem ipsum" not in page
    assert (ASK, "failed", None) in translations(app) and ("2", "done", "2") in translations(app)


def test_a_server_too_slow_times_out_and_the_bot_still_answered(make_app, fake):
    app = make_app(TRANSLATE_URL=fake.url)
    app.extensions["translator"] = Translator(fake.url, timeout=(0.5, 0.2))
    fake.mode, fake.delay = "slow", 1.0
    http = app.test_client()
    phone = Phone(app, http, "+16175550123")
    assert phone.send("hola")  # the bot answers; translating is a job of its own
    phone.send("2")
    phone.send(ASK)
    page = page_of(app, http)
    assert ASK in page and "did not answer in time" in page


def test_no_server_configured_says_translation_unavailable(make_app):
    app = make_app()
    http = app.test_client()
    spanish_client(app, http)
    page = page_of(app, http)
    assert ASK in page and "Translation unavailable" in page and "No translation server is set up" in page
    assert translations(app) == []


def test_a_server_that_is_down_loses_nothing_and_a_later_run_translates(make_app, fake):
    app = make_app(TRANSLATE_URL="http://127.0.0.1:9")  # nothing listens on the discard port
    http = app.test_client()
    spanish_client(app, http)
    assert (ASK, "failed", None) in translations(app)
    assert "could not be reached" in page_of(app, http)
    app.extensions["translator"] = Translator(fake.url)
    with app.app_context():
        ids = db.session.scalars(sa.select(Message.id).where(Message.sender == Sender.CLIENT)).all()
    app.extensions["jobs"].enqueue("translate_messages", ids, "en")
    drain(app)
    assert (ASK, "done", f"[en] {ASK}") in translations(app)


def test_hostile_markup_in_a_translation_is_escaped(app, fake):
    fake.mode = "hostile"
    http = app.test_client()
    spanish_client(app, http)
    page = page_of(app, http)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_the_backlog_sweep_translates_texts_whose_job_was_lost(app, fake):
    http = app.test_client()
    app.extensions["translator"], kept = None, app.extensions["translator"]
    spanish_client(app, http)  # no server while they arrive: nothing asked
    assert translations(app) == []
    app.extensions["translator"] = kept
    with app.app_context():
        assert translate_backlog(app.config["CLOCK"]()) == 3  # "hola", "2" and the request
    drain(app)
    assert (ASK, "done", f"[en] {ASK}") in translations(app)


def test_the_chw_writes_in_english_checks_the_spanish_and_both_are_stored(app, fake):
    fake.answers["I can help you today."] = "Le puedo ayudar hoy."
    http = app.test_client()
    spanish_client(app, http)
    page_of(app, http)
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    post(http, f"/dashboard/conversations/{cid}/claim")
    draft = post(http, f"/dashboard/conversations/{cid}/reply",
                 {"draft-own": "I can help you today.", "draft-translate": "1"}).get_data(as_text=True)
    assert "Le puedo ayudar hoy." in draft and "You wrote, in English" in draft
    with app.app_context():
        assert db.session.scalars(sa.select(Message).where(Message.sender == Sender.CHW)).all() == []
    # The CHW edits the translation before sending it.
    post(http, f"/dashboard/conversations/{cid}/reply", {"own": "I can help you today.",
                                                          "body": "¡Le puedo ayudar hoy!"})
    with app.app_context():
        sent = db.session.scalars(sa.select(Message).where(Message.sender == Sender.CHW)).one()
        written = db.session.scalars(sa.select(MessageTranslation).where(
            MessageTranslation.message_id == sent.id)).one()
        assert (sent.body, written.status, written.text) == (
            "¡Le puedo ayudar hoy!", TranslationStatus.WRITTEN, "I can help you today.")
    page = http.get(f"/dashboard/conversations/{cid}").get_data(as_text=True)
    assert "¡Le puedo ayudar hoy!" in page and "Written in English" in page


def test_a_failed_draft_translation_keeps_the_words_and_sends_nothing(app, fake):
    http = app.test_client()
    spanish_client(app, http)
    page_of(app, http)
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    post(http, f"/dashboard/conversations/{cid}/claim")
    fake.mode = "error"
    page = post(http, f"/dashboard/conversations/{cid}/reply",
                {"draft-own": "See you soon", "draft-translate": "1"}).get_data(as_text=True)
    assert "Translation unavailable" in page and "See you soon" in page
    with app.app_context():
        assert db.session.scalars(sa.select(Message).where(Message.sender == Sender.CHW)).all() == []
