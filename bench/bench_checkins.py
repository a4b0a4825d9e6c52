"""Fan-out of due check-ins: N referrals whose check-in is due, run by RQ workers through the engine
and sent to the fake Twilio, against RQ's own throughput for no-op jobs on the same Redis.

    DATABASE_URL=postgresql://... REDIS_URL=redis://.../11 python -m bench.bench_checkins [N] [WORKERS]

Each check-in is two jobs, as in production: `run_checkin` (resume the conversation, write the
text) and `send_message` (claim the row, call Twilio). The baseline runs 2 x N no-op jobs with
the same number of workers. Two ratios are printed: jobs against no-op jobs (like with like), and
sends per second against no-op jobs per second, which is how issue 4 states its target (0.5).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from redis import Redis
from rq import Queue

from bench.server import ROOT
from faketwilio import FakeTwilio


def _env(fake: FakeTwilio) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11"),
        "TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": fake.auth_token,
        "TWILIO_API_BASE_URL": fake.url, "TWILIO_SMS_FROM": "+15005550006",
        "PUBLIC_URL": "http://127.0.0.1:9", "QUIET_HOURS": "off", "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING",
    }


def _workers(env: dict, count: int, argv: list[str]) -> float:
    """Start `count` burst workers, wait for all; seconds elapsed."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(count)]
    for p in procs:
        p.wait()
    return time.perf_counter() - t0


def baseline(env: dict, redis: Redis, jobs: int, workers: int) -> float:
    """No-op jobs per second through plain RQ SimpleWorkers on the same Redis."""
    queue = Queue("baseline", connection=redis)
    from bench.jobs import noop

    for start in range(0, jobs, 1000):
        queue.enqueue_many([queue.prepare_data(noop, result_ttl=0) for _ in range(min(1000, jobs - start))])
    elapsed = _workers(env, workers, [sys.executable, "-m", "rq.cli", "worker", "--burst", "--quiet",
                                      "-w", "rq.worker.SimpleWorker", "--url", env["REDIS_URL"], "baseline"])
    return jobs / elapsed


def seed(env: dict, n: int) -> None:
    """N clients with consent, each with a referral whose check-in is due now (bulk, untimed)."""
    from app import create_app
    from models import CheckinStage, db
    from workers.checkins import checkin_job_id, run_checkin
    from workers.queue import jobs

    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"].replace("postgresql://",
                                                                              "postgresql+psycopg://", 1),
                      "REDIS_URL": env["REDIS_URL"], "JOBS_AUTOSTART": False})
    now = datetime.now(timezone.utc)
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE client RESTART IDENTITY CASCADE"))
            conn.execute(sa.text(
                "INSERT INTO client (phone, channel, language, zip_code, timezone, consent_at, created_at) "
                "SELECT '+1617' || lpad(g::text, 7, '0'), 'sms',"
                " (ARRAY['en','es','vi','zh_Hans','ht','ar'])[g % 6 + 1],"
                " '10001', 'America/New_York', :now, :now FROM generate_series(1, :n) g"), {"now": now, "n": n})
            conn.execute(sa.text(
                "INSERT INTO conversation (client_id, status, state, created_at, updated_at) "
                "SELECT id, 'bot', '{}', :now, :now FROM client"), {"now": now})
            conn.execute(sa.text(
                "INSERT INTO referral (client_id, need_domain, service_id, service_name, service_phone, status,"
                " shared_with_provider, created_at, next_checkin_at, checkin_stage, checkin_round) "
                "SELECT id, 'food-insecurity', 'svc-' || id, 'Chelsea Food Pantry', '(212) 555-0101', 'requested',"
                " true, :then, :now, 'ask', 0 FROM client"), {"now": now - timedelta(seconds=1),
                                                             "then": now - timedelta(days=3)})
        queue = jobs()
        ids = [r for (r,) in db.session.execute(sa.text("SELECT id FROM referral ORDER BY id"))]
        for start in range(0, len(ids), 1000):
            queue.enqueue_many(run_checkin, [((rid,), checkin_job_id(rid, 0, CheckinStage.ASK))
                                             for rid in ids[start:start + 1000]])


def main() -> None:
    logging.getLogger("faketwilio").setLevel(logging.WARNING)  # one line per request would flood the output
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with FakeTwilio(auto_callbacks=False) as fake:
        env = _env(fake)
        subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        redis = Redis.from_url(env["REDIS_URL"])
        redis.flushdb()
        noop_rate = baseline(env, redis, 2 * n, workers)
        redis.flushdb()
        t0 = time.perf_counter()
        seed(env, n)
        seeded = time.perf_counter() - t0
        elapsed = _workers(env, workers, [sys.executable, "-m", "flask", "--app", "app", "worker", "--burst"])
        sent = len(fake.messages)
        twilio_requests = fake.requests
    sends = sent / elapsed
    jobs_rate = 2 * n / elapsed
    print(f"\ncheck-in fan-out: {n} due check-ins, {workers} workers, PostgreSQL + Redis, fake Twilio")
    print(f"{'RQ no-op jobs (baseline)':<30} {noop_rate:9.1f} jobs/s")
    print(f"{'check-in jobs + send jobs':<30} {jobs_rate:9.1f} jobs/s   {jobs_rate / noop_rate:5.2f}x of baseline")
    print(f"{'check-in texts sent':<30} {sends:9.1f} sends/s  {sends / noop_rate:5.2f}x of baseline "
          f"(the issue's measure)")
    print(f"{'':<30} {sent} of {n} sent in {elapsed:.1f} s; "
          f"{twilio_requests} Twilio requests; seeding {seeded:.1f} s, untimed")
    if sent != n:
        print(f"!! {n - sent} check-ins were not sent")


if __name__ == "__main__":
    main()
