"""The Messages REST resource: create (with Twilio's validation), list with paging, fetch.

Each call takes the parsed request and returns (HTTP status, JSON body); HTTP is server.py's job.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from faketwilio import shapes
from faketwilio.callbacks import StatusReporter, lifecycle
from faketwilio.faults import Faults
from faketwilio.state import Store, StoredMessage

Form = dict[str, list[str]]
LIST_FILTERS = {"To": None, "From": None, "DateSent": "=", "DateSent<": "<", "DateSent>": ">"}


def _first(form: Form, key: str) -> str:
    values = form.get(key)
    return values[0] if values else ""


class MessagesApi:
    def __init__(
        self, *, account_sid: str, store: Store, faults: Faults, reporter: StatusReporter,
        clock: Callable[[], datetime], service_sender: str,
    ) -> None:
        self.account_sid = account_sid
        self.store = store
        self.faults = faults
        self.reporter = reporter
        self.clock = clock
        self.service_sender = service_sender

    def create(self, form: Form) -> tuple[int, dict]:
        error = self._invalid(form)
        if error:
            return error
        to, from_ = _first(form, "To"), _first(form, "From") or None
        service = _first(form, "MessagingServiceSid") or None
        body, media = _first(form, "Body"), form.get("MediaUrl", [])
        channel = shapes.split_channel(to)[0]
        now = self.clock()
        segments = shapes.num_segments(body, channel)
        resource = shapes.message_resource(
            sid=shapes.new_sid("MM" if media else "SM"),
            account_sid=self.account_sid,
            to=to,
            from_=None if service else from_,
            body=body,
            status="accepted" if service else "queued",
            messaging_service_sid=service,
            num_segments=0 if service else segments,
            num_media=len(media),
            created=now,
        )
        sender = from_ or (self.service_sender if channel == "sms" else f"{channel}:{self.service_sender}")
        params = {k: (v if k == "MediaUrl" else v[0]) for k, v in form.items()}
        self.store.add(StoredMessage(resource, params, now, sender=sender, segments=segments))
        self.reporter.accepted(resource["sid"], lifecycle(self.faults.outcome(to), via_service=bool(service)))
        return 201, resource

    def _invalid(self, form: Form) -> tuple[int, dict] | None:
        """Twilio's checks on a new message, in the order it reports them."""
        to, from_ = _first(form, "To"), _first(form, "From")
        service = _first(form, "MessagingServiceSid")
        body = _first(form, "Body")
        if not to:
            return shapes.error_body(21604)
        if not from_ and not service:
            return shapes.error_body(21603)
        if not (body or _first(form, "ContentSid") or form.get("MediaUrl")):
            return shapes.error_body(21602 if from_ else 21619)
        if shapes.utf16_len(body) > shapes.BODY_LIMIT:
            return shapes.error_body(21617)
        if not shapes.valid_recipient(to):
            return shapes.error_body(21211, to=to)
        if from_ and not shapes.valid_sender(from_):
            return shapes.error_body(21212, from_=from_)
        if from_ and shapes.split_channel(from_)[0] != shapes.split_channel(to)[0]:
            return shapes.error_body(21910)
        if not _json_object(_first(form, "ContentVariables")):
            return shapes.error_body(21656)
        rejection = self.faults.rejection(to)
        if rejection:
            return shapes.error_body(rejection.code, rejection.status, rejection.message, to=to)
        return None

    def list(self, query: Form) -> tuple[int, dict]:
        filters = {k: _first(query, k) for k in LIST_FILTERS if _first(query, k)}
        sent = {LIST_FILTERS[k]: v for k, v in filters.items() if LIST_FILTERS[k]}
        try:
            page_size = min(max(int(_first(query, "PageSize") or 50), 1), 1000)
            page = max(int(_first(query, "Page") or 0), 0)
            records = self.store.query(filters.get("To"), filters.get("From"), sent)
        except ValueError:
            return shapes.error_body(20001, 400, "Invalid paging or DateSent parameter")
        start = page * page_size
        token = _first(query, "PageToken")
        sids = [r["sid"] for r in records]
        if token[2:] in sids:
            start = sids.index(token[2:]) + 1
        chunk = records[start:start + page_size]
        more = start + page_size < len(records)
        return 200, shapes.message_page(
            account_sid=self.account_sid, records=chunk, filters=filters, page=page,
            page_size=page_size, next_token="PA" + chunk[-1]["sid"] if more and chunk else None,
        )

    def fetch(self, sid: str, path: str) -> tuple[int, dict]:
        resource = self.store.resource(sid)
        if resource is None:
            return shapes.error_body(20404, path=path)
        return 200, resource


def _json_object(text: str) -> bool:
    if not text:
        return True
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False
