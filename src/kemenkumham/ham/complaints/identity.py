"""The identity of a complainant, their representative and witnesses: encrypted, logged.

The identity is not a schema field: it is one encrypted attribute of the complaint, so it is
never indexed, never in SearchableText, never serialised by plone.restapi and never shown by
a generic view. Reading it takes the permission ``kemenkumham.ham: Read complainant identity``
(ComplaintOfficer and Manager) and writes an entry in the access log.

    store_identity(complaint, {"complainant_name": ..., "id_number": ...})
    read_identity(complaint)            # officer, logged
    identity_for_notice(complaint, ...) # the system e-mailing the complainant, logged
    erase_identity(complaint)           # retention: the case stays, the identity goes
"""

from AccessControl import Unauthorized
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.permissions import READ_COMPLAINANT_IDENTITY as READ_IDENTITY
from plone import api

import json


# Everything that says who the complainant, their representative or a witness is.
COMPLAINANT_FIELDS = ("complainant_name", "id_kind", "id_number", "address", "phone", "email")
REPRESENTATIVE_FIELDS = (
    "representative_name",
    "representative_id_number",
    "representative_contact",
)
WITNESS_FIELDS = ("witnesses",)
IDENTITY_FIELDS = COMPLAINANT_FIELDS + REPRESENTATIVE_FIELDS + WITNESS_FIELDS

ATTRIBUTE = "_ham_identity"
ERASED_ATTRIBUTE = "identity_erased_on"


def has_identity(complaint):
    return bool(getattr(complaint, ATTRIBUTE, None))


def identity_erased_on(complaint):
    """The date the identity was erased (retention), or None."""
    return getattr(complaint, ERASED_ATTRIBUTE, None)


def may_read_identity(complaint):
    return bool(api.user.has_permission(READ_IDENTITY, obj=complaint))


def _clean(data):
    unknown = set(data) - set(IDENTITY_FIELDS)
    if unknown:
        raise ValueError(f"Not identity fields: {sorted(unknown)}")
    return {name: (data.get(name) or "").strip() for name in IDENTITY_FIELDS}


def store_identity(complaint, data, user_id=None):
    """Encrypt and keep the identity (replacing what was there); logged."""
    plain = json.dumps(_clean(data), ensure_ascii=False, sort_keys=True).encode("utf-8")
    setattr(complaint, ATTRIBUTE, crypto.encrypt(plain))
    accesslog.log_access(complaint, accesslog.STORE, user_id=user_id)


def _decrypt(complaint):
    token = getattr(complaint, ATTRIBUTE, None)
    if not token:
        return dict.fromkeys(IDENTITY_FIELDS, "")
    return {**dict.fromkeys(IDENTITY_FIELDS, ""), **json.loads(crypto.decrypt(token))}


def read_identity(complaint, detail=""):
    """The identity for someone holding the permission; every call is logged."""
    if not may_read_identity(complaint):
        raise Unauthorized(READ_IDENTITY)
    identity = _decrypt(complaint)
    accesslog.log_access(complaint, accesslog.READ, detail=detail)
    return identity


def identity_for_notice(complaint, detail, user_id=None):
    """The identity the system needs to write to the complainant (a notice); logged."""
    identity = _decrypt(complaint)
    accesslog.log_access(complaint, accesslog.NOTICE, detail=detail, user_id=user_id)
    return identity


# What stays of a free text after the retention period.
ERASED_TEXT = "[dihapus: masa retensi / erased: retention]"
# A party complained about that is a person is personal data too.
PERSONAL_PARTY_KINDS = ("perorangan",)


def erase_identity(complaint, user_id=None, detail=""):
    """Anonymise the case for good (retention); logged. What stays is what the statistics and
    the audit need: channel, right, kind of party, place, dates, states, and who did what when.

    Gone: the identity; every file; the chronology; the handling log's notes and documents;
    the comments of the workflow history (they hold the notices' details); the name of a
    party complained about that is a person.
    """
    from kemenkumham.ham.complaints.attachments import erase_identity_attachments
    from kemenkumham.ham.complaints.handling import erase_details

    if hasattr(complaint, ATTRIBUTE):
        delattr(complaint, ATTRIBUTE)
    removed_files = erase_identity_attachments(complaint)
    erase_details(complaint)
    complaint.chronology = ERASED_TEXT
    if complaint.party_kind in PERSONAL_PARTY_KINDS:
        complaint.party_complained_about = ERASED_TEXT
    _erase_history_comments(complaint)
    setattr(complaint, ERASED_ATTRIBUTE, today())
    complaint.reindexObject()
    accesslog.log_access(complaint, accesslog.ERASE, detail=detail, user_id=user_id)
    return removed_files


def _erase_history_comments(complaint):
    history = getattr(complaint, "workflow_history", None) or {}
    for workflow_id, entries in list(history.items()):
        history[workflow_id] = tuple(
            {**entry, "comments": ERASED_TEXT} if entry.get("comments") else entry
            for entry in entries
        )


def reencrypt_identity(complaint):
    """After a key rotation: the same identity under the first key (not logged: not read)."""
    token = getattr(complaint, ATTRIBUTE, None)
    if token:
        setattr(complaint, ATTRIBUTE, crypto.reencrypt(token))
