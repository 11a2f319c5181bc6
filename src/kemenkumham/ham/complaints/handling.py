"""The handling log of a complaint: every action taken, with its date, actor and document.

Entries are added, never edited or removed: a correction is a new entry that says so. The
optional document (a clarification letter, minutes of a coordination meeting, a notice) is kept
encrypted with the complaint's other files (attachments.add_attachment, kind ``document``).

The log lives on the complaint (not in the catalog): a note may mention people.
"""

from datetime import date
from kemenkumham.ham import _
from kemenkumham.ham.clock import now
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints import attachments
from kemenkumham.ham.complaints.accesslog import current_user_id
from kemenkumham.ham.complaints.identity import ERASED_TEXT
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from zope.i18n import translate

import uuid


CLARIFICATION_LETTER = "clarification_letter"
COORDINATION_MEETING = "coordination_meeting"
MEDIATION = "mediation"
RECOMMENDATION = "recommendation"
NOTICE = "notice"
OTHER = "other"

KIND_TITLES = {
    CLARIFICATION_LETTER: _("handling_clarification_letter", default="Clarification letter"),
    COORDINATION_MEETING: _(
        "handling_coordination_meeting", default="Coordination meeting (Rakorsul)"
    ),
    MEDIATION: _("handling_mediation", default="Mediation"),
    RECOMMENDATION: _("handling_recommendation", default="Recommendation"),
    NOTICE: _("handling_notice", default="Notice to the complainant"),
    OTHER: _("handling_other", default="Other action"),
}
KINDS = tuple(KIND_TITLES)

ATTRIBUTE = "_ham_handling_log"
MAX_NOTE = 5000


class InvalidEntry(ValueError):
    """The entry is refused; `message` says why (an i18n message)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def bilingual(message, context=None):
    """Indonesian first, then English (once when both are the same)."""
    texts = [translate(message, target_language=lang, context=context) for lang in ("id", "en")]
    return " / ".join(dict.fromkeys(texts))


def _log(complaint, create=False):
    log = getattr(complaint, ATTRIBUTE, None)
    if log is None and create:
        log = PersistentList()
        setattr(complaint, ATTRIBUTE, log)
    return log if log is not None else ()


def validate(kind, day, note):
    """Raise InvalidEntry for what the log does not take."""
    if kind not in KINDS:
        raise InvalidEntry(_("error_handling_kind", default="Choose the kind of action."))
    if not isinstance(day, date):
        raise InvalidEntry(
            _("error_handling_date", default="Give the date of the action (YYYY-MM-DD).")
        )
    if day > today():
        raise InvalidEntry(
            _("error_handling_date_future", default="The date of the action is in the future.")
        )
    if len(note or "") > MAX_NOTE:
        raise InvalidEntry(
            _(
                "error_handling_note_long",
                default="The note is too long (at most ${max} characters).",
                mapping={"max": MAX_NOTE},
            )
        )


def add_entry(complaint, kind, day, note="", document=None, actor=None):
    """Log one action; `document` is (filename, bytes[, content type]). Returns the entry."""
    note = (note or "").strip()
    validate(kind, day, note)
    actor = actor or current_user_id()
    document_id = None
    if document is not None:
        filename, data, *rest = document
        document_id = attachments.add_attachment(
            complaint,
            attachments.DOCUMENT,
            filename,
            data,
            content_type=rest[0] if rest else None,
            user_id=actor,
        )
    entry = PersistentMapping(
        id=uuid.uuid4().hex[:12],
        kind=kind,
        date=day,
        actor=actor,
        note=note,
        document_id=document_id,
        recorded=now().isoformat(timespec="seconds"),
    )
    _log(complaint, create=True).append(entry)
    return dict(entry)


ERASED_NOTE = ERASED_TEXT


def erase_details(complaint):
    """Retention: the notes (free text that may name people) and the links to the removed
    documents go; kind, date and actor of each action stay. Returns how many entries."""
    log = _log(complaint)
    for entry in log:
        if entry.get("note"):
            entry["note"] = ERASED_NOTE
        entry["document_id"] = None
    return len(log)


def entries(complaint):
    """The log, oldest first, as plain dicts (changing them changes nothing)."""
    return [dict(entry) for entry in _log(complaint)]
