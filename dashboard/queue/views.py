"""The CHW queue page (where the dashboard opens), its live part (polled by htmx every few seconds) and claiming.

The live part answers `204 No Content` while nothing a person would see has changed, so that
polling costs little and does not disturb focus or screen readers; the summary line is a
live region that is only rewritten when its sentence changes.
"""

from __future__ import annotations

import hashlib

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from casework.access import find_conversation, sees_everyone
from casework.handoff import claim
from casework.sla import SlaPolicy, duration
from dashboard.auth import audit_request, role_required
from dashboard.home import dashboard_bp, poll_seconds
from dashboard.queue.data import caseloads, queue_items, summarize
from models import ConversationStatus, db
from models.clock import now

STAFF = ("chw", "supervisor", "admin")


def _queue_context() -> dict:
    user = current_user._get_current_object()
    at = now()
    items = queue_items(db.session, user, SlaPolicy.from_config(current_app.config), at,
                        current_app.config["CHW_LANGUAGE"])
    summary = summarize(items)
    loads = caseloads(db.session, items) if sees_everyone(user) else []
    seen = [
        (i.conversation.id, i.conversation.status.value, i.conversation.urgency and i.conversation.urgency.value,
         i.conversation.escalation_reason, i.holder and i.holder.id, i.client.first_name, i.client.language,
         duration(i.waiting), i.sla and i.sla.label, i.trigger and i.trigger.id,
         i.translation and (i.translation.status.value, i.translation.source))
        for i in items
    ] + [(c.user.id, c.holding, c.claimed_late, c.open_referrals) for c in loads]
    return {
        "items": items,
        "summary": summary,
        "caseloads": loads,
        "sees_everyone": sees_everyone(user),
        "poll_seconds": poll_seconds(),
        "chw_language": current_app.config["CHW_LANGUAGE"],
        "version": _fingerprint(seen),
        "summary_version": _fingerprint(summary.sentence()),
    }


def _fingerprint(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


@dashboard_bp.route("/", endpoint="home")  # the dashboard opens on the queue
@dashboard_bp.route("/queue")
@role_required(*STAFF)
def queue():
    context = _queue_context()
    audit_request("view_queue")
    db.session.commit()
    return render_template("dashboard/queue.html", **context)


@dashboard_bp.route("/queue/live")
@role_required(*STAFF)
def queue_live():
    context = _queue_context()
    if request.args.get("v") == context["version"]:
        return "", 204
    summary_changed = request.args.get("s") != context["summary_version"]
    audit_request("view_queue")  # only when the list changed: a poll that shows nothing new is not a view
    db.session.commit()
    return render_template("dashboard/_queue_live.html", summary_changed=summary_changed, **context)


@dashboard_bp.route("/conversations/<int:conversation_id>/claim", methods=["POST"])
@role_required(*STAFF)
def claim_conversation(conversation_id: int):
    user = current_user._get_current_object()
    outcome = claim(db.session, conversation_id, user, now())
    conv = outcome.conversation
    if conv is None:
        abort(404)
    if outcome.won:
        audit_request("claim_conversation", "conversation", conversation_id)
        db.session.commit()
        flash("You have this conversation now. The bot stays quiet until you hand it back.", "success")
        return redirect(url_for("dashboard.conversation", conversation_id=conversation_id))
    held_by = outcome.holder if conv.status is ConversationStatus.WITH_CHW else None
    db.session.rollback()
    if held_by is not None and held_by.id == user.id:
        return redirect(url_for("dashboard.conversation", conversation_id=conversation_id))
    if held_by is not None:
        flash(f"Already claimed by {held_by.display_name}.", "error")
    elif find_conversation(db.session, user, conversation_id) is not None:
        flash("This conversation is no longer waiting for a CHW.", "error")
    else:
        abort(404)
    return redirect(url_for("dashboard.queue"))

