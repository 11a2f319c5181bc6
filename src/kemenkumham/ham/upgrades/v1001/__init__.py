"""1000 -> 1001: the content types of the domain model and the sections that hold them."""

from kemenkumham.ham import logger
from kemenkumham.ham import structure
from plone import api


PROFILE = "profile-kemenkumham.ham:default"


def add_domain_types(context):
    """Import the new types, permissions and vocabularies; constrain the existing sections."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "rolemap"):
        setup.runImportStepFromProfile(PROFILE, step)
    portal = api.portal.get()
    for section in structure.SECTIONS:
        folder = portal.get(section.id)
        if folder is not None:
            structure.constrain_section(folder, section)
            logger.info("Section %s takes %s", section.id, ", ".join(section.addable_types))
