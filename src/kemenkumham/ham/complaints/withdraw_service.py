"""POST @complaint-withdraw-incomplete on the site root: `ham-admin withdraw-incomplete`
through the running instance (a FileStorage is opened by one process only).

Body: {"dry_run": bool}; answer: withdraw.withdraw_incomplete's data. Manager and Site
Administrator only (the command line posts as the Zope administrator over the loopback).
"""

from kemenkumham.ham.complaints.withdraw import withdraw_incomplete
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class WithdrawIncompletePost(Service):
    def reply(self):
        data = json_body(self.request)
        if not isinstance(data, dict):
            return self._error(400, "BadRequest", 'Body: {"dry_run": true|false}')
        # Checked again here; a JSON POST with Basic auth from the command line carries no
        # CSRF token, as plone.restapi's own write services do not ask for one.
        if not api.user.has_permission("Manage portal", obj=self.context):
            return self._error(403, "Forbidden", "Manage portal")
        alsoProvides(self.request, IDisableCSRFProtection)
        with api.env.adopt_roles(["Manager"]):
            return withdraw_incomplete(dry_run=bool(data.get("dry_run")))

    def _error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": message}}
