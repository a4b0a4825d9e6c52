"""One inbound text through the whole pipeline: store, step, commit, send.

The webhook, the simulator and the terminal chat all come in here. (When the webhook comes to
only accept and journal texts, this is what the worker job that steps a client's texts runs.)
"""

from __future__ import annotations

from bot.messaging.inbound import InboundMessage
from bot.messaging.outbox import enqueue_sends
from bot.pipeline.process import process
from bot.pipeline.receive import receive
from models import clock, db


def handle_inbound(msg: InboundMessage) -> None:
    """Store, step, commit, enqueue the sends.

    A duplicate still goes through `process`, which finds nothing to do unless the first
    delivery was stored but never stepped (a crash in between)."""
    now = clock.now()
    stored = receive(db.session, msg, now)
    enqueue_sends(process(db.session, stored.message_id, now, stored.client_id))
