"""The job queue's promise, kept by both backends: a job id already waiting is not added twice.

Runs on the in-process queue always, and on RQ when the suite runs with TEST_REDIS_URL (`.ci/run`'s
PostgreSQL and Redis pass)."""

from datetime import timedelta

import pytest

from tests.conftest import TEST_REDIS_URL
from tests.jobs import drain

RUNS: list[str] = []


def note(label: str) -> None:
    """A job: it records that it ran (RQ's worker runs it in this process, in `drain`)."""
    RUNS.append(label)


@pytest.fixture(params=["in-process", "rq"])
def app(request, make_app):
    if request.param == "rq" and not TEST_REDIS_URL:
        pytest.skip("RQ runs in the pass with TEST_REDIS_URL (PostgreSQL and Redis)")
    app = make_app(**({} if request.param == "rq" else {"REDIS_URL": None}))
    assert app.extensions["jobs"].backend == request.param
    app.extensions["jobs"].jobs = {"note": note}
    RUNS.clear()
    return app


def test_an_id_already_waiting_is_not_added_twice(app):
    queue = app.extensions["jobs"]
    with app.app_context():
        assert queue.enqueue("note", "first", job_id="note-1")
        assert queue.enqueue("note", "second", job_id="note-1")
        queue.enqueue_many("note", [(("third",), "note-1"), (("other",), "note-2")])
        assert queue.waiting(["note-1", "note-2"]) == {"note-1", "note-2"}
    drain(app)
    assert sorted(RUNS) == ["first", "other"]


def test_an_id_rq_would_refuse_is_refused_by_both_queues(app):
    """The translation job's id once held colons: RQ refused it (and the job never ran) while the
    in-process queue took it, so only the PostgreSQL and Redis pass saw translations missing."""
    queue = app.extensions["jobs"]
    with app.app_context():
        with pytest.raises(ValueError, match="job id"):
            queue.enqueue("note", "x", job_id="translate:1-2:en")
        with pytest.raises(ValueError, match="job id"):
            queue.enqueue_many("note", [(("y",), "a b")])
    drain(app)
    assert RUNS == []


def test_a_scheduled_id_is_not_scheduled_twice(app, clock):
    queue = app.extensions["jobs"]
    with app.app_context():
        later = clock.now + timedelta(minutes=5)
        queue.enqueue_at(later, "note", "first", job_id="note-later")
        queue.enqueue_at(later, "note", "second", job_id="note-later")
        queue.enqueue("note", "now", job_id="note-later")  # still waiting, though for later
    clock.advance(minutes=6)
    drain(app)
    assert RUNS == ["first"]


def test_once_its_job_has_run_an_id_may_be_used_again(app):
    queue = app.extensions["jobs"]
    with app.app_context():
        queue.enqueue("note", "first", job_id="note-1")
    drain(app)
    with app.app_context():
        queue.enqueue("note", "again", job_id="note-1")
    drain(app)
    assert RUNS == ["first", "again"]


def test_jobs_without_an_id_are_all_added(app):
    queue = app.extensions["jobs"]
    with app.app_context():
        queue.enqueue("note", "a")
        queue.enqueue("note", "a")
    drain(app)
    assert RUNS == ["a", "a"]
