"""Acceptance: one KKP HAM report through every step in a real headless Chromium (Playwright).

The demo partner fills the Kota Serang 2024 report and submits it, the demo verifier sends it
back with a remark on one row, the partner fixes it and resubmits, the verifier verifies it, the
demo assessor scores, assesses and finalises it: all through the HTML forms of the report page.
A full-page screenshot of every step goes to test-artifacts/playwright/ (or $HAM_ARTIFACTS).

Debian's chromium is required (Playwright's own browser download does not work here): without
/usr/bin/chromium the test fails when HAM_REQUIRE_BROWSER=1 (CI) and is skipped otherwise.
"""

from datetime import datetime
from kemenkumham.ham.demo import create_demo
from kemenkumham.ham.demo.reports import sample_pdf
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock

import os
import pytest
import statistics
import transaction


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPORT = "program/kkp-ham/2024/laporan-kota-serang"
PARTNER, VERIFIER, ASSESSOR = "mitra.serang.demo", "verifikator.demo", "penilai.demo"
PASSWORDS = {username: f"uji-{username}-2025" for username in (PARTNER, VERIFIER, ASSESSOR)}
# What the partner still has to fill (the demo report has KKP-01.01 to KKP-05.01).
MISSING_VALUES = {"KKP-06.01": "88", "KKP-07.01": "91.2", "KKP-08.01": "7", "KKP-10.01": "ada"}
DOCUMENT_ROW = "KKP-09.01"
SENT_BACK = "KKP-07.01"
REMARK = "Contoh: lampirkan rincian angka partisipasi sekolah per kecamatan."
SCORES = {
    "KKP-01.01": 80,
    "KKP-02.01": 70,
    "KKP-03.01": 90,
    "KKP-04.01": 60,
    "KKP-05.01": 85,
    "KKP-06.01": 75,
    "KKP-07.01": 95,
    "KKP-08.01": 65,
    "KKP-09.01": 88,
    "KKP-10.01": 72,
}


def chromium_or_skip():
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (Debian package chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[browser]')"
    if reason is None:
        return
    if os.environ.get("HAM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"HAM_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(f"No browser test: {reason}")


def artifacts_folder():
    folder = os.environ.get("HAM_ARTIFACTS")
    path = Path(folder) if folder else Path(__file__).parents[2] / "test-artifacts" / "playwright"
    path.mkdir(parents=True, exist_ok=True)
    return path


def expected_predicate(programme, total):
    """The predicate of the programme's bands ("75: Peduli HAM", highest first)."""
    for line in programme.bands:
        lowest, _sep, name = line.partition(":")
        if total >= float(lowest):
            return name.strip()
    return None


@pytest.fixture
def demo_site(functional, monkeypatch):
    chromium_or_skip()
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_demo(portal, say=lambda message: None)
    for username, password in PASSWORDS.items():
        api.user.get(username=username).setSecurityProfile(password=password)
    transaction.commit()
    return portal


class Walk:
    """One browser, one context (cookies) per user, a numbered screenshot per step."""

    def __init__(self, browser, portal, folder):
        self.browser = browser
        self.portal_url = portal.absolute_url()
        self.report_url = f"{self.portal_url}/{REPORT}"
        self.folder = folder
        self.count = 0
        self.pages = {}

    def as_user(self, username):
        if username not in self.pages:
            context = self.browser.new_context(viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{self.portal_url}/login")
            page.fill("#__ac_name", username)
            page.fill("#__ac_password", PASSWORDS[username])
            with page.expect_navigation():
                page.click("#buttons-login")
            self.pages[username] = page
        page = self.pages[username]
        page.goto(self.report_url)
        return page

    def shot(self, page, name):
        self.count += 1
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{name}.png"), full_page=True)

    @staticmethod
    def click_and_wait(page, selector):
        with page.expect_navigation():
            page.click(selector)

    def take_step(self, page, action, comment=""):
        if comment:
            page.fill(f"#comment-{action}", comment)
        self.click_and_wait(page, f"#transition-{action}")

    @staticmethod
    def state(page):
        return page.get_attribute("#report-state", "data-state")

    @staticmethod
    def field(kind, code):
        return f'[name="row.{kind}.{code}"]'


def stored(portal):
    transaction.begin()
    return portal.unrestrictedTraverse(REPORT)


def test_report_walkthrough_in_chromium(demo_site):
    from playwright.sync_api import sync_playwright

    portal = demo_site
    report = stored(portal)
    assert api.content.get_state(report) == "draft"
    filled = [code for code, row in report.rows.items() if row["value"] is not None]
    assert len(filled) == 5 and len(report.rows) == 10
    pdf = sample_pdf("Dokumen kebijakan lingkungan Kota Serang")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            walk = Walk(browser, portal, artifacts_folder())
            run_walkthrough(walk, portal, pdf)
        finally:
            browser.close()

    report = stored(portal)
    assert api.content.get_state(report) == "final"
    total = statistics.mean(SCORES.values())
    assert report.total_score == pytest.approx(total)
    assert report.predicate == expected_predicate(report.aq_parent.aq_parent, total)
    assert report.predicate == "Peduli HAM"
    assert report.finalised.isoformat() == "2025-03-03"
    assert [step["action"] for step in report.history] == [
        "submit",
        "request_revision",
        "submit",
        "verify",
        "assess",
        "finalize",
    ]
    assert [step["actor"] for step in report.history] == [
        PARTNER,
        VERIFIER,
        PARTNER,
        VERIFIER,
        ASSESSOR,
        ASSESSOR,
    ]
    sent_back = report.history[1]
    assert sent_back["comment"] == "Mohon diperbaiki."
    assert sent_back["rows"][SENT_BACK]["remark"] == REMARK


def run_walkthrough(walk, portal, pdf):
    # 1. The partner finds its draft from the period page: five of ten rows filled.
    page = walk.as_user(PARTNER)
    page.goto(walk.report_url.rsplit("/", 1)[0])
    assert page.get_attribute("#period-window", "data-open") == "true"
    own = page.locator("#period-own-reports a")
    assert own.get_attribute("href") == walk.report_url
    walk.shot(page, "partner-period")
    walk.click_and_wait(page, "#period-own-reports a")
    assert walk.state(page) == "draft"
    assert page.get_attribute("#report-window", "data-open") == "true"
    walk.shot(page, "partner-draft")

    # 2. A percentage of 150 is refused, naming the indicator; nothing is stored.
    page.fill(walk.field("value", "KKP-06.01"), "150")
    page.fill(walk.field("value", "KKP-08.01"), "7")
    walk.click_and_wait(page, "#report-save")
    message = page.inner_text("#report-error-message")
    assert "KKP-06.01" in message and "150" in message
    assert page.get_attribute("#report-error", "role") == "alert"
    assert page.input_value(walk.field("value", "KKP-06.01")) == "150", "input kept"
    walk.shot(page, "partner-bad-percentage")
    report = stored(portal)
    assert report.rows["KKP-06.01"]["value"] is None
    assert report.rows["KKP-08.01"]["value"] is None

    # 3. The partner fills the missing rows, uploads the document, saves.
    for code, value in MISSING_VALUES.items():
        if code == "KKP-10.01":
            page.select_option(walk.field("value", code), value)
        else:
            page.fill(walk.field("value", code), value)
    page.fill(walk.field("note", DOCUMENT_ROW), "Contoh: Perwal tentang lingkungan hidup.")
    page.set_input_files(
        f'[name="row.files.{DOCUMENT_ROW}:list"]',
        files=[{"name": "perwal-lingkungan.pdf", "mimeType": "application/pdf", "buffer": pdf}],
    )
    walk.click_and_wait(page, "#report-save")
    assert page.locator("#report-error").count() == 0
    link = page.locator(f'tr[data-code="{DOCUMENT_ROW}"] a.ham-evidence-link')
    assert link.inner_text() == "perwal-lingkungan.pdf"
    walk.shot(page, "partner-filled")
    report = stored(portal)
    assert report.rows["KKP-06.01"]["value"] == 88.0
    assert report.rows["KKP-07.01"]["value"] == 91.2
    assert report.rows["KKP-10.01"]["value"] == "ada"
    assert [e["file"].filename for e in report.rows[DOCUMENT_ROW]["evidence"]] == [
        "perwal-lingkungan.pdf"
    ]

    # 4. Submit, with the keyboard: comment, Tab to the button, Enter.
    page.focus("#comment-submit")
    page.keyboard.type("Laporan lengkap.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "transition-submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert walk.state(page) == "submitted"
    walk.shot(page, "partner-submitted")

    # 5. The verifier downloads the evidence, accepts all rows but one, sends the report back.
    page = walk.as_user(VERIFIER)
    with page.expect_download() as download:
        page.click(f'tr[data-code="{DOCUMENT_ROW}"] a.ham-evidence-link')
    assert Path(download.value.path()).read_bytes() == pdf
    for code in SCORES:
        status = "needs_revision" if code == SENT_BACK else "accepted"
        page.select_option(walk.field("status", code), status)
    page.fill(walk.field("remark", SENT_BACK), REMARK)
    walk.click_and_wait(page, "#report-save")
    assert page.locator("#report-error").count() == 0
    walk.shot(page, "verifier-checked")
    walk.take_step(page, "request_revision", "Mohon diperbaiki.")
    assert walk.state(page) == "revision"
    walk.shot(page, "verifier-revision-requested")

    # 6. The partner sees the remark beside the row, fixes it and resubmits.
    page = walk.as_user(PARTNER)
    assert walk.state(page) == "revision"
    row = page.locator(f'tr[data-code="{SENT_BACK}"]')
    assert REMARK in row.locator(".ham-row-remark").inner_text()
    walk.shot(page, "partner-sees-remark")
    page.fill(walk.field("value", SENT_BACK), "92.4")
    walk.click_and_wait(page, "#report-save")
    walk.take_step(page, "submit", "Sudah diperbaiki.")
    assert walk.state(page) == "submitted"
    assert REMARK in row.locator(".ham-row-previous-remark").inner_text()
    walk.shot(page, "partner-resubmitted")

    # 7. The verifier checks the fixed row (the others stay accepted) and verifies.
    page = walk.as_user(VERIFIER)
    assert page.input_value(walk.field("status", SENT_BACK)) == ""
    assert page.input_value(walk.field("status", "KKP-01.01")) == "accepted"
    page.select_option(walk.field("status", SENT_BACK), "accepted")
    walk.click_and_wait(page, "#report-save")
    walk.take_step(page, "verify")
    assert walk.state(page) == "verified"
    walk.shot(page, "verifier-verified")

    # 8. The assessor scores every row, assesses and finalises.
    page = walk.as_user(ASSESSOR)
    for code, score in SCORES.items():
        page.fill(walk.field("score", code), str(score))
    walk.click_and_wait(page, "#report-save")
    assert page.locator("#report-error").count() == 0
    walk.shot(page, "assessor-scored")
    walk.take_step(page, "assess", "Penilaian tim.")
    assert walk.state(page) == "assessed"
    total = statistics.mean(SCORES.values())
    assert float(page.inner_text("#report-total-score")) == pytest.approx(total)
    assert page.inner_text("#report-predicate") == "Peduli HAM"
    walk.shot(page, "assessor-assessed")
    walk.take_step(page, "finalize")
    assert walk.state(page) == "final"
    assert page.locator("#report-rows-form [name^='row.']").count() == 0
    history = page.locator("#report-history > li")
    assert [history.nth(i).get_attribute("data-action") for i in range(history.count())] == [
        "submit",
        "request_revision",
        "submit",
        "verify",
        "assess",
        "finalize",
    ]
    walk.shot(page, "assessor-final")

    # 9. The partner reads its final result.
    page = walk.as_user(PARTNER)
    assert walk.state(page) == "final"
    assert page.inner_text("#report-predicate") == "Peduli HAM"
    walk.shot(page, "partner-final")
