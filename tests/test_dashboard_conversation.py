"""The conversation page through Flask's test client: the transcript, replying (to the fake Twilio),
canned replies in the client's language, notes, handing back to the bot and closing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from markupsafe import escape

from bot.i18n import REGISTRY
from models import (
    AuditEntry,
    Conversation,
    ConversationStatus,
    Message,
    MessageStatus,
    Sender,
    db,
)
from models.case import Note
from tests.jobs import drain
from tests.phone import Phone
from tests.staff import add_user, post, sign_in

SPANISH_INTRO = "Soy promotora de salud comunitaria de Enlace. ¿Cómo le puedo ayudar?"  # locales/es


def text(response) -> str:
    return response.get_data(as_text=True)


def conversation_id(app) -> int:
    with app.app_context():
        return db.session.scalars(sa.select(Conversation.id)).one()


def conversation(app) -> Conversation:
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation)).one()
        db.session.expunge(conv)
        return conv


def audit_entries(app, action: str) -> list[tuple]:
    with app.app_context():
        return [(e.user_id, e.target_type, e.target_id) for e in
                db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id))]


@pytest.fixture
def ana(app):
    return add_user(app, "ana@example.org", name="Ana Ruiz")


@pytest.fixture
def phone(app, http):
    return Phone(app, http, "+15555550123")


@pytest.fixture
def claimed(app, http, phone, ana):
    """A client who asked for a person, and Ana signed in holding the conversation."""
    phone.send("hi")
    phone.send("I want to talk to a person")
    sign_in(http, "ana@example.org")
    cid = conversation_id(app)
    assert post(http, f"/dashboard/conversations/{cid}/claim").status_code == 302
    return cid


def test_the_transcript_shows_both_sides_and_the_view_is_audited(app, http, phone, ana):
    phone.send("hi")
    phone.send("I want to talk to a person")
    sign_in(http, "ana@example.org")
    cid = conversation_id(app)
    page = text(http.get(f"/dashboard/conversations/{cid}"))
    assert "I want to talk to a person" in page
    assert "OK. A community health worker will text you here soon." in page
    assert "Client" in page and "Bot" in page
    assert "Delivered" in page and "1 segment, GSM-7" in page
    assert "Claim this conversation" in page
    assert audit_entries(app, "view_conversation") == [(ana.id, "conversation", str(cid))]


def test_another_chws_conversation_is_not_found_but_a_supervisor_sees_it(app, http, claimed):
    add_user(app, "ben@example.org", name="Ben Okafor")
    add_user(app, "sam@example.org", role="supervisor", name="Sam Lee")
    ben = app.test_client()
    sign_in(ben, "ben@example.org")
    for url in (f"/dashboard/conversations/{claimed}", f"/dashboard/conversations/{claimed}/transcript"):
        response = ben.get(url)
        assert response.status_code == 404
        assert "I want to talk to a person" not in text(response)
    assert post(ben, f"/dashboard/conversations/{claimed}/reply", {"body": "hi"}).status_code == 404
    assert post(ben, f"/dashboard/conversations/{claimed}/hand-back").status_code == 404
    assert audit_entries(app, "view_conversation") == []
    sam = app.test_client()
    sign_in(sam, "sam@example.org")
    page = text(sam.get(f"/dashboard/conversations/{claimed}"))
    assert "I want to talk to a person" in page
    assert "Ana Ruiz has this conversation: only they can reply." in page


def test_unauthenticated_is_sent_to_sign_in(app, http, phone):
    phone.send("I want to talk to a person")
    cid = conversation_id(app)
    response = http.get(f"/dashboard/conversations/{cid}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")
    assert http.post(f"/dashboard/conversations/{cid}/reply", data={"body": "hi"}).status_code in (302, 400)


def test_a_reply_needs_csrf_and_says_what_is_wrong(app, http, claimed):
    assert http.post(f"/dashboard/conversations/{claimed}/reply", data={"body": "Hello"}).status_code == 400
    empty = post(http, f"/dashboard/conversations/{claimed}/reply", {"body": "   "})
    assert empty.status_code == 400 and "Write a message before sending it." in text(empty)
    long = post(http, f"/dashboard/conversations/{claimed}/reply", {"body": "x" * 1601})
    assert long.status_code == 400 and "A text can be at most 1600 characters; this one has 1601." in text(long)
    bad_key = post(http, f"/dashboard/conversations/{claimed}/reply", {"key": "system.help"})
    assert bad_key.status_code == 400
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Message.sender == Sender.CHW)) == 0


def test_only_the_chw_holding_it_may_reply(app, http, phone, ana):
    phone.send("I want to talk to a person")
    sign_in(http, "ana@example.org")
    cid = conversation_id(app)
    response = post(http, f"/dashboard/conversations/{cid}/reply", {"body": "Hello"}, follow_redirects=True)
    assert "Claim this conversation before you text the client." in text(response)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Message.sender == Sender.CHW)) == 0


def test_a_reply_reaches_twilio(twilio_app, fake_twilio):
    http = twilio_app.test_client()
    phone = Phone(twilio_app, http, "+16175550123")
    phone.send("I want to talk to a person")
    add_user(twilio_app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    cid = conversation_id(twilio_app)
    post(http, f"/dashboard/conversations/{cid}/claim")
    sent_before = len(fake_twilio.messages)
    response = post(http, f"/dashboard/conversations/{cid}/reply", {"body": "Hi, this is Ana. How can I help?"})
    assert response.headers["Location"] == f"/dashboard/conversations/{cid}#reply"
    drain(twilio_app)
    sent = fake_twilio.messages[sent_before:]
    assert [(m["to"], m["body"]) for m in sent] == [("+16175550123", "Hi, this is Ana. How can I help?")]
    fake_twilio.flush_callbacks()
    page = text(http.get(f"/dashboard/conversations/{cid}"))
    assert "Ana Ruiz (CHW)" in page and "Delivered" in page
    assert audit_entries(twilio_app, "reply") == [(1, "conversation", str(cid))]


def test_canned_replies_go_out_in_the_clients_language_with_the_english_beside(twilio_app, fake_twilio):
    intro = REGISTRY["canned.intro"]
    http = twilio_app.test_client()
    phone = Phone(twilio_app, http, "+16175550123")
    phone.send("hi")
    phone.send("2")  # Español
    phone.send("quiero hablar con una persona")
    add_user(twilio_app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    cid = conversation_id(twilio_app)
    post(http, f"/dashboard/conversations/{cid}/claim")
    page = text(http.get(f"/dashboard/conversations/{cid}"))
    assert SPANISH_INTRO in page and escape(intro.english) in page  # the canned reply, previewed both ways
    sent_before = len(fake_twilio.messages)
    post(http, f"/dashboard/conversations/{cid}/reply", {"key": "canned.intro"})
    drain(twilio_app)
    assert [m["body"] for m in fake_twilio.messages[sent_before:]] == [SPANISH_INTRO]
    with twilio_app.app_context():
        row = db.session.scalars(sa.select(Message).where(Message.sender == Sender.CHW)).one()
        assert (row.text_key, row.language, row.english, row.encoding) == (
            "canned.intro", "es", intro.english, "UCS-2")
    page = text(http.get(f"/dashboard/conversations/{cid}"))
    assert "English source" in page and "Sent in Spanish" in page


def test_an_opted_out_client_cannot_be_texted_and_the_page_says_why(app, http, phone, ana):
    phone.send("I want to talk to a person")
    sign_in(http, "ana@example.org")
    cid = conversation_id(app)
    post(http, f"/dashboard/conversations/{cid}/claim")
    phone.send("STOP")
    page = text(http.get(f"/dashboard/conversations/{cid}"))
    assert "texted STOP on" in page and "Nothing can be sent to them until they text START." in page
    assert '<fieldset class="plain" disabled' in page
    response = post(http, f"/dashboard/conversations/{cid}/reply", {"body": "Are you OK?"}, follow_redirects=True)
    assert "Not sent: client opted out." in text(response)
    with app.app_context():
        row = db.session.scalars(sa.select(Message).where(Message.sender == Sender.CHW)).one()
        assert row.status is MessageStatus.SUPPRESSED


def test_notes_are_validated_and_kept(app, http, claimed):
    empty = post(http, f"/dashboard/conversations/{claimed}/notes", {"note-body": ""})
    assert empty.status_code == 400 and "Write the note before saving it." in text(empty)
    saved = post(http, f"/dashboard/conversations/{claimed}/notes", {"note-body": "Prefers texts after 5pm."},
                 follow_redirects=True)
    assert "Note saved." in text(saved) and "Prefers texts after 5pm." in text(saved)
    with app.app_context():
        note = db.session.scalars(sa.select(Note)).one()
        assert (note.conversation_id, note.author_id) == (claimed, 1)


def test_hand_back_and_the_bot_carries_on(app, http, phone, claimed):
    post(http, f"/dashboard/conversations/{claimed}/reply", {"body": "Which language do you prefer?"})
    phone.replies()
    response = post(http, f"/dashboard/conversations/{claimed}/hand-back")
    assert response.headers["Location"] == "/dashboard/queue"
    assert conversation(app).status is ConversationStatus.BOT
    assert conversation(app).assigned_to_id is None
    said = phone.replies()
    assert said[0] == "Let's continue where we left off."
    assert said[1].startswith("Enlace. Reply with a number")  # the question it was asking: the language menu
    after = phone.send("1")
    assert after[0] == "Thanks! We will text you in English. Reply LANG at any time to change the language."
    assert after[1].startswith("Enlace helps you find free help")  # the flow goes on: consent
    assert audit_entries(app, "hand_back") == [(1, "conversation", str(claimed))]


def test_close_ends_the_conversation(app, http, phone, claimed):
    response = post(http, f"/dashboard/conversations/{claimed}/close", follow_redirects=True)
    assert "Conversation closed." in text(response)
    assert conversation(app).status is ConversationStatus.CLOSED
    phone.send("hello again")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 2


def test_the_live_transcript_shows_new_messages(app, http, phone, claimed):
    page = text(http.get(f"/dashboard/conversations/{claimed}"))
    version = page.split('id="transcript-version" name="v" value="')[1].split('"')[0]
    url = f"/dashboard/conversations/{claimed}/transcript?v={version}"
    assert http.get(url).status_code == 204
    phone.send("I lost my job last week")
    live = http.get(url)
    assert live.status_code == 200 and "I lost my job last week" in text(live)


def test_a_whatsapp_client_silent_for_a_day_is_texted_by_sms_and_the_page_says_so(app, http, ana, clock):
    form = {"MessageSid": "SM" + "b" * 32, "From": "whatsapp:+14155550199", "To": "whatsapp:+14155550100",
            "Body": "I want to talk to a person", "NumMedia": "0", "WaId": "14155550199"}
    assert http.post("/webhooks/twilio/messages", data=form).status_code == 200
    drain(app)  # the client's turn
    sign_in(http, "ana@example.org")
    cid = conversation_id(app)
    post(http, f"/dashboard/conversations/{cid}/claim")
    assert "takes no free text now" not in text(http.get(f"/dashboard/conversations/{cid}"))
    clock.advance(hours=25)
    sign_in(http, "ana@example.org")  # the session ended overnight
    assert "takes no free text now: your reply goes as an SMS" in text(http.get(f"/dashboard/conversations/{cid}"))
