"""The conversation engine: one pure step from (state, input, clock, client facts) to (new
state, replies, events). It runs the flows of `flows/` and reads text with `bot.understanding`;
it never touches the database, Redis, Twilio or the system clock.
"""

from bot.engine.step import step
from bot.engine.turn import ClientFacts, Emitted, Input, Reply, StepResult

__all__ = ["ClientFacts", "Emitted", "Input", "Reply", "StepResult", "step"]
