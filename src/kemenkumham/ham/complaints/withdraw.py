"""Incomplete complaints not completed within 10 working days count as withdrawn.

Permenkumham 23/2022: a complainant asked to complete the file has 10 working days; after them
the complaint counts as withdrawn. `ham-admin withdraw-incomplete` (a daily cron job) moves such
cases to `withdrawn` with the transition `withdraw` and a comment saying why; the result names
cases by their id and dates only (the output goes to cron logs).
"""

from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints.dates import long_date
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.complaints.deadlines import entered_state_on
from plone import api


def overdue_incomplete(on=None):
    """[(complaint, marked incomplete on, due date)] of incomplete cases past their 10 days."""
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Complaint", review_state="incomplete"
    ):
        complaint = brain._unrestrictedGetObject()
        if api.content.get_state(complaint) != "incomplete":
            continue
        due, left = deadline_of(complaint, on=on)
        if due is not None and left < 0:
            found.append((complaint, entered_state_on(complaint, "incomplete"), due))
    return sorted(found, key=lambda item: (item[2], item[0].getId()))


def withdraw_comment(marked, due):
    return (
        f"Dianggap dicabut: berkas tidak dilengkapi dalam 10 hari kerja sejak "
        f"{long_date(marked)} (batas waktu {long_date(due)}). / Counts as withdrawn: the "
        f"file was not completed within 10 working days of {marked.isoformat()} (due "
        f"{due.isoformat()})."
    )


def withdraw_incomplete(dry_run=False):
    """Withdraw the overdue incomplete cases (as the current user, who needs the permission
    to handle complaints: Manager or a complaint officer). Returns the result data."""
    workflow = api.portal.get_tool("portal_workflow")
    on = today()
    cases = []
    for complaint, marked, due in overdue_incomplete(on=on):
        if not dry_run:
            workflow.doActionFor(complaint, "withdraw", comment=withdraw_comment(marked, due))
        cases.append(
            {
                "case": complaint.getId(),
                "path": "/".join(complaint.getPhysicalPath()[2:]),
                "marked_incomplete": marked.isoformat(),
                "due": due.isoformat(),
            }
        )
    return {"dry_run": bool(dry_run), "date": on.isoformat(), "withdrawn": cases}
