"""The reports page for supervisors and admins, its charts as SVG files and its tables as CSV.

Every URL takes the same query: `start` and `end` (dates, inclusive, in the program's time
zone; the last 30 days when both are left out) and `chw` (a CHW's id, or empty for everyone).
"""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import Response, abort, current_app, render_template, request
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, ValidationError

from casework.sla import SlaPolicy
from dashboard.auth import audit_request, role_required
from dashboard.home import dashboard_bp
from models.base import db
from models.clock import now
from reports.charts import CHARTS, report_chart
from reports.figures.staff import chw_choices
from reports.period import EARLIEST, LATEST, Period
from reports.report import Report, build_report
from reports.tables import csv_bytes, duration, percent, report_tables

ALL_CHWS = "All CHWs"


class ReportForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    start = DateField("From", validators=[DataRequired("Enter the first day of the report, like 2026-03-01.")])
    end = DateField("To", validators=[DataRequired("Enter the last day of the report, like 2026-03-31.")])
    chw = SelectField("CHW", validate_choice=False)

    def validate_start(self, field) -> None:
        if not EARLIEST <= field.data <= LATEST:
            raise ValidationError(f"Choose a first day between {EARLIEST.year} and {LATEST.year}.")

    def validate_end(self, field) -> None:
        if not EARLIEST <= field.data <= LATEST:
            raise ValidationError(f"Choose a last day between {EARLIEST.year} and {LATEST.year}.")
        if self.start.data and field.data < self.start.data:
            raise ValidationError("The last day must be on or after the first day.")

    def validate_chw(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Choose a CHW from the list, or All CHWs.")


def _form() -> tuple[ReportForm, Period | None]:
    """The filter as the request gives it (defaults when it gives none) and its period, or None if invalid."""
    tz = ZoneInfo(current_app.config.get("DEFAULT_TIMEZONE", "America/New_York"))
    default = Period.ending(now().astimezone(tz).date(), tz)
    given = any(request.args.get(k) for k in ("start", "end"))
    form = ReportForm(request.args if given else None, start=default.first, end=default.last,
                      chw=request.args.get("chw", ""))
    form.chw.choices = [SelectChoice("", ALL_CHWS)] + [
        SelectChoice(str(u.id), u.display_name + ("" if u.active else " (inactive)")) for u in chw_choices(db.session)]
    if not form.validate():
        return form, None
    return form, Period(form.start.data, form.end.data, tz)


def _report(form: ReportForm, period: Period) -> Report:
    return build_report(
        db.session, period.start, period.end, int(form.chw.data) if form.chw.data else None, now=now(),
        policy=SlaPolicy.from_config(current_app.config),
        segment_cost=Decimal(current_app.config.get("SMS_SEGMENT_COST", "0.0079")),
    )


@dashboard_bp.route("/reports")
@role_required("supervisor", "admin")
def reports():
    form, period = _form()
    report = tables = charts = None
    if period is not None:
        report = _report(form, period)
        tables = report_tables(report)
        charts = {name: report_chart(report, name, period.text) for name in CHARTS}
    audit_request("view_reports", "report", "page")
    db.session.commit()
    chw_name = next((c.label for c in form.chw.choices if c.value == (form.chw.data or "")), ALL_CHWS)
    return render_template("dashboard/reports.html", form=form, period=period, report=report, tables=tables,
                           charts=charts, chw_name=chw_name, query=_query(form), percent=percent,
                           duration=duration)


@dashboard_bp.route("/reports/<name>.csv")
@role_required("supervisor", "admin")
def report_csv(name: str):
    form, period = _form()
    if period is None:
        return _bad_filter(form)
    tables = report_tables(_report(form, period))
    if name not in tables:
        abort(404)
    audit_request("download_report", "report", f"{name}.csv")
    db.session.commit()
    return _download(csv_bytes(tables[name]), "text/csv; charset=utf-8", _filename(name, form, period, "csv"))


@dashboard_bp.route("/reports/<name>.svg")
@role_required("supervisor", "admin")
def report_svg(name: str):
    if name not in CHARTS:
        abort(404)
    form, period = _form()
    if period is None:
        return _bad_filter(form)
    svg = report_chart(_report(form, period), name, period.text, standalone=True)
    audit_request("download_report", "report", f"{name}.svg")
    db.session.commit()
    return _download(str(svg).encode(), "image/svg+xml", _filename(name, form, period, "svg"))


def _query(form: ReportForm) -> dict[str, str]:
    """The filter as URL parameters, for the download links."""
    if form.errors:
        return {}
    return {"start": form.start.data.isoformat(), "end": form.end.data.isoformat(), "chw": form.chw.data or ""}


def _filename(name: str, form: ReportForm, period: Period, ext: str) -> str:
    who = f"_chw-{form.chw.data}" if form.chw.data else ""
    return f"enlace-{name}_{period.slug}{who}.{ext}"


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _bad_filter(form: ReportForm) -> Response:
    problems = "\n".join(f"{field}: {errors[0]}" for field, errors in form.errors.items())
    return Response(problems + "\n", status=400, mimetype="text/plain")
