"""DOMAIN invariant 3, on the demo complaints: the complainant's identity is never found.

Not in any catalog index or metadata column, not in @search for any role (complaint officers
included: they read the identity through @complaint-identity only), not in the officers' CSV
export, not in the log, and not in the raw ZODB record of the complaint, which holds only the
encrypted token. And nobody but complaint officers and Manager opens a complaint at all.
"""

from kemenkumham.ham.complaints.identity import ATTRIBUTE
from kemenkumham.ham.demo import create_demo
from kemenkumham.ham.demo.complaints import demo_complaint
from kemenkumham.ham.demo.complaints import DEMO_COMPLAINTS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import json
import logging
import pytest
import re
import requests
import transaction


PASSWORD = "rahasia-identitas-1"
JSON = {"Accept": "application/json"}
# username: (groups, site roles)
USERS = {
    "anggota1": ((), ()),
    "mitra1": (("mitra-pemerintah-kota-serang",), ()),
    "humas1": (("humas",), ()),
    "editor1": (("bidang-ham",), ()),
    "verif1": (("verifikator",), ()),
    "penilai1": (("tim-penilai",), ()),
    "admin1": ((), ("Site Administrator",)),
    "manager1": ((), ("Manager",)),
    "petugas1": (("petugas-pengaduan",), ()),
}
EVERY_ROLE = [None, *USERS]  # None: anonymous
NOT_OFFICERS = [None, "anggota1", "mitra1", "humas1", "editor1", "verif1", "penilai1", "admin1"]


def secrets_of(spec):
    """Every piece of a demo complaint's identity, as found in text."""
    identity = spec["identity"]
    values = [identity[key] for key in identity if key != "id_kind" and identity[key]]
    # Each part of the complainant's name on its own, too ("Aminah").
    values += [part for part in identity["complainant_name"].split() if part != "Contoh"]
    return values


SECRETS = sorted({value for spec in DEMO_COMPLAINTS for value in secrets_of(spec)})


PATTERNS = {
    value: re.compile(rf"(?<![0-9a-z]){re.escape(value.lower())}(?![0-9a-z])") for value in SECRETS
}


def assert_no_identity(text, where):
    """No piece of any identity as a word of text ("Siti", not the "siti" of "position")."""
    lowered = text.lower()
    found = [value for value, pattern in PATTERNS.items() if pattern.search(lowered)]
    assert not found, f"{where}: {found}"


@pytest.fixture
def demo(functional, caplog):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    said = []
    with caplog.at_level(logging.DEBUG):
        create_demo(portal, say=said.append)
    for username, (groups, roles) in USERS.items():
        api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
        for group in groups:
            api.group.add_user(groupname=group, username=username)
        if roles:
            api.user.grant_roles(username=username, roles=list(roles))
    transaction.commit()
    complaints = [demo_complaint(portal["pengaduan"], spec["id"]) for spec in DEMO_COMPLAINTS]
    return portal, complaints, said, caplog.text


def auth(username):
    return (username, PASSWORD) if username else None


def test_demo_complaints_exist_with_identity(demo):
    _portal, complaints, _said, _log = demo
    assert len(complaints) == 5
    assert all(getattr(complaint, ATTRIBUTE, None) for complaint in complaints)


def test_identity_is_in_no_catalog_index_and_no_metadata_column(demo):
    portal, complaints, _said, _log = demo
    catalog = api.portal.get_tool("portal_catalog")
    for complaint in complaints:
        (brain,) = catalog.unrestrictedSearchResults(UID=api.content.get_uuid(complaint))
        rid = brain.getRID()
        for name in catalog._catalog.indexes:
            index = catalog._catalog.getIndex(name)  # in context: text indexes need it
            assert_no_identity(repr(index.getEntryForObject(rid, None)), f"index {name}")
        assert_no_identity(repr(catalog.getIndexDataForRID(rid)), "index data")
        assert_no_identity(repr(catalog.getMetadataForRID(rid)), "metadata")
    for value in SECRETS:
        # (Other content may well name a "Budi": no complaint is found by it.)
        words = re.sub(r"[()]", " ", value)  # no query syntax
        assert not catalog.unrestrictedSearchResults(SearchableText=words, portal_type="Complaint")


@pytest.mark.parametrize("username", EVERY_ROLE)
def test_search_never_gives_the_identity(demo, username):
    portal, complaints, _said, _log = demo
    url = f"{portal.absolute_url()}/++api++/@search"
    for spec in DEMO_COMPLAINTS:
        identity = spec["identity"]
        for words in (identity["complainant_name"], identity["id_number"], identity["phone"]):
            response = requests.get(
                url,
                params={"SearchableText": words, "metadata_fields": "_all"},
                headers=JSON,
                auth=auth(username),
                timeout=60,
            )
            assert response.status_code == 200, response.text
            items = response.json()["items"]
            assert not [i for i in items if i["@type"] == "Complaint"]
            # The items only: the answer's own links repeat the query.
            assert_no_identity(json.dumps(items, ensure_ascii=False), f"@search {words}")
    listing = requests.get(
        url,
        params={
            "path": "/".join(portal["pengaduan"].getPhysicalPath()),
            "fullobjects": 1,
            "metadata_fields": "_all",
            "b_size": 1000,
        },
        headers=JSON,
        auth=auth(username),
        timeout=60,
    )
    assert listing.status_code == 200, listing.text
    assert_no_identity(
        json.dumps(listing.json()["items"], ensure_ascii=False), f"@search listing as {username}"
    )
    found = {i["@id"] for i in listing.json()["items"] if i["@type"] == "Complaint"}
    if username in ("petugas1", "manager1"):
        # They see the cases (so the check above read them), never the identity.
        assert found == {complaint.absolute_url() for complaint in complaints}
    else:
        assert not found


@pytest.mark.parametrize("username", ["petugas1", "manager1"])
def test_export_never_gives_the_identity(demo, username):
    portal, complaints, _said, _log = demo
    response = requests.get(
        f"{portal['pengaduan'].absolute_url()}/@@export-complaints",
        params={"format": "csv"},
        auth=auth(username),
        timeout=60,
    )
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    for complaint in complaints:
        assert complaint.registration_number in text
    assert_no_identity(text, "CSV export")


def test_identity_is_not_in_the_log_nor_in_what_the_demo_says(demo):
    _portal, _complaints, said, log = demo
    assert_no_identity("\n".join(said), "demo output")
    assert_no_identity(log, "log")


def test_raw_zodb_record_holds_the_encrypted_token_only(demo):
    _portal, complaints, _said, _log = demo
    for complaint in complaints:
        storage = complaint._p_jar.db().storage
        record, _serial = storage.load(complaint._p_oid)
        assert bytes(getattr(complaint, ATTRIBUTE)) in record
        assert_no_identity(record.decode("latin-1"), f"ZODB record of {complaint.getId()}")
        assert b"Contoh:" in record  # the record was read: the chronology is in it


@pytest.mark.parametrize("username", NOT_OFFICERS)
def test_nobody_else_opens_a_complaint(demo, username):
    _portal, complaints, _said, _log = demo
    for complaint in complaints:
        for suffix in ("", "/++api++", "/view"):
            response = requests.get(
                complaint.absolute_url() + suffix,
                headers=JSON if suffix == "/++api++" else {},
                auth=auth(username),
                timeout=30,
                allow_redirects=False,
            )
            assert response.status_code in (302, 401, 403, 404), (suffix, response.status_code)
            if response.status_code == 302:
                assert "login" in response.headers["Location"]
            assert complaint.registration_number not in response.text
            assert_no_identity(response.text, f"{suffix} as {username}")


@pytest.mark.parametrize("username", ["petugas1", "manager1"])
def test_officers_open_the_case_without_the_identity(demo, username):
    _portal, complaints, _said, _log = demo
    for complaint in complaints:
        response = requests.get(
            f"{complaint.absolute_url()}/++api++", headers=JSON, auth=auth(username), timeout=30
        )
        assert response.status_code == 200
        assert response.json()["registration_number"] == complaint.registration_number
        assert_no_identity(response.text, f"REST of the case as {username}")
