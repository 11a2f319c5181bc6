"""Reminder e-mails before a period's submission deadline (`ham-admin remind`, daily by cron).

For every published period whose window is open and whose submission deadline is at most N
days away (registry kemenkumham.ham.reminder_days_before_deadline), each expected partner
whose report is not started, in draft or in revision gets one e-mail to the members of its
group mitra-<id>. The e-mail goes out after the transaction commits; the reminder is recorded
on the period in the same transaction, so the next daily run does not send it again, and an
aborted run neither sends nor records anything (at most one reminder, never two).

One reminder per partner, period and deadline:
- a partner whose report goes back to revision after its reminder gets no second reminder:
  the revision request itself e-mails the partner group at that moment, with the remarks;
- when editors move the deadline, the partners still due are reminded again before the new one.
A partner whose group has no member with an e-mail address is listed, not recorded: once an
address is added, the next run reminds it. P2HAM partners without a declared pledge cannot
open a report, so they are not reminded to.
"""

from dataclasses import dataclass
from datetime import timedelta
from kemenkumham.ham import _
from kemenkumham.ham.clock import now
from kemenkumham.ham.clock import today
from kemenkumham.ham.reporting.access import expected_partners
from kemenkumham.ham.reporting.completeness import NOT_STARTED
from kemenkumham.ham.reporting.completeness import report_states
from kemenkumham.ham.reporting.completeness import state_of
from kemenkumham.ham.reporting.completeness import STATE_TITLES
from kemenkumham.ham.reporting.completeness import TO_DO_STATES
from kemenkumham.ham.reporting.reports import may_start
from kemenkumham.ham.workflows.after_commit import after_commit
from kemenkumham.ham.workflows.notifications import group_emails
from kemenkumham.ham.workflows.notifications import send_mail
from persistent.mapping import PersistentMapping
from plone import api
from zope.i18n import translate


DAYS_RECORD = "kemenkumham.ham.reminder_days_before_deadline"
DEFAULT_DAYS = 7
LANGUAGES = ("id", "en")  # Indonesian first, then English


class MailNotConfigured(Exception):
    """The site has no sender address: nothing can be sent, so nothing is recorded."""


@dataclass(frozen=True)
class Reminder:
    period: object
    partner: object
    partner_uid: str
    state: str
    days_left: int
    recipients: tuple


@dataclass(frozen=True)
class RemindResult:
    sent: tuple  # Reminders sent (or, in a dry run, that would be sent)
    without_address: tuple  # Reminders due to partners whose group has no e-mail address
    dry_run: bool


def days_before_deadline():
    value = api.portal.get_registry_record(DAYS_RECORD, default=None)
    return DEFAULT_DAYS if value is None else int(value)


def reminders_sent(period, deadline):
    """{partner UID: record} of the reminders sent for the period's given deadline."""
    return (getattr(period, "reminders_sent", None) or {}).get(deadline.isoformat(), {})


def periods_due(day, days):
    """Published periods open on `day` whose submission deadline is 0..days away."""
    catalog = api.portal.get_tool("portal_catalog")
    periods = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="ReportingPeriod", review_state="published"
    ):
        period = brain._unrestrictedGetObject()
        opens, deadline = period.opens, period.submission_deadline
        if opens is None or deadline is None:
            continue
        if opens <= day <= deadline <= day + timedelta(days=days):
            periods.append(period)
    return sorted(periods, key=lambda period: (period.submission_deadline, period.absolute_url()))


def due_reminders(on=None):
    """The reminders due on `on` (today in Asia/Jakarta) that were not sent yet."""
    day = on or today()
    for period in periods_due(day, days_before_deadline()):
        deadline = period.submission_deadline
        sent = reminders_sent(period, deadline)
        states = report_states(period)
        for partner in expected_partners(period):
            uid = api.content.get_uuid(partner)
            state = state_of(states.get(uid))
            if state not in TO_DO_STATES or uid in sent:
                continue
            if state == NOT_STARTED and not may_start(period, partner):
                continue
            yield Reminder(
                period=period,
                partner=partner,
                partner_uid=uid,
                state=state,
                days_left=(deadline - day).days,
                recipients=tuple(group_emails(partner.partner_group)),
            )


def send_reminders(dry_run=False, on=None):
    """Record each due reminder and send it after commit; a dry run only lists them."""
    if not dry_run and not api.portal.get_registry_record("plone.email_from_address", default=None):
        raise MailNotConfigured(
            "Alamat pengirim e-mail situs belum diatur / the site's e-mail sender address is "
            "not set: Site Setup > Mail (@@mail-controlpanel)"
        )
    sent, without_address = [], []
    for reminder in due_reminders(on=on):
        if not reminder.recipients:
            without_address.append(reminder)
            continue
        sent.append(reminder)
        if not dry_run:
            record(reminder)
            subject, body = reminder_mail(reminder)
            after_commit(send_mail, list(reminder.recipients), subject, body)
    return RemindResult(sent=tuple(sent), without_address=tuple(without_address), dry_run=dry_run)


def result_data(result):
    """The result as plain data: for the command's output and the @ham-reminders service.

    Counts of recipients only: their addresses stay out of cron logs.
    """

    def data(reminder):
        return {
            "programme": reminder.period.aq_parent.Title(),
            "period": reminder.period.Title(),
            "period_url": reminder.period.absolute_url(),
            "partner": reminder.partner.Title(),
            "state": reminder.state,
            "days_left": reminder.days_left,
            "recipients": len(reminder.recipients),
        }

    return {
        "dry_run": result.dry_run,
        "sent": [data(reminder) for reminder in result.sent],
        "without_address": [data(reminder) for reminder in result.without_address],
    }


def record(reminder):
    period = reminder.period
    if getattr(period, "reminders_sent", None) is None:
        period.reminders_sent = PersistentMapping()
    key = period.submission_deadline.isoformat()
    if key not in period.reminders_sent:
        period.reminders_sent[key] = PersistentMapping()
    period.reminders_sent[key][reminder.partner_uid] = {
        "sent": now().isoformat(timespec="seconds"),
        "state": reminder.state,
        "recipients": len(reminder.recipients),
    }


def reminder_mail(reminder):
    """(subject, body): Indonesian first, then English."""
    period = reminder.period
    programme = period.aq_parent
    mapping = {
        "partner": reminder.partner.Title(),
        "programme": programme.Title(),
        "period": period.Title(),
        "opens": period.opens.isoformat(),
        "deadline": period.submission_deadline.isoformat(),
        "days": str(reminder.days_left),
        "url": period.absolute_url(),
    }
    subject = _(
        "mail_reminder_subject",
        default="Reminder: report ${programme} ${period} due on ${deadline}",
        mapping=mapping,
    )
    subjects, bodies = [], []
    for language in LANGUAGES:
        state = translate(STATE_TITLES[reminder.state], target_language=language)
        body = _(
            "mail_reminder_body",
            default="Reminder for ${partner}: the report for ${programme}, period ${period}, "
            "must be submitted by ${deadline} (days left: ${days}). Its state now: ${state}.\n"
            "Fill in every indicator with its evidence and submit the report before the "
            "deadline; after it, submission is closed.\n"
            "Period page: ${url}",
            mapping={**mapping, "state": state},
        )
        subjects.append(translate(subject, target_language=language))
        bodies.append(translate(body, target_language=language))
    return _joined(subjects, " / "), _joined(bodies, "\n\n----------\n\n")


def _joined(texts, separator):
    """Both languages, once each (the same text twice while a translation is missing)."""
    unique = list(dict.fromkeys(texts))
    return separator.join(unique)
