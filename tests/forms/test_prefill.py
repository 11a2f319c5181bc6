"""Coming back to a report form: it shows the partner's own draft, and nobody else's."""

from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.factories import prepare_report_step
from tests.forms.helpers import commit
from tests.forms.helpers import field
from tests.forms.helpers import make_form
from tests.forms.helpers import make_site
from tests.forms.helpers import report_action
from tests.forms.ttw import browser_for

import pytest


CHOICE = "<values><element>Ada</element><element>Proses</element><element>Tidak</element></values>"
FIELDS = (
    field("kkp_06_03", "zope.schema.TextLine", "KKP-06.03")
    + field("kkp_08_01", "zope.schema.Choice", "KKP-08.01", extra=CHOICE)
    + '<fieldset name="lanjutan" label="Lanjutan">'
    + field("kkp_09_01", "zope.schema.Bool", "KKP-09.01")
    + field("kkp_06_03_note", "zope.schema.Text", "Catatan KKP-06.03")
    + field("penilaian_mandiri", "zope.schema.Text", "Penilaian mandiri")
    + "</fieldset>"
)


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_site(portal)
    with api.env.adopt_roles(["Manager"]):
        for code, measurement in (("KKP-08.01", "ada_proses_tidak"), ("KKP-09.01", "yes_no")):
            api.content.create(
                container=tree["programme"],
                type="Indicator",
                id=code.lower().replace(".", "-"),
                title=f"Contoh {code}",
                code=code,
                right_group="hak atas pendidikan",
                kind="proses",
                measurement=measurement,
                weight=1.0,
            )
        form = make_form(
            portal, "laporan", FIELDS, report_action(api.content.get_uuid(tree["programme"]))
        )
        report = open_report(tree["period_open"], tree["partner_a"])
        update_rows(
            report,
            {
                "KKP-06.03": {"value": "75.5", "note": "Catatan lama."},
                "KKP-08.01": {"value": "Proses"},
                "KKP-09.01": {"value": "ya"},
            },
        )
        report.self_assessment = "Sudah baik."
    commit()
    return portal, tree, form, report


def test_the_partner_sees_its_draft_also_in_fieldsets(site, functional):
    portal, tree, form, report = site
    browser = browser_for(functional, "ani")
    browser.open(form.absolute_url())
    assert browser.getControl(name="form.widgets.kkp_06_03").value == "75.5"
    assert browser.getControl(name="form.widgets.kkp_08_01:list").value == ["Proses"]
    assert browser.getControl(name="form.widgets.kkp_09_01:list").value == ["selected"]
    assert browser.getControl(name="form.widgets.kkp_06_03_note").value == "Catatan lama."
    assert browser.getControl(name="form.widgets.penilaian_mandiri").value == "Sudah baik."


def test_another_partner_sees_an_empty_form(site, functional):
    portal, tree, form, report = site
    browser = browser_for(functional, "budi")
    browser.open(form.absolute_url())
    assert browser.getControl(name="form.widgets.kkp_06_03").value == ""
    assert browser.getControl(name="form.widgets.kkp_06_03_note").value == ""
    assert "Catatan lama." not in browser.contents
    assert "Sudah baik." not in browser.contents


def test_a_submitted_report_is_not_shown_for_editing(site, functional):
    portal, tree, form, report = site
    with api.env.adopt_roles(["Manager"]):
        update_rows(report, {"KKP-07.01": {"value": "3"}})
        move_to_state(report, "submitted", prepare=prepare_report_step)
    commit()
    browser = browser_for(functional, "ani")
    browser.open(form.absolute_url())
    assert browser.getControl(name="form.widgets.kkp_06_03").value == ""
    assert "You are continuing the report" not in browser.contents
