"""POST @ham-reminders on the site root: `ham-admin remind` through the running instance.

A FileStorage is opened by one process only: while the instance serves it, the command cannot
open the database itself and asks the instance to send the reminders instead (as the Zope
administrator, over the loopback interface). Body: {"dry_run": bool, "date": "YYYY-MM-DD"
(dry runs only)}; answer: reminders.result_data. Managers only.
"""

from datetime import date
from kemenkumham.ham.reporting.reminders import MailNotConfigured
from kemenkumham.ham.reporting.reminders import result_data
from kemenkumham.ham.reporting.reminders import send_reminders
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class RemindersPost(Service):
    def reply(self):
        data = json_body(self.request)
        if not isinstance(data, dict):
            return self._error(400, "BadRequest", 'Body: {"dry_run": true|false}')
        dry_run = bool(data.get("dry_run"))
        on = None
        if data.get("date"):
            if not dry_run:
                return self._error(400, "BadRequest", "date: only with dry_run")
            try:
                on = date.fromisoformat(str(data["date"]))
            except ValueError:
                return self._error(400, "BadRequest", f"date: {data['date']!r} is not YYYY-MM-DD")
        # Only Managers reach this (permission cmf.ManagePortal, which Plone gives Manager; checked
        # again here). The caller is a command line with Basic auth, not a browser session
        # that another site could ride: a JSON POST carries no CSRF token, as plone.restapi's
        # own write services do not ask for one.
        if not api.user.has_permission("Manage portal", obj=self.context):
            return self._error(403, "Forbidden", "Manage portal")
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            result = send_reminders(dry_run=dry_run, on=on)
        except MailNotConfigured as error:
            return self._error(400, "MailNotConfigured", str(error))
        return result_data(result)

    def _error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": message}}
