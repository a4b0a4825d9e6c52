"""A client's record as a FHIR R4 Bundle, downloaded from the dashboard by anyone who may open
that client's record (casework/access.py); anyone else gets a 404."""

from __future__ import annotations

from flask import Response
from flask_login import current_user

from casework.access import client_or_404
from dashboard.auth import audit_request, role_required
from dashboard.home import dashboard_bp
from interop.fhir.bundle import client_bundle, export_source
from models.base import db
from models.clock import now


@dashboard_bp.route("/clients/<int:client_id>/fhir.json")
@role_required("chw", "supervisor", "admin")
def client_fhir(client_id: int):
    client = client_or_404(db.session, current_user, client_id)
    bundle = client_bundle(db.session, client, now=now(), source=export_source())
    audit_request("export_fhir", "client", client.id)
    db.session.commit()
    response = Response(bundle.model_dump_json(indent=2), content_type="application/fhir+json; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="enlace-client-{client.id}.fhir.json"'
    return response
