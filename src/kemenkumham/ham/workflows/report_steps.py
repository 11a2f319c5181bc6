"""Guards and bookkeeping of ham_report_workflow.

Before a transition the report must be ready for it: a refusal raises WorkflowException with a
message that says what is missing (plone.restapi answers it with 400; the report page shows it).
After a transition the rows are copied into the report's history, and the step's own work is
done (result computed on assess, remarks reset on resubmission, dates recorded).
"""

from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.history import last_step
from kemenkumham.ham.reporting.history import record_step
from kemenkumham.ham.reporting.reports import check_resubmission_window
from kemenkumham.ham.reporting.reports import check_submission_window
from kemenkumham.ham.reporting.reports import is_office_staff
from kemenkumham.ham.reporting.rows import ACCEPTED
from kemenkumham.ham.reporting.rows import NEEDS_REVISION
from kemenkumham.ham.reporting.rows import ordered_rows
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.reporting.scores import compute_result
from kemenkumham.ham.reporting.scores import scores_of
from kemenkumham.ham.reporting.scores import total_score
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


def refuse(message):
    raise WorkflowException(translate(message, context=getRequest()))


def missing_for_submission(report):
    """Codes of rows without a value, or without the evidence their indicator asks for."""
    missing = []
    for rule, row in ordered_rows(report):
        has_files = bool(row.get("evidence"))
        if rule.measurement == "document" or rule.required_evidence:
            complete = has_files and (rule.measurement == "document" or row["value"] is not None)
        else:
            complete = row["value"] is not None
        if not complete:
            missing.append(rule.code)
    return missing


def check_submit(report):
    if not is_office_staff():
        in_revision = api.content.get_state(report) == "revision"
        check_window = check_resubmission_window if in_revision else check_submission_window
        try:
            check_window(report.aq_parent)
        except FieldError as error:
            refuse(error.doc())
    missing = missing_for_submission(report)
    if missing:
        refuse(
            _(
                "error_submit_incomplete",
                default="The report cannot be submitted yet: fill in the value and the "
                "required evidence of ${codes}.",
                mapping={"codes": ", ".join(missing)},
            )
        )


def check_retract(report):
    if any(row.get("status") for _rule, row in ordered_rows(report)):
        refuse(
            _(
                "error_retract_verification_started",
                default="The report cannot be taken back: its verification has started.",
            )
        )


def check_request_revision(report):
    if not any(row.get("status") == NEEDS_REVISION for _rule, row in ordered_rows(report)):
        refuse(
            _(
                "error_revision_without_remarks",
                default="Mark at least one indicator as needing revision, with a remark, "
                "before sending the report back.",
            )
        )


def check_verify(report):
    open_rows = [rule.code for rule, row in ordered_rows(report) if row.get("status") != ACCEPTED]
    if open_rows:
        refuse(
            _(
                "error_verify_unchecked",
                default="The report can be verified when every indicator is accepted; not yet: "
                "${codes}.",
                mapping={"codes": ", ".join(open_rows)},
            )
        )


def check_assess(report):
    try:
        total_score(rules_of(report.aq_parent), scores_of(report))
    except FieldError as error:
        refuse(error.doc())


GUARDS = {
    "submit": check_submit,
    "retract": check_retract,
    "request_revision": check_request_revision,
    "verify": check_verify,
    "assess": check_assess,
}


def before_transition(report, event):
    if event.transition is None:
        return
    guard = GUARDS.get(event.transition.getId())
    if guard is not None:
        guard(report)


def after_transition(report, event):
    if event.transition is None:
        return
    action = event.transition.getId()
    if action == "submit":
        _reset_rows_for_resubmission(report)
    elif action == "assess":
        compute_result(report)
    elif action == "finalize":
        report.finalised = today()
    elif action == "reopen":
        report.total_score = None
        report.predicate = None
        report.finalised = None
    comment = (event.kwargs or {}).get("comment", "")
    actor = event.status.get("actor") if event.status else ""
    record_step(report, action, event.new_state.getId(), actor, comment)
    # The workflow tool reindexes review_state and security itself; what else a step changes in
    # the catalog is the last change and the final result (indexed only while final).
    report.notifyModified()
    report.reindexObject(idxs=["modified", "ham_score", "ham_predicate"])


def _reset_rows_for_resubmission(report):
    """Rows sent back, and rows the partner changed since, wait for a new check.

    The remarks that sent them back stay in the history (the request_revision step).
    """
    sent_back = last_step(report, "request_revision")
    before = sent_back["rows"] if sent_back else {}
    for rule, row in ordered_rows(report):
        old = before.get(rule.code)
        changed = old is not None and (
            old.get("value") != row.get("value")
            or old.get("note") != row.get("note")
            or [e["id"] for e in old.get("evidence") or ()]
            != [e["id"] for e in row.get("evidence") or ()]
        )
        if row.get("status") == NEEDS_REVISION or (row.get("status") and changed):
            row["status"] = None
            row["remark"] = ""
