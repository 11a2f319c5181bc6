"""The report add and edit forms (and REST) refuse a report the engine would not open.

An editor choosing a partner on the add form, or moving a report to another partner, gets the
same refusals as opening a report anywhere else: a second report for the partner and period,
a P2HAM report without a declared pledge.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from kemenkumham.ham.content.indicator_report import IIndicatorReport
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.reports import check_can_open
from plone.app.uuid.utils import uuidToObject
from z3c.form.util import getSpecification
from z3c.form.validator import InvariantsValidator
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid


class ReportValidator(InvariantsValidator):
    def validateObject(self, obj):
        errors = list(super().validateObject(obj))
        partner_uid = getattr(obj, "partner_uid", None)
        context = self.context
        if IIndicatorReport.providedBy(context):
            period, current = aq_parent(aq_inner(context)), context.partner_uid
        else:
            # Add form: the validated content is a dict; the form's context is the period.
            period, current = getattr(self.view, "context", context), None
        if not partner_uid or partner_uid == current or not IReportingPeriod.providedBy(period):
            return tuple(errors)
        partner = uuidToObject(partner_uid, unrestricted=True)
        if partner is not None:
            try:
                check_can_open(period, partner)
            except FieldError as error:
                errors.append(Invalid(error.doc()))
        return tuple(errors)


# The validator is looked up for the schema object itself (an interface), hence force=True.
adapter(Interface, Interface, Interface, getSpecification(IIndicatorReport, force=True), Interface)(
    ReportValidator
)
