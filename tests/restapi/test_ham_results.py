"""@ham-results over HTTP: final figures only, for everybody; 400 and 404 name the problem."""

from datetime import datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.clock import freeze_clock
from tests.factories import make_tree
from tests.reporting.results_factories import add_report
from tests.restapi.openapi import validate

import jsonschema
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def site(functional, monkeypatch):
    portal = functional["portal"]
    freeze_clock(monkeypatch, datetime(2025, 5, 20, 10, 0))
    tree = make_tree(portal)
    with api.env.adopt_roles(["Manager"]):
        for obj in (tree["programme"], tree["period"], tree["partner_a"], tree["partner_b"]):
            api.content.transition(obj=obj, transition="publish")
        for report in ("report_a", "report_b"):
            api.content.delete(tree[report])
    add_report(tree["period"], tree["partner_a"], score=80)
    add_report(tree["period"], tree["partner_b"], state="assessed", score=90)
    transaction.commit()
    return portal, tree


def get(portal, auth=None, **params):
    return requests.get(
        f"{portal.absolute_url()}/@ham-results", params=params, headers=JSON, auth=auth, timeout=30
    )


def test_anonymous_sees_only_final_results(site):
    portal, tree = site
    response = get(portal, programme="KKPHAM", period="2024")
    assert response.status_code == 200, response.text
    data = response.json()
    validate(data, "Results")
    assert [row["partner"]["title"] for row in data["ranking"]] == ["Pemerintah Kota Serang"]
    (row,) = data["ranking"]
    assert (row["rank"], row["score"], row["predicate"], row["qualifies"]) == (
        1,
        80.0,
        "Peduli HAM",
        True,
    )
    assert row["finalised"] == "2025-05-20"
    assert data["provenance"]["kind"] == "verified_reports"
    assert data["provenance"]["count"] == 1
    assert data["provenance"]["finalised"] == "2025-05-20"
    assert data["award_year"] == 2025
    assert data["period"]["data_year"] == 2024
    assert data["predicate_counts"] == {"Peduli HAM": 1}
    (region,) = data["regions"]
    assert (region["province"], region["kabkota_total"], region["qualifying"]) == ("36", 8, 1)
    # The assessed report (Kabupaten Lebak, 90) stays with the staff.
    assert "Lebak" not in response.text
    assert 90.0 not in [row["score"] for row in data["ranking"]]
    assert data["@id"].endswith("/@ham-results?programme=KKPHAM&period=2024")


def test_staff_get_the_same_final_figures(site):
    portal, tree = site
    anonymous = get(portal, programme="kkp-ham", year="2025").json()
    owner = get(portal, auth=OWNER, programme="kkp-ham", year="2025").json()
    validate(owner, "Results")
    assert owner["ranking"] == anonymous["ranking"]
    assert owner["period"] is None


def test_a_year_without_anything(site):
    portal, tree = site
    data = get(portal, programme="KKPHAM", year="2030").json()
    validate(data, "Results")
    assert data["provenance"]["kind"] == "none"
    assert (data["ranking"], data["regions"], data["national"]) == ([], [], None)


def test_a_recorded_national_figure(site):
    portal, tree = site
    tree["programme"].national_aggregates = ["2020; 259; 514; Hari HAM ke-72, Serang"]
    transaction.commit()
    data = get(portal, programme="KKPHAM", year="2020").json()
    validate(data, "Results")
    national = data["national"]
    assert (national["qualifying"], national["total"], national["percent"]) == (259, 514, 50.4)
    assert national["source"] == "Hari HAM ke-72, Serang"
    assert national["source_url"] is None
    assert "Hari HAM ke-72, Serang" in national["note"]


@pytest.mark.parametrize(
    "params,says",
    [
        ({"period": "2024"}, "Parameter programme is missing"),
        ({"programme": "KKPHAM"}, "Parameter period or year is missing"),
        ({"programme": "KKPHAM", "period": "2024", "year": "2025"}, "either period or year"),
        ({"programme": "KKPHAM", "year": "2025", "periode": "2024"}, "Unknown parameter: periode"),
        ({"programme": "KKPHAM", "year": "dua ribu"}, "'dua ribu' is not an award year"),
        ({"programme": "KKPHAM", "year": "1990"}, "'1990' is not an award year"),
        ({"programme": ["KKPHAM", "P2HAM"], "year": "2025"}, "programme is given more than once"),
    ],
)
def test_bad_parameters_get_400(site, params, says):
    portal, tree = site
    response = get(portal, **params)
    assert response.status_code == 400, response.text
    validate(response.json(), "Error")
    assert says in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "params,says",
    [
        ({"programme": "RANHAM", "year": "2025"}, "No programme with code or id 'RANHAM'"),
        ({"programme": "KKPHAM", "period": "2019"}, "Programme KKP HAM has no period '2019'"),
    ],
)
def test_unknown_programme_or_period_gets_404(site, params, says):
    portal, tree = site
    response = get(portal, **params)
    assert response.status_code == 404, response.text
    validate(response.json(), "Error")
    assert says in response.json()["error"]["message"]


def test_unpublished_programme_and_period_are_not_found_for_anonymous(site):
    portal, tree = site
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=tree["period"], transition="retract")
    transaction.commit()
    assert get(portal, programme="KKPHAM", period="2024").status_code == 404
    # By award year, the reports of an unpublished period are not counted for anonymous.
    assert get(portal, programme="KKPHAM", year="2025").json()["ranking"] == []
    assert get(portal, auth=OWNER, programme="KKPHAM", period="2024").status_code == 200
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=tree["programme"], transition="retract")
    transaction.commit()
    assert get(portal, programme="KKPHAM", year="2025").status_code == 404


def test_the_schema_catches_a_wrong_answer(site):
    """The validation in these tests can fail: a changed field type is caught."""
    portal, tree = site
    data = get(portal, programme="KKPHAM", period="2024").json()
    data["ranking"][0]["rank"] = "1"
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "Results")
    del data["ranking"][0]
    data["surprise"] = True
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "Results")


def patch(obj, body):
    return requests.patch(
        obj.absolute_url(),
        json=body,
        headers={**JSON, "Content-Type": "application/json"},
        auth=OWNER,
        timeout=30,
    )


def test_a_bad_national_figure_is_refused_and_nothing_changes(site):
    portal, tree = site
    tree["programme"].national_aggregates = ["2020; 259; 514; Hari HAM ke-72"]
    transaction.commit()
    response = patch(tree["programme"], {"national_aggregates": ["2020; 600; 514; Sumber"]})
    assert response.status_code == 400, response.text
    assert "600 cannot be more than the total 514" in response.text
    transaction.begin()
    assert tree["programme"].national_aggregates == ["2020; 259; 514; Hari HAM ke-72"]


def test_a_qualifying_predicate_outside_the_bands_is_refused(site):
    portal, tree = site
    response = patch(tree["programme"], {"qualifying_predicate": "Sangat Peduli HAM"})
    assert response.status_code == 400, response.text
    assert "'Sangat Peduli HAM' is none of the bands' predicates" in response.text
    transaction.begin()
    assert not tree["programme"].qualifying_predicate
    response = patch(tree["programme"], {"qualifying_predicate": "Peduli HAM"})
    assert response.status_code == 204, response.text
