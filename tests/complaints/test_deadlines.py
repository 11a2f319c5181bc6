"""Legal deadlines of each state in Indonesian working days (complaints/deadlines.py)."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.complaints.workdays import add_working_days
from kemenkumham.ham.complaints.workdays import working_days_between
from plone import api
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import state
from tests.complaints.cases import transition

import pytest


@pytest.fixture
def officer(portal):
    return add_officer()


def test_five_working_days_across_idul_fitri_2025_and_joint_leave():
    # Friday 28 March 2025; 31 March - 7 April are Idul Fitri holidays and joint leave.
    assert add_working_days(date(2025, 3, 28), 5) == date(2025, 4, 14)
    assert working_days_between(date(2025, 3, 28), date(2025, 4, 14)) == 5


def test_without_joint_leave_only_the_national_holidays_are_skipped(portal):
    api.portal.set_registry_record("kemenkumham.ham.complaint_joint_leave_is_holiday", False)
    # Idul Fitri 31 March and 1 April stay holidays; the joint leave days 2-7 April count:
    # 2, 3, 4, 7 and 8 April.
    assert add_working_days(date(2025, 3, 28), 5) == date(2025, 4, 8)


def test_weekends_are_not_working_days():
    # Friday 7 March 2025 + 1 working day is Monday 10 March.
    assert add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)
    assert working_days_between(date(2025, 3, 7), date(2025, 3, 9)) == 0


def test_received_and_administrative_check_count_from_the_receipt_date(
    portal, officer, monkeypatch
):
    freeze_clock(monkeypatch, datetime(2025, 4, 9, 10, 0))
    complaint = new_complaint(portal, officer, received=date(2025, 3, 28))
    assert state(complaint) == "received"
    # Due Monday 14 April; on Wednesday 9 April three working days are left (10, 11, 14).
    assert deadline_of(complaint) == (date(2025, 4, 14), 3)
    transition(complaint, officer, "start_administrative_check")
    assert deadline_of(complaint) == (date(2025, 4, 14), 3)
    freeze_clock(monkeypatch, datetime(2025, 4, 16, 10, 0))
    assert deadline_of(complaint) == (date(2025, 4, 14), -2)


def test_without_a_receipt_date_the_registration_day_counts(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 7, 23, 30))  # Friday night in Jakarta
    complaint = new_complaint(portal, officer)
    assert deadline_of(complaint) == (date(2025, 3, 14), 5)


def test_incomplete_gives_ten_working_days_from_the_day_it_was_marked(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    complaint = new_complaint(portal, officer, received=date(2025, 3, 3))
    transition(complaint, officer, "start_administrative_check")
    freeze_clock(monkeypatch, datetime(2025, 3, 5, 9, 0))
    transition(complaint, officer, "mark_incomplete")
    # 10 working days after Wednesday 5 March 2025 (Nyepi, 29 March, is later): 19 March.
    assert deadline_of(complaint) == (date(2025, 3, 19), 10)
    freeze_clock(monkeypatch, datetime(2025, 3, 20, 9, 0))
    assert deadline_of(complaint) == (date(2025, 3, 19), -1)


def test_substance_check_and_not_competent_count_from_entering_them(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    complaint = new_complaint(portal, officer, received=date(2025, 3, 3))
    transition(complaint, officer, "start_administrative_check")
    freeze_clock(monkeypatch, datetime(2025, 3, 28, 9, 0))
    transition(complaint, officer, "start_substance_check")
    assert deadline_of(complaint) == (date(2025, 4, 14), 5)
    freeze_clock(monkeypatch, datetime(2025, 4, 14, 9, 0))
    transition(complaint, officer, "decline")
    assert state(complaint) == "not_competent"
    # Good Friday, 18 April, is a holiday.
    assert deadline_of(complaint) == (date(2025, 4, 22), 5)


def test_states_after_the_decision_have_no_deadline(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    complaint = new_complaint(portal, officer, received=date(2025, 3, 3))
    for action in ("start_administrative_check", "start_substance_check", "accept"):
        transition(complaint, officer, action)
    assert deadline_of(complaint) == (None, None)
    transition(complaint, officer, "recommend")
    assert deadline_of(complaint) == (None, None)


def test_an_ex_officio_case_starts_at_the_substance_check(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 28, 9, 0))
    complaint = new_complaint(portal, officer, channel="ex_officio")
    assert state(complaint) == "substance_check"
    assert deadline_of(complaint) == (date(2025, 4, 14), 5)


def test_other_cases_cannot_skip_the_administrative_check(portal, officer):
    complaint = new_complaint(portal, officer)
    with api.env.adopt_user(username=officer):
        workflow = api.portal.get_tool("portal_workflow")
        allowed = {t["id"] for t in workflow.getTransitionsFor(complaint)}
    assert allowed == {"start_administrative_check", "withdraw"}
