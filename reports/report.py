"""The whole report for one period and one CHW (or everyone): every figure, computed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from casework.sla import SlaPolicy
from reports.figures.escalations import EscalationFigures, escalation_figures
from reports.figures.messages import DEFAULT_SEGMENT_COST, MessageFigures, message_figures
from reports.figures.reach import OptOuts, Reach, clients_reached, opt_outs
from reports.figures.referrals import ReferralFigures, referral_figures
from reports.figures.screenings import ScreeningFigures, screening_figures
from reports.figures.staff import ChwActivity, chw_activity


@dataclass(frozen=True)
class Report:
    start: datetime  # inclusive, UTC
    end: datetime  # exclusive, UTC
    chw_id: int | None
    reach: Reach
    screenings: ScreeningFigures
    referrals: ReferralFigures
    escalations: EscalationFigures
    opt_outs: OptOuts
    messages: MessageFigures
    chws: tuple[ChwActivity, ...]


def build_report(session: Session, start: datetime, end: datetime, chw_id: int | None = None, *, now: datetime,
                 policy: SlaPolicy, segment_cost: Decimal = DEFAULT_SEGMENT_COST) -> Report:
    """`policy` is the queue's SLA (casework.sla.SlaPolicy.from_config(app.config))."""
    return Report(
        start=start,
        end=end,
        chw_id=chw_id,
        reach=clients_reached(session, start, end, chw_id),
        screenings=screening_figures(session, start, end, chw_id),
        referrals=referral_figures(session, start, end, chw_id),
        escalations=escalation_figures(session, start, end, chw_id, policy=policy, now=now),
        opt_outs=opt_outs(session, start, end, chw_id),
        messages=message_figures(session, start, end, chw_id, segment_cost=segment_cost),
        chws=chw_activity(session, start, end, chw_id),
    )
