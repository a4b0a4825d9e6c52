"""The CHW inbox: the queue and a 500-message conversation rendered, and a backlog of client
texts translated through the local fake LibreTranslate server.

    python -m bench.bench_inbox            # DATABASE_URL to run on PostgreSQL; SQLite by default

Pages are rendered through Flask's test client, signed in as a CHW, and timed next to a bare
JSON handler on the same app (server time only: no network, no browser). The backlog (10,000
texts from Spanish-speaking clients) goes through the `translate_messages` jobs the sweeper
asks for, on the in-process queue, and is compared with the fake server's own rate measured
by the same client in the same run. Targets: pages under 100 ms; backlog at least 0.5x the fake.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)
BACKLOG = int(os.environ.get("BENCH_BACKLOG", "10000"))  # client texts to translate
QUEUED = 40  # conversations in the queue
RUNS = 15


def _timed(fn, runs: int = RUNS) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    from flask_migrate import upgrade

    from app import create_app
    from interop.translation import Translator
    from models import Client, Conversation, ConversationStatus, Message, MessageStatus, Sender, Urgency, db
    from models.client import Channel
    from models.message import Direction
    from tests.fake_translate import FakeTranslate
    from tests.staff import add_user, sign_in
    from workers.translation import translate_backlog

    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    with FakeTranslate() as fake:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None, "JOBS_AUTOSTART": False,
                          "SECRET_KEY": "bench", "CLOCK": lambda: NOW, "TRANSLATE_URL": fake.url,
                          "QUIET_HOURS": None, "TWILIO_ACCOUNT_SID": None, "TWILIO_AUTH_TOKEN": None})
        app.add_url_rule("/bench/bare", "bare", lambda: {"ok": True})
        with app.app_context():
            if db.engine.dialect.name == "postgresql":
                with db.engine.begin() as conn:
                    conn.execute(sa_text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            upgrade()
            clients = [Client(phone=f"+1555{n:07d}", channel=Channel.SMS, language="es", created_at=NOW)
                       for n in range(QUEUED + 1)]
            db.session.add_all(clients)
            db.session.flush()
            convs = [Conversation(client_id=c.id, status=ConversationStatus.WAITING, state={},
                                  escalation_reason="asked_for_person", urgency=Urgency.NORMAL,
                                  escalated_at=NOW - timedelta(minutes=n)) for n, c in enumerate(clients)]
            db.session.add_all(convs)
            db.session.flush()
            rows = []
            for n in range(BACKLOG + 300):
                k = 0 if n < 600 else n % len(clients)  # the first client has a long history
                client, conv = clients[k], convs[k]
                inbound = n >= 600 or n % 2 == 0  # the long history: 300 texts and 300 replies
                rows.append({"client_id": client.id, "conversation_id": conv.id, "channel": Channel.SMS,
                             "direction": Direction.INBOUND if inbound else Direction.OUTBOUND,
                             "sender": Sender.CLIENT if inbound else Sender.BOT,
                             "status": MessageStatus.PROCESSED if inbound else MessageStatus.DELIVERED,
                             "body": f"necesito ayuda con la renta, mensaje {n}", "segments": 1, "attempts": 0,
                             "automated": False, "num_media": 0,
                             "created_at": NOW - timedelta(days=1) + timedelta(seconds=n)})
            db.session.execute(sa_insert(Message), rows)
            for conv in convs:
                conv.trigger_message_id = db.session.scalar(sa_select_max(Message, conv.id))
            db.session.commit()
            inbound_count = BACKLOG
            busiest = convs[0].id
            add_user(app, "chw@example.org", name="Ana Ruiz")
        http = app.test_client()
        sign_in(http, "chw@example.org")

        bare = _timed(lambda: http.get("/bench/bare"))
        queue = _timed(lambda: http.get("/dashboard/queue"))
        page = _timed(lambda: http.get(f"/dashboard/conversations/{busiest}"))

        # The fake's own rate: the same client, one text after another.
        direct = Translator(fake.url)
        count = min(2000, inbound_count)
        start = time.perf_counter()
        for n in range(count):
            direct.translate(f"necesito ayuda con la renta, mensaje {n}", "es", "en")
        fake_rate = count / (time.perf_counter() - start)

        with app.app_context():
            start = time.perf_counter()
            asked = 0
            while True:
                found = translate_backlog(NOW)
                if not found:
                    break
                asked += found
                app.extensions["jobs"].run_pending(NOW)
            backlog_rate = asked / (time.perf_counter() - start)

    print(f"messages: {BACKLOG + 300} ({inbound_count} from clients), {QUEUED + 1} conversations waiting, "
          f"database {url.split(':')[0]}")
    print(f"bare handler              {bare * 1000:7.2f} ms")
    print(f"queue page                {queue * 1000:7.2f} ms  ({queue / bare:5.1f}x bare)   target < 100 ms")
    print(f"conversation, 500 shown   {page * 1000:7.2f} ms  ({page / bare:5.1f}x bare)   target < 100 ms")
    print(f"fake server, direct       {fake_rate:7.0f} texts/s")
    print(f"backlog through the jobs  {backlog_rate:7.0f} texts/s  ({backlog_rate / fake_rate:4.2f}x the fake)   "
          f"target >= 0.5x  ({asked} texts)")
    ok = queue < 0.1 and page < 0.1 and backlog_rate >= 0.5 * fake_rate and asked == inbound_count
    return 0 if ok else 1


def sa_text(sql: str):
    import sqlalchemy as sa

    return sa.text(sql)


def sa_insert(model):
    import sqlalchemy as sa

    return sa.insert(model)


def sa_select_max(message, conversation_id: int):
    import sqlalchemy as sa

    return sa.select(sa.func.max(message.id)).where(message.conversation_id == conversation_id,
                                                     message.direction == "in")


if __name__ == "__main__":
    sys.exit(main())
