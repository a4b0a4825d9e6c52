"""Where a webhook turn's time goes: whole screening conversations posted in-process (Flask's test
client, signed) to the app on PostgreSQL and Redis. Prints CPU per turn in this process and SQL
statements per turn; with --profile, the top of a cProfile, whose times are inflated several-fold
(read its proportions, not its milliseconds).

    DATABASE_URL=postgresql://... REDIS_URL=redis://.../10 python -m bench.profile_webhook [CONVERSATIONS] [--profile]

Empties the database's clients first: point it at a benchmark database.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
import uuid

import sqlalchemy as sa
from twilio.request_validator import RequestValidator

from bench.bench_webhook import SCREENING, TOKEN
from bench.server import start_empty

URL = "http://localhost/webhooks/twilio/messages"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--profile"]
    conversations = int(args[0]) if args else 50
    os.environ.update({
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_SMS_FROM": "+15005550006",
        "PUBLIC_URL": "", "SECRET_KEY": "bench", "QUIET_HOURS": "off", "LOG_LEVEL": "WARNING",
    })
    start_empty(os.environ["DATABASE_URL"], os.environ["REDIS_URL"])
    from app import create_app
    from models import db

    app = create_app({"JOBS_AUTOSTART": False})
    with app.app_context():
        statements = [0]
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.__setitem__(0, statements[0] + 1))
    http, validator = app.test_client(), RequestValidator(TOKEN)

    def converse(phone: str) -> None:
        for text in SCREENING:
            form = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32, "From": phone,
                    "To": "+15005550006", "Body": text, "NumMedia": "0"}
            resp = http.post("/webhooks/twilio/messages", data=form,
                             headers={"X-Twilio-Signature": validator.compute_signature(URL, form)})
            assert resp.status_code == 200, resp.status_code

    for i in range(3):  # warm caches and connection pools
        converse(f"+1617900{i:04d}")
    profiler = cProfile.Profile(time.process_time)
    statements[0] = 0
    cpu, wall = time.process_time(), time.perf_counter()
    if "--profile" in sys.argv:
        profiler.enable()
    for i in range(conversations):
        converse(f"+1617800{i:04d}")
    profiler.disable()
    turns = conversations * len(SCREENING)
    print(f"{turns} screening turns: {1000 * (time.process_time() - cpu) / turns:.2f} ms CPU and "
          f"{1000 * (time.perf_counter() - wall) / turns:.2f} ms wall per turn, "
          f"{statements[0] / turns:.1f} SQL statements per turn")
    if "--profile" in sys.argv:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
