"""@@complaint-identity, @@complaint-file, @@complaint-access-log and REST @complaint-identity
over HTTP, as officers, administrators and everyone else use them."""

from datetime import datetime
from kemenkumham.ham.complaints.attachments import EVIDENCE
from kemenkumham.ham.complaints.attachments import IDENTITY_DOCUMENT
from kemenkumham.ham.complaints.attachments import POWER_OF_ATTORNEY
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.clock import freeze_clock
from tests.complaints.identity_fixtures import add_officer
from tests.complaints.identity_fixtures import add_user
from tests.complaints.identity_fixtures import EVIDENCE_DATA
from tests.complaints.identity_fixtures import IDENTITY
from tests.complaints.identity_fixtures import KTP_DATA
from tests.complaints.identity_fixtures import KTP_NAME
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.identity_fixtures import PASSWORD
from tests.complaints.identity_fixtures import POA_NAME
from tests.complaints.identity_fixtures import SECRETS
from tests.openapi import check_response

import csv
import io
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    complaint, ids = make_complaint(portal)
    add_officer("petugas1", "Petugas Satu")
    add_user("siteadmin", roles=["Site Administrator"], fullname="Admin Situs")
    add_user("editor1", roles=["Editor"])
    add_user("verifikator1", groups=["verifikator"])
    add_user("anggota1", roles=["Member"])
    transaction.commit()
    return portal, complaint, ids


def api_url(complaint):
    """The REST address as docs/openapi.yaml describes it: ++api++ after the site."""
    portal_url = api.portal.get().absolute_url()
    path = complaint.absolute_url()[len(portal_url) :]
    return f"{portal_url}/++api++{path}/@complaint-identity"


def auth(user):
    return (user, PASSWORD)


def get(url, user=None, **kwargs):
    return requests.get(
        url,
        auth=auth(user) if user else None,
        allow_redirects=False,
        timeout=60,
        **kwargs,
    )


def log_rows(portal, as_user="siteadmin", **params):
    response = get(
        f"{portal.absolute_url()}/@@complaint-access-log",
        as_user,
        params={**params, "format": "csv"},
    )
    assert response.status_code == 200, response.text
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_reading_an_identity_as_an_officer_writes_one_entry_an_administrator_lists(site):
    """Acceptance: an officer reads a complainant's identity; the administrator lists the log
    and sees exactly one new entry with the officer, the case and 'read'."""
    portal, complaint, _ids = site
    before = log_rows(portal)
    page = get(f"{complaint.absolute_url()}/@@complaint-identity", "petugas1")
    assert page.status_code == 200
    assert IDENTITY["complainant_name"] in page.text
    assert IDENTITY["id_number"] in page.text
    assert IDENTITY["representative_name"] in page.text
    assert "Dewi Lestari Pramudita" in page.text
    assert page.headers["Cache-Control"].startswith("private, no-store")
    after = log_rows(portal)
    assert len(after) == len(before) + 1
    new = after[0]
    assert (new["user"], new["fullname"], new["action"], new["case"], new["case_uid"]) == (
        "petugas1",
        "Petugas Satu",
        "read",
        complaint.getId(),
        api.content.get_uuid(complaint),
    )
    # The page lists the same entry, newest first, with the case linked and the user's name.
    listing = get(f"{portal.absolute_url()}/@@complaint-access-log", "siteadmin")
    assert listing.status_code == 200
    assert listing.headers["Cache-Control"].startswith("private, no-store")
    assert "Petugas Satu" in listing.text
    assert f'href="{complaint.absolute_url()}"' in listing.text
    # Neither the page nor the CSV holds the identity.
    csv_text = repr(after)
    for secret in SECRETS:
        assert secret not in listing.text
        assert secret not in csv_text


@pytest.mark.parametrize("user", [None, "anggota1", "editor1", "siteadmin", "verifikator1"])
def test_others_cannot_read_the_identity(site, user):
    portal, complaint, ids = site
    before = len(log_rows(portal))
    for url in (
        f"{complaint.absolute_url()}/@@complaint-identity",
        f"{complaint.absolute_url()}/@@complaint-file/{ids[IDENTITY_DOCUMENT]}",
        api_url(complaint),
    ):
        response = get(url, user, headers=JSON if "++api++" in url else {})
        assert response.status_code in (302, 401, 403), (url, response.status_code)
        for secret in SECRETS:
            assert secret not in response.text
        assert KTP_DATA not in response.content
    assert len(log_rows(portal)) == before


@pytest.mark.parametrize("user", [None, "petugas1", "editor1", "anggota1"])
def test_only_administrators_see_the_access_log(site, user):
    portal = site[0]
    for params in ({}, {"format": "csv"}):
        response = get(f"{portal.absolute_url()}/@@complaint-access-log", user, params=params)
        assert response.status_code in (302, 401, 403)


def test_identity_page_links_identity_documents_and_download_is_logged(site):
    portal, complaint, ids = site
    page = get(f"{complaint.absolute_url()}/@@complaint-identity", "petugas1")
    link = f"{complaint.absolute_url()}/@@complaint-file/{ids[IDENTITY_DOCUMENT]}"
    assert f'href="{link}"' in page.text
    assert ids[POWER_OF_ATTORNEY] in page.text
    assert KTP_NAME not in page.text and POA_NAME not in page.text  # only opening shows it
    before = len(log_rows(portal))
    download = get(link, "petugas1")
    assert download.status_code == 200
    assert download.content == KTP_DATA
    assert download.headers["Content-Type"].startswith("application/pdf")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert KTP_NAME in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Cache-Control"].startswith("private, no-store")
    rows = log_rows(portal)
    assert len(rows) == before + 1
    assert (rows[0]["user"], rows[0]["action"], rows[0]["detail"]) == (
        "petugas1",
        "download",
        "identity_document",
    )
    evidence = get(f"{complaint.absolute_url()}/@@complaint-file/{ids[EVIDENCE]}", "petugas1")
    assert evidence.content == EVIDENCE_DATA
    assert len(log_rows(portal)) == before + 1  # evidence is not identity
    for unknown in ("tidak-ada", f"{ids[EVIDENCE]}/lagi"):
        missing = get(f"{complaint.absolute_url()}/@@complaint-file/{unknown}", "petugas1")
        assert missing.status_code == 404


def test_access_log_filters_by_case_and_user(site):
    portal, complaint, _ids = site
    other = make_complaint(portal, "pengaduan-lain", files=False)[0]
    add_officer("petugas2", "Petugas Dua")
    transaction.commit()
    get(f"{complaint.absolute_url()}/@@complaint-identity", "petugas1")
    get(f"{other.absolute_url()}/@@complaint-identity", "petugas2")
    get(f"{other.absolute_url()}/@@complaint-identity", "petugas1")
    reads = [row for row in log_rows(portal) if row["action"] == "read"]
    assert [(row["user"], row["case"]) for row in reads] == [
        ("petugas1", "pengaduan-lain"),
        ("petugas2", "pengaduan-lain"),
        ("petugas1", complaint.getId()),
    ]
    of_other = log_rows(portal, case=api.content.get_uuid(other))
    assert {row["case"] for row in of_other} == {"pengaduan-lain"}
    assert len([row for row in of_other if row["action"] == "read"]) == 2
    by_user = log_rows(portal, user="petugas2")
    assert [(row["user"], row["action"]) for row in by_user] == [("petugas2", "read")]
    page = get(
        f"{portal.absolute_url()}/@@complaint-access-log", "siteadmin", params={"user": "petugas2"}
    )
    assert page.text.count('class="access-action"') == 1


def test_rest_identity_for_officers_logged_and_documented(site, monkeypatch):
    portal, complaint, ids = site
    before = len(log_rows(portal))
    response = check_response(get(api_url(complaint), "petugas1", headers=JSON))
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("private, no-store")
    data = response.json()
    assert data["identity"] == IDENTITY
    assert data["identity_erased_on"] is None
    documents = {document["kind"]: document for document in data["documents"]}
    assert set(documents) == {IDENTITY_DOCUMENT, POWER_OF_ATTORNEY}  # no evidence here
    assert documents[IDENTITY_DOCUMENT]["id"] == ids[IDENTITY_DOCUMENT]
    assert documents[IDENTITY_DOCUMENT]["size"] == len(KTP_DATA)
    assert "filename" not in documents[IDENTITY_DOCUMENT]
    download = get(documents[IDENTITY_DOCUMENT]["download"], "petugas1")
    assert download.content == KTP_DATA
    rows = log_rows(portal)
    assert len(rows) == before + 2
    assert [row["action"] for row in rows[:2]] == ["download", "read"]
    # The complaint itself, through plone.restapi, carries no identity.
    content = get(f"{complaint.absolute_url()}/++api++", "petugas1", headers=JSON)
    assert content.status_code == 200
    for secret in SECRETS:
        assert secret not in content.text


def test_rest_identity_refused_is_documented(site):
    complaint = site[1]
    response = check_response(get(api_url(complaint), "editor1", headers=JSON))
    assert response.status_code == 401
    assert IDENTITY["complainant_name"] not in response.text


def test_identity_page_without_the_key_answers_503_and_no_traceback(site, monkeypatch):
    portal, complaint, _ids = site
    monkeypatch.delenv("HAM_COMPLAINT_KEY")
    page = get(f"{complaint.absolute_url()}/@@complaint-identity", "petugas1")
    assert page.status_code == 503
    assert 'id="identity-error"' in page.text
    assert "Traceback" not in page.text
    rest = check_response(get(api_url(complaint), "petugas1", headers=JSON))
    assert rest.status_code == 503


def test_manager_reads_the_log_too(site, monkeypatch):
    portal, complaint, _ids = site
    freeze_clock(monkeypatch, datetime(2030, 1, 2, 8, 0))
    get(f"{complaint.absolute_url()}/@@complaint-identity", "petugas1")
    response = requests.get(
        f"{portal.absolute_url()}/@@complaint-access-log",
        params={"format": "csv"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "2030-01-02T08:00:00+07:00;petugas1;Petugas Satu;read;" in response.content.decode(
        "utf-8-sig"
    )
