"""The demo's P2HAM indicator form (demo/site.json): linked to the P2HAM programme, every field
matches an indicator, and a partner's submission becomes its P2HAM report."""

from datetime import timedelta
from kemenkumham.ham.clock import today
from kemenkumham.ham.demo.site_content import load_specs
from kemenkumham.ham.demo.values import convert
from kemenkumham.ham.forms.links import form_problems
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.factories import relation_to
from tests.forms.helpers import commit
from tests.forms.helpers import fresh
from tests.forms.ttw import browser_for
from tests.forms.ttw import PASSWORD


ENTRY = next(s for s in load_specs() if s["path"] == "formulir/formulir-indikator-p2ham")
SKIPPED = {"path", "type", "title", "state", "legal_basis"}


def create_from_spec(portal, spec):
    container_path, _, object_id = spec["path"].rpartition("/")
    obj = api.content.create(
        container=portal.unrestrictedTraverse(container_path),
        type=spec["type"],
        id=object_id,
        title=spec["title"],
    )
    for name, value in spec.items():
        if name not in SKIPPED:
            setattr(obj, name, convert(portal, obj.portal_type, name, value))
    obj.reindexObject()
    if spec.get("state"):
        move_to_state(obj, spec["state"])
    return obj


def test_demo_p2ham_form_fills_a_p2ham_report(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for spec in load_specs():
            if spec["path"] == "program/p2ham" or spec["path"].startswith("program/p2ham/p2ham-"):
                create_from_spec(portal, spec)
        programme = portal["program"]["p2ham"]
        form = create_from_spec(portal, ENTRY)
        # What the demo does not have yet: an open P2HAM period, and a partner with a pledge.
        period = api.content.create(
            container=programme,
            type="ReportingPeriod",
            id="2026",
            title="2026",
            data_year=today().year,
            assessment_year=today().year,
            opens=today() - timedelta(days=1),
            submission_deadline=today() + timedelta(days=30),
            verification_deadline=today() + timedelta(days=60),
        )
        api.content.transition(period, "publish")
        partner = api.content.create(
            container=portal["mitra"],
            type="Partner",
            id="lapas-rangkasbitung",
            title="Lembaga Pemasyarakatan Kelas III Rangkasbitung",
            kind="upt_pemasyarakatan",
            province="36",
        )
        pledge = api.content.create(
            container=programme,
            type="Pledge",
            id="pencanangan-lapas",
            title="Pencanangan P2HAM Lapas Rangkasbitung (Contoh)",
            partner=relation_to(partner),
        )
        move_to_state(pledge, "declared")
        api.user.create(username="operator", email="op@example.org", password=PASSWORD)
        api.group.add_user(groupname=partner.partner_group, username="operator")
    assert api.content.get_uuid(programme) in form.actions_model
    assert form_problems(form) == []
    commit()

    browser = browser_for(functional, "operator")
    browser.open(form.absolute_url())
    browser.getControl(name="form.widgets.p2ham_01:list").value = ["Proses"]
    browser.getControl(name="form.widgets.p2ham_02").value = "40"
    browser.getControl(name="form.buttons.submit").click()
    # "Proses" shows the field for the obstacle, which is then required.
    assert "Kendala P2HAM-01 is required for the answers you gave." in browser.contents
    browser.getControl(name="form.widgets.p2ham_01_catatan").value = "Ramp sedang dibangun."
    browser.getControl(name="form.buttons.submit").click()

    (report,) = [o for o in fresh(period).objectValues() if o.portal_type == "IndicatorReport"]
    assert report.partner_uid == api.content.get_uuid(partner)
    assert report.rows["P2HAM-01"]["value"] == "proses"
    assert report.rows["P2HAM-01"]["note"] == "Ramp sedang dibangun."
    assert report.rows["P2HAM-02"]["value"] == 40.0
