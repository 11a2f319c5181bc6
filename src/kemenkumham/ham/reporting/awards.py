"""Final results become Award items in one step (Bidang HAM editors, from the results page).

One Award per final result with the qualifying predicate, in the Penghargaan section: year =
award year, the programme, the partner as recipient, predicate and score, and as source the
provenance of the results. A partner that already has an award of the programme and year (in
any state) is skipped, so running it twice creates nothing new. New awards start private, like
every new item: editors add the decree and publish them.
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from dataclasses import dataclass
from dataclasses import field
from kemenkumham.ham import _
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import ADD_AWARD
from kemenkumham.ham.reporting.results_model import VERIFIED_REPORTS
from kemenkumham.ham.reporting.results_text import text
from plone import api
from plone.app.uuid.utils import uuidToObject
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds


AWARDS_SECTION = "penghargaan"


@dataclass
class AwardsCreated:
    created: list = field(default_factory=list)  # the new Award objects
    skipped: list = field(default_factory=list)  # ResultRows whose partner had an award


def awards_container():
    return api.portal.get().get(AWARDS_SECTION)


def may_create_awards(container=None):
    container = container if container is not None else awards_container()
    if container is None:
        return False
    checker = getSecurityManager()
    return bool(
        checker.checkPermission(ADD_AWARD, container)
        and checker.checkPermission("Add portal content", container)
    )


def awarded_partners(programme, award_year):
    """UIDs of the partners with an award of the programme and year, published or not."""
    catalog = api.portal.get_tool("portal_catalog")
    programme_uid = api.content.get_uuid(programme)
    partners = set()
    for brain in catalog.unrestrictedSearchResults(portal_type="Award", ham_year=award_year):
        award = brain._unrestrictedGetObject()
        programme_of = _target(getattr(award, "programme", None))
        recipient = _target(getattr(award, "recipient", None))
        if programme_of is None or recipient is None:
            continue
        if api.content.get_uuid(programme_of) == programme_uid:
            partners.add(api.content.get_uuid(recipient))
    return partners


def _target(relation):
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def _relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def create_awards(results, container=None):
    """Create the awards of final results; FieldError if the results are not final reports."""
    if results.provenance.kind != VERIFIED_REPORTS:
        raise FieldError(
            _(
                "error_awards_need_final_reports",
                default="Awards are made from the final reports of a period; these results "
                "have none.",
            )
        )
    if not results.qualifying_predicate:
        raise FieldError(
            _(
                "error_awards_no_qualifying_predicate",
                default="The programme names no qualifying predicate and has no bands.",
            )
        )
    container = container if container is not None else awards_container()
    if not may_create_awards(container):
        raise Unauthorized("adding awards in the awards section")
    request = getRequest()
    source = text(results.provenance.message(), request)
    if results.period is not None:
        source_url = f"{results.period.absolute_url()}/@@results"
    else:
        source_url = f"{results.programme.absolute_url()}/@@results?year={results.award_year}"
    done = AwardsCreated()
    awarded = awarded_partners(results.programme, results.award_year)
    for row in results.qualifying_results():
        partner = uuidToObject(row.partner.uid, unrestricted=True)
        if partner is None:
            continue
        if row.partner.uid in awarded:
            done.skipped.append(row)
            continue
        award = api.content.create(
            container=container,
            type="Award",
            title=f"{row.predicate} {results.award_year}: {partner.Title()}",
            safe_id=True,
            year=results.award_year,
            programme=_relation(results.programme),
            recipient=_relation(partner),
            predicate=row.predicate,
            score=row.score,
            source=source,
            source_url=source_url,
        )
        awarded.add(row.partner.uid)
        done.created.append(award)
    return done
