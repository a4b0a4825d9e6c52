"""A client's case through Flask's test client: who may open it, search, the profile, needs, goals,
referrals made from the directory (and their check-in), notes, the timeline and the audit trail."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from casework.handoff import claim
from models import (
    AuditEntry,
    Client,
    Conversation,
    Need,
    NeedStatus,
    Referral,
    ReferralStatus,
    User,
    db,
)
from models.case import Goal, GoalStatus
from tests import hsds
from tests.jobs import drain
from tests.phone import Phone
from tests.staff import add_user, post, sign_in
from workers.sweeper import run_sweeps


def text(response) -> str:
    return response.get_data(as_text=True)


def audit_actions(app, action: str) -> list[tuple]:
    with app.app_context():
        return [(e.user_id, e.target_type, e.target_id) for e in
                db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id))]


def client_id(app, number: str = "+15555550123") -> int:
    with app.app_context():
        return db.session.scalars(sa.select(Client.id).where(Client.phone == number)).one()


@pytest.fixture
def ana(app):
    return add_user(app, "ana@example.org", name="Ana Ruiz")


@pytest.fixture
def phone(app, http):
    return Phone(app, http, "+15555550123")


@pytest.fixture
def maria(app, http, phone, clock):
    """A client who asked for a person: in the queue, unclaimed. Her intake answers are set
    directly (the intake itself is the engine's to test)."""
    phone.send("I want to talk to a person")
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        client.first_name, client.language, client.zip_code, client.timezone = "Maria", "en", "10001", \
            "America/New_York"
        client.consent_at = clock.now
        client.consent_text = "Enlace helps you find free help with food, housing, bills, rides and safety."
        db.session.commit()
        return client.id


@pytest.fixture
def pantry(app, tmp_path):
    """The test directory (tests/hsds.py): City Pantry near ZIP 10001, and a defunct one."""
    hsds.load(app, tmp_path)


def test_a_client_waiting_in_the_queue_can_be_opened_and_the_view_is_audited(app, http, ana, maria):
    sign_in(http, "ana@example.org")
    page = text(http.get(f"/dashboard/clients/{maria}"))
    assert "<h1>Maria</h1>" in page
    assert "+15555550123" in page  # the record shows the number; lists never do
    assert "English" in page and "10001" in page and "America/New_York" in page and "SMS" in page
    assert "Agreed to texts on" in page and "Enlace helps you find free help" in page
    assert "Allowed" in page
    assert "Sent to the CHW queue: Asked for a person" in page  # the timeline
    assert "Client texted" in page and "Bot texted" in page
    assert audit_actions(app, "view_client") == [(ana.id, "client", str(maria))]


def test_another_chws_client_is_not_found_and_shows_nothing(app, http, ana, maria):
    add_user(app, "ben@example.org", name="Ben Okafor")
    sam = add_user(app, "sam@example.org", role="supervisor")
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation.id)).one()
        claim(db.session, conv, db.session.scalars(sa.select(User).where(User.email == "ben@example.org")).one(),
              app.config["CLOCK"]())
        db.session.commit()
    sign_in(http, "ana@example.org")
    response = http.get(f"/dashboard/clients/{maria}")
    assert response.status_code == 404
    assert "Maria" not in text(response) and "0123" not in text(response)
    assert http.get("/dashboard/clients/999999").status_code == 404  # the same as a client that does not exist
    for url, data in ((f"/dashboard/clients/{maria}/notes", {"note-body": "x"}),
                      (f"/dashboard/clients/{maria}/needs", {"need-domain": "food-insecurity"})):
        assert post(http, url, data).status_code == 404
    assert "Maria" not in text(http.get("/dashboard/clients"))
    assert audit_actions(app, "view_client") == []
    ana_id = audit_actions(app, "login")[0][0]
    refused = audit_actions(app, "access_refused")  # each refusal is on record, the unknown id too
    assert refused == [(ana_id, "client", str(maria)), (ana_id, "client", "999999")] + [
        (ana_id, "client", str(maria))] * 2
    boss = app.test_client()
    sign_in(boss, "sam@example.org")
    assert boss.get(f"/dashboard/clients/{maria}").status_code == 200
    assert audit_actions(app, "view_client") == [(sam.id, "client", str(maria))]


def test_writing_a_note_does_not_keep_a_client_in_a_chws_caseload(app, http, ana, maria):
    """The outside review (issue 14, finding 3): a note on a waiting client kept her for good."""
    sign_in(http, "ana@example.org")
    post(http, f"/dashboard/clients/{maria}/notes", {"note-body": "Called her back."})
    add_user(app, "ben@example.org")
    with app.app_context():  # Ben takes the conversation: Maria is no longer unclaimed in the queue
        ben = db.session.scalars(sa.select(User).where(User.email == "ben@example.org")).one()
        claim(db.session, db.session.scalars(sa.select(Conversation.id)).one(), ben, app.config["CLOCK"]())
        db.session.commit()
    assert http.get(f"/dashboard/clients/{maria}").status_code == 404


def test_a_chw_who_texted_a_client_keeps_access_after_handing_her_back(app, http, ana, maria):
    add_user(app, "ben@example.org", name="Ben Okafor")
    sign_in(http, "ana@example.org")
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation.id)).one()
    post(http, f"/dashboard/conversations/{conv}/claim", {})
    assert post(http, f"/dashboard/conversations/{conv}/reply", {"body": "I can help with that."}).status_code == 302
    post(http, f"/dashboard/conversations/{conv}/hand-back", {})
    with app.app_context():
        assert db.session.get(Conversation, conv).assigned_to_id is None
    page = http.get(f"/dashboard/clients/{maria}")  # her own follow-up, days later
    assert page.status_code == 200 and "I can help with that." in text(page)
    assert http.get(f"/dashboard/conversations/{conv}").status_code == 200
    ben = app.test_client()  # a CHW who never worked with her still sees nothing
    sign_in(ben, "ben@example.org")
    assert ben.get(f"/dashboard/clients/{maria}").status_code == 404


def test_pages_need_sign_in_and_posts_need_csrf(app, http, ana, maria):
    for url in ("/dashboard/clients", f"/dashboard/clients/{maria}"):
        response = http.get(url)
        assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")
    sign_in(http, "ana@example.org")
    assert http.post(f"/dashboard/clients/{maria}/notes", data={"note-body": "hi"}).status_code == 400


def test_search_by_name_last_four_digits_and_zip(app, http, ana, maria):
    sign_in(http, "ana@example.org")
    for query in ("mar", "0123", "10001"):
        page = text(http.get(f"/dashboard/clients?q={query}"))
        assert f'href="/dashboard/clients/{maria}"' in page, query
        assert "•••-0123" in page and "+15555550123" not in page
    assert "No client you can open matches that search." in text(http.get("/dashboard/clients?q=zed"))
    short = http.get("/dashboard/clients?q=m")
    assert short.status_code == 400 and "Type at least 2 letters" in text(short)


def test_needs_are_added_and_their_status_changed(app, http, ana, maria):
    sign_in(http, "ana@example.org")
    missing = post(http, f"/dashboard/clients/{maria}/needs", {"need-domain": ""})
    assert missing.status_code == 400 and "Choose the need to add." in text(missing)
    added = post(http, f"/dashboard/clients/{maria}/needs", {"need-domain": "utility-insecurity"},
                 follow_redirects=True)
    assert "Need added: Utility insecurity." in text(added)
    again = post(http, f"/dashboard/clients/{maria}/needs", {"need-domain": "utility-insecurity"},
                 follow_redirects=True)
    assert "Utility insecurity is already an open need." in text(again)
    with app.app_context():
        need = db.session.scalars(sa.select(Need)).one()
        assert (need.source, need.status) == ("chw", NeedStatus.OPEN)
    done = post(http, f"/dashboard/clients/{maria}/needs/{need.id}/status", {f"need{need.id}-status": "resolved"},
                follow_redirects=True)
    assert "Utility insecurity: resolved." in text(done)
    assert "Utility insecurity marked resolved by Ana Ruiz" in text(done)  # the timeline
    with app.app_context():
        assert db.session.get(Need, need.id).resolved_at is not None


def test_goals_and_their_progress(app, http, ana, maria):
    sign_in(http, "ana@example.org")
    post(http, f"/dashboard/clients/{maria}/needs", {"need-domain": "food-insecurity"})
    with app.app_context():
        need_id = db.session.scalars(sa.select(Need.id)).one()
    empty = post(http, f"/dashboard/clients/{maria}/goals", {"goal-description": " ", "goal-need_id": "0"})
    assert empty.status_code == 400 and "Describe the goal." in text(empty)
    bad_date = post(http, f"/dashboard/clients/{maria}/goals",
                    {"goal-description": "Enroll in SNAP", "goal-need_id": str(need_id), "goal-target_date": "soon"})
    assert bad_date.status_code == 400 and "Not a valid date value." in text(bad_date)
    post(http, f"/dashboard/clients/{maria}/goals", {"goal-description": "Enroll in SNAP",
                                                     "goal-need_id": str(need_id), "goal-target_date": "2026-04-30"})
    with app.app_context():
        goal = db.session.scalars(sa.select(Goal)).one()
        assert (goal.need_id, str(goal.target_date), goal.created_by_id) == (need_id, "2026-04-30", ana.id)
    no_note = post(http, f"/dashboard/clients/{maria}/goals/{goal.id}/progress",
                   {f"goal{goal.id}-achievement": "improving", f"goal{goal.id}-note": ""})
    assert no_note.status_code == 400 and "Say what happened" in text(no_note)
    post(http, f"/dashboard/clients/{maria}/goals/{goal.id}/progress",
         {f"goal{goal.id}-achievement": "improving", f"goal{goal.id}-note": "Application sent."})
    page = text(post(http, f"/dashboard/clients/{maria}/goals/{goal.id}/progress",
                     {f"goal{goal.id}-achievement": "achieved", f"goal{goal.id}-note": "Card arrived."},
                     follow_redirects=True))
    assert "Application sent." in page and "Card arrived." in page and "30 Apr 2026" in page
    with app.app_context():
        assert db.session.get(Goal, goal.id).status is GoalStatus.COMPLETED


def test_refer_from_the_directory_and_the_check_in_follows(app, http, phone, ana, maria, pantry, clock):
    sign_in(http, "ana@example.org")
    conv = post(http, "/dashboard/conversations/1/claim")
    assert conv.status_code == 302
    page = text(http.get(f"/dashboard/clients/{maria}?need=food-insecurity"))
    assert "City Pantry" in page and "(212) 555-0100" in page
    refused = post(http, f"/dashboard/clients/{maria}/referrals", {"service_id": "svc-2", "need": "food-insecurity"},
                   follow_redirects=True)
    assert "Closed Pantry is defunct: it does not take referrals." in text(refused)
    bad = post(http, f"/dashboard/clients/{maria}/referrals", {"service_id": "svc-1", "need": "love"})
    assert bad.status_code == 400 and "Choose one of the listed needs." in text(bad)
    made = post(http, f"/dashboard/clients/{maria}/referrals",
                {"service_id": "svc-1", "need": "food-insecurity", "shared": "y"}, follow_redirects=True)
    assert "Referral made to City Pantry." in text(made)
    with app.app_context():
        referral = db.session.scalars(sa.select(Referral)).one()
        assert (referral.made_by_id, referral.status, referral.shared_with_provider, referral.service_phone,
                referral.organization_name) == (ana.id, ReferralStatus.REQUESTED, True, "(212) 555-0100",
                                                "Chelsea Food Bank")
        assert referral.next_checkin_at is not None
    post(http, "/dashboard/conversations/1/hand-back")
    phone.replies()
    clock.advance(days=3, minutes=1)
    with app.app_context():
        run_sweeps()  # due check-ins, whichever queue holds their job (RQ's scheduler runs on real time)
    drain(app)
    checkin = ("Hi, this is Enlace. Did you get help from City Pantry?\n"
               "1 Yes, I got help\n2 Not yet, I am still waiting\n3 No, I could not get help")
    assert phone.replies() == [checkin]


def test_referral_status_needs_a_reason_when_gravity_requires_one(app, http, ana, maria, pantry):
    sign_in(http, "ana@example.org")
    post(http, f"/dashboard/clients/{maria}/referrals", {"service_id": "svc-1", "need": "food-insecurity"})
    with app.app_context():
        rid = db.session.scalars(sa.select(Referral.id)).one()
    no_reason = post(http, f"/dashboard/clients/{maria}/referrals/{rid}/status",
                     {f"referral{rid}-status": "failed", f"referral{rid}-reason": ""})
    assert no_reason.status_code == 400 and "Say why the referral is failed." in text(no_reason)
    page = text(post(http, f"/dashboard/clients/{maria}/referrals/{rid}/status",
                     {f"referral{rid}-status": "failed", f"referral{rid}-reason": "no_capacity"},
                     follow_redirects=True))
    assert "Referral to City Pantry: failed." in page
    assert "Failed (No capacity)" in page and "Requested" in page  # the history, oldest first
    done = text(post(http, f"/dashboard/clients/{maria}/referrals/{rid}/status",
                     {f"referral{rid}-status": "completed", f"referral{rid}-reason": ""}, follow_redirects=True))
    assert "Completed: got help" in done
    with app.app_context():
        referral = db.session.get(Referral, rid)
        assert referral.status is ReferralStatus.COMPLETED and referral.next_checkin_at is None
        assert db.session.get(Need, referral.need_id).status is NeedStatus.RESOLVED
    assert [a[0] for a in audit_actions(app, "update_referral")] == [ana.id, ana.id]
