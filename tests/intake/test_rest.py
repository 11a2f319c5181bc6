"""REST: POST @complaint-intake and GET @complaint-status, every answer checked against
docs/openapi.yaml; refused requests store nothing (no complaint, no access-log entry)."""

from datetime import datetime
from kemenkumham.ham.complaints import identity
from kemenkumham.ham.complaints import intake
from kemenkumham.ham.complaints.attachments import list_attachments
from kemenkumham.ham.content.registration_number import new_registration_number
from plone import api
from tests.clock import freeze_clock
from tests.intake.helpers import complaint_count
from tests.intake.helpers import log_size
from tests.intake.helpers import NIK
from tests.intake.helpers import PDF
from tests.intake.helpers import PROGRAM
from tests.intake.helpers import rest_file
from tests.intake.helpers import valid_form
from tests.openapi import check_response

import pytest
import requests
import transaction


@pytest.fixture
def site(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="petugas1", email="petugas1@example.org", password="x-rahasia-1")
        api.group.add_user(groupname="petugas-pengaduan", username="petugas1")
    transaction.commit()
    portal.MailHost.reset()
    return portal


def post(portal, body, **headers):
    return check_response(
        requests.post(
            f"{portal.absolute_url()}/++api++/@complaint-intake",
            json=body,
            headers={"Accept": "application/json", **headers},
            timeout=60,
        )
    )


def status_of(portal, number):
    return check_response(
        requests.get(
            f"{portal.absolute_url()}/++api++/@complaint-status",
            params={"number": number},
            headers={"Accept": "application/json"},
            timeout=60,
        )
    )


def rest_body(**changes):
    return valid_form(**{"consent": True, **changes})


def stored(portal, number):
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    [complaint] = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Complaint")
        if brain._unrestrictedGetObject().registration_number == number
    ]
    return complaint


def test_an_anonymous_complaint_through_rest(site, outbox):
    body = rest_body(evidence=[rest_file("bukti.pdf", PDF)])
    response = post(site, body)
    assert response.status_code == 201, response.text
    number = response.json()["registration_number"]
    assert response.json()["status_url"].endswith("/pengaduan/@@complaint-status")

    complaint = stored(site, number)
    assert complaint.aq_parent.getId() == "pengaduan"
    assert complaint.getId().startswith("aduan-") and number not in complaint.getId()
    assert complaint.channel == "online"
    assert complaint.received_date.isoformat() == "2025-03-03"
    assert complaint.consent_given is not None
    assert api.content.get_state(complaint) == "received"
    assert [entry["kind"] for entry in list_attachments(complaint)] == ["evidence"]
    assert identity._decrypt(complaint)["id_number"] == NIK
    assert not hasattr(complaint, "complainant_name")

    # The number to the complainant only; the officers get the case link, nothing else.
    assert sorted(to for to, _subject, _body in outbox) == [
        ["petugas1@example.org"],
        ["siti@example.org"],
    ]
    [(_to, subject, body)] = [mail for mail in outbox if mail[0] == ["siti@example.org"]]
    assert number in body and number not in subject
    [(_to, subject, body)] = [mail for mail in outbox if mail[0] == ["petugas1@example.org"]]
    for text in ("Siti", NIK, "Polsek", "tanpa surat perintah", number):
        assert text not in subject + body
    assert complaint.absolute_url() in body


def test_status_of_a_known_number_gives_state_and_dates_only(site):
    number = post(site, rest_body()).json()["registration_number"]
    typed = number.lower().replace("-", " ")
    response = status_of(site, typed)
    assert response.status_code == 200
    assert response.json() == {
        "registration_number": number,
        "state": "received",
        "state_title": response.json()["state_title"],
        "received": "2025-03-03",
        "last_change": response.json()["last_change"],
        "deadline": response.json()["deadline"],
    }
    assert response.json()["state_title"]


def test_unknown_and_malformed_numbers_get_the_same_answer(site):
    post(site, rest_body())
    unknown = status_of(site, new_registration_number())
    malformed = status_of(site, "PHAM-123")
    assert unknown.status_code == malformed.status_code == 404
    assert unknown.json() == malformed.json()


def test_status_lookups_are_rate_limited(site):
    api.portal.set_registry_record("kemenkumham.ham.complaint_rate_limit", 1)
    transaction.commit()
    for _ in range(intake.STATUS_CHECKS_PER_COMPLAINT):
        assert status_of(site, "PHAM-0").status_code == 404
    response = status_of(site, "PHAM-0")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


BAD_INPUT = [
    ("missing name", {"complainant_name": ""}, "complainant_name", "required"),
    ("NIK too short", {"id_number": "360401450788"}, "id_number", "16 digits"),
    ("future date", {"incident_date": "2025-03-10"}, "incident_date", "future"),
    ("script", {"chronology": "<script>alert(1)</script>"}, "chronology", "HTML tags"),
    ("no consent", {"consent": False}, "consent", "consent"),
    (
        "program as pdf",
        {"evidence": [rest_file("bukti.pdf", PROGRAM)]},
        "evidence",
        "Programs are not accepted",
    ),
    ("not base64", {"evidence": [{"filename": "a.pdf", "data": "%%%"}]}, "evidence", "base64"),
    (
        "representative without power of attorney",
        {"representative_name": "LBH Contoh"},
        "power_of_attorney",
        "power of attorney",
    ),
]


@pytest.mark.parametrize(
    ("case", "changes", "field", "text"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_is_refused_and_nothing_is_stored(site, case, changes, field, text):
    before = (complaint_count(site), log_size())
    response = post(site, rest_body(**changes))
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["type"] == "BadRequest"
    errors = {error["field"]: error for error in body["errors"]}
    assert text.lower() in errors[field]["message_en"].lower()
    assert errors[field]["message"]
    transaction.begin()
    assert (complaint_count(site), log_size()) == before


def test_an_oversize_file_is_refused(site):
    api.portal.set_registry_record("kemenkumham.ham.complaint_max_file_size_mb", 1)
    transaction.commit()
    big = PDF + b"0" * (1024 * 1024)
    response = post(site, rest_body(evidence=[rest_file("besar.pdf", big)]))
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error == {
        "field": "evidence",
        "message": error["message"],
        "message_en": "The file 'besar.pdf' is larger than 1 MB.",
    }
    transaction.begin()
    assert complaint_count(site) == 0


def test_a_body_that_is_not_an_object_is_refused(site):
    response = check_response(
        requests.post(
            f"{site.absolute_url()}/++api++/@complaint-intake",
            data="[1, 2]",
            headers={"Accept": "application/json", "Content-Type": "application/json"},
            timeout=60,
        )
    )
    assert response.status_code == 400


def test_the_honeypot_is_refused_with_a_neutral_message(site):
    response = post(site, rest_body(website="http://spam.example"))
    assert response.status_code == 400
    assert response.json()["errors"] == []
    assert "could not be accepted" in response.json()["error"]["message_en"]
    transaction.begin()
    assert complaint_count(site) == 0
    assert log_size() == 0


def test_a_flood_from_one_address_gets_429_and_stores_nothing(site):
    api.portal.set_registry_record("kemenkumham.ham.complaint_rate_limit", 2)
    transaction.commit()
    assert [post(site, rest_body()).status_code for _ in range(2)] == [201, 201]
    transaction.begin()
    before = (complaint_count(site), log_size())
    response = post(site, rest_body())
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 3600
    assert "Too many requests" in response.json()["error"]["message_en"]
    transaction.begin()
    assert (complaint_count(site), log_size()) == before == (2, before[1])


def test_a_flood_of_refused_attempts_is_limited_too(site):
    api.portal.set_registry_record("kemenkumham.ham.complaint_rate_limit", 1)
    transaction.commit()
    codes = [post(site, rest_body(id_number="1")).status_code for _ in range(5)]
    assert codes == [400] * intake.ATTEMPTS_PER_COMPLAINT + [429]


def test_without_a_key_nothing_is_stored_and_the_service_says_so(site, monkeypatch):
    monkeypatch.delenv("HAM_COMPLAINT_KEY")
    monkeypatch.delenv("HAM_COMPLAINT_KEY_FILE", raising=False)
    response = post(site, rest_body())
    assert response.status_code == 503
    assert "temporarily unavailable" in response.json()["error"]["message_en"]
    transaction.begin()
    assert complaint_count(site) == 0
    assert log_size() == 0
