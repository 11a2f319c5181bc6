"""Letters and notices of the complaint handling, from texts the office edits.

The texts live in the registry (IComplaintTemplates, control panel "Pengaduan") and use
``${placeholders}`` (string.Template). ``render(template_id, complaint, **extra)`` fills them;
a placeholder that is not known stays as it is in the text, so a typo shows instead of breaking
the letter. No placeholder gives the complainant's identity: letters are filed with the case
and shown to officers without reading the identity.
"""

from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints.dates import long_date
from plone import api
from zope import schema
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import Interface
from zope.schema.interfaces import IVocabularyFactory

import string


PLACEHOLDERS = (
    "registration_number",
    "received_date",
    "party_complained_about",
    "right",
    "incident_place",
    "office_name",
    "date",
    "due_date",
    "missing",
    "referral",
    "findings",
    "recommendation",
    "case_url",
)

PLACEHOLDER_HELP = _(
    "help_complaint_placeholders",
    default="Placeholders: ${registration_number}, ${received_date}, "
    "${party_complained_about}, ${right} (the right concerned), ${incident_place}, "
    "${office_name}, ${date} (the day the letter is made), ${due_date} (the deadline of the "
    "current state), ${missing} (what the file lacks), ${referral} (where the complaint is "
    "referred), ${findings}, ${recommendation}. The officer gives missing, referral, findings "
    "and recommendation when taking the decision. Unknown placeholders stay visible in the "
    "letter.",
)

REGISTERED = "registered"
INCOMPLETE = "incomplete"
NOT_COMPETENT = "not_competent"
NO_VIOLATION = "no_violation"
RECOMMENDATION = "recommendation"
TEMPLATE_IDS = (REGISTERED, INCOMPLETE, NOT_COMPETENT, NO_VIOLATION, RECOMMENDATION)

DEFAULTS = {
    REGISTERED: (
        "Pengaduan Anda telah kami terima dan dicatat dengan nomor registrasi "
        "${registration_number} pada tanggal ${received_date}.\n\n"
        "Simpan nomor ini: dengan nomor ini Anda dapat memeriksa status pengaduan Anda. "
        "Nomor ini bersifat rahasia; jangan bagikan kepada orang lain.\n\n"
        "Pemeriksaan administrasi dilakukan dalam 5 (lima) hari kerja.\n\n"
        "${office_name}"
    ),
    INCOMPLETE: (
        "Pemberitahuan kelengkapan berkas\n"
        "Nomor registrasi: ${registration_number}\n\n"
        "Berdasarkan pemeriksaan administrasi, berkas pengaduan Anda belum lengkap:\n"
        "${missing}\n\n"
        "Mohon lengkapi berkas paling lambat tanggal ${due_date} (10 hari kerja). Apabila "
        "sampai tanggal tersebut berkas belum dilengkapi, pengaduan dianggap dicabut.\n\n"
        "${office_name}, ${date}"
    ),
    NOT_COMPETENT: (
        "Pemberitahuan hasil pemeriksaan substansi\n"
        "Nomor registrasi: ${registration_number}\n\n"
        "Pengaduan Anda mengenai ${party_complained_about} tidak termasuk kewenangan kami. "
        "Pengaduan Anda kami sarankan untuk disampaikan kepada:\n${referral}\n\n"
        "${office_name}, ${date}"
    ),
    NO_VIOLATION: (
        "Pemberitahuan hasil penanganan pengaduan\n"
        "Nomor registrasi: ${registration_number}\n\n"
        "Setelah penanganan pengaduan Anda mengenai ${party_complained_about} (${right}), "
        "tidak ditemukan dugaan pelanggaran hak asasi manusia.\n${findings}\n\n"
        "${office_name}, ${date}"
    ),
    RECOMMENDATION: (
        "Rekomendasi\n"
        "Nomor registrasi: ${registration_number}\n\n"
        "Berdasarkan penanganan pengaduan yang diterima pada tanggal ${received_date} "
        "mengenai ${party_complained_about} (${right}), kami menyampaikan rekomendasi "
        "berikut:\n${recommendation}\n\n"
        "${office_name}, ${date}"
    ),
}

TITLES = {
    REGISTERED: _("letter_registered", default="Registration acknowledgement"),
    INCOMPLETE: _("letter_incomplete", default="Notice: file incomplete"),
    NOT_COMPETENT: _("letter_not_competent", default="Notice: not competent, with referral"),
    NO_VIOLATION: _("letter_no_violation", default="Notice: no violation found"),
    RECOMMENDATION: _("letter_recommendation", default="Recommendation"),
}


def _letter_field(template_id):
    return schema.Text(
        title=TITLES[template_id],
        description=PLACEHOLDER_HELP,
        required=True,
        default=DEFAULTS[template_id],
    )


class IComplaintTemplates(Interface):
    """Texts of the letters and notices (registry prefix kemenkumham.ham)."""

    complaint_letter_registered = _letter_field(REGISTERED)
    complaint_letter_incomplete = _letter_field(INCOMPLETE)
    complaint_letter_not_competent = _letter_field(NOT_COMPETENT)
    complaint_letter_no_violation = _letter_field(NO_VIOLATION)
    complaint_letter_recommendation = _letter_field(RECOMMENDATION)


def term_title(vocabulary_name, value, language="id"):
    """The title of a vocabulary term, in the letters' language (Indonesian)."""
    if not value:
        return ""
    try:
        factory = getUtility(IVocabularyFactory, name=vocabulary_name)
        term = factory(api.portal.get()).getTerm(value)
    except LookupError:
        return str(value)
    return translate(term.title, target_language=language)


def template_text(template_id):
    if template_id not in TEMPLATE_IDS:
        raise KeyError(template_id)
    text = api.portal.get_registry_record(
        f"kemenkumham.ham.complaint_letter_{template_id}", default=None
    )
    return text or DEFAULTS[template_id]


def values_of(complaint):
    from kemenkumham.ham.complaints.deadlines import deadline_of
    from kemenkumham.ham.complaints.deadlines import received_on

    right = term_title("kemenkumham.ham.basic_rights", getattr(complaint, "right_concerned", ""))
    due, _left = deadline_of(complaint)
    return {
        "registration_number": complaint.registration_number or "",
        "received_date": long_date(received_on(complaint)),
        "party_complained_about": getattr(complaint, "party_complained_about", "") or "",
        "right": right,
        "incident_place": getattr(complaint, "incident_place", "") or "",
        "office_name": api.portal.get_registry_record("kemenkumham.ham.office_name", default="")
        or "",
        "date": long_date(today()),
        "due_date": long_date(due),
        "case_url": complaint.absolute_url(),
    }


def render(template_id, complaint, **extra):
    """The letter `template_id` for `complaint`; `extra` adds or overrides placeholders."""
    values = values_of(complaint)
    for key, value in extra.items():
        values[key] = long_date(value) if hasattr(value, "isoweekday") else str(value or "")
    return string.Template(template_text(template_id)).safe_substitute(values)
