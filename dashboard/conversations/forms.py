"""What a CHW sends from a conversation: their own words, or one of the canned texts."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from dashboard.conversations.canned import CANNED_KEYS
from dashboard.forms import strip

MAX_TEXT = 1600  # Twilio's limit for one message body


class ReplyForm(FlaskForm):
    body = TextAreaField(
        "Your message",
        filters=[strip],
        validators=[
            DataRequired("Write a message before sending it."),
            Length(max=MAX_TEXT, message="A text can be at most %(max)d characters; this one has %(length)d."),
        ],
    )


class CannedForm(FlaskForm):
    key = HiddenField(validators=[AnyOf(sorted(CANNED_KEYS), message="Pick one of the canned replies.")])
