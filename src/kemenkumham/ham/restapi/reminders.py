"""POST @ham-reminders on the site root: `ham-admin remind` through the running instance.

See restapi/commands.py. Answer: reminders.result_data; 400 when the site has no sender.
"""

from kemenkumham.ham.reporting.reminders import MailNotConfigured
from kemenkumham.ham.reporting.reminders import result_data
from kemenkumham.ham.reporting.reminders import send_reminders
from kemenkumham.ham.restapi.commands import CommandService


class RemindersPost(CommandService):
    def run(self, dry_run, on):
        try:
            result = send_reminders(dry_run=dry_run, on=on)
        except MailNotConfigured as error:
            return self.error(400, "MailNotConfigured", str(error))
        return result_data(result)
