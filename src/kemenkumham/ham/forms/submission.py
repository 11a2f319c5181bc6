"""What the action "Save as indicator report" does with one submission of its form.

Everything is checked before anything is written: who submits (a logged-in member of one
partner organisation), where (the linked period, or the programme's period open today, inside
its submission window), into what (the partner's report: opened now, or still in draft or
revision) and every field (the indicator's value, notes, evidence files; see mapping.py).
A refusal names the field or says what is wrong with the whole submission; the request's
transaction is then doomed, so nothing of it is stored, not even what an earlier action of the
same form wrote. With "submit after saving", a refused submit transition (outside the window,
report incomplete) refuses the whole request too: the draft stays as it was before.
"""

from collective.easyform.api import get_context
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.forms.links import linked_period
from kemenkumham.ham.forms.links import linked_programme
from kemenkumham.ham.forms.mapping import carries_value
from kemenkumham.ham.forms.mapping import EVIDENCE
from kemenkumham.ham.forms.mapping import is_file
from kemenkumham.ham.forms.mapping import NOTE
from kemenkumham.ham.forms.mapping import raw_value
from kemenkumham.ham.forms.mapping import SELF_ASSESSMENT
from kemenkumham.ham.forms.mapping import target_of
from kemenkumham.ham.forms.mapping import upload_of
from kemenkumham.ham.forms.mapping import VALUE
from kemenkumham.ham.permissions import ADD_REPORT
from kemenkumham.ham.reporting.evidence import check_file
from kemenkumham.ham.reporting.reports import check_can_open
from kemenkumham.ham.reporting.reports import check_resubmission_window
from kemenkumham.ham.reporting.reports import check_submission_window
from kemenkumham.ham.reporting.reports import is_office_staff
from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.reports import partners_of_user
from kemenkumham.ham.reporting.reports import report_of
from kemenkumham.ham.reporting.reports import submission_open
from kemenkumham.ham.reporting.rows import current_actor
from kemenkumham.ham.reporting.rows import MAX_TEXT
from kemenkumham.ham.reporting.rows import PARTNER_FIELDS
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.reporting.values import parse_value
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import transaction


EDITABLE_STATES = ("draft", "revision")
MODIFY = "Modify portal content"


class Refused(Exception):
    """The submission is refused; errors maps field ids (or the whole form) to messages."""

    def __init__(self, message=None, errors=None):
        super().__init__(message)
        self.message = message
        self.field_errors = errors or {}

    def as_form_errors(self, request):
        """easyform's error dict: a message per field, and all of them above the form."""
        errors = {name: translate(msg, context=request) for name, msg in self.field_errors.items()}
        summary = [translate(self.message, context=request)] if self.message else []
        summary.extend(errors.values())
        errors[FORM_ERROR_MARKER] = " ".join(summary)
        return errors


def store_submission(action, fields, request):
    """easyform's onSuccess: None when stored, else {field id: message} shown on the form."""
    try:
        report = _store(action, fields)
    except Refused as refusal:
        transaction.doom()
        # The form is shown again with the messages; the status says it was refused (as REST).
        request.response.setStatus(400)
        return refusal.as_form_errors(request)
    _confirm(action, report, request)
    return None


def _store(action, fields):
    if api.user.is_anonymous():
        raise Refused(
            _(
                "error_form_login_first",
                default="Log in first: only logged-in partners can submit this report form.",
            )
        )
    programme = linked_programme(action)
    if programme is None:
        raise Refused(
            _(
                "error_form_not_linked",
                default="This form is not linked to a programme; please tell the office.",
            )
        )
    partner = _partner()
    period = _period(action, programme, partner)
    report = report_of(period, partner)
    # A report sent back for revision may be answered until the verification deadline.
    in_revision = report is not None and api.content.get_state(report) == "revision"
    window = check_resubmission_window if in_revision else check_submission_window
    _check(window, period, skip=is_office_staff())
    if report is None:
        _check_may_open(period, partner)
    else:
        _check_editable(report, partner, period)
    entries, self_assessment = _entries(get_schema(get_context(action)), fields, period, report)
    opened = report is None
    if opened:
        report = _check(open_report, period, partner)
    # A report opened just now is the partner's draft: its opener fills the partner's fields.
    _check(
        update_rows,
        report,
        entries,
        actor=current_actor(),
        fields=PARTNER_FIELDS if opened else None,
    )
    if self_assessment is not None:
        report.self_assessment = self_assessment
    if action.submit_after_saving:
        try:
            api.portal.get_tool("portal_workflow").doActionFor(report, "submit")
        except WorkflowException as error:
            raise Refused(str(error)) from None
    return report


def _check(function, *args, skip=False, **kwargs):
    """Call a check of the reporting engine; its FieldError refuses the submission."""
    if skip:
        return None
    try:
        return function(*args, **kwargs)
    except FieldError as error:
        raise Refused(error.doc()) from None


def _partner():
    partners = partners_of_user()
    if not partners:
        raise Refused(
            _(
                "error_form_not_a_partner",
                default="Only members of a partner organisation can submit this report form.",
            )
        )
    if len(partners) > 1:
        raise Refused(
            _(
                "error_form_several_partners",
                default="You belong to several organisations (${partners}): open your "
                "organisation's report from the period page instead.",
                mapping={"partners": ", ".join(partner.Title() for partner in partners)},
            )
        )
    return partners[0]


def periods_of(programme):
    return [obj for obj in programme.objectValues() if IReportingPeriod.providedBy(obj)]


def period_for(action, programme, partner):
    """The linked period, or the programme's period open today (the partner's own first).

    None when the linked period is gone or no period is open today.
    """
    if action.period:
        period = linked_period(action)
        return period if period is not None and period.aq_parent == programme else None
    day = today()
    open_now = [period for period in periods_of(programme) if submission_open(period, day)]
    open_now.sort(
        key=lambda period: (report_of(period, partner) is None, period.submission_deadline)
    )
    return open_now[0] if open_now else None


def _period(action, programme, partner):
    period = period_for(action, programme, partner)
    if period is not None:
        return period
    if action.period:
        raise Refused(
            _(
                "error_form_period_missing",
                default="The period this form is linked to no longer exists in ${programme}; "
                "please tell the office.",
                mapping={"programme": programme.Title()},
            )
        )
    windows = "; ".join(
        f"{period.Title()}: {period.opens.isoformat()} – {period.submission_deadline.isoformat()}"
        for period in sorted(periods_of(programme), key=lambda period: period.opens)
        if period.opens and period.submission_deadline
    )
    raise Refused(
        _(
            "error_form_no_open_period",
            default="No period of ${programme} is open for reports today (${today}). "
            "Periods: ${windows}.",
            mapping={
                "programme": programme.Title(),
                "today": today().isoformat(),
                "windows": windows or "–",
            },
        )
    )


def _check_may_open(period, partner):
    if not api.user.has_permission(ADD_REPORT, obj=period):
        raise Refused(
            _(
                "error_form_period_not_open_to_partner",
                default="${partner} cannot open a report in period ${period}: the period is "
                "not published, or does not expect a report from it.",
                mapping={"partner": partner.Title(), "period": period.Title()},
            )
        )
    _check(check_can_open, period, partner)


def _check_editable(report, partner, period):
    state = api.content.get_state(report)
    if state not in EDITABLE_STATES or not api.user.has_permission(MODIFY, obj=report):
        workflow_tool = api.portal.get_tool("portal_workflow")
        title = workflow_tool.getTitleForStateOnType(state, report.portal_type)
        raise Refused(
            _(
                "error_form_report_already_submitted",
                default="The report of ${partner} for period ${period} has already been "
                "submitted (${state}): it can no longer be changed through this form.",
                mapping={
                    "partner": partner.Title(),
                    "period": period.Title(),
                    "state": translate(
                        title, domain="kemenkumham.ham", context=api.env.getRequest()
                    ),
                },
            )
        )


def _entries(schema, fields, period, report):
    """({code: {row field: value}}, self-assessment or None); Refused names each bad field."""
    rules = rules_of(period)
    entries, uploads, errors = {}, {}, {}
    self_assessment = None
    for name, value in fields.items():
        field = schema.get(name)
        if field is None or not carries_value(field):
            continue
        target = target_of(name, rules)
        if target is None:
            errors[name] = _(
                "error_form_field_unknown",
                default="Field '${field}' matches no indicator of this period's report.",
                mapping={"field": name},
            )
            continue
        try:
            if target.kind == SELF_ASSESSMENT:
                self_assessment = _text(name, value)
            elif target.kind == NOTE:
                entries.setdefault(target.code, {})["note"] = _text(name, value)
            elif target.kind == VALUE:
                entries.setdefault(target.code, {})["value"] = _value(rules, target.code, value)
            elif target.kind == EVIDENCE and value is not None:
                uploads.setdefault(target.code, []).append(_upload(target.code, value))
        except FieldError as error:
            errors[name] = error.doc()
    if errors:
        raise Refused(
            _("error_form_not_saved", default="Nothing was saved:"),
            errors=errors,
        )
    for code, new_files in uploads.items():
        kept = []
        if report is not None and report.rows and code in report.rows:
            kept = [{"id": entry["id"]} for entry in report.rows[code].get("evidence") or ()]
        entries.setdefault(code, {})["evidence"] = kept + new_files
    return entries, self_assessment


def _value(rules, code, value):
    if is_file(value):
        raise FieldError(
            _(
                "error_form_value_not_file",
                default="Indicator ${code}: give a value here, not a file.",
                mapping={"code": code},
            )
        )
    raw = raw_value(value)
    parse_value(rules.indicator(code), raw)  # refuses now, naming the indicator
    return raw


def _text(name, value):
    text = (raw_value(value) or "").strip()
    if len(text) > MAX_TEXT:
        raise FieldError(
            _(
                "error_form_text_too_long",
                default="Field '${field}' is longer than ${limit} characters.",
                mapping={"field": name, "limit": MAX_TEXT},
            )
        )
    return text


def _upload(code, value):
    if not is_file(value):
        raise FieldError(
            _(
                "error_form_evidence_not_file",
                default="Indicator ${code}: upload the evidence as a file.",
                mapping={"code": code},
            )
        )
    upload = upload_of(value)
    check_file(code, upload["filename"], upload["data"])
    return upload


def _confirm(action, report, request):
    """Tell the partner where the report is, and take them there."""
    state = api.content.get_state(report)
    if state == "submitted":
        message = _(
            "info_form_report_submitted",
            default="Your report '${title}' was saved and submitted for verification.",
            mapping={"title": report.Title()},
        )
    else:
        message = _(
            "info_form_report_saved",
            default="Your answers were saved in the report '${title}' (draft). Check it here "
            "and submit it when it is complete; you can also come back to the form later.",
            mapping={"title": report.Title()},
        )
    IStatusMessage(request).add(translate(message, context=request), type="info")
    request.response.redirect(report.absolute_url())
