"""Dates on the complaint pages read as people in Indonesia write them: "3 Maret 2025" on the
Indonesian site, "3 March 2025" when the page is read in English; never 03-03-2025."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints.dates import long_date
from kemenkumham.ham.complaints.dates import long_datetime
from lxml import html
from plone import api
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import PASSWORD

import pytest
import requests
import transaction


def test_long_dates_in_both_languages():
    assert long_date(date(2025, 2, 3)) == "3 Februari 2025"
    assert long_date(date(2025, 2, 3), "en") == "3 February 2025"
    assert long_date(None) == ""
    moment = "2025-03-03T09:05:00+07:00"
    assert long_datetime(moment) == "3 Maret 2025, 09.05"
    assert long_datetime(moment, "en") == "3 March 2025, 09:05"


@pytest.fixture
def indonesian_site(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.default_language", "id")
        api.portal.set_registry_record("plone.available_languages", ["id", "en"])
        officer = add_officer()
        case = new_complaint(portal, officer, received=date(2025, 2, 3))
    transaction.commit()
    return portal, case


def test_the_status_page_case_page_and_case_list_show_indonesian_dates(indonesian_site):
    portal, case = indonesian_site
    status = requests.get(
        f"{portal.absolute_url()}/pengaduan/@@complaint-status",
        params={"number": case.registration_number},
        timeout=60,
    )
    doc = html.fromstring(status.text)
    assert doc.xpath("//*[@id='complaint-received']")[0].text_content() == "3 Februari 2025"
    auth = ("petugas", PASSWORD)
    page = html.fromstring(requests.get(case.absolute_url(), auth=auth, timeout=60).text)
    assert page.cssselect("dd.received-date")[0].text_content() == "3 Februari 2025"
    listing = requests.get(f"{portal.absolute_url()}/pengaduan/@@complaints", auth=auth, timeout=60)
    assert "3 Februari 2025" in listing.text and "2025-02-03" not in listing.text


def test_the_statistics_name_the_months_in_indonesian(indonesian_site):
    portal, _case = indonesian_site
    page = requests.get(f"{portal.absolute_url()}/statistik", timeout=60)
    months = [
        row.cssselect("th")[0].text_content()
        for row in html.fromstring(page.text).cssselect("table.ham-complaints-by-month tbody tr")
    ]
    assert "Februari 2025" in months and "Maret 2025" in months
