"""Who may open a report in a period: the partner groups the period expects, when published.

The role PartnerReporter is given here, on the period only, to the groups mitra-<id> of the
partners the period expects (all partners when it names none). The role carries nothing but
the permission to add an IndicatorReport; reports inside the period acquire it harmlessly,
because their workflow gives every other permission by role explicitly.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from kemenkumham.ham.content.partner import IPartnerMarker
from kemenkumham.ham.content.partner import PARTNER_GROUP_PREFIX
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from plone import api
from zope.component import adapter
from zope.interface import implementer


REPORTER_ROLE = "PartnerReporter"


def expected_partners(period):
    """The partners a period expects a report from, by title (all partners when none is named)."""
    relations = getattr(period, "expected_partners", None) or []
    partners = [relation.to_object for relation in relations if relation.to_object is not None]
    if partners:
        return sorted(partners, key=lambda partner: partner.Title())
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(
        (
            brain._unrestrictedGetObject()
            for brain in catalog.unrestrictedSearchResults(
                object_provides=IPartnerMarker.__identifier__
            )
        ),
        key=lambda partner: partner.Title(),
    )


def expects_all_partners(period):
    return not [r for r in getattr(period, "expected_partners", None) or [] if r.to_object]


@implementer(ILocalRoleProvider)
@adapter(IReportingPeriod)
class PeriodReporters:
    def __init__(self, context):
        self.context = context

    def _open(self):
        workflow_tool = api.portal.get_tool("portal_workflow")
        return workflow_tool.getInfoFor(self.context, "review_state", None) == "published"

    def _expected_groups(self):
        return {partner.partner_group for partner in expected_partners(self.context)}

    def getRoles(self, principal_id):
        if not principal_id.startswith(PARTNER_GROUP_PREFIX) or not self._open():
            return ()
        if expects_all_partners(self.context) or principal_id in self._expected_groups():
            return (REPORTER_ROLE,)
        return ()

    def getAllRoles(self):
        """The groups of the partners the period names (for the sharing page).

        A period that expects every partner lists none: the catalog asks this of every object
        inside the period when it indexes it, and the role grants no View, so listing all
        partner groups would only wake every partner for nothing.
        """
        if not self._open() or expects_all_partners(self.context):
            return
        for group_id in sorted(self._expected_groups()):
            yield group_id, (REPORTER_ROLE,)
