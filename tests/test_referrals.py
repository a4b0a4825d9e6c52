"""Suggestions after screening, referrals, and the closed loop, through the real webhook."""

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from models import Client, Conversation, Referral, ReferralStatus, ReferralStatusChange, db
from tests.jobs import drain
from workers.sweeper import run_sweeps

SMALL_DIRECTORY = Path(__file__).parent / "data" / "hsds_small"
# living, problems, food x2, transport, utilities, then the four safety questions
FOOD_AND_UTILITIES = ["1", "8", "2", "3", "2", "1", "1", "1", "1", "1"]


@pytest.fixture
def directory(app):
    from directory.hsds.importer import import_directory

    with app.app_context():
        import_directory(db.session, SMALL_DIRECTORY)
        db.session.commit()


def screen(phone, answers=FOOD_AND_UTILITIES, first="Hi, I need help with food"):
    phone.send(first)
    phone.send("yes")
    phone.send("10001")
    phone.send("Ana")
    for answer in answers[:-1]:
        phone.send(answer)
    return phone.send(answers[-1])


def run_due(app, clock, **later):
    clock.advance(**later)
    with app.app_context():
        run_sweeps()
    drain(app)


def referrals(app):
    with app.app_context():
        rows = db.session.scalars(sa.select(Referral).order_by(Referral.id)).all()
        db.session.expunge_all()
        return rows


def test_needs_get_nearby_resources_and_the_choice_becomes_a_referral(app, phone, directory):
    replies = screen(phone)
    assert replies[0] == "Thank you. We can help you with: food and utility bills."
    offer = replies[1]
    assert offer.startswith("Places that can help with food:\n1 Chelsea Food Pantry, (212) 555-0101, ")
    assert offer.splitlines()[1].endswith(", open now until 5:00 PM")  # Tuesday 11:00 in New York
    assert "West Side Community Meals, (212) 555-0102, 0.7 mi, closed today, opens Sat 12:00 PM" in offer
    assert "Yonkers" not in offer  # the farthest comes last
    assert offer.endswith("Reply with a number to choose one, MORE for others, or NEXT to skip.")

    more = phone.send("more")
    assert more[0].startswith("Places that can help with food:\n1 ")
    assert "Chelsea Food Pantry" not in more[0]
    phone.send("NEXT")  # the utility offer
    assert phone.send("1") == [
        "May we share your name and phone number with Midtown Utility Bill Help so they can contact you?\n1 Yes\n2 No"]
    assert phone.send("yes") == [
        "Done! We sent your referral to Midtown Utility Bill Help. Their number is (212) 555-0105. "
        "In a few days we will text you to ask if you got help.",
        "How to get there:\nAddress: 300 W 40th St, New York\n"
        "Map: https://www.google.com/maps/search/?api=1&query=40.75400,-73.98400",  # no hours listed
        "That is all for now. Reply MENU to start over, or AGENT to text a community health worker.",
    ]
    [ref] = referrals(app)
    assert (ref.need_domain, ref.service_id, ref.status, ref.shared_with_provider) == (
        "utility-insecurity", "svc-energy", ReferralStatus.REQUESTED, True)


FOOD_AND_SHUT_OFF = ["1", "8", "2", "3", "2", "3", "1", "1", "1", "1"]  # utilities: already shut off


def test_services_already_shut_off_come_before_a_worry_about_food(app, phone, directory):
    replies = screen(phone, FOOD_AND_SHUT_OFF, first="Hello, I need some help please")
    assert replies[0] == "Thank you. We can help you with: food and utility bills."
    assert replies[1].startswith("Places that can help with utility bills:\n1 Midtown Utility Bill Help, ")
    assert phone.send("NEXT")[0].startswith("Places that can help with food:\n1 Chelsea Food Pantry, ")


def test_the_need_in_the_first_text_comes_first(app, phone, directory):
    named = screen(phone, first="Hello, can you help me pay my light bill?")  # utilities only threatened
    assert named[1].startswith("Places that can help with utility bills:\n")


def test_the_need_the_client_named_comes_before_an_urgent_one(app, phone, directory):
    replies = screen(phone, FOOD_AND_SHUT_OFF, first="Hola, necesito comida para mis hijos")
    assert replies[1].startswith("Lugares que pueden ayudarle con comida:\n1 Chelsea Food Pantry, ")


def test_check_in_closes_the_loop_and_a_failure_offers_the_next_resources(app, phone, directory, clock):
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])  # food only
    phone.send("1")
    assert phone.send("no")[:2] == [
        "OK, we will not share your details. You can call Chelsea Food Pantry at (212) 555-0101. "
        "In a few days we will text you to ask if you got help.",
        "How to get there:\nAddress: 251 W 23rd St, New York\nHours: open now until 5:00 PM\n"
        "Map: https://www.google.com/maps/search/?api=1&query=40.74660,-74.00100"]
    [ref] = referrals(app)
    assert ref.shared_with_provider is False

    run_due(app, clock, days=3)
    assert phone.replies() == [
        "Hi, this is Enlace. Did you get help from Chelsea Food Pantry?\n1 Yes, I got help\n"
        "2 Not yet, I am still waiting\n3 No, I could not get help"]
    assert phone.send("3") == ["We are sorry. What happened?\n1 They did not answer\n2 I did not qualify\n"
                               "3 They were full or out of help\n4 They were closed\n5 Something else"]
    again = phone.send("they were closed")
    assert again[0].startswith("Places that can help with food:\n1 ")
    assert "Chelsea Food Pantry" not in again[0]
    phone.send("1")
    phone.send("yes")
    first, second = referrals(app)
    assert (first.status, first.status_reason) == (ReferralStatus.FAILED, "closed")
    assert first.outcome_at == clock.now and first.next_checkin_at is None
    assert second.status is ReferralStatus.REQUESTED and second.service_id != "svc-pantry"
    with app.app_context():
        history = db.session.scalars(sa.select(ReferralStatusChange.status).where(
            ReferralStatusChange.referral_id == first.id).order_by(ReferralStatusChange.id)).all()
    assert history == [ReferralStatus.REQUESTED, ReferralStatus.FAILED, ReferralStatus.FAILED]


def test_no_reply_gets_one_reminder_then_a_chw_task(app, phone, directory, clock):
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])
    phone.send("1")
    phone.send("yes")
    run_due(app, clock, days=3)
    assert len(phone.replies()) == 1
    run_due(app, clock, days=2)
    assert phone.replies()[0].startswith("Hi, this is Enlace. Did you get help from Chelsea Food Pantry?")
    run_due(app, clock, days=2)
    assert phone.replies() == []
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation)).one()
        assert (conv.status.value, conv.escalation_reason) == ("waiting", "checkin_no_reply")


def test_the_sweeper_does_not_multiply_check_ins_still_waiting_in_the_queue(app, phone, directory, clock):
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])
    phone.send("1")
    phone.send("yes")
    clock.advance(days=3)
    with app.app_context():
        run_sweeps()  # whatever the queue does not hold yet (RQ keeps scheduled jobs aside) is queued once
        assert run_sweeps()["due_checkins"] == 0  # a backlog: its job waits its turn, so nothing is added
        assert run_sweeps()["due_checkins"] == 0
    drain(app)
    assert phone.replies() == [
        "Hi, this is Enlace. Did you get help from Chelsea Food Pantry?\n1 Yes, I got help\n"
        "2 Not yet, I am still waiting\n3 No, I could not get help"]


def due_check_ins(app, clock, count):
    """`count` clients who were referred to the pantry and whose check-in is due now; their ids."""
    ids = []
    with app.app_context():
        for i in range(count):
            client = Client(phone=f"+1617555{i:04d}", language="en", zip_code="10001", timezone="America/New_York",
                            consent_at=clock.now)
            db.session.add(client)
            db.session.flush()
            db.session.add(Conversation(client_id=client.id, state={}))
            db.session.add(Referral(client_id=client.id, need_domain="food-insecurity", service_id="svc-pantry",
                                    service_name="Chelsea Food Pantry", service_phone="(212) 555-0101",
                                    next_checkin_at=clock.now))
            ids.append(client.id)
        db.session.commit()
    return ids


def check_in_texts(app):
    from models import Message
    from models.message import Direction

    with app.app_context():
        return db.session.execute(sa.select(Message.client_id, Message.body).where(
            Message.direction == Direction.OUTBOUND)).all()


def test_a_crowd_of_check_ins_due_at_once_each_goes_out_exactly_once(app, clock):
    """More check-ins than one job's batch, all due the same second (a big program, quiet hours ending)."""
    from models import CheckinStage
    from workers.checkins import BATCH

    crowd = 2 * BATCH + 7
    due_check_ins(app, clock, crowd)
    with app.app_context():
        assert run_sweeps()["due_checkins"] == 1  # one job is woken; it wakes the next while more are due
        assert run_sweeps()["due_checkins"] == 0
    drain(app)
    texts = check_in_texts(app)
    with app.app_context():
        stages = db.session.scalars(sa.select(Referral.checkin_stage)).all()
        assert run_sweeps()["due_checkins"] == 0
    assert len(texts) == len({client_id for client_id, _ in texts}) == crowd
    assert all(body.startswith("Hi, this is Enlace. Did you get help from Chelsea Food Pantry?") for _, body in texts)
    assert set(stages) == {CheckinStage.REMINDER}


def test_a_check_in_leaves_a_client_whose_text_is_being_handled_for_the_next_job(app, clock):
    """That turn may update the referral the check-in holds: waiting for it could deadlock."""
    from workers.checkins import run_due_checkins

    def job():
        with app.app_context():
            run_due_checkins()

    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            pytest.skip("SQLite locks the whole database, not rows: a text and a check-in never run side by side")
    busy, free = due_check_ins(app, clock, 2)
    with app.app_context(), db.engine.connect() as turn:
        turn.execute(sa.select(Client.id).where(Client.id == busy).with_for_update())  # as `lock_client` does
        worker = threading.Thread(target=job)
        worker.start()
        worker.join(10)
        waited = worker.is_alive()
        turn.rollback()
        worker.join()
    assert not waited, "the check-in waited for the client's text to be handled"
    assert [client_id for client_id, _ in check_in_texts(app)] == [free]
    job()  # the next job, once the turn is done
    assert sorted(client_id for client_id, _ in check_in_texts(app)) == [busy, free]


def test_reported_outcome_clears_the_reminder(app, phone, directory, clock):
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])
    phone.send("1")
    phone.send("yes")
    run_due(app, clock, days=3)
    phone.replies()
    assert phone.send("yes I got help") == [
        "We are glad you got help! Reply MENU if you need help with anything else."]
    run_due(app, clock, days=10)
    assert phone.replies() == []
    [ref] = referrals(app)
    assert ref.status is ReferralStatus.COMPLETED


def test_check_ins_wait_for_the_end_of_quiet_hours_and_never_follow_stop(make_app, directory, clock):
    from datetime import time

    from config import QuietHours
    from tests.phone import Phone

    app = make_app(QUIET_HOURS=QuietHours(time(21), time(8)))
    phone = Phone(app, app.test_client(), "+15555550123")
    clock.now = clock.now.replace(hour=1)  # 21:00 the evening before, in New York: the client texts late
    screen(phone, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])
    phone.send("1")
    phone.send("yes")
    [ref] = referrals(app)
    with app.app_context():
        tz = db.session.scalars(sa.select(Client.timezone)).one()
    local = ref.next_checkin_at.astimezone(__import__("zoneinfo").ZoneInfo(tz))
    assert local.hour == 8 and local.minute == 0

    phone.send("STOP")
    run_due(app, clock, days=4)
    assert phone.replies() == []


def test_a_zip_we_cannot_place_still_gets_an_answer(app, phone, directory):
    phone.send("Hi, I need help with food")
    phone.send("yes")
    assert phone.send("00000") == ["Please send your 5-digit ZIP code, like 10001. Or reply SKIP."]
    phone.send("skip")
    phone.send("skip")
    replies = [phone.send(a) for a in ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"]][-1]
    assert replies[1].startswith("Places that can help with food:\n1 ")


def test_whatsapp_check_in_outside_the_window_uses_the_template_and_its_buttons(make_app, fake_twilio, directory,
                                                                                 clock):
    from tests.conftest import app_on_fake_twilio
    from tests.phone import Phone

    app = app_on_fake_twilio(make_app, fake_twilio, TWILIO_WHATSAPP_FROM="whatsapp:+15005550006",
                             WHATSAPP_TEMPLATES={"checkin": "HX" + "c" * 32})
    wa = Phone(app, app.test_client(), "+16175550130", channel="whatsapp")
    screen(wa, ["1", "8", "2", "3", "2", "2", "1", "1", "1", "1"])
    wa.send("1")
    wa.send("yes")
    run_due(app, clock, days=3)  # three days after the client's last message: outside the 24 hours
    assert len(wa.replies()) == 1
    checkin = fake_twilio.messages[-1]
    assert checkin["to"] == "whatsapp:+16175550130"
    assert checkin["params"]["ContentSid"] == "HX" + "c" * 32
    assert checkin["params"]["ContentVariables"] == '{"1": "Chelsea Food Pantry"}'
    # the client taps "Yes, I got help": Twilio sends the button's payload
    assert wa.send("Yes, I got help", ButtonPayload="got_help", ButtonText="Yes, I got help") == [
        "We are glad you got help! Reply MENU if you need help with anything else."]
    [ref] = referrals(app)
    assert ref.status is ReferralStatus.COMPLETED
