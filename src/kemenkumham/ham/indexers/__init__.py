"""Catalog indexers: what listings, completeness lists and search need, never personal data."""

from kemenkumham.ham.content.award import IAward
from kemenkumham.ham.content.indicator import IIndicator
from kemenkumham.ham.content.indicator_report import IIndicatorReport
from kemenkumham.ham.content.partner import IPartnerMarker
from kemenkumham.ham.content.programme import IProgrammeMarker
from kemenkumham.ham.content.regulation import IRegulation
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from plone import api
from plone.indexer import indexer


@indexer(IProgrammeMarker)
def programme_code(obj):
    return obj.code


@indexer(IIndicator)
def indicator_code(obj):
    return obj.code


@indexer(IIndicatorReport)
def report_partner(obj):
    return obj.partner_uid


def _final(report):
    workflow_tool = api.portal.get_tool("portal_workflow")
    return workflow_tool.getInfoFor(report, "review_state", None) == "final"


@indexer(IIndicatorReport)
def report_score(obj):
    """Only final results are indexed: a score in progress is the assessors' alone."""
    if not _final(obj) or obj.total_score is None:
        raise AttributeError("ham_score")
    return obj.total_score


@indexer(IIndicatorReport)
def report_predicate(obj):
    if not _final(obj) or not obj.predicate:
        raise AttributeError("ham_predicate")
    return obj.predicate


@indexer(IIndicatorReport)
def report_finalised(obj):
    if not _final(obj) or obj.finalised is None:
        raise AttributeError("ham_finalised")
    return obj.finalised.isoformat()


@indexer(IReportingPeriod)
def period_year(obj):
    return obj.data_year


@indexer(IAward)
def award_year(obj):
    return obj.year


@indexer(IRegulation)
def regulation_year(obj):
    return obj.year


@indexer(IPartnerMarker)
def partner_region(obj):
    """Province and kabupaten/kota codes, so a listing can filter partners by region."""
    return [code for code in (obj.province, obj.regency) if code]
