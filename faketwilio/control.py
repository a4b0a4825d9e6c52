"""The `/_fake/…` control API: drive a separately running fake over HTTP with JSON bodies.

    GET  /_fake/state                  {"requests": 3, "messages": 2, "callbacks": 4}
    GET  /_fake/messages               accepted messages (resource fields + params)
    GET  /_fake/callbacks              status callbacks sent, with the receiver's answer
    POST /_fake/reset
    POST /_fake/fail      {"count": 2, "status": 503, "code": 20503, "message": "…"}
    POST /_fake/delay     {"seconds": 3, "count": 1}          (seconds 0 clears)
    POST /_fake/reject    {"to": "+1…", "code": 21610}
    POST /_fake/outcome   {"to": "whatsapp:+1…", "status": "failed", "error_code": 63016}
    POST /_fake/down      {"seconds": 5, "mode": "refuse" | "close"}
    POST /_fake/up
    POST /_fake/callbacks {"auto": false, "delay": 1.0, "duplicate": true, "out_of_order": true}
    POST /_fake/flush                                         (send held-back callbacks)
    POST /_fake/status    {"sid": "SM…", "status": "delivered", "error_code": null}
    POST /_fake/inbound   {"url": "http://…/webhooks/twilio/messages", "from": "+1…", "body": "hi",
                           "to": "+1…", "channel": "sms", "profile_name": …, "button_payload": …}
"""

from __future__ import annotations


class Control:
    def __init__(self, fake) -> None:
        self.fake = fake

    def handle(self, method: str, path: str, body: dict) -> tuple[int, dict]:
        name = path.removeprefix("/_fake/").strip("/")
        action = getattr(self, f"{method.lower()}_{name}", None)
        if action is None:
            return 404, {"error": f"no control action {method} {path}"}
        try:
            return 200, action(body) or {"ok": True}
        except (KeyError, TypeError, ValueError) as exc:
            return 400, {"error": f"{type(exc).__name__}: {exc}"}

    def get_state(self, body: dict) -> dict:
        fake = self.fake
        return {"requests": fake.requests, "messages": len(fake.messages), "callbacks": len(fake.callbacks)}

    def get_messages(self, body: dict) -> dict:
        return {"messages": self.fake.messages}

    def get_callbacks(self, body: dict) -> dict:
        return {"callbacks": self.fake.callbacks}

    def post_reset(self, body: dict) -> None:
        self.fake.reset()

    def post_fail(self, body: dict) -> None:
        count, status = body.get("count", 1), body.get("status", 500)
        self.fake.fail_next(count, status, body.get("code"), body.get("message"))

    def post_delay(self, body: dict) -> None:
        self.fake.delay(body["seconds"], body.get("count"))

    def post_reject(self, body: dict) -> None:
        self.fake.reject(body["to"], body.get("code", 21610), body.get("status", 400), body.get("message"))

    def post_outcome(self, body: dict) -> None:
        self.fake.set_outcome(body["to"], body["status"], body.get("error_code"))

    def post_down(self, body: dict) -> None:
        mode, seconds = body.get("mode", "refuse"), body.get("seconds")
        if mode == "refuse" and not seconds:
            raise ValueError("over HTTP, mode 'refuse' needs 'seconds': nothing could bring it back up")
        self.fake.down(seconds, mode)

    def post_up(self, body: dict) -> None:
        self.fake.up()

    def post_callbacks(self, body: dict) -> None:
        options = ("auto", "delay", "duplicate", "out_of_order")
        self.fake.configure_callbacks(**{k: body[k] for k in options if k in body})

    def post_flush(self, body: dict) -> dict:
        return {"sent": self.fake.flush_callbacks()}

    def post_status(self, body: dict) -> dict:
        return {"response_status": self.fake.send_status(body["sid"], body["status"], body.get("error_code"))}

    def post_inbound(self, body: dict) -> dict:
        url = body.pop("url")
        form = self.fake.inbound_form(body.pop("from"), body.pop("body"), **body)
        status, text = self.fake.post_inbound(url, form)
        return {"response_status": status, "response": text, "form": form}
