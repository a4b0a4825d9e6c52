"""Every event handler, in one table: which functions act on which of the engine's events.

A handler takes (session, client, conversation, event, now), works in the caller's transaction,
and may return an `Input` to feed straight back to the engine (the answer to a lookup). To act
on a new event, write the handler in the module of its concept and add it here. Event names
written in a flow file (`emit:`) are listed with the flow that emits them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.engine import (
    Escalated,
    Input,
    LanguageChosen,
    NameGiven,
    NeedIdentified,
    OptedIn,
    OptedOut,
    QuestionAnswered,
    ResourcesRequested,
    ZipGiven,
)
from bot.pipeline import profile, referrals, screening, suggestions
from bot.pipeline.escalation import escalated
from models import Client, Conversation

Handler = Callable[[Session, Client, Conversation, Any, datetime], "Input | None"]  # Any: its own event type

HANDLERS: dict[str, tuple[Handler, ...]] = {
    OptedOut.type: (profile.opted_out,),
    OptedIn.type: (profile.opted_in,),
    LanguageChosen.type: (profile.language_chosen,),
    Escalated.type: (escalated,),
    "consent_answered": (profile.consent_answered,),  # flows/intake.yaml
    ZipGiven.type: (profile.zip_given,),
    NameGiven.type: (profile.name_given,),
    "screening_started": (screening.screening_started,),  # flows/screening.yaml
    QuestionAnswered.type: (screening.question_answered,),
    NeedIdentified.type: (screening.need_identified,),
    "screening_completed": (screening.screening_completed,),  # flows/screening.yaml
    ResourcesRequested.type: (suggestions.find_resources,),
    "referral_chosen": (referrals.chosen,),  # flows/suggestions.yaml
    "referral_outcome": (referrals.outcome,),  # flows/checkin.yaml
    "referral_failed": (referrals.failed,),  # flows/checkin.yaml
    "referral_dead_end": (referrals.dead_end,),  # flows/checkin.yaml
}
