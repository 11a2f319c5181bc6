"""Files of a complaint (evidence, identity document, power of attorney), encrypted at rest.

Their content and their names (a scan called KTP_<name>.pdf names the complainant) are
encrypted with the complaint key; what stays in clear is the kind, the size and when it was
added. Identity documents are read like the identity: with the permission
``kemenkumham.ham: Read complainant identity`` and an entry in the access log.
"""

from AccessControl import Unauthorized
from kemenkumham.ham.clock import now
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import may_read_identity
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from ZODB.blob import Blob

import json
import mimetypes
import uuid


EVIDENCE = "evidence"
IDENTITY_DOCUMENT = "identity_document"
POWER_OF_ATTORNEY = "power_of_attorney"
DOCUMENT = "document"  # letters and minutes of the handling log
KINDS = (EVIDENCE, IDENTITY_DOCUMENT, POWER_OF_ATTORNEY, DOCUMENT)
IDENTITY_KINDS = (IDENTITY_DOCUMENT, POWER_OF_ATTORNEY)
# What retention removes: the identity documents, and the letters and minutes of the handling
# log, which are addressed to the complainant or name them.
# Retention removes every file: evidence too (photos, letters, statements name people).
ERASED_KINDS = KINDS

ATTRIBUTE = "_ham_attachments"

# The type a file is served with comes from its name, never from what the uploading browser
# or REST client claimed: a "bukti.pdf" sent as text/html must not reach an officer's browser
# as a web page. Any other name is served as bytes to save.
SERVED_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
BINARY = "application/octet-stream"


def served_content_type(filename):
    """The Content-Type a file of this name is served with."""
    name = (filename or "").strip().lower()
    extension = name.rpartition(".")[2] if "." in name else ""
    return SERVED_TYPES.get(extension, BINARY)


def _entries(complaint, create=False):
    entries = getattr(complaint, ATTRIBUTE, None)
    if entries is None and create:
        entries = PersistentList()
        setattr(complaint, ATTRIBUTE, entries)
    return entries if entries is not None else []


def add_attachment(complaint, kind, filename, data, content_type=None, user_id=None):
    """Encrypt and keep a file (checked by the caller); returns its id."""
    if kind not in KINDS:
        raise ValueError(kind)
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    meta = json.dumps({"filename": filename, "content_type": content_type}).encode("utf-8")
    blob = Blob()
    with blob.open("w") as stream:
        stream.write(crypto.encrypt(bytes(data)))
    entry = PersistentMapping(
        id=uuid.uuid4().hex[:12],
        kind=kind,
        size=len(data),
        meta=crypto.encrypt(meta),
        blob=blob,
        added=now().isoformat(timespec="seconds"),
        added_by=user_id or accesslog.current_user_id(),
    )
    _entries(complaint, create=True).append(entry)
    if kind in IDENTITY_KINDS:
        accesslog.log_access(complaint, accesslog.STORE, detail=kind, user_id=user_id)
    return entry["id"]


def _may_open(complaint, entry):
    if entry["kind"] in IDENTITY_KINDS:
        return may_read_identity(complaint)
    return bool(api.user.has_permission("View", obj=complaint))


def list_attachments(complaint, kinds=None):
    """What a case page shows: id, kind, size, added, and the file name of evidence and
    documents to whoever may view the case. Identity documents show no name (it may name the
    complainant): only opening them, which is logged, reveals it."""
    listed = []
    for entry in _entries(complaint):
        if kinds and entry["kind"] not in kinds:
            continue
        info = {key: entry[key] for key in ("id", "kind", "size", "added")}
        if entry["kind"] not in IDENTITY_KINDS and _may_open(complaint, entry):
            info.update(json.loads(crypto.decrypt(entry["meta"])))
        listed.append(info)
    return listed


def open_attachment(complaint, attachment_id):
    """(filename, content_type, data) for whoever may open it; identity documents are logged."""
    for entry in _entries(complaint):
        if entry["id"] != attachment_id:
            continue
        if not _may_open(complaint, entry):
            raise Unauthorized(attachment_id)
        meta = json.loads(crypto.decrypt(entry["meta"]))
        with entry["blob"].open("r") as stream:
            data = crypto.decrypt(stream.read())
        if entry["kind"] in IDENTITY_KINDS:
            accesslog.log_access(complaint, accesslog.DOWNLOAD, detail=entry["kind"])
        return meta["filename"], meta["content_type"], data
    raise KeyError(attachment_id)


def erase_identity_attachments(complaint):
    """Remove every file (identity documents, powers of attorney, evidence, handling
    documents); returns how many."""
    entries = _entries(complaint)
    keep = [entry for entry in entries if entry["kind"] not in ERASED_KINDS]
    removed = len(entries) - len(keep)
    if removed:
        entries[:] = keep
    return removed


def reencrypt_attachments(complaint):
    """After a key rotation: every file and its name under the first key; returns how many."""
    entries = _entries(complaint)
    for entry in entries:
        entry["meta"] = crypto.reencrypt(entry["meta"])
        with entry["blob"].open("r") as stream:
            token = crypto.reencrypt(stream.read())
        with entry["blob"].open("w") as stream:
            stream.write(token)
    return len(entries)
