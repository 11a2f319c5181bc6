"""POST @complaint-withdraw-incomplete on the site root: `ham-admin withdraw-incomplete`
through the running instance (see restapi/commands.py).

Body: {"dry_run": bool}; answer: withdraw.withdraw_incomplete's data. Managers only.
"""

from kemenkumham.ham.complaints.withdraw import withdraw_incomplete
from kemenkumham.ham.restapi.commands import CommandService
from plone import api


class WithdrawIncompletePost(CommandService):
    takes_date = False

    def run(self, dry_run, on):
        with api.env.adopt_roles(["Manager"]):
            return withdraw_incomplete(dry_run=dry_run)
