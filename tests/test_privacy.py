"""A client's right to their data: `flask clients export` gives everything we hold about them,
`flask clients erase` removes it all while the anonymous counts the reports show stay the same."""

from __future__ import annotations

import json
import os
import re
from collections import Counter

import sqlalchemy as sa

from models import (
    AuditEntry,
    Client,
    Event,
    Message,
    Need,
    Referral,
    ReferralStatus,
    ReferralStatusChange,
    Screening,
    audit,
    db,
)
from tests.phone import Phone
from tests.reliability import SCREENING
from tests.staff import PASSWORD, add_user

NUMBER, NAME = "+16175550123", "Zephyrine"
SAID = ["Hi, I need help with food", f"my name is {NAME}", "mold and leaks"]


def converse(app, number: str = NUMBER, name: str = NAME) -> int:
    """A client screened (with a name, a ZIP code and needs), a referral and a CHW's look at the record."""
    phone = Phone(app, app.test_client(), number)
    for turn in SCREENING:
        phone.send(f"my name is {name}" if turn == "my name is ana" else turn)
    with app.app_context():
        client = db.session.scalars(sa.select(Client).where(Client.phone == number)).one()
        need = db.session.scalars(sa.select(Need).where(Need.client_id == client.id)).first()
        referral = Referral(client_id=client.id, need_id=need.id, need_domain=need.domain,
                            service_name=f"{name}'s pantry", organization_name=f"{name}'s church",
                            service_phone=f"+1212555{number[-4:]}",
                            status=ReferralStatus.COMPLETED, created_at=client.created_at)
        db.session.add(referral)
        db.session.flush()
        db.session.add(ReferralStatusChange(referral_id=referral.id, status=ReferralStatus.COMPLETED, source="client",
                                            at=client.created_at))
        notes = db.metadata.tables.get("case_note")  # the dashboard's case notes, once they are in
        if notes is not None:
            db.session.execute(notes.insert().values(client_id=client.id, body=f"{name} is looking for work"))
        audit(db.session, None, "view_client", "client", client.id)
        db.session.commit()
        return client.id


def counts(app) -> dict:
    """What the reports count, none of it personal."""
    with app.app_context():
        q = db.session.execute
        return {
            "messages": Counter(q(sa.select(Message.direction, Message.channel, Message.segments,
                                            Message.created_at)).all()),
            "clients reached": q(sa.select(sa.func.count(sa.distinct(Message.client_id))).where(
                Message.direction == "in")).scalar(),
            "languages": Counter(q(sa.select(Client.language)).scalars()),
            "screenings": Counter(q(sa.select(Screening.status, Screening.started_at, Screening.completed_at)).all()),
            "needs": Counter(q(sa.select(Need.domain, Need.status, Need.identified_at)).all()),
            "referrals": Counter(q(sa.select(Referral.need_domain, Referral.status, Referral.created_at,
                                             Referral.outcome_at)).all()),
            "events": Counter((t, json.dumps(d.get("reason")), json.dumps(d.get("urgency")), c)
                              for t, d, c in q(sa.select(Event.type, Event.data, Event.created_at)).all()),
        }


def everything_stored(app) -> str:
    """Every value in every table, as one text to search."""
    with app.app_context():
        return "\n".join(repr(tuple(row)) for table in db.metadata.sorted_tables
                         for row in db.session.execute(sa.select(table)).all())


def test_export_gives_everything_about_the_client_and_is_audited(app, tmp_path):
    client_id = converse(app)
    converse(app, "+16175550124", "Ulla")  # someone else, who must not appear
    add_user(app, "sup@example.org", role="supervisor")
    out = tmp_path / "client.json"
    result = app.test_cli_runner().invoke(args=["clients", "export", "--phone", "(617) 555-0123", "--output", str(out),
                                                "--by", "sup@example.org"])
    assert result.exit_code == 0, result.output
    assert os.stat(out).st_mode & 0o777 == 0o600
    data = json.loads(out.read_text())
    assert data["client"]["phone"] == NUMBER and data["client"]["first_name"] == NAME
    records = data["records"]
    bodies = [m["body"] for m in records["message"]]
    assert all(said in bodies for said in SAID)
    assert {m["client_id"] for m in records["message"]} == {client_id}
    assert records["screening"] and records["screening_answer"] and records["need"] and records["event"]
    assert records["referral"][0]["service_name"] == f"{NAME}'s pantry" and records["referral_status_change"]
    assert records["conversation"][0]["state"]
    assert [a["action"] for a in data["audit"]] == ["view_client"]
    with app.app_context():
        exported = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "export_client")).one()
        assert (exported.target_type, exported.target_id) == ("client", str(client_id)) and exported.user_id


def test_export_to_stdout_and_an_unknown_number(app):
    converse(app)
    result = app.test_cli_runner().invoke(args=["clients", "export", "--phone", NUMBER])
    assert json.loads(result.output)["client"]["phone"] == NUMBER
    unknown = app.test_cli_runner().invoke(args=["clients", "export", "--phone", "+16175550999"])
    assert unknown.exit_code != 0 and "No client has that number." in unknown.output


def test_erase_removes_everything_personal_and_keeps_the_counts(app):
    client_id = converse(app)
    converse(app, "+16175550124", "Ulla")
    before = counts(app)
    assert NAME in everything_stored(app)
    result = app.test_cli_runner().invoke(args=["clients", "erase", "--phone", NUMBER, "--yes"])
    assert result.exit_code == 0, result.output
    assert f"Erased client {client_id}" in result.output
    assert counts(app) == before  # every report figure is the same
    stored = everything_stored(app)
    for personal in [NAME, "6175550123", "2125550123"]:
        assert personal not in stored, personal
    assert "6175550124" in stored  # the other client is untouched
    with app.app_context():
        kept = db.session.execute(sa.select(Message.body, Message.twilio_sid, Message.media).where(
            Message.client_id == client_id)).all()
        assert kept and set(kept) == {("", None, None)}
        tomb = db.session.get(Client, client_id)
        assert (tomb.phone, tomb.first_name, tomb.zip_code, tomb.unreachable_reason) == (
            f"erased-{client_id}", None, None, "erased")
        assert db.session.scalar(sa.select(sa.func.count()).select_from(db.metadata.tables["screening_answer"])
                                 .join(Screening).where(Screening.client_id == client_id)) == 0
        erased = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "erase_client")).one()
        assert (erased.target_type, erased.target_id, erased.user_id) == ("client", str(client_id), None)


def test_after_erasure_the_number_is_a_stranger(app):
    converse(app)
    app.test_cli_runner().invoke(args=["clients", "erase", "--phone", NUMBER, "--yes"])
    again = app.test_cli_runner().invoke(args=["clients", "export", "--phone", NUMBER])
    assert "No client has that number." in again.output
    replies = Phone(app, app.test_client(), NUMBER).send("hello")
    assert "Enlace" in replies[0]  # a first contact again, with no memory of them
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Client)) == 2


def test_erase_asks_for_confirmation(app):
    converse(app)
    refused = app.test_cli_runner().invoke(args=["clients", "erase", "--phone", NUMBER], input="n\n")
    assert refused.exit_code != 0
    assert NAME in everything_stored(app)
    unknown = app.test_cli_runner().invoke(
        args=["clients", "erase", "--phone", NUMBER, "--yes", "--by", "x@example.org"])
    assert "No staff user x@example.org." in unknown.output
    assert NAME in everything_stored(app)


def test_an_erased_client_is_gone_from_the_dashboard(app):
    client_id = converse(app)
    app.test_cli_runner().invoke(args=["clients", "erase", "--phone", NUMBER, "--yes"])
    add_user(app, "admin@example.org", role="admin")
    http = app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', http.get("/login").get_data(as_text=True)).group(1)
    http.post("/login", data={"email": "admin@example.org", "password": PASSWORD, "csrf_token": token})
    assert http.get(f"/dashboard/clients/{client_id}").status_code == 404
    assert f"erased-{client_id}" not in http.get("/dashboard/clients").get_data(as_text=True)

