"""The programme and period an indicator report action is linked to, and what an editor must fix.

The action stores UIDs: a programme or period that was deleted since reads as None.
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from kemenkumham.ham import _
from kemenkumham.ham.content.indicator import field_id_for
from kemenkumham.ham.content.programme import IProgrammeMarker
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from kemenkumham.ham.forms.mapping import form_targets
from kemenkumham.ham.reporting.rules import current_rules
from kemenkumham.ham.reporting.rules import rules_of
from plone.app.uuid.utils import uuidToObject
from zope.schema import getFieldsInOrder


def _object(uid, interface):
    obj = uuidToObject(uid, unrestricted=True) if uid else None
    return obj if obj is not None and interface.providedBy(obj) else None


def linked_programme(action):
    return _object(getattr(action, "programme", None), IProgrammeMarker)


def linked_period(action):
    return _object(getattr(action, "period", None), IReportingPeriod)


def report_actions(form):
    """The enabled indicator report actions of an easyform, in order."""
    # action.py checks its settings with link_problems below: import it when called.
    from kemenkumham.ham.forms.action import IIndicatorReportAction

    return [
        action
        for _name, action in getFieldsInOrder(get_actions(form))
        if IIndicatorReportAction.providedBy(action) and action.required
    ]


def link_problems(programme_uid, period_uid, schema):
    """What keeps a form from filling reports, as messages for its editors (empty: none)."""
    programme = _object(programme_uid, IProgrammeMarker)
    if programme is None:
        return [
            _(
                "warning_form_no_programme",
                default="Choose the programme whose reports this form fills.",
            )
        ]
    period = _object(period_uid, IReportingPeriod)
    if period_uid and (period is None or period.aq_parent != programme):
        return [
            _(
                "warning_form_period_elsewhere",
                default="The chosen period does not belong to programme ${programme}.",
                mapping={"programme": programme.Title()},
            )
        ]
    rules = rules_of(period) if period is not None else current_rules(programme)
    _targets, unknown = form_targets(schema, rules)
    return [
        _(
            "warning_form_field_unknown",
            default="Field '${field}' matches no indicator of ${programme}: name it after an "
            "indicator code (e.g. ${example}), or add '_note' or '_evidence' to one.",
            mapping={
                "field": name,
                "programme": programme.Title(),
                "example": _example_field_id(rules),
            },
        )
        for name in unknown
    ]


def form_problems(form):
    """link_problems for every indicator report action of an easyform."""
    problems = []
    schema = get_schema(form)
    for action in report_actions(form):
        problems.extend(link_problems(action.programme, action.period, schema))
    return problems


def _example_field_id(rules):
    return field_id_for(rules.indicators[0].code) if rules.indicators else "kkp_06_03"
