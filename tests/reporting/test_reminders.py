"""Reminder e-mails before the submission deadline: once per partner, after commit only."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.cli.remind import instance_endpoint
from kemenkumham.ham.cli.zopeapp import use_public_url
from kemenkumham.ham.reporting import reminders
from kemenkumham.ham.reporting.reminders import send_reminders
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from tests.clock import freeze_clock
from tests.openapi import check_response
from tests.openapi_schemas import validator as openapi_validator
from tests.reporting.period_site import add_member
from tests.reporting.period_site import make_period_site
from tests.reporting.period_site import PASSWORD
from tests.reporting.period_site import to_state
from urllib.parse import urlsplit
from zope.i18n import translate

import email
import email.policy
import pytest
import requests
import transaction


# Period 2024 of make_period_site closes on 2025-03-31.
SEVEN_DAYS_BEFORE = datetime(2025, 3, 24, 6, 30)


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree = make_period_site(portal)
    # Kota Serang (draft) and Kota Cilegon (not started) have members with an address;
    # Kabupaten Lebak (submitted) too; Kota Tangerang (final) has none.
    add_member("ani", "mitra-kota-serang")
    add_member("andi", "mitra-kota-serang")
    add_member("citra", "mitra-kota-cilegon")
    add_member("budi", "mitra-kabupaten-lebak")
    transaction.commit()
    portal.MailHost.reset()
    return portal, tree


def mails(portal):
    return [
        email.message_from_bytes(
            m if isinstance(m, bytes) else m.encode(), policy=email.policy.default
        )
        for m in portal.MailHost.messages
    ]


def recipients(portal):
    return sorted(message["To"] for message in mails(portal))


def partners(result):
    return sorted(reminder.partner.Title() for reminder in result.sent)


def test_partners_not_yet_submitted_are_reminded_seven_days_before(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    result = send_reminders()
    assert partners(result) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]
    assert {reminder.state for reminder in result.sent} == {"draft", "not_started"}
    assert portal.MailHost.messages == []  # nothing before the commit
    transaction.commit()
    assert recipients(portal) == [
        "andi@example.org",
        "ani@example.org",
        "citra@example.org",
    ]
    message = next(m for m in mails(portal) if m["To"] == "citra@example.org")
    assert "2025-03-31" in message["Subject"]
    body = message.get_content()
    assert "Pemerintah Kota Cilegon" in body
    assert "must be submitted by 2025-03-31 (days left: 7)" in body
    assert "Its state now: Not started." in body
    assert f"Period page: {tree['period'].absolute_url()}" in body


def test_not_sent_before_the_configured_number_of_days(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, datetime(2025, 3, 23, 6, 30))
    assert send_reminders().sent == ()
    api.portal.set_registry_record("kemenkumham.ham.reminder_days_before_deadline", 10)
    assert partners(send_reminders()) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]


def test_not_after_the_deadline_nor_in_unpublished_periods(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, datetime(2025, 4, 1, 6, 30))
    assert send_reminders().sent == ()
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    api.content.transition(obj=tree["period"], transition="retract")
    assert send_reminders().sent == ()


def test_the_next_daily_run_sends_nothing_again(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    send_reminders()
    transaction.commit()
    portal.MailHost.reset()
    freeze_clock(monkeypatch, datetime(2025, 3, 25, 6, 30))
    assert send_reminders().sent == ()
    transaction.commit()
    assert portal.MailHost.messages == []


def test_a_partner_sent_back_to_revision_after_its_reminder_is_not_reminded_twice(
    site, monkeypatch
):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    send_reminders()
    transaction.commit()
    to_state(tree["report_a"], "revision")  # its revision request e-mailed the group
    transaction.commit()
    portal.MailHost.reset()
    freeze_clock(monkeypatch, datetime(2025, 3, 26, 6, 30))
    assert send_reminders().sent == ()


def test_a_moved_deadline_brings_a_new_reminder(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    send_reminders()
    transaction.commit()
    tree["period"].submission_deadline = date(2025, 4, 14)
    tree["period"].verification_deadline = date(2025, 5, 31)
    freeze_clock(monkeypatch, datetime(2025, 4, 10, 6, 30))
    assert partners(send_reminders()) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]


def test_dry_run_lists_without_sending_or_recording(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    result = send_reminders(dry_run=True)
    assert result.dry_run
    assert partners(result) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]
    transaction.commit()
    assert portal.MailHost.messages == []
    assert partners(send_reminders()) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]


def test_an_aborted_run_sends_and_records_nothing(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    send_reminders()
    transaction.abort()
    assert portal.MailHost.messages == []
    assert partners(send_reminders()) == ["Pemerintah Kota Cilegon", "Pemerintah Kota Serang"]
    transaction.commit()
    assert len(portal.MailHost.messages) == 3


def test_a_partner_without_an_address_is_listed_and_reminded_once_it_has_one(site, monkeypatch):
    portal, tree = site
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=tree["report_a"], check_linkintegrity=False)
    api.group.remove_user(groupname="mitra-kota-serang", username="ani")
    api.group.remove_user(groupname="mitra-kota-serang", username="andi")
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    result = send_reminders()
    assert partners(result) == ["Pemerintah Kota Cilegon"]
    assert [r.partner.Title() for r in result.without_address] == ["Pemerintah Kota Serang"]
    assert result.without_address[0].state == "not_started"
    add_member("dewi", "mitra-kota-serang")
    assert partners(send_reminders()) == ["Pemerintah Kota Serang"]


def test_the_mail_is_indonesian_first_then_english(site, monkeypatch):
    portal, tree = site

    def tagged(message, target_language):
        return f"[{target_language}] {translate(message, target_language=target_language)}"

    monkeypatch.setattr(reminders, "translate", tagged)
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    reminder = next(iter(reminders.due_reminders()))
    subject, body = reminders.reminder_mail(reminder)
    assert subject.startswith("[id] ") and " / [en] " in subject
    indonesian, english = body.split("\n\n----------\n\n")
    assert indonesian.startswith("[id] ") and english.startswith("[en] ")
    assert "2025-03-31" in indonesian and "2025-03-31" in english


def test_links_in_mails_sent_from_the_command_line_use_the_public_address(site, monkeypatch):
    portal, tree = site
    use_public_url(portal, "https://ham.example.go.id/")
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    reminder = next(iter(reminders.due_reminders()))
    subject, body = reminders.reminder_mail(reminder)
    assert "Period page: https://ham.example.go.id/program/kkp-ham/2024" in body


def test_p2ham_partners_are_reminded_only_once_their_pledge_is_declared(site, monkeypatch):
    portal, tree = site
    with api.env.adopt_roles(["Manager"]):
        p2ham = api.content.create(
            container=portal["program"], type="Programme", id="p2ham", title="P2HAM", code="P2HAM"
        )
        period = api.content.create(
            container=p2ham,
            type="ReportingPeriod",
            id="2025",
            title="2025",
            data_year=2024,
            assessment_year=2025,
            opens=date(2025, 1, 2),
            submission_deadline=date(2025, 3, 28),
            verification_deadline=date(2025, 5, 15),
        )
        api.content.transition(obj=period, transition="publish")
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    due = [r for r in send_reminders(dry_run=True).sent if r.period == period]
    assert due == []
    api.content.transition(obj=tree["pledge"], transition="schedule")  # Kota Serang's
    api.content.transition(obj=tree["pledge"], transition="declare")
    due = [r for r in send_reminders(dry_run=True).sent if r.period == period]
    assert [(r.partner.Title(), r.days_left) for r in due] == [("Pemerintah Kota Serang", 4)]


def post_reminders(portal, body, auth):
    return requests.post(
        f"{portal.absolute_url()}/++api++/@ham-reminders",
        json=body,
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=60,
    )


def test_a_running_instance_sends_them_for_the_command_line(site, monkeypatch):
    portal, tree = site
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    # The test MailHost keeps its messages in the ZODB, which the server thread cannot write
    # after its commit: record what the after-commit hook sends instead.
    outbox = []
    monkeypatch.setattr(
        reminders, "send_mail", lambda to, subject, body: outbox.append((to, subject))
    )
    dry = post_reminders(portal, {"dry_run": True}, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert dry.status_code == 200, dry.text
    check_response(dry)
    openapi_validator("Reminders").validate(dry.json())
    assert dry.json()["dry_run"] is True
    assert [item["partner"] for item in dry.json()["sent"]] == [
        "Pemerintah Kota Cilegon",
        "Pemerintah Kota Serang",
    ]
    assert dry.json()["sent"][1] == {
        "programme": "KKP HAM",
        "period": "2024",
        "period_url": tree["period"].absolute_url(),
        "partner": "Pemerintah Kota Serang",
        "state": "draft",
        "days_left": 7,
        "recipients": 2,
    }
    assert "example.org" not in dry.text
    assert outbox == []
    sent = post_reminders(portal, {"dry_run": False}, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert sent.status_code == 200, sent.text
    assert len(sent.json()["sent"]) == 2
    assert sorted(to for recipients, _subject in outbox for to in recipients) == [
        "andi@example.org",
        "ani@example.org",
        "citra@example.org",
    ]
    again = post_reminders(portal, {}, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert again.json()["sent"] == []


def test_only_managers_ask_the_instance_for_reminders(site, monkeypatch):
    portal, tree = site
    add_member("editor1", "bidang-ham")
    transaction.commit()
    refused = post_reminders(portal, {"dry_run": True}, ("editor1", PASSWORD))
    assert refused.status_code == 401
    bad = post_reminders(
        portal, {"dry_run": False, "date": "2025-03-24"}, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == "date: only with dry_run"
    assert portal.MailHost.messages == []


def test_the_instance_links_to_the_public_address_the_command_gives(site, monkeypatch, functional):
    portal, tree = site
    # A Zope instance has its virtual host monster; the test server's application has none.
    manage_addVirtualHostMonster(functional["app"])
    transaction.commit()
    freeze_clock(monkeypatch, SEVEN_DAYS_BEFORE)
    port = urlsplit(portal.absolute_url()).port
    endpoint = instance_endpoint(port, portal.getId(), "https://ham.example.go.id/ham")
    assert endpoint == (
        f"http://127.0.0.1:{port}/VirtualHostBase/https/ham.example.go.id:443/plone"
        "/VirtualHostRoot/_vh_ham/@ham-reminders"
    )
    response = requests.post(
        endpoint,
        json={"dry_run": True},
        headers={"Accept": "application/json"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert {item["period_url"] for item in response.json()["sent"]} == {
        "https://ham.example.go.id/ham/program/kkp-ham/2024"
    }
