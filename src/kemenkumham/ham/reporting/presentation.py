"""A report as plain data, for REST, the report page and exports: only what the user may read."""

from AccessControl import getSecurityManager
from dataclasses import asdict
from kemenkumham.ham.permissions import VIEW_REPORT_SCORES
from kemenkumham.ham.reporting.evidence import evidence_info
from kemenkumham.ham.reporting.history import history_info
from kemenkumham.ham.reporting.history import last_step
from kemenkumham.ham.reporting.rows import ordered_rows
from kemenkumham.ham.reporting.rows import writable_fields
from plone.app.uuid.utils import uuidToObject


VIEW_SCORES = VIEW_REPORT_SCORES


def may_see_scores(report):
    return bool(getSecurityManager().checkPermission(VIEW_SCORES, report))


def partner_of(report):
    return uuidToObject(report.partner_uid, unrestricted=True) if report.partner_uid else None


def previous_remarks(report):
    """The remarks of the last request for revision, per indicator code."""
    step = last_step(report, "request_revision")
    if step is None:
        return {}
    return {code: row.get("remark") for code, row in step["rows"].items() if row.get("remark")}


def report_data(report):
    url = report.absolute_url()
    show_scores = may_see_scores(report)
    remarks = previous_remarks(report)
    indicators, rows = [], {}
    for rule, row in ordered_rows(report):
        indicators.append(asdict(rule))
        data = {
            "value": row.get("value"),
            "note": row.get("note") or "",
            "evidence": [evidence_info(entry, url) for entry in row.get("evidence") or ()],
            "status": row.get("status"),
            "remark": row.get("remark") or "",
            "previous_remark": remarks.get(rule.code, ""),
        }
        if show_scores:
            data["score"] = row.get("score")
        rows[rule.code] = data
    partner = partner_of(report)
    history = history_info(report, url)
    if not show_scores:
        for step in history:
            step.pop("total_score", None)
            step.pop("predicate", None)
            for row in step["rows"].values():
                row.pop("score", None)
    result = {
        "partner": {
            "UID": report.partner_uid,
            "title": partner.Title() if partner is not None else "",
            "province": getattr(partner, "province", None),
            "regency": getattr(partner, "regency", None),
        },
        "indicators": indicators,
        "rows": rows,
        "writable_row_fields": writable_fields(report),
        "history": history,
        "finalised": report.finalised.isoformat() if report.finalised else None,
    }
    if show_scores:
        result["total_score"] = report.total_score
        result["predicate"] = report.predicate
    return result
