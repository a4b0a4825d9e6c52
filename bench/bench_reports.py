"""Reports page over 100,000 clients and 1,000,000 messages on PostgreSQL, against a bare handler.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/enlace_bench python -m bench.bench_reports

The data (two years of a program: clients, messages, screenings, needs, referrals and their
history, events, escalated and claimed conversations) is generated inside PostgreSQL with
INSERT … SELECT over generate_series, in a schema of its own (`bench_reports`, dropped and
rebuilt each run; BENCH_REUSE=1 keeps it), from the models' own table and index definitions.
Then the whole reports page is rendered through Flask's test client, signed in as a
supervisor, for the last 30 days and the last year, and timed next to a bare JSON handler on
the same app and client. Target: under a second.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

SCHEMA = "bench_reports"
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "100000"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "1000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
CHWS = 20
DAYS = 730  # of history before NOW


def _ago(days: str = f"random() * {DAYS}") -> str:
    """SQL for a random moment in the history (or `days` before NOW)."""
    return f"(TIMESTAMPTZ '{NOW.isoformat()}' - ({days}) * INTERVAL '1 day')"


def _pick(options: list[tuple[str, float]], r: str = "random()") -> str:
    """SQL CASE choosing among quoted values by cumulative weight, from one random draw `r`."""
    out, total = [], 0.0
    for value, weight in options[:-1]:
        total += weight
        out.append(f"WHEN {r} < {total} THEN {value}")
    return f"(CASE {' '.join(out)} ELSE {options[-1][0]} END)"


GENERATE = [
    ("clients", f"""
        INSERT INTO client (id, phone, channel, language, zip_code, created_at)
        SELECT g, '+1555' || lpad(g::text, 7, '0'),
               CASE WHEN random() < 0.9 THEN 'sms' ELSE 'whatsapp' END,
               {_pick([("'en'", .45), ("'es'", .35), ("'vi'", .07), ("'zh_Hans'", .05), ("'ht'", .04),
                       ("'ar'", .02), ("NULL", .02)], "r")},
               lpad((10001 + (g % 900))::text, 5, '0'), {_ago()}
        FROM (SELECT g, random() AS r FROM generate_series(1, {CLIENTS}) g) s"""),
    ("conversations", f"""
        INSERT INTO conversation (id, client_id, status, state, escalation_reason, urgency, escalated_at,
                                  assigned_to_id, claimed_at, created_at, updated_at)
        SELECT g, g, CASE WHEN esc THEN 'with_chw' ELSE 'bot' END, '{{}}',
               CASE WHEN esc THEN {_pick([("'asked_for_person'", .5), ("'crisis'", .2), ("'not_understood'", .2),
                                          ("'safety_screen'", .1)], "r")} END,
               CASE WHEN esc THEN CASE WHEN r < 0.3 THEN 'urgent' ELSE 'normal' END END,
               CASE WHEN esc THEN at END,
               CASE WHEN esc AND claimed THEN 1 + (g % {CHWS}) END,
               CASE WHEN esc AND claimed THEN at + random() * INTERVAL '6 hours' END,
               at, at
        FROM (SELECT g, random() < 0.1 AS esc, random() < 0.9 AS claimed, random() AS r, {_ago()} AS at
              FROM generate_series(1, {CLIENTS}) g) s"""),
    ("messages", f"""
        INSERT INTO message (client_id, conversation_id, direction, sender, channel, body, automated, status,
                             segments, num_media, attempts, created_at)
        SELECT c, c, CASE WHEN inbound THEN 'in' ELSE 'out' END, CASE WHEN inbound THEN 'client' ELSE 'bot' END,
               CASE WHEN random() < 0.9 THEN 'sms' ELSE 'whatsapp' END, 'x', false,
               CASE WHEN inbound THEN 'processed' ELSE {_pick([("'delivered'", .85), ("'sent'", .09),
                                                               ("'failed'", .03), ("'suppressed'", .03)])} END,
               1 + (random() * random() * 3)::int, 0, 0, {_ago()}
        FROM (SELECT 1 + (random() * ({CLIENTS} - 1))::int AS c, random() < 0.45 AS inbound
              FROM generate_series(1, {MESSAGES})) s"""),
    ("screenings", f"""
        INSERT INTO screening (id, client_id, instrument, language, status, started_at, completed_at, safety_score)
        SELECT g, 1 + (random() * ({CLIENTS} - 1))::int, '96777-8', 'en',
               CASE WHEN done THEN 'completed' ELSE 'in_progress' END, at,
               CASE WHEN done THEN at + INTERVAL '12 minutes' END, CASE WHEN done THEN 4 + (random() * 8)::int END
        FROM (SELECT g, random() < 0.8 AS done, {_ago()} AS at FROM generate_series(1, {CLIENTS * 6 // 10}) g) s"""),
    ("needs", f"""
        INSERT INTO need (client_id, domain, status, source, screening_id, identified_at, created_at)
        SELECT s.client_id, {_pick([("'food-insecurity'", .3), ("'housing-instability'", .2),
                                    ("'inadequate-housing'", .15), ("'transportation-insecurity'", .15),
                                    ("'utility-insecurity'", .12), ("'homelessness'", .05)])},
               CASE WHEN random() < 0.4 THEN 'resolved' ELSE 'open' END, 'screening', s.id,
               s.completed_at, s.completed_at
        FROM screening s CROSS JOIN generate_series(1, 2) k
        WHERE s.completed_at IS NOT NULL AND random() < 0.5"""),
    ("referrals", f"""
        INSERT INTO referral (id, client_id, need_domain, service_name, status, status_reason, shared_with_provider,
                              made_by_id, created_at, outcome_at, checkin_stage, checkin_round)
        SELECT g, 1 + (random() * ({CLIENTS} - 1))::int, 'food-insecurity', 'Pantry ' || (g % 300), st,
               CASE WHEN st = 'failed' THEN 'no_capacity' WHEN st = 'cancelled' THEN 'other' END, true,
               CASE WHEN random() < 0.3 THEN 1 + (g % {CHWS}) END, at,
               CASE WHEN st IN ('completed', 'failed', 'cancelled') THEN at + (1 + random() * 13) * INTERVAL '1 day'
               END,
               CASE WHEN st IN ('completed', 'failed', 'cancelled') THEN 'done' ELSE 'ask' END, 0
        FROM (SELECT g, {_ago()} AS at, {_pick([("'completed'", .35), ("'failed'", .15), ("'requested'", .3),
                                                ("'in-progress'", .15), ("'cancelled'", .05)])} AS st
              FROM generate_series(1, {CLIENTS * 4 // 10}) g) s"""),
    ("referral history", """
        INSERT INTO referral_status_change (referral_id, status, reason, source, at)
        SELECT id, 'requested', NULL, 'bot', created_at FROM referral
        UNION ALL
        SELECT id, status, status_reason, 'client', coalesce(outcome_at, created_at) FROM referral
        WHERE status <> 'requested'"""),
    ("events", f"""
        INSERT INTO event (client_id, conversation_id, type, data, created_at)
        SELECT client_id, client_id, 'escalated',
               json_build_object('reason', escalation_reason, 'urgency', urgency), escalated_at
        FROM conversation WHERE escalated_at IS NOT NULL
        UNION ALL
        SELECT client_id, id, 'conversation_claimed', json_build_object('by', assigned_to_id), claimed_at
        FROM conversation WHERE claimed_at IS NOT NULL
        UNION ALL
        SELECT c, c, t, '{{}}'::json, {_ago()}
        FROM (SELECT 1 + (random() * ({CLIENTS} - 1))::int AS c,
                     {_pick([("'question_answered'", .75), ("'language_chosen'", .12), ("'screening_started'", .07),
                             ("'need_identified'", .055), ("'opted_out'", .004), ("'opted_in'", .001)])} AS t
              FROM generate_series(1, {CLIENTS * 8})) s"""),
]


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the bench works in its own schema there).")
    from app import create_app
    from config import database_url
    from models import db

    app = create_app({
        "SQLALCHEMY_DATABASE_URI": database_url(url, ""),
        "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"options": f"-csearch_path={SCHEMA}"}},
        "SECRET_KEY": "bench", "JOBS_AUTOSTART": False, "CLOCK": lambda: NOW, "TWILIO_AUTH_TOKEN": None,
    })
    app.add_url_rule("/bench/ping", "bench_ping", lambda: {"ok": True})
    with app.app_context():
        supervisor = _prepare(db)
    http = app.test_client()
    with http.session_transaction() as session:
        session["_user_id"], session["_fresh"] = supervisor, True

    year = (NOW - timedelta(days=364)).date().isoformat(), NOW.date().isoformat()
    cases = [
        ("bare JSON handler (baseline)", "/bench/ping", RUNS * 10),
        ("reports page, last 30 days", "/dashboard/reports", RUNS),
        ("reports page, last year", f"/dashboard/reports?start={year[0]}&end={year[1]}", RUNS),
        ("reports page, last year, one CHW", f"/dashboard/reports?start={year[0]}&end={year[1]}&chw=1", RUNS),
    ]
    results = [(name, _time(http, path, runs)) for name, path, runs in cases]
    base = statistics.median(results[0][1])
    print(f"\n{CLIENTS:,} clients, {MESSAGES:,} messages; {RUNS} runs per page (after one warm-up)")
    print(f"{'':38} {'p50 ms':>9} {'p95 ms':>9} {'p50 / baseline':>15}")
    for name, samples in results:
        p50, p95 = statistics.median(samples), _p95(samples)
        print(f"{name:38} {p50 * 1000:9.1f} {p95 * 1000:9.1f} {p50 / base:15.0f}")
    slowest = max(_p95(s) for _, s in results[1:])
    print(f"\nslowest p95 {slowest * 1000:.0f} ms: {'under' if slowest < 1 else 'OVER'} the one-second target")


def _prepare(db) -> str:
    """The bench schema, filled (or reused); returns the supervisor's sign-in id."""
    from models import Role, User
    from models.staff import create_user

    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        reuse = os.environ.get("BENCH_REUSE") == "1" and conn.scalar(sa.text(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s"), {"s": SCHEMA})
        if not reuse:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
    if reuse:
        print(f"reusing the data in schema {SCHEMA}")
        return db.session.scalars(sa.select(User).where(User.role == Role.SUPERVISOR)).first().get_id()

    db.create_all()
    for i in range(1, CHWS + 1):
        db.session.add(User(id=i, email=f"chw{i}@example.org", name=f"CHW {i}", role=Role.CHW, password_hash="-"))
    db.session.flush()
    db.session.execute(sa.text("SELECT setval(pg_get_serial_sequence('staff_user', 'id'), :n)"), {"n": CHWS})
    supervisor = create_user(db.session, "supervisor@example.org", Role.SUPERVISOR, "bench password 1234")
    db.session.commit()
    with db.engine.connect() as conn:
        conn.execute(sa.text("SELECT setseed(0.42)"))
        for label, sql in GENERATE:
            started = time.perf_counter()
            rows = conn.execute(sa.text(sql)).rowcount
            print(f"  {label:18} {rows:>10,} rows in {time.perf_counter() - started:5.1f} s", flush=True)
        for table in ("client", "conversation", "screening", "referral"):
            conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"))
        conn.commit()
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        started = time.perf_counter()
        conn.execute(sa.text("VACUUM ANALYZE"))
        print(f"  {'vacuum analyze':18} {'':>10}         {time.perf_counter() - started:5.1f} s")
    return supervisor.get_id()


def _time(http, path: str, runs: int) -> list[float]:
    response = http.get(path)
    assert response.status_code == 200, (path, response.status_code)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = http.get(path)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200
    return samples


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1] if len(samples) > 1 else samples[0]


if __name__ == "__main__":
    main()
