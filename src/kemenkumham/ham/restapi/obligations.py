"""GET @ham-obligations on the site root: the reports a logged-in partner must submit.

Answer as the schema Obligations of docs/openapi.yaml: the user's partners and, per partner and
current period (open, opening later, or closed less than 60 days ago), the report (or null),
its state, the due date and whether the partner has something to do.
"""

from kemenkumham.ham import _
from kemenkumham.ham.reporting.obligations import obligations
from plone import api
from plone.restapi.services import Service
from zope.i18n import translate


class ObligationsGet(Service):
    def reply(self):
        # zope2.View lets anonymous in (the site root is public): answer 401 ourselves, as JSON,
        # rather than raising Unauthorized, which sends a browser to the login form.
        if api.user.is_anonymous():
            self.request.response.setStatus(401)
            message = _(
                "error_obligations_login",
                default="Log in as a member of a partner organisation to see its reports.",
            )
            return {
                "error": {
                    "type": "Unauthorized",
                    "message": translate(message, context=self.request),
                }
            }
        result = obligations()
        return {"@id": f"{self.context.absolute_url()}/@ham-obligations", **result}
