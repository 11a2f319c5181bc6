"""The legal deadline of a complaint's current state (Permenkumham 23/2022), in working days.

- received, administrative_check: 5 working days after the complaint was received
  (received_date, else the day it was registered);
- incomplete: the complainant has 10 working days after the day it was marked incomplete;
- substance_check: 5 working days after it entered the substance check;
- not_competent: the notice with referral goes out within 5 working days of the decision;
- other states have no deadline.

Everything is computed from the workflow history, so nothing needs to be stored or migrated
when a rule changes. The history records the office's clock (kemenkumham.ham.clock, Asia/Jakarta):
see stamp_transition_time.
"""

from DateTime import DateTime
from kemenkumham.ham.clock import JAKARTA
from kemenkumham.ham.clock import now
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints.workdays import add_working_days
from kemenkumham.ham.complaints.workdays import working_days_between


WORKFLOW_ID = "ham_complaint_workflow"

# state -> (working days, what the deadline counts from)
RULES = {
    "received": (5, "received"),
    "administrative_check": (5, "received"),
    "incomplete": (10, "entered"),
    "substance_check": (5, "entered"),
    "not_competent": (5, "entered"),
}


def history(complaint):
    """The complaint's workflow history, oldest first (no permission needed: system use)."""
    return tuple(getattr(complaint, "workflow_history", {}).get(WORKFLOW_ID, ()))


def entry_date(entry):
    """The office day (Asia/Jakarta) of a history entry."""
    moment = entry.get("time")
    if moment is None:
        return None
    if isinstance(moment, DateTime):
        moment = moment.asdatetime()
    return moment.astimezone(JAKARTA).date()


def current_state(complaint):
    entries = history(complaint)
    return entries[-1].get("review_state") if entries else None


def entered_state_on(complaint, state=None):
    """The day the complaint last entered `state` (default: its current state), or None."""
    entries = history(complaint)
    if not entries:
        return None
    state = state or entries[-1].get("review_state")
    found = None
    previous = None
    for entry in entries:
        current = entry.get("review_state")
        if current == state and previous != state:
            found = entry
        previous = current
    return entry_date(found) if found is not None else None


def received_on(complaint):
    """The receipt date: the date given by the office, else the day it was registered."""
    if getattr(complaint, "received_date", None):
        return complaint.received_date
    entries = history(complaint)
    if entries:
        return entry_date(entries[0])
    created = complaint.created()
    return entry_date({"time": created}) if created else today()


def start_of(complaint, state=None):
    """(state, working days, the day the count starts) or None when the state has no deadline."""
    state = state or current_state(complaint)
    rule = RULES.get(state)
    if rule is None:
        return None
    days, since = rule
    start = received_on(complaint) if since == "received" else entered_state_on(complaint, state)
    if start is None:
        return None
    return state, days, start


def deadline_of(complaint, on=None):
    """(due date or None, working days left: negative when overdue, None without a deadline).

    On the due date itself 0 days are left; the first working day after it is -1.
    """
    rule = start_of(complaint)
    if rule is None:
        return None, None
    _state, days, start = rule
    due = add_working_days(start, days)
    on = on or today()
    if on <= due:
        return due, working_days_between(on, due)
    return due, -working_days_between(due, on)


def is_overdue(complaint, on=None):
    due, left = deadline_of(complaint, on=on)
    return due is not None and left < 0


def stamp_transition_time(complaint, event):
    """Record the office's clock as the time of the transition that just happened.

    In production this is the same moment DCWorkflow writes; it comes from
    kemenkumham.ham.clock so that deadlines are computed on the office's day (Asia/Jakarta)
    and a test can freeze it.
    """
    histories = getattr(complaint, "workflow_history", None)
    if not histories or WORKFLOW_ID not in histories:
        return
    entries = list(histories[WORKFLOW_ID])
    if not entries:
        return
    last = dict(entries[-1])
    last["time"] = DateTime(now())
    entries[-1] = last
    histories[WORKFLOW_ID] = tuple(entries)
