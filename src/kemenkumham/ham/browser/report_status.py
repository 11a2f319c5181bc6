"""The toolbar's state menu on a report: a refused transition comes back as a message.

Plone's content_status_modify lets a WorkflowException through as an error page; a report's
guards (workflows/report_steps.py) refuse with a message that says what is missing, which
the partner or verifier must read on the report itself.
"""

from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage

import transaction


class ReportStatusModifyView(ContentStatusModifyView):
    def __call__(self, workflow_action=None, comment="", effective_date=None, expiration_date=None):
        try:
            return super().__call__(
                workflow_action,
                comment=comment,
                effective_date=effective_date,
                expiration_date=expiration_date,
            )
        except WorkflowException as error:
            transaction.doom()  # nothing of the refused step is stored
            IStatusMessage(self.request).add(str(error), type="error")
            return self.request.response.redirect(self.context.absolute_url())
