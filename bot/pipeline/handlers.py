"""Every event handler, in one table: which functions act on which of the engine's events.

A handler takes (session, client, conversation, event, now), works in the caller's transaction,
and may return an `Input` to feed straight back to the engine (the answer to a lookup). To act
on a new event, write the handler in the module of its concept and add it here. Event names
written in a flow file (`emit:`) are listed with the flow that emits them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from bot.engine import Emitted, Input
from bot.pipeline import profile, referrals, screening, suggestions
from bot.pipeline.escalation import escalated
from models import Client, Conversation

Handler = Callable[[Session, Client, Conversation, Emitted, datetime], "Input | None"]

HANDLERS: dict[str, tuple[Handler, ...]] = {
    "opted_out": (profile.opted_out,),
    "opted_in": (profile.opted_in,),
    "language_chosen": (profile.language_chosen,),
    "escalated": (escalated,),
    "consent_answered": (profile.consent_answered,),  # flows/intake.yaml
    "zip_given": (profile.zip_given,),
    "name_given": (profile.name_given,),
    "screening_started": (screening.screening_started,),  # flows/screening.yaml
    "question_answered": (screening.question_answered,),
    "need_identified": (screening.need_identified,),
    "screening_completed": (screening.screening_completed,),  # flows/screening.yaml
    "resources_requested": (suggestions.find_resources,),
    "referral_chosen": (referrals.chosen,),  # flows/suggestions.yaml
    "referral_outcome": (referrals.outcome,),  # flows/checkin.yaml
    "referral_failed": (referrals.failed,),  # flows/checkin.yaml
    "referral_dead_end": (referrals.dead_end,),  # flows/checkin.yaml
}
