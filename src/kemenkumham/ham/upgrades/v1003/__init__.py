"""1002 -> 1003: report forms (editors may add the easyform action "Save as indicator report")."""

from kemenkumham.ham import logger
from plone import api


PROFILE = "profile-kemenkumham.ham:default"


def add_report_forms(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    logger.info("Report forms: editors may add the action 'Save as indicator report'")
