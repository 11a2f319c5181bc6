"""The public complaint pages for screen readers and keyboards: a refused form says so first
and marks each wrong field; the Indonesian text is marked Indonesian and the English English,
whatever the site's language; the status answer has its own heading."""

from datetime import datetime
from lxml import html
from tests.clock import freeze_clock
from tests.intake.helpers import valid_form
from tests.intake.test_pages import section_url
from tests.intake.test_pages import submit

import pytest
import requests
import transaction


@pytest.fixture
def site(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    transaction.commit()
    return functional["portal"]


def test_a_refused_form_focuses_its_summary_and_marks_the_wrong_fields(site):
    response = submit(site, valid_form(id_number="12345", consent=""))
    assert response.status_code == 400
    doc = html.fromstring(response.text)
    summary = doc.xpath("//*[@id='complaint-errors']")[0]
    assert summary.get("autofocus") is not None and summary.get("tabindex") == "-1"
    assert doc.xpath(f"//*[@id='{summary.get('aria-labelledby')}']")
    links = summary.xpath(".//a")
    assert [link.get("href") for link in links] == ["#field-id_number", "#field-consent"]
    # The consent is named shortly, not by its whole sentence.
    assert links[1].text_content().strip() == "Persetujuan:"
    assert "is-invalid" in doc.xpath("//input[@id='field-id_number']/@class")[0]
    assert "is-invalid" in doc.xpath("//input[@id='field-consent']/@class")[0]
    assert "is-invalid" not in doc.xpath("//input[@id='field-complainant_name']/@class")[0]


def test_the_public_pages_mark_their_languages(site):
    for view in ("complaint-form", "complaint-status", ""):
        doc = html.fromstring(requests.get(f"{section_url(site)}/{view}", timeout=60).text)
        [main] = doc.xpath("//h1[contains(@class, 'documentFirstHeading')]/ancestor::*[@lang][1]")
        assert main.get("lang") == "id", view
        if view:  # the landing page's own texts may not be translated yet
            assert main.xpath(".//*[@lang='en']"), view
    form = html.fromstring(requests.get(f"{section_url(site)}/@@complaint-form", timeout=60).text)
    honeypot = form.xpath("//label[@for='field-website']")[0]
    assert "Kosongkan" in honeypot.text_content()
    assert honeypot.xpath(".//*[@lang='en']")[0].text_content() == "Leave this field empty"
    help_ = form.xpath("//*[@id='help-incident_date']")[0].text_content()
    assert "If no calendar opens" in help_


def test_the_status_answer_has_a_heading_and_bilingual_terms(site):
    number = html.fromstring(submit(site, valid_form()).text).xpath(
        "//*[@id='registration-number']/@data-number"
    )[0]
    page = requests.get(
        f"{section_url(site)}/@@complaint-status", params={"number": number}, timeout=60
    )
    doc = html.fromstring(page.text)
    result = doc.xpath("//section[@id='complaint-status-result']")[0]
    assert result.xpath(f".//h2[@id='{result.get('aria-labelledby')}']")
    assert len(result.xpath(".//dt")) == 5
    assert result.xpath(".//dd[@id='complaint-received']/time/@datetime") == ["2025-03-03"]
