"""`ham-admin withdraw-incomplete`: incomplete cases past 10 working days count as withdrawn."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.cli import build_parser
from kemenkumham.ham.cli.withdraw import withdraw
from kemenkumham.ham.complaints.deadlines import history
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import state
from tests.complaints.cases import transition
from tests.openapi import check_response

import pytest
import requests
import transaction


@pytest.fixture
def cases(functional_portal, monkeypatch):
    """Two cases marked incomplete: on Wednesday 5 March 2025 (due 19 March) and on
    Monday 17 March 2025 (due 9 April: Nyepi's joint leave and Idul Fitri do not count)."""
    portal = functional_portal
    officer = add_officer()
    made = {}
    for name, marked in (("late", datetime(2025, 3, 5, 9)), ("in_time", datetime(2025, 3, 17, 9))):
        freeze_clock(monkeypatch, marked)
        complaint = new_complaint(portal, officer, received=marked.date())
        transition(complaint, officer, "start_administrative_check")
        transition(complaint, officer, "mark_incomplete", comment="KTP belum ada")
        made[name] = complaint
    transaction.commit()
    return portal, made


def run(portal, *argv):
    """The command as cron runs it, on this site (the database is the test's)."""
    args = build_parser().parse_args(["withdraw-incomplete", *argv])
    lines = []

    def with_site(instance, args, work):
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            return work(portal)

    withdraw(None, args, with_site, lines.append)
    return lines


def test_a_case_past_its_ten_working_days_is_withdrawn_the_other_left_alone(cases, monkeypatch):
    portal, made = cases
    late, in_time = made["late"], made["in_time"]
    freeze_clock(monkeypatch, datetime(2025, 3, 20, 1, 15))

    dry = run(portal, "--dry-run")
    assert dry == [
        f"akan dicabut / would withdraw: {late.getId()} | ditandai tidak lengkap / marked "
        "incomplete 2025-03-05 | batas waktu / due 2025-03-19",
        "1 pengaduan dianggap dicabut / complaints counted as withdrawn (2025-03-20) (uji coba: "
        "tidak ada yang diubah / dry run: nothing changed)",
    ]
    assert state(late) == "incomplete"

    lines = run(portal)
    assert lines[0].startswith(f"dicabut / withdrawn: {late.getId()} |")
    assert (
        lines[-1] == "1 pengaduan dianggap dicabut / complaints counted as withdrawn (2025-03-20)"
    )
    assert state(late) == "withdrawn"
    assert state(in_time) == "incomplete"
    last = history(late)[-1]
    assert last["action"] == "withdraw"
    assert last["actor"] == SITE_OWNER_NAME
    assert "10 hari kerja" in last["comments"] and "2025-03-19" in last["comments"]
    # A second run has nothing left to do.
    assert run(portal) == [
        "0 pengaduan dianggap dicabut / complaints counted as withdrawn (2025-03-20)"
    ]


def test_on_the_due_date_itself_nothing_is_withdrawn(cases, monkeypatch):
    portal, made = cases
    freeze_clock(monkeypatch, datetime(2025, 3, 19, 23, 0))
    assert run(portal) == [
        "0 pengaduan dianggap dicabut / complaints counted as withdrawn (2025-03-19)"
    ]
    assert state(made["late"]) == "incomplete"


def test_the_running_instance_withdraws_through_its_rest_service(cases, monkeypatch):
    portal, made = cases
    freeze_clock(monkeypatch, datetime(2025, 4, 15, 8, 0))
    url = f"{portal.absolute_url()}/++api++/@complaint-withdraw-incomplete"
    headers = {"Accept": "application/json"}
    officer = requests.post(
        url, json={"dry_run": True}, headers=headers, auth=("petugas", "secret-12345"), timeout=30
    )
    assert officer.status_code in (401, 403)
    response = requests.post(
        url,
        json={"dry_run": False},
        headers=headers,
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=30,
    )
    assert response.status_code == 200, response.text
    check_response(response)
    data = response.json()
    assert data["dry_run"] is False and data["date"] == "2025-04-15"
    assert [(item["case"], item["due"]) for item in data["withdrawn"]] == [
        (made["late"].getId(), "2025-03-19"),
        (made["in_time"].getId(), "2025-04-09"),
    ]
    transaction.begin()
    assert state(made["late"]) == state(made["in_time"]) == "withdrawn"
    assert date.fromisoformat(data["withdrawn"][1]["marked_incomplete"]) == date(2025, 3, 17)


def test_the_command_forwards_to_the_instance_that_holds_the_database(
    cases, functional, monkeypatch, tmp_path
):
    """As with a FileStorage served by `ham-admin serve`: the database is in use, so the
    command posts to the instance over the loopback as the Zope administrator."""
    from kemenkumham.ham.cli.zopeapp import DatabaseInUse
    from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
    from urllib.parse import urlsplit

    portal, made = cases
    manage_addVirtualHostMonster(functional["app"])  # as on an instance
    transaction.commit()
    freeze_clock(monkeypatch, datetime(2025, 3, 20, 1, 15))
    password_file = tmp_path / "admin-password.txt"
    password_file.write_text(f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}\n")

    class Instance:
        admin_password_file = password_file

    def in_use(instance, args, work):
        raise DatabaseInUse("var/filestorage/Data.fs")

    port = urlsplit(portal.absolute_url()).port
    args = build_parser().parse_args(
        ["--site", portal.getId(), "withdraw-incomplete", "--port", str(port)]
    )
    lines = []
    withdraw(Instance(), args, in_use, lines.append)
    assert lines[0] == f"Instance berjalan / instance running: lewat / through port {port}"
    assert lines[1].startswith(f"dicabut / withdrawn: {made['late'].getId()} |")
    assert (
        lines[-1] == "1 pengaduan dianggap dicabut / complaints counted as withdrawn (2025-03-20)"
    )
    transaction.begin()
    assert state(made["late"]) == "withdrawn"
    assert state(made["in_time"]) == "incomplete"
