"""Files of a complaint: encrypted at rest, names of identity documents never listed, identity
documents opened only with the identity permission and logged; and the raw database records
hold ciphertext only."""

from AccessControl import Unauthorized
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.attachments import _entries
from kemenkumham.ham.complaints.attachments import EVIDENCE
from kemenkumham.ham.complaints.attachments import IDENTITY_DOCUMENT
from kemenkumham.ham.complaints.attachments import list_attachments
from kemenkumham.ham.complaints.attachments import open_attachment
from kemenkumham.ham.complaints.attachments import POWER_OF_ATTORNEY
from kemenkumham.ham.complaints.attachments import reencrypt_attachments
from plone import api
from plone.app.testing import login
from tests.complaints.identity_fixtures import add_officer
from tests.complaints.identity_fixtures import EVIDENCE_DATA
from tests.complaints.identity_fixtures import EVIDENCE_NAME
from tests.complaints.identity_fixtures import KTP_DATA
from tests.complaints.identity_fixtures import KTP_NAME
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.identity_fixtures import POA_NAME
from tests.complaints.identity_fixtures import SECRETS

import pytest
import transaction


@pytest.fixture
def portal(integration):
    return integration["portal"]


def test_listing_names_evidence_but_never_identity_documents(portal):
    complaint, ids = make_complaint(portal)
    login(portal, add_officer())
    listed = {item["id"]: item for item in list_attachments(complaint)}
    assert listed[ids[EVIDENCE]]["filename"] == EVIDENCE_NAME
    for kind in (IDENTITY_DOCUMENT, POWER_OF_ATTORNEY):
        assert listed[ids[kind]]["kind"] == kind
        assert "filename" not in listed[ids[kind]]
    text = repr(listed)
    assert KTP_NAME not in text and POA_NAME not in text
    assert [item["kind"] for item in list_attachments(complaint, kinds=(EVIDENCE,))] == [EVIDENCE]


def test_identity_document_needs_the_permission_and_is_logged(portal):
    complaint, ids = make_complaint(portal)
    before = len(accesslog.entries())
    with api.env.adopt_roles(["Site Administrator"]), pytest.raises(Unauthorized):
        open_attachment(complaint, ids[IDENTITY_DOCUMENT])
    with api.env.adopt_roles(["Editor"]), pytest.raises(Unauthorized):
        open_attachment(complaint, ids[EVIDENCE])  # no View on the case either
    assert len(accesslog.entries()) == before
    officer = add_officer()
    login(portal, officer)
    assert open_attachment(complaint, ids[IDENTITY_DOCUMENT]) == (
        KTP_NAME,
        "application/pdf",
        KTP_DATA,
    )
    entries = accesslog.entries()
    assert len(entries) == before + 1
    assert (entries[0]["user"], entries[0]["action"], entries[0]["detail"]) == (
        officer,
        "download",
        IDENTITY_DOCUMENT,
    )
    # Evidence is part of the case: opened by whoever sees the case, not logged.
    assert open_attachment(complaint, ids[EVIDENCE])[2] == EVIDENCE_DATA
    assert len(accesslog.entries()) == before + 1
    with pytest.raises(KeyError):
        open_attachment(complaint, "tidak-ada")


def test_reencrypt_attachments_after_key_rotation(portal, monkeypatch):
    old, new = crypto.new_key(), crypto.new_key()
    monkeypatch.setenv(crypto.KEY_ENV, old)
    complaint, ids = make_complaint(portal)
    monkeypatch.setenv(crypto.KEY_ENV, f"{new},{old}")
    assert reencrypt_attachments(complaint) == 3
    monkeypatch.setenv(crypto.KEY_ENV, new)
    with api.env.adopt_roles(["Manager"]):
        assert open_attachment(complaint, ids[IDENTITY_DOCUMENT])[2] == KTP_DATA
        assert open_attachment(complaint, ids[EVIDENCE])[0] == EVIDENCE_NAME


def _record(obj):
    """The pickle of `obj` as the storage keeps it (after a commit)."""
    data, _serial = obj._p_jar.db().storage.load(obj._p_oid)
    return data


def test_raw_database_records_hold_ciphertext_only(functional):
    portal = functional["portal"]
    complaint, ids = make_complaint(portal)
    transaction.commit()
    records = [_record(complaint)]
    entries = _entries(complaint)
    records.append(_record(entries))
    records.extend(_record(entry) for entry in entries)
    for record in records:
        for secret in (*SECRETS, KTP_NAME, POA_NAME, "KTP_Siti"):
            assert secret.encode() not in record
            assert secret.encode("utf-16-le") not in record
    assert b"Contoh kronologi" in records[0]  # the case itself is readable: the test can fail
    assert b"_ham_identity" in records[0] and b"gAAAAA" in records[0]  # stored, encrypted
    # The blob file of the identity document holds ciphertext: Fernet, not the PDF.
    entry = next(entry for entry in entries if entry["id"] == ids[IDENTITY_DOCUMENT])
    with open(entry["blob"].committed(), "rb") as stream:
        stored = stream.read()
    assert stored.startswith(b"gAAAAA")  # a Fernet token, base64
    assert b"%PDF" not in stored and b"3604015508900007" not in stored
    with api.env.adopt_roles(["Manager"]):
        assert crypto.decrypt(stored) == KTP_DATA
