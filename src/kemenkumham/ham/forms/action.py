"""The easyform action "Save as indicator report" (Simpan sebagai laporan indikator).

Registered like easyform's own actions (an ActionFactory for the action editor, a supermodel
BaseHandler for the actions model); what it does on a submission is in submission.py.
"""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.api import get_schema
from collective.easyform.interfaces import IAction
from kemenkumham.ham import _
from kemenkumham.ham.forms.links import link_problems
from kemenkumham.ham.forms.submission import store_submission
from plone.supermodel.exportimport import BaseHandler
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


ADD_PERMISSION = "kemenkumham.ham.AddIndicatorReportAction"


class IIndicatorReportAction(IAction):
    """Stores each submission as the submitting partner's indicator report.

    For forms that are not indicator forms (event registration, surveys) use easyform's own
    "Save Data" action instead: it stores each submission as a plain record.
    """

    programme = schema.Choice(
        title=_("label_form_programme", default="Programme"),
        description=_(
            "help_form_programme",
            default="Each submission of a logged-in partner opens or updates that partner's "
            "report in this programme. Name the fields after the indicator codes (KKP-06.03 "
            "becomes kkp_06_03; add _note or _evidence for a row's note or evidence file). "
            "Forms that are not indicator forms (event registration, surveys) do not need "
            "this action: use the 'Save Data' action to store plain records.",
        ),
        vocabulary="kemenkumham.ham.form_programmes",
        required=True,
    )

    period = schema.Choice(
        title=_("label_form_period", default="Reporting period"),
        description=_(
            "help_form_period",
            default="Leave empty to use the programme's period whose submission window is "
            "open on the day of the submission.",
        ),
        vocabulary="kemenkumham.ham.form_periods",
        required=False,
    )

    submit_after_saving = schema.Bool(
        title=_("label_form_submit_after_saving", default="Submit after saving"),
        description=_(
            "help_form_submit_after_saving",
            default="Send the report for verification right after saving. When it is off, "
            "the partner checks the saved report and submits it from the report page.",
        ),
        default=False,
        required=False,
    )

    @invariant
    def fields_match_indicators(data):
        """An editor learns at once which form fields match no indicator of the programme."""
        action = getattr(data, "__context__", None)
        try:
            form = get_context(action)
        except (AttributeError, KeyError):
            return
        problems = link_problems(data.programme, data.period, get_schema(form))
        if problems:
            request = getRequest()
            raise Invalid(" ".join(translate(problem, context=request) for problem in problems))


@implementer(IIndicatorReportAction)
class IndicatorReportAction(Action):
    __doc__ = IIndicatorReportAction.__doc__

    def __init__(self, **kw):
        for name, field in IIndicatorReportAction.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        return store_submission(self, fields, request)


IndicatorReportActionFactory = ActionFactory(
    IndicatorReportAction,
    _("label_indicator_report_action", default="Save as indicator report"),
    ADD_PERMISSION,
)
IndicatorReportActionHandler = BaseHandler(IndicatorReportAction)
