"""A small program's records with known report figures, for the reports and FHIR tests.

The period under test is 1-10 March 2026 in New York; the clock stands at 10 March 15:00 UTC.

- Luz (c1, es): texts 2 Mar; screened 2 Mar, food and housing needs; the bot's pantry referral
  completed after 3 days; asked for a person 3 Mar, Ana claimed it within the hour and handed
  it back to the bot an hour later.
- c2 (en): texts twice 4 Mar; a screening started, not finished; Ana's rides referral failed
  (no capacity) after 2 days; crisis 4 Mar, Ben claimed it after 30 minutes.
- c3 (no language, WhatsApp): last texted in February; opted out 5 Mar; one WhatsApp message and
  one suppressed SMS sent to them.
- c4 (vi): texts 9 Mar; Ana's utilities referral still requested, another entered in error; not
  understood 10 Mar 14:50, unclaimed.
- Ana and Ben are CHWs (Ben's name looks like a spreadsheet formula); Sue is the supervisor.

Before the period: a referral, a need and an escalation in February that must not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from models import (
    Channel,
    Client,
    Conversation,
    ConversationStatus,
    Direction,
    Event,
    Message,
    MessageStatus,
    Need,
    NeedStatus,
    Referral,
    ReferralStatus,
    Role,
    Screening,
    ScreeningAnswer,
    ScreeningStatus,
    Sender,
    Urgency,
)
from models.referral import set_status
from models.staff import create_user

NY_FIRST = datetime(2026, 3, 1, 5, 0, tzinfo=timezone.utc)  # 1 March 00:00 in New York
NY_END = datetime(2026, 3, 11, 4, 0, tzinfo=timezone.utc)  # 11 March 00:00 in New York (after DST began)


def at(day: int, hour: int = 15, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


@dataclass
class Program:
    ana: int
    ben: int
    supervisor: int
    luz: int
    c2: int
    c3: int
    c4: int
    screening: int
    referral_completed: int
    referral_failed: int


def make_program(session: Session) -> Program:
    password = "correct horse battery"
    ana = create_user(session, "ana@example.org", Role.CHW, password, "Ana Ruiz")
    ben = create_user(session, "ben@example.org", Role.CHW, password, "=Ben Cole")  # a formula-like name
    sue = create_user(session, "sue@example.org", Role.SUPERVISOR, password, "Sue Park")

    luz = Client(phone="+15555550101", language="es", first_name="Luz", zip_code="02139", created_at=at(2))
    c2 = Client(phone="+15555550102", language="en", created_at=at(4))
    c3 = Client(phone="+15555550103", channel=Channel.WHATSAPP, created_at=at(20, month=2))
    c4 = Client(phone="+15555550104", language="vi", created_at=at(9))
    session.add_all([luz, c2, c3, c4])
    session.flush()
    conv = {c.id: Conversation(client_id=c.id, status=ConversationStatus.BOT, state={}) for c in (luz, c2, c3, c4)}
    session.add_all(conv.values())
    session.flush()

    def message(client, day, hour, direction, channel=Channel.SMS, status=None, segments=1, minute=0, month=3):
        inbound = direction is Direction.INBOUND
        session.add(Message(
            client_id=client.id, conversation_id=conv[client.id].id, direction=direction,
            sender=Sender.CLIENT if inbound else Sender.BOT, channel=channel, body="…",
            status=status or (MessageStatus.PROCESSED if inbound else MessageStatus.DELIVERED),
            segments=segments, created_at=at(day, hour, minute, month)))

    message(luz, 2, 14, Direction.INBOUND)
    message(luz, 2, 14, Direction.OUTBOUND, segments=2, minute=1)
    message(c2, 4, 11, Direction.INBOUND)
    message(c2, 4, 12, Direction.INBOUND)
    message(c3, 20, 15, Direction.INBOUND, channel=Channel.WHATSAPP, month=2)
    message(c3, 5, 16, Direction.OUTBOUND, channel=Channel.WHATSAPP)
    message(c3, 6, 16, Direction.OUTBOUND, status=MessageStatus.SUPPRESSED, segments=3)
    message(c4, 9, 18, Direction.INBOUND, segments=2)

    # Luz: a completed screening with two needs, and the bot's referral for one of them.
    screening = Screening(client_id=luz.id, language="es", status=ScreeningStatus.COMPLETED, started_at=at(2, 14, 2),
                          completed_at=at(2, 14, 20), safety_score=4)
    session.add(screening)
    session.flush()
    answers = [
        ("living", "71802-3", ["worried"], ["LA31994-9"], None),
        ("problems", "96778-6", ["mold", "heat"], ["LA28580-1", "LA31998-0"], None),
        ("food_worry", "88122-7", ["often"], ["LA28397-0"], None),
        ("food_last", "88123-5", ["sometimes"], ["LA6729-3"], None),
        ("transport", "93030-5", ["no"], ["LA32-8"], None),
        ("utilities", "96779-4", [], [], None),  # skipped
        ("hurt", "95618-5", ["never"], ["LA6270-8"], 1),
        ("insult", "95617-7", ["never"], ["LA6270-8"], 1),
        ("threaten", "95616-9", ["never"], ["LA6270-8"], 1),
        ("scream", "95615-1", ["never"], ["LA6270-8"], 1),
    ]
    for i, (question, loinc, codes, answer_loinc, value) in enumerate(answers):
        session.add(ScreeningAnswer(screening_id=screening.id, question=question, item_loinc=loinc, codes=codes,
                                    answer_loinc=answer_loinc, value=value, skipped=not codes,
                                    answered_at=at(2, 14, 3 + i)))
    food = Need(client_id=luz.id, domain="food-insecurity", status=NeedStatus.RESOLVED, screening_id=screening.id,
                identified_at=at(2, 14, 20), resolved_at=at(5, 14, 30))
    housing = Need(client_id=luz.id, domain="housing-instability", screening_id=screening.id,
                   identified_at=at(2, 14, 20))
    session.add_all([food, housing])
    session.flush()
    pantry = _referral(session, luz, "food-insecurity", "City Pantry", at(2, 14, 30), need=food)
    set_status(session, pantry, ReferralStatus.COMPLETED, at(5, 14, 30))

    # c2: an unfinished screening; Ana's referral that failed.
    session.add(Screening(client_id=c2.id, language="en", started_at=at(4, 11, 5)))
    rides = _referral(session, c2, "transportation-insecurity", "Ride Share", at(4, 13), made_by=ana.id)
    set_status(session, rides, ReferralStatus.FAILED, at(6, 13), reason="no_capacity", source="chw", by_id=ana.id)

    # c4: Ana's open referral, and one entered in error.
    _referral(session, c4, "utility-insecurity", "Power Help", at(9, 19), made_by=ana.id)
    oops = _referral(session, c4, "utility-insecurity", "Power Help", at(9, 19, 5), made_by=ana.id)
    set_status(session, oops, ReferralStatus.ENTERED_IN_ERROR, at(9, 19, 6), source="chw", by_id=ana.id)

    # Escalations, as bot/pipeline/escalation.py and casework/handoff.py record them, and opt-outs.
    def event(client, kind, when, **data):
        session.add(Event(client_id=client.id, conversation_id=conv[client.id].id, type=kind, data=data,
                          created_at=when))

    def escalated(client, when, reason, urgency, claimed_by=None, claimed_at=None):
        event(client, "escalated", when, reason=reason, urgency=urgency)
        c = conv[client.id]
        c.status = ConversationStatus.WITH_CHW if claimed_by else ConversationStatus.WAITING
        c.escalated_at, c.escalation_reason, c.urgency = when, reason, Urgency(urgency)
        if claimed_by:
            c.assigned_to_id, c.claimed_at = claimed_by, claimed_at
            event(client, "conversation_claimed", claimed_at, by=claimed_by)

    escalated(luz, at(3, 15), "asked_for_person", "normal", ana.id, at(3, 16))
    event(luz, "conversation_handed_back", at(3, 17), by=ana.id)  # which forgets who held it
    conv[luz.id].status, conv[luz.id].assigned_to_id, conv[luz.id].claimed_at = ConversationStatus.BOT, None, None
    escalated(c2, at(4, 12), "crisis", "urgent", ben.id, at(4, 12, 30))
    escalated(c4, at(10, 14, 50), "not_understood", "normal")
    event(c3, "opted_out", at(5, 17), word="stop")

    # February: outside the period.
    old = _referral(session, c3, "food-insecurity", "Old Pantry", at(15, 15, month=2))
    set_status(session, old, ReferralStatus.COMPLETED, at(16, 15, month=2))
    session.add(Need(client_id=c3.id, domain="food-insecurity", screening_id=None, identified_at=at(15, month=2)))
    event(c3, "escalated", at(15, month=2), reason="crisis", urgency="urgent")
    session.flush()
    return Program(ana=ana.id, ben=ben.id, supervisor=sue.id, luz=luz.id, c2=c2.id, c3=c3.id, c4=c4.id,
                   screening=screening.id, referral_completed=pantry.id, referral_failed=rides.id)


def _referral(session: Session, client: Client, domain: str, name: str, when: datetime, made_by: int | None = None,
              need: Need | None = None) -> Referral:
    referral = Referral(client_id=client.id, need_id=need.id if need else None, need_domain=domain,
                        service_id=name.lower().replace(" ", "-"), service_name=name, service_phone="(617) 555-0100",
                        made_by_id=made_by, created_at=when, shared_with_provider=True)
    session.add(referral)
    session.flush()
    set_status(session, referral, ReferralStatus.REQUESTED, when, by_id=made_by, source="chw" if made_by else "bot")
    return referral
