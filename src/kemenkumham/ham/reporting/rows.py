"""The rows of a report: one per indicator of the period's frozen rules.

Each row holds what three roles write, and each role writes only its own part, only while the
workflow gives it the permission:

- the partner (Modify portal content, in draft and revision): value, note, evidence files;
- the verifier (Verify report, in submitted): status (accepted / needs revision) and remark;
- the assessor (Assess report, in verified): score.

Every change is checked whole before anything is stored: one bad row leaves all rows as they were.
"""

from AccessControl import getSecurityManager
from kemenkumham.ham import _
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import ASSESS_REPORT
from kemenkumham.ham.permissions import VERIFY_REPORT
from kemenkumham.ham.reporting.evidence import new_evidence
from kemenkumham.ham.reporting.rules import freeze_rules
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.reporting.values import parse_value
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api


PARTNER_FIELDS = ("value", "note", "evidence")
CHECK_FIELDS = ("status", "remark")
SCORE_FIELDS = ("score",)
ROW_FIELDS = PARTNER_FIELDS + CHECK_FIELDS + SCORE_FIELDS

ACCEPTED = "accepted"
NEEDS_REVISION = "needs_revision"
STATUSES = (ACCEPTED, NEEDS_REVISION)

MODIFY = "Modify portal content"
VERIFY = VERIFY_REPORT
ASSESS = ASSESS_REPORT
PERMISSION_OF = {
    **dict.fromkeys(PARTNER_FIELDS, MODIFY),
    **dict.fromkeys(CHECK_FIELDS, VERIFY),
    **dict.fromkeys(SCORE_FIELDS, ASSESS),
}

MAX_TEXT = 5000


class NotAllowed(FieldError):
    """The user may not write this part of a row in the report's current state."""


def empty_row():
    return PersistentMapping(
        value=None,
        note="",
        evidence=PersistentList(),
        status=None,
        remark="",
        score=None,
    )


def ensure_rows(report):
    """Give a report one row per indicator of its period's rules (freezing them on first use)."""
    rows = getattr(report, "rows", None)
    if rows is None:
        rows = report.rows = PersistentMapping()
    rules = freeze_rules(report.aq_parent)
    for rule in rules.indicators:
        if rule.code not in rows:
            rows[rule.code] = empty_row()
        else:
            for name, value in empty_row().items():
                rows[rule.code].setdefault(name, value)
    return rows


def ordered_rows(report):
    """(rule, row) pairs in the programme's order of indicators."""
    rows = ensure_rows(report)
    return [(rule, rows[rule.code]) for rule in rules_of(report.aq_parent).indicators]


def writable_fields(report):
    """The row fields the current user may change now."""
    manager = getSecurityManager()
    return [name for name in ROW_FIELDS if manager.checkPermission(PERMISSION_OF[name], report)]


def update_rows(report, entries, actor=None, fields=None):
    """entries: {code: {field: value}}. Check every entry, then store them all.

    fields: the row fields that may be written; by default those the user's permissions on
    the report allow now. A report being opened is not stored yet: its opener fills the
    partner's fields (the checks of opening it decided who may).
    """
    if not isinstance(entries, dict):
        raise FieldError(_("error_rows_shape", default="Rows must be given per indicator code."))
    rules = rules_of(report.aq_parent)
    rows = ensure_rows(report)
    allowed = set(writable_fields(report) if fields is None else fields)
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
        if not isinstance(entry, dict):
            raise FieldError(
                _(
                    "error_row_shape",
                    default="Indicator ${code}: give the row as named fields.",
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
        refused = sorted(set(entry) - allowed)
        if refused:
            raise NotAllowed(
                _(
                    "error_row_field_not_allowed",
                    default="Indicator ${code}: you may not change ${fields} of this report "
                    "in its current state.",
                    mapping={"code": code, "fields": ", ".join(refused)},
                )
            )
        checked[code] = _checked_entry(rule, rows[code], entry, actor)
    # Evidence rules that need the whole row: a row whose remark asks for revision needs one.
    for code, values in checked.items():
        merged = {**rows[code], **values}
        if merged.get("status") == NEEDS_REVISION and not merged.get("remark"):
            raise FieldError(
                _(
                    "error_revision_needs_remark",
                    default="Indicator ${code}: say in the remark what needs revision.",
                    mapping={"code": code},
                )
            )
    for code, values in checked.items():
        rows[code].update(values)
    report.notifyModified()
    if report.getId() in report.aq_parent.objectIds():
        report.reindexObject(idxs=["modified"])
    return checked


def _checked_entry(rule, row, entry, actor):
    values = {}
    code = rule.code
    if "value" in entry:
        values["value"] = parse_value(rule, entry["value"])
    for name in ("note", "remark"):
        if name in entry:
            text = str(entry[name] or "").strip()
            if len(text) > MAX_TEXT:
                raise FieldError(
                    _(
                        "error_row_text_too_long",
                        default="Indicator ${code}: ${field} is longer than ${limit} characters.",
                        mapping={"code": code, "field": name, "limit": MAX_TEXT},
                    )
                )
            values[name] = text
    if "status" in entry:
        status = entry["status"] or None
        if status is not None and status not in STATUSES:
            raise FieldError(
                _(
                    "error_row_status",
                    default="Indicator ${code}: status must be 'accepted' or 'needs_revision'.",
                    mapping={"code": code},
                )
            )
        values["status"] = status
    if "score" in entry:
        values["score"] = parse_score(code, entry["score"])
    if "evidence" in entry:
        values["evidence"] = _checked_evidence(code, row, entry["evidence"], actor)
    return values


def parse_score(code, raw):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        score = float(str(raw).strip().replace(",", "."))
    except ValueError:
        score = None
    if score is None or not 0 <= score <= 100:
        raise FieldError(
            _(
                "error_row_score",
                default="Indicator ${code}: the score '${value}' must be a number from 0 to 100.",
                mapping={"code": code, "value": str(raw)},
            )
        )
    return score


def _checked_evidence(code, row, items, actor):
    """The new list of a row's files: kept ones by id, new ones as uploads."""
    if not isinstance(items, list | tuple):
        raise FieldError(
            _(
                "error_evidence_shape",
                default="Indicator ${code}: evidence must be a list of files.",
                mapping={"code": code},
            )
        )
    existing = {entry["id"]: entry for entry in row.get("evidence") or ()}
    result = PersistentList()
    for item in items:
        if isinstance(item, dict) and "data" not in item and item.get("id") in existing:
            result.append(existing[item["id"]])
        elif isinstance(item, dict) and "data" in item:
            result.append(
                new_evidence(
                    code,
                    item.get("filename"),
                    item["data"],
                    content_type=item.get("content-type"),
                    actor=actor,
                )
            )
        else:
            raise FieldError(
                _(
                    "error_evidence_unknown",
                    default="Indicator ${code}: evidence ${item} is neither a kept file nor "
                    "a new one.",
                    mapping={"code": code, "item": str(item)[:80]},
                )
            )
    return result


def current_actor():
    user = api.user.get_current()
    return user.getId() if user is not None else ""
