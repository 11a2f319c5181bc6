"""Acceptance: on the demo site, KKP HAM 2020 gives 8 of 8 Banten kabupaten/kota Peduli HAM,
computed from the demo's per-kabupaten/kota awards, and the recorded national 259 of 514 (50.4%)
with its source: through @ham-results and on the public statistics page."""

from kemenkumham.ham.demo import create_demo
from lxml import html
from plone import api
from tests.restapi.openapi import validate

import pytest
import requests
import transaction


BANTEN_KABKOTA = {
    "Pemerintah Kabupaten Pandeglang",
    "Pemerintah Kabupaten Lebak",
    "Pemerintah Kabupaten Tangerang",
    "Pemerintah Kabupaten Serang",
    "Pemerintah Kota Tangerang",
    "Pemerintah Kota Cilegon",
    "Pemerintah Kota Serang",
    "Pemerintah Kota Tangerang Selatan",
}
SOURCE = "Hari HAM ke-72, Serang, 14 Desember 2020"


@pytest.fixture(scope="class")
def demo(functional_portal_class):
    portal = functional_portal_class
    with api.env.adopt_roles(["Manager"]):
        create_demo(portal, say=lambda message: None)
    transaction.commit()
    return portal


def ham_results(portal, **params):
    response = requests.get(
        f"{portal.absolute_url()}/@ham-results",
        params=params,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    data = response.json()
    validate(data, "Results")
    return data


def banten(data):
    (region,) = [region for region in data["regions"] if region["province"] == "36"]
    return region


class TestKkpHam2020:
    def test_ham_results_gives_8_of_8_banten_kabupaten_kota(self, demo):
        data = ham_results(demo, programme="KKPHAM", year="2020")
        assert data["award_year"] == 2020
        assert data["qualifying_predicate"] == "Peduli HAM"
        assert data["province_threshold"] == 60.0
        assert {row["partner"]["title"] for row in data["ranking"]} == BANTEN_KABKOTA
        # The published result: "Peduli HAM", no score, so no rank.
        assert {(row["predicate"], row["score"], row["rank"]) for row in data["ranking"]} == {
            ("Peduli HAM", None, None)
        }
        assert data["predicate_counts"] == {"Peduli HAM": 8}
        region = banten(data)
        assert (region["kabkota_total"], region["kabkota_results"], region["qualifying"]) == (
            8,
            8,
            8,
        )
        assert region["percent"] == 100.0
        assert region["province_qualifies"] is True
        assert region["province_award"]["title"] == (
            "Piagam penghargaan 2020: Pemerintah Provinsi Banten"
        )
        provenance = data["provenance"]
        assert (provenance["kind"], provenance["count"]) == ("recorded_awards", 8)
        assert any(SOURCE in source["text"] for source in provenance["sources"])
        assert SOURCE in provenance["text"]

    def test_ham_results_gives_the_recorded_national_figure_with_its_source(self, demo):
        national = ham_results(demo, programme="kkp-ham", year="2020")["national"]
        assert (national["qualifying"], national["total"], national["percent"]) == (259, 514, 50.4)
        assert "R. Andika Dwi Prasetya" in national["source"]
        assert SOURCE in national["source"]
        assert "259 of 514" in national["note"]
        assert "(50.4%)" in national["note"]

    def test_statistics_page_shows_both(self, demo):
        assert demo["statistik"].getLayout() == "ham-statistics"
        response = requests.get(demo["statistik"].absolute_url(), timeout=30)  # anonymous
        assert response.status_code == 200
        page = html.fromstring(response.text)
        (article,) = [
            article
            for article in page.xpath("//article[contains(@class, 'ham-statistics-year')]")
            if "2020" in article.xpath("string(h3)")
            and "KKP HAM" in article.xpath("string(ancestor::section[1]/h2)")
        ]
        (row,) = [
            row
            for row in article.xpath(".//table[contains(@class, 'ham-regions')]/tbody/tr")
            if "Banten" in row.xpath("string(th)")
        ]
        cells = [cell.text_content().strip() for cell in row.xpath("td")]
        # Results, kabupaten/kota, with a result, with Peduli HAM, %, qualifies, province award
        assert cells == [
            "8",
            "8",
            "8",
            "8",
            "100.0",
            "Yes",
            "Piagam penghargaan 2020: Pemerintah Provinsi Banten",
        ]
        assert "(from 60%)" in " ".join(
            article.xpath("string(.//table[contains(@class, 'ham-regions')]/thead)").split()
        )
        text = " ".join(article.text_content().split())
        assert "Based on 8 published awards, award year 2020" in text
        assert SOURCE in text
        national = "Nationally 259 of 514 regencies/cities (50.4%) reached the predicate Peduli HAM"
        assert national in text
        assert "R. Andika Dwi Prasetya" in text
        # The section's own page with the national figure is still listed.
        assert "KKP HAM 2020: capaian nasional" in response.text

    def test_the_figures_are_computed_from_the_awards(self, demo):
        award = demo["penghargaan"]["kkp-ham-2020-kota-cilegon"]
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=award, transition="retract")
        transaction.commit()
        try:
            region = banten(ham_results(demo, programme="KKPHAM", year="2020"))
            assert (region["qualifying"], region["percent"]) == (7, 87.5)
            assert region["province_qualifies"] is True
        finally:
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(obj=award, transition="publish")
            transaction.commit()

    def test_statistics_page_shows_nothing_in_progress(self, demo):
        """The 2024 period's sample reports (draft ... verified) are not final: no figures."""
        response = requests.get(demo["statistik"].absolute_url(), timeout=30)
        # The page's own content: the navigation may list published sample items (the forms).
        content = html.tostring(html.fromstring(response.text).get_element_by_id("content"))
        content = content.decode("utf-8")
        for title in ("Laporan KKP HAM 2024", "Contoh"):
            assert title not in content
        assert "Award year 2025" not in content
