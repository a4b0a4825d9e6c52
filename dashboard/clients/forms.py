"""Forms on a client's record: needs, goals and progress, referral status, making a referral, notes."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from casework import labels
from dashboard.forms import options, strip
from models.case import MAX_GOAL, MAX_NOTE
from models.referral import NEEDS_REASON, ReferralStatus

# What a CHW may set a referral to (draft and the bot's own states aside).
CHW_REFERRAL_STATUSES = ("accepted", "in-progress", "on-hold", "completed", "failed", "rejected", "cancelled",
                         "entered-in-error")
MAX_SEARCH = 80



def _choices(table: dict[str, str], codes=None, first: tuple[str, str] | None = None) -> list[SelectChoice]:
    return options(([first] if first else []) + [(code, table[code]) for code in (codes or table)])


class ClientSearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField("Name, last 4 digits of the phone, or ZIP code", filters=[strip],
                    validators=[Length(max=MAX_SEARCH, message="Search for at most %(max)d characters.")])

    def validate_q(self, field) -> None:
        if field.data and len(field.data) < 2:
            raise ValidationError("Type at least 2 letters, the last 4 digits of the phone number, or a ZIP code.")


class NeedForm(FlaskForm):
    domain = SelectField("Need", choices=_choices(labels.NEED_DOMAINS, first=("", "Choose a need")),
                         validators=[DataRequired("Choose the need to add.")])


class NeedStatusForm(FlaskForm):
    status = SelectField("Status", choices=_choices(labels.NEED_STATUSES))


class GoalForm(FlaskForm):
    description = TextAreaField(
        "Goal, in the client's words", filters=[strip],
        validators=[DataRequired("Describe the goal."),
                    Length(max=MAX_GOAL, message="Keep the goal to %(max)d characters; this one has %(length)d.")])
    need_id = SelectField("For the need", coerce=int, choices=options([(0, "No particular need")]))
    target_date = DateField("Target date (optional)", validators=[Optional()])

    def validate_target_date(self, field) -> None:
        if field.data and field.data < date(2000, 1, 1):
            raise ValidationError("Enter a target date after the year 2000.")


class ProgressForm(FlaskForm):
    achievement = SelectField("Where it stands", choices=_choices(labels.ACHIEVEMENTS))
    note = TextAreaField(
        "What happened", filters=[strip],
        validators=[DataRequired("Say what happened, so the next person knows."),
                    Length(max=MAX_NOTE, message="Keep it to %(max)d characters; this has %(length)d.")])


class ReferralStatusForm(FlaskForm):
    status = SelectField("New status", choices=_choices(labels.REFERRAL_STATUSES, CHW_REFERRAL_STATUSES))
    reason = SelectField("Reason", choices=_choices(labels.REFERRAL_FAILURE_REASONS, first=("", "No reason needed")))

    def validate_reason(self, field) -> None:
        status = ReferralStatus(self.status.data) if self.status.data in CHW_REFERRAL_STATUSES else None
        if status in NEEDS_REASON and not field.data:
            raise ValidationError(f"Say why the referral is {labels.REFERRAL_STATUSES[status.value].lower()}.")


class ReferForm(FlaskForm):
    service_id = HiddenField(validators=[DataRequired("Choose a resource.")])
    need = HiddenField(validators=[DataRequired("Choose the need this referral is for.")])
    shared = BooleanField("The client agreed that we share their name and number with this provider")

    def validate_need(self, field) -> None:
        if field.data not in labels.NEED_DOMAINS:
            raise ValidationError("Choose one of the listed needs.")


class ResourceSearchForm(FlaskForm):
    class Meta:
        csrf = False

    need = SelectField("Need", choices=_choices(labels.NEED_DOMAINS, first=("", "Choose a need")),
                       validators=[DataRequired("Choose the need to find resources for.")])

