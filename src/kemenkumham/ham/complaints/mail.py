"""E-mail to a complainant: sent after commit, and never a trace of the address in a log.

A mail server's refusal names the recipient (SMTPRecipientsRefused carries the address), and
after_commit logs a failed callback with its traceback. A complainant's address is identity, so
their mail goes through send_to_complainant, which logs a failure by case and exception class
only.
"""

from kemenkumham.ham import logger
from kemenkumham.ham.workflows.after_commit import after_commit
from plone import api


def configured():
    """The site has a sender address: without one Plone can send nothing."""
    return bool(api.portal.get_registry_record("plone.email_from_address", default=None))


def deliver(recipients, subject, body):
    for recipient in recipients:
        api.portal.send_email(recipient=recipient, subject=subject, body=body, immediate=True)


def _send(case_id, recipient, subject, body):
    try:
        deliver([recipient], subject, body)
    except Exception as error:  # noqa: BLE001 (the error message may hold the address)
        logger.error("E-mail to the complainant of %s failed (%s)", case_id, type(error).__name__)
        return
    logger.info("E-mail sent to the complainant of %s", case_id)


def send_to_complainant(complaint, address_of, subject, body):
    """After the commit: one message to the complainant's own address.

    address_of() reads that address (a logged read of the identity); it is called only when
    the site can send mail at all, so a site without a sender reads no identity for nothing.
    """
    if not configured():
        return
    recipient = address_of()
    if recipient:
        after_commit(_send, complaint.getId(), recipient, subject, body)
