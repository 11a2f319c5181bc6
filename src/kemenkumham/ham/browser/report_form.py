"""The report page's rows form: HTML field names to row changes, and row values to inputs.

Each input is named `row.<field>.<indicator code>`: value, note, status, remark, score as the
engine names them (reporting.rows), plus `files` (new evidence uploads) and `remove` (ids of
evidence files to drop). Unknown fields and codes are passed on, so the engine refuses them with
its own message naming the row.
"""

from kemenkumham.ham import _
from plone.namedfile.utils import safe_basename

import re


PREFIX = "row."
UPLOADS = "files"
REMOVALS = "remove"
FIELDS = ("value", "note", UPLOADS, REMOVALS, "status", "remark", "score")

MEASUREMENT_OPTIONS = {
    "yes_no": (
        ("ya", _("option_yes", default="Yes")),
        ("tidak", _("option_no", default="No")),
    ),
    "ada_proses_tidak": (
        ("ada", _("option_ada", default="Exists")),
        ("proses", _("option_proses", default="In progress")),
        ("tidak", _("option_tidak", default="None")),
    ),
}
STATUS_TITLES = {
    "accepted": _("status_accepted", default="Accepted"),
    "needs_revision": _("status_needs_revision", default="Needs revision"),
}
UNCHECKED = _("status_unchecked", default="Not checked yet")


def field_name(field, code):
    return f"{PREFIX}{field}.{code}"


def html_id(field, index, code):
    """An id safe in CSS selectors and unique per row (codes may contain dots)."""
    return f"{field}-{index}-{re.sub(r'[^A-Za-z0-9_-]', '-', code)}"


def _as_list(raw):
    return list(raw) if isinstance(raw, list | tuple) else [raw]


def _is_upload(item):
    return bool(getattr(item, "filename", None)) and hasattr(item, "read")


def entries_from_form(form, report):
    """{code: {field: value}} for reporting.rows.update_rows, from the submitted form."""
    entries, removals, uploads = {}, {}, {}
    for key, raw in form.items():
        if not key.startswith(PREFIX):
            continue
        field, _sep, code = key[len(PREFIX) :].partition(".")
        if not code:
            continue
        if field == REMOVALS:
            removals[code] = {str(item) for item in _as_list(raw)}
        elif field == UPLOADS:
            files = [item for item in _as_list(raw) if _is_upload(item)]
            if files:
                uploads[code] = files
        else:
            entries.setdefault(code, {})[field] = raw
    rows = getattr(report, "rows", None) or {}
    for code in set(removals) | set(uploads):
        existing = rows[code].get("evidence") or () if code in rows else ()
        kept = [{"id": e["id"]} for e in existing if e["id"] not in removals.get(code, ())]
        added = [_upload(item) for item in uploads.get(code, ())]
        if len(kept) == len(existing) and not added:
            continue  # nothing removed that exists, nothing added
        entries.setdefault(code, {})["evidence"] = kept + added
    return entries


def _upload(item):
    item.seek(0)
    headers = getattr(item, "headers", None) or {}
    return {
        "data": item.read(),
        "filename": safe_basename(item.filename),
        "content-type": headers.get("content-type") or None,
    }


def input_value(measurement, value):
    """A stored value as the string an input or select of its measurement holds."""
    if value is None:
        return ""
    if measurement == "yes_no":
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def display_value(measurement, value):
    """A stored value for reading: a translatable option title or the number."""
    text = input_value(measurement, value)
    for token, title in MEASUREMENT_OPTIONS.get(measurement, ()):
        if token == text:
            return title
    return text


def score_text(score):
    return "" if score is None else input_value("number", float(score))
