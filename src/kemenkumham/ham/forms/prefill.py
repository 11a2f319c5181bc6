"""Coming back to a report form: its fields show what the partner's draft report holds.

A z3c.form default-value adapter more specific than easyform's FieldExtenderDefault (this
add-on's browser layer): for a field of a linked form it gives the value saved in the partner's
report while that report is in draft or revision, and otherwise hands over to easyform's
adapter (TALES defaults, the field's own default). Files are never prefilled: evidence already
saved stays on the report, a new upload is added to it.
"""

from collective.easyform.api import get_schema
from collective.easyform.fields import FieldExtenderDefault
from collective.easyform.fields import GroupFieldExtenderDefault
from kemenkumham.ham.forms.links import linked_programme
from kemenkumham.ham.forms.links import report_actions
from kemenkumham.ham.forms.mapping import field_value
from kemenkumham.ham.forms.mapping import NOTE
from kemenkumham.ham.forms.mapping import SELF_ASSESSMENT
from kemenkumham.ham.forms.mapping import target_of
from kemenkumham.ham.forms.mapping import VALUE
from kemenkumham.ham.forms.submission import EDITABLE_STATES
from kemenkumham.ham.forms.submission import period_for
from kemenkumham.ham.reporting.reports import partners_of_user
from kemenkumham.ham.reporting.reports import report_of
from kemenkumham.ham.reporting.rules import rules_of
from plone import api
from z3c.form.interfaces import IValue
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


CACHE_KEY = "kemenkumham.ham.forms.saved_values"


def draft_report(form):
    """The current partner's report that a linked form fills, while it is editable; else None."""
    actions = report_actions(form)
    if not actions or api.user.is_anonymous():
        return None
    programme = linked_programme(actions[0])
    partners = partners_of_user()
    if programme is None or len(partners) != 1:
        return None
    period = period_for(actions[0], programme, partners[0])
    report = report_of(period, partners[0]) if period is not None else None
    if report is None or api.content.get_state(report) not in EDITABLE_STATES:
        return None
    if not api.user.has_permission("View", obj=report):
        return None
    return report


def saved_values(form):
    """{field id: value} of the form's fields as the partner's draft report holds them."""
    report = draft_report(form)
    if report is None:
        return {}
    rules = rules_of(report.aq_parent)
    rows = report.rows or {}
    values = {}
    for name, field in getFieldsInOrder(get_schema(form)):
        target = target_of(name, rules)
        if target is None:
            continue
        if target.kind == VALUE and target.code in rows:
            value = field_value(field, rows[target.code].get("value"))
        elif target.kind == NOTE and target.code in rows:
            value = _text(field, rows[target.code].get("note"))
        elif target.kind == SELF_ASSESSMENT:
            value = _text(field, getattr(report, "self_assessment", None))
        else:
            continue
        if value is not None:
            values[name] = value
    return values


def _text(field, text):
    if not text or not IText.providedBy(field):
        return None
    return text.replace("\n", " ") if ITextLine.providedBy(field) else text


def _cached_values(form, request):
    cache = IAnnotations(request).setdefault(CACHE_KEY, {})
    key = "/".join(form.getPhysicalPath())
    if key not in cache:
        cache[key] = saved_values(form)
    return cache[key]


@implementer(IValue)
class SavedReportDefault:
    """The default of a form field: the partner's saved value, else easyform's default."""

    base = FieldExtenderDefault

    def __init__(self, context, request, view, field, widget):
        self.context = context
        self.request = request
        self.view = view
        self.field = field
        self.widget = widget

    def get(self):
        values = _cached_values(self.context, self.request)
        if self.field.__name__ in values:
            return values[self.field.__name__]
        return self.base(self.context, self.request, self.view, self.field, self.widget).get()


class GroupSavedReportDefault(SavedReportDefault):
    base = GroupFieldExtenderDefault
