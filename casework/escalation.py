"""Escalation: putting a conversation in the CHW queue, whoever asks (the engine's `escalated`
event, a dead end after a failed referral, an unanswered check-in, a text the bot cannot run)."""

from __future__ import annotations

from datetime import datetime

from models import Conversation, ConversationStatus, Urgency


def escalate(conv: Conversation, reason: str, urgency: str, now: datetime) -> None:
    """Put the conversation in the CHW queue. One already with a CHW stays with them; a more
    urgent reason raises the urgency."""
    level = Urgency(urgency)
    if conv.status in (ConversationStatus.BOT, ConversationStatus.CLOSED):
        conv.status = ConversationStatus.WAITING
        conv.escalated_at = now
        conv.escalation_reason = reason
        conv.urgency = level
    elif level is Urgency.URGENT and conv.urgency is not Urgency.URGENT:
        conv.urgency = level
        conv.escalation_reason = reason
