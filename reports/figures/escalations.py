"""Hand-offs to a person: escalations by reason and urgency, and how many were claimed in time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.access import CLAIMED, claimed_conversations
from casework.labels import ESCALATION_REASONS, URGENCIES
from casework.sla import SlaPolicy
from models import Conversation, Event, Urgency
from models.base import UTCDateTime
from reports.counts import Count, counts
from reports.figures.sla import SlaResult, sla_compliance, target
from reports.sql import seconds_between


@dataclass(frozen=True)
class ReasonUrgency:
    reason: str
    urgency: str
    escalations: int


@dataclass(frozen=True)
class EscalationFigures:
    total: int  # `escalated` events in the period (the bot's and the edge's: dead ends, unanswered check-ins)
    by_reason: tuple[Count, ...]
    by_reason_and_urgency: tuple[ReasonUrgency, ...]
    sla: tuple[SlaResult, ...]  # conversations escalated in the period, claimed in time or not


def escalation_figures(session: Session, start: datetime, end: datetime, chw_id: int | None = None, *,
                       policy: SlaPolicy, now: datetime) -> EscalationFigures:
    reason = sa.func.coalesce(Event.data["reason"].as_string(), "asked_for_person")
    urgency = sa.func.coalesce(Event.data["urgency"].as_string(), "normal")
    where = [Event.type == "escalated", Event.created_at >= start, Event.created_at < end]
    if chw_id is not None:
        where.append(Event.conversation_id.in_(claimed_conversations(chw_id)))
    rows = session.execute(
        sa.select(reason.label("reason"), urgency.label("urgency"), sa.func.count()).where(*where)
        .group_by("reason", "urgency")
    ).all()
    per_reason: dict[str, int] = {}
    for r, _, n in rows:
        per_reason[r] = per_reason.get(r, 0) + n
    pairs = sorted((ReasonUrgency(r, u, n) for r, u, n in rows),
                   key=lambda x: (list(URGENCIES).index(x.urgency) if x.urgency in URGENCIES else 9, -x.escalations))
    return EscalationFigures(
        total=sum(per_reason.values()),
        by_reason=counts(per_reason.items(), ESCALATION_REASONS),
        by_reason_and_urgency=tuple(pairs),
        sla=_sla(session, start, end, chw_id, policy, now),
    )


def _sla(session: Session, start: datetime, end: datetime, chw_id: int | None, policy: SlaPolicy,
         now: datetime) -> tuple[SlaResult, ...]:
    """Conversations whose current escalation is in the period, claimed in time or not.

    The claim is the `conversation_claimed` event at or after the escalation (there is at most
    one: a claimed conversation waits again only after a new escalation). Clock time decides
    most of them in one GROUP BY; only normal ones that took longer than the target in clock
    time are read out and checked against business hours. With a CHW chosen, only the
    escalations they claimed count.
    """
    claims = sa.select(Event.conversation_id, Event.created_at, Event.data["by"].as_integer().label("by")).where(
        Event.type == CLAIMED, Event.created_at >= start).subquery()
    in_period = (Conversation.escalated_at >= start, Conversation.escalated_at < end)
    first = (
        sa.select(Conversation.id, sa.func.min(claims.c.created_at).label("at"), sa.func.min(claims.c.by).label("by"))
        .join(claims, sa.and_(claims.c.conversation_id == Conversation.id,
                              claims.c.created_at >= Conversation.escalated_at))
        .where(*in_period).group_by(Conversation.id).subquery()
    )
    urgent = Conversation.urgency == Urgency.URGENT
    elapsed = seconds_between(Conversation.escalated_at,
                              sa.func.coalesce(first.c.at, sa.bindparam("now", now, type_=UTCDateTime())))
    allowed = sa.case((urgent, policy.urgent.total_seconds()), else_=policy.normal.total_seconds())
    outcome = sa.case(
        (elapsed <= allowed, sa.case((first.c.at.is_not(None), "met"), else_="waiting")),
        (urgent, "missed"),
        else_="business_hours",
    )
    level = sa.case((urgent, "urgent"), else_="normal")
    query = sa.select(level, outcome, sa.func.count()).select_from(Conversation).outerjoin(
        first, first.c.id == Conversation.id).where(*in_period)
    if chw_id is not None:
        query = query.where(first.c.by == chw_id)
    tally = {u: dict.fromkeys(("met", "missed", "waiting"), 0) for u in ("urgent", "normal")}
    on_business_hours = 0
    for urgency, result, n in session.execute(query.group_by(level, outcome)):
        if result == "business_hours":
            on_business_hours += n
        else:
            tally[urgency][result] += n
    if on_business_hours:
        rows = session.execute(query.with_only_columns(Conversation.escalated_at, first.c.at)
                               .where(outcome == "business_hours"))
        for checked in sla_compliance(((e, c, "normal") for e, c in rows), policy, now):
            for result in tally[checked.urgency]:
                tally[checked.urgency][result] += getattr(checked, result)
    return tuple(SlaResult(u, target(policy, u), **counts) for u, counts in tally.items())
