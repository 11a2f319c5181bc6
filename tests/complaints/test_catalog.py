"""What the catalog holds of a complaint: the substance of the case, never who complained."""

from datetime import date
from kemenkumham.ham.complaints.identity import store_identity
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


NAME = "Siti Contoh Aminah"
NIK = "3604000000000001"
CHRONOLOGY_WORD = "Kronologirahasia"


@pytest.fixture
def complaint(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    complaint = api.content.create(
        container=portal["pengaduan"],
        type="Complaint",
        id="uji-katalog",
        channel="surat",
        party_kind="korporasi",
        party_complained_about="PT Sawit Makmur",
        right_concerned="kesejahteraan",
        incident_place="Cibeber",
        incident_date=date(2025, 1, 10),
        chronology=f"{CHRONOLOGY_WORD}: Pak Darmo dipukul mandor.",
    )
    complaint.received_date = date(2025, 3, 4)
    store_identity(complaint, {"complainant_name": NAME, "id_number": NIK})
    complaint.reindexObject()
    return complaint


def find(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Complaint", **query
    )


def test_searchable_text_holds_number_party_place_and_right(complaint):
    uid = api.content.get_uuid(complaint)
    for words in (
        complaint.registration_number,
        "Sawit Makmur",
        "Cibeber",
        "kesejahteraan",  # Hak atas kesejahteraan
        "welfare",
    ):
        assert [b.UID for b in find(SearchableText=words)] == [uid], words


def test_searchable_text_holds_neither_identity_nor_chronology(complaint):
    for words in ("Siti", "Aminah", NIK, CHRONOLOGY_WORD, "Darmo", "mandor"):
        assert not find(SearchableText=words), words
    catalog = api.portal.get_tool("portal_catalog")
    rid = find(UID=api.content.get_uuid(complaint))[0].getRID()
    indexed = catalog.getIndexDataForRID(rid)["SearchableText"]
    assert "darmo" not in indexed and "siti" not in indexed


def test_indexes_of_right_party_kind_channel_and_month(complaint):
    uid = api.content.get_uuid(complaint)
    assert [b.UID for b in find(complaint_right="kesejahteraan")] == [uid]
    assert [b.UID for b in find(complaint_party_kind="korporasi")] == [uid]
    assert [b.UID for b in find(complaint_channel="surat")] == [uid]
    assert [b.UID for b in find(complaint_received_month="2025-03")] == [uid]
    assert not find(complaint_right="hidup")
    assert not find(complaint_received_month="2025-04")


def test_title_and_description_say_nothing_personal(complaint):
    brain = find(UID=api.content.get_uuid(complaint))[0]
    assert brain.Title == f"Pengaduan {complaint.registration_number}"
    assert brain.Description == ""
    # Even a description set by a script stays out of the catalog.
    complaint.description = NAME
    complaint.reindexObject()
    brain = find(UID=api.content.get_uuid(complaint))[0]
    assert brain.Description == ""
