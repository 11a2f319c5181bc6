"""Results of a programme: final reports only, KKP HAM rules, ranking, provenance, regions."""

from datetime import datetime
from kemenkumham.ham.reporting.results import preliminary_results
from kemenkumham.ham.reporting.results import results_for_period
from kemenkumham.ham.reporting.results import results_for_year
from kemenkumham.ham.reporting.results_model import RECORDED_AWARDS
from kemenkumham.ham.reporting.results_model import VERIFIED_REPORTS
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock
from tests.factories import make_tree
from tests.factories import prepare_report_step
from tests.reporting.results_factories import add_award
from tests.reporting.results_factories import add_partner
from tests.reporting.results_factories import add_report
from zope.i18n import translate

import pytest


@pytest.fixture
def tree(portal, monkeypatch):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    freeze_clock(monkeypatch, datetime(2025, 5, 20, 10, 0))
    return make_tree(portal)


def finalise(report, score):
    """Take one of make_tree's reports to final with every indicator scored `score`."""

    def prepare(obj, transition):
        if transition == "assess":
            update_rows(obj, {code: {"score": score} for code in obj.rows})
        else:
            prepare_report_step(obj, transition)

    move_to_state(report, "final", prepare=prepare)


def en(message):
    return translate(message, target_language="en")


def by_title(results):
    return {row.partner.title: row for row in results.ranking}


def test_peduli_ham_from_75_and_award_year_is_data_year_plus_one(tree):
    finalise(tree["report_a"], 75)  # Kota Serang: exactly the lowest score of Peduli HAM
    finalise(tree["report_b"], 74.99)  # Kabupaten Lebak: just below
    results = results_for_period(tree["period"])
    assert tree["period"].data_year == 2024
    assert results.award_year == 2025
    assert results.qualifying_predicate == "Peduli HAM"  # the top band, nothing configured
    rows = by_title(results)
    assert rows["Pemerintah Kota Serang"].predicate == "Peduli HAM"
    assert rows["Pemerintah Kota Serang"].qualifies
    assert rows["Pemerintah Kabupaten Lebak"].predicate == "Cukup Peduli HAM"
    assert not rows["Pemerintah Kabupaten Lebak"].qualifies
    assert results.predicate_counts == (("Peduli HAM", 1), ("Cukup Peduli HAM", 1))
    # The same results asked for by award year; the data year gives nothing.
    by_year = results_for_year(tree["programme"], 2025)
    assert [row.partner.title for row in by_year.ranking] == [
        row.partner.title for row in results.ranking
    ]
    assert by_year.period is None
    assert results_for_year(tree["programme"], 2024).provenance.kind == "none"


def test_only_final_reports_count(tree):
    finalise(tree["report_a"], 90)
    move_to_state(tree["report_b"], "assessed", prepare=prepare_report_step)
    results = results_for_period(tree["period"])
    assert [row.partner.title for row in results.ranking] == ["Pemerintah Kota Serang"]
    assert results.provenance.count == 1
    preliminary = preliminary_results([tree["period"]], results.qualifying_predicate)
    assert [row.partner.title for row in preliminary] == ["Pemerintah Kabupaten Lebak"]
    assert preliminary[0].score == 80.0
    assert preliminary[0].report_url == tree["report_b"].absolute_url()


def test_no_final_report_no_result(tree):
    results = results_for_period(tree["period"])
    assert results.provenance.kind == "none"
    assert results.ranking == ()
    assert results.regions == ()
    assert en(results.provenance.message()) == "No final results for award year 2025 yet"


def test_equal_scores_share_a_rank(tree, portal):
    finalise(tree["report_a"], 80)
    finalise(tree["report_b"], 70)
    partner = add_partner(portal, "kota-cilegon", "Pemerintah Kota Cilegon", "36.72")
    add_report(tree["period"], partner, score=80)
    partner = add_partner(portal, "kota-tangerang", "Pemerintah Kota Tangerang", "36.71")
    add_report(tree["period"], partner, score=95)
    ranking = [
        (row.rank, row.partner.title, row.score)
        for row in results_for_period(tree["period"]).ranking
    ]
    assert ranking == [
        (1, "Pemerintah Kota Tangerang", 95.0),
        (2, "Pemerintah Kota Cilegon", 80.0),
        (2, "Pemerintah Kota Serang", 80.0),
        (4, "Pemerintah Kabupaten Lebak", 70.0),
    ]


def test_provenance_names_count_period_and_finalisation(tree, monkeypatch):
    finalise(tree["report_a"], 80)
    results = results_for_period(tree["period"])
    assert results.provenance.kind == VERIFIED_REPORTS
    assert en(results.provenance.message()) == (
        "Based on 1 verified reports, period 2024, finalised on 2025-05-20"
    )
    freeze_clock(monkeypatch, datetime(2025, 6, 2, 9, 0))
    finalise(tree["report_b"], 80)
    results = results_for_period(tree["period"])
    assert en(results.provenance.message()) == (
        "Based on 2 verified reports, period 2024, finalised between 2025-05-20 and 2025-06-02"
    )


def test_province_rule_60_percent(tree, portal):
    """Banten: 4 of 8 Peduli HAM (50 %) is below 60 %; DI Yogyakarta: 3 of 5 (60 %) qualifies."""
    tree["programme"].province_threshold = 60.0
    tree["programme"].qualifying_predicate = "Peduli HAM"
    finalise(tree["report_a"], 80)  # Kota Serang 36.73
    finalise(tree["report_b"], 60)  # Kabupaten Lebak 36.02: Mulai Peduli HAM
    for regency, title, score in (
        ("36.01", "Kabupaten Pandeglang", 76),
        ("36.03", "Kabupaten Tangerang", 88),
        ("36.04", "Kabupaten Serang", 90),
        ("34.01", "Kabupaten Kulon Progo", 80),
        ("34.02", "Kabupaten Bantul", 75),
        ("34.04", "Kabupaten Sleman", 81),
        ("34.71", "Kota Yogyakarta", 70),
    ):
        partner = add_partner(
            portal, title.lower().replace(" ", "-"), f"Pemerintah {title}", regency
        )
        add_report(tree["period"], partner, score=score)
    # A provincial government reports too: it counts among the province's results, not its
    # kabupaten/kota.
    province = add_partner(
        portal,
        "provinsi-banten",
        "Pemerintah Provinsi Banten",
        province="36",
        kind="pemda_provinsi",
    )
    add_report(tree["period"], province, score=99)
    results = results_for_period(tree["period"])
    regions = {region.province: region for region in results.regions}
    banten, yogyakarta = regions["36"], regions["34"]
    assert (banten.province_name, banten.kabkota_total, banten.kabkota_results) == ("Banten", 8, 5)
    assert (banten.qualifying, banten.percent, banten.province_qualifies) == (4, 50.0, False)
    assert banten.results == 6
    assert yogyakarta.kabkota_total == 5
    assert (yogyakarta.qualifying, yogyakarta.percent) == (3, 60.0)
    assert yogyakarta.province_qualifies is True


def test_no_province_rule_without_threshold(tree):
    finalise(tree["report_a"], 80)
    (region,) = results_for_period(tree["period"]).regions
    assert region.province_qualifies is None
    assert (region.kabkota_results, region.qualifying, region.percent) == (1, 1, 12.5)


def test_configured_qualifying_predicate(tree):
    tree["programme"].qualifying_predicate = "Cukup Peduli HAM"
    finalise(tree["report_a"], 70)
    finalise(tree["report_b"], 90)
    rows = by_title(results_for_period(tree["period"]))
    assert rows["Pemerintah Kota Serang"].qualifies
    assert not rows["Pemerintah Kabupaten Lebak"].qualifies


def test_recorded_awards_for_a_year_without_final_reports(tree, portal):
    programme = tree["programme"]
    programme.province_threshold = 60.0
    source = "Hari HAM ke-72, Serang, 14 Desember 2020"
    for partner in (tree["partner_a"], tree["partner_b"]):
        add_award(portal, programme, partner, 2020, source=source)
    add_award(portal, programme, tree["partner_b"], 2019, source="older")  # another year
    unpublished = add_partner(portal, "kota-cilegon", "Pemerintah Kota Cilegon", "36.72")
    add_award(portal, programme, unpublished, 2020, state="private")
    province = add_partner(
        portal,
        "provinsi-banten",
        "Pemerintah Provinsi Banten",
        province="36",
        kind="pemda_provinsi",
    )
    add_award(portal, programme, province, 2020, predicate="Piagam", source=source)
    results = results_for_year(programme, 2020)
    assert results.provenance.kind == RECORDED_AWARDS
    assert results.provenance.count == 2
    assert [row.partner.title for row in results.ranking] == [
        "Pemerintah Kabupaten Lebak",
        "Pemerintah Kota Serang",
    ]
    assert {(row.rank, row.score, row.predicate) for row in results.ranking} == {
        (None, None, "Peduli HAM")
    }
    assert en(results.provenance.message()) == (
        f"Based on 2 published awards, award year 2020 (source: {source})"
    )
    (banten,) = results.regions
    assert (banten.kabkota_results, banten.qualifying, banten.percent) == (2, 2, 25.0)
    assert banten.province_award.title == "Piagam 2020: Pemerintah Provinsi Banten"


def test_final_reports_win_over_awards_of_the_same_year(tree, portal):
    add_award(portal, tree["programme"], tree["partner_b"], 2025)
    finalise(tree["report_a"], 80)
    results = results_for_year(tree["programme"], 2025)
    assert results.provenance.kind == VERIFIED_REPORTS
    assert [row.partner.title for row in results.ranking] == ["Pemerintah Kota Serang"]


def test_national_aggregate_of_the_year(tree):
    tree["programme"].national_aggregates = [
        "2020; 259; 514; Hari HAM ke-72; https://example.org/a"
    ]
    national = results_for_year(tree["programme"], 2020).national
    assert (national.qualifying, national.total, national.percent) == (259, 514, 50.4)
    assert national.source == "Hari HAM ke-72"
    assert national.source_url == "https://example.org/a"
    assert results_for_year(tree["programme"], 2021).national is None


def test_statistics_section_shows_the_statistics_page(portal):
    from kemenkumham.ham.structure import use_statistics_layout

    folder = portal["statistik"]
    assert folder.getLayout() == "ham-statistics"
    folder.setLayout("listing_view")
    assert use_statistics_layout(portal)
    assert folder.getLayout() == "ham-statistics"
    assert api.content.get_view("ham-statistics", folder, portal.REQUEST) is not None


def test_programmes_and_periods_link_to_their_results(tree, portal):
    actions = portal.portal_actions
    for obj in (tree["programme"], tree["period"]):
        (action,) = [
            a for a in actions.listFilteredActionsFor(obj)["object"] if a["id"] == "ham-results"
        ]
        assert action["url"] == f"{obj.absolute_url()}/@@results"
    assert "ham-results" not in [
        a["id"] for a in actions.listFilteredActionsFor(tree["partner_a"])["object"]
    ]
