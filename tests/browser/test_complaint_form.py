"""Acceptance: an anonymous complaint through the public form in headless Chromium, with the
keyboard only and a PDF evidence file; and once with JavaScript off, including a refused
submission that shows the error summary. Screenshots go to test-artifacts/playwright/."""

from datetime import datetime
from kemenkumham.ham.complaints import intake
from kemenkumham.ham.complaints import mail
from kemenkumham.ham.complaints.attachments import list_attachments
from plone import api
from tests.browser.test_report_walkthrough import artifacts_folder
from tests.browser.test_report_walkthrough import CHROMIUM
from tests.browser.test_report_walkthrough import CHROMIUM_ARGS
from tests.browser.test_report_walkthrough import chromium_or_skip
from tests.clock import freeze_clock
from tests.intake.helpers import PDF

import pytest
import transaction


TEXT = {
    "complainant_name": "Siti Rahmawati",
    "id_number": "3604014507880002",
    "phone": "0812 3456 7890",
    "email": "siti@example.org",
    "party_complained_about": "Polsek Contoh",
    "incident_place": "Serang, Banten",
    "incident_date": "2025-02-03",
    "chronology": "Saudara saya ditahan tanpa surat perintah pada 3 Februari 2025.",
}
SELECTS = {"id_kind": "nik", "party_kind": "aparat_negara", "right_concerned": "rasa_aman"}


@pytest.fixture
def site(functional, monkeypatch):
    chromium_or_skip()
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    intake.reset_rate_limits()
    transaction.commit()
    yield functional["portal"]
    intake.reset_rate_limits()


@pytest.fixture
def outbox(monkeypatch):
    sent = []
    monkeypatch.setattr(intake, "send_mail", lambda to, subject, body: sent.append(list(to)))
    monkeypatch.setattr(mail, "deliver", lambda to, subject, body: sent.append(list(to)))
    return sent


def complaints(portal):
    transaction.begin()
    return [item for item in portal["pengaduan"].objectValues() if item.portal_type == "Complaint"]


def fill(page, values, tmp_path):
    """Type into each field with the keyboard (focus, then keys); no mouse."""
    for name, value in values.items():
        page.focus(f"#field-{name}")
        if name == "incident_date":
            page.fill(f"#field-{name}", value)  # a date input takes its value as one string
        else:
            page.keyboard.press("Control+A")
            page.keyboard.type(value)
    for name, value in SELECTS.items():
        page.focus(f"#field-{name}")
        page.select_option(f"#field-{name}", value)
    pdf = tmp_path / "bukti-penahanan.pdf"
    pdf.write_bytes(PDF)
    page.set_input_files("#field-evidence", str(pdf))


def submit_with_keyboard(page):
    page.focus("#field-consent")
    if not page.is_checked("#field-consent"):
        page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the honeypot is skipped: next is the button
    assert page.evaluate("document.activeElement.id") == "complaint-submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")


def run(browser, portal, tmp_path, javascript, prefix):
    folder = artifacts_folder()
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{portal.absolute_url()}/pengaduan")
    with page.expect_navigation():
        page.focus("#link-complaint-form")
        page.keyboard.press("Enter")
    page.screenshot(path=str(folder / f"{prefix}-01-form.png"), full_page=True)
    if not javascript:
        fill(page, {**TEXT, "id_number": "36040145"}, tmp_path)
        submit_with_keyboard(page)
        summary = page.locator("#complaint-errors")
        assert summary.get_attribute("role") == "alert"
        # Focus is on the summary when the refused page opens (no script needed): a screen
        # reader reads it first, and Tab goes on to its links.
        assert page.evaluate("document.activeElement.id") == "complaint-errors"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#field-id_number"
        assert "16 digits" in summary.inner_text()
        assert page.get_attribute("#field-id_number", "aria-invalid") == "true"
        assert page.input_value("#field-complainant_name") == TEXT["complainant_name"]
        page.screenshot(path=str(folder / f"{prefix}-02-refused.png"), full_page=True)
        assert complaints(portal) == []
    fill(page, TEXT, tmp_path)
    submit_with_keyboard(page)
    number = page.get_attribute("#registration-number", "data-number")
    page.screenshot(path=str(folder / f"{prefix}-03-registered.png"), full_page=True)
    with page.expect_navigation():
        page.focus("#complaint-status-link")
        page.keyboard.press("Enter")
    page.focus("#field-number")
    page.keyboard.type(number.lower())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("#complaint-state", "data-state") == "received"
    page.screenshot(path=str(folder / f"{prefix}-04-status.png"), full_page=True)
    context.close()
    return number


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_an_anonymous_complaint_in_chromium(site, tmp_path, outbox, javascript):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            prefix = "complaint-js" if javascript else "complaint-nojs"
            number = run(browser, site, tmp_path, javascript, prefix)
        finally:
            browser.close()
    [complaint] = complaints(site)
    assert complaint.registration_number == number
    with api.env.adopt_roles(["Manager"]):
        [attachment] = list_attachments(complaint)
    assert attachment["filename"] == "bukti-penahanan.pdf"
    assert ["siti@example.org"] in outbox
