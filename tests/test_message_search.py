"""Search within a client's messages: the folding and matching on their own, and the conversation
page through Flask's test client (results listed with links into the transcript, markup escaped)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dashboard.conversations.search import fold, matching
from dashboard.conversations.transcript import Line
from models import Conversation, Message, db
from tests.phone import Phone
from tests.staff import add_user, sign_in


def line(body: str, english: str | None = None) -> Line:
    return Line(Message(body=body), "Client", english, False)


def test_fold_ignores_case_accents_and_spacing():
    assert fold("Tôi  muốn\nCHẾT") == "toi muon chet"
    assert fold("Đi đâu") == "di dau"
    assert fold("Café ÑANDÚ") == "cafe nandu"


def test_every_word_must_appear_in_the_text_or_its_english():
    lines = [line("Necesito comida para mis hijos"), line("Gracias", english="Thank you"), line("tôi muốn chết")]
    assert [ln.message.body for ln in matching(lines, "comida HIJOS")] == ["Necesito comida para mis hijos"]
    assert [ln.message.body for ln in matching(lines, "thank")] == ["Gracias"]
    assert [ln.message.body for ln in matching(lines, "toi muon chet")] == ["tôi muốn chết"]
    assert matching(lines, "comida gracias") == []
    assert matching(lines, "   ") == []


@pytest.fixture
def page(app, http):
    phone = Phone(app, http, "+15555550123")
    phone.send("hi")
    phone.send("I want to talk to a person about food for my kids")
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
        mid = db.session.scalars(sa.select(Message.id).where(Message.body.like("%food%"))).one()
    return lambda q: (http.get(f"/dashboard/conversations/{cid}", query_string={"q": q}), mid)


def test_the_page_lists_the_matches_with_links_into_the_transcript(page):
    response, mid = page("FOOD kids")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 message with “FOOD kids”" in html
    assert f'<a href="#message-{mid}">Client,' in html
    assert 'value="FOOD kids"' in html


def test_no_match_says_so_and_markup_is_escaped(page):
    response, _ = page("<script>alert(1)</script>")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "No message has “&lt;script&gt;alert(1)&lt;/script&gt;”" in html
    assert "<script>alert(1)" not in html


def test_a_huge_query_is_cut_not_refused(page):
    response, _ = page("food " * 2000)
    assert response.status_code == 200
    assert "1 message with" in response.get_data(as_text=True)
