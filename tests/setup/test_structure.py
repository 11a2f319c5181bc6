"""The sections of the site and who works in them."""

from kemenkumham.ham.structure import SECTIONS
from plone import api

import pytest


EXPECTED_SECTIONS = [
    ("berita", "Berita"),
    ("program", "Program"),
    ("peraturan", "Peraturan"),
    ("formulir", "Formulir"),
    ("pengaduan", "Pengaduan"),
    ("mitra", "Mitra"),
    ("gugus-tugas", "Gugus Tugas"),
    ("penghargaan", "Penghargaan"),
    ("statistik", "Statistik"),
]


def test_sections_in_order(portal):
    ids = [i for i in portal.objectIds() if i in dict(EXPECTED_SECTIONS)]
    assert ids == [section_id for section_id, _ in EXPECTED_SECTIONS]


@pytest.mark.parametrize("section_id,title", EXPECTED_SECTIONS)
def test_section_published_with_title(portal, section_id, title):
    folder = portal[section_id]
    assert folder.title == title
    assert api.content.get_state(folder) == "published"


def test_anonymous_sees_sections_in_navigation(portal):
    with api.env.adopt_roles(["Anonymous"]):
        found = {
            b.getId
            for b in api.content.find(
                portal_type="Folder", path={"query": "/".join(portal.getPhysicalPath()), "depth": 1}
            )
        }
    assert {section_id for section_id, _ in EXPECTED_SECTIONS} <= found


def test_humas_works_in_berita_only(portal):
    assert set(portal["berita"].get_local_roles_for_userid("humas")) == {
        "Contributor",
        "Editor",
        "Reviewer",
    }
    for section in SECTIONS:
        if section.id != "berita":
            assert portal[section.id].get_local_roles_for_userid("humas") == ()


def test_editors_work_in_programme_sections(portal):
    for section_id in ("program", "peraturan", "formulir", "mitra", "gugus-tugas"):
        assert "Editor" in portal[section_id].get_local_roles_for_userid("bidang-ham")
    assert portal["berita"].get_local_roles_for_userid("bidang-ham") == ()


SECTION_TYPES = {
    "berita": {"News Item", "Document", "File", "Image", "Collection"},
    "program": {"Programme", "Document", "File", "Image"},
    "peraturan": {"Regulation", "Document", "File", "Collection"},
    "formulir": {"EasyForm", "Document"},
    "pengaduan": {"Complaint", "Document"},
    "mitra": {"Partner", "Document"},
    "gugus-tugas": {"TaskForce", "Document", "File"},
    "penghargaan": {"Award", "Document", "File", "Collection"},
    "statistik": {"Document", "File", "Image", "Collection"},
}


@pytest.mark.parametrize("section_id,types", SECTION_TYPES.items())
def test_section_takes_its_own_types(portal, section_id, types):
    from plone.base.interfaces.constrains import ISelectableConstrainTypes

    with api.env.adopt_roles(["Manager"]):
        allowed = set(ISelectableConstrainTypes(portal[section_id]).getLocallyAllowedTypes())
    assert allowed == types


def test_upgrade_1001_constrains_existing_sections(portal):
    from kemenkumham.ham.upgrades.v1001 import add_domain_types
    from plone.base.interfaces.constrains import ISelectableConstrainTypes

    with api.env.adopt_roles(["Manager"]):
        constraints = ISelectableConstrainTypes(portal["mitra"])
        constraints.setConstrainTypesMode(0)
        add_domain_types(portal.portal_setup)
        assert constraints.getConstrainTypesMode() == 1
        assert set(constraints.getLocallyAllowedTypes()) == {"Partner", "Document"}


def test_humas_member_can_add_news_in_berita(portal):
    api.user.create(username="humas1", email="humas1@example.org", password="secret-pw-123")
    api.group.add_user(groupname="humas", username="humas1")
    with api.env.adopt_user(username="humas1"):
        assert api.user.has_permission("Add portal content", obj=portal["berita"])
        assert not api.user.has_permission("Add portal content", obj=portal["program"])


def test_ensure_sections_is_idempotent(portal):
    from kemenkumham.ham.structure import ensure_sections

    before = portal.objectIds()
    ensure_sections(portal)
    assert portal.objectIds() == before


def test_home_page_introduces_the_sections(portal):
    text = portal.text.raw
    assert "pengaduan dugaan pelanggaran HAM" in text
    assert f"resolveuid/{api.content.get_uuid(portal['berita'])}" in text
    assert text.count("<li>") == len(SECTIONS)


def test_home_page_text_of_editors_is_kept(portal):
    from kemenkumham.ham.structure import ensure_home_page
    from plone.app.textfield.value import RichTextValue

    portal.text = RichTextValue("<p>Teks redaksi</p>", "text/html", "text/x-html-safe")
    ensure_home_page(portal)
    assert portal.text.raw == "<p>Teks redaksi</p>"


def test_upgrade_1001_keeps_published_news_published(portal):
    """News published under the site's default workflow stays published after the upgrade."""
    from kemenkumham.ham.upgrades.v1001 import carry_over_states
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    workflow_tool = api.portal.get_tool("portal_workflow")
    setRoles(portal, TEST_USER_ID, ["Manager"])
    workflow_tool.setChainForPortalTypes(("News Item",), "simple_publication_workflow")
    news = api.content.create(container=portal["berita"], type="News Item", id="lama", title="Lama")
    api.content.transition(obj=news, transition="publish")
    workflow_tool.setChainForPortalTypes(("News Item",), "ham_publication_workflow")
    assert api.content.get_state(news) == "private"
    carry_over_states(("News Item",))
    assert api.content.get_state(news) == "published"
