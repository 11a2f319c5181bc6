"""Classic UI of the reporting engine: the report page and its evidence downloads.

The report page is where each role does its part of a report: the partner fills values, notes
and evidence, the verifier checks each row, the assessor scores it; what the workflow does not
let the user write now is shown read-only. One save changes all rows at once or none
(reporting.rows.update_rows checks everything first); the workflow's steps are buttons of
their own, and a guard's refusal is shown on the page while the report stays where it was.
"""

from AccessControl import getSecurityManager
from kemenkumham.ham import _
from kemenkumham.ham.browser import report_form
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import VIEW_PERIOD_REPORTS
from kemenkumham.ham.reporting.history import find_evidence
from kemenkumham.ham.reporting.presentation import may_see_scores
from kemenkumham.ham.reporting.presentation import partner_of
from kemenkumham.ham.reporting.presentation import report_data
from kemenkumham.ham.reporting.reports import submission_open
from kemenkumham.ham.reporting.rows import current_actor
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.reporting.scores import compute_result
from kemenkumham.ham.vocabularies import Measurements
from plone import api
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import transaction


DOMAIN = "kemenkumham.ham"


def state_title(obj, state=None):
    """The translated title of an object's workflow state (its current one by default)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    state = state or api.content.get_state(obj, default="")
    title = workflow_tool.getTitleForStateOnType(state, obj.portal_type) or state
    return translate(title, domain=DOMAIN, context=getattr(obj, "REQUEST", None))


def user_title(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    return (user.getProperty("fullname") if user is not None else "") or user_id or ""


def window_of(period):
    """The period's dates and whether submission is open today (Asia/Jakarta)."""
    return {
        "opens": period.opens,
        "submission_deadline": period.submission_deadline,
        "verification_deadline": period.verification_deadline,
        "open": submission_open(period),
    }


class ReportView(BrowserView):
    """Default view of an IndicatorReport."""

    error = None  # translated message of a refused change, shown in an alert
    error_code = None  # indicator code the refusal names, to mark its row
    error_kind = None  # "save" or "transition"

    def __call__(self):
        # The rows table needs the page's width: no portlet columns here.
        self.request.set("disable_plone.leftcolumn", True)
        self.request.set("disable_plone.rightcolumn", True)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            if "form.buttons.save" in form:
                done = self.save()
            elif form.get("workflow_action"):
                done = self.take_step(form["workflow_action"], form.get("comment", ""))
            else:
                done = True
            if done:
                self.request.response.redirect(self.context.absolute_url())
                return ""
            self.request.response.setStatus(400)
        return self.index()

    # Writing

    def save(self):
        try:
            entries = report_form.entries_from_form(self.request.form, self.context)
            if not entries:
                return self._saved(_("info_report_unchanged", default="Nothing to save."))
            changed = update_rows(self.context, entries, actor=current_actor())
        except FieldError as error:  # NotAllowed too: the whole change is refused
            return self._refuse("save", error.doc())
        scored = any("score" in values for values in changed.values())
        if scored and api.content.get_state(self.context) == "assessed":
            compute_result(self.context)
        return self._saved(_("info_report_saved", default="Changes saved."))

    def take_step(self, action, comment):
        workflow_tool = api.portal.get_tool("portal_workflow")
        available = {t["id"] for t in workflow_tool.getTransitionsFor(self.context)}
        if action not in available:
            return self._refuse(
                "transition",
                _(
                    "error_step_not_possible",
                    default="The step '${action}' is not possible for you in the report's "
                    "current state.",
                    mapping={"action": action},
                ),
            )
        try:
            workflow_tool.doActionFor(self.context, action, comment=comment.strip())
        except WorkflowException as error:  # a guard's refusal, already translated
            return self._refuse("transition", str(error))
        return self._saved(
            _(
                "info_report_step_done",
                default="Done. The report's state is now: ${state}.",
                mapping={"state": state_title(self.context)},
            )
        )

    def _saved(self, message):
        IStatusMessage(self.request).add(message, type="info")
        return True

    def _refuse(self, kind, message):
        transaction.doom()  # nothing of this request is stored
        self.error_kind = kind
        if isinstance(message, Message):
            self.error_code = (message.mapping or {}).get("code")
        self.error = translate(message, context=self.request)
        return False

    # Reading

    @property
    def data(self):
        if not hasattr(self, "_data"):
            self._data = report_data(self.context)
        return self._data

    @property
    def period(self):
        return self.context.aq_parent

    def info(self):
        period = self.period
        partner = partner_of(self.context)
        scores = may_see_scores(self.context)
        return {
            "partner": partner.Title() if partner is not None else "",
            "programme": period.aq_parent.Title(),
            "programme_url": period.aq_parent.absolute_url(),
            "period": period.Title(),
            "period_url": period.absolute_url(),
            "state": api.content.get_state(self.context, default=""),
            "state_title": state_title(self.context),
            "window": window_of(period),
            "show_scores": scores,
            "total_score": report_form.score_text(self.data.get("total_score")),
            "predicate": self.data.get("predicate") or "",
            "finalised": self.data.get("finalised") or "",
        }

    def writable(self):
        return set(self.data["writable_row_fields"])

    def is_staff(self):
        return bool(getSecurityManager().checkPermission(VIEW_PERIOD_REPORTS, self.period))

    def show_scores(self):
        return may_see_scores(self.context) or "score" in self.writable()

    def can_save(self):
        return bool(self.writable())

    def rows(self):
        """One dict per indicator for the template; after a refusal, the user's input."""
        measurements = Measurements()
        form = self.request.form if self.error_kind == "save" else {}
        result = []
        for index, rule in enumerate(self.data["indicators"]):
            code, measurement = rule["code"], rule["measurement"]
            row = self.data["rows"][code]

            def entered(field, stored, code=code):
                name = report_form.field_name(field, code)
                return str(form[name]) if name in form else stored

            term = measurements.by_value.get(measurement)
            status_title = report_form.STATUS_TITLES.get(row["status"], report_form.UNCHECKED)
            result.append(
                {
                    **rule,
                    "index": index,
                    "measurement_title": self._t(term.title if term is not None else measurement),
                    "options": [
                        {"value": token, "title": self._t(title)}
                        for token, title in report_form.MEASUREMENT_OPTIONS.get(measurement, ())
                    ],
                    "value": entered("value", report_form.input_value(measurement, row["value"])),
                    "value_text": self._t(report_form.display_value(measurement, row["value"])),
                    "note": entered("note", row["note"]),
                    "evidence": row["evidence"],
                    "removed": set(form.get(report_form.field_name("remove", code)) or ()),
                    "status": entered("status", row["status"] or ""),
                    "status_title": self._t(status_title),
                    "remark": entered("remark", row["remark"]),
                    "previous_remark": row["previous_remark"],
                    "score": entered("score", report_form.score_text(row.get("score"))),
                    "invalid": code == self.error_code,
                    "names": {f: report_form.field_name(f, code) for f in report_form.FIELDS},
                    "ids": {
                        f: report_form.html_id(f, index, code) for f in ("row", *report_form.FIELDS)
                    },
                }
            )
        return result

    def error_anchor(self):
        """The id of the row a refusal names, for the alert's link to it."""
        for index, rule in enumerate(self.data["indicators"]):
            if rule["code"] == self.error_code:
                return report_form.html_id("row", index, rule["code"])
        return None

    def status_options(self):
        return [
            {"value": token, "title": self._t(title)}
            for token, title in report_form.STATUS_TITLES.items()
        ]

    def _t(self, message):
        return translate(message, context=self.request)

    def transitions(self):
        workflow_tool = api.portal.get_tool("portal_workflow")
        return [
            {
                "id": transition["id"],
                "title": translate(transition["name"], domain=DOMAIN, context=self.request),
                "description": translate(
                    transition["description"] or "", domain=DOMAIN, context=self.request
                ),
            }
            for transition in workflow_tool.getTransitionsFor(self.context)
        ]

    def history(self):
        workflow_tool = api.portal.get_tool("portal_workflow")
        (workflow,) = workflow_tool.getWorkflowsFor(self.context)
        steps = []
        for step in self.data["history"]:
            transition = workflow.transitions.get(step["action"])
            name = transition.actbox_name if transition is not None else step["action"]
            steps.append(
                {
                    "action": step["action"],
                    "action_title": translate(name, domain=DOMAIN, context=self.request),
                    "state_title": state_title(self.context, step["state"]),
                    "actor": user_title(step["actor"]),
                    "time": step["time"].replace("T", " ")[:16],
                    "comment": step["comment"],
                    "total_score": report_form.score_text(step.get("total_score")),
                    "predicate": step.get("predicate") or "",
                    "remarks": [
                        {"code": code, "remark": row["remark"]}
                        for code, row in step["rows"].items()
                        if row.get("remark")
                    ],
                }
            )
        return steps


@implementer(IPublishTraverse)
class EvidenceDownload(BrowserView):
    """@@evidence/<id>: an evidence file of the report's rows or of an earlier step."""

    evidence_id = None

    def publishTraverse(self, request, name):
        if self.evidence_id is not None:
            raise NotFound(name)
        self.evidence_id = name
        return self

    def __call__(self):
        entry = find_evidence(self.context, self.evidence_id) if self.evidence_id else None
        if entry is None:
            raise NotFound(self.evidence_id or "")
        blob = entry["file"]
        response = self.request.response
        set_headers(blob, response, filename=blob.filename or f"{self.evidence_id}.bin")
        # A partner's files: only for who may view the report, never in a shared cache.
        response.setHeader("Cache-Control", "private, no-store, max-age=0")
        response.setHeader("X-Content-Type-Options", "nosniff")
        return stream_data(blob)
