"""Outages of the services the app stands on: Redis down or hung, a worker killed mid-send,
PostgreSQL restarted under traffic; and many clients at once on the served app.

These start their own PostgreSQL and Redis (tests/services.py) because they kill and
restart them; they need the server binaries and fail with a clear message without them.
The app runs on them as in production, gunicorn and workers as subprocesses (tests/stack.py).
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter

import pytest
import requests
import sqlalchemy as sa

from faketwilio import FakeTwilio
from models import MessageStatus, db
from models.message import Message
from tests.conftest import app_on_fake_twilio
from tests.phone import Phone
from tests.reliability import SCREENING, assert_sent_once, assert_settled, in_and_out, inbound, outbound, transcripts
from tests.services import PrivatePostgres, PrivateRedis, ServiceUnavailable, wait_until
from tests.stack import Stack, Texter, create_template, in_threads, reference_transcript
from workers.sweeper import run_sweeps

pytestmark = pytest.mark.services


@pytest.fixture
def redis_server():
    try:
        server = PrivateRedis().start()
    except ServiceUnavailable as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def postgres_server():
    """One private cluster for the module, with a migrated template database to copy per test."""
    try:
        server = PrivatePostgres().start()
    except ServiceUnavailable as exc:
        pytest.fail(str(exc))
    create_template(server)
    yield server
    server.destroy()


@pytest.fixture
def stack(postgres_server, redis_server, tmp_path):
    with FakeTwilio() as fake:
        built = Stack(postgres_server, redis_server, fake, tmp_path)
        yield built
        built.close()


# Redis ----------------------------------------------------------------------------------------


@pytest.fixture
def redis_app(make_app, fake_twilio, redis_server):
    """The app on the suite's database, its queue on the private Redis, callbacks in-process."""
    return app_on_fake_twilio(make_app, fake_twilio, REDIS_URL=redis_server.url)


def catch_up(app, fake, clock) -> None:
    """Redis is back: a sweep re-enqueues what waited, a worker sends it, Twilio reports back."""
    from tests.jobs import drain

    clock.advance(seconds=30)
    with app.app_context():
        run_sweeps()
        db.session.remove()
    drain(app)
    fake.flush_callbacks()


def test_redis_down_while_messages_arrive(redis_app, fake_twilio, redis_server, clock):
    ana, ben = (Phone(redis_app, redis_app.test_client(), n) for n in ("+16175550301", "+16175550302"))
    ana.send(SCREENING[0])
    ben.send(SCREENING[0])
    http = redis_app.test_client()
    redis_server.kill()
    down = http.get("/healthz")
    assert down.status_code == 503 and down.get_json()["queue"]["ok"] is False
    for turn in SCREENING[1:5]:
        for phone in (ana, ben):
            assert phone.post(phone.form(turn)).status_code == 200
    arrived = inbound(redis_app)  # stored, their turns not run: the queue that would ask for them is down
    assert len(arrived) == 10 and [m.status for m in arrived].count(MessageStatus.RECEIVED) == 8
    assert not any(m.status is MessageStatus.PENDING for m in outbound(redis_app))
    redis_server.start()  # an empty Redis: the queue forgot everything
    assert http.get("/healthz").status_code == 200
    catch_up(redis_app, fake_twilio, clock)
    assert all(r.status is MessageStatus.DELIVERED for r in assert_settled(redis_app))
    assert_sent_once(redis_app, fake_twilio)
    talks = transcripts(redis_app)
    assert [b for _, b in talks["+16175550301"]] == [b for _, b in talks["+16175550302"]]
    assert [d for d, _ in talks["+16175550301"]].count("in") == 5


def test_jobs_lost_in_a_redis_restart_are_sent_once(redis_app, fake_twilio, redis_server, clock):
    from tests.jobs import drain

    ana = Phone(redis_app, redis_app.test_client(), "+16175550311")
    assert ana.post(ana.form(SCREENING[0])).status_code == 200  # its send jobs wait in Redis
    redis_server.restart()
    assert drain(redis_app) == 0
    assert fake_twilio.messages == []
    catch_up(redis_app, fake_twilio, clock)
    assert len(assert_settled(redis_app)) == len(fake_twilio.messages) == 2
    assert_sent_once(redis_app, fake_twilio)


def test_the_sweeper_leaves_jobs_still_waiting_in_the_queue_alone(redis_app, fake_twilio, clock):
    ana = Phone(redis_app, redis_app.test_client(), "+16175550315")
    assert ana.post(ana.form(SCREENING[0])).status_code == 200  # its turn waits in the queue
    queue = redis_app.extensions["jobs"].queue
    assert queue.count == 1
    clock.advance(minutes=5)  # a long backlog: the text is older than the sweeper's grace
    with redis_app.app_context():
        assert run_sweeps()["requeue_received"] == 0
    assert queue.count == 1
    with redis_app.app_context():
        ana_id = db.session.scalar(sa.select(Message.client_id).limit(1))
        db.session.remove()
    queue.empty()  # the turn lost with Redis: the sweeper asks for it again, once
    with redis_app.app_context():
        assert run_sweeps()["requeue_received"] == 1
        assert run_sweeps()["requeue_received"] == 0
    assert queue.count == 1 and queue.jobs[0].args == (ana_id,)


def test_a_hung_redis_delays_the_answer_but_loses_nothing(redis_app, fake_twilio, redis_server, clock):
    ana = Phone(redis_app, redis_app.test_client(), "+16175550321")
    redis_server.proc.send_signal(signal.SIGSTOP)  # accepts connections, answers nothing
    try:
        assert ana.post(ana.form(SCREENING[0])).status_code == 200
    finally:
        redis_server.proc.send_signal(signal.SIGCONT)
    catch_up(redis_app, fake_twilio, clock)
    assert len(assert_settled(redis_app)) == 2
    assert_sent_once(redis_app, fake_twilio)


# Workers --------------------------------------------------------------------------------------


def test_worker_killed_in_the_middle_of_sending(stack):
    stack.callbacks_to(stack.web)
    phones = [Phone(stack.web, stack.web.test_client(), f"+161755504{i:02d}") for i in range(6)]
    for phone in phones:
        assert phone.post(phone.form(SCREENING[0])).status_code == 200
    stack.fake.delay(60, count=1)  # Twilio takes the first text and then says nothing
    first = stack.worker()
    stack.fake.wait_for(1, timeout=60)
    first.kill()
    assert stack.count(Message.status == MessageStatus.SENDING) == 1  # claimed, sent, never recorded
    stack.worker()
    wait_until(lambda: stack.count(Message.status == MessageStatus.PENDING) == 0, 60,
               "the second worker to send the rest")
    stack.settle()
    rows = assert_settled(stack.web)
    assert len(rows) == 12 and all(r.status is MessageStatus.DELIVERED for r in rows)
    assert_sent_once(stack.web, stack.fake)


def test_a_worker_outlives_a_redis_restart_in_the_middle_of_a_job(stack):
    stack.callbacks_to(stack.web)
    phone = Phone(stack.web, stack.web.test_client(), "+16175550460")
    worker = stack.worker()
    stack.fake.delay(3, count=1)  # the worker is inside a send ...
    assert phone.post(phone.form(SCREENING[0])).status_code == 200
    stack.fake.wait_for(1, timeout=60)
    stack.redis.kill()  # ... when Redis goes; the job ends into a dead connection
    time.sleep(4)
    stack.redis.start()
    assert phone.post(phone.form(SCREENING[1])).status_code == 200
    stack.settle()  # only the same worker process is there to send
    assert worker.proc.poll() is None
    assert all(r.status is MessageStatus.DELIVERED for r in assert_settled(stack.web))
    assert_sent_once(stack.web, stack.fake)


def test_worker_killed_while_twilio_hangs_up(stack):
    stack.callbacks_to(stack.web)
    phone = Phone(stack.web, stack.web.test_client(), "+16175550450")
    stack.fake.down(mode="close")  # every request is cut off unanswered: did Twilio take it?
    assert phone.post(phone.form(SCREENING[0])).status_code == 200
    first = stack.worker()
    wait_until(lambda: stack.count(Message.status == MessageStatus.SENDING) == 2, 60, "both sends to be cut off")
    first.kill()
    stack.fake.up()
    stack.worker()
    stack.settle()
    assert len(assert_settled(stack.web)) == 2
    assert_sent_once(stack.web, stack.fake)


# PostgreSQL -----------------------------------------------------------------------------------


def test_postgres_restarted_under_traffic(stack, postgres_server):
    served = stack.serve()
    stack.worker()
    texters = [Texter(served.url, stack.fake.auth_token, f"+161755505{i:02d}", SCREENING) for i in range(6)]
    progress = threading.Semaphore(0)
    threads, errors = in_threads(texters, progress)
    for _ in range(15):  # some of the traffic has been answered
        progress.acquire(timeout=60)
    postgres_server.stop("fast")
    health = requests.get(served.url + "/healthz", timeout=10)
    assert health.status_code == 503 and health.json()["database"]["ok"] is False
    assert health.json()["inbound"] == {"accepting": True, "stored_in": "journal"}
    time.sleep(2)  # the outage, while the clients keep texting
    postgres_server.start()
    wait_until(lambda: requests.get(served.url + "/healthz", timeout=10).status_code == 200, 30,
               "/healthz to recover")
    for t in threads:
        t.join()
    assert not errors, errors
    assert sum(sum(t.failures.values()) for t in texters) == 0  # the journal took what the database could not
    wait_until(lambda: requests.get(served.url + "/healthz", timeout=10).json()["journal"]["depth"] == 0, 60,
               "the journal to be drained")
    stored = Counter(m.twilio_sid for m in inbound(stack.web))
    assert sorted(stored) == sorted(sid for t in texters for sid in t.taken)  # every 200 is stored, once
    expected = reference_transcript(stack, SCREENING)
    stack.settle()
    talks = transcripts(stack.web)
    for texter in texters:
        assert in_and_out(talks[texter.number]) == in_and_out(expected), texter.number  # answered once, in order
    assert_settled(stack.web)
    assert_sent_once(stack.web, stack.fake)
    logged = "".join(path.read_text(errors="replace") for path in stack.logs.glob("*.log"))
    assert "the database cannot store texts (OperationalError); they go to the journal" in logged  # logged ...
    for texter in texters:  # ... without the numbers or the texts of the people it concerned
        assert texter.number[2:] not in logged
    assert not [body for body in SCREENING if len(body) > 8 and body in logged]


# Many clients at once -------------------------------------------------------------------------


def test_many_clients_and_bursts_each_conversation_stays_in_order(stack):
    served = stack.serve()
    stack.worker()
    token = stack.fake.auth_token
    steady = [Texter(served.url, token, f"+161755506{i:02d}", SCREENING) for i in range(10)]
    burst_numbers = ["+16175550690", "+16175550691"]
    bursts = [[Texter(served.url, token, number, [f"{text}"]) for text in SCREENING[:8]]
              for number in burst_numbers]
    flood = [Texter(served.url, token, "+16175550699", [f"flood {i}"]) for i in range(40)]
    threads, errors = in_threads(steady + [t for b in bursts for t in b] + flood)
    for t in threads:
        t.join()
    assert not errors, errors
    expected = reference_transcript(stack, SCREENING)
    arrived = {number: [m.body for m in inbound(stack.web) if m.twilio_sid in {s for t in burst for s in t.taken}]
               for number, burst in zip(burst_numbers, bursts, strict=True)}
    burst_expected = {number: replies(reference_transcript(stack, arrived[number], number=f"+1617555098{i}"))
                      for i, number in enumerate(burst_numbers)}
    stack.settle()
    talks = transcripts(stack.web)
    for texter in steady:
        assert in_and_out(talks[texter.number]) == in_and_out(expected), texter.number
    for number in burst_numbers:
        # Eight texts at once: taken in the order they were stored, each answered as the flow says.
        assert sorted(arrived[number]) == sorted(SCREENING[:8])
        assert replies(talks[number]) == burst_expected[number]
    flooded = [m for m in inbound(stack.web) if m.twilio_sid in {s for t in flood for s in t.taken}]
    assert len(flooded) == 40  # every text is kept
    answered = [m for m in flooded if m.error_message != "rate limited: not answered"]
    assert 0 < len(answered) <= stack.web.config["RATE_LIMIT_PER_MINUTE"]
    assert_settled(stack.web)
    assert_sent_once(stack.web, stack.fake)


def replies(transcript: list[tuple[str, str]]) -> list[str]:
    return [body for direction, body in transcript if direction == "out"]
