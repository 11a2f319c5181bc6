"""Above a report form: what editors must fix, and the partner's report the form fills."""

from kemenkumham.ham.forms.links import form_problems
from kemenkumham.ham.forms.links import report_actions
from kemenkumham.ham.forms.prefill import draft_report
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ReportFormStatus(ViewletBase):
    index = ViewPageTemplateFile("templates/form_status.pt")

    def update(self):
        super().update()
        self.linked = bool(report_actions(self.context))
        self.anonymous = api.user.is_anonymous()
        self.problems = []
        self.report = None
        if not self.linked:
            return
        if api.user.has_permission("Modify portal content", obj=self.context):
            self.problems = form_problems(self.context)
        if not self.anonymous:
            self.report = draft_report(self.context)

    def login_url(self):
        return f"{self.navigation_root_url}/login?came_from={self.context.absolute_url()}"

    def render(self):
        if not self.linked:
            return ""
        return self.index()
