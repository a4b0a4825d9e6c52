"""Reading a client's case for the dashboard: finding clients, and everything on one client's record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.access import visible_clients
from dashboard.clients.timeline import Entry, client_timeline
from models import (
    Client,
    Conversation,
    ConversationStatus,
    Need,
    Referral,
    ReferralStatusChange,
    User,
)
from models.case import Goal, GoalProgress, Note

LIST_LIMIT = 50


@dataclass(frozen=True)
class ClientRow:
    client: Client
    conversation: Conversation | None  # the open one, if any


def search_clients(session: Session, user: User, q: str | None, limit: int = LIST_LIMIT) -> list[ClientRow]:
    """By first or WhatsApp profile name, the last 4 digits of the phone number, or the ZIP code;
    only clients this user may open, the most recently heard from first."""
    query = sa.select(Client).where(visible_clients(user))
    q = (q or "").strip()
    if q:
        digits = re.sub(r"\D", "", q)
        matches = [Client.first_name.icontains(q, autoescape=True), Client.profile_name.icontains(q, autoescape=True)]
        if digits == q and len(digits) == 4:
            matches.append(Client.phone.endswith(digits, autoescape=True))
        if digits == q and len(digits) == 5:
            matches.append(Client.zip_code == digits)
        query = query.where(sa.or_(*matches))
    clients = session.scalars(
        query.order_by(Client.last_inbound_at.desc().nulls_last(), Client.id.desc()).limit(limit)
    ).all()
    open_convs = _open_conversations(session, [c.id for c in clients])
    return [ClientRow(c, open_convs.get(c.id)) for c in clients]


def _open_conversations(session: Session, client_ids: list[int]) -> dict[int, Conversation]:
    if not client_ids:
        return {}
    found: dict[int, Conversation] = {}
    for conv in session.scalars(
        sa.select(Conversation)
        .where(Conversation.client_id.in_(client_ids), Conversation.status != ConversationStatus.CLOSED)
        .order_by(Conversation.id)
    ):
        found[conv.client_id] = conv  # the newest wins
    return found


@dataclass
class GoalView:
    goal: Goal
    progress: list[GoalProgress] = field(default_factory=list)  # newest first


@dataclass
class ReferralView:
    referral: Referral
    history: list[ReferralStatusChange] = field(default_factory=list)  # oldest first


@dataclass
class CaseFile:
    client: Client
    conversations: list[Conversation]
    needs: list[Need]
    goals: list[GoalView]
    referrals: list[ReferralView]
    notes: list[Note]
    staff: dict[int, str]  # names of the staff the record mentions
    timeline: list[Entry]

    def need(self, need_id: int | None) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)


def load_case(session: Session, client: Client) -> CaseFile:
    cid = client.id
    conversations = session.scalars(
        sa.select(Conversation).where(Conversation.client_id == cid).order_by(Conversation.id.desc())).all()
    needs = session.scalars(
        sa.select(Need).where(Need.client_id == cid).order_by(Need.identified_at.desc(), Need.id.desc())).all()
    goals = [GoalView(g) for g in session.scalars(
        sa.select(Goal).where(Goal.client_id == cid).order_by(Goal.created_at.desc(), Goal.id.desc()))]
    by_goal = {g.goal.id: g for g in goals}
    if by_goal:
        for p in session.scalars(sa.select(GoalProgress).where(GoalProgress.goal_id.in_(by_goal))
                                 .order_by(GoalProgress.at.desc(), GoalProgress.id.desc())):
            by_goal[p.goal_id].progress.append(p)
    referrals = [ReferralView(r) for r in session.scalars(
        sa.select(Referral).where(Referral.client_id == cid).order_by(Referral.created_at.desc(), Referral.id.desc()))]
    by_referral = {r.referral.id: r for r in referrals}
    if by_referral:
        for change in session.scalars(
            sa.select(ReferralStatusChange).where(ReferralStatusChange.referral_id.in_(by_referral))
            .order_by(ReferralStatusChange.at, ReferralStatusChange.id)
        ):
            by_referral[change.referral_id].history.append(change)
    notes = session.scalars(
        sa.select(Note).where(Note.client_id == cid).order_by(Note.created_at.desc(), Note.id.desc())).all()
    staff_ids = {c.assigned_to_id for c in conversations} | {n.author_id for n in notes} \
        | {g.goal.created_by_id for g in goals} | {p.author_id for g in goals for p in g.progress} \
        | {r.referral.made_by_id for r in referrals} | {h.by_id for r in referrals for h in r.history}
    staff_ids.discard(None)
    staff = {u.id: u.display_name for u in session.scalars(sa.select(User).where(User.id.in_(staff_ids)))} \
        if staff_ids else {}
    return CaseFile(client, list(conversations), list(needs), goals, referrals, list(notes), staff,
                    client_timeline(session, cid))
