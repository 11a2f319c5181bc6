"""Notices to the complainant when the office decides (mark_incomplete, decline,
find_no_violation, recommend).

The officer writes the details (what is missing, where the complaint is referred, the findings,
the recommendation) in the transition's comment. The notice is made from the office's template
(letters.py), filed in the handling log with the letter as its document, and e-mailed after the
commit to the complainant's own address only, when they gave one (reading it is logged). Nobody
else ever gets the identity; the subject names the case number only.
"""

from kemenkumham.ham import logger
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints import handling
from kemenkumham.ham.complaints import identity
from kemenkumham.ham.complaints import letters
from kemenkumham.ham.complaints.crypto import CannotDecrypt
from kemenkumham.ham.complaints.crypto import KeyMissing
from kemenkumham.ham.complaints.mail import send_to_complainant
from zope.i18n import translate


# transition -> (letter template, the placeholder the comment fills, handling-log kind)
NOTICES = {
    "mark_incomplete": (letters.INCOMPLETE, "missing", handling.NOTICE),
    "decline": (letters.NOT_COMPETENT, "referral", handling.NOTICE),
    "find_no_violation": (letters.NO_VIOLATION, "findings", handling.NOTICE),
    "recommend": (letters.RECOMMENDATION, "recommendation", handling.RECOMMENDATION),
}


def notice_filename(complaint, template_id, day):
    return f"{template_id}-{complaint.registration_number or complaint.getId()}-{day}.txt"


def complainant_email(complaint, detail):
    """The complainant's own address (logged as a notice read), or ''."""
    if not identity.has_identity(complaint):
        return ""
    try:
        data = identity.identity_for_notice(complaint, detail)
    except (KeyMissing, CannotDecrypt):
        logger.error("Notice of %s not e-mailed: the complaint key is missing", complaint.getId())
        return ""
    return (data.get("email") or "").strip()


def notice_subject(complaint, template_id):
    title = letters.TITLES[template_id]
    texts = [translate(title, target_language=lang) for lang in ("id", "en")]
    return f"{complaint.Title()}: {' / '.join(dict.fromkeys(texts))}"


def send_notice(complaint, event):
    """After a decision: make the notice, file it, e-mail it to the complainant."""
    if event.transition is None or event.transition.id not in NOTICES:
        return
    template_id, placeholder, kind = NOTICES[event.transition.id]
    comment = (event.kwargs or {}).get("comment", "") or ""
    text = letters.render(template_id, complaint, **{placeholder: comment})
    day = today()
    note = translate(letters.TITLES[template_id], context=getattr(complaint, "REQUEST", None))
    handling.add_entry(
        complaint,
        kind,
        day,
        note=str(note),
        document=(
            notice_filename(complaint, template_id, day),
            text.encode("utf-8"),
            "text/plain",
        ),
    )
    send_to_complainant(
        complaint,
        lambda: complainant_email(complaint, detail=f"notice {template_id}"),
        notice_subject(complaint, template_id),
        text,
    )
