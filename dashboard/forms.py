"""Dashboard forms. Each field says what is wrong in words a CHW can act on."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from models.case import MAX_NOTE
from models.staff import email_problem


def options(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Choices for a SelectField from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def _looks_like_email(form, field) -> None:
    problem = email_problem(field.data or "")
    if problem:
        raise ValidationError(problem)


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired("Enter your email address."), _looks_like_email])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


def strip(value):
    return value.strip() if isinstance(value, str) else value


class NoteForm(FlaskForm):
    body = TextAreaField(
        "Note",
        filters=[strip],
        validators=[
            DataRequired("Write the note before saving it."),
            Length(max=MAX_NOTE, message="A note can be at most %(max)d characters; this one has %(length)d."),
        ],
    )
