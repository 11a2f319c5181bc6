"""Indicator report (Laporan Capaian): one partner's report for one reporting period."""

from kemenkumham.ham import _
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


ASSIGN_REPORT_PARTNER = "kemenkumham.ham.AssignReportPartner"
VIEW_REPORT_SCORES = "kemenkumham.ham.ViewReportScores"


class IIndicatorReport(model.Schema):
    # The partner decides who may work on the report: partners themselves never change it.
    directives.write_permission(partner_uid=ASSIGN_REPORT_PARTNER)
    partner_uid = schema.Choice(
        title=_("label_partner", default="Partner"),
        description=_("help_report_partner", default="The organisation that reports."),
        vocabulary="kemenkumham.ham.partners",
        required=True,
    )

    self_assessment = schema.Text(
        title=_("label_self_assessment", default="Self-assessment"), required=False
    )

    # Scores are the assessors' until the result is final (see ham_report_workflow).
    directives.read_permission(total_score=VIEW_REPORT_SCORES, predicate=VIEW_REPORT_SCORES)
    total_score = schema.Float(
        title=_("label_total_score", default="Total score"), required=False, readonly=True
    )

    predicate = schema.TextLine(
        title=_("label_predicate", default="Predicate"), required=False, readonly=True
    )


@implementer(IIndicatorReport)
class IndicatorReport(Item):
    """A partner's report: one row per indicator of the programme (see the reporting engine)."""

    total_score = None
    predicate = None
    finalised = None  # date of the finalize step (Asia/Jakarta)
    rows = None  # {indicator code: row}, see kemenkumham.ham.reporting.rows
    history = None  # one copy of the rows per transition, see reporting.history
