"""Who may open which client's record.

Supervisors and admins see everyone. A CHW sees a client while the client waits unclaimed in
the queue, and afterwards only if the client is in their caseload, which comes from a deliberate
act only: a conversation they hold or ever claimed (handing it back to the bot must not lock them
out of their own follow-up), or a referral they made. Writing a note or a goal is not one: a note
on a waiting client must not keep her once another CHW claims her. The reports count a CHW's
clients by the same rule. Anything else answers 404, exactly like a record that does not exist,
so guessing ids tells nothing; each refusal is an `access_refused` line in the audit log
(committed at once: the request ends in the 404).
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, has_request_context, request
from sqlalchemy.orm import Session

from casework.client_data import not_erased
from models import Client, Conversation, ConversationStatus, Event, Referral, Role, User, clock
from models.audit import audit


def sees_everyone(user: User) -> bool:
    return user.role in (Role.SUPERVISOR, Role.ADMIN)


CLAIMED = "conversation_claimed"  # {"by": <user id>}, written by casework/handoff.py when a CHW claims


def claimed_conversations(chw_id: int) -> sa.Select:
    """Ids of conversations a CHW claimed (at any time) or holds now. Claims are read from the
    `conversation_claimed` events, because handing a conversation back clears its assignment."""
    return sa.union(
        sa.select(Event.conversation_id).where(Event.type == CLAIMED, Event.data["by"].as_integer() == chw_id),
        sa.select(Conversation.id).where(Conversation.assigned_to_id == chw_id),
    )


def _caseload_parts(chw_id: int) -> tuple[sa.Select, ...]:
    return (
        sa.select(Event.client_id).where(Event.type == CLAIMED, Event.data["by"].as_integer() == chw_id),
        sa.select(Conversation.client_id).where(Conversation.assigned_to_id == chw_id),
        sa.select(Referral.client_id).where(Referral.made_by_id == chw_id),
    )


def caseload(chw_id: int) -> sa.CompoundSelect:
    """Ids of a CHW's clients: conversations they claimed or hold, referrals they made."""
    return sa.union(*_caseload_parts(chw_id))


def visible_clients(user: User) -> sa.ColumnElement[bool]:
    """A condition on `Client`: the clients this user may open (never an erased one)."""
    if sees_everyone(user):
        return not_erased()
    waiting = sa.select(Conversation.client_id).where(Conversation.status == ConversationStatus.WAITING,
                                                      Conversation.assigned_to_id.is_(None))
    return not_erased() & Client.id.in_(sa.union(waiting, *_caseload_parts(user.id)))  # flat: SQLite


def client_or_404(session: Session, user: User, client_id: int) -> Client:
    client = session.scalars(sa.select(Client).where(Client.id == client_id, visible_clients(user))).first()
    if client is None:
        refuse(session, user, "client", client_id)
    return client


def refuse(session: Session, user: User, target_type: str, target_id: int) -> None:
    """Record that this user asked for a record they may not see (or that does not exist), then 404."""
    session.rollback()
    audit(session, user, "access_refused", target_type, target_id,
          ip=request.remote_addr if has_request_context() else None, at=clock.now())
    session.commit()
    abort(404)


def find_conversation(session: Session, user: User, conversation_id: int) -> Conversation | None:
    return session.scalars(
        sa.select(Conversation)
        .join(Client, Client.id == Conversation.client_id)
        .where(Conversation.id == conversation_id, visible_clients(user))
    ).first()


def conversation_or_404(session: Session, user: User, conversation_id: int) -> Conversation:
    conv = find_conversation(session, user, conversation_id)
    if conv is None:
        refuse(session, user, "conversation", conversation_id)
    return conv


def may_reply(user: User, conv: Conversation) -> bool:
    """Only the CHW holding the conversation texts the client: one voice at a time."""
    return conv.status is ConversationStatus.WITH_CHW and conv.assigned_to_id == user.id


def may_release(user: User, conv: Conversation) -> bool:
    """Hand back to the bot or close: the CHW holding it, or a supervisor for any escalation."""
    if may_reply(user, conv):
        return True
    return sees_everyone(user) and conv.status in (ConversationStatus.WAITING, ConversationStatus.WITH_CHW)
