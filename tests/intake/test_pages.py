"""The complaint pages over HTTP: the public form, the status check, the officers' intake and
the Pengaduan section's landing page."""

from datetime import datetime
from kemenkumham.ham.complaints.identity import _decrypt
from lxml import html
from plone import api
from tests.clock import freeze_clock
from tests.intake.helpers import complaint_count
from tests.intake.helpers import log_size
from tests.intake.helpers import PDF
from tests.intake.helpers import valid_form

import pytest
import requests
import transaction


PASSWORD = "petugas-rahasia-1"


@pytest.fixture
def site(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="petugas1", email="petugas1@example.org", password=PASSWORD)
        api.group.add_user(groupname="petugas-pengaduan", username="petugas1")
    transaction.commit()
    return portal


def section_url(portal):
    return f"{portal.absolute_url()}/pengaduan"


def token(url, auth=None):
    return requests.get(f"{url}/@@authenticator/token", auth=auth, timeout=60).text.strip()


def submit(portal, form, files=None, auth=None, view="complaint-form"):
    url = section_url(portal)
    data = {**form, "_authenticator": token(url, auth)}
    return requests.post(
        f"{url}/@@{view}",
        data=data,
        files=files or None,
        auth=auth,
        allow_redirects=False,
        timeout=60,
    )


def test_the_landing_page_links_the_form_and_the_status_check(site):
    response = requests.get(section_url(site), timeout=60)
    doc = html.fromstring(response.text)
    assert doc.xpath("//a[@id='link-complaint-form']/@href")[0].endswith("/@@complaint-form")
    assert doc.xpath("//a[@id='link-complaint-status']/@href")[0].endswith("/@@complaint-status")
    assert not doc.xpath("//a[@id='link-complaint-staff-intake']")
    officer = requests.get(section_url(site), auth=("petugas1", PASSWORD), timeout=60)
    doc = html.fromstring(officer.text)
    assert doc.xpath("//a[@id='link-complaint-staff-intake']")
    assert doc.xpath("//a[@id='link-complaint-cases']/@href")[0].endswith("/@@complaints")


def test_the_form_is_accessible_without_javascript(site):
    doc = html.fromstring(requests.get(f"{section_url(site)}/@@complaint-form", timeout=60).text)
    form = doc.xpath("//form[@id='complaint-form']")[0]
    assert form.get("enctype") == "multipart/form-data" and form.get("method") == "post"
    assert form.xpath(".//input[@name='_authenticator']/@value")[0]
    assert len(form.xpath(".//fieldset/legend")) >= 4
    for control in form.xpath(".//input[not(@type='hidden')] | .//select | .//textarea"):
        assert form.xpath(f".//label[@for='{control.get('id')}']"), control.get("name")
    assert form.xpath(".//input[@id='field-complainant_name']/@autocomplete") == ["name"]
    assert form.xpath(".//input[@id='field-email']/@autocomplete") == ["email"]
    help_id = form.xpath(".//input[@id='field-id_number']/@aria-describedby")[0]
    assert form.xpath(f".//*[@id='{help_id}']")
    honeypot = form.xpath(".//input[@name='website']")[0]
    assert honeypot.get("tabindex") == "-1"
    assert "empty" in form.xpath(".//label[@for='field-website']")[0].text_content()
    assert "UU 27/2022" in form.text_content() and "23/2022" in form.text_content()


def test_an_anonymous_complaint_through_the_form(site, outbox):
    response = submit(
        site, valid_form(), files=[("evidence:list", ("bukti.pdf", PDF, "application/pdf"))]
    )
    assert response.status_code == 200, response.text[:500]
    doc = html.fromstring(response.text)
    number = doc.xpath("//*[@id='registration-number']/@data-number")[0]
    groups = [span.text_content() for span in doc.xpath("//*[@id='registration-number']/span")]
    assert "-".join(groups) == number
    assert doc.xpath("//a[@id='complaint-status-link']/@href")[0].endswith("/@@complaint-status")
    transaction.begin()
    assert complaint_count(site) == 1
    [complaint] = [
        item for item in site["pengaduan"].objectValues() if item.portal_type == "Complaint"
    ]
    assert complaint.registration_number == number
    assert _decrypt(complaint)["complainant_name"] == "Siti Rahmawati"
    assert [to for to, *_rest in outbox if to == ["siti@example.org"]]


def test_a_refused_submission_shows_the_error_summary_and_keeps_the_values(site):
    before = (complaint_count(site), log_size())
    form = valid_form(id_number="12345", chronology="<b>dipukul</b>")
    response = submit(site, form, files=[("evidence:list", ("bukti.pdf", PDF, "application/pdf"))])
    assert response.status_code == 400
    doc = html.fromstring(response.text)
    summary = doc.xpath("//*[@id='complaint-errors']")[0]
    assert summary.get("role") == "alert"
    assert summary.xpath(".//a/@href") == ["#field-id_number", "#field-chronology"]
    assert "16 digits" in summary.text_content()
    assert "choose them again" in summary.text_content()
    field = doc.xpath("//input[@id='field-id_number']")[0]
    assert field.get("aria-invalid") == "true"
    assert "error-id_number" in field.get("aria-describedby")
    assert doc.xpath("//input[@id='field-complainant_name']/@value") == ["Siti Rahmawati"]
    assert doc.xpath("//textarea[@id='field-chronology']")[0].text == "<b>dipukul</b>"
    assert doc.xpath("//select[@id='field-party_kind']/option[@selected]/@value") == [
        "aparat_negara"
    ]
    transaction.begin()
    assert (complaint_count(site), log_size()) == before


def test_the_form_needs_its_token(site):
    url = section_url(site)
    response = requests.post(f"{url}/@@complaint-form", data=valid_form(), timeout=60)
    assert response.status_code == 403
    transaction.begin()
    assert complaint_count(site) == 0


def test_the_status_page_answers_known_unknown_and_malformed_numbers(site):
    response = submit(site, valid_form())
    number = html.fromstring(response.text).xpath("//*[@id='registration-number']/@data-number")[0]
    url = f"{section_url(site)}/@@complaint-status"
    known = requests.post(url, data={"number": number.lower()}, timeout=60)
    assert known.status_code == 200
    doc = html.fromstring(known.text)
    assert doc.xpath("//*[@id='complaint-state']/@data-state") == ["received"]
    assert doc.xpath("//*[@id='complaint-received']")[0].text_content() == "3 March 2025"
    assert "Siti" not in known.text and "Polsek" not in known.text
    answers = []
    for typed in ("PHAM-00000-00000-00000-00000-00000-0", "bukan nomor"):
        unknown = requests.post(url, data={"number": typed}, timeout=60)
        assert unknown.status_code == 404
        answers.append(
            html.fromstring(unknown.text)
            .xpath("//*[@id='complaint-status-unknown']")[0]
            .text_content()
        )
    assert answers[0] == answers[1]


def test_an_officer_records_an_ex_officio_case(site):
    form = {
        "channel": "ex_officio",
        "party_complained_about": "PT Contoh Sawit",
        "party_kind": "korporasi",
        "right_concerned": "kesejahteraan",
        "incident_place": "Lebak, Banten",
        "chronology": "Berita media: warga digusur tanpa ganti rugi.",
    }
    auth = ("petugas1", PASSWORD)
    response = submit(site, form, auth=auth, view="complaint-staff-intake")
    assert response.status_code == 302, response.text[:1000]
    transaction.begin()
    [complaint] = [
        item for item in site["pengaduan"].objectValues() if item.portal_type == "Complaint"
    ]
    assert response.headers["Location"] == complaint.absolute_url()
    assert complaint.channel == "ex_officio"
    assert complaint.received_date.isoformat() == "2025-03-03"
    assert complaint.consent_given is None
    assert complaint.getOwner().getId() == "petugas1"


def test_anonymous_cannot_open_the_staff_intake(site):
    response = requests.get(
        f"{section_url(site)}/@@complaint-staff-intake", allow_redirects=False, timeout=60
    )
    assert response.status_code in (302, 401, 403)
