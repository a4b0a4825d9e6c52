"""The CHW queue through Flask's test client: who sees what, the SLA clock, the live part, claiming."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from casework.handoff import claim
from models import Client, Conversation, ConversationStatus, Event, User, db
from tests.phone import Phone
from tests.staff import add_user, post, sign_in


def text(response) -> str:
    return response.get_data(as_text=True)


def escalate(app, http, number: str, body: str = "I want to talk to a person", phone: Phone | None = None) -> int:
    """A client texts through the real webhook and ends up in the queue; returns the conversation id."""
    (phone or Phone(app, http, number)).send(body)
    with app.app_context():
        return db.session.scalars(
            sa.select(Conversation.id).join(Client, Client.id == Conversation.client_id).where(Client.phone == number)
        ).one()


def conversation(app, conversation_id: int) -> Conversation:
    with app.app_context():
        conv = db.session.get(Conversation, conversation_id)
        db.session.expunge(conv)
        return conv


@pytest.fixture
def ana(app):
    return add_user(app, "ana@example.org", name="Ana Ruiz")


@pytest.fixture
def ben(app):
    return add_user(app, "ben@example.org", name="Ben Okafor")


@pytest.fixture
def sam(app):
    return add_user(app, "sam@example.org", role="supervisor", name="Sam Lee")


def test_an_escalation_shows_in_the_queue_with_reason_language_and_sla(app, http, ana):
    conv_id = escalate(app, http, "+15555550123")
    sign_in(http, "ana@example.org")
    page = text(http.get("/dashboard/queue"))
    assert "1 conversation is waiting." in page
    assert "Asked for a person" in page
    assert "•••-0123" in page and "+15555550123" not in page
    assert "Not chosen yet" in page  # language: the client asked for a person before choosing one
    assert "Due in 4 h" in page  # normal: 4 business hours, and it is Tuesday 11:00 in New York
    assert f'action="/dashboard/conversations/{conv_id}/claim"' in page


def test_late_items_say_so_in_words_and_urgent_ones_come_first(app, http, ana, clock):
    escalate(app, http, "+15555550101", "I want to talk to a person")
    clock.advance(hours=1)
    urgent = escalate(app, http, "+15555550102", "I want to kill myself")
    clock.advance(minutes=20)
    sign_in(http, "ana@example.org")
    page = text(http.get("/dashboard/queue"))
    assert "2 conversations are waiting (1 urgent, 1 late)." in page
    assert page.index("•••-0102") < page.index("•••-0101")  # urgent first, though it came later
    assert "Late by 5 min" in page  # urgent: 15 minutes on the wall clock
    assert "qitem--late" in page and 'class="sla sla--late"' in page
    assert "Crisis" in page
    assert conversation(app, urgent).urgency.value == "urgent"


def test_normal_sla_runs_on_business_hours(app, http, ana, clock):
    clock.now = clock.now.replace(hour=20, minute=30)  # Tuesday 16:30 in New York
    escalate(app, http, "+15555550123")
    clock.advance(hours=15)  # Wednesday 07:30: half an hour was used on Tuesday, 3 h 30 remain from 9:00
    sign_in(http, "ana@example.org")
    assert "Due in 5 h" in text(http.get("/dashboard/queue"))  # at 12:30


def test_a_chw_sees_the_unclaimed_and_their_own_a_supervisor_sees_all(app, http, ana, ben, sam):
    mine = escalate(app, http, "+15555550101")
    theirs = escalate(app, http, "+15555550102")
    open_ = escalate(app, http, "+15555550103")
    with app.app_context():
        claim(db.session, mine, db.session.get(User, ana.id), app.config["CLOCK"]())
        claim(db.session, theirs, db.session.get(User, ben.id), app.config["CLOCK"]())
        db.session.commit()
    sign_in(http, "ana@example.org")
    page = text(http.get("/dashboard/queue"))
    assert "•••-0101" in page and "•••-0103" in page and "•••-0102" not in page
    assert "Caseloads" not in page
    sup = app.test_client()
    sign_in(sup, "sam@example.org")
    page = text(sup.get("/dashboard/queue"))
    assert all(f"•••-010{i}" in page for i in (1, 2, 3))
    assert "Caseloads" in page and "Ben Okafor" in page and "Ana Ruiz" in page
    assert f'id="claim-{open_}"' in page


def test_the_live_part_answers_204_until_something_changes(app, http, ana, clock):
    sign_in(http, "ana@example.org")
    page = text(http.get("/dashboard/queue"))
    assert 'hx-get="/dashboard/queue/live"' in page and 'hx-trigger="every 5s"' in page
    version = page.split('id="queue-version" name="v" value="')[1].split('"')[0]
    summary = page.split('id="queue-summary-version" name="s" value="')[1].split('"')[0]
    assert http.get(f"/dashboard/queue/live?v={version}&s={summary}").status_code == 204

    escalate(app, http, "+15555550123")
    live = http.get(f"/dashboard/queue/live?v={version}&s={summary}")
    assert live.status_code == 200
    assert "•••-0123" in text(live)
    assert 'hx-swap-oob="innerHTML">1 conversation is waiting.' in text(live)
    new_version = text(live).split('name="v" value="')[1].split('"')[0]
    new_summary = text(live).split('name="s" value="')[1].split('"')[0]
    clock.advance(minutes=2)  # the waiting time moves: the list changes, the sentence does not
    moved = http.get(f"/dashboard/queue/live?v={new_version}&s={new_summary}")
    assert moved.status_code == 200 and "hx-swap-oob" not in text(moved)


def test_claiming_pauses_the_bot_and_records_who(app, http, ana):
    phone = Phone(app, http, "+15555550123")
    conv_id = escalate(app, http, phone.number, phone=phone)
    sign_in(http, "ana@example.org")
    response = post(http, f"/dashboard/conversations/{conv_id}/claim")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/dashboard/conversations/{conv_id}"
    conv = conversation(app, conv_id)
    assert (conv.status, conv.assigned_to_id, conv.claimed_at) == (ConversationStatus.WITH_CHW, ana.id,
                                                                  app.config["CLOCK"]())
    assert phone.send("hello?") == []  # the bot stays quiet
    with app.app_context():
        assert db.session.scalars(sa.select(Event.data).where(Event.type == "conversation_claimed")).all() == [
            {"by": ana.id}]


def test_the_second_claim_is_told_who_has_it(app, http, ana, ben):
    conv_id = escalate(app, http, "+15555550123")
    sign_in(http, "ana@example.org")
    other = app.test_client()
    sign_in(other, "ben@example.org")
    assert post(http, f"/dashboard/conversations/{conv_id}/claim").status_code == 302
    late = post(other, f"/dashboard/conversations/{conv_id}/claim", follow_redirects=True)
    assert "Already claimed by Ana Ruiz." in text(late)
    assert conversation(app, conv_id).assigned_to_id == ana.id


def test_two_claims_at_once_one_wins(app, http, ana, ben):
    conv_id = escalate(app, http, "+15555550123")
    barrier = threading.Barrier(2)
    outcomes = {}

    def try_claim(user_id):
        with app.app_context():
            user = db.session.get(User, user_id)
            barrier.wait()
            outcome = claim(db.session, conv_id, user, app.config["CLOCK"]())
            outcomes[user_id] = (outcome.won, outcome.holder.id if outcome.holder else None)
            db.session.commit()
            db.session.remove()

    threads = [threading.Thread(target=try_claim, args=(u.id,)) for u in (ana, ben)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [uid for uid, (won, _) in outcomes.items() if won]
    assert len(winners) == 1
    loser = ben.id if winners == [ana.id] else ana.id
    assert outcomes[loser] == (False, winners[0])
    assert conversation(app, conv_id).assigned_to_id == winners[0]


def test_queue_needs_sign_in_and_claim_needs_csrf(app, http, ana):
    conv_id = escalate(app, http, "+15555550123")
    assert http.get("/dashboard/queue").headers["Location"] == "/login?next=%2Fdashboard%2Fqueue"
    assert http.get("/dashboard/queue/live").status_code == 302
    sign_in(http, "ana@example.org")
    refused = http.post(f"/dashboard/conversations/{conv_id}/claim")
    assert refused.status_code == 400
    assert conversation(app, conv_id).status is ConversationStatus.WAITING


def test_claiming_what_a_chw_cannot_see_is_not_found(app, http, ana):
    sign_in(http, "ana@example.org")
    assert post(http, "/dashboard/conversations/999/claim").status_code == 404


def test_waiting_time_is_counted_from_the_escalation(app, http, ana, clock):
    escalate(app, http, "+15555550123")
    clock.advance(minutes=42)
    sign_in(http, "ana@example.org")
    assert "42 min" in text(http.get("/dashboard/queue"))
