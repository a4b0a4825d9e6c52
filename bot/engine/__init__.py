"""The conversation engine: one pure step from (state, input, clock, client facts) to (new
state, replies, events). It runs the flows of `flows/` and reads text with `bot.understanding`;
it never touches the database, Redis, Twilio or the system clock.
"""

from bot.engine.events import (
    AnswerGiven,
    CrisisDetected,
    EngineEvent,
    Escalated,
    LanguageChosen,
    NameGiven,
    NeedIdentified,
    OptedIn,
    OptedOut,
    QuestionAnswered,
    Reached,
    ResourcesRequested,
    Scored,
    ZipGiven,
)
from bot.engine.state import ConversationState, Lookup
from bot.engine.step import step
from bot.engine.turn import ClientFacts, Input, Reply, StepResult

__all__ = [
    "AnswerGiven", "ClientFacts", "ConversationState", "CrisisDetected", "EngineEvent", "Escalated", "Input",
    "LanguageChosen", "Lookup", "NameGiven", "NeedIdentified", "OptedIn", "OptedOut", "QuestionAnswered",
    "Reached", "Reply", "ResourcesRequested", "Scored", "step", "StepResult", "ZipGiven",
]
