"""The completeness list of a period: every expected partner and every partner with a report."""

from kemenkumham.ham.reporting.completeness import completeness
from kemenkumham.ham.reporting.completeness import STATES
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.reporting.period_site import add_member
from tests.reporting.period_site import add_report
from tests.reporting.period_site import make_period_site

import pytest


@pytest.fixture
def tree(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_period_site(portal)


def summary(result):
    return [(entry.partner_title, entry.state, entry.expected) for entry in result.entries]


def test_one_entry_per_expected_partner_then_partners_reporting_unexpectedly(tree):
    result = completeness(tree["period"])
    assert summary(result) == [
        ("Pemerintah Kabupaten Lebak", "submitted", True),
        ("Pemerintah Kota Cilegon", "not_started", True),
        ("Pemerintah Kota Serang", "draft", True),
        ("Pemerintah Kota Tangerang", "final", True),
        ("Pemerintah Kabupaten Pandeglang", "revision", False),
    ]
    assert result.counts == {
        "not_started": 1,
        "draft": 1,
        "submitted": 1,
        "revision": 1,
        "verified": 0,
        "assessed": 0,
        "final": 1,
    }
    assert list(result.counts) == list(STATES)


def test_entries_carry_region_report_and_last_change(tree):
    entries = {entry.partner_title: entry for entry in completeness(tree["period"]).entries}
    serang = entries["Pemerintah Kota Serang"]
    assert (serang.province, serang.regency) == ("Banten", "Kota Serang")
    assert serang.report_url == tree["report_a"].absolute_url()
    assert serang.modified is not None
    cilegon = entries["Pemerintah Kota Cilegon"]
    assert cilegon.report_url is None
    assert cilegon.modified is None


def test_a_period_naming_no_partner_expects_every_partner(tree):
    result = completeness(tree["period_open"])
    assert {entry.partner_title for entry in result.entries} == {
        "Pemerintah Kota Serang",
        "Pemerintah Kabupaten Lebak",
        "Pemerintah Kota Cilegon",
        "Pemerintah Kabupaten Pandeglang",
        "Pemerintah Kota Tangerang",
    }
    assert result.counts["not_started"] == 5


def test_states_are_read_whoever_asks_even_of_reports_the_user_may_not_open(tree, portal):
    add_member("editor1", "bidang-ham")
    with api.env.adopt_user(username="editor1"):
        assert not api.user.has_permission("View", obj=tree["report_a"])
        result = completeness(tree["period"])
    assert ("Pemerintah Kota Serang", "draft", True) in summary(result)


def test_a_new_report_moves_a_partner_from_not_started_to_draft(tree):
    add_report(tree["period"], tree["partner_c"])
    result = completeness(tree["period"])
    assert result.counts["not_started"] == 0
    assert result.counts["draft"] == 2
