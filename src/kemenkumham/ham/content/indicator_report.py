"""Indicator report (Laporan Capaian): one partner's report for one reporting period."""

from kemenkumham.ham import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IIndicatorReport(model.Schema):
    partner_uid = schema.ASCIILine(
        title=_("label_partner", default="Partner"),
        description=_("help_report_partner", default="The organisation that reports."),
        required=True,
    )

    self_assessment = schema.Text(
        title=_("label_self_assessment", default="Self-assessment"), required=False
    )

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
