"""The report page (Classic UI): each role writes its part of the rows, bad input stores nothing."""

from datetime import datetime
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.browser.pages import build_site
from tests.browser.pages import names
from tests.browser.pages import PDF
from tests.browser.pages import text_of
from tests.browser.pages import User
from tests.clock import freeze_clock
from tests.factories import prepare_report_step

import pytest
import transaction


CODES = ("KKP-06.03", "KKP-07.01")


@pytest.fixture
def site(functional, monkeypatch):
    """make_tree's site, its 2024 window open (2025-01-06 to 2025-03-31)."""
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    tree = build_site(functional["portal"])
    return functional["portal"], tree


def to_state(report, state):
    move_to_state(report, state, prepare=prepare_report_step)
    transaction.commit()


def row_controls(doc):
    return names(doc, "row.")


def stored(report):
    transaction.begin()
    return {code: dict(report.rows[code]) for code in CODES}


def error_of(response):
    from lxml import html

    assert response.status_code == 400, (response.status_code, response.text[:300])
    doc = html.fromstring(response.text)
    return text_of(doc, "report-error-message"), doc


def test_partner_writes_value_note_evidence_only_in_draft(site):
    portal, tree = site
    report = tree["report_a"]
    _response, doc = User("ani").page(report.absolute_url())
    assert row_controls(doc) == {
        f"row.{field}.{code}" for field in ("value", "note", "files") for code in CODES
    }
    percentage = doc.xpath("//input[@name='row.value.KKP-06.03']")[0]
    assert (percentage.get("type"), percentage.get("min"), percentage.get("max")) == (
        "number",
        "0",
        "100",
    )
    assert doc.xpath("//label[@for=$id]", id=percentage.get("id")), "every control has a label"
    assert doc.xpath("//form[@id='step-submit']")
    assert not doc.xpath("//*[@id='report-total-score']"), "no scores for the partner in draft"
    assert text_of(doc, "report-partner") == "Pemerintah Kota Serang"
    assert doc.xpath("//*[@id='report-state']/@data-state") == ["draft"]
    assert doc.xpath("//*[@id='report-window']/@data-open") == ["true"]
    # Submitted: everything is read-only for the partner, values still shown.
    to_state(report, "submitted")
    _response, doc = User("ani").page(report.absolute_url())
    assert row_controls(doc) == set()
    assert not doc.xpath("//button[@id='report-save']")
    assert "80" in doc.xpath("string(//tr[@data-code='KKP-06.03'])")
    assert doc.xpath("//form[@id='step-retract']")


def test_guidance_for_staff_and_required_evidence_for_all(site):
    portal, tree = site
    period = tree["period"]
    to_state(tree["report_a"], "submitted")
    rules = dict(period.frozen_rules)
    rules["indicators"] = [
        {**rule, "required_evidence": "SK Wali Kota", "verification_guidance": "Cek nomor SK."}
        if rule["code"] == "KKP-07.01"
        else rule
        for rule in rules["indicators"]
    ]
    period.frozen_rules = rules
    transaction.commit()
    for username, staff in (("ani", False), ("verif1", True)):
        _response, doc = User(username).page(tree["report_a"].absolute_url())
        row = doc.xpath("//tr[@data-code='KKP-07.01']")[0]
        assert "SK Wali Kota" in row.text_content(), username
        assert ("Cek nomor SK." in row.text_content()) is staff, username
        assert "Cek nomor SK." not in doc.xpath("string(//tr[@data-code='KKP-06.03'])")


def test_verifier_checks_rows_and_assessor_scores_them(site):
    portal, tree = site
    report = tree["report_a"]
    to_state(report, "submitted")
    _response, doc = User("verif1").page(report.absolute_url())
    assert row_controls(doc) == {
        f"row.{field}.{code}" for field in ("status", "remark") for code in CODES
    }
    options = doc.xpath("//select[@name='row.status.KKP-06.03']/option/@value")
    assert options == ["", "accepted", "needs_revision"]
    assert {f.get("id") for f in doc.xpath("//form[starts-with(@id, 'step-')]")} == {
        "step-request_revision",
        "step-verify",
    }
    to_state(report, "verified")
    _response, doc = User("penilai1").page(report.absolute_url())
    assert row_controls(doc) == {f"row.score.{code}" for code in CODES}
    assert doc.xpath("//*[@id='report-total-score']")
    assert [f.get("id") for f in doc.xpath("//form[starts-with(@id, 'step-')]")] == ["step-assess"]
    # The verifier sees the verified report read-only, the partner too.
    for username in ("verif1", "ani"):
        assert row_controls(User(username).page(report.absolute_url())[1]) == set()


def test_partner_saves_values_and_evidence_and_downloads_it(site):
    portal, tree = site
    report = tree["report_a"]
    ani = User("ani")
    response = ani.post(
        report.absolute_url(),
        {
            "form.buttons.save": "save",
            "row.value.KKP-06.03": "72.5",
            "row.note.KKP-06.03": "Data Dinas Kesehatan",
            "row.value.KKP-07.01": "9",
        },
        files=[
            ("row.files.KKP-06.03:list", ("bukti.pdf", PDF, "application/pdf")),
            ("row.files.KKP-06.03:list", ("foto.png", b"\x89PNG\r\n\x1a\n123", "image/png")),
        ],
    )
    assert response.status_code == 302, response.text[:500]
    rows = stored(report)
    assert rows["KKP-06.03"]["value"] == 72.5
    assert rows["KKP-06.03"]["note"] == "Data Dinas Kesehatan"
    assert rows["KKP-07.01"]["value"] == 9.0
    files = [entry["file"].filename for entry in rows["KKP-06.03"]["evidence"]]
    assert files == ["bukti.pdf", "foto.png"]
    _response, doc = ani.page(report.absolute_url())
    links = doc.xpath("//tr[@data-code='KKP-06.03']//a[@class='ham-evidence-link']/@href")
    first_id = rows["KKP-06.03"]["evidence"][0]["id"]
    assert links[0] == f"{report.absolute_url()}/@@evidence/{first_id}"
    download = ani.get(links[0])
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "bukti.pdf" in download.headers["Content-Disposition"]
    assert "private" in download.headers["Cache-Control"]
    assert "public" not in download.headers["Cache-Control"]
    # Removing one file keeps the other; the values stay as they are.
    response = ani.post(
        report.absolute_url(),
        {
            "form.buttons.save": "save",
            "row.value.KKP-06.03": "72.5",
            "row.remove.KKP-06.03:list": first_id,
        },
    )
    assert response.status_code == 302
    rows = stored(report)
    assert [e["file"].filename for e in rows["KKP-06.03"]["evidence"]] == ["foto.png"]
    # The removed file stays nowhere in the rows or the history: it is gone for good.
    assert ani.get(links[0]).status_code == 404


BAD_INPUT = [
    pytest.param(
        {"row.value.KKP-06.03": "150", "row.value.KKP-07.01": "7"},
        None,
        "Indicator KKP-06.03: '150' must be between 0 and 100.",
        id="percentage-over-100",
    ),
    pytest.param(
        {"row.value.KKP-07.01": "banyak"},
        None,
        "Indicator KKP-07.01: 'banyak' must be a number.",
        id="number-as-text",
    ),
    pytest.param(
        {"row.value.KKP-99.99": "1", "row.value.KKP-07.01": "7"},
        None,
        "Indicator KKP-99.99 is not part of this period's report.",
        id="unknown-row",
    ),
    pytest.param(
        {"row.value.KKP-07.01": "7"},
        [("row.files.KKP-06.03:list", ("program.exe", b"MZ\x90\x00", "application/x-msdownload"))],
        "Indicator KKP-06.03: the file 'program.exe' is not allowed",
        id="forbidden-file-type",
    ),
    pytest.param(
        {"row.value.KKP-07.01": "7"},
        [("row.files.KKP-06.03:list", ("laporan.pdf", b"MZ\x90\x00 program", "application/pdf"))],
        "Indicator KKP-06.03: the content of 'laporan.pdf' is not a PDF file.",
        id="program-named-pdf",
    ),
    pytest.param(
        {"row.value.KKP-07.01": "7"},
        [
            (
                "row.files.KKP-06.03:list",
                ("besar.pdf", PDF + b"0" * (1024 * 1024), "application/pdf"),
            )
        ],
        "Indicator KKP-06.03: the file 'besar.pdf' is larger than 1 MB.",
        id="oversize-file",
    ),
    pytest.param(
        {"row.status.KKP-06.03": "accepted", "row.value.KKP-07.01": "7"},
        None,
        "Indicator KKP-06.03: you may not change status",
        id="partner-sets-status",
    ),
]


@pytest.mark.parametrize("form,files,message", BAD_INPUT)
def test_bad_input_names_the_row_and_stores_nothing(site, form, files, message):
    portal, tree = site
    report = tree["report_a"]
    api.portal.set_registry_record("kemenkumham.ham.evidence_max_size_mb", 1)
    transaction.commit()
    before = stored(report)
    response = User("ani").post(
        report.absolute_url(), {"form.buttons.save": "save", **form}, files=files
    )
    shown, doc = error_of(response)
    assert message in shown
    assert doc.xpath("//*[@id='report-error']/@role") == ["alert"]
    assert stored(report) == before
    # What the user typed is still in the form.
    for name, value in form.items():
        if name.startswith("row.value.") and name[len("row.value.") :] in CODES:
            assert doc.xpath("//input[@name=$name]/@value", name=name) == [value]
    code = message.split(":")[0].removeprefix("Indicator ").split(" ")[0]
    if code in CODES:
        row = doc.xpath("//tr[@data-code=$code]", code=code)[0]
        assert row.get("class") == "table-danger"
        assert doc.xpath("//*[@id='report-error']//a/@href") == [f"#{row.get('id')}"]


def test_verifier_cannot_write_values_nor_the_partner_after_submission(site):
    portal, tree = site
    report = tree["report_a"]
    to_state(report, "submitted")
    before = stored(report)
    for username in ("verif1", "ani"):
        response = User(username).post(
            report.absolute_url(), {"form.buttons.save": "save", "row.value.KKP-07.01": "1"}
        )
        shown, _doc = error_of(response)
        assert "Indicator KKP-07.01: you may not change value" in shown
    assert stored(report) == before


def test_save_without_csrf_token_is_refused(site):
    portal, tree = site
    report = tree["report_a"]
    before = stored(report)
    response = User("ani").post(
        report.absolute_url(),
        {"form.buttons.save": "save", "row.value.KKP-07.01": "1"},
        token=False,
    )
    assert response.status_code == 403
    assert stored(report) == before


def test_other_partner_and_anonymous_get_neither_page_nor_evidence(site):
    portal, tree = site
    report = tree["report_a"]
    ani = User("ani")
    response = ani.post(
        report.absolute_url(),
        {"form.buttons.save": "save"},
        files=[("row.files.KKP-06.03:list", ("bukti.pdf", PDF, "application/pdf"))],
    )
    assert response.status_code == 302
    evidence_id = stored(report)["KKP-06.03"]["evidence"][0]["id"]
    download = f"{report.absolute_url()}/@@evidence/{evidence_id}"
    assert ani.get(download).status_code == 200
    for user in (User("budi"), User()):
        assert user.get(report.absolute_url()).status_code in (302, 401, 403, 404)
        response = user.get(download)
        assert response.status_code in (302, 401, 403, 404)
        assert PDF not in response.content
    # A post by the other partner changes nothing either.
    before = stored(report)
    response = User("budi").post(
        report.absolute_url(),
        {"form.buttons.save": "save", "row.value.KKP-07.01": "1", "_authenticator": "x"},
        token=False,
    )
    assert response.status_code in (302, 401, 403, 404)
    assert stored(report) == before
    assert ani.get(f"{report.absolute_url()}/@@evidence/tidak-ada").status_code == 404


def test_guard_refusal_is_shown_and_the_state_stays(site):
    portal, tree = site
    report = tree["report_a"]
    ani = User("ani")
    assert (
        ani.post(
            report.absolute_url(), {"form.buttons.save": "save", "row.value.KKP-07.01": ""}
        ).status_code
        == 302
    )
    response = ani.post(report.absolute_url(), {"workflow_action": "submit", "comment": "Siap"})
    shown, _doc = error_of(response)
    assert "fill in the value and the required evidence of KKP-07.01" in shown
    transaction.begin()
    assert api.content.get_state(report) == "draft"
    # A step the user may not take is refused too.
    response = ani.post(report.absolute_url(), {"workflow_action": "verify"})
    shown, _doc = error_of(response)
    assert "The step 'verify' is not possible" in shown
    transaction.begin()
    assert api.content.get_state(report) == "draft"


def test_steps_with_comments_remarks_beside_rows_and_history(site):
    portal, tree = site
    report = tree["report_a"]
    ani, verif = User("ani"), User("verif1")
    response = ani.post(report.absolute_url(), {"workflow_action": "submit", "comment": "Siap"})
    assert response.status_code == 302
    # Requesting revision without a row marked is refused by the guard.
    response = verif.post(report.absolute_url(), {"workflow_action": "request_revision"})
    shown, _doc = error_of(response)
    assert "Mark at least one indicator as needing revision" in shown
    response = verif.post(
        report.absolute_url(),
        {
            "form.buttons.save": "save",
            "row.status.KKP-06.03": "accepted",
            "row.status.KKP-07.01": "needs_revision",
            "row.remark.KKP-07.01": "Lampirkan rincian kegiatan.",
        },
    )
    assert response.status_code == 302
    response = verif.post(
        report.absolute_url(), {"workflow_action": "request_revision", "comment": "Perbaiki"}
    )
    assert response.status_code == 302
    transaction.begin()
    assert api.content.get_state(report) == "revision"
    _response, doc = ani.page(report.absolute_url())
    row = doc.xpath("//tr[@data-code='KKP-07.01']")[0]
    assert "Lampirkan rincian kegiatan." in row.xpath(
        "string(.//*[@class and contains(@class, 'ham-row-remark')])"
    )
    assert "row.value.KKP-07.01" in row_controls(doc)
    # Fixed and resubmitted: the previous remark stays beside the row.
    assert (
        ani.post(
            report.absolute_url(), {"form.buttons.save": "save", "row.value.KKP-07.01": "8"}
        ).status_code
        == 302
    )
    assert ani.post(report.absolute_url(), {"workflow_action": "submit"}).status_code == 302
    _response, doc = verif.page(report.absolute_url())
    previous = doc.xpath("string(//tr[@data-code='KKP-07.01']//*[contains(@class, 'previous')])")
    assert "Lampirkan rincian kegiatan." in previous
    history = doc.xpath("//ol[@id='report-history']/li/@data-action")
    assert history == ["submit", "request_revision", "submit"]
    items = doc.xpath("//ol[@id='report-history']/li")
    assert "Siap" in items[0].text_content()
    assert "Perbaiki" in items[1].text_content()
    assert "KKP-07.01" in items[1].text_content()
    assert "Lampirkan rincian kegiatan." in items[1].text_content()


def test_assessor_scores_and_the_total_follows_in_assessed(site):
    portal, tree = site
    report = tree["report_a"]
    to_state(report, "verified")
    penilai = User("penilai1")
    response = penilai.post(
        report.absolute_url(),
        {"form.buttons.save": "save", "row.score.KKP-06.03": "101", "row.score.KKP-07.01": "70"},
    )
    shown, _doc = error_of(response)
    assert "Indicator KKP-06.03: the score '101' must be a number from 0 to 100." in shown
    response = penilai.post(
        report.absolute_url(),
        {"form.buttons.save": "save", "row.score.KKP-06.03": "80", "row.score.KKP-07.01": "70"},
    )
    assert response.status_code == 302
    assert penilai.post(report.absolute_url(), {"workflow_action": "assess"}).status_code == 302
    transaction.begin()
    assert (report.total_score, report.predicate) == (75.0, "Peduli HAM")
    # Still assessed: a changed score changes the total at once.
    response = penilai.post(
        report.absolute_url(),
        {"form.buttons.save": "save", "row.score.KKP-06.03": "60", "row.score.KKP-07.01": "70"},
    )
    assert response.status_code == 302
    _response, doc = penilai.page(report.absolute_url())
    assert text_of(doc, "report-total-score") == "65"
    assert text_of(doc, "report-predicate") == "Cukup Peduli HAM"
