"""Opening a report per partner and period, filling rows, the submission window."""

from datetime import date
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.reports import check_submission_window
from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.rows import update_rows
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree
from zope.i18n import translate

import pytest


def message(error):
    return translate(error.value.doc(), target_language="en")


@pytest.fixture
def tree(portal):
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree["partner_c"] = api.content.create(
        container=portal["mitra"],
        type="Partner",
        id="kota-cilegon",
        title="Pemerintah Kota Cilegon",
        kind="pemda_kabkota",
        province="36",
        regency="36.72",
    )
    return tree


def test_report_has_one_row_per_indicator_and_belongs_to_the_partner(tree):
    report = open_report(tree["period"], tree["partner_c"])
    assert list(report.rows) == ["KKP-06.03", "KKP-07.01"]
    assert dict(report.rows["KKP-06.03"]) == {
        "value": None,
        "note": "",
        "evidence": [],
        "status": None,
        "remark": "",
        "score": None,
    }
    assert report.partner_uid == api.content.get_uuid(tree["partner_c"])
    assert report.get_local_roles_for_userid("mitra-kota-cilegon") == ("PartnerMember",)
    assert api.content.get_state(report) == "draft"
    assert tree["period"].frozen_rules["indicators"][0]["code"] == "KKP-06.03"


def test_a_second_report_for_the_same_partner_and_period_is_refused(tree):
    with pytest.raises(FieldError) as error:
        open_report(tree["period"], tree["partner_a"])
    assert message(error) == "Pemerintah Kota Serang already has a report for period 2024."


def test_p2ham_needs_a_declared_pledge(tree, portal):
    p2ham = api.content.create(
        container=portal["program"], type="Programme", id="p2ham", title="P2HAM", code="P2HAM"
    )
    period = api.content.create(
        container=p2ham,
        type="ReportingPeriod",
        id="2024",
        title="2024",
        data_year=2024,
        assessment_year=2024,
        opens=date(2024, 4, 1),
        submission_deadline=date(2024, 9, 30),
        verification_deadline=date(2024, 11, 15),
    )
    with pytest.raises(FieldError) as error:
        open_report(period, tree["partner_a"])
    assert "only after its pledge is declared" in message(error)
    api.content.transition(obj=tree["pledge"], transition="schedule")
    api.content.transition(obj=tree["pledge"], transition="declare")
    assert open_report(period, tree["partner_a"]).portal_type == "IndicatorReport"


def test_rows_are_checked_before_anything_is_stored(tree):
    report = open_report(tree["period"], tree["partner_c"])
    with pytest.raises(FieldError) as error:
        update_rows(report, {"KKP-06.03": {"value": "101"}})
    assert "Indicator KKP-06.03: '101'" in message(error)
    with pytest.raises(FieldError) as error:
        update_rows(report, {"KKP-99.99": {"value": "1"}})
    assert message(error) == "Indicator KKP-99.99 is not part of this period's report."
    assert report.rows["KKP-06.03"]["value"] is None
    update_rows(report, {"KKP-06.03": {"value": "87,5", "note": "Data Dinas Kesehatan"}})
    assert report.rows["KKP-06.03"]["value"] == 87.5
    assert report.rows["KKP-06.03"]["note"] == "Data Dinas Kesehatan"


def test_submission_window_names_its_dates(tree):
    period = tree["period"]
    check_submission_window(period, on=date(2025, 3, 31))
    with pytest.raises(FieldError) as error:
        check_submission_window(period, on=date(2025, 4, 1))
    assert message(error) == (
        "Submission is possible from 2025-01-06 to 2025-03-31 (today is 2025-04-01)."
    )
    with pytest.raises(FieldError):
        check_submission_window(period, on=date(2025, 1, 5))
