"""Officers move between the complaint pages without the browser's back button: the case
leads back to the list, the identity page back to the case; the list says which of its views
is shown; the public statistics lead to the Pengaduan page."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints.identity import store_identity
from lxml import html
from plone import api
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import PASSWORD

import pytest
import requests
import transaction


AUTH = ("petugas", PASSWORD)


@pytest.fixture
def case(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        officer = add_officer()
        complaint = new_complaint(portal, officer, received=date(2025, 2, 28))
        store_identity(complaint, {"complainant_name": "Rina Contoh", "id_kind": "nik"})
    transaction.commit()
    return complaint


def page(url, **params):
    return html.fromstring(requests.get(url, params=params, auth=AUTH, timeout=60).text)


def test_the_case_leads_back_to_the_list(case):
    doc = page(case.absolute_url())
    [link] = doc.xpath("//a[@id='link-case-list']")
    assert link.get("href") == f"{case.aq_parent.absolute_url()}/@@complaints"


def test_the_identity_page_leads_back_to_the_case_and_names_the_document_kind(case):
    doc = page(f"{case.absolute_url()}/@@complaint-identity")
    assert doc.xpath("//a[@id='link-back-to-case']/@href") == [case.absolute_url()]
    rows = {
        dt.text_content().strip(): dt.getnext().text_content().strip()
        for dt in doc.xpath("//dl[@id='identity-complainant']/dt")
    }
    assert "NIK (KTP)" in rows["Kind of identity document"]


def test_the_list_marks_the_view_shown(case):
    section = case.aq_parent.absolute_url()
    for view, params, current in (
        ("@@complaints", {}, "@@complaints"),
        ("@@complaints-overdue", {}, "@@complaints-overdue"),
        ("@@complaints", {"sort": "received"}, "@@complaints?sort=received"),
    ):
        doc = page(f"{section}/{view}", **params)
        marked = doc.xpath("//nav//a[@aria-current='page']/@href")
        assert marked == [f"{section}/{current}"], (view, params)
        assert doc.xpath("//table[contains(@class, 'complaint-cases')]/caption")


def test_the_public_statistics_lead_to_the_complaints_page(case):
    portal = api.portal.get()
    doc = html.fromstring(requests.get(f"{portal.absolute_url()}/statistik", timeout=60).text)
    link = doc.xpath("//section[@id='statistik-pengaduan']//a[@id='link-complaints-section']")
    assert link[0].get("href") == f"{portal.absolute_url()}/pengaduan"
