"""Every job and every sweep, in one place.

A job is asked for by name (`jobs().enqueue("send_message", ...)`, `enqueue_after_commit`), so
code below the workers can ask for one without importing it; this table says which function
runs. A sweep finds work the queue lost and does it again; `workers.sweeper` runs them in this
order every few seconds. To add a job or a sweep: write it in the module of its concept under
`workers/`, then list it here. (Event handlers have their own table: `bot/pipeline/handlers.py`.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from workers import checkins, partners, sending, status, sweeps, translation, turns

JOBS: dict[str, Callable] = {
    "run_turns": turns.run_turns,
    "send_message": sending.send_message,
    "apply_status_callback": status.apply_status_callback,
    "run_due_checkins": checkins.run_due_checkins,
    "translate_messages": translation.translate_messages,
    "notify_partner": partners.notify_partner,
    "post_fhir_task": partners.post_fhir_task,
}

SWEEPS: tuple[Callable[[datetime], int], ...] = (
    turns.drain_inbound_journal,
    sweeps.requeue_pending,
    sweeps.reconcile_sending,
    sweeps.refresh_statuses,
    turns.requeue_received,
    checkins.due_checkins,
    translation.translate_backlog,
    partners.due_notifications,
    partners.silent_partners,
    partners.changed_tasks,
)
