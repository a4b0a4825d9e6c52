"""python -m faketwilio --port 8765 --account-sid AC… --auth-token …: run the fake until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import signal
import threading

from faketwilio.fake import FakeTwilio


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m faketwilio", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--account-sid", help="default: a random AC… SID")
    parser.add_argument("--auth-token", help="default: a random token")
    parser.add_argument("--sender", default="+15005550006", help="the Messaging Service's number")
    parser.add_argument("--callback-delay", type=float, default=1.0, help="seconds between status callbacks")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    fake = FakeTwilio(
        args.account_sid, args.auth_token, host=args.host, port=args.port, sender=args.sender,
        callback_delay=args.callback_delay,
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    with fake:
        print(f"TWILIO_ACCOUNT_SID={fake.account_sid}")
        print(f"TWILIO_AUTH_TOKEN={fake.auth_token}")
        print(f"TWILIO_API_BASE_URL={fake.url}")
        print(f"TWILIO_SMS_FROM={fake.sender}", flush=True)
        try:
            done.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
