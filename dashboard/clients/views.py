"""Clients: finding them, and one client's case (profile, needs, goals, referrals, notes, timeline),
with the directory search that makes a referral from the record."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from casework import labels
from casework.access import client_or_404
from casework.actions import (
    Refused,
    add_goal,
    add_need,
    refer,
    set_need_status,
    update_referral,
)
from dashboard.auth import audit_request, role_required
from dashboard.clients.case import load_case, search_clients
from dashboard.clients.forms import (
    ClientSearchForm,
    GoalForm,
    NeedForm,
    NeedStatusForm,
    ProgressForm,
    ReferForm,
    ReferralStatusForm,
    ResourceSearchForm,
)
from dashboard.forms import NoteForm, options
from dashboard.home import dashboard_bp
from directory.search.services import search_services
from models import Client, Need, NeedStatus, Referral, ReferralStatus, db
from models.case import Achievement, Goal, Note, record_progress
from models.clock import now

STAFF = ("chw", "supervisor", "admin")
RESOURCES = 10


@dashboard_bp.route("/clients")
@role_required(*STAFF)
def clients():
    form = ClientSearchForm(request.args)
    q = form.q.data if form.validate() else None
    rows = search_clients(db.session, current_user._get_current_object(), q)
    audit_request("search_clients" if q else "list_clients")  # what was searched for stays out of the log
    db.session.commit()
    return render_template("dashboard/clients.html", form=form, rows=rows, searched=bool(q)), \
        200 if not form.errors else 400


def _client(client_id: int) -> Client:
    return client_or_404(db.session, current_user._get_current_object(), client_id)


def _of_client(model, row_id: int, client: Client):
    """A need, goal or referral of this client; another client's answers 404 like a missing one."""
    row = db.session.get(model, row_id)
    if row is None or row.client_id != client.id:
        abort(404)
    return row


def _case_page(client: Client, failed: dict[str, FlaskForm] | None = None, status: int = 200):
    """The record, with any form that failed validation shown again with its errors."""
    failed = failed or {}
    case = load_case(db.session, client)
    need_choices = options([(0, "No particular need")] + [
        (n.id, labels.label(labels.NEED_DOMAINS, n.domain)) for n in case.needs])

    def fresh(form_cls, key: str, **data):
        return failed.get(key) or form_cls(formdata=None, prefix=key, **data)

    goal_form = fresh(GoalForm, "goal")
    goal_form.need_id.choices = need_choices
    resource_form = ResourceSearchForm(request.args if "need" in request.args else None)
    if "need" not in request.args and case.needs:
        open_needs = [n for n in case.needs if n.status in (NeedStatus.OPEN, NeedStatus.ADDRESSING)]
        resource_form.need.data = (open_needs or case.needs)[0].domain
    resources = None
    if "need" in request.args and resource_form.validate():
        resources = search_services(db.session, need=resource_form.need.data, zip_code=client.zip_code,
                                    language=client.language, open_at=now(), limit=RESOURCES)
    return render_template(
        "dashboard/client.html",
        case=case, client=client,
        need_form=fresh(NeedForm, "need"),
        need_forms={n.id: fresh(NeedStatusForm, f"need{n.id}", status=n.status.value) for n in case.needs},
        goal_form=goal_form,
        progress_forms={g.goal.id: fresh(ProgressForm, f"goal{g.goal.id}", achievement=g.goal.achievement.value)
                        for g in case.goals},
        referral_forms={r.referral.id: fresh(ReferralStatusForm, f"referral{r.referral.id}",
                                             status=r.referral.status.value) for r in case.referrals},
        refer_form=failed.get("refer") or ReferForm(formdata=None),
        resource_form=resource_form, resources=resources,
        note_form=fresh(NoteForm, "note"),
        default_zone=current_app.config["DEFAULT_TIMEZONE"], failure_reasons=labels.REFERRAL_FAILURE_REASONS,
    ), status


def _back(client: Client, anchor: str):
    return redirect(url_for("dashboard.client", client_id=client.id, _anchor=anchor))


def _done(client: Client, action: str, message: str, anchor: str):
    audit_request(action, "client", client.id)
    db.session.commit()
    flash(message, "success")
    return _back(client, anchor)


@dashboard_bp.route("/clients/<int:client_id>")
@role_required(*STAFF)
def client(client_id: int):
    found = _client(client_id)
    audit_request("view_client", "client", found.id)
    db.session.commit()
    return _case_page(found)


@dashboard_bp.route("/clients/<int:client_id>/needs", methods=["POST"])
@role_required(*STAFF)
def add_client_need(client_id: int):
    found = _client(client_id)
    form = NeedForm(prefix="need")
    if not form.validate_on_submit():
        return _case_page(found, {"need": form}, 400)
    need, created = add_need(db.session, found, form.domain.data, current_user, now())
    name = labels.label(labels.NEED_DOMAINS, need.domain)
    if not created:
        flash(f"{name} is already an open need.", "info")
        return _back(found, f"need-{need.id}")
    return _done(found, "add_need", f"Need added: {name}.", f"need-{need.id}")


@dashboard_bp.route("/clients/<int:client_id>/needs/<int:need_id>/status", methods=["POST"])
@role_required(*STAFF)
def set_client_need_status(client_id: int, need_id: int):
    found = _client(client_id)
    need = _of_client(Need, need_id, found)
    form = NeedStatusForm(prefix=f"need{need.id}")
    if not form.validate_on_submit():
        return _case_page(found, {f"need{need.id}": form}, 400)
    set_need_status(db.session, need, NeedStatus(form.status.data), current_user, now())
    return _done(found, "update_need", f"{labels.label(labels.NEED_DOMAINS, need.domain)}: "
                 f"{labels.NEED_STATUSES[need.status.value].lower()}.", f"need-{need.id}")


@dashboard_bp.route("/clients/<int:client_id>/goals", methods=["POST"])
@role_required(*STAFF)
def add_client_goal(client_id: int):
    found = _client(client_id)
    form = GoalForm(prefix="goal")
    needs = db.session.scalars(db.select(Need.id).where(Need.client_id == found.id)).all()
    form.need_id.choices = options([(0, "No particular need")] + [(n, str(n)) for n in needs])
    if not form.validate_on_submit():
        return _case_page(found, {"goal": form}, 400)
    goal = add_goal(db.session, found, form.description.data, form.need_id.data or None, form.target_date.data,
                    current_user, now())
    return _done(found, "add_goal", "Goal added.", f"goal-{goal.id}")


@dashboard_bp.route("/clients/<int:client_id>/goals/<int:goal_id>/progress", methods=["POST"])
@role_required(*STAFF)
def add_goal_progress(client_id: int, goal_id: int):
    found = _client(client_id)
    goal = _of_client(Goal, goal_id, found)
    form = ProgressForm(prefix=f"goal{goal.id}")
    if not form.validate_on_submit():
        return _case_page(found, {f"goal{goal.id}": form}, 400)
    record_progress(db.session, goal, Achievement(form.achievement.data), form.note.data, now(), current_user.id)
    return _done(found, "goal_progress", "Progress recorded.", f"goal-{goal.id}")


@dashboard_bp.route("/clients/<int:client_id>/referrals/<int:referral_id>/status", methods=["POST"])
@role_required(*STAFF)
def set_referral_status(client_id: int, referral_id: int):
    found = _client(client_id)
    referral = _of_client(Referral, referral_id, found)
    form = ReferralStatusForm(prefix=f"referral{referral.id}")
    if not form.validate_on_submit():
        return _case_page(found, {f"referral{referral.id}": form}, 400)
    status = ReferralStatus(form.status.data)
    update_referral(db.session, referral, status, form.reason.data or None, current_user, now())
    return _done(found, "update_referral", f"Referral to {referral.service_name}: "
                 f"{labels.REFERRAL_STATUSES[status.value].lower()}.", f"referral-{referral.id}")


@dashboard_bp.route("/clients/<int:client_id>/referrals", methods=["POST"])
@role_required(*STAFF)
def refer_client(client_id: int):
    found = _client(client_id)
    form = ReferForm()
    if not form.validate_on_submit():
        return _case_page(found, {"refer": form}, 400)
    made = refer(db.session, found, form.service_id.data, form.need.data, form.shared.data, current_user, now())
    if isinstance(made, Refused):
        db.session.rollback()
        flash(made.reason, "error")
        return _back(found, "resources")
    return _done(found, "refer", f"Referral made to {made.service_name}. The client gets a check-in text "
                 "to ask whether they got help.", f"referral-{made.id}")


@dashboard_bp.route("/clients/<int:client_id>/notes", methods=["POST"])
@role_required(*STAFF)
def add_client_note(client_id: int):
    found = _client(client_id)
    form = NoteForm(prefix="note")
    if not form.validate_on_submit():
        return _case_page(found, {"note": form}, 400)
    db.session.add(Note(client_id=found.id, author_id=current_user.id, body=form.body.data, created_at=now()))
    return _done(found, "add_note", "Note saved.", "notes")
