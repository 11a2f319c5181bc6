"""Forms that are not indicator forms keep easyform's "Save Data": plain stored records.

Also: easyform's "depends on" conditions hold on the server. A required field the browser hides
is not required (easyform issue #461) and its value is not stored; a required field the browser
shows must be filled.
"""

from collective.easyform.api import get_actions
from plone import api
from tests.forms.helpers import commit
from tests.forms.helpers import field
from tests.forms.helpers import fresh
from tests.forms.helpers import make_form
from tests.forms.helpers import make_site
from tests.forms.helpers import report_action
from tests.forms.helpers import save_data_action
from tests.forms.test_bad_input import field_error
from tests.forms.ttw import browser_for

import pytest


CHOICE = "<values><element>Ya</element><element>Tidak</element></values>"
REGISTRATION_FIELDS = "".join(
    (
        field("nama", "zope.schema.TextLine", "Nama", required=True),
        field("instansi", "zope.schema.TextLine", "Instansi"),
        field("hadir", "zope.schema.Choice", "Akan hadir?", required=True, extra=CHOICE),
        # Shown by pat-depends when the person will not come; required then.
        field(
            "alasan",
            "zope.schema.TextLine",
            "Alasan tidak hadir",
            required=True,
            depends_on="form.widgets.hadir:list=Tidak",
        ),
    )
)


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_site(portal)
    form = make_form(
        portal, "pendaftaran-rakor", REGISTRATION_FIELDS, save_data_action(), "Pendaftaran Rakor"
    )
    commit()
    return portal, tree, form


def register(browser, form, **values):
    browser.open(form.absolute_url())
    for name, value in values.items():
        control_name = f"form.widgets.{name}:list" if name == "hadir" else f"form.widgets.{name}"
        browser.getControl(name=control_name).value = [value] if name == "hadir" else value
    browser.getControl(name="form.buttons.submit").click()
    return browser.contents


def records(form):
    form = fresh(form)
    return [dict(row) for _id, row in get_actions(form)["simpan"].getSavedFormInputItems()]


def test_event_registration_stores_a_plain_record_even_from_anonymous(site, functional):
    portal, tree, form = site
    register(browser_for(functional), form, nama="Siti Aminah", instansi="Dinas Sosial", hadir="Ya")
    (record,) = records(form)
    assert record["nama"] == "Siti Aminah"
    assert record["instansi"] == "Dinas Sosial"
    assert record["hadir"] == "Ya"
    # No report anywhere: the form is not linked to a programme.
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(portal_type="IndicatorReport")) == 2  # make_tree's


def test_hidden_required_field_is_not_required_and_its_value_is_dropped(site, functional):
    portal, tree, form = site
    browser = browser_for(functional)
    register(browser, form, nama="Budi", hadir="Ya")
    # pat-depends hides the field but does not empty it: what it still holds is not stored.
    register(browser, form, nama="Citra", hadir="Ya", alasan="isi lama yang tersembunyi")
    assert [(r["nama"], "alasan" in r) for r in records(form)] == [
        ("Budi", False),
        ("Citra", False),
    ]


def test_shown_required_field_must_be_filled(site, functional):
    portal, tree, form = site
    browser = browser_for(functional)
    contents = register(browser, form, nama="Dewi", hadir="Tidak")
    assert "Alasan tidak hadir is required for the answers you gave." in field_error(
        contents, "alasan"
    )
    assert records(form) == []
    register(browser, form, nama="Dewi", hadir="Tidak", alasan="Tugas ke luar kota")
    (record,) = records(form)
    assert record["alasan"] == "Tugas ke luar kota"


def test_condition_on_an_indicator_form(site, functional):
    """A low value needs an explanation; a high one drops the hidden note."""
    portal, tree, form = site
    fields = "".join(
        (
            field("kkp_06_03", "zope.schema.Float", "KKP-06.03"),
            field(
                "kkp_06_03_note",
                "zope.schema.Text",
                "Mengapa di bawah 50%?",
                required=True,
                depends_on="kkp_06_03<50",
            ),
            field("kkp_07_01", "zope.schema.TextLine", "KKP-07.01"),
        )
    )
    linked = make_form(
        portal, "laporan", fields, report_action(api.content.get_uuid(tree["programme"]))
    )
    commit()
    browser = browser_for(functional, "ani")
    browser.open(linked.absolute_url())
    browser.getControl(name="form.widgets.kkp_06_03").value = "40"
    browser.getControl(name="form.buttons.submit").click()
    assert "Mengapa di bawah 50%? is required for the answers you gave." in field_error(
        browser.contents, "kkp_06_03_note"
    )
    period = fresh(tree["period_open"])
    assert [o for o in period.objectValues() if o.portal_type == "IndicatorReport"] == []

    browser.open(linked.absolute_url())
    browser.getControl(name="form.widgets.kkp_06_03").value = "80"
    browser.getControl(name="form.widgets.kkp_06_03_note").value = "tidak terlihat"
    browser.getControl(name="form.buttons.submit").click()
    period = fresh(tree["period_open"])
    (report,) = [o for o in period.objectValues() if o.portal_type == "IndicatorReport"]
    assert report.rows["KKP-06.03"]["value"] == 80.0
    assert report.rows["KKP-06.03"]["note"] == ""


def test_conditions_hold_inside_a_fieldset(site, functional):
    portal, tree, form = site
    # The same fields, the reason in a fieldset (the last field of REGISTRATION_FIELDS).
    fields = (
        REGISTRATION_FIELDS.replace(
            '<field name="alasan"',
            '<fieldset name="lanjutan" label="Lanjutan"><field name="alasan"',
        )
        + "</fieldset>"
    )
    survey = make_form(portal, "survei", fields, save_data_action())
    commit()
    assert 'name="lanjutan"' in survey.fields_model
    browser = browser_for(functional)
    register(browser, survey, nama="Eka", hadir="Ya", alasan="tersembunyi")
    contents = register(browser, survey, nama="Fajar", hadir="Tidak")
    assert "Alasan tidak hadir is required for the answers you gave." in field_error(
        contents, "alasan"
    )
    assert [(r["nama"], "alasan" in r) for r in records(survey)] == [("Eka", False)]
