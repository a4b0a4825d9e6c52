"""The fake Twilio, driven by the real twilio SDK exactly as the app will drive it."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from faketwilio import FakeTwilio
from faketwilio.sdk import BaseUrlHttpClient

CLIENT = "+16175550123"
OTHER = "+16175550199"
SENDER = "+15005550006"
SERVICE = "MG" + "a" * 32


class Receiver:
    """A tiny web app that records the signed forms Twilio (here: the fake) posts to it."""

    def __init__(self) -> None:
        self.posts: list[dict] = []
        self.cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                fields = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
                form = {k: v[0] for k, v in fields.items()}
                with receiver.cond:
                    receiver.posts.append({"path": self.path, "headers": dict(self.headers), "form": form})
                    receiver.cond.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.end_headers()
                self.wfile.write(b"<Response/>")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        serve = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01})
        serve.daemon = True
        serve.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def wait(self, count: int, timeout: float = 5.0) -> list[dict]:
        with self.cond:
            arrived = self.cond.wait_for(lambda: len(self.posts) >= count, timeout)
            assert arrived, f"got {len(self.posts)} posts"
            return list(self.posts)

    def statuses(self) -> list[str]:
        return [p["form"]["MessageStatus"] for p in self.posts]


@pytest.fixture
def fake():
    with FakeTwilio(callback_delay=0.005) as fake:
        yield fake


@pytest.fixture
def client(fake) -> Client:
    return Client(fake.account_sid, fake.auth_token, http_client=BaseUrlHttpClient(fake.url))


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


def signed_by(fake: FakeTwilio, post: dict, url: str) -> bool:
    signature = post["headers"]["X-Twilio-Signature"]
    return RequestValidator(fake.auth_token).validate(url, post["form"], signature)


# Creating messages -------------------------------------------------------------------------


def test_create_answers_201_with_twilio_message_resource(fake):
    response = requests.post(
        f"{fake.url}/2010-04-01/Accounts/{fake.account_sid}/Messages.json",
        data={"To": CLIENT, "From": SENDER, "Body": "Hello", "StatusCallback": "https://example.org/status"},
        auth=(fake.account_sid, fake.auth_token),
    )

    assert response.status_code == 201
    message = response.json()
    sid = message["sid"]
    assert re.fullmatch(r"SM[0-9a-f]{32}", sid)
    assert parsedate_to_datetime(message["date_created"]).tzinfo is not None
    assert message == {
        "account_sid": fake.account_sid, "api_version": "2010-04-01", "body": "Hello",
        "date_created": message["date_created"], "date_sent": None, "date_updated": message["date_created"],
        "direction": "outbound-api", "error_code": None, "error_message": None, "from": SENDER,
        "messaging_service_sid": None, "num_media": "0", "num_segments": "1", "price": None,
        "price_unit": "USD", "sid": sid, "status": "queued",
        "subresource_uris": {"media": f"/2010-04-01/Accounts/{fake.account_sid}/Messages/{sid}/Media.json"},
        "to": CLIENT, "uri": f"/2010-04-01/Accounts/{fake.account_sid}/Messages/{sid}.json",
    }
    assert fake.messages[0]["params"]["StatusCallback"] == "https://example.org/status"


def test_sdk_create_returns_a_message_instance(fake, client):
    message = client.messages.create(to=CLIENT, from_=SENDER, body="Hola")

    assert (message.status, message.to, message.from_, message.body) == ("queued", CLIENT, SENDER, "Hola")
    assert fake.wait_for(1)[0]["sid"] == message.sid


@pytest.mark.parametrize(
    ("body", "channel", "segments"),
    [("a" * 160, "sms", "1"), ("a" * 161, "sms", "2"), ("{" * 80, "sms", "1"), ("{" * 81, "sms", "2"),
     ("á" * 70, "sms", "1"), ("á" * 71, "sms", "2"), ("a" * 161, "whatsapp", "1")],
)
def test_num_segments_follow_gsm7_and_ucs2(client, body, channel, segments):
    prefix = "whatsapp:" if channel == "whatsapp" else ""
    message = client.messages.create(to=prefix + CLIENT, from_=prefix + SENDER, body=body)

    assert message.num_segments == segments


def test_template_and_media_are_recorded(fake, client):
    message = client.messages.create(
        to="whatsapp:" + CLIENT, from_="whatsapp:" + SENDER, content_sid="HX" + "b" * 32,
        content_variables=json.dumps({"1": "Ana"}),
        media_url=["https://example.org/a.png", "https://example.org/b.png"],
    )

    assert message.sid.startswith("MM") and message.num_media == "2"
    params = fake.messages[0]["params"]
    assert params["ContentSid"] == "HX" + "b" * 32
    assert params["MediaUrl"] == ["https://example.org/a.png", "https://example.org/b.png"]


def test_wrong_credentials_are_refused_with_20003(fake):
    stranger = Client(fake.account_sid, "not-the-token", http_client=BaseUrlHttpClient(fake.url))

    with pytest.raises(TwilioRestException) as raised:
        stranger.messages.create(to=CLIENT, from_=SENDER, body="Hi")

    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert fake.messages == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"to": "", "from_": SENDER, "body": "Hi"}, 21604),
        ({"to": CLIENT, "body": "Hi"}, 21603),
        ({"to": CLIENT, "from_": SENDER}, 21602),
        ({"to": CLIENT, "messaging_service_sid": SERVICE}, 21619),
        ({"to": CLIENT, "from_": SENDER, "body": "x" * 1601}, 21617),
        ({"to": CLIENT, "from_": SENDER, "body": "🙂" * 801}, 21617),
        ({"to": "6175550123", "from_": SENDER, "body": "Hi"}, 21211),
        ({"to": "whatsapp:+1", "from_": "whatsapp:" + SENDER, "body": "Hi"}, 21211),
        ({"to": CLIENT, "from_": "15005550006", "body": "Hi"}, 21212),
        ({"to": "whatsapp:" + CLIENT, "from_": SENDER, "body": "Hi"}, 21910),
        ({"to": CLIENT, "from_": SENDER, "content_sid": "HX" + "b" * 32, "content_variables": "{1:"}, 21656),
    ],
)
def test_invalid_requests_raise_twilio_errors(fake, client, options, code):
    with pytest.raises(TwilioRestException) as raised:
        client.messages.create(**options)

    assert (raised.value.status, raised.value.code) == (400, code)
    assert fake.messages == [] and fake.requests == 1


# Status callbacks --------------------------------------------------------------------------


def test_callbacks_report_sent_then_delivered_signed(fake, client, receiver):
    url = receiver.url("/webhooks/twilio/status?attempt=1")
    message = client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=url)

    posts = receiver.wait(2)

    assert receiver.statuses() == ["sent", "delivered"]
    assert all(signed_by(fake, post, url) for post in posts)
    delivered = posts[1]["form"]
    assert delivered == {
        "AccountSid": fake.account_sid, "ApiVersion": "2010-04-01", "From": SENDER, "MessageSid": message.sid,
        "MessageStatus": "delivered", "SmsSid": message.sid, "SmsStatus": "delivered", "To": CLIENT,
        "RawDlrDoneDate": delivered["RawDlrDoneDate"],
    }
    assert re.fullmatch(r"\d{10}", delivered["RawDlrDoneDate"])
    fetched = client.messages(message.sid).fetch()
    assert fetched.status == "delivered" and fetched.date_sent is not None


def test_whatsapp_recipient_outside_window_fails_with_63016(fake, client, receiver):
    fake.set_outcome("whatsapp:" + CLIENT, "failed", 63016)
    url = receiver.url("/status")
    message = client.messages.create(
        to="whatsapp:" + CLIENT, from_="whatsapp:" + SENDER, body="Hi", status_callback=url,
    )

    [post] = receiver.wait(1)

    assert post["form"]["MessageStatus"] == "failed"
    assert post["form"]["ErrorCode"] == "63016"
    assert post["form"]["ChannelPrefix"] == "whatsapp" and post["form"]["ChannelToAddress"] == CLIENT
    assert post["form"]["ChannelInstallSid"].startswith("XE")
    fetched = client.messages(message.sid).fetch()
    assert (fetched.status, fetched.error_code) == ("failed", 63016)
    assert "outside the allowed window" in fetched.error_message


def test_undelivered_sms_reports_30003_after_sent(fake, client, receiver):
    fake.set_outcome(CLIENT, "undelivered")
    client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=receiver.url("/status"))

    posts = receiver.wait(2)

    assert receiver.statuses() == ["sent", "undelivered"]
    assert posts[1]["form"]["ErrorCode"] == "30003"


def test_whatsapp_read_receipt(fake, client, receiver):
    fake.set_outcome("whatsapp:" + CLIENT, "read")
    client.messages.create(
        to="whatsapp:" + CLIENT, from_="whatsapp:" + SENDER, body="Hi", status_callback=receiver.url("/s"),
    )

    posts = receiver.wait(3)

    assert receiver.statuses() == ["sent", "delivered", "read"]
    assert [p["form"].get("EventType") for p in posts] == [None, "DELIVERED", "READ"]


def test_messaging_service_message_is_accepted_then_queued(fake, client, receiver):
    message = client.messages.create(
        to=CLIENT, messaging_service_sid=SERVICE, body="Hi", status_callback=receiver.url("/s"),
    )

    posts = receiver.wait(3)

    assert (message.status, message.from_, message.num_segments) == ("accepted", None, "0")
    assert receiver.statuses() == ["queued", "sent", "delivered"]
    assert posts[0]["form"]["MessagingServiceSid"] == SERVICE and posts[0]["form"]["From"] == SENDER
    assert client.messages(message.sid).fetch().from_ == SENDER


def test_duplicated_out_of_order_callbacks_leave_the_message_delivered(fake, client, receiver):
    fake.configure_callbacks(duplicate=True, out_of_order=True)
    message = client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=receiver.url("/s"))

    receiver.wait(4)

    assert receiver.statuses() == ["delivered", "delivered", "sent", "sent"]
    assert client.messages(message.sid).fetch().status == "delivered"


def test_manual_callbacks_are_held_until_flushed(fake, client, receiver):
    fake.configure_callbacks(auto=False)
    message = client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=receiver.url("/s"))

    assert client.messages(message.sid).fetch().status == "queued"
    assert fake.flush_callbacks() == 2
    assert receiver.statuses() == ["sent", "delivered"]
    assert fake.send_status(message.sid, "read") == 200
    assert [c["params"]["MessageStatus"] for c in fake.callbacks] == ["sent", "delivered", "read"]


def test_callbacks_can_go_to_an_in_process_app(fake, client):
    received = []

    def flask_like_app(url, form, headers):
        received.append((url, form, headers))
        return 204

    fake.configure_callbacks(auto=False, transport=flask_like_app)
    url = "http://localhost/webhooks/twilio/status"
    client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=url)
    fake.flush_callbacks()

    assert [form["MessageStatus"] for _, form, _ in received] == ["sent", "delivered"]
    validator = RequestValidator(fake.auth_token)
    assert all(validator.validate(u, form, headers["X-Twilio-Signature"]) for u, form, headers in received)
    assert [c["response_status"] for c in fake.callbacks] == [204, 204]


def test_callback_to_an_unreachable_app_is_recorded(fake, client, receiver):
    url = receiver.url("/s")
    receiver.server.shutdown()
    receiver.server.server_close()
    client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=url)

    callbacks = fake.wait_for_callbacks(2)

    assert [c["response_status"] for c in callbacks] == [None, None]
    assert callbacks[0]["error"]


# Listing and fetching ----------------------------------------------------------------------


def test_list_filters_by_recipient_and_date_sent_and_pages():
    now = [datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)]
    with FakeTwilio(auto_callbacks=False, clock=lambda: now[0]) as fake:
        client = fake.client()
        for to in (CLIENT, CLIENT, OTHER):
            client.messages.create(to=to, from_=SENDER, body="day one")
        fake.flush_callbacks()
        now[0] += timedelta(days=1)
        for _ in range(3):
            client.messages.create(to=CLIENT, from_=SENDER, body="day two")
        fake.flush_callbacks()

        assert len(client.messages.list(to=CLIENT)) == 5
        assert [m.to for m in client.messages.list(from_=SENDER, to=OTHER)] == [OTHER]
        assert {m.body for m in client.messages.list(to=CLIENT, date_sent_after=now[0])} == {"day two"}
        assert len(client.messages.list(to=CLIENT, date_sent_before=now[0] - timedelta(hours=1))) == 2
        assert len(client.messages.list(date_sent="2024-03-01")) == 3
        assert len(client.messages.list(page_size=2)) == 6
        first = client.messages.page(page_size=4)
        assert first.next_page_url and len(list(first)) == 4
        assert len(list(first.next_page())) == 2
        bodies = [m.body for m in client.messages.list()]
        assert bodies == ["day two"] * 3 + ["day one"] * 3


def test_fetch_unknown_message_is_20404(client):
    with pytest.raises(TwilioRestException) as raised:
        client.messages("SM" + "0" * 32).fetch()

    assert (raised.value.status, raised.value.code) == (404, 20404)


# Fault injection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "expected_code"),
    [(500, None, 20500), (503, None, 20503), (429, 20429, 20429), (400, 21610, 21610), (400, 21614, 21614)],
)
def test_fail_next_requests(fake, client, status, code, expected_code):
    fake.fail_next(2, status, code)

    for _ in range(2):
        with pytest.raises(TwilioRestException) as raised:
            client.messages.create(to=CLIENT, from_=SENDER, body="Hi")
        assert (raised.value.status, raised.value.code) == (status, expected_code)
    client.messages.create(to=CLIENT, from_=SENDER, body="Hi")

    assert fake.requests == 3 and len(fake.messages) == 1


def test_unsubscribed_recipient_is_always_rejected(fake, client):
    fake.reject(CLIENT, 21610)

    with pytest.raises(TwilioRestException) as raised:
        client.messages.create(to=CLIENT, from_=SENDER, body="Hi")

    assert raised.value.code == 21610 and "unsubscribed" in raised.value.msg
    assert client.messages.create(to=OTHER, from_=SENDER, body="Hi").status == "queued"


def test_slow_answer_times_out_the_sdk_but_the_message_was_sent(fake):
    impatient = fake.client(timeout=0.2)
    fake.delay(2, count=1)

    with pytest.raises(requests.exceptions.Timeout):
        impatient.messages.create(to=CLIENT, from_=SENDER, body="Hi")

    assert len(fake.wait_for(1)) == 1
    assert impatient.messages.create(to=CLIENT, from_=SENDER, body="Hi").status == "queued"


def test_down_refuses_connections_until_up(fake, client):
    fake.down()
    with pytest.raises(requests.exceptions.ConnectionError):
        client.messages.create(to=CLIENT, from_=SENDER, body="Hi")

    fake.up()

    assert client.messages.create(to=CLIENT, from_=SENDER, body="Hi").status == "queued"
    assert fake.requests == 1


def test_down_refuses_a_client_whose_connection_was_kept_alive(fake, client):
    from urllib3.exceptions import NewConnectionError

    client.messages.create(to=CLIENT, from_=SENDER, body="Hi")  # the SDK keeps this connection open
    fake.down()
    with pytest.raises(requests.exceptions.ConnectionError) as refused:
        client.messages.create(to=CLIENT, from_=SENDER, body="Hi")
    # Refused rather than cut off mid-request: the sender can tell Twilio never got the message.
    assert isinstance(getattr(refused.value.args[0], "reason", None), NewConnectionError)
    assert fake.requests == 1


def test_down_for_a_while_comes_back_by_itself(fake, client):
    fake.down(seconds=0.1)
    answered = threading.Event()

    def send_until_answered():
        while not answered.is_set():
            try:
                client.messages.create(to=CLIENT, from_=SENDER, body="Hi")
                answered.set()
            except requests.exceptions.ConnectionError:
                answered.wait(0.02)

    worker = threading.Thread(target=send_until_answered, daemon=True)
    worker.start()

    assert answered.wait(5)
    assert len(fake.messages) == 1


def test_down_closing_connections_hangs_up_unanswered(fake, client):
    fake.down(mode="close")

    with pytest.raises(requests.exceptions.ConnectionError):
        client.messages.create(to=CLIENT, from_=SENDER, body="Hi")
    fake.up()

    assert client.messages.create(to=CLIENT, from_=SENDER, body="Hi").status == "queued"


# Control API, for a fake running in its own process ----------------------------------------


def test_control_api_drives_faults_outcomes_and_reset(fake, client, receiver):
    control = f"{fake.url}/_fake"
    assert requests.post(f"{control}/fail", json={"count": 1, "status": 503}).ok
    outcome = {"to": CLIENT, "status": "undelivered", "error_code": 30005}
    assert requests.post(f"{control}/outcome", json=outcome).ok
    with pytest.raises(TwilioRestException) as raised:
        client.messages.create(to=CLIENT, from_=SENDER, body="Hi")
    assert raised.value.code == 20503

    client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=receiver.url("/s"))
    fake.wait_for_callbacks(2)
    assert receiver.posts[1]["form"]["ErrorCode"] == "30005"

    assert requests.get(f"{control}/state").json() == {"requests": 2, "messages": 1, "callbacks": 2}
    assert requests.get(f"{control}/messages").json()["messages"][0]["to"] == CLIENT
    assert requests.post(f"{control}/down", json={"mode": "refuse"}).status_code == 400
    assert requests.post(f"{control}/nothing", json={}).status_code == 404
    assert requests.post(f"{control}/reset").ok
    assert fake.messages == [] and fake.requests == 0


def test_control_api_manual_callbacks_and_inbound(fake, client, receiver):
    requests.post(f"{fake.url}/_fake/callbacks", json={"auto": False})
    message = client.messages.create(to=CLIENT, from_=SENDER, body="Hi", status_callback=receiver.url("/s"))

    status = {"sid": message.sid, "status": "delivered"}
    answer = requests.post(f"{fake.url}/_fake/status", json=status).json()
    inbound = requests.post(
        f"{fake.url}/_fake/inbound", json={"url": receiver.url("/in"), "from": CLIENT, "body": "STOP"},
    ).json()

    assert answer == {"response_status": 200}
    assert inbound["response_status"] == 200 and inbound["response"] == "<Response/>"
    post = receiver.posts[-1]
    assert post["form"]["Body"] == "STOP" and signed_by(fake, post, receiver.url("/in"))


# A client texting the app ------------------------------------------------------------------


def test_inbound_sms_form_is_signed_like_twilio(fake, receiver):
    form = fake.inbound_form(CLIENT, "Necesito comida")
    url = receiver.url("/webhooks/twilio/messages")

    status, text = fake.post_inbound(url, form)

    assert status == 200 and text == "<Response/>"
    assert re.fullmatch(r"SM[0-9a-f]{32}", form["MessageSid"]) and form["SmsMessageSid"] == form["MessageSid"]
    shown = ("From", "To", "Body", "NumMedia", "NumSegments", "SmsStatus", "FromCountry")
    assert {k: form[k] for k in shown} == {
        "From": CLIENT, "To": SENDER, "Body": "Necesito comida", "NumMedia": "0", "NumSegments": "1",
        "SmsStatus": "received", "FromCountry": "US",
    }
    assert form["AccountSid"] == fake.account_sid and form["ApiVersion"] == "2010-04-01"
    assert signed_by(fake, receiver.posts[0], url)
    assert RequestValidator(fake.auth_token).validate(url, form, fake.signature(url, form))


def test_inbound_whatsapp_button_reply_with_media(fake):
    form = fake.inbound_form(
        CLIENT, "Yes", channel="whatsapp", profile_name="Ana",
        button_text="Yes", button_payload="checkin:yes",
        media=[("https://api.twilio.com/media/ME1", "image/jpeg")],
    )

    assert form["From"] == "whatsapp:" + CLIENT and form["To"] == "whatsapp:" + SENDER
    assert (form["WaId"], form["ProfileName"], form["MessageType"]) == (CLIENT[1:], "Ana", "button")
    assert (form["ButtonText"], form["ButtonPayload"]) == ("Yes", "checkin:yes")
    media = (form["NumMedia"], form["MediaUrl0"], form["MediaContentType0"])
    assert media == ("1", "https://api.twilio.com/media/ME1", "image/jpeg")
    assert form["MessageSid"].startswith("MM")


# Operations --------------------------------------------------------------------------------


def test_logs_carry_no_phone_numbers_or_bodies(fake, client, receiver, caplog):
    caplog.set_level(logging.DEBUG, logger="faketwilio")
    client.messages.create(to=CLIENT, from_=SENDER, body="secret words", status_callback=receiver.url("/s"))
    client.messages.list(to=CLIENT)
    fake.wait_for_callbacks(2)

    assert "fake Twilio: POST" in caplog.text
    for private in (CLIENT, CLIENT[1:], "secret words", "secret+words"):
        assert private not in caplog.text


def test_command_line_server_prints_settings_and_serves():
    command = [
        sys.executable, "-m", "faketwilio", "--port", "0",
        "--account-sid", "AC" + "1" * 32, "--auth-token", "t0k3n",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            settings = dict(process.stdout.readline().strip().split("=", 1) for _ in range(4))
            client = Client(
                settings["TWILIO_ACCOUNT_SID"], settings["TWILIO_AUTH_TOKEN"],
                http_client=BaseUrlHttpClient(settings["TWILIO_API_BASE_URL"]),
            )
            message = client.messages.create(to=CLIENT, from_=settings["TWILIO_SMS_FROM"], body="Hi")
        finally:
            process.terminate()

    assert settings["TWILIO_AUTH_TOKEN"] == "t0k3n" and message.status == "queued"
