"""Classic UI add and edit forms of every type work for staff, and refuse bad input."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from tests.factories import make_tree

import html
import pytest
import re
import transaction


ADD_FORMS = [
    ("program", "Programme"),
    ("program/kkp-ham", "Indicator"),
    ("program/kkp-ham", "ReportingPeriod"),
    ("program/kkp-ham/2024", "IndicatorReport"),
    ("mitra", "Partner"),
    ("program/kkp-ham", "Pledge"),
    ("gugus-tugas", "TaskForce"),
    ("gugus-tugas/gtd-bham-banten", "TaskForceMember"),
    ("pengaduan", "Complaint"),
    ("peraturan", "Regulation"),
    ("penghargaan", "Award"),
]


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return portal, tree, browser


@pytest.mark.parametrize("container,portal_type", ADD_FORMS, ids=[t for _, t in ADD_FORMS])
def test_add_and_edit_forms_render(site, container, portal_type):
    portal, tree, browser = site
    browser.open(f"{portal.absolute_url()}/{container}/++add++{portal_type}")
    # A complaint has no typed title (it is named by its number).
    first = "party_complained_about" if portal_type == "Complaint" else "IBasic.title"
    assert f"form.widgets.{first}" in browser.contents
    obj = [o for o in tree.values() if o.portal_type == portal_type][0]
    browser.open(f"{obj.absolute_url()}/edit")
    assert "form.buttons.save" in browser.contents
    browser.open(obj.absolute_url())
    assert obj.Title() in browser.contents


def test_period_closing_before_it_opens_is_refused_in_the_form(site):
    portal, tree, browser = site
    browser.open(f"{tree['programme'].absolute_url()}/++add++ReportingPeriod")
    browser.getControl(name="form.widgets.IBasic.title").value = "2026"
    browser.getControl(name="form.widgets.data_year").value = "2026"
    browser.getControl(name="form.widgets.assessment_year").value = "2027"
    browser.getControl(name="form.widgets.opens").value = "2027-02-01"
    browser.getControl(name="form.widgets.submission_deadline").value = "2027-01-31"
    browser.getControl(name="form.widgets.verification_deadline").value = "2027-05-15"
    browser.getControl(name="form.buttons.save").click()
    assert "Submission deadline: the period cannot close (2027-01-31) before it opens" in (
        browser.contents
    )
    transaction.begin()
    assert "2026" not in tree["programme"]


def test_duplicate_indicator_code_is_refused_in_the_form(site):
    portal, tree, browser = site
    browser.open(f"{tree['programme'].absolute_url()}/++add++Indicator")
    browser.getControl(name="form.widgets.IBasic.title").value = "Kembar"
    browser.getControl(name="form.widgets.code").value = "KKP-06.03"
    browser.getControl(name="form.widgets.right_group").value = "hak atas kesehatan"
    browser.getControl(name="form.widgets.kind:list").value = ["hasil"]
    browser.getControl(name="form.widgets.measurement:list").value = ["percentage"]
    browser.getControl(name="form.widgets.weight").value = "1"
    browser.getControl(name="form.buttons.save").click()
    assert "Indicator code: KKP-06.03 is already used" in browser.contents
    transaction.begin()
    codes = [o.code for o in tree["programme"].objectValues() if o.portal_type == "Indicator"]
    assert codes == ["KKP-06.03", "KKP-07.01"]


def test_regency_outside_its_province_is_refused_in_the_form(site):
    portal, tree, browser = site
    browser.open(f"{portal.absolute_url()}/mitra/++add++Partner")
    browser.getControl(name="form.widgets.IBasic.title").value = "Salah Wilayah"
    browser.getControl(name="form.widgets.IPartner.kind:list").value = ["pemda_kabkota"]
    browser.getControl(name="form.widgets.IPartner.province:list").value = ["32"]
    browser.getControl(name="form.widgets.IPartner.regency:list").value = ["36.73"]
    browser.getControl(name="form.buttons.save").click()
    assert "Regency/city: 36.73 does not lie in the chosen province." in browser.contents
    transaction.begin()
    assert "salah-wilayah" not in portal["mitra"]


def test_negative_weight_is_refused_in_the_form(site):
    portal, tree, browser = site
    browser.open(f"{tree['indicator'].absolute_url()}/edit")
    browser.getControl(name="form.widgets.weight").value = "-2"
    browser.getControl(name="form.buttons.save").click()
    assert "Value is too small" in browser.contents or "too small" in browser.contents
    transaction.begin()
    assert tree["indicator"].weight == 1.0


def test_placeful_workflow_policy_gives_a_section_another_workflow(site):
    """An editor binds another workflow to a section through the web: no code."""
    portal, tree, browser = site
    with api.env.adopt_roles(["Manager"]):
        placeful = api.portal.get_tool("portal_placeful_workflow")
        placeful.manage_addWorkflowPolicy("statistik_langsung_terbit")
        policy = placeful.getWorkflowPolicyById("statistik_langsung_terbit")
        policy.setChainForPortalTypes(["Document"], ["one_state_workflow"])
        statistik = portal["statistik"]
        statistik.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
        statistik[".wf_policy_config"].setPolicyIn("statistik_langsung_terbit")
        page = api.content.create(container=statistik, type="Document", id="angka", title="Angka")
        other = api.content.create(container=portal["berita"], type="Document", id="p", title="P")
    assert api.content.get_state(page) == "published"
    assert api.content.get_state(other) == "private"


def test_a_refused_transition_from_the_state_menu_comes_back_as_a_message(site):
    portal, tree, browser = site
    report = tree["report_a"]
    report.rows["KKP-07.01"]["value"] = None  # incomplete: the submit guard refuses
    transaction.commit()
    browser.open(report.absolute_url())
    # The toolbar's link, with its CSRF token, as a user would click it.
    link = re.search(
        r'href="([^"]*content_status_modify\?workflow_action=submit[^"]*)"', browser.contents
    )
    browser.open(html.unescape(link.group(1)))
    assert browser.url.rstrip("/") == report.absolute_url()
    assert "KKP-07.01" in browser.contents
    transaction.begin()
    assert api.content.get_state(report) == "draft"


def test_the_report_add_form_offers_partners_and_refuses_a_second_report(site):
    portal, tree, browser = site
    browser.open(f"{tree['period'].absolute_url()}/++add++IndicatorReport")
    control = browser.getControl(name="form.widgets.partner_uid:list")
    assert "Pemerintah Kota Serang" in control.displayOptions
    control.value = [api.content.get_uuid(tree["partner_a"])]
    browser.getControl(name="form.widgets.IBasic.title").value = "Laporan kedua"
    browser.getControl(name="form.buttons.save").click()
    assert "Pemerintah Kota Serang already has a report for period 2024" in browser.contents
    transaction.begin()
    assert sorted(tree["period"].objectIds()) == ["laporan-kabupaten-lebak", "laporan-kota-serang"]
