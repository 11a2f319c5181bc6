"""The add form of a report is the editors': they choose the partner a report belongs to.

Partner members may add a report to a period (the PartnerReporter role), so Plone's "Add new"
menu offers them the type; they open their own organisation's report with the period page's
button instead, which knows their organisation. The add form sends them there.
"""

from kemenkumham.ham.reporting.reports import may_assign_partner
from plone.dexterity.browser.add import DefaultAddView


class ReportAddView(DefaultAddView):
    def __call__(self):
        if not may_assign_partner(self.context):
            return self.request.response.redirect(f"{self.context.absolute_url()}#open-report-form")
        return super().__call__()
