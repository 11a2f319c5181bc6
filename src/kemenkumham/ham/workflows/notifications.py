"""What the workflows tell people, and the dates they fill in, when an item changes state."""

from kemenkumham.ham import _
from kemenkumham.ham import logger
from kemenkumham.ham.clock import today
from kemenkumham.ham.subscribers.partner_groups import group_id_of
from kemenkumham.ham.workflows.after_commit import after_commit
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.i18n import translate


def group_emails(group_id):
    group = api.group.get(groupname=group_id)
    if group is None:
        return []
    emails = []
    for user_id in group.getGroupMemberIds():
        user = api.user.get(userid=user_id)
        email = user.getProperty("email") if user is not None else None
        if email:
            emails.append(email)
    return sorted(set(emails))


def send_mail(recipients, subject, body):
    """Runs after commit: one message per recipient through Plone's MailHost."""
    for recipient in recipients:
        api.portal.send_email(recipient=recipient, subject=subject, body=body, immediate=True)
    logger.info("Sent '%s' to %d recipient(s)", subject, len(recipients))


def report_transition(report, event):
    """Tell the verifiers of a submitted report, and the partner of a revision request."""
    if event.action == "submit":
        recipients = group_emails("verifikator")
        message = _(
            "mail_report_submitted",
            default="The report '${title}' was submitted and waits for verification: ${url}",
            mapping={"title": report.Title(), "url": report.absolute_url()},
        )
    elif event.action == "request_revision":
        partner = uuidToObject(report.partner_uid, unrestricted=True)
        recipients = group_emails(group_id_of(partner)) if partner is not None else []
        message = _(
            "mail_report_revision",
            default="The report '${title}' needs revision; the remarks are shown next to "
            "each indicator: ${url}",
            mapping={"title": report.Title(), "url": report.absolute_url()},
        )
    else:
        return
    if recipients:
        request = getattr(report, "REQUEST", None)
        body = translate(message, context=request)
        after_commit(send_mail, recipients, report.Title(), body)


def pledge_transition(pledge, event):
    """A declared pledge gets today's date (Asia/Jakarta) unless the editor gave one."""
    if event.action == "declare" and not pledge.declared_date:
        pledge.declared_date = today()
        pledge.reindexObject()
