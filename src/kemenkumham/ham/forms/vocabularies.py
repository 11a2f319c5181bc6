"""The programmes and periods an indicator report action can be linked to (by UID)."""

from kemenkumham.ham import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _brains(portal_type):
    try:
        catalog = api.portal.get_tool("portal_catalog")
    except api.exc.CannotGetPortalError:
        return []
    return catalog.searchResults(portal_type=portal_type, sort_on="sortable_title")


@provider(IVocabularyFactory)
def Programmes(context=None):
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in _brains("Programme")]
    )


@provider(IVocabularyFactory)
def Periods(context=None):
    terms = []
    for brain in _brains("ReportingPeriod"):
        period = brain.getObject()
        title = _(
            "term_form_period",
            default="${programme}: ${period} (${opens} to ${deadline})",
            mapping={
                "programme": period.aq_parent.Title(),
                "period": period.Title(),
                "opens": period.opens.isoformat() if period.opens else "?",
                "deadline": (
                    period.submission_deadline.isoformat() if period.submission_deadline else "?"
                ),
            },
        )
        terms.append(SimpleTerm(brain.UID, brain.UID, title))
    return SimpleVocabulary(terms)
