"""Webhook throughput and the whole turn: inbound texts accepted, and screening conversations
end to end, against a bare Flask handler on the same gunicorn server; plus the engine step alone.

    DATABASE_URL=postgresql://... REDIS_URL=redis://.../10 python -m bench.bench_webhook

Env: BENCH_CONCURRENCY (senders, 16), BENCH_REQUESTS (2000 per run), BENCH_WORKERS and
BENCH_THREADS (gunicorn, 2 x 4; the baseline runs on the same server), BENCH_RQ_WORKERS (2).

"accept" rows: no worker runs, so this is the webhook's own work, what Twilio waits for (the turns
pile up in Redis). "end to end": `flask worker` processes run the turns and send the replies to a
fake Twilio in this process (no status callbacks); each client sends its next text once the reply
to the last reached Twilio, and the latency is from its webhook to that reply. Empties the
database's clients and the Redis database first: point them at benchmark databases.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
import timeit
import uuid
from datetime import datetime, timezone

from twilio.request_validator import RequestValidator

from bench.cpu import CpuMeter
from bench.load import run
from bench.server import ROOT, serve, start_empty
from faketwilio import FakeTwilio

TOKEN = "bench-auth-token"
SCREENING = ["Hola, necesito ayuda con comida", "si", "10001", "Ana", "2", "moho y goteras", "a veces",
             "nunca", "no", "si", "1", "2", "1", "1"]
_numbers = itertools.count(5550000)
REPLY_TIMEOUT = 10.0  # seconds a client waits for its reply before counting it missing
# The same benchmark on the design before issue 15 (the turn ran inside the webhook), 2026-11-24 (PERFORMANCE.md).
PREVIOUS = ("previous design (turn inside the webhook), recorded 2026-11-24: screening turns 0.16-0.18x of the bare "
            "handler, p99 284-419 ms at the webhook alone; CPU per turn 13.8 ms against 1.8 ms (7.7x) without "
            "sending")


def _post(url: str, body: str, phone: str):
    form = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32, "From": phone,
            "To": "+15005550006", "Body": body, "NumMedia": "0"}
    sig = RequestValidator(TOKEN).compute_signature(url, form)
    return lambda s: s.post(url, data=form, headers={"X-Twilio-Signature": sig}, timeout=30)


def engine_step_us() -> float:
    """Median microseconds for one engine step in the middle of the screening (no I/O)."""
    from bot.engine import ClientFacts, ConversationState, Input, step

    facts = ClientFacts(language="es")
    state = ConversationState(pos=["screening", "food_worry"])
    now = datetime(2026, 3, 10, 15, tzinfo=timezone.utc)
    inp = Input(text="a veces")
    step(state, inp, now, facts)  # warm caches
    n = 2000
    return min(timeit.repeat(lambda: step(state, inp, now, facts), number=n, repeat=5)) / n * 1e6


def main() -> None:
    fake = FakeTwilio("AC" + "0" * 32, TOKEN, auto_callbacks=False).start()
    env = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
        "TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_SMS_FROM": "+15005550006",
        "TWILIO_API_BASE_URL": fake.url, "PUBLIC_URL": "", "SECRET_KEY": "bench", "QUIET_HOURS": "off",
        "INBOUND_JOURNAL": tempfile.mkdtemp(prefix="enlace-bench-journal-"),
    }
    start_empty(env["DATABASE_URL"], env["REDIS_URL"])
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "16"))
    n = int(os.environ.get("BENCH_REQUESTS", "2000"))
    workers, threads = int(os.environ.get("BENCH_WORKERS", "2")), int(os.environ.get("BENCH_THREADS", "4"))
    rq_workers = int(os.environ.get("BENCH_RQ_WORKERS", "2"))
    with serve(env, workers, threads) as served:
        bare_url, hook = served.url + "/bench/bare", served.url + "/webhooks/twilio/messages"

        def measured(name, scripts, worker_pids=()):
            meter = CpuMeter(served.pid, worker_pids).start()
            result = run(name, scripts, concurrency)
            meter.stop()
            return result, meter

        # Warm every worker's caches as a long-running server's are.
        run("warm-up", [[_post(bare_url, "x", "+1617555" + "0000")] for _ in range(200)], concurrency)
        run("warm-up", [[_post(hook, text, f"+1618{next(_numbers)}") for text in SCREENING]
                        for _ in range(4 * workers * threads)], concurrency)
        bare, bare_cpu = measured("bare Flask handler (baseline)", [
            [_post(bare_url, "hello", f"+1617{next(_numbers)}")] for _ in range(n)])
        first, first_cpu = measured("accept: first text of a new client", [
            [_post(hook, "hello", f"+1617{next(_numbers)}")] for _ in range(n)])
        clients = max(1, n // len(SCREENING))
        convo, convo_cpu = measured("accept: screening texts", [
            [_post(hook, text, phone) for text in SCREENING]
            for phone in (f"+1617{next(_numbers)}" for _ in range(clients))])

        # End to end: workers run the turns and send; each client texts again once its reply reached Twilio.
        start_empty(env["DATABASE_URL"], env["REDIS_URL"])
        replies = Replies(fake)
        started = [start_worker(env) for _ in range(rq_workers)]
        try:
            run("warm-up", replies.conversations(hook, 2 * rq_workers), concurrency)
            e2e, e2e_cpu = measured("end to end: screening turns", replies.conversations(hook, clients),
                                    tuple(p.pid for p in started))
        finally:
            for proc in started:
                proc.terminate()
                proc.wait(timeout=30)
    fake.stop()
    print(f"\nwebhook benchmark: gunicorn {workers} workers x {threads} threads, {concurrency} concurrent clients, "
          f"{env['DATABASE_URL'].split('@')[-1]}, Redis queue, {rq_workers} workers, {os.cpu_count()} cores")
    print(bare.line())
    print(first.line(bare))
    print(convo.line(bare))
    print(f"{e2e.name:<34} {e2e.rate:8.1f}/s  webhook -> reply at Twilio: p50 {pct(replies.latencies, 50):6.1f} ms  "
          f"p99 {pct(replies.latencies, 99):6.1f} ms  no reply {replies.missing}")
    print(f"{'screening conversations completed':<34} {clients} ({len(SCREENING)} turns each), "
          f"{e2e.rate / len(SCREENING):.1f} conversations/s")
    print("CPU per request, every process on the machine (they share its cores):")
    for result, cpu in ((bare, bare_cpu), (first, first_cpu), (convo, convo_cpu), (e2e, e2e_cpu)):
        print(f"  {result.name:<34} {cpu.per_request(result.count)}")
    base = bare_cpu.total_ms(bare.count)
    if base:
        print(f"  end-to-end turn / bare request: {e2e_cpu.total_ms(e2e.count) / base:.1f}x CPU (target <= 4x)")
    print(f"{'engine step alone (no I/O)':<34} {engine_step_us():8.1f} µs median")
    print(PREVIOUS)


class Replies:
    """Replies as they reach the fake Twilio, by number: a client waits for its reply before texting
    again, and the time from its webhook to the first reply is the turn's latency."""

    def __init__(self, fake: FakeTwilio) -> None:
        self.cond = threading.Condition()
        self.counts: dict[str, int] = {}
        self.latencies: list[float] = []
        self.missing = 0
        add = fake.store.add

        def record(message) -> None:
            add(message)
            with self.cond:
                to = message.resource.get("to")
                self.counts[to] = self.counts.get(to, 0) + 1
                self.cond.notify_all()

        fake.store.add = record

    def conversations(self, hook: str, count: int) -> list[list]:
        return [[self._turn(hook, text, phone) for text in SCREENING]
                for phone in (f"+1619{next(_numbers)}" for _ in range(count))]

    def _turn(self, hook: str, text: str, phone: str):
        post = _post(hook, text, phone)

        def call(session):
            with self.cond:
                before = self.counts.get(phone, 0)
            t0 = time.perf_counter()
            response = post(session)
            with self.cond:
                if self.cond.wait_for(lambda: self.counts.get(phone, 0) > before, timeout=REPLY_TIMEOUT):
                    self.latencies.append(time.perf_counter() - t0)
                else:
                    self.missing += 1
            return response

        return call


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "worker"], cwd=ROOT,
                            env={**os.environ, **env, "LOG_LEVEL": "WARNING"})


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0.0


if __name__ == "__main__":
    main()
