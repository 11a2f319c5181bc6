"""Opening a partner's report for a period, and filling its rows.

A report holds one row per indicator of its period's frozen rules: the partner's value and note,
and later the verifier's status and remark and the assessor's score. Rows are keyed by
indicator code.
"""

from datetime import date
from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.content.indicator_report import IIndicatorReport
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.rules import freeze_rules
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.reporting.values import parse_value
from persistent.mapping import PersistentMapping
from plone import api


ROW_FIELDS = ("value", "note")


def report_of(period, partner):
    """The partner's report in the period, or None."""
    uid = api.content.get_uuid(partner)
    for obj in period.objectValues():
        if IIndicatorReport.providedBy(obj) and obj.partner_uid == uid:
            return obj
    return None


def has_declared_pledge(partner):
    uid = api.content.get_uuid(partner)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Pledge", review_state="declared"):
        relation = getattr(brain._unrestrictedGetObject(), "partner", None)
        declared_for = relation.to_object if relation is not None else None
        if declared_for is not None and api.content.get_uuid(declared_for) == uid:
            return True
    return False


def open_report(period, partner):
    """Create the partner's report with one row per indicator; refuse a second one."""
    if report_of(period, partner) is not None:
        raise FieldError(
            _(
                "error_report_exists",
                default="${partner} already has a report for period ${period}.",
                mapping={"partner": partner.Title(), "period": period.Title()},
            )
        )
    programme = period.aq_parent
    if programme.code == "P2HAM" and not has_declared_pledge(partner):
        raise FieldError(
            _(
                "error_pledge_required",
                default="${partner} can report under P2HAM only after its pledge is declared.",
                mapping={"partner": partner.Title()},
            )
        )
    rules = freeze_rules(period)
    with api.env.adopt_roles(["Manager"]):
        report = api.content.create(
            container=period,
            type="IndicatorReport",
            id=f"laporan-{partner.getId()}",
            title=f"Laporan {programme.Title()} {period.Title()}: {partner.Title()}",
            partner_uid=api.content.get_uuid(partner),
        )
    report.rows = PersistentMapping(
        {rule.code: PersistentMapping(value=None, note="") for rule in rules.indicators}
    )
    return report


def set_rows(report, entries):
    """entries: {code: {"value": ..., "note": ...}}. All are checked before any is stored."""
    rules = rules_of(report.aq_parent)
    checked = {}
    for code, entry in entries.items():
        rule = rules.indicator(code)
        if rule is None:
            raise FieldError(
                _(
                    "error_unknown_indicator",
                    default="Indicator ${code} is not part of this period's report.",
                    mapping={"code": code},
                )
            )
        unknown = set(entry) - set(ROW_FIELDS)
        if unknown:
            raise FieldError(
                _(
                    "error_unknown_row_field",
                    default="Indicator ${code}: unknown field ${fields}.",
                    mapping={"code": code, "fields": ", ".join(sorted(unknown))},
                )
            )
        checked[code] = {
            "value": parse_value(rule, entry.get("value")),
            "note": str(entry.get("note") or "").strip(),
        }
    for code, values in checked.items():
        report.rows[code].update(values)
    report.reindexObject()


def check_submission_window(period, on=None):
    """Refuse a submission before the period opens or after its deadline, with the dates."""
    day = on or today()
    if period.opens <= day <= period.submission_deadline:
        return
    raise FieldError(
        _(
            "error_outside_submission_window",
            default="Submission is possible from ${opens} to ${deadline} (today is ${today}).",
            mapping={
                "opens": period.opens.isoformat(),
                "deadline": period.submission_deadline.isoformat(),
                "today": day.isoformat() if isinstance(day, date) else str(day),
            },
        )
    )
