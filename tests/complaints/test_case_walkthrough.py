"""Acceptance: a whole case from `received` to `recommendation` and `closed`, as a complaint
officer over HTTP (REST @workflow and the add-action form), with the handling log and the
deadline checked at each step."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints import handling
from kemenkumham.ham.complaints import mail
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.complaints.identity import store_identity
from plone import api
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import PASSWORD

import pytest
import re
import requests
import transaction


OFFICER = ("petugas", PASSWORD)


@pytest.fixture
def site(functional_portal, monkeypatch):
    portal = functional_portal
    add_officer()
    api.user.create(email="humas@example.org", username="humas1", password=PASSWORD)
    api.portal.set_registry_record("kemenkumham.ham.office_name", "Kanwil Kemenkum Banten")
    portal.MailHost.reset()
    transaction.commit()
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))  # Monday
    return portal


def sync():
    transaction.begin()


def get(url, auth=OFFICER, **kwargs):
    return requests.get(url, auth=auth, timeout=30, **kwargs)


def workflow(case_url, action, comment=""):
    response = requests.post(
        f"{case_url}/@workflow/{action}",
        json={"comment": comment},
        auth=OFFICER,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()


def authenticator(page):
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page).group(1)


def add_action(case_url, kind, day, note, document=None, token=True):
    data = {"kind": kind, "date": day, "note": note}
    if token:
        data["_authenticator"] = authenticator(get(f"{case_url}/@@complaint-add-action").text)
    files = {"document": document} if document else None
    return requests.post(
        f"{case_url}/@@complaint-add-action",
        data=data,
        files=files,
        auth=OFFICER,
        timeout=30,
        allow_redirects=False,
    )


def kinds(case):
    sync()
    return [(entry["kind"], entry["date"]) for entry in handling.entries(case)]


def test_a_case_from_received_to_recommendation_and_closed(site, monkeypatch):
    portal = site
    # The server's mail host records into the database, which an after-commit hook in a
    # request may not touch: record what would be sent, after the commit, here instead.
    sent = []
    monkeypatch.setattr(
        mail,
        "deliver",
        lambda recipients, subject, body: sent.append((recipients, subject, body)),
    )
    section = f"{portal.absolute_url()}/pengaduan"

    # The officer records a complaint received in person (the staff intake form); the
    # complainant gave an e-mail address.
    case = new_complaint(
        portal, "petugas", received=date(2025, 3, 3), party_complained_about="Lapas Contoh"
    )
    store_identity(case, {"complainant_name": "Budi Contoh", "email": "budi@example.org"})
    transaction.commit()
    case_url = case.absolute_url()
    assert get(case_url, headers={"Accept": "application/json"}).json()["review_state"] == (
        "received"
    )
    assert deadline_of(case) == (date(2025, 3, 10), 5)

    page = get(case_url).text
    assert case.registration_number in page
    assert "10 March 2025, 5 working days left" in page  # the deadline
    assert "Budi Contoh" not in page and "budi@example.org" not in page
    assert "@@complaint-identity" in page
    listing = get(f"{section}/@@complaints").text
    assert case.registration_number in listing and "10 March 2025" in listing

    # Administrative check, then the substance check (5 working days from entering it).
    workflow(case_url, "start_administrative_check")
    freeze_clock(monkeypatch, datetime(2025, 3, 5, 10, 0))
    workflow(case_url, "start_substance_check")
    sync()
    assert deadline_of(case) == (date(2025, 3, 12), 5)

    # On 13 March the substance check is one working day late: the overdue list shows it.
    freeze_clock(monkeypatch, datetime(2025, 3, 13, 8, 0))
    sync()
    assert deadline_of(case) == (date(2025, 3, 12), -1)
    assert case.registration_number in get(f"{section}/@@complaints-overdue").text
    assert case.registration_number in get(f"{section}/@@complaints?overdue=1").text
    workflow(case_url, "accept", "Kewenangan Kanwil")
    sync()
    assert deadline_of(case) == (None, None)
    assert case.registration_number not in get(f"{section}/@@complaints-overdue").text
    assert kinds(case) == []

    # In handling: a clarification letter with its document, a coordination meeting.
    letter = b"%PDF-1.4 surat klarifikasi\n%%EOF\n"
    response = add_action(
        case_url,
        "clarification_letter",
        "2025-03-13",
        "Surat klarifikasi ke Lapas Contoh",
        document=("klarifikasi.pdf", letter, "application/pdf"),
    )
    assert response.status_code == 302
    assert kinds(case) == [("clarification_letter", date(2025, 3, 13))]
    # Bad input: a date in the future, an unknown kind; a POST without the CSRF token.
    refused = add_action(case_url, "mediation", "2025-03-14", "Mediasi")
    assert refused.status_code == 400
    assert "in the future" in refused.text
    refused = add_action(case_url, "", "2025-03-13", "")
    assert refused.status_code == 400 and "kind of action" in refused.text
    forged = add_action(case_url, "mediation", "2025-03-13", "Mediasi", token=False)
    assert forged.status_code == 403
    assert len(kinds(case)) == 1

    freeze_clock(monkeypatch, datetime(2025, 3, 20, 9, 0))
    assert add_action(case_url, "coordination_meeting", "2025-03-20", "Rakorsul").status_code == 302
    page = get(case_url).text
    assert "Surat klarifikasi ke Lapas Contoh" in page and "Rakorsul" in page
    document_id = handling.entries(case)[0]["document_id"]
    assert f"@@complaint-file/{document_id}" in page

    # The recommendation: filed with its letter, e-mailed to the complainant after the commit.
    workflow(case_url, "recommend", "Pemenuhan hak atas bantuan hukum bagi warga binaan.")
    assert kinds(case)[-1] == ("recommendation", date(2025, 3, 20))
    ((recipients, subject, body),) = sent
    assert recipients == ["budi@example.org"]
    assert case.registration_number in subject and "Budi" not in subject
    assert "Pemenuhan hak atas bantuan hukum bagi warga binaan." in body
    letter_page = get(f"{case_url}/@@complaint-letter?template=recommendation").text
    assert "Lapas Contoh" in letter_page and "Kanwil Kemenkum Banten" in letter_page

    # Closed: no deadline, no more actions.
    workflow(case_url, "close", "Selesai")
    sync()
    assert api.content.get_state(case) == "closed"
    assert deadline_of(case) == (None, None)
    assert get(f"{case_url}/@@complaint-add-action", allow_redirects=False).status_code in (
        302,
        401,
        403,
    )
    assert get(case_url).status_code == 200


def test_only_complaint_officers_see_the_case_pages(site):
    portal = site
    section = f"{portal.absolute_url()}/pengaduan"
    for auth in (None, ("humas1", PASSWORD)):
        for page in ("@@complaints", "@@complaints-overdue"):
            response = get(f"{section}/{page}", auth=auth, allow_redirects=False)
            assert response.status_code in (302, 401, 403), (auth, page)
        response = get(
            f"{portal.absolute_url()}/@@complaint-settings", auth=auth, allow_redirects=False
        )
        assert response.status_code in (302, 401, 403)
    assert get(f"{portal.absolute_url()}/@@complaint-settings").status_code == 200


def test_a_program_is_refused_as_a_handling_document(site):
    portal = site
    case = new_complaint(portal, "petugas", received=date(2025, 3, 3))
    transaction.commit()
    case_url = case.absolute_url()
    response = add_action(
        case_url,
        "clarification_letter",
        "2025-03-03",
        "Surat klarifikasi",
        document=("surat.pdf", b"MZ\x90\x00 a Windows program", "application/pdf"),
    )
    assert response.status_code == 400
    assert "surat.pdf" in response.text
    sync()
    assert handling.entries(case) == []
