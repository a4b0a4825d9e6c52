"""A phone in the browser (`/simulator`) for trying the assistant against the real pipeline.

It exists only while no Twilio credentials are set (or SIMULATOR_ENABLED=1): it lets anyone
speak as any phone number, which must never be possible in production.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, jsonify, render_template, request

from bot.messaging.inbound import MalformedWebhook, parse_form
from bot.pipeline.inbound import CannotStore, accept
from models import Client, Message, db
from models.message import Direction
from workers.queue import jobs

bp = Blueprint("simulator", __name__, template_folder="templates")


def enabled() -> bool:
    cfg = current_app.config
    flag = str(cfg.get("SIMULATOR_ENABLED", "")).lower()
    if flag in ("1", "true", "yes"):
        return True
    if flag in ("0", "false", "no"):
        return False
    return not cfg.get("TWILIO_AUTH_TOKEN")


@bp.before_request
def only_when_enabled():
    if not enabled():
        abort(404)


@bp.get("/simulator")
def page():
    return render_template("simulator.html")


@bp.post("/simulator/messages")
def send():
    data = request.get_json(silent=True) or {}
    form = {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "From": str(data.get("phone", "")),
        "To": "simulator",
        "Body": str(data.get("body", "")),
        "NumMedia": "0",
    }
    if data.get("channel") == "whatsapp":
        form["From"] = "whatsapp:" + form["From"]
    try:
        msg = parse_form(form)
    except MalformedWebhook as exc:
        return jsonify(error=str(exc)), 400
    try:
        accept(msg, form)
    except CannotStore:
        return jsonify(error="the message cannot be stored now"), 503
    jobs().settle()  # the turn runs now on the embedded defaults, so the reply shows at once
    return jsonify(ok=True)


@bp.get("/simulator/messages")
def transcript():
    try:
        phone = parse_form({"MessageSid": "SM" + "0" * 32, "From": request.args.get("phone", ""), "Body": ""}).phone
    except MalformedWebhook as exc:
        return jsonify(error=str(exc)), 400
    client = db.session.scalars(sa.select(Client).where(Client.phone == phone)).first()
    if client is None:
        return jsonify(messages=[])
    rows = db.session.scalars(
        sa.select(Message).where(Message.client_id == client.id).order_by(Message.id).limit(500)
    ).all()
    return jsonify(messages=[
        {"id": m.id, "from": "client" if m.direction is Direction.INBOUND else m.sender.value, "body": m.body,
         "status": m.status.value, "segments": m.segments}
        for m in rows
    ])
