"""1001 -> 1002: the reporting engine.

Rows, checks and scores of reports; partners opening reports in periods; evidence and reminder
settings; the report form action for easyform; results pages and the statistics page.
"""

from kemenkumham.ham import logger
from kemenkumham.ham import structure
from kemenkumham.ham.reporting.rows import ensure_rows
from plone import api


PROFILE = "profile-kemenkumham.ham:default"
NEW_INDEXES = ("ham_score", "ham_predicate")


def add_reporting_engine(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow", "plone.app.registry", "catalog", "typeinfo", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=list(NEW_INDEXES))
    for brain in catalog.unrestrictedSearchResults(portal_type="IndicatorReport"):
        report = brain._unrestrictedGetObject()
        ensure_rows(report)
        report.reindexObject()
    structure.use_statistics_layout(api.portal.get())
    logger.info("Reporting engine installed: reports have rows, periods their frozen rules")
