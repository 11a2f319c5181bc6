"""1002 -> 1003: complaint handling (Permenkumham 23/2022).

The identity permission, the complaint settings and templates, the catalog indexes of
complaints, the Complaint type without a typed title, the workflow's ex-officio start.
"""

from kemenkumham.ham import logger
from plone import api


PROFILE = "profile-kemenkumham.ham:default"
NEW_INDEXES = (
    "complaint_number_hash",
    "complaint_right",
    "complaint_party_kind",
    "complaint_channel",
    "complaint_received_month",
)


def add_complaint_handling(context):
    setup = api.portal.get_tool("portal_setup")
    for step in (
        "rolemap",
        "workflow",
        "plone.app.registry",
        "catalog",
        "typeinfo",
        "actions",
        "controlpanel",
    ):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    if NEW_INDEXES:
        catalog.manage_reindexIndex(ids=list(NEW_INDEXES))
    for brain in catalog.unrestrictedSearchResults(portal_type="Complaint"):
        brain._unrestrictedGetObject().reindexObject()
    from kemenkumham.ham.structure import use_complaints_layout

    use_complaints_layout(api.portal.get())
    logger.info("Complaint handling installed")
