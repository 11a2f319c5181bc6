"""1000 -> 1001: the content types and workflows of the domain model, and the sections for them."""

from kemenkumham.ham import logger
from kemenkumham.ham import structure
from plone import api


PROFILE = "profile-kemenkumham.ham:default"
PREVIOUS_WORKFLOW = "simple_publication_workflow"
PUBLICATION_WORKFLOW = "ham_publication_workflow"
# Types that move from the site's default workflow to ham_publication_workflow.
REBOUND_TYPES = ("News Item", "Document")
NEW_INDEXES = ("ham_code", "ham_partner", "ham_year", "ham_region")


def add_domain_types(context):
    """Import types, permissions and workflows; keep the state of existing news and pages."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "rolemap", "workflow", "catalog", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=list(NEW_INDEXES))
    carry_over_states(REBOUND_TYPES)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    portal = api.portal.get()
    for section in structure.SECTIONS:
        folder = portal.get(section.id)
        if folder is not None:
            structure.constrain_section(folder, section)
            logger.info("Section %s takes %s", section.id, ", ".join(section.addable_types))


def carry_over_states(portal_types):
    """A published news item stays published under its new workflow (same state ids)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    states = set(workflow_tool[PUBLICATION_WORKFLOW].states.objectIds())
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=list(portal_types)):
        obj = brain._unrestrictedGetObject()
        history = getattr(obj, "workflow_history", {})
        if history.get(PUBLICATION_WORKFLOW):
            continue
        previous = history.get(PREVIOUS_WORKFLOW)
        state = previous[-1].get("review_state") if previous else None
        if state not in states:
            continue
        workflow_tool.setStatusOf(
            PUBLICATION_WORKFLOW,
            obj,
            {
                "action": None,
                "actor": "kemenkumham.ham upgrade 1001",
                "comments": f"State carried over from {PREVIOUS_WORKFLOW}",
                "review_state": state,
                "time": previous[-1].get("time"),
            },
        )
        obj.reindexObject(idxs=["review_state"])
