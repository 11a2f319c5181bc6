"""Workflow events of complaints: ex-officio cases start at the substance check; notices."""

from kemenkumham.ham import logger
from kemenkumham.ham.complaints.deadlines import WORKFLOW_ID
from plone import api


EX_OFFICIO = "ex_officio"


def start_ex_officio_case(complaint, event):
    """A case the office opens itself (media monitoring) has no administrative check.

    Runs as the user creating it (a complaint officer: the transition is guarded by the
    permission to handle complaints and allowed from `received` for ex-officio cases only).
    """
    if getattr(complaint, "channel", None) != EX_OFFICIO:
        return
    workflow = api.portal.get_tool("portal_workflow")
    if not complaint.workflow_history.get(WORKFLOW_ID):
        # The workflow is initialised by CMFCore's own subscriber to the same event.
        workflow.notifyCreated(complaint)
    if workflow.getInfoFor(complaint, "review_state", None) != "received":
        return
    allowed = {t["id"] for t in workflow.getTransitionsFor(complaint)}
    if "start_substance_check" not in allowed:
        logger.warning("Ex-officio complaint %s left at received: not allowed", complaint.getId())
        return
    workflow.doActionFor(
        complaint,
        "start_substance_check",
        comment="Ex officio: langsung ke pemeriksaan substansi / straight to the substance check",
    )
