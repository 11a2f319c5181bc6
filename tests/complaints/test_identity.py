"""The complainant's identity: encrypted with a key outside the database, read only with the
identity permission, every read logged (kemenkumham.ham.complaints.crypto, identity, accesslog)."""

from AccessControl import Unauthorized
from datetime import datetime
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import ATTRIBUTE
from kemenkumham.ham.complaints.identity import erase_identity
from kemenkumham.ham.complaints.identity import has_identity
from kemenkumham.ham.complaints.identity import identity_erased_on
from kemenkumham.ham.complaints.identity import identity_for_notice
from kemenkumham.ham.complaints.identity import read_identity
from kemenkumham.ham.complaints.identity import reencrypt_identity
from kemenkumham.ham.complaints.identity import store_identity
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.clock import freeze_clock
from tests.complaints.identity_fixtures import add_officer
from tests.complaints.identity_fixtures import IDENTITY
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.identity_fixtures import SECRETS

import pytest


OLD_KEY = crypto.new_key()
NEW_KEY = crypto.new_key()


@pytest.fixture
def portal(integration):
    return integration["portal"]


@pytest.fixture
def complaint(portal):
    return make_complaint(portal, files=False)[0]


# --- the key ---------------------------------------------------------------------------


def test_round_trip_and_the_ciphertext_holds_no_plaintext():
    token = crypto.encrypt(b"Siti Rahmawati 3604015508900007")
    assert b"Siti" not in token and b"3604015508900007" not in token
    assert crypto.decrypt(token) == b"Siti Rahmawati 3604015508900007"
    # The same plaintext twice gives two different tokens (random IV): no equality leaks.
    assert crypto.encrypt(b"same") != crypto.encrypt(b"same")


def test_missing_key_refuses_to_store_and_to_read(monkeypatch):
    token = crypto.encrypt(b"secret")
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    monkeypatch.delenv(crypto.KEY_FILE_ENV, raising=False)
    assert not crypto.key_configured()
    with pytest.raises(crypto.KeyMissing):
        crypto.encrypt(b"secret")
    with pytest.raises(crypto.KeyMissing):
        crypto.decrypt(token)


def test_key_file_missing_empty_or_malformed_is_key_missing(monkeypatch, tmp_path):
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    key_file = tmp_path / "complaint.key"
    monkeypatch.setenv(crypto.KEY_FILE_ENV, str(key_file))
    with pytest.raises(crypto.KeyMissing, match="not found"):
        crypto.encrypt(b"x")
    key_file.write_text("\n")
    with pytest.raises(crypto.KeyMissing, match="empty"):
        crypto.encrypt(b"x")
    key_file.write_text("not-a-fernet-key\n")
    with pytest.raises(crypto.KeyMissing, match="not a Fernet key"):
        crypto.encrypt(b"x")
    key_file.write_text(OLD_KEY + "\n")
    assert crypto.decrypt(crypto.encrypt(b"x")) == b"x"


def test_wrong_key_cannot_decrypt_and_gives_no_plaintext(monkeypatch):
    monkeypatch.setenv(crypto.KEY_ENV, OLD_KEY)
    token = crypto.encrypt(b"Siti Rahmawati")
    monkeypatch.setenv(crypto.KEY_ENV, NEW_KEY)
    with pytest.raises(crypto.CannotDecrypt) as raised:
        crypto.decrypt(token)
    assert "Siti" not in str(raised.value)
    # A changed byte is detected too (HMAC), never decrypted to something else.
    monkeypatch.setenv(crypto.KEY_ENV, OLD_KEY)
    tampered = token[:-5] + (b"A" if token[-5:-4] != b"A" else b"B") + token[-4:]
    with pytest.raises(crypto.CannotDecrypt):
        crypto.decrypt(tampered)


def test_key_rotation_new_key_first_old_after(portal, monkeypatch):
    monkeypatch.setenv(crypto.KEY_ENV, OLD_KEY)
    complaint = make_complaint(portal, files=False)[0]
    old_token = getattr(complaint, ATTRIBUTE)
    # Only the new key: the old data cannot be read.
    monkeypatch.setenv(crypto.KEY_ENV, NEW_KEY)
    with api.env.adopt_roles(["ComplaintOfficer"]), pytest.raises(crypto.CannotDecrypt):
        read_identity(complaint)
    # New key first, old after: the old data reads, new data is written with the new key.
    monkeypatch.setenv(crypto.KEY_ENV, f"{NEW_KEY}\n{OLD_KEY}")
    with api.env.adopt_roles(["ComplaintOfficer"]):
        assert read_identity(complaint) == IDENTITY
    reencrypt_identity(complaint)
    assert getattr(complaint, ATTRIBUTE) != old_token
    # The old key can go now.
    monkeypatch.setenv(crypto.KEY_ENV, NEW_KEY)
    with api.env.adopt_roles(["ComplaintOfficer"]):
        assert read_identity(complaint) == IDENTITY


# --- who may read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "roles",
    [
        ["Member"],
        ["Authenticated"],
        ["Editor"],
        ["Contributor", "Reviewer"],
        ["Site Administrator"],
        ["HAMVerifier"],
        ["HAMAssessor"],
        ["PartnerMember"],
    ],
)
def test_read_identity_refused_without_the_permission(complaint, roles):
    before = len(accesslog.entries())
    with api.env.adopt_roles(roles), pytest.raises(Unauthorized):
        read_identity(complaint)
    assert len(accesslog.entries()) == before  # a refused read reads nothing, logs nothing


def test_read_identity_refused_for_anonymous(portal, complaint):
    logout()
    with pytest.raises(Unauthorized):
        read_identity(complaint)


def test_officer_reads_and_each_read_is_one_log_entry(portal, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 4, 14, 10, 30, 5))
    complaint = make_complaint(portal, files=False)[0]
    officer = add_officer()
    add_officer("petugas2", "Petugas Dua")
    other = make_complaint(portal, "pengaduan-lain", files=False)[0]
    login(portal, officer)
    before = accesslog.entries()
    assert read_identity(complaint, detail="telepon balik") == IDENTITY
    after = accesslog.entries()
    assert len(after) == len(before) + 1
    assert after[0] == {
        "time": "2025-04-14T10:30:05+07:00",
        "user": officer,
        "case_uid": api.content.get_uuid(complaint),
        "case": complaint.getId(),
        "action": "read",
        "detail": "telepon balik",
    }
    read_identity(complaint)
    login(portal, "petugas2")
    read_identity(other)
    assert [(e["user"], e["case"]) for e in accesslog.entries(limit=3)] == [
        ("petugas2", "pengaduan-lain"),
        (officer, complaint.getId()),
        (officer, complaint.getId()),
    ]
    # Filters: by case, by person.
    of_case = accesslog.entries(case_uid=api.content.get_uuid(complaint), user=officer)
    assert [entry["action"] for entry in of_case] == ["read", "read"]
    assert [entry["case"] for entry in accesslog.entries(user="petugas2")] == ["pengaduan-lain"]


def test_log_entries_never_hold_the_identity(portal, complaint):
    login(portal, add_officer())
    read_identity(complaint)
    identity_for_notice(complaint, "pemberitahuan registrasi")
    text = repr(accesslog.entries())
    for secret in SECRETS:
        assert secret not in text


def test_manager_without_officer_role_reads_too(complaint):
    with api.env.adopt_roles(["Manager"]):
        assert read_identity(complaint)["id_number"] == IDENTITY["id_number"]


def test_store_refuses_fields_that_are_not_identity(complaint):
    with pytest.raises(ValueError, match="chronology"):
        store_identity(complaint, {"complainant_name": "X", "chronology": "..."})


def test_store_without_a_key_fails_and_keeps_what_was_there(complaint, monkeypatch):
    token = getattr(complaint, ATTRIBUTE)
    monkeypatch.delenv(crypto.KEY_ENV)
    with pytest.raises(crypto.KeyMissing):
        store_identity(complaint, {"complainant_name": "Orang Lain"})
    assert getattr(complaint, ATTRIBUTE) == token


def test_erase_removes_identity_and_every_file_and_logs(portal):
    complaint, ids = make_complaint(portal)
    from kemenkumham.ham.complaints.attachments import list_attachments

    with api.env.adopt_roles(["Manager"]):
        removed = erase_identity(complaint, user_id="system", detail="retensi")
        assert removed == 3  # identity document, power of attorney, evidence
        assert not has_identity(complaint)
        assert identity_erased_on(complaint) is not None
        assert list_attachments(complaint) == []
        assert read_identity(complaint)["complainant_name"] == ""
    assert accesslog.entries(limit=2)[1]["action"] == "erase"
