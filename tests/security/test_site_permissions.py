"""docs/site-permissions.csv: the site gives each permission to exactly the roles it declares."""

from pathlib import Path
from plone import api

import csv


TABLE = Path(__file__).resolve().parents[2] / "docs" / "site-permissions.csv"


def declared():
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return {
            row["permission"]: {role.strip() for role in row["roles"].split(";")}
            for row in csv.DictReader(handle)
        }


def site_roles(portal, permission):
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


def test_site_gives_each_declared_permission_to_the_declared_roles(portal):
    known = {entry[0] for entry in portal.ac_inherited_permissions(1)}
    table = declared()
    # Reading identity is declared and installed (other permissions once their part exists).
    assert "kemenkumham.ham: Read complainant identity" in table
    checked = 0
    for permission, roles in table.items():
        if permission not in known:
            continue
        assert site_roles(portal, permission) == roles, permission
        checked += 1
    assert checked >= 3


def test_only_complaint_officers_and_manager_read_identity_or_handle_complaints(portal):
    for permission in (
        "kemenkumham.ham: Read complainant identity",
        "kemenkumham.ham: Handle complaints",
    ):
        assert site_roles(portal, permission) == {"ComplaintOfficer", "Manager"}
    officer = api.group.get(groupname="petugas-pengaduan")
    assert "ComplaintOfficer" in api.group.get_roles(group=officer)
