"""A sustained load run with faults: does any client's text get lost or sent twice?

    python -m bench.bench_load [--seconds 75] [--concurrency 12]

Everything is on loopback and started by the run itself: a private PostgreSQL and Redis
(removed at the end), the app under gunicorn (2 workers x 4 threads), two `flask worker`
processes sending to the fake Twilio, which posts status callbacks back. Simulated clients
text the screening conversation, one message after another, from `concurrency` threads;
a webhook that fails is retried with the same MessageSid, as Twilio would.

During the run: Twilio answers 500s, then 429s, then times out, then refuses connections;
Redis is killed and comes back empty; a worker is killed in the middle of a send. After it,
the sweeps catch up and the run compares every webhook that got a 200 with the stored rows,
every reply with what the fake Twilio accepted, and every conversation with the screening
as it goes with nothing wrong. It prints what was lost (the target is nothing) and writes
the figures to bench/results/.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import requests
import sqlalchemy as sa

from faketwilio import FakeTwilio
from models import Message, MessageStatus, db
from models.message import Direction
from tests.reliability import SCREENING, inbound, outbound, transcripts
from tests.services import PrivatePostgres, PrivateRedis
from tests.stack import Stack, Texter, create_template, reference_transcript

RESULTS = Path(__file__).resolve().parent / "results"
GRACE = 60.0  # after the load stops, how long a client keeps retrying its last text


class Load:
    """Clients texting the served app from `concurrency` threads until the time is up."""

    def __init__(self, url: str, token: str, concurrency: int) -> None:
        self.url, self.token, self.concurrency = url, token, concurrency
        self.numbers = (f"+1617{n:07d}" for n in itertools.count(5551000))
        self.texters: list[Texter] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def run(self, seconds: float) -> float:
        threads = [threading.Thread(target=self._client_loop, args=(time.monotonic() + seconds + GRACE,))
                   for _ in range(self.concurrency)]
        started = time.monotonic()
        for t in threads:
            t.start()
        self.stop.wait(seconds)
        self.stop.set()
        for t in threads:
            t.join()
        return time.monotonic() - started

    def _client_loop(self, give_up: float) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                with self.lock:
                    texter = Texter(self.url, self.token, next(self.numbers), SCREENING)
                    self.texters.append(texter)
                for body in texter.bodies:
                    if self.stop.is_set():
                        break
                    try:
                        texter.post(texter.form(body), session, give_up)
                    except AssertionError:  # never taken before giving up: counted as refused
                        break


class Faults:
    """The faults of the run, at fixed fractions of its length, each logged as it happens."""

    def __init__(self, stack: Stack, workers: list, seconds: float) -> None:
        self.stack, self.workers, self.seconds = stack, workers, seconds
        self.log: list[tuple[float, str]] = []
        self.started = 0.0

    def note(self, what: str) -> None:
        self.log.append((round(time.monotonic() - self.started, 1), what))
        print(f"  t={self.log[-1][0]:5.1f}s  {what}", flush=True)

    def run(self, stop: threading.Event) -> None:
        fake = self.stack.fake
        steps = [
            (0.10, "Twilio answers 500 to the next 40 requests", lambda: fake.fail_next(40, 500)),
            (0.20, "Twilio answers 429 to the next 40 requests", lambda: fake.fail_next(40, 429, 20429)),
            (0.30, "Redis killed; back, empty, 3 s later", self._restart_redis),
            (0.45, "a worker killed while Twilio holds its send", self._kill_worker),
            (0.60, "Twilio takes the next 6 texts and times out on them", lambda: fake.delay(12, count=6)),
            (0.75, "Twilio refuses connections for 5 s", lambda: fake.down(5)),
        ]
        self.started = time.monotonic()
        for at, what, act in steps:
            if stop.wait(max(0.0, self.started + at * self.seconds - time.monotonic())):
                return
            self.note(what)
            act()

    def _restart_redis(self) -> None:
        self.stack.redis.kill()
        time.sleep(3)
        self.stack.redis.start()

    def _kill_worker(self) -> None:
        # Twilio holds the next two sends: one from each worker, since a worker sends one at a time.
        before = self.stack.fake.requests
        self.stack.fake.delay(30, count=2)
        deadline = time.monotonic() + 10
        while self.stack.fake.requests < before + 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        self.workers[0].kill()
        time.sleep(2)
        self.workers[0] = self.stack.worker(sweep_every=2.0)
        self.note("a new worker started in its place")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0.0


def expected_for(reference: list[tuple[str, str]], texts: int) -> list[tuple[str, str]]:
    """The reference conversation up to (not including) the client's next text after `texts` of them."""
    seen = 0
    for i, (direction, _) in enumerate(reference):
        if direction == "in":
            if seen == texts:
                return reference[:i]
            seen += 1
    return reference


def verify(stack: Stack, load: Load, reference: list[tuple[str, str]]) -> dict:
    taken = {sid: t for t in load.texters for sid in t.taken}
    rows = {m.twilio_sid: m for m in inbound(stack.web)}
    talks = transcripts(stack.web)
    wrong = [t.number for t in load.texters if t.taken and talks.get(t.number) != expected_for(reference, len(t.taken))]
    sent = outbound(stack.web)
    accepted = Counter(m["sid"] for m in stack.fake.messages)
    row_sids = {r.twilio_sid for r in sent if r.twilio_sid}
    return {
        "webhooks taken (200)": len(taken),
        "taken but not stored (lost)": len(set(taken) - set(rows)),
        "stored but never answered": sum(m.status is not MessageStatus.PROCESSED for m in rows.values()),
        "conversations not as the flow says (order, a lost or repeated step)": len(wrong),
        "replies written": len(sent),
        "replies by status": dict(Counter(r.status.value for r in sent)),
        "texts Twilio accepted": sum(accepted.values()),
        "texts Twilio accepted twice (sent twice)": sum(n - 1 for n in accepted.values() if n > 1),
        "texts Twilio accepted that no reply row claims (sent twice)": len(set(accepted) - row_sids),
        "replies marked sent that Twilio never accepted": len(row_sids - set(accepted)),
        "replies not delivered and without a recorded failure": sum(
            r.status not in (MessageStatus.DELIVERED, MessageStatus.READ) and not (r.error_code or r.error_message)
            for r in sent),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=75.0, help="length of the load (at least 60 for the record)")
    parser.add_argument("--concurrency", type=int, default=12, help="clients texting at once")
    parser.add_argument("--no-faults", action="store_true", help="the same load with nothing going wrong")
    args = parser.parse_args()

    postgres, redis, fake = PrivatePostgres().start(), PrivateRedis().start(), FakeTwilio(callback_delay=0.2).start()
    logs = Path(tempfile.mkdtemp(prefix="enlace-load-"))
    create_template(postgres)
    stack = Stack(postgres, redis, fake, logs)
    try:
        served = stack.serve(workers=2, threads=4)
        workers = [stack.worker(sweep_every=2.0) for _ in range(2)]
        reference = reference_transcript(stack, SCREENING)
        load = Load(served.url, fake.auth_token, args.concurrency)
        faults = Faults(stack, workers, args.seconds)
        print(f"load: {args.concurrency} clients at once for {args.seconds:.0f} s; "
              f"{'no faults' if args.no_faults else 'faults:'}", flush=True)
        injector = None if args.no_faults else threading.Thread(target=faults.run, args=(load.stop,))
        if injector:
            injector.start()
        elapsed = load.run(args.seconds)
        if injector:
            injector.join()
        sent_during_load = len(fake.messages)
        backlog = stack.unfinished()
        print("load over; the sweeps catch up ...", flush=True)
        caught_up = time.monotonic()
        try:
            stack.settle(timeout=300)
            settled = True
        except AssertionError as exc:
            print(f"  did not settle: {exc}")
            settled = False
        catch_up = time.monotonic() - caught_up
        latencies = [s for t in load.texters for s in t.latencies]
        failures = sum((t.failures for t in load.texters), Counter())
        outcome = verify(stack, load, reference)
        with stack.web.app_context():
            delivered = db.session.scalar(sa.select(sa.func.count()).select_from(Message).where(
                Message.direction == Direction.OUTBOUND, Message.status == MessageStatus.DELIVERED))
            db.session.remove()
        figures = {
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "seconds of load": round(elapsed, 1),
            "clients": len(load.texters),
            "concurrency": args.concurrency,
            "inbound messages handled per second": round(outcome["webhooks taken (200)"] / elapsed, 1),
            "webhook attempts": len(latencies),
            "webhook p50 ms": round(percentile(latencies, 50), 1),
            "webhook p99 ms": round(percentile(latencies, 99), 1),
            "webhook mean ms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0.0,
            "webhook errors (non-200 answers, retried)": dict(failures),
            "error count": sum(failures.values()),
            "replies delivered": delivered,
            "texts sent per second during the load": round(sent_during_load / elapsed, 1),
            "messages still to answer or send when the load stopped": backlog,
            "seconds for the sweeps to catch up after the load": round(catch_up, 1),
            "settled": settled,
            "faults": faults.log,
            **outcome,
        }
    finally:
        stack.close()
        fake.stop()
        redis.stop()
        postgres.destroy()
    lost = (figures["taken but not stored (lost)"] + figures["stored but never answered"]
            + figures["conversations not as the flow says (order, a lost or repeated step)"]
            + figures["replies not delivered and without a recorded failure"])
    twice = (figures["texts Twilio accepted twice (sent twice)"]
             + figures["texts Twilio accepted that no reply row claims (sent twice)"])
    print()
    for key, value in figures.items():
        if key != "faults":
            print(f"{key:<70} {value}")
    print()
    print(f"LOST: {lost} (webhooks taken but not stored or not answered, conversations out of order, replies "
          "neither delivered nor failed with a reason)")
    print(f"SENT TWICE: {twice}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"load-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"figures written to {out}; server logs in {logs}")
    return 1 if lost or twice else 0


if __name__ == "__main__":
    sys.exit(main())
