"""A client's whole screening in English, through the real webhook, as they would see it."""

import sqlalchemy as sa

from bot.engine import QuestionAnswered, Reached
from bot.pipeline.effects import apply_events
from models import Client, Event, Need, Screening, ScreeningAnswer, db
from models.client import Channel
from models.conversation import open_conversation_for_update
from tests.transcript import converse

OFTEN = "...1 Often true\n...2 Sometimes true\n...3 Never true"
FREQ = "...1 Never\n...2 Rarely\n...3 Sometimes\n...4 Fairly often\n...5 Frequently"


def test_full_screening_in_english(app, phone):
    converse(phone, f"""
        client: Hi, I need help with food
        bot: Thanks! We will text you in English. Reply LANG at any time to change the language.
        bot: Enlace helps you find free help with food, housing, bills, rides and safety. May we text you? Msg & data rates may apply.
        ...1 Yes
        ...2 No
        client: yes
        bot: What is your 5-digit ZIP code? It helps us find help near you.
        client: 10001
        bot: What first name should we call you? Or reply SKIP.
        client: my name is ana
        bot: We will ask 10 short questions to see how we can help. Reply with the number of your answer. Reply SKIP to pass.
        bot: What is your living situation today?
        ...1 I have a steady place to live
        ...2 I have a place to live today, but I am worried about losing it in the future
        ...3 I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)
        client: 2
        bot: Think about the place you live. Do you have problems with any of the following? (choose all that apply)
        ...1 Pests such as bugs, ants, or mice
        ...2 Mold
        ...3 Lead paint or pipes
        ...4 Lack of heat
        ...5 Oven or stove not working
        ...6 Smoke detectors missing or not working
        ...7 Water leaks
        ...8 None of the above
        client: mold and leaks
        bot: Within the past 12 months, you worried that your food would run out before you got money to buy more.
        {OFTEN}
        client: sometimes
        bot: Within the past 12 months, the food you bought just didn't last and you didn't have money to get more.
        {OFTEN}
        client: never true
        bot: In the past 12 months, has lack of reliable transportation kept you from medical appointments, meetings, work or from getting things needed for daily living?
        ...1 Yes
        ...2 No
        client: no
        bot: In the past 12 months has the electric, gas, oil, or water company threatened to shut off services in your home?
        ...1 Yes
        ...2 No
        ...3 Already shut off
        client: already shut off
        bot: How often does anyone, including family and friends, physically hurt you?
        {FREQ}
        client: 1
        bot: How often does anyone, including family and friends, insult or talk down to you?
        {FREQ}
        client: rarely
        bot: How often does anyone, including family and friends, threaten you with harm?
        {FREQ}
        client: never
        bot: How often does anyone, including family and friends, scream or curse at you?
        {FREQ}
    """)
    # The summary; then, for each need, what the directory has (nothing here) and a closing line.
    replies = phone.send("skip")
    assert replies[0] == "Thank you. We can help you with: housing, problems in your home, food, and utility bills."
    # Food first (the first text asked for it), then the utilities already shut off, then the rest.
    assert replies[1:-1] == [f"We did not find help with {need} near you in our list. You can call 211 any time, "
                             "or reply AGENT to text a person."
                             for need in ("food", "utility bills", "housing", "problems in your home")]
    assert replies[-1] == ("That is all for now. Reply MENU to start over, or AGENT to text a community health "
                           "worker.")
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        assert (client.language, client.zip_code, client.timezone, client.first_name) == (
            "en", "10001", "America/New_York", "Ana")
        assert client.consent_at is not None and client.consent_text.startswith("Enlace helps you")
        screening = db.session.scalars(sa.select(Screening)).one()
        assert screening.status.value == "completed" and screening.safety_score == 4  # never 1 + rarely 2 + never 1, one skipped
        answers = {a.question: a for a in db.session.scalars(sa.select(ScreeningAnswer))}
        assert answers["problems"].answer_loinc == ["LA28580-1", "LA32001-2"]
        assert answers["food_worry"].item_loinc == "88122-7" and answers["food_worry"].answer_loinc == ["LA6729-3"]
        assert answers["scream"].skipped
        needs = sorted(n.domain for n in db.session.scalars(sa.select(Need)))
        assert needs == ["food-insecurity", "housing-instability", "inadequate-housing", "utility-insecurity"]
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Event).where(
            Event.type == "screening_completed")) == 1


def test_unclear_first_message_gets_the_language_menu_and_positive_safety_screen_escalates(app, phone):
    replies = phone.send("hi")
    assert replies[0].startswith("Enlace. Reply with a number / Responda con un número")
    assert replies[0].endswith("1 English\n2 Español\n3 Tiếng Việt\n4 中文\n5 Kreyòl ayisyen\n6 العربية")
    phone.send("1")
    phone.send("yes")
    phone.send("skip")
    phone.send("skip")
    for answer in ["1", "8", "3", "3", "2", "2"]:
        phone.send(answer)
    for answer in ["frequently", "4", "fairly often"]:
        phone.send(answer)
    final = phone.send("3")  # 5 + 4 + 4 + 3 = 16 >= 11
    # A partner may read these texts: no list of safety resources, a person instead.
    assert final == ["Thank you. We can help you with: safety.",
                     "That is all for now. Reply MENU to start over, or AGENT to text a community health worker."]
    with app.app_context():
        from models import Conversation
        conv = db.session.scalars(sa.select(Conversation)).one()
        assert (conv.status.value, conv.escalation_reason, conv.urgency.value) == ("waiting", "safety_screen", "urgent")


def test_three_replies_not_understood_escalate(app, phone):
    phone.send("Hi, I need help with food")
    assert phone.send("purple") == ["Sorry, I did not understand. Please reply with a number:\n1 Yes\n2 No"]
    assert phone.send("banana") == ["Sorry, I did not understand. Please reply with a number:\n1 Yes\n2 No"]
    assert phone.send("elephant") == [
        "Sorry, I am having trouble understanding. A community health worker will text you soon."]
    with app.app_context():
        from models import Conversation
        conv = db.session.scalars(sa.select(Conversation)).one()
        assert (conv.status.value, conv.escalation_reason) == ("waiting", "not_understood")


def test_a_question_answered_again_in_the_same_screening_keeps_the_latest_answer(app, clock):
    """A question can be asked twice in one screening (a CHW hands the chat back mid-question, the
    client changes their mind): the case and the FHIR export show one answer, the last one."""
    def answered(codes, loinc):
        return QuestionAnswered(flow="screening", question="food_worry", loinc="88122-7", codes=codes,
                                answer_loinc=loinc, value=None, skipped=False, language="en")

    with app.app_context():
        client = Client(phone="+16175550142", channel=Channel.SMS, language="en")
        db.session.add(client)
        db.session.flush()
        conv = open_conversation_for_update(db.session, client)
        apply_events(db.session, client, conv, [Reached("screening_started", flow="screening"),
                                                answered(["often"], ["LA28397-0"])], clock.now)
        db.session.commit()
        apply_events(db.session, client, conv, [answered(["never"], ["LA28398-8"])], clock.now)
        db.session.commit()
        answers = db.session.scalars(sa.select(ScreeningAnswer)).all()
        assert [(a.question, a.codes, a.answer_loinc) for a in answers] == [("food_worry", ["never"], ["LA28398-8"])]
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Screening)) == 1
