"""Webhook throughput: single inbound texts and whole screening conversations, against a
bare Flask handler on the same gunicorn server, plus the engine step alone.

    DATABASE_URL=postgresql://... REDIS_URL=redis://.../10 python -m bench.bench_webhook

Env: BENCH_CONCURRENCY (senders, 16), BENCH_REQUESTS (2000 per run), BENCH_WORKERS and
BENCH_THREADS (gunicorn, 2 x 4; the baseline runs on the same server).

Sends are only enqueued (no worker runs): this measures the webhook's own work, which is
what Twilio waits for. Empties the database's clients and the Redis database first: point them
at benchmark databases.
"""

from __future__ import annotations

import itertools
import os
import timeit
import uuid
from datetime import datetime, timezone

from twilio.request_validator import RequestValidator

from bench.cpu import CpuMeter
from bench.load import run
from bench.server import serve, start_empty

TOKEN = "bench-auth-token"
SCREENING = ["Hola, necesito ayuda con comida", "si", "10001", "Ana", "2", "moho y goteras", "a veces",
             "nunca", "no", "si", "1", "2", "1", "1"]
_numbers = itertools.count(5550000)


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
    env = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/enlace_bench"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_SMS_FROM": "+15005550006",
        "PUBLIC_URL": "", "SECRET_KEY": "bench", "QUIET_HOURS": "off",
    }
    start_empty(env["DATABASE_URL"], env["REDIS_URL"])
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "16"))
    n = int(os.environ.get("BENCH_REQUESTS", "2000"))
    workers, threads = int(os.environ.get("BENCH_WORKERS", "2")), int(os.environ.get("BENCH_THREADS", "4"))
    with serve(env, workers, threads) as served:
        bare_url, hook = served.url + "/bench/bare", served.url + "/webhooks/twilio/messages"

        def measured(name, scripts):
            meter = CpuMeter(served.pid).start()
            result = run(name, scripts, concurrency)
            meter.stop()
            return result, meter.per_request(result.count)

        # Warm every worker's caches as a long-running server's are: the bare route, then whole
        # conversations (catalogs, flows, the ZIP table and compiled SQL load on first use).
        run("warm-up", [[_post(bare_url, "x", "+1617555" + "0000")] for _ in range(200)], concurrency)
        run("warm-up", [[_post(hook, text, f"+1618{next(_numbers)}") for text in SCREENING]
                        for _ in range(4 * workers * threads)], concurrency)
        bare, bare_cpu = measured("bare Flask handler (baseline)", [
            [_post(bare_url, "hello", f"+1617{next(_numbers)}")] for _ in range(n)])
        first, first_cpu = measured("webhook: first text of a new client", [
            [_post(hook, "hello", f"+1617{next(_numbers)}")] for _ in range(n)])
        clients = max(1, n // len(SCREENING))
        convo, convo_cpu = measured("webhook: full screening turns", [
            [_post(hook, text, phone) for text in SCREENING]
            for phone in (f"+1617{next(_numbers)}" for _ in range(clients))])
    print(f"\nwebhook benchmark: gunicorn {workers} workers x {threads} threads, {concurrency} concurrent clients, "
          f"{env['DATABASE_URL'].split('@')[-1]}, Redis queue, {os.cpu_count()} cores")
    print(bare.line())
    print(first.line(bare))
    print(convo.line(bare))
    print(f"{'screening conversations completed':<34} {clients} ({len(SCREENING)} turns each), "
          f"{convo.rate / len(SCREENING):.1f} conversations/s")
    print("CPU per request, every process on the machine (they share its cores):")
    for result, cpu in ((bare, bare_cpu), (first, first_cpu), (convo, convo_cpu)):
        print(f"  {result.name:<34} {cpu}")
    print(f"{'engine step alone (no I/O)':<34} {engine_step_us():8.1f} µs median")


if __name__ == "__main__":
    main()
