"""The partner's page for one referral, `GET, POST /r/<token>`: no login, the signed token is the key.

It shows only what the client agreed to share (first name, language, need, how to reach them)
and takes the partner's answers through `casework.loop`. Every view and answer is audited (by
referral id and address, never the client's data); requests from one address are limited per
minute; a forged, unknown, expired or revoked token gets a page that says so and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import AnyOf, Length, Optional

from bot.pipeline.escalation import escalate_recorded
from casework import labels, loop
from interop.partners.links import open_link
from models import AuditEntry, Client, Referral, audit, clock, db
from models.conversation import open_conversation_for_update

bp = Blueprint("partners", __name__)

PER_MINUTE = 30  # page views and answers from one address
PROBLEMS = {
    "forged": ("This link is not valid", "Check that you copied the whole link from the email or text."),
    "unknown": ("This link is not valid", "Check that you copied the whole link from the email or text."),
    "expired": ("This link has expired", "Ask the program that sent it for a new one."),
    "revoked": ("This link was withdrawn", "The program that sent it withdrew it. Ask them if you need it."),
}
RECORDED = {
    "accept": "You accepted this referral.",
    "decline": "You declined this referral.",
    "served": "You said the client was served.",
    "not_served": "You said you could not serve the client.",
    "closed": "This referral was closed on our side; nothing was changed.",
}


class AnswerForm(FlaskForm):
    choice = HiddenField(validators=[AnyOf(["accept", "decline", "served", "not_served"])])
    reason = SelectField("Why not?", choices=[SelectChoice(code, text) for code, text in
                                              [("", "Choose a reason"), *labels.DECLINE_REASONS.items()]],
                         validators=[Optional()])
    detail = TextAreaField("In a few words", validators=[Optional(), Length(max=500)])


def _tell_the_chw(referral: Referral, done: loop.Answer, now) -> None:
    """A decline, or an outcome the client's own answer contradicts, goes to the CHW queue."""
    reason = ("referral_declined" if done.changed and done.recorded == "decline"
              else "referral_disputed" if done.changed and loop.disputed(referral) else None)
    if reason:
        client = db.session.get(Client, referral.client_id)
        escalate_recorded(db.session, client, open_conversation_for_update(db.session, client), reason, "normal", now)


def _too_many(ip: str | None, now) -> bool:
    recent = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(
        AuditEntry.ip == ip, AuditEntry.action.like("partner_%"), AuditEntry.at > now - timedelta(minutes=1)))
    return recent >= PER_MINUTE


@bp.route("/r/<token>", methods=["GET", "POST"])
def referral_page(token: str):
    now, ip = clock.now(), request.remote_addr
    if _too_many(ip, now):
        abort(429)
    opened = open_link(db.session, token[:200], now)
    action = "partner_view" if request.method == "GET" else "partner_answer"
    audit(db.session, None, action, "referral", opened.referral.id if opened.referral else None, ip=ip)
    if opened.problem:
        db.session.commit()
        title, text = PROBLEMS[opened.problem]
        return render_template("partners/problem.html", title=title, text=text), 404 if opened.link is None else 410
    referral = opened.referral
    form = AnswerForm()
    if request.method == "POST":
        if form.validate_on_submit():
            done = loop.answer(db.session, referral, form.choice.data, now, "partner_link",
                               reason=form.reason.data or None, detail=form.detail.data)
            _tell_the_chw(referral, done, now)
            db.session.commit()
            if done.problem:
                flash(done.problem, "error")
            elif done.changed:
                flash(f"Thank you. {RECORDED[done.recorded]}", "success")
            else:
                flash(f"Already recorded: {RECORDED.get(done.recorded, 'nothing')}", "info")
            return redirect(url_for("partners.referral_page", token=token), 303)
        db.session.commit()
        flash("Please choose again: the form was incomplete or had expired.", "error")
        return redirect(url_for("partners.referral_page", token=token), 303)
    loop.opened(db.session, referral, now, "partner_link")
    db.session.commit()
    client = db.session.get(Client, referral.client_id)
    return render_template("partners/referral.html", referral=referral, client=client, form=form,
                           first=loop.first_answer(referral), labels=labels, recorded=RECORDED,
                           language=labels.label(labels.LANGUAGES, client.language, "Not given"),
                           need=labels.label(labels.NEED_DOMAINS, referral.need_domain))
