"""Install and uninstall handlers of the GenericSetup profiles."""

from kemenkumham.ham import structure
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


# Each news item would otherwise be a tab entry under Berita; the section lists them.
HIDDEN_FROM_NAVIGATION = ("News Item",)

CUSTOM_ROLES = (
    "HAMVerifier",
    "HAMAssessor",
    "ComplaintOfficer",
    "PartnerMember",
    "PartnerReporter",
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the add-on control panel."""
        return ["kemenkumham.ham:uninstall"]

    def getNonInstallableProducts(self):
        return ["kemenkumham.ham.upgrades"]


def post_install(context):
    portal = api.portal.get()
    structure.ensure_groups()
    structure.ensure_sections(portal)
    structure.ensure_home_page(portal)
    _set_navigation_types(hide=True)


def uninstall(context):
    portal = api.portal.get()
    structure.remove_section_roles(portal)
    structure.remove_groups()
    _remove_roles(portal)
    _reset_own_permissions(portal)
    _set_navigation_types(hide=False)


def _remove_roles(portal):
    """rolemap.xml can add roles but not take them away: do it here."""
    declared = list(getattr(portal, "__ac_roles__", ()))
    portal.__ac_roles__ = tuple(role for role in declared if role not in CUSTOM_ROLES)
    for permission in portal.ac_inherited_permissions(1):
        name = permission[0]
        roles = portal.rolesOfPermission(name)
        selected = [r["name"] for r in roles if r["selected"]]
        if any(role in CUSTOM_ROLES for role in selected):
            acquire = bool(portal.acquiredRolesAreUsedBy(name))
            portal.manage_permission(
                name,
                roles=[role for role in selected if role not in CUSTOM_ROLES],
                acquire=acquire,
            )


def _reset_own_permissions(portal):
    """Give the add-on's own permissions back to their defaults (acquired, no local roles)."""
    for permission in portal.ac_inherited_permissions(1):
        name = permission[0]
        if name.startswith("kemenkumham.ham:"):
            portal.manage_permission(name, roles=[], acquire=True)


def _set_navigation_types(hide):
    shown = list(api.portal.get_registry_record("plone.displayed_types"))
    if hide:
        shown = [name for name in shown if name not in HIDDEN_FROM_NAVIGATION]
    else:
        shown += [name for name in HIDDEN_FROM_NAVIGATION if name not in shown]
    api.portal.set_registry_record("plone.displayed_types", tuple(shown))
