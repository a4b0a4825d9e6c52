"""`POST /fhir` (a health system sends a referral in) and `GET /fhir/Task/<id>` (where it stands).

Each sending organisation authenticates with its own bearer token (`flask partners token ORG`);
an unknown or missing token gets 401, a body over 1 MB 413, a Bundle we cannot act on 400 or 422,
always as an OperationOutcome naming the failing path. A sender reads only its own Tasks.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from bot.messaging.outbox import enqueue_sends
from interop.fhir.bundle import export_source, referral_task
from interop.fhir.inbound import Refused, read_bundle
from interop.fhir.receive import receive, sender_for
from models import FhirReferral, FhirSender, Referral, clock, db

MAX_BODY = 1024 * 1024
FHIR_JSON = "application/fhir+json"

bp = Blueprint("fhir", __name__, url_prefix="/fhir")


@bp.before_request
def _limits() -> None:
    request.max_content_length = MAX_BODY  # the app's own limit is for webhooks, far smaller


@bp.errorhandler(Refused)
def _refused(exc: Refused):
    return exc.outcome(), exc.status, {"Content-Type": FHIR_JSON}


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(exc):
    return _refused(Refused(413, "Bundle", f"The body is over {MAX_BODY} bytes.", "too-costly"))


@bp.post("")
def post_bundle():
    sender = _sender()
    body = request.get_data(cache=False)
    if len(body) > MAX_BODY:
        raise RequestEntityTooLarge()
    inbound = read_bundle(body)
    now = clock.now()
    link, created, texts = receive(db.session, sender, inbound, now, export_source())
    db.session.commit()
    enqueue_sends(texts)
    location = f"Task/{link.task_id}"
    response = {"resourceType": "Bundle", "type": "transaction-response",
                "entry": [{"response": {"status": "201 Created" if created else "200 OK", "location": location}}]}
    return response, 201 if created else 200, {"Content-Type": FHIR_JSON, "Location": location}


@bp.get("/Task/<string:tid>")
def get_task(tid: str):
    sender = _sender()
    link = db.session.scalars(sa.select(FhirReferral).where(FhirReferral.task_id == tid[:36],
                                                            FhirReferral.sender_id == sender.id)).first()
    if link is None:
        raise Refused(404, "Task.id", "No Task with this id was sent by you.", "not-found")
    task = referral_task(db.session, db.session.get(Referral, link.referral_id), now=clock.now(),
                         source=export_source())
    return task, 200, {"Content-Type": FHIR_JSON}


def _sender() -> FhirSender:
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header[:7].lower() == "bearer " else None
    sender = sender_for(db.session, token)
    if sender is None:
        current_app.logger.info("fhir: refused a request without a known token")
        raise Refused(401, "Bundle", "Unknown or missing bearer token.", "security")
    return sender
