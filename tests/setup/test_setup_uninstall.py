"""Uninstalling leaves no trace of the add-on's configuration; reinstalling works."""

from kemenkumham.ham import PACKAGE_NAME
from kemenkumham.ham.structure import GROUP_IDS
from kemenkumham.ham.structure import SECTIONS
from plone import api
from plone.base.utils import get_installer

import pytest


def snapshot(portal):
    """Everything the add-on's profiles touch, in comparable form."""
    from plone.browserlayer.utils import registered_layers
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    registry = getUtility(IRegistry)
    permissions = {}
    for permission in portal.ac_inherited_permissions(1):
        name = permission[0]
        permissions[name] = (
            tuple(sorted(r["name"] for r in portal.rolesOfPermission(name) if r["selected"])),
            bool(portal.acquiredRolesAreUsedBy(name)),
        )
    return {
        "roles": tuple(sorted(portal.validRoles())),
        "layers": tuple(sorted(layer.__identifier__ for layer in registered_layers())),
        "registry": tuple(sorted(k for k in registry.records if "kemenkumham" in k)),
        "configlets": tuple(sorted(a.id for a in portal.portal_controlpanel.listActions())),
        "groups": tuple(sorted(g.getId() for g in api.group.get_groups())),
        "news_behaviors": tuple(portal.portal_types["News Item"].behaviors),
        "types": tuple(
            sorted(
                t.getId()
                for t in portal.portal_types.objectValues()
                if getattr(t, "klass", "").startswith("kemenkumham.")
            )
        ),
        "navigation_types": tuple(sorted(registry["plone.displayed_types"])),
        "indexes": tuple(
            sorted(i for i in portal.portal_catalog.indexes() if i.startswith("ham_"))
        ),
        "columns": tuple(sorted(c for c in portal.portal_catalog.schema() if c.startswith("ham_"))),
        "unthemed_hosts": tuple(
            registry["plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"]
        ),
        "permissions": permissions,
        "local_roles": {
            section.id: tuple(sorted(portal[section.id].get_local_roles()))
            for section in SECTIONS
            if section.id in portal
        },
    }


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, installer):
        installer.uninstall_product(PACKAGE_NAME)

    def test_product_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        from kemenkumham.ham.interfaces import IKemenkumhamHamLayer

        assert IKemenkumhamHamLayer not in browser_layers

    def test_roles_removed(self, portal):
        for role in ("HAMVerifier", "HAMAssessor", "ComplaintOfficer", "PartnerMember"):
            assert role not in portal.validRoles()

    def test_groups_removed(self, portal):
        for group in GROUP_IDS:
            assert api.group.get(groupname=group) is None

    def test_sections_kept_without_local_roles(self, portal):
        """Content belongs to the office: uninstalling keeps it, only the add-on's roles go."""
        berita = portal["berita"]
        assert "humas" not in dict(berita.get_local_roles())

    def test_reinstall(self, installer, portal):
        installer.install_product(PACKAGE_NAME)
        assert installer.is_product_installed(PACKAGE_NAME) is True
        assert api.group.get(groupname="humas") is not None
        assert "Editor" in dict(portal["berita"].get_local_roles())["humas"]


class TestNoLeftover:
    def test_uninstall_is_the_inverse_of_install(self, portal):
        """Install + uninstall, twice: the uninstalled site is the same each time."""
        installer = get_installer(portal)
        installed = snapshot(portal)
        installer.uninstall_product(PACKAGE_NAME)
        uninstalled = snapshot(portal)
        assert uninstalled != installed
        installer.install_product(PACKAGE_NAME)
        assert snapshot(portal) == installed
        installer.uninstall_product(PACKAGE_NAME)
        assert snapshot(portal) == uninstalled

    def test_uninstalled_site_keeps_nothing_of_the_configuration(self, portal):
        get_installer(portal).uninstall_product(PACKAGE_NAME)
        state = snapshot(portal)
        assert not {"HAMVerifier", "HAMAssessor", "ComplaintOfficer", "PartnerMember"} & set(
            state["roles"]
        )
        assert not [layer for layer in state["layers"] if "kemenkumham" in layer]
        assert state["registry"] == ()
        assert "kemenkumham-ham-settings" not in state["configlets"]
        assert "kemenkumham-ham-identity-access-log" not in state["configlets"]
        assert not set(GROUP_IDS) & set(state["groups"])
        assert "kemenkumham.ham.news_credits" not in state["news_behaviors"]
        assert "News Item" in state["navigation_types"]
        assert state["types"] == ()
        assert state["indexes"] == ()
        assert state["columns"] == ()
        assert state["unthemed_hosts"] == ("127.0.0.1",)
        # Back to the permission's Zope default: Manager only, acquired.
        assert state["permissions"]["kemenkumham.ham: Manage settings"] == (("Manager",), True)
        for section, roles in state["local_roles"].items():
            assert not set(GROUP_IDS) & {principal for principal, _ in roles}, section
