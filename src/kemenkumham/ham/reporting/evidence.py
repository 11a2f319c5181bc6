"""Evidence files (data dukung) of a report row: allowed types, size limit, stored as blobs.

Editors set the allowed extensions and the size limit in the control panel. A file must also
look like what its name says (a PDF starts with %PDF, an image with its signature): a program
renamed to laporan.pdf is refused.
"""

from kemenkumham.ham import _
from kemenkumham.ham.clock import now
from kemenkumham.ham.content.validation import FieldError
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile

import mimetypes
import uuid


DEFAULT_EXTENSIONS = (
    "pdf",
    "jpg",
    "jpeg",
    "png",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "odt",
    "ods",
    "ppt",
    "pptx",
    "csv",
)
DEFAULT_MAX_SIZE_MB = 10

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
}
# Programs and scripts, whatever their name says.
EXECUTABLE = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")


def allowed_extensions():
    value = api.portal.get_registry_record("kemenkumham.ham.evidence_extensions", default=None)
    return tuple(ext.strip().lower().lstrip(".") for ext in (value or DEFAULT_EXTENSIONS))


def max_size_bytes():
    value = api.portal.get_registry_record("kemenkumham.ham.evidence_max_size_mb", default=None)
    return int(value or DEFAULT_MAX_SIZE_MB) * 1024 * 1024


# What file_problem finds wrong with a file (each caller words its own message).
BAD_TYPE = "type"
TOO_LARGE = "size"
EMPTY = "empty"
BAD_CONTENT = "content"


def extension_of(filename):
    filename = (filename or "").strip()
    return filename.rpartition(".")[2].lower() if "." in filename else ""


def file_problem(filename, data, allowed, limit):
    """None, or what is wrong: BAD_TYPE (name not of an allowed type), TOO_LARGE (over limit
    bytes), EMPTY, BAD_CONTENT (content not what the name says, or a program whatever its
    name)."""
    filename = (filename or "").strip()
    extension = extension_of(filename)
    if not filename or extension not in allowed:
        return BAD_TYPE
    if len(data) > limit:
        return TOO_LARGE
    if not data:
        return EMPTY
    signatures = SIGNATURES.get(extension)
    looks_wrong = signatures is not None and not data.startswith(signatures)
    if looks_wrong or data.startswith(EXECUTABLE):
        return BAD_CONTENT
    return None


def check_file(code, filename, data):
    """Refuse a file of a forbidden type or over the limit; the message names the row."""
    filename = (filename or "").strip()
    extension = extension_of(filename)
    allowed = allowed_extensions()
    limit = max_size_bytes()
    problem = file_problem(filename, data, allowed, limit)
    if problem == BAD_TYPE:
        raise FieldError(
            _(
                "error_evidence_type",
                default="Indicator ${code}: the file '${filename}' is not allowed; allowed "
                "types: ${allowed}.",
                mapping={"code": code, "filename": filename, "allowed": ", ".join(allowed)},
            )
        )
    if problem == TOO_LARGE:
        raise FieldError(
            _(
                "error_evidence_size",
                default="Indicator ${code}: the file '${filename}' is larger than ${limit} MB.",
                mapping={"code": code, "filename": filename, "limit": limit // (1024 * 1024)},
            )
        )
    if problem == EMPTY:
        raise FieldError(
            _(
                "error_evidence_empty",
                default="Indicator ${code}: the file '${filename}' is empty.",
                mapping={"code": code, "filename": filename},
            )
        )
    if problem == BAD_CONTENT:
        raise FieldError(
            _(
                "error_evidence_content",
                default="Indicator ${code}: the content of '${filename}' is not a ${extension} "
                "file.",
                mapping={"code": code, "filename": filename, "extension": extension.upper()},
            )
        )


def new_evidence(code, filename, data, content_type=None, actor=None):
    """A checked evidence entry: the file as a blob, who added it and when."""
    check_file(code, filename, data)
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return PersistentMapping(
        id=uuid.uuid4().hex[:12],
        file=NamedBlobFile(data=data, contentType=content_type, filename=filename),
        added=now().isoformat(timespec="seconds"),
        added_by=actor or "",
    )


def evidence_info(entry, url=None):
    """What a listing or REST shows of an evidence file."""
    blob = entry["file"]
    info = {
        "id": entry["id"],
        "filename": blob.filename,
        "content-type": blob.contentType,
        "size": blob.getSize(),
        "added": entry.get("added", ""),
    }
    if url:
        info["download"] = f"{url}/@@evidence/{entry['id']}"
    return info
