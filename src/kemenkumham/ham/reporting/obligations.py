"""What a logged-in partner must report: per partner of the user and period, state and due date.

A period counts while it is published and open, opens later, or closed less than
RECENT_DAYS ago (a report sent back for revision, results to follow), and the partner is
expected there (for P2HAM: once its pledge is declared) or already has a report there. The
same data feeds @ham-obligations (REST, schema Obligations in docs/openapi.yaml) and the page
@@my-reports.
"""

from datetime import timedelta
from kemenkumham.ham.clock import today
from kemenkumham.ham.reporting.access import expected_partners
from kemenkumham.ham.reporting.completeness import report_states
from kemenkumham.ham.reporting.completeness import state_of
from kemenkumham.ham.reporting.completeness import TO_DO_STATES
from kemenkumham.ham.reporting.reports import may_start
from kemenkumham.ham.reporting.reports import partners_of_user
from kemenkumham.ham.reporting.reports import submission_open
from plone import api


RECENT_DAYS = 60


def partner_ref(partner):
    return {
        "@id": partner.absolute_url(),
        "UID": api.content.get_uuid(partner),
        "title": partner.Title(),
        "kind": getattr(partner, "kind", None),
        "province": getattr(partner, "province", None),
        "regency": getattr(partner, "regency", None),
    }


def current_periods(day):
    """Published periods open now, opening later, or closed less than RECENT_DAYS ago."""
    catalog = api.portal.get_tool("portal_catalog")
    periods = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="ReportingPeriod", review_state="published"
    ):
        period = brain._unrestrictedGetObject()
        deadline = period.submission_deadline
        if deadline is not None and deadline > day - timedelta(days=RECENT_DAYS):
            periods.append(period)
    return periods


def period_info(period, day):
    deadline = period.submission_deadline
    return {
        "@id": period.absolute_url(),
        "id": period.getId(),
        "title": period.Title(),
        "opens": period.opens.isoformat(),
        "submission_deadline": deadline.isoformat(),
        "verification_deadline": period.verification_deadline.isoformat(),
        "window_open": submission_open(period, day),
        "days_left": (deadline - day).days if day <= deadline else None,
    }


def obligations(user=None, on=None):
    """{"partners": [...], "items": [...]} for the user (the current one by default)."""
    day = on or today()
    partners = partners_of_user(user)
    items = []
    if partners:
        for period in current_periods(day):
            items.extend(_period_items(period, partners, day))
    items.sort(
        key=lambda item: (
            item["due"],
            item["programme"]["title"],
            item["period"]["title"],
            item["partner"]["title"],
        )
    )
    return {"partners": [partner_ref(partner) for partner in partners], "items": items}


def _period_items(period, partners, day):
    reports = report_states(period)
    expected = {api.content.get_uuid(partner) for partner in expected_partners(period)}
    programme = period.aq_parent
    info = None
    for partner in partners:
        uid = api.content.get_uuid(partner)
        brain = reports.get(uid)
        if brain is None and (uid not in expected or not may_start(period, partner)):
            continue
        info = info or period_info(period, day)
        state = state_of(brain)
        yield {
            "programme": {
                "@id": programme.absolute_url(),
                "UID": api.content.get_uuid(programme),
                "id": programme.getId(),
                "title": programme.Title(),
            },
            "period": info,
            "partner": partner_ref(partner),
            # The partner's members may always view their own report (PartnerMember).
            "report": (
                {"@id": brain.getURL(), "title": brain.Title, "review_state": brain.review_state}
                if brain is not None
                else None
            ),
            "state": state,
            "due": info["submission_deadline"],
            "action_needed": state in TO_DO_STATES and day <= period.submission_deadline,
        }
