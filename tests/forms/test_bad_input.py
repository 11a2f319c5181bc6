"""Bad submissions of a report form are refused naming the field, and nothing is stored."""

from datetime import datetime
from datetime import timedelta
from io import BytesIO
from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.clock import freeze_clock
from tests.factories import prepare_report_step
from tests.forms.helpers import commit
from tests.forms.helpers import field
from tests.forms.helpers import fresh
from tests.forms.helpers import INDICATOR_FIELDS
from tests.forms.helpers import make_form
from tests.forms.helpers import make_site
from tests.forms.helpers import MODEL
from tests.forms.helpers import PDF
from tests.forms.helpers import report_action
from tests.forms.ttw import browser_for
from tests.forms.ttw import PASSWORD

import pytest
import re


GOOD = {"kkp_06_03": "75", "kkp_07_01": "4"}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_site(portal)
    programme_uid = api.content.get_uuid(tree["programme"])
    form = make_form(portal, "laporan-kkp", INDICATOR_FIELDS, report_action(programme_uid))
    commit()
    return portal, tree, form


def submit(browser, form, values, files=None):
    browser.open(form.absolute_url())
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    for name, (filename, data) in (files or {}).items():
        browser.getControl(name=f"form.widgets.{name}").add_file(
            BytesIO(data), "application/octet-stream", filename
        )
    browser.getControl(name="form.buttons.submit").click()
    return browser.contents


def field_error(contents, name):
    """The text shown with one field of the form (its error, if any)."""
    found = re.search(
        rf'id="formfield-form-widgets-{name}"(.*?)(?=id="formfield-|</form>)', contents, re.S
    )
    assert found, f"no field {name} on the page"
    return re.sub(r"<[^>]+>", " ", found.group(1))


def reports_in(period):
    period = fresh(period)
    return [obj for obj in period.objectValues() if obj.portal_type == "IndicatorReport"]


def draft_of_ani(tree, values=None):
    """Kota Serang's draft in the open period, filled (as Manager)."""
    with api.env.adopt_roles(["Manager"]):
        report = open_report(tree["period_open"], tree["partner_a"])
        update_rows(report, values or {"KKP-06.03": {"value": "60"}, "KKP-07.01": {"value": "2"}})
    commit()
    return report


def rows_of(report):
    report = fresh(report)
    return {
        code: (row["value"], row["note"], len(row["evidence"])) for code, row in report.rows.items()
    }


def test_logged_out_users_cannot_submit_an_indicator_form(site, functional):
    portal, tree, form = site
    anonymous = browser_for(functional)
    anonymous.open(form.absolute_url())
    # The form says so before anything is typed.
    assert "This form fills a partner organisation's report." in anonymous.contents
    contents = submit(anonymous, form, GOOD)
    assert "Log in first: only logged-in partners can submit this report form." in contents
    assert reports_in(tree["period_open"]) == []


def test_value_of_the_wrong_kind_names_the_field(site, functional):
    portal, tree, form = site
    contents = submit(browser_for(functional, "ani"), form, {**GOOD, "kkp_07_01": "lima"})
    assert "Indicator KKP-07.01: 'lima' must be a number." in field_error(contents, "kkp_07_01")
    assert "Nothing was saved" in contents
    assert reports_in(tree["period_open"]) == []


def test_percentage_above_100_names_the_field(site, functional):
    portal, tree, form = site
    browser = browser_for(functional, "ani")
    contents = submit(browser, form, {**GOOD, "kkp_06_03": "101"})
    assert browser.headers["status"].startswith("400")
    message = field_error(contents, "kkp_06_03")
    assert "Indicator KKP-06.03: '101' must be between 0 and 100." in message
    assert reports_in(tree["period_open"]) == []


def test_bad_values_leave_an_existing_draft_as_it_was(site, functional):
    portal, tree, form = site
    report = draft_of_ani(tree)
    before = rows_of(report)
    contents = submit(
        browser_for(functional, "ani"),
        form,
        {"kkp_06_03": "90", "kkp_06_03_note": "baru", "kkp_07_01": "-3"},
        files={"kkp_06_03_bukti": ("bukti.pdf", PDF)},
    )
    assert "Indicator KKP-07.01: '-3' cannot be negative." in field_error(contents, "kkp_07_01")
    assert rows_of(report) == before


def test_file_of_a_forbidden_type_names_the_field(site, functional):
    portal, tree, form = site
    contents = submit(
        browser_for(functional, "ani"),
        form,
        GOOD,
        files={"kkp_06_03_bukti": ("program.exe", b"MZ\x90\x00 bukan dokumen")},
    )
    assert "Indicator KKP-06.03: the file 'program.exe' is not allowed" in field_error(
        contents, "kkp_06_03_bukti"
    )
    assert reports_in(tree["period_open"]) == []


def test_file_over_the_limit_names_the_field(site, functional):
    portal, tree, form = site
    api.portal.set_registry_record("kemenkumham.ham.evidence_max_size_mb", 1)
    commit()
    big = PDF + b"0" * (1024 * 1024)
    contents = submit(
        browser_for(functional, "ani"), form, GOOD, files={"kkp_06_03_bukti": ("besar.pdf", big)}
    )
    assert "Indicator KKP-06.03: the file 'besar.pdf' is larger than 1 MB." in field_error(
        contents, "kkp_06_03_bukti"
    )
    assert reports_in(tree["period_open"]) == []


def test_field_that_matches_no_indicator_is_named(site, functional):
    portal, tree, form = site
    with api.env.adopt_roles(["Manager"]):
        form.fields_model = MODEL.format(
            fields=INDICATOR_FIELDS + field("alamat", "zope.schema.TextLine", "Alamat kantor")
        )
    commit()
    contents = submit(browser_for(functional, "ani"), form, {**GOOD, "alamat": "Jl. Serang"})
    assert "Field 'alamat' matches no indicator of this period's report." in field_error(
        contents, "alamat"
    )
    assert reports_in(tree["period_open"]) == []


def test_submission_after_the_deadline_is_refused_with_the_dates(site, functional, monkeypatch):
    portal, tree, form = site
    report = draft_of_ani(tree)
    before = rows_of(report)
    period = tree["period_open"]
    deadline = period.submission_deadline
    freeze_clock(monkeypatch, datetime.combine(deadline + timedelta(days=1), datetime.min.time()))
    # The period is named on the form: the open-period lookup is not what refuses here.
    with api.env.adopt_roles(["Manager"]):
        form.actions_model = report_action(
            api.content.get_uuid(tree["programme"]), api.content.get_uuid(period)
        )
    commit()
    contents = submit(browser_for(functional, "ani"), form, {"kkp_06_03": "99"})
    assert (
        f"Submission is possible from {period.opens.isoformat()} to {deadline.isoformat()}"
        in contents
    )
    assert rows_of(report) == before


def test_no_open_period_is_refused_with_the_periods_dates(site, functional, monkeypatch):
    portal, tree, form = site
    deadline = tree["period_open"].submission_deadline
    freeze_clock(monkeypatch, datetime.combine(deadline + timedelta(days=1), datetime.min.time()))
    contents = submit(browser_for(functional, "ani"), form, GOOD)
    assert "No period of KKP HAM is open for reports today" in contents
    assert "2024: 2025-01-06 – 2025-03-31" in contents
    assert reports_in(tree["period_open"]) == []


def test_report_already_submitted_is_not_changed(site, functional):
    portal, tree, form = site
    report = draft_of_ani(tree)
    with api.env.adopt_roles(["Manager"]):
        move_to_state(report, "submitted", prepare=prepare_report_step)
    commit()
    before = rows_of(report)
    contents = submit(browser_for(functional, "ani"), form, {"kkp_06_03": "99"})
    assert (
        "The report of Pemerintah Kota Serang for period Periode berjalan (Contoh) has already "
        "been submitted (Submitted)" in contents
    )
    assert rows_of(report) == before
    assert len(reports_in(tree["period_open"])) == 1


def test_partner_the_period_does_not_expect_cannot_open_a_report(site, functional):
    portal, tree, form = site
    from tests.factories import relation_to

    with api.env.adopt_roles(["Manager"]):
        tree["period_open"].expected_partners = [relation_to(tree["partner_b"])]
        tree["period_open"].reindexObjectSecurity()
    commit()
    contents = submit(browser_for(functional, "ani"), form, GOOD)
    assert "Pemerintah Kota Serang cannot open a report in period Periode berjalan" in contents
    assert reports_in(tree["period_open"]) == []


def test_submit_after_saving_refuses_an_incomplete_report_and_stores_nothing(site, functional):
    portal, tree, form = site
    with api.env.adopt_roles(["Manager"]):
        form.actions_model = report_action(api.content.get_uuid(tree["programme"]), submit=True)
    commit()
    contents = submit(browser_for(functional, "ani"), form, {"kkp_06_03": "75"})
    assert (
        "The report cannot be submitted yet: fill in the value and the required evidence of "
        "KKP-07.01." in contents
    )
    assert reports_in(tree["period_open"]) == []


def test_submit_after_saving_submits_a_complete_report(site, functional):
    portal, tree, form = site
    with api.env.adopt_roles(["Manager"]):
        form.actions_model = report_action(api.content.get_uuid(tree["programme"]), submit=True)
    commit()
    browser = browser_for(functional, "ani")
    submit(browser, form, GOOD)
    (report,) = reports_in(tree["period_open"])
    assert api.content.get_state(report) == "submitted"
    assert "was saved and submitted for verification" in browser.contents


def test_an_earlier_action_of_a_refused_submission_stores_nothing_either(site, functional):
    """A Save Data action before the report action: its record goes with the refusal."""
    portal, tree, form = site
    from collective.easyform.api import get_actions

    programme_uid = api.content.get_uuid(tree["programme"])
    with api.env.adopt_roles(["Manager"]):
        form.actions_model = report_action(programme_uid).replace(
            "<schema>",
            '<schema><field name="simpan" type="collective.easyform.actions.SaveData">'
            "<title>Simpan data</title></field>",
        )
    commit()
    contents = submit(browser_for(functional, "ani"), form, {**GOOD, "kkp_06_03": "101"})
    assert "must be between 0 and 100" in contents
    form = fresh(form)
    assert get_actions(form)["simpan"].itemsSaved() == 0
    assert reports_in(tree["period_open"]) == []


def test_member_of_several_organisations_is_sent_to_the_period_page(site, functional):
    portal, tree, form = site
    api.group.add_user(groupname="mitra-kabupaten-lebak", username="ani")
    commit()
    contents = submit(browser_for(functional, "ani"), form, GOOD)
    assert (
        "You belong to several organisations (Pemerintah Kabupaten Lebak, Pemerintah Kota "
        "Serang): open your organisation's report from the period page instead." in contents
    )
    assert reports_in(tree["period_open"]) == []


def test_member_of_no_organisation_cannot_submit(site, functional):
    portal, tree, form = site
    api.user.create(username="tamu", email="tamu@example.org", password=PASSWORD)
    commit()
    contents = submit(browser_for(functional, "tamu"), form, GOOD)
    assert "Only members of a partner organisation can submit this report form." in contents
    assert reports_in(tree["period_open"]) == []
