"""FHIR referrals sent in per second (`POST /fhir`), against a bare handler in the same run.

    python -m bench.bench_fhir [N]        # DATABASE_URL / REDIS_URL, else a temporary SQLite file

Each of N transaction Bundles (Patient with a new phone, Consent, ServiceRequest, Task; about
1.4 KB) goes through Flask's test client with its bearer token: validated by the fhir.resources
R4B models, client made, referral made, the client's first texts written to the outbox. The
baseline is a bare view on the same app that reads the same body as JSON and answers 201: what
HTTP, Flask and JSON cost before anything of ours.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

from flask import request
from flask_migrate import upgrade

from app import create_app, csrf
from interop.fhir.receive import new_sender
from models import db

SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"


def bundle(i: int) -> dict:
    patient, request = f"urn:uuid:00000000-0000-4000-8000-{i:012d}", f"urn:uuid:00000000-0000-4000-9000-{i:012d}"
    return {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": patient, "request": {"method": "POST", "url": "Patient"},
         "resource": {"resourceType": "Patient", "name": [{"given": ["Rosa"]}],
                      "telecom": [{"system": "phone", "value": f"+1617555{i % 10000:04d}", "use": "mobile"}],
                      "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es"}]}}]}},
        {"request": {"method": "POST", "url": "Consent"},
         "resource": {"resourceType": "Consent", "status": "active",
                      "scope": {"coding": [{"code": "patient-privacy"}]},
                      "category": [{"coding": [{"code": "59284-0"}]}],
                      "patient": {"reference": patient}}},
        {"fullUrl": request, "request": {"method": "POST", "url": "ServiceRequest"},
         "resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                      "category": [{"coding": [{"system": SDOHCC, "code": "food-insecurity"}]}],
                      "subject": {"reference": patient}}},
        {"request": {"method": "POST", "url": "Task"},
         "resource": {"resourceType": "Task", "id": f"task-{i}", "status": "requested", "intent": "order",
                      "focus": {"reference": request}, "for": {"reference": patient}}},
    ]}


def main(n: int) -> None:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench_fhir.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "JOBS_AUTOSTART": False})

    @app.post("/bench/bare")
    @csrf.exempt
    def bare():
        return {"entries": len(json.loads(request.get_data())["entry"])}, 201

    with app.app_context():
        upgrade()
        token = new_sender(db.session, f"Bench Hospital {time.time_ns()}")
        db.session.commit()
    http = app.test_client()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/fhir+json"}
    bodies = [json.dumps(bundle(i)) for i in range(n)]
    start = time.perf_counter()
    for body in bodies:
        assert http.post("/bench/bare", data=body, headers=headers).status_code == 201
    bare_rate = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for body in bodies:
        resp = http.post("/fhir", data=body, headers=headers)
        assert resp.status_code in (200, 201), resp.get_data(as_text=True)
    rate = n / (time.perf_counter() - start)
    print(f"{n} bundles, {len(bodies[0])} bytes each, database {url.split(':')[0]}")
    print(f"bare handler:   {bare_rate:8.0f} requests/s")
    print(f"POST /fhir:     {rate:8.1f} referrals/s  ({rate / bare_rate:.3f}x the bare handler)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
