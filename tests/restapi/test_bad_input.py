"""Bad input is refused over REST with HTTP 400 naming the field; nothing is stored."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.factories import make_tree

import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    transaction.commit()
    return portal, tree


def post(url, body):
    return requests.post(url, json=body, headers=JSON, auth=AUTH, timeout=30)


def patch(url, body):
    return requests.patch(url, json=body, headers=JSON, auth=AUTH, timeout=30)


def messages(response):
    assert response.status_code == 400, response.text
    # plone.restapi sends the list of errors (field, message) as the text of "message".
    return response.json()["message"]


def test_period_closing_before_it_opens(site):
    portal, tree = site
    response = post(
        tree["programme"].absolute_url(),
        {
            "@type": "ReportingPeriod",
            "id": "2025",
            "title": "2025",
            "data_year": 2025,
            "assessment_year": 2026,
            "opens": "2026-02-01",
            "submission_deadline": "2026-01-31",
            "verification_deadline": "2026-05-15",
        },
    )
    assert "Submission deadline" in messages(response)
    transaction.begin()
    assert "2025" not in tree["programme"]


def test_patch_of_a_period_keeps_the_stored_dates(site):
    portal, tree = site
    response = patch(tree["period"].absolute_url(), {"verification_deadline": "2025-03-01"})
    assert "Verification deadline" in messages(response)
    transaction.begin()
    assert tree["period"].verification_deadline.isoformat() == "2025-05-15"


def test_declaration_before_request(site):
    portal, tree = site
    response = patch(tree["pledge"].absolute_url(), {"declared_date": "2024-01-01"})
    assert "Actual declaration date" in messages(response)
    transaction.begin()
    assert tree["pledge"].declared_date is None


def test_regency_outside_its_province(site):
    portal, tree = site
    response = post(
        portal["mitra"].absolute_url(),
        {
            "@type": "Partner",
            "id": "salah-wilayah",
            "title": "Salah Wilayah",
            "kind": "pemda_kabkota",
            "province": "32",
            "regency": "36.73",
        },
    )
    assert "Regency/city" in messages(response)
    transaction.begin()
    assert "salah-wilayah" not in portal["mitra"]


def test_duplicate_indicator_code_in_a_programme(site):
    portal, tree = site
    response = post(
        tree["programme"].absolute_url(),
        {
            "@type": "Indicator",
            "id": "kembar",
            "title": "Kembar",
            "code": "KKP-06.03",
            "right_group": "hak atas kesehatan",
            "kind": "hasil",
            "measurement": "percentage",
            "weight": 1,
        },
    )
    assert "Indicator code: KKP-06.03 is already used" in messages(response)
    transaction.begin()
    assert "kembar" not in tree["programme"]


def test_indicator_code_may_repeat_in_another_programme(site):
    portal, tree = site
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=portal["program"], type="Programme", id="p2ham", title="P2HAM", code="P2HAM"
        )
    transaction.commit()
    response = post(
        other.absolute_url(),
        {
            "@type": "Indicator",
            "id": "sama",
            "title": "Sama",
            "code": "KKP-06.03",
            "right_group": "pelayanan",
            "kind": "proses",
            "measurement": "yes_no",
            "weight": 1,
        },
    )
    assert response.status_code == 201, response.text


def test_changing_an_indicator_to_a_taken_code(site):
    portal, tree = site
    second = tree["indicator_2"]
    response = patch(second.absolute_url(), {"code": "KKP-06.03"})
    assert "already used" in messages(response)
    transaction.begin()
    assert second.code == "KKP-07.01"
    # Saving the indicator with its own code is fine.
    assert patch(second.absolute_url(), {"code": "KKP-07.01", "unit": "%"}).status_code == 204


def test_negative_weight_names_the_field(site):
    portal, tree = site
    response = patch(tree["indicator"].absolute_url(), {"weight": -1})
    assert "'field': 'weight'" in messages(response)
    transaction.begin()
    assert tree["indicator"].weight == 1.0


def test_bad_band_line(site):
    portal, tree = site
    response = patch(tree["programme"].absolute_url(), {"bands": ["Peduli HAM"]})
    text = messages(response)
    assert "'field': 'bands'" in text
    assert "75: Peduli HAM" in text
