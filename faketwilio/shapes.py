"""Twilio's JSON shapes: SIDs, dates, error bodies, the Message resource and a list page.

Everything here is a pure function of its arguments, so the server and the tests agree on
one definition of what Twilio answers.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import urlencode

API_VERSION = "2010-04-01"
BODY_LIMIT = 1600

# Error codes the fake can answer with, and the message Twilio puts in the body.
ERRORS: dict[int, tuple[int, str]] = {
    20003: (401, "Authenticate"),
    20004: (405, "Method not allowed"),
    20404: (404, "The requested resource {path} was not found"),
    20429: (429, "Too Many Requests"),
    20500: (500, "An internal server error has occurred"),
    20503: (503, "Service is unavailable. Please try again"),
    21211: (400, "The 'To' number {to} is not a valid phone number."),
    21212: (
        400, "The 'From' number {from_} is not a valid phone number, shortcode, or alphanumeric sender ID.",
    ),
    21602: (400, "Message body is required."),
    21603: (400, "A 'From' phone number is required."),
    21604: (400, "A 'To' phone number is required."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    21614: (400, "'To' number is not a valid mobile number"),
    21617: (400, "The concatenated message body exceeds the 1600 character limit."),
    21619: (400, "A Message Body, Media URL or Content SID is required."),
    21656: (400, "The ContentVariables Parameter is invalid."),
    21910: (400, "Invalid From and To pair. From and To should be of the same channel"),
}

# Delivery error codes that arrive later, in status callbacks and on the resource.
DELIVERY_ERRORS: dict[int, str] = {
    30003: "Unreachable destination handset",
    30005: "Unknown destination handset",
    30006: "Landline or unreachable carrier",
    30007: "Message filtered",
    30008: "Unknown error",
    63016: "Failed to send freeform message because you are outside the allowed window. "
    "If you want to send messages outside the allowed window, please use a Template.",
}

_DEFAULT_CODE_FOR_STATUS = {401: 20003, 404: 20404, 429: 20429, 500: 20500, 503: 20503}


def new_sid(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


def rfc2822(dt: datetime | None) -> str | None:
    """Twilio's date format: 'Thu, 24 Aug 2023 05:01:45 +0000'."""
    return format_datetime(dt) if dt else None


class _Blank(dict):
    """Format values, with any the caller did not give left empty rather than raising."""

    def __missing__(self, key: str) -> str:
        return ""


def error_body(
    code: int | None = None, status: int | None = None, message: str | None = None, **fmt,
) -> tuple[int, dict]:
    """(HTTP status, Twilio error JSON) for a code, a status, or both."""
    if code is None:
        code = _DEFAULT_CODE_FOR_STATUS.get(status or 500, status or 500)
    known_status, template = ERRORS.get(code, (status or 400, "Error {code}"))
    status = status or known_status
    body = {
        "code": code,
        "message": message or template.format_map(_Blank(code=code, **fmt)),
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    if code == 20003:
        body["detail"] = "Your AccountSid or AuthToken was incorrect."
    return status, body


# Addresses --------------------------------------------------------------------------------

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_SHORT_CODE = re.compile(r"^\d{5,6}$")
_ALPHANUMERIC = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$")


def split_channel(address: str) -> tuple[str, str]:
    """'whatsapp:+1555…' -> ('whatsapp', '+1555…'); '+1555…' -> ('sms', '+1555…')."""
    prefix, sep, rest = address.partition(":")
    return (prefix, rest) if sep else ("sms", address)


def valid_recipient(address: str) -> bool:
    return bool(_E164.match(split_channel(address)[1]))


def valid_sender(address: str) -> bool:
    channel, number = split_channel(address)
    if channel != "sms":
        return bool(_E164.match(number))
    return bool(_E164.match(number) or _SHORT_CODE.match(number) or _ALPHANUMERIC.match(number))


# Segments: an independent count, so the fake checks the app's own arithmetic. -------------

_GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_ESCAPED = frozenset("^{}\\[~]|€\f")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def num_segments(body: str, channel: str) -> int:
    if channel != "sms":
        return 1
    if all(c in _GSM7 or c in _GSM7_ESCAPED for c in body):
        units, single, multi = sum(2 if c in _GSM7_ESCAPED else 1 for c in body), 160, 153
    else:
        units, single, multi = utf16_len(body), 70, 67
    if units <= single:
        return 1
    return -(-units // multi)


# Resources ---------------------------------------------------------------------------------


def messages_uri(account_sid: str) -> str:
    return f"/{API_VERSION}/Accounts/{account_sid}/Messages.json"


def message_uri(account_sid: str, sid: str) -> str:
    return f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}.json"


def message_resource(
    *, sid: str, account_sid: str, to: str, from_: str | None, body: str, status: str,
    messaging_service_sid: str | None, num_segments: int, num_media: int, created: datetime,
) -> dict:
    """A newly accepted outbound Message, as Twilio's create call returns it."""
    return {
        "account_sid": account_sid,
        "api_version": API_VERSION,
        "body": body,
        "date_created": rfc2822(created),
        "date_sent": None,
        "date_updated": rfc2822(created),
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": from_,
        "messaging_service_sid": messaging_service_sid,
        "num_media": str(num_media),
        "num_segments": str(num_segments),
        "price": None,
        "price_unit": "USD",
        "sid": sid,
        "status": status,
        "subresource_uris": {
            "media": f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}/Media.json",
        },
        "to": to,
        "uri": message_uri(account_sid, sid),
    }


def message_page(
    *, account_sid: str, records: list[dict], filters: dict[str, str], page: int, page_size: int,
    next_token: str | None,
) -> dict:
    """One page of the Messages list, with Twilio's paging keys (page, start, end, *_page_uri)."""
    base = messages_uri(account_sid)

    def uri(page_number: int, token: str | None = None) -> str:
        query = dict(filters, PageSize=str(page_size), Page=str(page_number))
        if token:
            query["PageToken"] = token
        return f"{base}?{urlencode(query)}"

    start = page * page_size
    return {
        "end": start + len(records) - 1 if records else start,
        "first_page_uri": uri(0),
        "messages": records,
        "next_page_uri": uri(page + 1, next_token) if next_token else None,
        "page": page,
        "page_size": page_size,
        "previous_page_uri": uri(page - 1) if page > 0 else None,
        "start": start,
        "uri": uri(page),
    }
