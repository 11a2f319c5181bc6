"""Bad input on reports over REST: 400 (403 for a role's forbidden field) naming the row, and
nothing already stored changes."""

from datetime import datetime
from datetime import timedelta
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock
from tests.factories import make_tree
from tests.factories import prepare_report_step
from tests.openapi import check_response

import base64
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PASSWORD = "rahasia-laporan-1"
USERS = {"ani": "mitra-kota-serang", "budi": "mitra-kabupaten-lebak", "verif1": "verifikator"}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for key in ("programme", "period", "period_open", "partner_a", "partner_b"):
        move(tree[key], "published")
    for username, group in USERS.items():
        api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
        api.group.add_user(groupname=group, username=username)
    transaction.commit()
    return portal, tree


def move(obj, state):
    move_to_state(obj, state, prepare=prepare_report_step)


def api_url(url):
    """The REST address of an object URL: ++api++ right after the site, as clients write it."""
    site = api.portal.get().absolute_url()
    return f"{site}/++api++{url[len(site) :]}"


def call(method, url, username, body=None):
    response = requests.request(
        method,
        api_url(url),
        json=body,
        headers=JSON,
        auth=(username, PASSWORD) if username else None,
        timeout=30,
    )
    return response


def refused(response, status=400):
    assert response.status_code == status, response.text
    check_response(response)
    return response.json()["error"]["message"]


def file_item(name, data):
    return {"data": base64.b64encode(data).decode(), "encoding": "base64", "filename": name}


@pytest.fixture
def own_report(site):
    """Ani's report in the open period, opened over REST."""
    portal, tree = site
    response = call("POST", tree["period_open"].absolute_url(), "ani", {"@type": "IndicatorReport"})
    assert response.status_code == 201, response.text
    check_response(response)
    transaction.begin()
    return tree["period_open"][response.json()["id"]]


def rows_of(report):
    transaction.begin()
    return {code: dict(row) for code, row in report.rows.items()}


@pytest.mark.parametrize(
    "rows,named",
    [
        ({"KKP-06.03": {"value": "101"}}, "Indicator KKP-06.03: '101' must be between 0 and 100"),
        ({"KKP-07.01": {"value": "banyak"}}, "Indicator KKP-07.01: 'banyak' must be a number"),
        ({"KKP-99.01": {"value": "1"}}, "Indicator KKP-99.01 is not part of this period's report"),
        ({"KKP-06.03": {"nilai": "1"}}, "Indicator KKP-06.03: unknown field nilai"),
        (
            {"KKP-06.03": {"evidence": [file_item("program.exe", b"MZ\x90\x00")]}},
            "Indicator KKP-06.03: the file 'program.exe' is not allowed",
        ),
        (
            {"KKP-06.03": {"evidence": [file_item("laporan.pdf", b"MZ\x90\x00 not a pdf")]}},
            "Indicator KKP-06.03: the content of 'laporan.pdf' is not a PDF file",
        ),
        (
            {"KKP-06.03": {"evidence": [{"data": "***", "filename": "a.pdf"}]}},
            "Indicator KKP-06.03: send file data base64-encoded",
        ),
    ],
)
def test_bad_rows_are_refused_naming_the_row_and_nothing_changes(own_report, rows, named):
    before = rows_of(own_report)
    # A good row in the same request is not stored either.
    body = {"rows": {"KKP-07.01": {"value": "3", "note": "boleh"}, **rows}}
    message = refused(call("PATCH", own_report.absolute_url(), "ani", body))
    assert named in message
    assert rows_of(own_report) == before


def test_a_file_over_the_limit_is_refused(own_report):
    api.portal.set_registry_record("kemenkumham.ham.evidence_max_size_mb", 1)
    transaction.commit()
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    body = {"rows": {"KKP-06.03": {"evidence": [file_item("besar.pdf", big)]}}}
    message = refused(call("PATCH", own_report.absolute_url(), "ani", body))
    assert "Indicator KKP-06.03: the file 'besar.pdf' is larger than 1 MB" in message
    assert rows_of(own_report)["KKP-06.03"]["evidence"] == []


def test_a_second_report_for_the_same_partner_and_period_is_refused(site, own_report):
    portal, tree = site
    message = refused(
        call("POST", tree["period_open"].absolute_url(), "ani", {"@type": "IndicatorReport"})
    )
    assert "Pemerintah Kota Serang already has a report for period" in message
    transaction.begin()
    assert len(tree["period_open"].objectIds()) == 1


def test_a_partner_opens_no_report_for_another_partner(site):
    portal, tree = site
    body = {"@type": "IndicatorReport", "partner_uid": api.content.get_uuid(tree["partner_b"])}
    message = refused(call("POST", tree["period_open"].absolute_url(), "ani", body))
    assert "you are not a member of this organisation" in message
    transaction.begin()
    assert tree["period_open"].objectIds() == []


def test_a_closed_period_takes_no_new_report_from_a_partner(site):
    portal, tree = site
    transaction.begin()
    api.content.delete(obj=tree["report_a"])
    transaction.commit()
    body = {"@type": "IndicatorReport"}
    message = refused(call("POST", tree["period"].absolute_url(), "ani", body))
    assert "Submission is possible from 2025-01-06 to 2025-03-31" in message


def test_submission_after_the_deadline_is_refused_with_the_dates(site, own_report, monkeypatch):
    body = {"rows": {"KKP-06.03": {"value": "80"}, "KKP-07.01": {"value": "5"}}}
    assert call("PATCH", own_report.absolute_url(), "ani", body).status_code == 204
    period = own_report.aq_parent
    deadline = period.submission_deadline
    day_after = datetime(deadline.year, deadline.month, deadline.day, 9) + timedelta(days=1)
    freeze_clock(monkeypatch, day_after)
    response = requests.post(
        f"{api_url(own_report.absolute_url())}/@workflow/submit",
        headers=JSON,
        auth=("ani", PASSWORD),
        timeout=30,
    )
    assert response.status_code == 400
    assert f"to {deadline.isoformat()}" in response.json()["error"]["message"]
    transaction.begin()
    assert api.content.get_state(own_report) == "draft"


def test_roles_write_only_their_own_part(site):
    portal, tree = site
    report = tree["report_a"]
    move(report, "submitted")
    transaction.commit()
    # The verifier may check rows but not change the partner's values; the partner may do
    # neither once the report is submitted.
    message = refused(
        call("PATCH", report.absolute_url(), "verif1", {"rows": {"KKP-06.03": {"value": "1"}}}),
        status=403,
    )
    assert "Indicator KKP-06.03: you may not change value" in message
    accept = {"rows": {"KKP-06.03": {"status": "accepted"}}}
    refused(call("PATCH", report.absolute_url(), "ani", accept), status=403)
    # A row sent back needs a remark saying why.
    message = refused(
        call(
            "PATCH",
            report.absolute_url(),
            "verif1",
            {"rows": {"KKP-06.03": {"status": "needs_revision"}}},
        )
    )
    assert "Indicator KKP-06.03: say in the remark what needs revision" in message
    transaction.begin()
    assert report.rows["KKP-06.03"]["status"] is None
    assert report.rows["KKP-06.03"]["value"] == 80.0


def test_anonymous_opens_and_changes_nothing(site):
    portal, tree = site
    response = call("POST", tree["period_open"].absolute_url(), None, {"@type": "IndicatorReport"})
    assert response.status_code in (401, 403)
    response = call("PATCH", tree["report_a"].absolute_url(), None, {"rows": {}})
    assert response.status_code in (401, 403)
    transaction.begin()
    assert tree["period_open"].objectIds() == []


def test_a_revision_requested_after_the_deadline_can_be_answered_until_verification_ends(
    site, monkeypatch
):
    portal, tree = site
    report = tree["report_a"]  # period 2024: submission until 2025-03-31, verification 2025-05-15
    move(report, "revision")
    transaction.commit()
    submit_url = f"{api_url(report.absolute_url())}/@workflow/submit"
    freeze_clock(monkeypatch, datetime(2025, 5, 10, 9))
    answered = requests.post(submit_url, headers=JSON, auth=("ani", PASSWORD), timeout=30)
    assert answered.status_code == 200, answered.text
    transaction.begin()
    move(report, "revision")
    transaction.commit()
    freeze_clock(monkeypatch, datetime(2025, 5, 16, 9))
    late = requests.post(submit_url, headers=JSON, auth=("ani", PASSWORD), timeout=30)
    assert late.status_code == 400
    assert "until the verification deadline, 2025-05-15" in late.json()["error"]["message"]
    transaction.begin()
    assert api.content.get_state(report) == "revision"
