"""Final results become Award items in one step; partners with an award are skipped."""

from AccessControl import Unauthorized
from datetime import datetime
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.awards import create_awards
from kemenkumham.ham.reporting.awards import may_create_awards
from kemenkumham.ham.reporting.results import results_for_period
from kemenkumham.ham.reporting.results import results_for_year
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock
from tests.factories import make_tree
from tests.reporting.results_factories import add_award
from tests.reporting.results_factories import add_partner
from tests.reporting.results_factories import add_report

import pytest


@pytest.fixture
def tree(portal, monkeypatch):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    freeze_clock(monkeypatch, datetime(2025, 5, 20, 10, 0))
    tree = make_tree(portal)
    for report in ("report_a", "report_b"):
        api.content.delete(tree[report])
    period = tree["period"]
    tree["reports"] = [
        add_report(period, tree["partner_a"], score=80),  # Kota Serang: Peduli HAM
        add_report(period, tree["partner_b"], score=70),  # Kabupaten Lebak: Cukup Peduli HAM
        add_report(
            period,
            add_partner(portal, "kota-cilegon", "Pemerintah Kota Cilegon", "36.72"),
            score=91,
        ),
        add_report(
            period,
            add_partner(portal, "kota-tangerang", "Pemerintah Kota Tangerang", "36.71"),
            state="assessed",  # not final: no award
            score=99,
        ),
    ]
    return tree


def awards_of(portal, year):
    return sorted(
        (award.recipient.to_object.Title() if award.recipient else "", award.predicate, award.score)
        for award in portal["penghargaan"].objectValues()
        if award.portal_type == "Award" and award.year == year
    )


def test_one_award_per_qualifying_final_result(tree, portal):
    done = create_awards(results_for_period(tree["period"]))
    assert (len(done.created), len(done.skipped)) == (2, 0)
    assert awards_of(portal, 2025) == [
        ("Pemerintah Kota Cilegon", "Peduli HAM", 91.0),
        ("Pemerintah Kota Serang", "Peduli HAM", 80.0),
    ]
    award = done.created[0]
    assert award.programme.to_object == tree["programme"]
    assert award.Title() == "Peduli HAM 2025: Pemerintah Kota Cilegon"
    assert award.source == "Based on 3 verified reports, period 2024, finalised on 2025-05-20"
    assert award.source_url == f"{tree['period'].absolute_url()}/@@results"
    assert api.content.get_state(award) == "private"  # editors publish it with its decree


def test_a_second_run_skips_partners_with_an_award(tree, portal):
    add_award(portal, tree["programme"], tree["partner_a"], 2025, state="private")
    add_award(portal, tree["programme"], tree["partner_b"], 2024)  # another year: no matter
    done = create_awards(results_for_year(tree["programme"], 2025))
    assert [row.partner.title for row in done.skipped] == ["Pemerintah Kota Serang"]
    assert [award.recipient.to_object.Title() for award in done.created] == [
        "Pemerintah Kota Cilegon"
    ]
    again = create_awards(results_for_period(tree["period"]))
    assert (len(again.created), len(again.skipped)) == (0, 2)
    assert len(awards_of(portal, 2025)) == 2


def test_recorded_awards_are_not_made_again(tree, portal):
    add_award(portal, tree["programme"], tree["partner_a"], 2020)
    with pytest.raises(FieldError):
        create_awards(results_for_year(tree["programme"], 2020))
    assert awards_of(portal, 2020) == [
        ("", "Peduli HAM", None),  # make_tree's award, without recipient
        ("Pemerintah Kota Serang", "Peduli HAM", None),
    ]


def test_only_who_may_add_awards(tree, portal):
    results = results_for_period(tree["period"])
    api.user.create(email="verifikator@example.org", username="verifikator.test", password="x" * 12)
    api.group.add_user(groupname="verifikator", username="verifikator.test")
    api.user.create(email="editor@example.org", username="editor.test", password="x" * 12)
    api.group.add_user(groupname="bidang-ham", username="editor.test")
    login(portal, "verifikator.test")
    assert not may_create_awards()
    with pytest.raises(Unauthorized):
        create_awards(results)
    assert awards_of(portal, 2025) == []
    login(portal, "editor.test")
    assert may_create_awards()
    assert len(create_awards(results).created) == 2
