"""Who has reported in a period: one entry per expected partner, and per partner with a report.

Knowing a report's state is not reading it: editors see that a partner is still in draft even
though they may not open drafts. So states come from unrestricted catalog lookups of the
metadata review_state and ham_partner only; whether a report may be opened is the caller's
concern (the view links only to reports the user may view).
"""

from dataclasses import dataclass
from kemenkumham.ham import _
from kemenkumham.ham.reporting.access import expected_partners
from kemenkumham.ham.reporting.reports import report_brains
from kemenkumham.ham.vocabularies import region_names
from plone import api
from plone.app.uuid.utils import uuidToObject


NOT_STARTED = "not_started"
STATES = (NOT_STARTED, "draft", "submitted", "revision", "verified", "assessed", "final")
# The partner has something to do while its report is in one of these states.
TO_DO_STATES = (NOT_STARTED, "draft", "revision")
# The workflow's own state titles (ham_report_workflow) and one for a report not yet opened.
STATE_TITLES = {
    NOT_STARTED: _("state_not_started", default="Not started"),
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "revision": _("Needs revision"),
    "verified": _("Verified"),
    "assessed": _("Assessed"),
    "final": _("Final"),
}


@dataclass(frozen=True)
class Entry:
    partner_uid: str
    partner_title: str
    partner_url: str
    province: str  # names, for people; the codes stay on the partner
    regency: str
    expected: bool
    state: str
    report_uid: str | None = None
    report_url: str | None = None
    report_path: str | None = None
    modified: object = None  # DateTime of the report's last change


@dataclass(frozen=True)
class Completeness:
    entries: tuple
    counts: dict  # state -> number of partners, every state present

    def by_state(self, state):
        return [entry for entry in self.entries if entry.state == state]


def report_states(period):
    """{partner UID: catalog brain of its report} for the period."""
    return {brain.ham_partner: brain for brain in report_brains(period) if brain.ham_partner}


def state_of(brain):
    return brain.review_state if brain is not None else NOT_STARTED


def completeness(period):
    """Expected partners by title, then partners that report without being expected."""
    reports = report_states(period)
    entries = []
    seen = set()
    for partner in expected_partners(period):
        uid = api.content.get_uuid(partner)
        seen.add(uid)
        entries.append(_entry(partner, uid, reports.get(uid), expected=True))
    extra = []
    for uid, brain in reports.items():
        if uid in seen:
            continue
        partner = uuidToObject(uid, unrestricted=True)
        extra.append(_entry(partner, uid, brain, expected=False))
    entries.extend(sorted(extra, key=lambda entry: entry.partner_title))
    counts = dict.fromkeys(STATES, 0)
    for entry in entries:
        counts[entry.state] = counts.get(entry.state, 0) + 1
    return Completeness(entries=tuple(entries), counts=counts)


def _entry(partner, uid, brain, expected):
    province, regency = region_names(partner) if partner is not None else ("", "")
    return Entry(
        partner_uid=uid,
        partner_title=partner.Title() if partner is not None else uid,
        partner_url=partner.absolute_url() if partner is not None else "",
        province=province,
        regency=regency,
        expected=expected,
        state=state_of(brain),
        report_uid=brain.UID if brain is not None else None,
        report_url=brain.getURL() if brain is not None else None,
        report_path=brain.getPath() if brain is not None else None,
        modified=brain.modified if brain is not None else None,
    )
