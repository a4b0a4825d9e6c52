"""Everything that happened to a client, newest first: messages, events, referral status changes,
goals and their progress, and notes, each as one line a CHW can scan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework import labels
from casework.labels import label
from models import Event, Message, Referral, ReferralStatusChange, Sender, User
from models.case import Goal, GoalProgress, Note

LIMIT = 200
# Events too fine-grained for the timeline: every answer is in the screening itself.
QUIET_EVENTS = frozenset({"question_answered", "resources_requested", "resources_found"})


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # message, event, referral, goal, note
    title: str
    detail: str | None = None
    # Within one moment: what the client said, then what it caused, then the replies.
    rank: int = 1
    seq: int = 0  # the row id, for order within a kind


def client_timeline(session: Session, client_id: int, limit: int = LIMIT) -> list[Entry]:
    names = _Names(session)
    entries = [*_messages(session, client_id, limit, names), *_events(session, client_id, limit, names),
               *_referrals(session, client_id, limit, names), *_goals(session, client_id, limit, names),
               *_notes(session, client_id, limit, names)]
    entries.sort(key=lambda e: (e.at, e.rank, e.seq), reverse=True)
    return entries[:limit]


class _Names:
    """Staff names by id, looked up once each."""

    def __init__(self, session: Session) -> None:
        self.session, self.cache = session, {}

    def __call__(self, user_id: int | None, nobody: str = "the bot") -> str:
        if user_id is None:
            return nobody
        if user_id not in self.cache:
            user = self.session.get(User, user_id)
            self.cache[user_id] = user.display_name if user else "a former user"
        return self.cache[user_id]


def _messages(session, client_id, limit, names):
    rows = session.scalars(sa.select(Message).where(Message.client_id == client_id)
                           .order_by(Message.created_at.desc()).limit(limit))
    for m in rows:
        who = {Sender.CLIENT: "Client texted", Sender.BOT: "Bot texted"}.get(m.sender) or f"{names(m.author_id)} texted"
        yield Entry(m.created_at, "message", who, _short(m.body), 0 if m.sender is Sender.CLIENT else 2, m.id)


def _events(session, client_id, limit, names):
    rows = session.scalars(sa.select(Event).where(Event.client_id == client_id, Event.type.not_in(QUIET_EVENTS))
                           .order_by(Event.created_at.desc()).limit(limit))
    for e in rows:
        yield Entry(e.created_at, "event", _event_title(e, names), seq=e.id)


def _event_title(e: Event, names) -> str:
    d = e.data or {}
    by = names(d.get("by"), "someone")
    titles = {
        "escalated": lambda: f"Sent to the CHW queue: {label(labels.ESCALATION_REASONS, d.get('reason'))}",
        "conversation_claimed": lambda: f"Claimed by {by}",
        "conversation_handed_back": lambda: f"Handed back to the bot by {by}",
        "conversation_closed": lambda: f"Conversation closed by {by}",
        "opted_out": lambda: ("Texted something like STOP: texts paused, asked to confirm" if d.get("probable")
                              else "Texted STOP: no more texts"),
        "opted_in": lambda: "Texts resumed",
        "language_chosen": lambda: f"Language: {label(labels.LANGUAGES, d.get('language'))}",
        "consent_answered": lambda: f"Consent to texts: {d.get('answer', '?')}",
        "crisis_detected": lambda: "Crisis words detected",
        "need_identified": lambda: f"Need found by the screening: {label(labels.NEED_DOMAINS, d.get('need'))}",
        "need_added": lambda: f"Need added by {by}: {label(labels.NEED_DOMAINS, d.get('need'))}",
        "need_status_changed": lambda: (f"{label(labels.NEED_DOMAINS, d.get('need'))} marked "
                                        f"{label(labels.NEED_STATUSES, d.get('status')).lower()} by {by}"),
        "screening_started": lambda: "Screening started",
        "screening_completed": lambda: "Screening completed",
        "zip_given": lambda: f"ZIP code given: {d.get('zip', '')}",
        "name_given": lambda: "First name given",
    }
    make = titles.get(e.type)
    return make() if make else e.type.replace("_", " ").capitalize()


def _referrals(session, client_id, limit, names):
    rows = session.execute(
        sa.select(ReferralStatusChange, Referral.service_name)
        .join(Referral, Referral.id == ReferralStatusChange.referral_id)
        .where(Referral.client_id == client_id)
        .order_by(ReferralStatusChange.at.desc()).limit(limit)
    )
    for change, service in rows:
        reason = f" ({label(labels.REFERRAL_FAILURE_REASONS, change.reason)})" if change.reason else ""
        who = names(change.by_id, label(labels.STATUS_SOURCES, change.source))
        yield Entry(change.at, "referral",
                    f"Referral to {service}: {label(labels.REFERRAL_STATUSES, change.status.value)}{reason}",
                    f"By {who}", seq=change.id)


def _goals(session, client_id, limit, names):
    goals = session.scalars(sa.select(Goal).where(Goal.client_id == client_id)
                            .order_by(Goal.created_at.desc()).limit(limit)).all()
    for g in goals:
        yield Entry(g.created_at, "goal", f"Goal set by {names(g.created_by_id)}", _short(g.description), seq=g.id)
    if goals:
        progress = session.execute(
            sa.select(GoalProgress, Goal.description).join(Goal, Goal.id == GoalProgress.goal_id)
            .where(Goal.client_id == client_id).order_by(GoalProgress.at.desc()).limit(limit))
        for p, description in progress:
            yield Entry(p.at, "goal", f"Goal progress: {label(labels.ACHIEVEMENTS, p.achievement.value)}",
                        _short(f"{description}: {p.note}" if p.note else description), seq=p.id)


def _notes(session, client_id, limit, names):
    for n in session.scalars(sa.select(Note).where(Note.client_id == client_id)
                             .order_by(Note.created_at.desc()).limit(limit)):
        yield Entry(n.created_at, "note", f"Note by {names(n.author_id)}", _short(n.body), seq=n.id)


def _short(text: str | None, length: int = 160) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
