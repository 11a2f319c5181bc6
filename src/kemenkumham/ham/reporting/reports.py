"""Opening a partner's report for a period, and the period's submission window.

A report holds one row per indicator of its period's frozen rules (see rows.py). There is at
most one report per partner and period. The same checks run whichever way a report is opened:
the period page, the add form, REST or an easyform form.
"""

from AccessControl import getSecurityManager
from datetime import date
from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.content.partner import IPartnerMarker
from kemenkumham.ham.content.partner import PARTNER_GROUP_PREFIX
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import ASSIGN_REPORT_PARTNER
from kemenkumham.ham.reporting.rows import ensure_rows
from plone import api
from plone.app.uuid.utils import uuidToObject


def report_brains(period, **query):
    """Catalog entries of the period's reports, whoever asks (metadata only, no report woken)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="IndicatorReport",
        path={"query": "/".join(period.getPhysicalPath()), "depth": 1},
        **query,
    )


def report_of(period, partner):
    """The partner's report in the period, or None."""
    brains = report_brains(period, ham_partner=api.content.get_uuid(partner))
    return brains[0]._unrestrictedGetObject() if brains else None


def has_declared_pledge(partner):
    uid = api.content.get_uuid(partner)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Pledge", review_state="declared"):
        relation = getattr(brain._unrestrictedGetObject(), "partner", None)
        declared_for = relation.to_object if relation is not None else None
        if declared_for is not None and api.content.get_uuid(declared_for) == uid:
            return True
    return False


def may_start(period, partner):
    """Whether the partner may open its report here at all: P2HAM needs a declared pledge."""
    return period.aq_parent.code != "P2HAM" or has_declared_pledge(partner)


def partners_of_user(user=None):
    """The partners whose group (mitra-<id>) the user belongs to, by title."""
    user = user or api.user.get_current()
    if user is None or api.user.is_anonymous():
        return []
    groups = {
        group_id
        for group_id in (user.getGroups() or ())
        if group_id.startswith(PARTNER_GROUP_PREFIX)
    }
    if not groups:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    partners = []
    for brain in catalog.unrestrictedSearchResults(object_provides=IPartnerMarker.__identifier__):
        partner = brain._unrestrictedGetObject()
        if partner.partner_group in groups:
            partners.append(partner)
    return sorted(partners, key=lambda partner: partner.Title())


def may_assign_partner(period):
    """Editors open reports for any partner; partners only for their own organisation."""
    return bool(getSecurityManager().checkPermission(ASSIGN_REPORT_PARTNER, period))


def is_office_staff(context=None):
    """Manager and Site Administrator may act outside the windows (late submissions, fixes)."""
    context = context if context is not None else api.portal.get()
    return bool(getSecurityManager().checkPermission("Manage portal", context))


def partner_for_new_report(period, partner_uid=None):
    """The partner a new report of the current user belongs to, or a FieldError saying why not."""
    if may_assign_partner(period):
        partner = uuidToObject(partner_uid, unrestricted=True) if partner_uid else None
        if partner is None or not IPartnerMarker.providedBy(partner):
            raise FieldError(
                _(
                    "error_report_partner_missing",
                    default="Partner: choose the organisation the report belongs to.",
                )
            )
        return partner
    own = partners_of_user()
    if partner_uid:
        own = [partner for partner in own if api.content.get_uuid(partner) == partner_uid]
    if len(own) == 1:
        return own[0]
    if not own:
        raise FieldError(
            _(
                "error_report_not_a_partner",
                default="Partner: you are not a member of this organisation, or of any "
                "partner organisation.",
            )
        )
    raise FieldError(
        _(
            "error_report_partner_ambiguous",
            default="Partner: you belong to several organisations (${partners}); say which one "
            "reports.",
            mapping={"partners": ", ".join(partner.Title() for partner in own)},
        )
    )


def check_can_open(period, partner, on=None):
    """Refuse a second report, a P2HAM report without a declared pledge, or a closed period."""
    if report_of(period, partner) is not None:
        raise FieldError(
            _(
                "error_report_exists",
                default="${partner} already has a report for period ${period}.",
                mapping={"partner": partner.Title(), "period": period.Title()},
            )
        )
    if not may_start(period, partner):
        raise FieldError(
            _(
                "error_pledge_required",
                default="${partner} can report under P2HAM only after its pledge is declared.",
                mapping={"partner": partner.Title()},
            )
        )
    if not is_office_staff():
        check_submission_window(period, on=on)


def report_title(period, partner):
    return f"Laporan {period.aq_parent.Title()} {period.Title()}: {partner.Title()}"


def open_report(period, partner):
    """Create the partner's report with one row per indicator; refuse a second one."""
    check_can_open(period, partner)
    with api.env.adopt_roles(["Manager"]):
        report = api.content.create(
            container=period,
            type="IndicatorReport",
            id=f"laporan-{partner.getId()}",
            title=report_title(period, partner),
            partner_uid=api.content.get_uuid(partner),
        )
    ensure_rows(report)
    return report


def submission_open(period, on=None):
    """Whether partners may open and submit reports in the period on that day (today)."""
    day = on or today()
    opens, deadline = period.opens, period.submission_deadline
    return bool(opens and deadline) and opens <= day <= deadline


def check_submission_window(period, on=None):
    """Refuse a submission before the period opens or after its deadline, with the dates."""
    day = on or today()
    if submission_open(period, day):
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


def check_resubmission_window(period, on=None):
    """A report sent back for revision may come back until the verification deadline.

    Verification runs after the submission deadline: a revision requested then must not leave
    the partner unable to answer it.
    """
    day = on or today()
    if day <= period.verification_deadline:
        return
    raise FieldError(
        _(
            "error_outside_resubmission_window",
            default="A revised report can be submitted until the verification deadline, "
            "${deadline} (today is ${today}).",
            mapping={
                "deadline": period.verification_deadline.isoformat(),
                "today": day.isoformat(),
            },
        )
    )
