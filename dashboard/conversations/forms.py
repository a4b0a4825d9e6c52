"""What a CHW sends from a conversation: their own words (as written, or translated into the client's
language first), or one of the canned texts."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from dashboard.conversations.canned import CANNED_KEYS
from dashboard.forms import strip

MAX_TEXT = 1600  # Twilio's limit for one message body


def _own_words(required: bool) -> TextAreaField:
    return TextAreaField(
        "Your message in your language",
        filters=[strip],
        validators=[
            DataRequired("Write your message before translating it.") if required else Optional(),
            Length(max=MAX_TEXT, message="A text can be at most %(max)d characters; this one has %(length)d."),
        ],
    )


class ReplyForm(FlaskForm):
    own = _own_words(required=False)  # what the CHW wrote in their language, when `body` is its translation
    body = TextAreaField(
        "Your message",
        filters=[strip],
        validators=[
            DataRequired("Write a message before sending it."),
            Length(max=MAX_TEXT, message="A text can be at most %(max)d characters; this one has %(length)d."),
        ],
    )


class DraftForm(FlaskForm):
    """Translate my words into the client's language, to check and edit before sending."""

    own = _own_words(required=True)


class CannedForm(FlaskForm):
    key = HiddenField(validators=[AnyOf(sorted(CANNED_KEYS), message="Pick one of the canned replies.")])
