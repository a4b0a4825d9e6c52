"""Directory management: every CHW browses and searches services; supervisors and admins edit a
service and import an HSDS directory (a .zip of its CSV files) through the directory importer."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import SQLAlchemyError

from casework.partners import contact_for
from dashboard.auth import audit_request, role_required
from dashboard.home import dashboard_bp
from dashboard.resources.data import (
    PAGE,
    edit_service,
    find_services,
    main_phone,
    service_details,
    unpack_upload,
)
from dashboard.resources.forms import DirectorySearchForm, ImportForm, ServiceForm
from directory.hsds.importer import import_directory
from directory.hsds.report import DirectoryImportError
from models import db
from models.directory import Service

STAFF = ("chw", "supervisor", "admin")
MANAGERS = ("supervisor", "admin")
MAX_UPLOAD = 25 * 1024 * 1024
MAX_ISSUES_SHOWN = 500


@dashboard_bp.route("/directory")
@role_required(*STAFF)
def directory():
    form = DirectorySearchForm(request.args)
    valid = form.validate()
    page = form.page.data if valid and form.page.data else 1
    rows, total = find_services(db.session, form.q.data if valid else None, form.need.data if valid else None,
                                form.zip.data if valid else None, page)
    pages = max(1, -(-total // PAGE))
    return render_template("dashboard/directory.html", form=form, rows=rows, total=total, page=page, pages=pages,
                           args={k: v for k, v in request.args.items() if k != "page" and v}), 200 if valid else 400


@dashboard_bp.route("/directory/services/<service_id>")
@role_required(*STAFF)
def service(service_id: str):
    details = service_details(db.session, service_id)
    if details is None:
        abort(404)
    contact = contact_for(db.session, details.service.organization_id, details.service.id)
    return render_template("dashboard/service.html", d=details, contact=contact)


@dashboard_bp.route("/directory/services/<service_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit_service_view(service_id: str):
    found = db.session.get(Service, service_id)
    if found is None:
        abort(404)
    phone = main_phone(db.session, found)
    form = ServiceForm(obj=found, phone=phone.number if phone else "")
    if form.validate_on_submit():
        edit_service(db.session, found, form.name.data, form.description.data, form.phone.data, form.status.data)
        audit_request("edit_service", "service", found.id)
        db.session.commit()
        flash("Service saved.", "success")
        return redirect(url_for("dashboard.service", service_id=found.id))
    return render_template("dashboard/service_edit.html", service=found, form=form), 400 if form.errors else 200


@dashboard_bp.route("/directory/import", methods=["GET", "POST"])
@role_required(*MANAGERS)
def import_directory_view():
    """Exempt from the app-wide CSRF check, which would read the upload under the small default
    size limit: the token is checked here, once the limit is raised."""
    request.max_content_length = MAX_UPLOAD
    form = ImportForm()
    if form.is_submitted():
        current_app.extensions["csrf"].protect()  # the expired-form page, as for every other form
    if not form.validate_on_submit():
        return render_template("dashboard/import.html", form=form), 400 if form.errors else 200
    with tempfile.TemporaryDirectory(prefix="hsds-upload-") as tmp:
        try:
            report = import_directory(db.session, unpack_upload(form.archive.data.stream, Path(tmp)))
        except DirectoryImportError as exc:
            db.session.rollback()
            form.archive.errors.append(str(exc))
            return render_template("dashboard/import.html", form=form), 400
        except SQLAlchemyError:
            db.session.rollback()
            form.archive.errors.append("The database refused the import; nothing was changed.")
            return render_template("dashboard/import.html", form=form), 400
    report.source = form.archive.data.filename or "the upload"
    if form.dry_run.data:
        db.session.rollback()
    else:
        audit_request("import_directory", "directory", None)
        db.session.commit()
    return render_template("dashboard/import.html", form=ImportForm(formdata=None), report=report,
                           dry_run=form.dry_run.data, max_issues=MAX_ISSUES_SHOWN)
