"""Results pages of a programme and a period; preliminary results for staff; awards in one step."""

from datetime import datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from tests.clock import freeze_clock
from tests.factories import make_tree
from tests.reporting.results_factories import add_partner
from tests.reporting.results_factories import add_report
from zExceptions import Forbidden

import pytest
import transaction


@pytest.fixture
def site(functional, monkeypatch):
    portal = functional["portal"]
    freeze_clock(monkeypatch, datetime(2025, 5, 20, 10, 0))
    tree = make_tree(portal)
    with api.env.adopt_roles(["Manager"]):
        for obj in (tree["programme"], tree["period"], tree["period_open"]):
            api.content.transition(obj=obj, transition="publish")
        for report in ("report_a", "report_b"):
            api.content.delete(tree[report])
        cilegon = add_partner(portal, "kota-cilegon", "Pemerintah Kota Cilegon", "36.72")
        api.user.create(email="v@example.org", username="verifikator.test", password="x" * 12)
        api.group.add_user(groupname="verifikator", username="verifikator.test")
    add_report(tree["period"], tree["partner_a"], score=80)
    add_report(tree["period"], cilegon, score=66)
    add_report(tree["period"], tree["partner_b"], state="assessed", score=91)
    transaction.commit()
    return portal, tree, functional["app"]


def browser_for(app, user=None):
    browser = Browser(app)
    browser.handleErrors = False
    if user == "owner":
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    elif user:
        browser.addHeader("Authorization", f"Basic {user}:{'x' * 12}")
    return browser


def test_anonymous_sees_final_results_only(site):
    portal, tree, app = site
    browser = browser_for(app)
    browser.open(f"{tree['period'].absolute_url()}/@@results")
    contents = browser.contents
    assert "Results of KKP HAM, period 2024 (award year 2025)" in contents
    assert "Based on 2 verified reports, period 2024, finalised on 2025-05-20" in contents
    assert "Pemerintah Kota Serang" in contents
    assert "Pemerintah Kota Cilegon" in contents
    assert "Lebak" not in contents  # assessed, not final
    assert "Preliminary results" not in contents
    assert "form.buttons.create_awards" not in contents


def test_staff_see_preliminary_results_apart(site):
    portal, tree, app = site
    browser = browser_for(app, "verifikator.test")
    browser.open(f"{tree['period'].absolute_url()}/@@results")
    final, preliminary = browser.contents.split("Preliminary results (staff only, not final)")
    assert "Lebak" not in final
    assert "Pemerintah Kabupaten Lebak" in preliminary
    assert "91.0" in preliminary
    # A verifier may not add awards: no button.
    assert "form.buttons.create_awards" not in browser.contents


def test_programme_page_chooses_the_award_year(site):
    portal, tree, app = site
    browser = browser_for(app)
    browser.open(f"{tree['programme'].absolute_url()}/@@results")
    # Without a choice: the latest award year with final results.
    assert "Results of KKP HAM, award year 2025" in browser.contents
    browser.getControl(name="year").value = ["2026"]  # the open period's award year
    browser.getControl("Show").click()
    assert "Results of KKP HAM, award year 2026" in browser.contents
    assert "No final results for award year 2026 yet" in browser.contents
    browser.getLink("2024").click()
    assert "Results of KKP HAM, period 2024 (award year 2025)" in browser.contents


def test_create_awards_in_one_step(site):
    portal, tree, app = site
    browser = browser_for(app, "owner")
    browser.open(f"{tree['period'].absolute_url()}/@@results")
    browser.getControl(name="form.buttons.create_awards").click()
    assert "1 awards created" in browser.contents
    assert "0 skipped" in browser.contents
    assert browser.url.endswith("/2024/@@results")
    transaction.begin()
    awards = [a for a in portal["penghargaan"].objectValues() if getattr(a, "year", None) == 2025]
    assert [(a.recipient.to_object.Title(), a.predicate, a.score) for a in awards] == [
        ("Pemerintah Kota Serang", "Peduli HAM", 80.0)
    ]
    browser.getControl(name="form.buttons.create_awards").click()
    assert "0 awards created" in browser.contents
    assert "1 skipped" in browser.contents


def test_create_awards_needs_the_csrf_token(site):
    portal, tree, app = site
    browser = browser_for(app, "owner")
    with pytest.raises(Forbidden):
        browser.post(f"{tree['period'].absolute_url()}/@@results", "form.buttons.create_awards=1")
    transaction.begin()
    assert not [a for a in portal["penghargaan"].objectValues() if getattr(a, "year", None) == 2025]


def test_create_awards_from_the_programme_page_by_award_year(site):
    portal, tree, app = site
    browser = browser_for(app, "owner")
    browser.open(f"{tree['programme'].absolute_url()}/@@results?year=2025")
    browser.getControl(name="form.buttons.create_awards").click()
    assert "1 awards created" in browser.contents
    assert browser.url.endswith("/kkp-ham/@@results?year=2025")
    transaction.begin()
    (award,) = [a for a in portal["penghargaan"].objectValues() if getattr(a, "year", None) == 2025]
    assert award.source_url == f"{tree['programme'].absolute_url()}/@@results?year=2025"
