"""Forms of the directory pages: searching, editing a service, importing an HSDS zip."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from casework import labels
from dashboard.forms import options, strip
from directory.phones import normalize

MAX_NAME = 250
MAX_DESCRIPTION = 4000



class DirectorySearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField("Name", filters=[strip],
                    validators=[Length(max=80, message="Search for at most %(max)d characters.")])
    need = SelectField("Need", choices=options([("", "Any need"), *labels.NEED_DOMAINS.items()]), default="")
    zip = StringField("ZIP code", filters=[strip],
                      validators=[Optional(), Regexp(r"^\d{5}$", message="Enter a 5-digit ZIP code.")])
    page = IntegerField(default=1, validators=[Optional(), NumberRange(min=1, max=10000)])


class ServiceForm(FlaskForm):
    name = StringField("Name", filters=[strip], validators=[
        DataRequired("Give the service a name."),
        Length(max=MAX_NAME, message="Keep the name to %(max)d characters; this one has %(length)d.")])
    description = TextAreaField("Description", filters=[strip], validators=[
        Length(max=MAX_DESCRIPTION, message="Keep the description to %(max)d characters; this one has %(length)d.")])
    phone = StringField("Phone", filters=[strip],
                        validators=[Length(max=40, message="That phone number is too long.")])
    status = SelectField("Status", choices=options(labels.SERVICE_STATUSES.items()))

    def validate_phone(self, field) -> None:
        if field.data and normalize(field.data)[0] is None:
            raise ValidationError("Enter a phone number we can call, like (617) 555-0100 or +1 617 555 0100.")


class ImportForm(FlaskForm):
    archive = FileField("HSDS directory (.zip of CSV files)", validators=[
        FileRequired("Choose the .zip file to import."),
        FileAllowed(["zip"], "Upload a .zip file of the HSDS CSV files."),
    ])
    dry_run = BooleanField("Only check the file; change nothing")
