"""The twilio REST client, pointed at `TWILIO_API_BASE_URL` (the local fake Twilio in tests)."""

from __future__ import annotations

import logging
import os

import requests
from flask import current_app
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

TWILIO_API = "https://api.twilio.com"

# The SDK logs request URLs with their query (phone numbers) at INFO, and urllib3 its request
# lines at DEBUG (a Messages list has To=+1...): keep them out of our logs at any level.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)
logging.getLogger("urllib3.connectionpool").setLevel(logging.INFO)


class BaseUrlHttpClient(TwilioHttpClient):
    """Sends what the SDK addresses to api.twilio.com to another base URL instead."""

    def __init__(self, base_url: str, **options) -> None:
        super().__init__(**options)
        self.base_url = base_url.rstrip("/")
        # requests reads proxy and CA settings from the environment on every request, which
        # costs more than the rest of building it: read them once, as the process starts.
        self.proxy = self.proxy or requests.utils.get_environ_proxies(self.base_url)
        self.session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        self.session.trust_env = False

    def request(self, method, url, *args, **kwargs):
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API):]
        return super().request(method, url, *args, **kwargs)


def twilio_client() -> Client | None:
    """The app's client, or None when no credentials are set (messages go to the local outbox)."""
    cfg = current_app.config
    if not (cfg.get("TWILIO_ACCOUNT_SID") and cfg.get("TWILIO_AUTH_TOKEN")):
        return None
    client = current_app.extensions.get("twilio")
    if client is None:
        base = cfg.get("TWILIO_API_BASE_URL") or TWILIO_API
        http = BaseUrlHttpClient(base, timeout=cfg.get("TWILIO_TIMEOUT", 10.0))
        client = Client(cfg["TWILIO_ACCOUNT_SID"], cfg["TWILIO_AUTH_TOKEN"], http_client=http)
        current_app.extensions["twilio"] = client
    return client
