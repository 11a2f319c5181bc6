"""The period page (Classic UI): dates and window, a partner opens its report, staff pages."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from kemenkumham.ham.browser.period_page import STAFF_PAGES
from kemenkumham.ham.clock import today
from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
from kemenkumham.ham.workflows.paths import move_to_state
from lxml import html
from plone import api
from Products.Five.browser import BrowserView
from tests.browser.pages import build_site
from tests.browser.pages import text_of
from tests.browser.pages import User
from tests.clock import freeze_clock
from tests.factories import relation_to
from zope.component import getGlobalSiteManager
from zope.component import queryMultiAdapter
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.publisher.browser import TestRequest as LayerRequest
from zope.publisher.interfaces.browser import IBrowserView

import pytest
import transaction


@pytest.fixture
def site(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    tree = build_site(functional["portal"])
    return functional["portal"], tree


def reports_in(period):
    transaction.begin()
    return sorted(o.getId() for o in period.objectValues() if o.portal_type == "IndicatorReport")


def refusal(response):
    assert response.status_code == 400, (response.status_code, response.text[:300])
    doc = html.fromstring(response.text)
    assert doc.xpath("//*[@id='period-error']/@role") == ["alert"]
    return text_of(doc, "period-error-message")


def test_dates_and_window_of_the_period(site, monkeypatch):
    portal, tree = site
    _response, doc = User("ani").page(tree["period"].absolute_url())
    assert text_of(doc, "period-opens") == "2025-01-06"
    assert text_of(doc, "period-submission-deadline") == "2025-03-31"
    assert text_of(doc, "period-verification-deadline") == "2025-05-15"
    assert doc.xpath("//*[@id='period-window']/@data-open") == ["true"]
    freeze_clock(monkeypatch, datetime(2025, 4, 1, 0, 5))
    _response, doc = User("ani").page(tree["period"].absolute_url())
    assert doc.xpath("//*[@id='period-window']/@data-open") == ["false"]


def test_partner_opens_its_report_from_the_period_page(site):
    portal, tree = site
    period = tree["period_open"]
    ani = User("ani")
    _response, doc = ani.page(period.absolute_url())
    assert doc.xpath("//form[@id='open-report-form']//button[@id='open-report']")
    response = ani.post(period.absolute_url(), {"form.buttons.open_report": "open"})
    assert response.status_code == 302, response.text[:500]
    assert reports_in(period) == ["laporan-kota-serang"]
    report = period["laporan-kota-serang"]
    assert response.headers["Location"] == report.absolute_url()
    assert report.partner_uid == api.content.get_uuid(tree["partner_a"])
    assert sorted(report.rows) == ["KKP-06.03", "KKP-07.01"]
    # Now the page links to the report with its state instead of offering the button.
    _response, doc = ani.page(period.absolute_url())
    assert not doc.xpath("//form[@id='open-report-form']")
    assert doc.xpath("//ul[@id='period-own-reports']//a/@href") == [report.absolute_url()]
    assert "Draft" in doc.xpath("string(//ul[@id='period-own-reports'])")


def test_partner_with_a_report_gets_a_link_and_a_second_one_is_refused(site):
    portal, tree = site
    period = tree["period"]
    ani = User("ani")
    _response, doc = ani.page(period.absolute_url())
    assert not doc.xpath("//form[@id='open-report-form']")
    assert doc.xpath("//ul[@id='period-own-reports']//a/@href") == [tree["report_a"].absolute_url()]
    # A stale page or a second click: refused with the reason, nothing added.
    before = reports_in(period)
    response = ani.post(period.absolute_url(), {"form.buttons.open_report": "open"})
    assert "Pemerintah Kota Serang already has a report for period 2024." in refusal(response)
    assert reports_in(period) == before


def test_closed_period_refuses_a_new_report_with_its_dates(site, monkeypatch):
    portal, tree = site
    period = tree["period_open"]
    freeze_clock(monkeypatch, datetime.combine(today() + timedelta(days=120), datetime.min.time()))
    ani = User("ani")
    _response, doc = ani.page(period.absolute_url())
    assert doc.xpath("//*[@id='period-window']/@data-open") == ["false"]
    response = ani.post(period.absolute_url(), {"form.buttons.open_report": "open"})
    message = refusal(response)
    assert "Submission is possible from" in message
    assert period.submission_deadline.isoformat() in message
    assert reports_in(period) == []


def test_p2ham_report_needs_a_declared_pledge(site):
    portal, tree = site
    with api.env.adopt_roles(["Manager"]):
        programme = api.content.create(
            container=portal["program"], type="Programme", id="p2ham", title="P2HAM", code="P2HAM"
        )
        api.content.create(
            container=programme,
            type="Indicator",
            id="p2ham-01",
            title="Sarana ramah kelompok rentan",
            code="P2HAM-01",
            right_group="pelayanan publik",
            kind="proses",
            measurement="ada_proses_tidak",
            weight=1.0,
        )
        period = api.content.create(
            container=programme,
            type="ReportingPeriod",
            id="2025",
            title="2025",
            data_year=2025,
            assessment_year=2026,
            opens=date(2025, 1, 2),
            submission_deadline=date(2025, 6, 30),
            verification_deadline=date(2025, 8, 31),
        )
        for obj in (programme, period):
            move_to_state(obj, "published")
    transaction.commit()
    response = User("ani").post(period.absolute_url(), {"form.buttons.open_report": "open"})
    assert "Pemerintah Kota Serang can report under P2HAM only after its pledge is declared." in (
        refusal(response)
    )
    assert reports_in(period) == []


def test_only_partner_members_may_open_and_only_for_their_own_partner(site):
    portal, tree = site
    period = tree["period_open"]
    # Staff get no button (they use the add form with a partner), and a post is refused.
    for username in ("editor1", "verif1"):
        _response, doc = User(username).page(period.absolute_url())
        assert not doc.xpath("//form[@id='open-report-form']"), username
    response = User("verif1").post(period.absolute_url(), {"form.buttons.open_report": "open"})
    assert "Only members of a partner" in refusal(response)
    # A partner cannot open a report in another partner's name.
    response = User("ani").post(
        period.absolute_url(),
        {
            "form.buttons.open_report": "open",
            "partner_uid": api.content.get_uuid(tree["partner_b"]),
        },
    )
    assert "you are not a member of this organisation" in refusal(response)
    assert reports_in(period) == []
    # Without the CSRF token nothing happens.
    response = User("ani").post(
        period.absolute_url(), {"form.buttons.open_report": "open"}, token=False
    )
    assert response.status_code == 403
    assert reports_in(period) == []


def test_partner_the_period_does_not_expect_gets_no_button(site):
    portal, tree = site
    period = tree["period_open"]
    period.expected_partners = [relation_to(tree["partner_b"])]
    transaction.commit()
    _response, doc = User("ani").page(period.absolute_url())
    assert not doc.xpath("//form[@id='open-report-form']")
    response = User("ani").post(period.absolute_url(), {"form.buttons.open_report": "open"})
    assert "Only members of a partner this period expects" in refusal(response)
    assert reports_in(period) == []
    _response, doc = User("budi").page(period.absolute_url())
    assert doc.xpath("//form[@id='open-report-form']")


def test_member_of_two_partners_chooses_which_one_reports(site):
    portal, tree = site
    period = tree["period_open"]
    api.group.add_user(groupname="mitra-kabupaten-lebak", username="ani")
    transaction.commit()
    _response, doc = User("ani").page(period.absolute_url())
    options = doc.xpath("//select[@id='open-report-partner']/option")
    assert [o.text for o in options] == ["Pemerintah Kabupaten Lebak", "Pemerintah Kota Serang"]
    assert doc.xpath("//label[@for='open-report-partner']")
    lebak = api.content.get_uuid(tree["partner_b"])
    response = User("ani").post(
        period.absolute_url(), {"form.buttons.open_report": "open", "partner_uid": lebak}
    )
    assert response.status_code == 302
    assert reports_in(period) == ["laporan-kabupaten-lebak"]
    assert period["laporan-kabupaten-lebak"].partner_uid == lebak


def test_reports_listed_are_those_the_user_may_see(site):
    portal, tree = site
    period = tree["period"]

    def listed(username):
        _response, doc = User(username).page(period.absolute_url())
        return doc.xpath("//table[@id='period-reports']//a/@href")

    assert listed("ani") == [tree["report_a"].absolute_url()]
    assert listed("budi") == [tree["report_b"].absolute_url()]
    assert listed("verif1") == []  # drafts are the partners' own
    move_to_state(tree["report_b"], "submitted")
    transaction.commit()
    assert listed("verif1") == [tree["report_b"].absolute_url()]


class IMarkedPeriod(Interface):
    """Only the period of this test gets the test's own staff page."""


class StaffPage(BrowserView):
    def __call__(self):
        return "staff page"


@pytest.fixture
def completeness_page():
    registry = getGlobalSiteManager()
    required = (IMarkedPeriod, IKemenkumhamHamLayer)
    registry.registerAdapter(StaffPage, required, IBrowserView, "completeness")
    yield
    registry.unregisterAdapter(StaffPage, required, IBrowserView, "completeness")


def test_staff_links_only_to_registered_pages_and_only_for_staff(site, completeness_page):
    portal, tree = site
    period = tree["period"]
    alsoProvides(period, IMarkedPeriod)
    transaction.commit()
    request = LayerRequest()
    alsoProvides(request, IKemenkumhamHamLayer)
    expected = {
        f"{period.absolute_url()}/@@{name}{query}"
        for name, query, _title in STAFF_PAGES
        if queryMultiAdapter((period, request), name=name) is not None
    }
    assert f"{period.absolute_url()}/@@completeness" in expected
    for username in ("editor1", "verif1", "penilai1"):
        _response, doc = User(username).page(period.absolute_url())
        assert set(doc.xpath("//ul[@id='period-staff-links']//a/@href")) == expected, username
    for username in ("ani", None):
        _response, doc = User(username).page(period.absolute_url())
        assert not doc.xpath("//*[@id='period-staff-links']"), username
    # Another period links to the pages registered for it (not to the test's own).
    other = tree["period_open"]
    _response, doc = User("editor1").page(other.absolute_url())
    assert set(doc.xpath("//ul[@id='period-staff-links']//a/@href")) == {
        f"{other.absolute_url()}/@@{name}{query}"
        for name, query, _title in STAFF_PAGES
        if queryMultiAdapter((other, request), name=name) is not None
    }


def test_the_add_form_sends_a_partner_to_the_open_report_button(site):
    portal, tree = site
    period = tree["period_open"]
    response = User("ani").get(f"{period.absolute_url()}/++add++IndicatorReport")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{period.absolute_url()}#open-report-form"
    assert reports_in(period) == []
