"""The conversation page: the transcript (kept current by htmx) with each client text in the CHW's
language, replying (in the CHW's words, translated and checked before sending), notes, handing back, closing."""

from __future__ import annotations

import hashlib

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot.i18n import render
from bot.messaging.channels import WHATSAPP_WINDOW
from bot.messaging.outbox import enqueue_sends, outgoing
from bot.pipeline.process import hand_back
from casework import labels
from casework.access import conversation_or_404, may_release, may_reply
from casework.handoff import close, lock, send_text
from casework.sla import SlaPolicy, sla_clock
from dashboard.auth import audit_request, role_required
from dashboard.conversations.canned import CANNED
from dashboard.conversations.forms import CannedForm, DraftForm, ReplyForm
from dashboard.conversations.search import MAX_QUERY, matching
from dashboard.conversations.transcript import transcript
from dashboard.forms import NoteForm
from dashboard.home import dashboard_bp, poll_seconds
from interop.translation import TranslationFailed, Translator
from models import Channel, Client, Conversation, MessageStatus, User, db
from models.case import Note
from models.clock import now

STAFF = ("chw", "supervisor", "admin")


def _page(conv: Conversation, reply_form: ReplyForm | None = None, note_form: NoteForm | None = None,
          status: int = 200, draft_form: DraftForm | None = None):
    user = current_user._get_current_object()
    client = db.session.get(Client, conv.client_id)
    lines = _lines(client)
    notes = db.session.scalars(
        db.select(Note).where(Note.client_id == client.id).order_by(Note.created_at.desc(), Note.id.desc())
    ).all()
    note_authors = _names({n.author_id for n in notes if n.author_id})
    holder = db.session.get(User, conv.assigned_to_id) if conv.assigned_to_id else None
    canned = [(t, render(t.key, client.language)) for t in CANNED]
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    reply_form = reply_form or ReplyForm(formdata=None)
    if _may_translate(client):
        reply_form.body.label.text = f"Text to send, in {labels.label(labels.LANGUAGES, client.language)}"
    return render_template(
        "dashboard/conversation.html",
        conv=conv, client=client, lines=lines, notes=notes, note_authors=note_authors, holder=holder,
        canned=canned, reply_form=reply_form,
        note_form=note_form or NoteForm(prefix="note", formdata=None),
        may_reply=may_reply(user, conv), may_release=may_release(user, conv),
        sla=sla_clock(conv, SlaPolicy.from_config(current_app.config), now()),
        outside_whatsapp_window=_outside_whatsapp_window(client),
        poll_seconds=poll_seconds(), version=_version(lines), chw_language=_chw_language(),
        may_translate=_may_translate(client), draft_form=draft_form or DraftForm(prefix="draft", formdata=None),
        segment_cost=current_app.config["SMS_SEGMENT_COST"], query=query,
        found=matching(lines, query) if query else None,
    ), status


def _chw_language() -> str:
    return current_app.config["CHW_LANGUAGE"]


def _translator() -> Translator | None:
    return current_app.extensions.get("translator")


def _lines(client: Client):
    return transcript(db.session, client, _chw_language(), _translator() is not None)


def _may_translate(client: Client) -> bool:
    """Whether the CHW can write in their language and have it translated for this client."""
    return _translator() is not None and client.language is not None and client.language != _chw_language()


def _outside_whatsapp_window(client: Client) -> bool:
    """WhatsApp takes free text only within 24 hours of the client's last message; after that the
    sender falls back to an approved template or SMS."""
    if client.channel is not Channel.WHATSAPP:
        return False
    return client.last_inbound_at is None or now() - client.last_inbound_at >= WHATSAPP_WINDOW


def _version(lines) -> str:
    seen = [(line.message.id, line.message.status.value, line.message.error_code,
             line.translation.status.value if line.translation else None) for line in lines]
    return hashlib.sha256(repr(seen).encode()).hexdigest()[:16]


def _names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {u.id: u.display_name for u in db.session.scalars(db.select(User).where(User.id.in_(ids)))}


def _conversation(conversation_id: int) -> Conversation:
    return conversation_or_404(db.session, current_user._get_current_object(), conversation_id)


def _back(conv: Conversation, anchor: str | None = None):
    return redirect(url_for("dashboard.conversation", conversation_id=conv.id, _anchor=anchor))


@dashboard_bp.route("/conversations/<int:conversation_id>")
@role_required(*STAFF)
def conversation(conversation_id: int):
    conv = _conversation(conversation_id)
    audit_request("view_conversation", "conversation", conv.id)
    db.session.commit()
    return _page(conv)


@dashboard_bp.route("/conversations/<int:conversation_id>/transcript")
@role_required(*STAFF)
def conversation_transcript(conversation_id: int):
    """The live transcript; 204 while nothing in it changed."""
    conv = _conversation(conversation_id)
    client = db.session.get(Client, conv.client_id)
    lines = _lines(client)
    version = _version(lines)
    if request.args.get("v") == version:
        return "", 204
    audit_request("view_conversation", "conversation", conv.id)  # only when it shows something new
    db.session.commit()
    return render_template("dashboard/_transcript.html", conv=conv, client=client, lines=lines, version=version,
                           poll_seconds=poll_seconds(), chw_language=_chw_language())


@dashboard_bp.route("/conversations/<int:conversation_id>/reply", methods=["POST"])
@role_required(*STAFF)
def reply(conversation_id: int):
    conv = _conversation(conversation_id)
    user = current_user._get_current_object()
    if "draft-translate" in request.form:
        return _translate_draft(conv)
    canned = "key" in request.form
    form = CannedForm() if canned else ReplyForm()
    if not may_reply(user, conv):
        flash("Claim this conversation before you text the client.", "error")
        return _back(conv)
    if not form.validate_on_submit():
        return _page(conv, reply_form=None if canned else form, status=400)
    if canned:
        message = send_text(db.session, conv, user, now(), key=form.key.data)
    else:
        written = (_chw_language(), form.own.data) if form.own.data and form.own.data != form.body.data else None
        message = send_text(db.session, conv, user, now(), body=form.body.data, written=written)
    audit_request("reply", "conversation", conv.id)
    db.session.flush()
    sends = outgoing([message])
    held_back = message.error_message if message.status is MessageStatus.SUPPRESSED else None
    db.session.commit()
    enqueue_sends(sends)
    if held_back:
        flash(f"Not sent: {held_back}.", "error")
    else:
        flash("Your text is on its way.", "success")
    return _back(conv, "reply")


def _translate_draft(conv: Conversation):
    """The CHW's words translated into the client's language, put in the reply box to check and
    edit; nothing is sent. Without a translation the CHW's words stay in the box, and the page says why."""
    form = DraftForm(prefix="draft")
    client = db.session.get(Client, conv.client_id)
    if not may_reply(current_user._get_current_object(), conv):
        flash("Claim this conversation before you text the client.", "error")
        return _back(conv)
    if not form.validate_on_submit():
        return _page(conv, draft_form=form, status=400)
    if not _may_translate(client):
        flash("Translation unavailable: no translation server is set up for this client's language.", "error")
        return _page(conv, reply_form=ReplyForm(formdata=None, body=form.own.data), status=200)
    try:
        translated = _translator().translate(form.own.data, _chw_language(), client.language)
    except TranslationFailed as failed:
        flash(f"Translation unavailable: {failed.reason}. Your words are in the box; nothing was sent.", "error")
        return _page(conv, reply_form=ReplyForm(formdata=None, body=form.own.data))
    flash("Check the translation below and edit it if needed, then send it.", "success")
    return _page(conv, reply_form=ReplyForm(formdata=None, own=form.own.data, body=translated.text))


@dashboard_bp.route("/conversations/<int:conversation_id>/notes", methods=["POST"])
@role_required(*STAFF)
def add_conversation_note(conversation_id: int):
    conv = _conversation(conversation_id)
    form = NoteForm(prefix="note")
    if not form.validate_on_submit():
        return _page(conv, note_form=form, status=400)
    db.session.add(Note(client_id=conv.client_id, conversation_id=conv.id, author_id=current_user.id,
                        body=form.body.data, created_at=now()))
    audit_request("add_note", "client", conv.client_id)
    db.session.commit()
    flash("Note saved.", "success")
    return _back(conv, "notes")


@dashboard_bp.route("/conversations/<int:conversation_id>/hand-back", methods=["POST"])
@role_required(*STAFF)
def hand_back_conversation(conversation_id: int):
    conv = _conversation(conversation_id)
    user = current_user._get_current_object()
    lock(db.session, conv)
    if not may_release(user, conv):
        db.session.rollback()
        flash("You cannot hand this conversation back: it is not yours, or it is no longer open.", "error")
        return _back(conv)
    sends = outgoing(hand_back(db.session, conv, user, now()))
    audit_request("hand_back", "conversation", conv.id)
    db.session.commit()
    enqueue_sends(sends)
    flash("Handed back to the bot. It picks up where it left off.", "success")
    return redirect(url_for("dashboard.queue"))


@dashboard_bp.route("/conversations/<int:conversation_id>/close", methods=["POST"])
@role_required(*STAFF)
def close_conversation(conversation_id: int):
    conv = _conversation(conversation_id)
    user = current_user._get_current_object()
    lock(db.session, conv)
    if not may_release(user, conv):
        db.session.rollback()
        flash("You cannot close this conversation: it is not yours, or it is no longer open.", "error")
        return _back(conv)
    close(db.session, conv, user, now())
    audit_request("close_conversation", "conversation", conv.id)
    db.session.commit()
    flash("Conversation closed. The client's next text starts a new one with the bot.", "success")
    return redirect(url_for("dashboard.queue"))
