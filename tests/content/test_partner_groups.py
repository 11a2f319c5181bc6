"""A Partner's group mitra-<id> lets its members work on that partner's items and nothing else."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from tests.factories import make_tree

import pytest


@pytest.fixture
def tree(portal):
    tree = make_tree(portal)
    for user, group in (("ani", "mitra-kota-serang"), ("budi", "mitra-kabupaten-lebak")):
        api.user.create(username=user, email=f"{user}@example.org", password="rahasia-12345")
        api.group.add_user(groupname=group, username=user)
    return tree


def test_partner_gets_its_group_and_role(tree):
    group = api.group.get(groupname="mitra-kota-serang")
    assert group is not None
    assert group.getProperty("title") == "Mitra: Pemerintah Kota Serang"
    assert tree["partner_a"].get_local_roles_for_userid("mitra-kota-serang") == ("PartnerMember",)


def test_member_works_on_own_report_only(portal, tree):
    login(portal, "ani")
    assert api.user.has_permission("View", obj=tree["report_a"])
    assert api.user.has_permission("Modify portal content", obj=tree["report_a"])
    assert not api.user.has_permission("View", obj=tree["report_b"])
    found = {brain.getId for brain in api.content.find(portal_type="IndicatorReport")}
    assert found == {"laporan-kota-serang"}


def test_changing_the_partner_of_a_report_moves_the_role(portal, tree):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    report = tree["report_a"]
    report.partner_uid = api.content.get_uuid(tree["partner_b"])
    notify(ObjectModifiedEvent(report))
    assert report.get_local_roles_for_userid("mitra-kota-serang") == ()
    assert report.get_local_roles_for_userid("mitra-kabupaten-lebak") == ("PartnerMember",)


def test_renamed_partner_keeps_its_group(portal, tree):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.content.rename(obj=tree["partner_a"], new_id="pemkot-serang")
    partner = portal["mitra"]["pemkot-serang"]
    assert partner.get_local_roles_for_userid("mitra-kota-serang") == ("PartnerMember",)


def test_removing_a_partner_removes_its_group(portal, tree):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.content.delete(obj=tree["partner_b"], check_linkintegrity=False)
    assert api.group.get(groupname="mitra-kabupaten-lebak") is None


def _post(portal, view, **form):
    request = view.request
    request.method = "POST"
    request.form.clear()
    request.form.update(form, _authenticator=createToken())
    return view()


def test_editor_adds_and_removes_members_from_the_partner_page(portal, tree):
    from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
    from zope.interface import alsoProvides

    api.user.create(username="citra", email="citra@example.org", password="rahasia-12345")
    setRoles(portal, TEST_USER_ID, ["Editor"])
    alsoProvides(portal.REQUEST, IKemenkumhamHamLayer)
    partner = tree["partner_a"]
    view = api.content.get_view("partner-members", partner, portal.REQUEST)
    _post(portal, view, add="citra@example.org")
    assert "citra" in api.group.get(groupname="mitra-kota-serang").getGroupMemberIds()
    _post(portal, view, add="tidak-ada")
    assert "tidak-ada" not in api.group.get(groupname="mitra-kota-serang").getGroupMemberIds()
    _post(portal, view, remove="ani")
    assert "ani" not in api.group.get(groupname="mitra-kota-serang").getGroupMemberIds()
    portal.REQUEST.method = "GET"
    html = api.content.get_view("partner-members", partner, portal.REQUEST)()
    assert "citra@example.org" in html


def test_members_page_needs_the_permission(portal, tree):
    login(portal, "ani")
    assert not api.user.has_permission(
        "kemenkumham.ham: Manage partner members", obj=tree["partner_a"]
    )
