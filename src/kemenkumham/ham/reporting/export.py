"""What an export of a period's reports holds: only what the exporting user may read.

Two tables: one line per report and indicator ("per indicator, per partner"), and one line per
report (its result). A report is included only when the user may View it (drafts are the
partner's own); scores, totals and predicates only where the user may read that report's
scores. Nothing else about people: no member names or addresses, only what the report holds.
"""

from AccessControl import getSecurityManager
from dataclasses import dataclass
from kemenkumham.ham import _
from kemenkumham.ham.reporting.completeness import STATE_TITLES
from kemenkumham.ham.reporting.presentation import may_see_scores
from kemenkumham.ham.reporting.presentation import partner_of
from kemenkumham.ham.reporting.rows import ACCEPTED
from kemenkumham.ham.reporting.rows import NEEDS_REVISION
from kemenkumham.ham.reporting.rows import ordered_rows
from kemenkumham.ham.vocabularies import Measurements
from kemenkumham.ham.vocabularies import region_names
from plone import api
from zope.i18n import translate


ROW_COLUMNS = (
    _("column_partner", default="Partner"),
    _("column_province", default="Province"),
    _("column_regency", default="Regency/city"),
    _("column_report_state", default="Report state"),
    _("column_indicator_code", default="Indicator code"),
    _("column_indicator", default="Indicator"),
    _("column_measurement", default="Measurement"),
    _("column_value", default="Value"),
    _("column_note", default="Note"),
    _("column_evidence", default="Evidence files"),
    _("column_verification", default="Verification"),
    _("column_remark", default="Verifier's remark"),
    _("column_score", default="Score"),
)

REPORT_COLUMNS = (
    _("column_partner", default="Partner"),
    _("column_province", default="Province"),
    _("column_regency", default="Regency/city"),
    _("column_report_state", default="Report state"),
    _("column_total_score", default="Total score"),
    _("column_predicate", default="Predicate"),
    _("column_finalised", default="Finalised on"),
)

STATUS_TITLES = {
    ACCEPTED: _("row_status_accepted", default="Accepted"),
    NEEDS_REVISION: _("Needs revision"),
}

VALUE_TITLES = {
    True: _("value_yes", default="Yes"),
    False: _("value_no", default="No"),
    "ada": _("value_ada", default="Exists"),
    "proses": _("value_proses", default="In progress"),
    "tidak": _("value_tidak", default="None"),
}

MEASUREMENT_TITLES = dict(Measurements.terms)


@dataclass(frozen=True)
class Table:
    title: str
    header: list
    lines: list  # cells: str, float or None


def readable_reports(period):
    """The period's reports the current user may View, by partner title.

    The catalog search is the user's own (it finds only what the user may view); each report
    is checked again on the object, so a stale catalog entry cannot leak one.
    """
    catalog = api.portal.get_tool("portal_catalog")
    checker = getSecurityManager()
    found = []
    for brain in catalog.searchResults(
        portal_type="IndicatorReport",
        path={"query": "/".join(period.getPhysicalPath()), "depth": 1},
    ):
        report = brain.getObject()
        if checker.checkPermission("View", report):
            partner = partner_of(report)
            found.append((partner.Title() if partner is not None else "", report, partner))
    found.sort(key=lambda item: (item[0].lower(), item[1].getId()))
    return [(report, partner) for _title, report, partner in found]


def period_export(period, request):
    """(per-indicator table, per-report table) of the period for the current user."""

    def tr(message):
        return translate(message, context=request) if message is not None else None

    row_lines, report_lines = [], []
    for report, partner in readable_reports(period):
        show_scores = may_see_scores(report)
        province, regency = region_names(partner) if partner is not None else ("", "")
        state = api.content.get_state(report, default="")
        head = [
            partner.Title() if partner is not None else "",
            province,
            regency,
            tr(STATE_TITLES.get(state)) or state,
        ]
        for rule, row in ordered_rows(report):
            row_lines.append(
                [
                    *head,
                    rule.code,
                    rule.title,
                    tr(MEASUREMENT_TITLES.get(rule.measurement)) or rule.measurement,
                    _value(row.get("value"), tr),
                    row.get("note") or "",
                    "; ".join(entry["file"].filename for entry in row.get("evidence") or ()),
                    tr(STATUS_TITLES.get(row.get("status"))) or "",
                    row.get("remark") or "",
                    row.get("score") if show_scores else None,
                ]
            )
        report_lines.append(
            [
                *head,
                report.total_score if show_scores else None,
                (report.predicate or "") if show_scores else "",
                report.finalised.isoformat() if report.finalised else "",
            ]
        )
    rows = Table(
        title=tr(_("export_sheet_indicators", default="Indicators")),
        header=[tr(column) for column in ROW_COLUMNS],
        lines=row_lines,
    )
    reports = Table(
        title=tr(_("export_sheet_reports", default="Reports")),
        header=[tr(column) for column in REPORT_COLUMNS],
        lines=report_lines,
    )
    return rows, reports


def _value(value, tr):
    if value is None:
        return None
    # By type: 1.0 == True, so a number must never be looked up as a yes/no.
    if isinstance(value, bool) or (isinstance(value, str) and value in VALUE_TITLES):
        return tr(VALUE_TITLES[value])
    return value


def export_filename(period, extension):
    """laporan-kkp-ham-2024.csv: the programme's and the period's ids."""
    return f"laporan-{period.aq_parent.getId()}-{period.getId()}.{extension}"
