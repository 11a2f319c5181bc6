"""The five news items rebuilt from the office's articles."""

from kemenkumham.ham.behaviors.news_credits import INewsCredits
from kemenkumham.ham.demo import create_news
from kemenkumham.ham.demo import load_news
from plone import api

import pytest


@pytest.fixture
def demo_portal(portal):
    with api.env.adopt_roles(["Manager"]):
        create_news(portal, say=lambda message: None)
    return portal


def test_five_news_published(demo_portal):
    brains = api.content.find(portal_type="News Item", review_state="published")
    assert len(brains) == 5
    assert {b.getPath().split("/")[-2] for b in brains} == {"berita"}


def test_demo_is_idempotent(demo_portal):
    with api.env.adopt_roles(["Manager"]):
        assert create_news(demo_portal, say=lambda message: None) == 0
    assert len(api.content.find(portal_type="News Item")) == 5


def test_news_from_antara_banten_has_reporter_and_editor(demo_portal):
    item = demo_portal["berita"]["kanwil-banten-konsultasi-program-ham-2024"]
    credits = INewsCredits(item)
    assert credits.reporter == "Mulyana"
    assert credits.news_editor == "Bayu Kuncahyo"
    assert credits.source_name == "ANTARA News Banten"
    assert "21 Februari 2024" in item.text.output


def test_banten_2020_news_date_place_and_figures(demo_portal):
    item = demo_portal["berita"]["banten-kabupaten-kota-peduli-ham-2020"]
    assert item.effective().toZone("Asia/Jakarta").ISO8601()[:10] == "2020-12-14"
    assert INewsCredits(item).place == "Serang"
    text = item.text.output
    assert "259 Kabupaten dan Kota" in text
    assert "50,4%" in text
    assert "514 Kabupaten/Kota" in text
    assert "Lembaga Pemasyarakatan Kelas III Rangkasbitung" in text


def test_babel_rakor_dated_13_july_2022_in_pangkalpinang(demo_portal):
    item = demo_portal["berita"]["rakor-gugus-tugas-daerah-bham-babel"]
    assert item.effective().toZone("Asia/Jakarta").ISO8601()[:10] == "2022-07-13"
    assert INewsCredits(item).place == "Pangkalpinang"


def test_undated_articles_keep_the_source_wording(demo_portal):
    """Where an article gives no full date, the dateline says so instead of inventing one."""
    bitung = demo_portal["berita"]["kanwil-sulut-koordinasi-pemkot-bitung"]
    assert INewsCredits(bitung).dateline.startswith("23/03")
    assert "tahun tidak disebutkan" in INewsCredits(bitung).dateline


def test_news_texts_are_escaped_paragraphs(demo_portal):
    for entry in load_news():
        item = demo_portal["berita"][entry["id"]]
        assert item.text.raw.count("<p>") == len(entry["body"])
        assert "<script" not in item.text.raw


def test_credits_viewlet_shows_reporter(demo_portal, http_request):
    item = demo_portal["berita"]["kanwil-banten-konsultasi-program-ham-2024"]
    from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
    from zope.interface import alsoProvides

    alsoProvides(http_request, IKemenkumhamHamLayer)
    html = item.restrictedTraverse("@@view")()
    assert "Mulyana" in html
    assert "Bayu Kuncahyo" in html


def test_berita_lists_news_newest_first(demo_portal):
    berita = demo_portal["berita"]
    assert berita.getDefaultPage() == "terbaru"
    listed = [item.getId() for item in berita["terbaru"].results(batch=False)]
    assert len(listed) == 5, listed
    assert "banten-kabupaten-kota-peduli-ham-2020" in listed, listed
    assert listed.index("banten-kabupaten-kota-peduli-ham-2020") > listed.index(
        "rakor-gugus-tugas-daerah-bham-babel"
    )
    assert listed[-1] == "banten-kabupaten-kota-peduli-ham-2020"
