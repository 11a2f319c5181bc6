"""Upgrade 1001 -> 1002 brings the reporting engine to a site made before it."""

from AccessControl.Permission import pname
from AccessControl.PermissionRole import rolesForPermissionOn
from kemenkumham.ham.upgrades.v1002 import add_reporting_engine
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree


def test_reports_of_an_older_site_get_rows_and_the_new_permissions(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree = make_tree(portal)
    report = tree["report_b"]
    # As stored before 1002: no rows, no scores permission on the report, no new indexes.
    del report.rows
    delattr(report, pname("kemenkumham.ham: View report scores"))
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("ham_score")
    portal["statistik"].setLayout("listing_view")

    add_reporting_engine(None)

    assert list(report.rows) == ["KKP-06.03", "KKP-07.01"]
    assert report.rows["KKP-06.03"]["status"] is None
    roles = set(rolesForPermissionOn("kemenkumham.ham: View report scores", report))
    assert {"HAMAssessor", "HAMVerifier"} <= roles
    assert "ham_score" in catalog.indexes()
    assert "PartnerReporter" in portal.validRoles()
    assert portal["statistik"].getLayout() == "ham-statistics"
