"""Handling log, letters from templates, notices to the complainant, officers' pages."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import attachments
from kemenkumham.ham.complaints import handling
from kemenkumham.ham.complaints import letters
from kemenkumham.ham.complaints.identity import store_identity
from plone import api
from tests.clock import freeze_clock
from tests.complaints.cases import add_officer
from tests.complaints.cases import new_complaint
from tests.complaints.cases import state
from tests.complaints.cases import transition

import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    functional_portal.MailHost.reset()
    return functional_portal


@pytest.fixture
def officer(portal):
    return add_officer()


@pytest.fixture
def case(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    complaint = new_complaint(
        portal, officer, received=date(2025, 3, 3), party_complained_about="Polsek Contoh"
    )
    store_identity(
        complaint,
        {
            "complainant_name": "Siti Contoh",
            "id_number": "3601010101010001",
            "email": "siti@example.org",
        },
    )
    return complaint


def test_the_log_keeps_kind_date_actor_note_and_document(case, officer):
    with api.env.adopt_user(username=officer):
        entry = handling.add_entry(
            case,
            handling.CLARIFICATION_LETTER,
            date(2025, 3, 3),
            "Surat klarifikasi ke Polsek",
            document=("klarifikasi.pdf", b"%PDF-1.4 surat", "application/pdf"),
        )
    (logged,) = handling.entries(case)
    assert logged["kind"] == "clarification_letter"
    assert logged["date"] == date(2025, 3, 3)
    assert logged["actor"] == officer
    assert logged["note"] == "Surat klarifikasi ke Polsek"
    assert logged["document_id"] == entry["document_id"]
    with api.env.adopt_user(username=officer):
        files = attachments.list_attachments(case, kinds=[attachments.DOCUMENT])
    assert [(f["id"], f["filename"]) for f in files] == [(entry["document_id"], "klarifikasi.pdf")]
    # What is handed out is a copy: changing it changes nothing.
    logged["note"] = "changed"
    assert handling.entries(case)[0]["note"] == "Surat klarifikasi ke Polsek"


@pytest.mark.parametrize(
    ("kind", "day", "message"),
    [
        ("visit", date(2025, 3, 3), "kind of action"),
        ("mediation", date(2025, 3, 4), "in the future"),
        ("mediation", None, "date of the action"),
    ],
)
def test_the_log_refuses_bad_entries(case, kind, day, message):
    with pytest.raises(handling.InvalidEntry) as refused:
        handling.add_entry(case, kind, day, "note")
    assert message in handling.bilingual(refused.value.message)
    assert handling.entries(case) == []


def test_letters_fill_placeholders_and_leave_unknown_ones_visible(case):
    api.portal.set_registry_record("kemenkumham.ham.office_name", "Kanwil Banten")
    api.portal.set_registry_record(
        "kemenkumham.ham.complaint_letter_not_competent",
        "No. ${registration_number} (${received_date}) ${party_complained_about}, ${right}: "
        "${referral}. ${office_name}, ${date}. ${unknown} $5",
    )
    text = letters.render("not_competent", case, referral="Komnas HAM")
    right = letters.term_title("kemenkumham.ham.basic_rights", "keadilan")
    assert right and right != "keadilan"
    assert text == (
        f"No. {case.registration_number} (3 Maret 2025) Polsek Contoh, {right}: "
        "Komnas HAM. Kanwil Banten, 3 Maret 2025. ${unknown} $5"
    )
    with pytest.raises(KeyError):
        letters.render("nonsense", case)


def test_no_template_can_reach_the_identity(case):
    api.portal.set_registry_record(
        "kemenkumham.ham.complaint_letter_registered", "${complainant_name} ${email} ${id_number}"
    )
    assert letters.render("registered", case) == "${complainant_name} ${email} ${id_number}"


def test_marking_incomplete_files_a_notice_and_mails_the_complainant_only(
    portal, case, officer, monkeypatch
):
    transition(case, officer, "start_administrative_check")
    freeze_clock(monkeypatch, datetime(2025, 3, 5, 9, 0))
    transition(case, officer, "mark_incomplete", comment="Fotokopi KTP belum dilampirkan.")
    assert state(case) == "incomplete"
    (entry,) = handling.entries(case)
    assert (entry["kind"], entry["date"], entry["actor"]) == ("notice", date(2025, 3, 5), officer)
    with api.env.adopt_user(username=officer):
        filename, content_type, data = attachments.open_attachment(case, entry["document_id"])
    letter = data.decode("utf-8")
    assert "Fotokopi KTP belum dilampirkan." in letter
    assert "19 Maret 2025" in letter  # 10 working days
    assert case.registration_number in letter
    assert "Siti Contoh" not in letter
    assert portal.MailHost.messages == []  # only after the commit
    transaction.commit()
    (message,) = portal.MailHost.messages
    text = message.decode("utf-8") if isinstance(message, bytes) else str(message)
    assert "To: siti@example.org" in text
    assert "Siti Contoh" not in text and "3601010101010001" not in text
    reads = accesslog.entries(case_uid=api.content.get_uuid(case))
    assert reads[0]["action"] == "notice"


def test_no_mail_without_an_address_but_the_notice_is_filed(portal, officer, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    complaint = new_complaint(portal, officer, received=date(2025, 3, 3))
    for action in ("start_administrative_check", "start_substance_check"):
        transition(complaint, officer, action)
    transition(complaint, officer, "decline", comment="Komnas HAM, Jl. Latuharhary 4B")
    transaction.commit()
    assert portal.MailHost.messages == []
    (entry,) = handling.entries(complaint)
    assert entry["kind"] == "notice"


def test_a_site_without_a_mail_sender_files_the_notice_and_reads_no_identity(
    portal, case, officer, monkeypatch
):
    api.portal.set_registry_record("plone.email_from_address", "")
    transition(case, officer, "start_administrative_check")
    freeze_clock(monkeypatch, datetime(2025, 3, 5, 9, 0))
    transition(case, officer, "mark_incomplete", comment="Fotokopi KTP belum dilampirkan.")
    transaction.commit()
    assert portal.MailHost.messages == []
    (entry,) = handling.entries(case)
    assert entry["kind"] == "notice"
    actions = [e["action"] for e in accesslog.entries(case_uid=api.content.get_uuid(case))]
    assert "notice" not in actions


def test_recommend_files_a_recommendation(portal, case, officer):
    for action in ("start_administrative_check", "start_substance_check", "accept"):
        transition(case, officer, action)
    transition(case, officer, "recommend", comment="Pulihkan hak atas pelayanan.")
    (entry,) = handling.entries(case)
    assert entry["kind"] == "recommendation"
