"""The inbound journal: texts Twilio delivers while the database is down are answered 200, kept on
local disk, and later stored and answered exactly once; when the disk cannot take them either, 503
(Twilio's Fallback URL); records that cannot be read are set aside, never dropped or in the way.

The database is "down" by pointing a second app at a closed port; the healthy `app` shares its
journal folder (the test's own), as the web processes and workers of one host do.
"""

from __future__ import annotations

import json
import logging
import os

import sqlalchemy as sa

from bot.messaging.journal import ACTIVE, REJECTED
from bot.pipeline.inbound import drain_journal
from models import Message, MessageStatus, db
from models.message import Direction
from tests.phone import Phone
from tests.reliability import SCREENING, in_and_out, transcripts
from workers.sweeper import run_sweeps

DOWN = "postgresql://postgres@127.0.0.1:1/enlace_unreachable_test"
NUMBER = "+16175550801"


def down_app(make_app, **extra):
    return make_app(SQLALCHEMY_DATABASE_URI=DOWN, **extra)


def inbound_count(app) -> int:
    with app.app_context():
        n = db.session.scalar(sa.select(sa.func.count()).select_from(Message)
                              .where(Message.direction == Direction.INBOUND))
        db.session.remove()
        return n


def drain(app) -> int | None:
    with app.app_context():
        taken = drain_journal()
        db.session.remove()
        return taken


def test_texts_that_arrive_while_the_database_is_down_are_stored_and_answered_once(app, make_app, caplog):
    down = down_app(make_app)
    texting = Phone(down, down.test_client(), NUMBER)
    forms = [texting.form(body) for body in SCREENING[:3]]
    for form in forms:
        assert texting.post(form).status_code == 200
    assert texting.post(forms[0]).status_code == 200  # Twilio delivers one of them twice
    health = down.test_client().get("/healthz")
    assert health.status_code == 503
    assert health.get_json()["inbound"] == {"accepting": True, "stored_in": "journal"}
    assert health.get_json()["journal"]["depth"] == 4
    assert "the database cannot store texts" in caplog.text

    # The database is back. A text that arrives before the drain joins the journal, behind the others.
    later = Phone(app, app.test_client(), NUMBER)
    assert later.post(later.form(SCREENING[3])).status_code == 200
    assert inbound_count(app) == 0
    assert drain(app) == 5
    assert drain(app) == 0  # nothing twice
    assert inbound_count(app) == 4
    later.replies()  # the workers run the turns the drain asked for
    reference = Phone(app, app.test_client(), "+16175550899")
    for body in SCREENING[:4]:
        reference.send(body)
    talks = transcripts(app)
    assert in_and_out(talks[NUMBER]) == in_and_out(talks["+16175550899"])  # each answered once, in order
    health = app.test_client().get("/healthz").get_json()
    assert health["journal"]["depth"] == 0 and health["inbound"]["stored_in"] == "database"


def test_the_worker_sweeps_drain_the_journal(app, make_app):
    down = down_app(make_app)
    texting = Phone(down, down.test_client(), NUMBER)
    assert texting.post(texting.form("hello")).status_code == 200
    with app.app_context():
        assert run_sweeps()["drain_inbound_journal"] == 1
        db.session.remove()
    assert len(Phone(app, app.test_client(), NUMBER).replies()) == 1


def test_a_full_disk_and_no_database_answer_503_for_the_fallback_url(app, make_app, tmp_path, caplog):
    folder = tmp_path / "full"  # (`app` first: the fixtures empty the tables through the first app built)
    folder.mkdir()
    os.symlink("/dev/full", folder / ACTIVE)  # every write: "No space left on device"
    down = down_app(make_app, INBOUND_JOURNAL=str(folder))
    texting = Phone(down, down.test_client(), NUMBER)
    with caplog.at_level(logging.WARNING):
        resp = texting.post(texting.form("I need food"))
    assert resp.status_code == 503 and "cannot store" in resp.get_data(as_text=True)
    assert "the journal cannot be written (ENOSPC)" in caplog.text
    assert NUMBER[2:] not in caplog.text and "I need food" not in caplog.text
    health = down.test_client().get("/healthz")
    assert health.status_code == 503
    assert health.get_json()["inbound"] == {"accepting": False, "stored_in": "nowhere"}
    assert health.get_json()["journal"]["error"] == "ENOSPC"


def test_unreadable_records_are_set_aside_with_their_reason_and_the_rest_go_in(app, make_app, tmp_path, caplog):
    down = down_app(make_app)
    texting = Phone(down, down.test_client(), NUMBER)
    for body in ("hello", "yes", "10001"):
        assert texting.post(texting.form(body)).status_code == 200
    journal = tmp_path / "journal" / ACTIVE
    first, second, third = journal.read_bytes().splitlines()
    broken = json.loads(second)
    broken["form"]["From"] = "not a number"
    journal.write_bytes(b"\n".join([
        b"{not json at all",
        first,
        json.dumps(broken).replace(" ", "").encode(),  # a text Twilio would never send
        third[:40] + third,  # an append cut short by a full disk, then the next record after it
    ]) + b"\n")
    with caplog.at_level(logging.WARNING):
        assert drain(app) == 2
    with app.app_context():
        bodies = db.session.scalars(sa.select(Message.body).order_by(Message.id)).all()
        statuses = db.session.scalars(sa.select(Message.status)).all()
    assert bodies == ["hello", "10001"] and set(statuses) == {MessageStatus.RECEIVED}
    rejected = [json.loads(line) for line in (tmp_path / "journal" / REJECTED).read_text().splitlines()]
    assert [r["reason"] for r in rejected] == [
        "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "unparsable phone number",
        "an append cut short (the disk was full?)",
    ]
    assert rejected[0]["record"] == "{not json at all"
    assert caplog.text.count("could not be read and was moved to rejected.jsonl") == 3
    assert NUMBER[2:] not in caplog.text
    health = app.test_client().get("/healthz").get_json()["journal"]
    assert health == {"ok": True, "depth": 0, "rejected": 3}
