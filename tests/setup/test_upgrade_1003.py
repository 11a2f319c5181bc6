"""Upgrade 1002 -> 1003 brings complaint handling to a site made before it."""

from kemenkumham.ham.upgrades.v1003 import add_complaint_handling
from kemenkumham.ham.upgrades.v1003 import NEW_INDEXES
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree


def test_an_older_site_gets_the_complaint_indexes_settings_permissions_and_pages(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree = make_tree(portal)
    complaint = tree["complaint"]
    # As stored before 1003: no complaint indexes, settings, identity permission or pages.
    catalog = api.portal.get_tool("portal_catalog")
    for index in NEW_INDEXES:
        catalog.delIndex(index)
    registry = portal.portal_registry
    del registry.records["kemenkumham.ham.complaint_rate_limit"]
    portal.manage_permission("kemenkumham.ham: Read complainant identity", ["Manager"])
    portal["pengaduan"].setLayout("listing_view")
    fti = portal.portal_types["Complaint"]
    fti.behaviors = (*fti.behaviors, "plone.basic")

    add_complaint_handling(None)

    assert set(NEW_INDEXES) <= set(catalog.indexes())
    assert len(catalog.unrestrictedSearchResults(complaint_right="keadilan")) == 1
    number_hash = catalog.getIndexDataForUID("/".join(complaint.getPhysicalPath()))[
        "complaint_number_hash"
    ]
    assert number_hash and complaint.registration_number not in number_hash
    assert api.portal.get_registry_record("kemenkumham.ham.complaint_rate_limit") == 5
    roles = {
        role["name"]
        for role in portal.rolesOfPermission("kemenkumham.ham: Read complainant identity")
        if role["selected"]
    }
    assert roles == {"Manager", "ComplaintOfficer"}
    assert "plone.basic" not in portal.portal_types["Complaint"].behaviors
    assert portal["pengaduan"].getLayout() == "complaints-landing"
