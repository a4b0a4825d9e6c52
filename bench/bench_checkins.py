"""Fan-out of due check-ins: N referrals whose check-in is due, run by RQ workers through the engine
and sent to the fake Twilio, against RQ's own throughput for no-op jobs on the same Redis.

    DATABASE_URL=postgresql://... REDIS_URL=redis://.../11 python -m bench.bench_checkins [N] [WORKERS]

As in production: the N check-ins fall due in the same second, so RQ's scheduler queues one
`run_due_checkins` job; the real `flask worker` processes (with their sweeper) run them in
batches, each job waking the next, and send each text through the real twilio SDK. The clock
stops when the fake Twilio has every text. The baseline is N no-op jobs through plain RQ
SimpleWorkers, as many as the workers, on the same Redis. Printed: sends per second against
no-op jobs per second, how issue 4 states its target (0.5).
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

from bench.server import ROOT, start_empty
from faketwilio import FakeTwilio

STALL = 60.0  # seconds without a new text before the benchmark gives up


def _env(fake: FakeTwilio) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11"),
        "TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": fake.auth_token,
        "TWILIO_API_BASE_URL": fake.url, "TWILIO_SMS_FROM": "+15005550006",
        "PUBLIC_URL": "http://127.0.0.1:9", "QUIET_HOURS": "off", "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING",
    }


def _workers(env: dict, count: int, argv: list[str]) -> list[subprocess.Popen]:
    return [subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(count)]


def _wait(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        p.wait()


def baseline(env: dict, redis: Redis, jobs: int, workers: int) -> float:
    """No-op jobs per second through plain RQ SimpleWorkers on the same Redis."""
    queue = Queue("baseline", connection=redis)
    from bench.jobs import noop

    for start in range(0, jobs, 1000):
        queue.enqueue_many([queue.prepare_data(noop, result_ttl=0) for _ in range(min(1000, jobs - start))])
    t0 = time.perf_counter()
    _wait(_workers(env, workers, [sys.executable, "-m", "rq.cli", "worker", "--burst", "--quiet",
                                  "-w", "rq.worker.SimpleWorker", "--url", env["REDIS_URL"], "baseline"]))
    return jobs / (time.perf_counter() - t0)


def seed(env: dict, n: int) -> None:
    """N clients with consent, each with a referral whose check-in is due now (bulk, untimed)."""
    from app import create_app
    from models import db
    from workers.queue import jobs

    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"].replace("postgresql://",
                                                                              "postgresql+psycopg://", 1),
                      "REDIS_URL": env["REDIS_URL"], "JOBS_AUTOSTART": False})
    now = datetime.now(timezone.utc)
    with app.app_context():
        with db.engine.begin() as conn:  # main() emptied the clients
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
        jobs().enqueue("run_due_checkins")  # what RQ's scheduler does at the due second


def main() -> None:
    logging.getLogger("faketwilio").setLevel(logging.WARNING)  # one line per request would flood the output
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with FakeTwilio(auto_callbacks=False) as fake:
        env = _env(fake)
        start_empty(env["DATABASE_URL"], env["REDIS_URL"])
        redis = Redis.from_url(env["REDIS_URL"])
        noop_rate = baseline(env, redis, n, workers)
        redis.flushdb()
        t0 = time.perf_counter()
        seed(env, n)
        seeded = time.perf_counter() - t0
        t0 = time.perf_counter()
        procs = _workers(env, workers, [sys.executable, "-m", "flask", "--app", "app", "worker"])
        elapsed, stalled = _until_sent(fake, n, t0)
        for p in procs:
            p.terminate()
        _wait(procs)
        sent, twilio_requests = fake.message_count, fake.requests
    sends = sent / elapsed
    print(f"\ncheck-in fan-out: {n} due check-ins, {workers} workers, PostgreSQL + Redis, fake Twilio")
    print(f"{'RQ no-op jobs (baseline)':<30} {noop_rate:9.1f} jobs/s")
    print(f"{'check-in texts sent':<30} {sends:9.1f} sends/s  {sends / noop_rate:5.2f}x of baseline "
          f"(the issue's measure)")
    print(f"{'':<30} {sent} of {n} sent in {elapsed:.1f} s; "
          f"{twilio_requests} Twilio requests; seeding {seeded:.1f} s, untimed")
    if stalled:
        print(f"!! no progress for {STALL:.0f} s: {n - sent} check-ins were not sent")


def _until_sent(fake: FakeTwilio, n: int, t0: float) -> tuple[float, bool]:
    """Seconds from t0 until the fake Twilio holds n texts, and whether it stalled first."""
    last, last_change = 0, time.perf_counter()
    while True:
        count = fake.message_count
        now = time.perf_counter()
        if count >= n:
            return now - t0, False
        if count != last:
            last, last_change = count, now
        elif now - last_change > STALL:
            return last_change - t0, True
        time.sleep(0.05)


if __name__ == "__main__":
    main()
