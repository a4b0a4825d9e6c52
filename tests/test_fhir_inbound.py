"""Health systems send referrals in: POST /fhir with a Gravity SDOHCC transaction Bundle,
GET /fhir/Task/<id>, and the Task posted back to the sender when its status changes."""

from __future__ import annotations

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlalchemy as sa

from casework.loop import answer
from interop.fhir.receive import new_sender
from models import Client, FhirReferral, Referral, ReferralStatus, ReferralStatusChange, db
from tests.jobs import drain
from tests.phone import Phone
from workers.sweeper import run_sweeps

SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
BUNDLE = {
    "resourceType": "Bundle", "type": "transaction",
    "entry": [
        {"fullUrl": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000001", "request": {"method": "POST", "url": "Patient"},
         "resource": {"resourceType": "Patient", "name": [{"given": ["Rosa"], "family": "Diaz"}],
                      "telecom": [{"system": "phone", "value": "(617) 555-0199", "use": "mobile"}],
                      "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es"}]},
                                         "preferred": True}]}},
        {"fullUrl": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000002", "request": {"method": "POST", "url": "Consent"},
         "resource": {"resourceType": "Consent", "status": "active",
                      "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                                            "code": "patient-privacy"}]},
                      "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
                      "patient": {"reference": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000001"}}},
        {"fullUrl": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000003",
         "request": {"method": "POST", "url": "ServiceRequest"},
         "resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                      "category": [{"coding": [{"system": SDOHCC, "code": "food-insecurity"}]}],
                      "code": {"text": "Referral to a food pantry"},
                      "subject": {"reference": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000001"}}},
        {"fullUrl": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000004", "request": {"method": "POST", "url": "Task"},
         "resource": {"resourceType": "Task", "id": "hospital-task-1", "status": "requested", "intent": "order",
                      "focus": {"reference": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000003"},
                      "for": {"reference": "urn:uuid:9b0b3d5e-0000-4000-8000-000000000001"}}},
    ],
}


@pytest.fixture
def token(app):
    with app.app_context():
        secret = new_sender(db.session, "Mercy Hospital")
        db.session.commit()
    return secret


def post(http, body, token, **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return http.post("/fhir", data=data, headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/fhir+json", **headers})


def changed(path, value):
    """BUNDLE with one element replaced: path like (entry, 0, resource, telecom)."""
    out = copy.deepcopy(BUNDLE)
    target = out
    for part in path[:-1]:
        target = target[part]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


def test_a_referral_sent_in_creates_the_client_texts_them_in_their_language_consent_first(app, http, token):
    resp = post(http, BUNDLE, token)
    assert resp.status_code == 201, resp.get_data(as_text=True)
    location = resp.headers["Location"]
    assert location.startswith("Task/") and resp.json["entry"][0]["response"]["location"] == location

    rosa = Phone(app, http, "+16175550199")
    assert rosa.replies() == [
        "Hola de Enlace. Mercy Hospital nos pidió ayudarle con comida.",
        "Enlace le ayuda a encontrar apoyo gratis con comida, vivienda, cuentas, transporte y seguridad. "
        "¿Podemos enviarle mensajes de texto? Pueden aplicarse tarifas de mensajes y datos.\n1 Sí\n2 No",
    ]
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        referral = db.session.scalars(sa.select(Referral)).one()
        change = db.session.scalars(sa.select(ReferralStatusChange)).one()
    assert (client.language, client.first_name) == ("es", "Rosa")
    assert (referral.need_domain, referral.status, change.source) == ("food-insecurity", ReferralStatus.REQUESTED,
                                                                       "ehr")

    again = post(http, BUNDLE, token)  # the same Task posted twice makes and texts nothing more
    assert again.status_code == 200 and again.headers["Location"] == location
    assert rosa.replies() == []

    task = http.get(f"/fhir/{location}", headers={"Authorization": f"Bearer {token}"})
    assert task.status_code == 200 and task.headers["Content-Type"] == "application/fhir+json"
    assert (task.json["resourceType"], task.json["status"], task.json["id"]) == ("Task", "requested",
                                                                                 location.split("/")[1])


def test_the_need_sent_in_is_looked_up_first_after_the_screening(app, http, token):
    post(http, changed(("entry", 2, "resource", "category"),
                       [{"coding": [{"system": SDOHCC, "code": "utility-insecurity"}]}]), token)
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        client.language = None  # read it as an English-speaking client would
        db.session.commit()
    rosa = Phone(app, http, "+16175550199")
    rosa.replies()
    rosa.send("yes")
    rosa.send("10001")
    rosa.send("Rosa")
    for reply in ["1", "8", "2", "3", "2", "1", "1", "1", "1"]:
        rosa.send(reply)
    replies = rosa.send("1")
    assert replies[0] == "Thank you. We can help you with: food and utility bills."
    assert "utility bills" in replies[1].splitlines()[0]  # the hospital's need before the screening's order


@pytest.mark.parametrize("body, status, path", [
    (b"not json", 400, "Bundle"),
    ({"resourceType": "Patient"}, 400, "Bundle.resourceType"),
    (changed(("type",), "collection"), 422, "Bundle.type"),
    (changed(("entry", 0, "resource", "birthDate"), "someday"), 422, "Bundle.entry[0].resource.birthDate"),
    (changed(("entry", 0, "resource", "telecom"), [{"system": "phone", "value": "12"}]), 422,
     "Bundle.entry[0].resource.telecom"),
    (changed(("entry", 1, "resource", "status"), "rejected"), 422, "Bundle.entry[1].resource.status"),
    (changed(("entry", 2, "resource", "category"), [{"text": "food"}]), 422, "Bundle.entry[2].resource.category"),
    (changed(("entry", 3, "resource", "focus"), {"reference": "ServiceRequest/other"}), 422,
     "Bundle.entry[3].resource.focus"),
    (changed(("entry",), BUNDLE["entry"][:3]), 422, "Bundle.entry"),
])
def test_bad_bundles_are_refused_with_an_operation_outcome_naming_the_path(app, http, token, body, status, path):
    resp = post(http, body, token)
    assert resp.status_code == status
    assert resp.json["resourceType"] == "OperationOutcome"
    assert resp.json["issue"][0]["expression"] == [path]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Referral)) == 0


def test_unknown_tokens_and_huge_bodies_are_refused(app, http, token):
    assert post(http, BUNDLE, "guessed").status_code == 401
    assert http.post("/fhir", json=BUNDLE).status_code == 401
    assert post(http, BUNDLE, token).status_code == 201
    location = post(http, BUNDLE, token).headers["Location"]
    assert http.get(f"/fhir/{location}", headers={"Authorization": "Bearer guessed"}).status_code == 401
    assert http.get("/fhir/Task/nothing", headers={"Authorization": f"Bearer {token}"}).status_code == 404
    huge = post(http, b"{" + b" " * (1024 * 1024 + 1) + b"}", token)
    assert huge.status_code == 413 and huge.json["resourceType"] == "OperationOutcome"


def test_the_partners_token_command_prints_a_token_that_is_stored_hashed(app):
    result = app.test_cli_runner().invoke(args=["partners", "token", "City Clinic",
                                                "--callback", "https://clinic.example.org/fhir"])
    secret = result.output.strip()
    assert result.exit_code == 0 and len(secret) >= 40
    with app.app_context():
        stored = db.session.execute(sa.text("SELECT token_hash, callback_url FROM fhir_sender")).one()
    assert secret not in stored.token_hash and stored.callback_url == "https://clinic.example.org/fhir"


class _Callback(BaseHTTPRequestHandler):
    received: list = []
    fail_next = 0

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if _Callback.fail_next:
            _Callback.fail_next -= 1
            self.send_response(503)
        else:
            _Callback.received.append((self.headers["Content-Type"], body))
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def callback():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Callback)
    _Callback.received, _Callback.fail_next = [], 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tasks"
    server.shutdown()


def test_a_status_change_is_posted_to_the_senders_callback_again_until_it_is_taken(app, http, callback, clock):
    with app.app_context():
        secret = new_sender(db.session, "Mercy Hospital", callback)
        db.session.commit()
    post(http, BUNDLE, secret)
    with app.app_context():
        run_sweeps()
    drain(app)
    assert _Callback.received == []  # nothing changed since the sender made it
    with app.app_context():
        referral = db.session.scalars(sa.select(Referral)).one()
        answer(db.session, referral, "accept", clock.now, "partner_link")
        db.session.commit()
        run_sweeps()
    drain(app)
    assert _Callback.received == []  # the callback answered 503: tried again later
    clock.advance(minutes=1)
    with app.app_context():
        run_sweeps()
        drain(app)
        run_sweeps()
    drain(app)
    [(kind, task)] = _Callback.received
    assert kind == "application/fhir+json" and (task["resourceType"], task["status"]) == ("Task", "accepted")
    with app.app_context():
        assert db.session.scalars(sa.select(FhirReferral.posted_status)).one() == "accepted"
