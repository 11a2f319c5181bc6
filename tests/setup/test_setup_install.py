"""What installing the add-on gives a site."""

from kemenkumham.ham import PACKAGE_NAME
from kemenkumham.ham.structure import GROUPS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


CUSTOM_ROLES = ("HAMVerifier", "HAMAssessor", "ComplaintOfficer", "PartnerMember")


class TestSetupInstall:
    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is True

    def test_browserlayer(self, browser_layers):
        from kemenkumham.ham.interfaces import IKemenkumhamHamLayer

        assert IKemenkumhamHamLayer in browser_layers

    def test_latest_version(self, profile_last_version):
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1003"

    @pytest.mark.parametrize("role", CUSTOM_ROLES)
    def test_custom_role_declared(self, portal, role):
        assert role in portal.validRoles()

    def test_anonymous_may_use_rest_api(self, portal):
        roles = [
            r["name"]
            for r in portal.rolesOfPermission("plone.restapi: Use REST API")
            if r["selected"]
        ]
        assert "Anonymous" in roles

    @pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.id)
    def test_group_with_its_roles(self, portal, group):
        found = api.group.get(groupname=group.id)
        assert found is not None
        assert found.getProperty("title") == group.title
        for role in group.roles:
            assert role in api.group.get_roles(groupname=group.id)

    def test_verifier_role_is_not_given_to_editors(self, portal):
        assert "HAMVerifier" not in api.group.get_roles(groupname="bidang-ham")
        assert "ComplaintOfficer" not in api.group.get_roles(groupname="humas")

    def test_settings_registered(self, portal):
        assert api.portal.get_registry_record("kemenkumham.ham.office_name")

    def test_controlpanel(self, controlpanel_actions):
        assert "kemenkumham-ham-settings" in controlpanel_actions
        assert "kemenkumham-ham-complaints" in controlpanel_actions
        assert "kemenkumham-ham-identity-access-log" in controlpanel_actions

    def test_controlpanel_view_for_site_admin_only(self, portal, http_request):
        setRoles(portal, TEST_USER_ID, ["Site Administrator"])
        view = api.content.get_view("ham-settings", portal, http_request)
        assert "office_name" in view()

    def test_news_item_has_credits_behavior(self, get_behaviors):
        assert "kemenkumham.ham.news_credits" in get_behaviors("News Item")


def test_news_items_are_not_navigation_tabs(portal):
    assert "News Item" not in api.portal.get_registry_record("plone.displayed_types")
    assert "Folder" in api.portal.get_registry_record("plone.displayed_types")


def test_site_is_themed_on_127_0_0_1(portal):
    """make start serves http://127.0.0.1:8080/Plone: that address must get the theme."""
    blacklist = api.portal.get_registry_record(
        "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"
    )
    assert "127.0.0.1" not in blacklist
