"""Posting a form the way Twilio does: url-encoded, with X-Twilio-Signature from the real SDK."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

USER_AGENT = "TwilioProxy/1.1"
# Loopback traffic must never go through a proxy picked up from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def signature(url: str, params: dict[str, str], auth_token: str) -> str:
    """The X-Twilio-Signature Twilio would send for a POST of `params` to `url`."""
    return RequestValidator(auth_token).compute_signature(url, params)


def post_signed(
    url: str, params: dict[str, str], auth_token: str, timeout: float = 5.0,
) -> tuple[int | None, str, str | None]:
    """POST `params` to `url`, signed. Returns (HTTP status or None, response text, error)."""
    request = urllib.request.Request(
        url,
        data=urlencode(params).encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": USER_AGENT,
            "X-Twilio-Signature": signature(url, params, auth_token),
        },
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace"), None
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), None
    except (OSError, ValueError) as exc:
        return None, "", type(exc).__name__
