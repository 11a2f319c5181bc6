"""Retention: identities of cases closed or withdrawn longer ago than the retention period are
erased (complaints/retention.py, POST @complaint-retention); the case stays."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints.attachments import list_attachments
from kemenkumham.ham.complaints.identity import ERASED_TEXT
from kemenkumham.ham.complaints.identity import has_identity
from kemenkumham.ham.complaints.identity import identity_erased_on
from kemenkumham.ham.complaints.retention import erase_expired
from kemenkumham.ham.complaints.retention import years_before
from kemenkumham.ham.complaints.startup import check_complaint_key
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.clock import freeze_clock
from tests.complaints.identity_fixtures import add_user
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.identity_fixtures import PASSWORD
from tests.complaints.identity_fixtures import SECRETS
from tests.openapi import check_response

import logging
import requests
import transaction


def finish(complaint, state, when):
    """Put the complaint in `state` as if its last transition happened at `when`."""
    workflow = api.portal.get_tool("portal_workflow")
    workflow.setStatusOf(
        "ham_complaint_workflow",
        complaint,
        {
            "review_state": state,
            "action": "close" if state == "closed" else "withdraw",
            "actor": "petugas1",
            "comments": "Pemberitahuan kepada Sdr. Siti Rahmawati Kusuma",
            "time": DateTime(when.isoformat() + "+07:00"),
        },
    )
    complaint.reindexObject()


def cases(portal):
    """On 2025-06-30 with 5 years' retention (cutoff 2020-06-30)."""
    made = {}
    for name, state, when in (
        ("lama-ditutup", "closed", datetime(2019, 3, 1, 10)),
        ("lama-dicabut", "withdrawn", datetime(2020, 6, 29, 16)),
        ("batas", "closed", datetime(2020, 6, 30, 9)),  # exactly 5 years: kept
        ("baru-ditutup", "closed", datetime(2024, 1, 5, 10)),
        ("masih-ditangani", None, None),
    ):
        complaint = make_complaint(portal, name)[0]
        if state:
            with api.env.adopt_roles(["Manager"]):
                finish(complaint, state, when)
        made[name] = complaint
    return made


def test_years_before_handles_leap_days():
    assert years_before(date(2025, 6, 30), 5) == date(2020, 6, 30)
    assert years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)


def test_erases_old_final_cases_only_and_is_idempotent(integration, monkeypatch):
    portal = integration["portal"]
    made = cases(portal)
    freeze_clock(monkeypatch, datetime(2025, 6, 30, 12))
    with api.env.adopt_roles(["Manager"]):
        dry = erase_expired(dry_run=True)
        assert [item["case"] for item in dry["erased"]] == ["lama-dicabut", "lama-ditutup"]
        assert all(has_identity(complaint) for complaint in made.values())  # dry: nothing
        result = erase_expired(user_id="admin")
    assert result["erased"] == [
        {
            "case": "lama-dicabut",
            "uid": api.content.get_uuid(made["lama-dicabut"]),
            "state": "withdrawn",
            "closed": "2020-06-29",
            "files_removed": 3,
        },
        {
            "case": "lama-ditutup",
            "uid": api.content.get_uuid(made["lama-ditutup"]),
            "state": "closed",
            "closed": "2019-03-01",
            "files_removed": 3,
        },
    ]
    assert (result["retention_years"], result["cutoff"]) == (5, "2020-06-30")
    for name in ("lama-dicabut", "lama-ditutup"):
        complaint = made[name]
        assert not has_identity(complaint)
        assert identity_erased_on(complaint) == date(2025, 6, 30)
        # Anonymised: no file, no chronology, no comment; what the statistics count stays.
        assert list_attachments(complaint) == []
        assert complaint.chronology == ERASED_TEXT
        assert (complaint.right_concerned, complaint.party_kind, complaint.channel) == (
            "keadilan",
            "lembaga_pemerintah",
            "langsung",
        )
        assert complaint.party_complained_about == "Contoh instansi"  # a body, not a person
        history = complaint.workflow_history["ham_complaint_workflow"]
        assert history[-1]["comments"] == ERASED_TEXT
        assert history[-1]["actor"] == "petugas1"
    for name in ("batas", "baru-ditutup", "masih-ditangani"):
        assert has_identity(made[name])
        assert made[name].chronology == "Contoh kronologi."
    erasures = [entry for entry in accesslog.entries() if entry["action"] == "erase"]
    assert {(entry["case"], entry["user"]) for entry in erasures} == {
        ("lama-dicabut", "admin"),
        ("lama-ditutup", "admin"),
    }
    assert SECRETS[0] not in repr(result)
    with api.env.adopt_roles(["Manager"]):
        again = erase_expired()
    assert (again["erased"], again["already_erased"]) == ([], 2)


def test_retention_period_comes_from_the_registry(integration, monkeypatch):
    portal = integration["portal"]
    cases(portal)
    api.portal.set_registry_record("kemenkumham.ham.complaint_retention_years", 1)
    freeze_clock(monkeypatch, datetime(2025, 6, 30, 12))
    with api.env.adopt_roles(["Manager"]):
        result = erase_expired(dry_run=True)
    assert [item["case"] for item in result["erased"]] == [
        "baru-ditutup",
        "batas",
        "lama-dicabut",
        "lama-ditutup",
    ]


def post(portal, body, auth):
    return requests.post(
        f"{portal.absolute_url()}/++api++/@complaint-retention",
        json=body,
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=60,
    )


def test_rest_retention_for_managers_only(functional):
    portal = functional["portal"]
    made = cases(portal)
    add_user("petugas1", groups=["petugas-pengaduan"])
    add_user("siteadmin", roles=["Site Administrator"])
    transaction.commit()
    for user in ("petugas1", "siteadmin"):
        refused = check_response(post(portal, {"dry_run": True}, (user, PASSWORD)))
        assert refused.status_code == 401
    owner = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    bad = check_response(post(portal, {"date": "2025-06-30"}, owner))
    assert bad.status_code == 400
    assert (
        check_response(post(portal, {"dry_run": True, "date": "30/06"}, owner)).status_code == 400
    )
    dry = check_response(post(portal, {"dry_run": True, "date": "2025-06-30"}, owner))
    assert dry.status_code == 200
    assert [item["case"] for item in dry.json()["erased"]] == ["lama-dicabut", "lama-ditutup"]
    done = check_response(post(portal, {}, owner))  # today (2026 or later): 2021 and older
    assert done.status_code == 200
    assert {"lama-dicabut", "lama-ditutup"} <= {item["case"] for item in done.json()["erased"]}
    transaction.begin()
    assert not has_identity(portal["pengaduan"]["lama-ditutup"])
    assert has_identity(made["masih-ditangani"])


def test_startup_warns_once_without_a_key(monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger="kemenkumham.ham.complaints")
    assert check_complaint_key() is True
    assert caplog.records == []
    monkeypatch.delenv("HAM_COMPLAINT_KEY")
    monkeypatch.delenv("HAM_COMPLAINT_KEY_FILE", raising=False)
    assert check_complaint_key() is False
    assert len(caplog.records) == 1
    assert "HAM_COMPLAINT_KEY" in caplog.records[0].getMessage()


def test_erasure_removes_the_handling_documents_and_notes(integration, monkeypatch):
    from kemenkumham.ham.complaints import handling

    portal = integration["portal"]
    made = cases(portal)
    complaint = made["lama-ditutup"]
    kept = made["baru-ditutup"]
    for case in (complaint, kept):
        with api.env.adopt_roles(["Manager"]):
            handling.add_entry(
                case,
                handling.CLARIFICATION_LETTER,
                date(2019, 2, 1),
                note="Surat klarifikasi untuk Sdr. Siti Rahmawati Kusuma",
                document=("klarifikasi-Siti-Rahmawati.pdf", b"%PDF-1.4 Kepada Siti Rahmawati"),
                actor="petugas1",
            )
    freeze_clock(monkeypatch, datetime(2025, 6, 30, 12))
    with api.env.adopt_roles(["Manager"]):
        dry = erase_expired(dry_run=True)
        assert {item["case"]: item["files_removed"] for item in dry["erased"]} == {
            "lama-dicabut": 3,
            "lama-ditutup": 4,
        }
        result = erase_expired(user_id="admin")
        assert [i["files_removed"] for i in result["erased"] if i["case"] == "lama-ditutup"] == [4]
        assert list_attachments(complaint) == []
        (entry,) = handling.entries(complaint)
        # What was done, when and by whom stays; what it said and its document go.
        assert (entry["kind"], entry["date"], entry["actor"]) == (
            "clarification_letter",
            date(2019, 2, 1),
            "petugas1",
        )
        assert "Siti" not in entry["note"] and entry["document_id"] is None
        # A case still within its retention period keeps everything.
        (kept_entry,) = handling.entries(kept)
        assert "Siti" in kept_entry["note"] and kept_entry["document_id"]
        assert "document" in [item["kind"] for item in list_attachments(kept)]


def test_erasure_removes_the_name_of_a_person_complained_about(integration, monkeypatch):
    portal = integration["portal"]
    made = cases(portal)
    complaint = made["lama-ditutup"]
    complaint.party_kind = "perorangan"
    complaint.party_complained_about = "Sdr. Budi Contoh Santoso"
    complaint.reindexObject()
    freeze_clock(monkeypatch, datetime(2025, 6, 30, 12))
    with api.env.adopt_roles(["Manager"]):
        erase_expired(user_id="admin")
    assert complaint.party_complained_about == ERASED_TEXT
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(SearchableText="Santoso")
    assert made["lama-dicabut"].party_complained_about == "Contoh instansi"
