"""The base of the services through which `ham-admin` commands run in the serving instance.

A FileStorage is opened by one process only: while `ham-admin serve` holds it, `remind`,
`withdraw-incomplete` and `erase-identities` POST to a service of the site instead (as the Zope
administrator, over the loopback). Body: {"dry_run": bool, "date": "YYYY-MM-DD" (dry runs only,
where the command takes a date)}. Managers only (cmf.ManagePortal, checked again here). The
caller is a command line with Basic auth, not a browser session that another site could ride:
a JSON POST carries no CSRF token, as plone.restapi's own write services do not ask for one.
"""

from datetime import date
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class CommandService(Service):
    takes_date = True

    def run(self, dry_run, on):
        """The command's work; returns its answer (JSON data)."""
        raise NotImplementedError

    def reply(self):
        data = json_body(self.request)
        if not isinstance(data, dict):
            return self.error(400, "BadRequest", 'Body: {"dry_run": true|false}')
        dry_run = bool(data.get("dry_run"))
        on = None
        if self.takes_date and data.get("date"):
            if not dry_run:
                return self.error(400, "BadRequest", "date: only with dry_run")
            try:
                on = date.fromisoformat(str(data["date"]))
            except ValueError:
                return self.error(400, "BadRequest", f"date: {data['date']!r} is not YYYY-MM-DD")
        if not api.user.has_permission("Manage portal", obj=self.context):
            return self.error(403, "Forbidden", "Manage portal")
        alsoProvides(self.request, IDisableCSRFProtection)
        return self.run(dry_run, on)

    def error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": message}}
