"""Weights and bands belong to a period: changing them for 2025 leaves 2024's results alone."""

from datetime import date
from kemenkumham.ham.reporting.reports import open_report
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


def make_period(programme, year):
    return api.content.create(
        container=programme,
        type="ReportingPeriod",
        id=str(year),
        title=str(year),
        data_year=year,
        assessment_year=year + 1,
        opens=date(year + 1, 1, 6),
        submission_deadline=date(year + 1, 3, 31),
        verification_deadline=date(year + 1, 5, 15),
    )


@pytest.fixture
def programme(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    programme = api.content.create(
        container=portal["program"],
        type="Programme",
        id="kkp-bobot",
        title="KKP HAM (bobot contoh)",
        code="KKPHAM",
        scoring_method="weighted_sum",
        bands=["75: Peduli HAM", "0: Belum Peduli HAM"],
    )
    for code, weight in (("S-01", 0.25), ("H-01", 0.75)):
        api.content.create(
            container=programme,
            type="Indicator",
            id=code.lower(),
            title=f"Indikator {code} (Contoh)",
            code=code,
            right_group="hak atas kesehatan",
            kind="hasil",
            measurement="percentage",
            weight=weight,
        )
    api.content.create(
        container=portal["mitra"],
        type="Partner",
        id="kota-serang",
        title="Pemerintah Kota Serang",
        kind="pemda_kabkota",
        province="36",
        regency="36.73",
    )
    return programme


def assessed_report(period, partner, scores):
    report = open_report(period, partner)
    update_rows(report, {code: {"value": "90"} for code in scores})
    move_to_state(report, "submitted")
    update_rows(report, {code: {"status": "accepted"} for code in scores})
    move_to_state(report, "verified")
    update_rows(report, {code: {"score": score} for code, score in scores.items()})
    move_to_state(report, "assessed")
    return report


def test_changing_a_weight_for_2025_leaves_2024_scores_unchanged(portal, programme):
    partner = portal["mitra"]["kota-serang"]
    scores = {"S-01": 100, "H-01": 60}
    report_2024 = assessed_report(make_period(programme, 2024), partner, scores)
    assert (report_2024.total_score, report_2024.predicate) == (70.0, "Belum Peduli HAM")

    # The editors change a weight and a band for the coming period.
    programme["s-01"].weight = 0.75
    programme["h-01"].weight = 0.25
    programme.bands = ["65: Peduli HAM", "0: Belum Peduli HAM"]
    report_2025 = assessed_report(make_period(programme, 2025), partner, scores)

    assert (report_2025.total_score, report_2025.predicate) == (90.0, "Peduli HAM")
    # 2024 keeps its rules, whether its result is read or computed again.
    assert (report_2024.total_score, report_2024.predicate) == (70.0, "Belum Peduli HAM")
    move_to_state(report_2024, "submitted")  # reopened by a Manager, assessed again
    move_to_state(report_2024, "assessed")
    assert (report_2024.total_score, report_2024.predicate) == (70.0, "Belum Peduli HAM")
    assert [i["weight"] for i in programme["2024"].frozen_rules["indicators"]] == [0.25, 0.75]
