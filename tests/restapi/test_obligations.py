"""@ham-obligations and @@my-reports: what a logged-in partner must report, when, in what state."""

from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock
from tests.factories import relation_to
from tests.openapi import check_response
from tests.openapi_schemas import validator
from tests.reporting.period_site import add_member
from tests.reporting.period_site import make_period_site
from tests.reporting.period_site import PASSWORD

import jsonschema
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


def add_period(programme, period_id, opens, deadline, publish=True):
    with api.env.adopt_roles(["Manager"]):
        period = api.content.create(
            container=programme,
            type="ReportingPeriod",
            id=period_id,
            title=period_id,
            data_year=opens.year,
            assessment_year=opens.year + 1,
            opens=opens,
            submission_deadline=deadline,
            verification_deadline=deadline.replace(day=28),
        )
        if publish:
            api.content.transition(obj=period, transition="publish")
    return period


@pytest.fixture
def site(functional, monkeypatch):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree = make_period_site(portal)
    # On 2025-03-01: period 2024 is open (Kota Serang's report in draft); "berjalan" opens
    # later (made around the real today); 2023 closed long ago; "uji" is not published.
    add_period(tree["programme"], "2023", date(2024, 1, 2), date(2024, 3, 31))
    add_period(tree["programme"], "uji", date(2025, 2, 1), date(2025, 3, 31), publish=False)
    add_member("ani", "mitra-kota-serang")
    add_member("editor1", "bidang-ham")
    transaction.commit()
    freeze_clock(monkeypatch, datetime(2025, 3, 1, 9, 0))
    return portal, tree


def obligations(portal, username):
    """GET @ham-obligations; the call and its answer as docs/openapi.yaml describes them."""
    return check_response(
        requests.get(
            f"{portal.absolute_url()}/++api++/@ham-obligations",
            headers=JSON,
            auth=(username, PASSWORD) if username else None,
            timeout=60,
        )
    )


def test_a_partner_sees_its_reports_due_in_two_periods(site):
    portal, tree = site
    response = obligations(portal, "ani")
    assert response.status_code == 200, response.text
    body = response.json()
    validator("Obligations").validate(body)
    assert body["@id"] == f"{portal.absolute_url()}/@ham-obligations"
    assert [partner["title"] for partner in body["partners"]] == ["Pemerintah Kota Serang"]
    items = body["items"]
    assert [item["period"]["id"] for item in items] == ["2024", "berjalan"]
    current, coming = items
    assert current["programme"]["title"] == "KKP HAM"
    assert current["period"] == {
        "@id": tree["period"].absolute_url(),
        "id": "2024",
        "title": "2024",
        "opens": "2025-01-06",
        "submission_deadline": "2025-03-31",
        "verification_deadline": "2025-05-15",
        "window_open": True,
        "days_left": 30,
    }
    assert current["partner"]["UID"] == api.content.get_uuid(tree["partner_a"])
    assert current["report"] == {
        "@id": tree["report_a"].absolute_url(),
        "title": tree["report_a"].Title(),
        "review_state": "draft",
    }
    assert (current["state"], current["due"], current["action_needed"]) == (
        "draft",
        "2025-03-31",
        True,
    )
    assert coming["report"] is None
    assert coming["state"] == "not_started"
    assert coming["period"]["window_open"] is False
    assert coming["action_needed"] is True


def test_submitted_reports_and_closed_periods_need_no_action(site, monkeypatch):
    portal, tree = site
    add_member("budi", "mitra-kabupaten-lebak")
    transaction.commit()
    items = obligations(portal, "budi").json()["items"]
    assert [(i["period"]["id"], i["state"], i["action_needed"]) for i in items] == [
        ("2024", "submitted", False),
        ("berjalan", "not_started", True),
    ]
    # Twenty days after the deadline the period is still listed, without days left.
    freeze_clock(monkeypatch, datetime(2025, 4, 20, 9, 0))
    body = obligations(portal, "ani").json()
    validator("Obligations").validate(body)
    closed = body["items"][0]
    assert closed["period"]["id"] == "2024"
    assert closed["period"]["days_left"] is None
    assert closed["period"]["window_open"] is False
    assert closed["action_needed"] is False


def test_a_partner_not_expected_in_a_period_has_nothing_due_there(site):
    portal, tree = site
    add_member("dedi", "mitra-kabupaten-pandeglang")  # reports in 2024 without being expected
    add_member("nina", "mitra-kota-tangerang")
    transaction.commit()
    dedi = obligations(portal, "dedi").json()["items"]
    assert [(i["period"]["id"], i["state"]) for i in dedi] == [
        ("2024", "revision"),
        ("berjalan", "not_started"),
    ]
    with api.env.adopt_roles(["Manager"]):
        tree["period_open"].expected_partners = [relation_to(tree["partner_a"])]
    transaction.commit()
    nina = obligations(portal, "nina").json()["items"]
    assert [(i["period"]["id"], i["state"]) for i in nina] == [("2024", "final")]


def test_staff_without_a_partner_get_an_empty_answer(site):
    portal, tree = site
    body = obligations(portal, "editor1").json()
    validator("Obligations").validate(body)
    assert (body["partners"], body["items"]) == ([], [])


def test_anonymous_gets_401_as_json(site):
    portal, tree = site
    response = obligations(portal, None)
    assert response.status_code == 401
    body = response.json()
    validator("Error").validate(body)
    assert body["error"]["type"] == "Unauthorized"
    assert "Log in" in body["error"]["message"]


def test_the_answer_is_checked_against_the_schema(site):
    portal, tree = site
    body = obligations(portal, "ani").json()
    item = body["items"][0]
    without_due = {key: value for key, value in item.items() if key != "due"}
    for broken in ({**item, "state": "lost"}, {**item, "due": "31/03/2025"}, without_due):
        with pytest.raises(jsonschema.ValidationError):
            validator("Obligations").validate({**body, "items": [broken]})


def test_my_reports_page_shows_the_same(site):
    portal, tree = site
    response = requests.get(
        f"{portal.absolute_url()}/@@my-reports", auth=("ani", PASSWORD), timeout=60
    )
    assert response.status_code == 200
    page = response.text
    assert "Pemerintah Kota Serang" in page
    assert f'href="{tree["report_a"].absolute_url()}"' in page
    assert f'href="{tree["period_open"].absolute_url()}"' in page
    assert "30 day(s) left until the submission deadline (2025-03-31)." in page
    assert "(Open)" in page and "(Not open yet)" in page
    assert "2023" not in page.split('id="my-reports"')[1]
    anonymous = requests.get(
        f"{portal.absolute_url()}/@@my-reports", timeout=60, allow_redirects=False
    )
    assert anonymous.status_code == 302
    assert "/require_login?came_from=" in anonymous.headers["Location"]
