"""Rules frozen per period, values per measurement, total score and predicate."""

from datetime import date
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.rules import freeze_rules
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.reporting.scores import predicate
from kemenkumham.ham.reporting.scores import total_score
from kemenkumham.ham.reporting.values import parse_value
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree
from zope.i18n import translate

import pytest


@pytest.fixture
def tree(portal):
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree["period_2025"] = api.content.create(
        container=tree["programme"],
        type="ReportingPeriod",
        id="2025",
        title="2025",
        data_year=2025,
        assessment_year=2026,
        opens=date(2026, 1, 5),
        submission_deadline=date(2026, 3, 31),
        verification_deadline=date(2026, 5, 15),
    )
    return tree


def test_freezing_twice_keeps_the_first_rules(tree):
    first = freeze_rules(tree["period"])
    tree["programme"]["kkp-06-03"].weight = 9.0
    assert freeze_rules(tree["period"]) == first
    assert first.frozen_at


def test_average_and_kkp_ham_bands(tree):
    rules = rules_of(tree["period"])
    assert [rule.code for rule in rules.indicators] == ["KKP-06.03", "KKP-07.01"]
    assert total_score(rules, {"KKP-06.03": 80, "KKP-07.01": 70}) == 75.0
    assert predicate(rules, 75.0) == "Peduli HAM"
    assert predicate(rules, 74.99) == "Cukup Peduli HAM"
    assert predicate(rules, 49) == "Kurang Peduli HAM"


def test_a_missing_score_is_named(tree):
    with pytest.raises(FieldError) as error:
        total_score(rules_of(tree["period"]), {"KKP-06.03": 80})
    assert "KKP-07.01" in translate(error.value.doc(), target_language="en")


@pytest.mark.parametrize(
    "measurement,raw,expected",
    [
        ("number", "12", 12.0),
        ("number", "3,5", 3.5),
        ("percentage", 100, 100.0),
        ("percentage", "0", 0.0),
        ("yes_no", "Ya", True),
        ("yes_no", "tidak", False),
        ("ada_proses_tidak", "Proses", "proses"),
        ("number", "", None),
    ],
)
def test_values_per_measurement(tree, measurement, raw, expected):
    rule = rules_of(tree["period"]).indicators[0]
    rule = type(rule)(**{**rule.__dict__, "measurement": measurement})
    assert parse_value(rule, raw) == expected


@pytest.mark.parametrize(
    "measurement,raw,reason",
    [
        ("percentage", "101", "between 0 and 100"),
        ("percentage", "-1", "between 0 and 100"),
        ("number", "banyak", "must be a number"),
        ("number", "-3", "cannot be negative"),
        ("yes_no", "mungkin", "Ya or Tidak"),
        ("ada_proses_tidak", "belum", "Ada, Proses or Tidak"),
        ("document", "x", "evidence files only"),
    ],
)
def test_wrong_values_name_the_indicator(tree, measurement, raw, reason):
    rule = rules_of(tree["period"]).indicators[0]
    rule = type(rule)(**{**rule.__dict__, "measurement": measurement})
    with pytest.raises(FieldError) as error:
        parse_value(rule, raw)
    message = translate(error.value.doc(), target_language="en")
    assert message.startswith(f"Indicator KKP-06.03: '{raw}'")
    assert reason in message


def test_row_errors_in_indonesian(tree):
    rule = rules_of(tree["period"]).indicators[0]
    rule = type(rule)(**{**rule.__dict__, "measurement": "percentage"})
    with pytest.raises(FieldError) as error:
        parse_value(rule, "150")
    assert translate(error.value.doc(), target_language="id") == (
        "Indikator KKP-06.03: '150' harus antara 0 dan 100."
    )
