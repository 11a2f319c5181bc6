"""The period page: its dates and window, the partner's "open report" button, staff pages."""

from AccessControl import getSecurityManager
from kemenkumham.ham import _
from kemenkumham.ham.browser.reports import DOMAIN
from kemenkumham.ham.browser.reports import state_title
from kemenkumham.ham.browser.reports import window_of
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import ADD_REPORT
from kemenkumham.ham.permissions import VIEW_PERIOD_REPORTS
from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.reports import partner_for_new_report
from kemenkumham.ham.reporting.reports import partners_of_user
from kemenkumham.ham.reporting.reports import report_of
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import queryMultiAdapter
from zope.i18n import translate

import transaction


# Staff pages of a period, linked only where a view of that name is registered.
STAFF_PAGES = (
    ("completeness", "", _("link_completeness", default="Completeness of reports")),
    ("export-reports", "?format=csv", _("link_export_csv", default="Export reports (CSV)")),
    ("export-reports", "?format=xlsx", _("link_export_xlsx", default="Export reports (XLSX)")),
    ("results", "", _("link_results", default="Preliminary results")),
)


class PeriodView(BrowserView):
    """Default view of a ReportingPeriod: its dates, the partner's report, staff pages."""

    error = None

    def __call__(self):
        if self.request.method == "POST" and "form.buttons.open_report" in self.request.form:
            CheckAuthenticator(self.request)
            report = self.open_report(self.request.form.get("partner_uid") or None)
            if report is not None:
                self.request.response.redirect(report.absolute_url())
                return ""
            self.request.response.setStatus(400)
        return self.index()

    def open_report(self, partner_uid):
        try:
            if not self.may_open():
                raise FieldError(
                    _(
                        "error_may_not_open_report",
                        default="Only members of a partner this period expects can open a "
                        "report here.",
                    )
                )
            partner = partner_for_new_report(self.context, partner_uid)
            report = open_report(self.context, partner)
        except FieldError as error:
            transaction.doom()
            self.error = translate(error.doc(), context=self.request)
            return None
        IStatusMessage(self.request).add(
            _(
                "info_report_opened",
                default="Report opened for ${partner}: fill in the indicators and save.",
                mapping={"partner": partner.Title()},
            ),
            type="info",
        )
        return report

    def may_open(self):
        """A member of a partner group with the PartnerReporter role on this period."""
        return bool(partners_of_user()) and bool(
            getSecurityManager().checkPermission(ADD_REPORT, self.context)
        )

    def window(self):
        return window_of(self.context)

    def own_partners(self):
        """The user's partners, each with its report in this period (or None)."""
        result = []
        for partner in partners_of_user():
            report = report_of(self.context, partner)
            viewable = report is not None and api.user.has_permission("View", obj=report)
            result.append(
                {
                    "uid": api.content.get_uuid(partner),
                    "title": partner.Title(),
                    "report_url": report.absolute_url() if viewable else "",
                    "report_state": state_title(report) if viewable else "",
                }
            )
        return result

    def partners_without_report(self):
        return [p for p in self.own_partners() if not p["report_url"]]

    def staff_links(self):
        if not getSecurityManager().checkPermission(VIEW_PERIOD_REPORTS, self.context):
            return []
        base = self.context.absolute_url()
        return [
            {"url": f"{base}/@@{name}{query}", "title": title, "name": name}
            for name, query, title in STAFF_PAGES
            if queryMultiAdapter((self.context, self.request), name=name) is not None
        ]

    def reports(self):
        """The reports of the period the user may see (the catalog checks permissions)."""
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="IndicatorReport",
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            sort_on="sortable_title",
        )
        workflow_tool = api.portal.get_tool("portal_workflow")
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "state": brain.review_state,
                "state_title": translate(
                    workflow_tool.getTitleForStateOnType(brain.review_state, "IndicatorReport")
                    or brain.review_state,
                    domain=DOMAIN,
                    context=self.request,
                ),
                "modified": brain.modified.strftime("%Y-%m-%d %H:%M") if brain.modified else "",
            }
            for brain in brains
        ]
