"""REST clients read, without logging in, what anonymous visitors may read."""

from kemenkumham.ham.demo import create_demo
from plone import api

import pytest
import requests
import transaction


@pytest.fixture
def site_url(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        create_demo(portal, say=lambda message: None)
        api.content.create(
            container=portal["berita"], type="News Item", id="draft-news", title="Draft"
        )
    transaction.commit()
    return portal.absolute_url()


def test_anonymous_search_lists_the_five_published_news(site_url):
    response = requests.get(
        f"{site_url}/++api++/@search",
        params={"portal_type": "News Item"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["items_total"] == 5
    assert "draft-news" not in {item["@id"].rsplit("/", 1)[-1] for item in body["items"]}


def test_anonymous_reads_a_news_item_with_its_credits(site_url):
    response = requests.get(
        f"{site_url}/++api++/berita/kanwil-banten-konsultasi-program-ham-2024",
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["reporter"] == "Mulyana"
    assert body["news_editor"] == "Bayu Kuncahyo"


def test_anonymous_cannot_read_a_private_item(site_url):
    response = requests.get(
        f"{site_url}/++api++/berita/draft-news",
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 401
