"""The public status check: a registration number -> the state and dates of its case, nothing else.

The catalog holds a SHA-256 hash of the number (index ``complaint_number_hash``), never the
number itself; the number has 130 random bits, so the hash cannot be reversed by trying
numbers. An unknown number and a malformed one get the same answer.
"""

from kemenkumham.ham import _
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.complaints.deadlines import entry_date
from kemenkumham.ham.complaints.deadlines import history
from kemenkumham.ham.complaints.deadlines import received_on
from kemenkumham.ham.content.complaint import IComplaint
from kemenkumham.ham.content.registration_number import normalise
from plone import api
from plone.indexer import indexer

import hashlib


INDEX = "complaint_number_hash"

# What the public reads of each state of ham_complaint_workflow.
PUBLIC_STATES = {
    "received": _("complaint_public_received", default="Received"),
    "administrative_check": _(
        "complaint_public_administrative_check", default="Administrative check"
    ),
    "incomplete": _(
        "complaint_public_incomplete",
        default="Incomplete: the office has asked you for more information",
    ),
    "substance_check": _("complaint_public_substance_check", default="Substance check"),
    "not_competent": _(
        "complaint_public_not_competent",
        default="Outside the office's competence (referred to the competent body)",
    ),
    "in_handling": _("complaint_public_in_handling", default="Being handled"),
    "no_violation": _(
        "complaint_public_no_violation", default="Closed: no human-rights violation found"
    ),
    "recommendation": _("complaint_public_recommendation", default="Recommendation issued"),
    "closed": _("complaint_public_closed", default="Closed"),
    "withdrawn": _("complaint_public_withdrawn", default="Withdrawn"),
}


def number_hash(number):
    return hashlib.sha256(number.encode("ascii")).hexdigest()


@indexer(IComplaint)
def complaint_number_hash(complaint):
    number = getattr(complaint, "registration_number", None)
    if not number:
        raise AttributeError(INDEX)
    return number_hash(number)


def find_complaint(text):
    """The complaint of a number as a person typed it, or None (unknown or malformed)."""
    number = normalise(text)
    if number is None:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Complaint", **{INDEX: number_hash(number)}
    ):
        complaint = brain._unrestrictedGetObject()
        if complaint.registration_number == number:
            return complaint
    return None


def _last_change(complaint):
    days = [entry_date(entry) for entry in history(complaint) if entry.get("time") is not None]
    if days:
        return max(days)
    return complaint.modified().asdatetime().date()


def public_status(complaint):
    """What anybody holding the number may read: state and dates, no names, no content."""
    workflow = api.portal.get_tool("portal_workflow")
    status = workflow.getStatusOf("ham_complaint_workflow", complaint) or {}
    state = status.get("review_state") or "received"
    due, _days_left = deadline_of(complaint)
    return {
        "registration_number": complaint.registration_number,
        "state": state,
        "state_title": PUBLIC_STATES.get(state, PUBLIC_STATES["received"]),
        "received": received_on(complaint),
        "last_change": _last_change(complaint),
        "deadline": due,
    }
