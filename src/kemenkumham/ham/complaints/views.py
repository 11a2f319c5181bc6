"""Pages of the complaint intake: the public form, its success page, the status check, the
officers' intake form and the Pengaduan section's landing page.

Plain HTML forms (multipart/form-data POST with the _authenticator token): they work without
JavaScript and on a slow connection. Labels and messages are shown in Indonesian with the
English beneath.
"""

from functools import cached_property
from kemenkumham.ham import _
from kemenkumham.ham.complaints import intake
from kemenkumham.ham.complaints import status
from kemenkumham.ham.complaints.attachments import EVIDENCE
from kemenkumham.ham.complaints.attachments import IDENTITY_DOCUMENT
from kemenkumham.ham.complaints.attachments import POWER_OF_ATTORNEY
from kemenkumham.ham.complaints.dates import long_date
from kemenkumham.ham.complaints.dates import reader_language
from kemenkumham.ham.permissions import HANDLE_COMPLAINTS
from kemenkumham.ham.structure import STATISTICS_SECTION
from kemenkumham.ham.vocabularies import ComplaintChannels
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


ADD_COMPLAINT = "kemenkumham.ham: Add Complaint"
NO_STORE = "no-store"


def both(message):
    """{"id": Indonesian, "en": English} of a message, for a label or an error."""
    text_id, text_en = intake.bilingual(message)
    return {"id": text_id, "en": text_en, "same": text_id == text_en}


def _field(name, kind, label, help=None, required=False, autocomplete=None, **extra):
    return {
        "name": name,
        "kind": kind,
        "label": label,
        "help": help,
        "required": required,
        "autocomplete": autocomplete,
        **extra,
    }


def _options(vocabulary):
    return [(term.value, term.title) for term in getUtility(IVocabularyFactory, vocabulary)(None)]


ID_KIND_OPTIONS = [
    ("nik", _("id_kind_nik", default="NIK (KTP), 16 digits")),
    ("sim", _("id_kind_sim", default="Driving licence (SIM)")),
    ("paspor", _("id_kind_paspor", default="Passport")),
    ("lainnya", _("id_kind_lainnya", default="Other identity document")),
]
# The channels an officer records (online complaints come through the public form).
STAFF_CHANNEL_OPTIONS = [
    (token, title) for token, title in ComplaintChannels.terms if token in intake.STAFF_CHANNELS
]

# Texts of the public pages, shown in Indonesian with the English beneath (view.text(msgid)).
# Declared here, not in the templates, so that the catalogues pick them up.
PAGE_TEXTS = {
    str(message): message
    for message in (
        _(
            "heading_complaint_form",
            default="Complaint of an alleged human-rights violation",
        ),
        _("heading_complaint_staff_intake", default="Record a complaint"),
        _(
            "help_complaint_form",
            default="Fields marked (required) must be filled in. The form works without "
            "JavaScript, and you can use it with the keyboard only.",
        ),
        _("button_complaint_submit", default="Send the complaint"),
        _("button_complaint_record", default="Record the complaint"),
        _("heading_complaint_registered", default="Your complaint has been received"),
        _(
            "help_complaint_write_down",
            default="Write this number down or take a picture of it. It is your only key to "
            "check the status of your complaint. The office cannot tell it to anyone who asks.",
        ),
        _(
            "help_complaint_number_mailed",
            default="The number is also sent to the e-mail address you gave.",
        ),
        _("heading_complaint_status", default="Status of a complaint"),
        _(
            "help_complaint_status_number",
            default="The number you received when you sent the complaint, e.g. "
            "PHAM-7K2QD-M9X4T-B1RZC-EW6PA-H3NV8-J.",
        ),
        _(
            "info_complaint_status_unknown",
            default="No complaint with this number was found. Check the number and try again.",
        ),
        _("button_complaint_status", default="Check"),
        _(
            "help_complaints_landing",
            default="Anyone may complain to the office about an alleged human-rights "
            "violation. Your identity is encrypted and read only by the complaint officers.",
        ),
        _("link_complaint_form", default="File a complaint"),
        _("link_complaint_status", default="Check the status of a complaint"),
        _(
            "link_complaint_staff_intake",
            default="Record a complaint received in person, by letter, or ex officio",
        ),
        _("link_complaint_cases", default="Complaint cases"),
        _("link_complaint_statistics", default="Complaint statistics"),
        _("label_registration_number", default="Registration number"),
        _("label_complaint_state", default="State"),
        _("label_received_date", default="Date received"),
        _("label_complaint_last_change", default="Last change"),
        _("label_complaint_deadline", default="Legal deadline of this stage"),
        _("heading_complaint_status_result", default="Your complaint"),
        _("label_complaint_honeypot", default="Leave this field empty"),
    )
}


def page_text(msgid):
    return both(PAGE_TEXTS[msgid])


CONSENT = _("legend_complaint_consent", default="Consent")

FILES_AGAIN = _(
    "help_complaint_files_again",
    default="For your safety files are not kept when a submission is refused: please choose "
    "them again.",
)


def fieldsets(public=True):
    """The form's fieldsets: (id, legend, help, [field])."""
    complainant_required = public
    sets = []
    if not public:
        sets.append(
            (
                "receipt",
                _("legend_complaint_receipt", default="How the complaint was received"),
                None,
                [
                    _field(
                        "channel",
                        "select",
                        _("label_channel", default="Channel"),
                        required=True,
                        options=STAFF_CHANNEL_OPTIONS,
                    ),
                    _field(
                        "received_date",
                        "date",
                        _("label_received_date", default="Date received"),
                        _(
                            "help_complaint_received_date",
                            default="A letter: the day it arrived. Empty: today. Not in the "
                            "future.",
                        ),
                    ),
                ],
            )
        )
    sets += [
        (
            "complainant",
            _("legend_complaint_complainant", default="About you (the complainant)"),
            _(
                "help_complaint_complainant",
                default="Your identity is encrypted and only the complaint officers can read it.",
            )
            if public
            else _(
                "help_complaint_complainant_staff",
                default="Optional for an ex-officio case. Encrypted; only complaint officers "
                "read it.",
            ),
            [
                _field(
                    "complainant_name",
                    "text",
                    _("label_complainant_name", default="Full name"),
                    required=complainant_required,
                    autocomplete="name",
                ),
                _field(
                    "id_kind",
                    "select",
                    _("label_id_kind", default="Kind of identity document"),
                    required=complainant_required,
                    options=ID_KIND_OPTIONS,
                ),
                _field(
                    "id_number",
                    "text",
                    _("label_id_number", default="Identity number"),
                    _("help_id_number", default="NIK: the 16 digits on your KTP."),
                    required=complainant_required,
                    autocomplete="off",
                    inputmode="text",
                ),
                _field(
                    "address",
                    "textarea",
                    _("label_address", default="Address"),
                    autocomplete="street-address",
                    rows=2,
                ),
                _field(
                    "phone",
                    "tel",
                    _("label_phone", default="Telephone"),
                    _(
                        "help_complaint_contact",
                        default="Give a telephone number or an e-mail address (at least one).",
                    )
                    if public
                    else None,
                    autocomplete="tel",
                ),
                _field(
                    "email",
                    "email",
                    _("label_email", default="E-mail"),
                    _(
                        "help_complaint_email",
                        default="The registration number is sent to this address.",
                    ),
                    autocomplete="email",
                ),
                _field(
                    IDENTITY_DOCUMENT,
                    "file",
                    _("label_identity_document", default="Copy of the identity document"),
                    _("help_identity_document", default="Optional. PDF, JPG or PNG."),
                ),
            ],
        ),
        (
            "representative",
            _("legend_complaint_representative", default="Representative (kuasa), if any"),
            _(
                "help_complaint_representative",
                default="Only if someone complains on behalf of the victim: then a power of "
                "attorney (surat kuasa) is required.",
            ),
            [
                _field(
                    "representative_name",
                    "text",
                    _("label_representative_name", default="Name of the representative"),
                    autocomplete="off",
                ),
                _field(
                    "representative_id_number",
                    "text",
                    _("label_representative_id_number", default="Representative's identity number"),
                    autocomplete="off",
                ),
                _field(
                    "representative_contact",
                    "text",
                    _("label_representative_contact", default="Representative's contact"),
                    autocomplete="off",
                ),
                _field(
                    POWER_OF_ATTORNEY,
                    "file",
                    _("label_power_of_attorney", default="Power of attorney (surat kuasa)"),
                ),
            ],
        ),
        (
            "incident",
            _("legend_complaint_incident", default="What happened"),
            None,
            [
                _field(
                    "party_complained_about",
                    "text",
                    _("label_party_complained_about", default="Party complained about"),
                    _(
                        "help_party_complained_about",
                        default="The person, body or company you complain about.",
                    ),
                    required=True,
                    autocomplete="off",
                ),
                _field(
                    "party_kind",
                    "select",
                    _("label_party_kind", default="Kind of party complained about"),
                    required=True,
                    options=_options("kemenkumham.ham.party_kinds"),
                ),
                _field(
                    "right_concerned",
                    "select",
                    _("label_right_concerned", default="Right concerned"),
                    _("help_right_concerned", default="The basic rights of UU 39/1999."),
                    required=True,
                    options=_options("kemenkumham.ham.basic_rights"),
                ),
                _field(
                    "incident_place",
                    "text",
                    _("label_incident_place", default="Place of the incident"),
                    required=True,
                    autocomplete="off",
                ),
                _field(
                    "incident_date",
                    "date",
                    _("label_incident_date", default="Date of the incident"),
                    _(
                        "help_incident_date_picker",
                        default="Not in the future. If no calendar opens, type the date as "
                        "YYYY-MM-DD, e.g. 2025-02-03.",
                    ),
                    required=public,
                ),
                _field(
                    "chronology",
                    "textarea",
                    _("label_chronology", default="Chronology"),
                    _(
                        "help_chronology",
                        default="What happened, when, to whom, in your own words. Plain text "
                        "only, at most 20000 characters.",
                    ),
                    required=True,
                    rows=10,
                    maxlength=20000,
                ),
                _field(
                    "witnesses",
                    "textarea",
                    _("label_witnesses", default="Witnesses"),
                    _(
                        "help_complaint_witnesses",
                        default="Optional: names and contacts of witnesses (encrypted like "
                        "your identity).",
                    ),
                    rows=3,
                ),
                _field(
                    EVIDENCE,
                    "file",
                    _("label_evidence", default="Evidence files"),
                    _(
                        "help_complaint_evidence",
                        default="Optional. PDF, images or office documents; several files may "
                        "be chosen. Programs are refused.",
                    ),
                    multiple=True,
                ),
            ],
        ),
    ]
    if public:
        sets.append(
            (
                "consent",
                CONSENT,
                _(
                    "help_complaint_consent",
                    default="The office processes your personal data only to handle this "
                    "complaint, under Permenkumham 23/2022 on the handling of alleged "
                    "human-rights violations and UU 27/2022 on personal data protection. Only "
                    "complaint officers read your identity, and every reading is recorded.",
                ),
                [
                    _field(
                        "consent",
                        "checkbox",
                        _(
                            "label_complaint_consent",
                            default="I agree that my personal data is processed to handle "
                            "this complaint.",
                        ),
                        required=True,
                        summary_label=CONSENT,
                    ),
                ],
            )
        )
    else:
        sets.append(
            (
                "consent",
                CONSENT,
                None,
                [
                    _field(
                        "consent_recorded",
                        "checkbox",
                        _(
                            "label_complaint_consent_recorded",
                            default="The complainant agreed (in person or in the letter) that "
                            "their data is processed to handle the complaint.",
                        ),
                        summary_label=CONSENT,
                    ),
                ],
            )
        )
    return sets


def uploads_of(request):
    """kind -> [(filename, bytes, content type)] of the form's files (read up to the limit+1)."""
    limit = (
        int(
            api.portal.get_registry_record("kemenkumham.ham.complaint_max_file_size_mb", default=10)
        )
        * 1024
        * 1024
    )
    files = {}
    for kind in intake.FILE_KINDS:
        raw = request.form.get(kind)
        items = raw if isinstance(raw, (list, tuple)) else [raw]
        for item in items:
            filename = getattr(item, "filename", None)
            if not filename or not hasattr(item, "read"):
                continue
            item.seek(0)
            data = item.read(limit + 1)
            content_type = (
                item.headers.get("content-type") if getattr(item, "headers", None) else None
            )
            files.setdefault(kind, []).append((filename, data, content_type))
    return files


class IntakeFormBase(BrowserView):
    public = True
    template = None

    errors = ()
    status_code = 200

    def __call__(self):
        self.errors = []
        # A refused form is shown again with the identity typed in it: never kept by a
        # browser (a shared computer) or a proxy.
        self.request.response.setHeader("Cache-Control", NO_STORE)
        if self.request.method == "POST":
            result = self.submit()
            if result is not None:
                return result
        if self.status_code != 200:
            self.request.response.setStatus(self.status_code)
        return self.template()

    def submit(self):
        raise NotImplementedError

    @cached_property
    def fieldsets(self):
        rendered = []
        errors = self.errors_by_field
        for fieldset_id, legend, help, fields in fieldsets(self.public):
            items = []
            for spec in fields:
                name = spec["name"]
                items.append(
                    {
                        **spec,
                        "id": f"field-{name}",
                        "help_id": f"help-{name}" if spec["help"] else None,
                        "error_id": f"error-{name}" if name in errors else None,
                        "label": both(spec["label"]),
                        "help": both(spec["help"]) if spec["help"] else None,
                        "errors": errors.get(name, []),
                        "value": self.value(name),
                        "checked": self.checked(name),
                        "options": [
                            (value, both(title)) for value, title in spec.get("options", ())
                        ],
                    }
                )
            rendered.append(
                {
                    "id": f"fieldset-{fieldset_id}",
                    "legend": both(legend),
                    "help": both(help) if help else None,
                    "fields": items,
                }
            )
        return rendered

    @cached_property
    def errors_by_field(self):
        grouped = {}
        for error in self.errors:
            grouped.setdefault(error["field"], []).append(error)
        return grouped

    def described_by(self, field):
        ids = [field["help_id"], field["error_id"]]
        return " ".join(i for i in ids if i) or None

    def value(self, name):
        if self.request.method != "POST" or name in intake.FILE_KINDS:
            return ""
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def checked(self, name):
        return self.request.method == "POST" and bool(self.request.form.get(name))

    @property
    def required_text(self):
        return both(_("label_required_field", default="required"))

    @property
    def files_again(self):
        return both(FILES_AGAIN)

    @property
    def error_summary_title(self):
        return both(
            _(
                "error_complaint_summary",
                default="The complaint was not sent. Please correct the following:",
            )
        )

    def text(self, msgid):
        return page_text(msgid)

    def field_title(self, name):
        for _id, _legend, _help, fields in fieldsets(self.public):
            for spec in fields:
                if spec["name"] == name:
                    # The error summary names a field shortly ("Consent", not its sentence).
                    return both(spec.get("summary_label") or spec["label"])
        return {"id": name, "en": name, "same": True}

    def _errors(self, errors):
        return intake.error_list(errors, self.request)

    def refuse(self, errors, status_code=400):
        order = [
            spec["name"]
            for _id, _legend, _help, fields in fieldsets(self.public)
            for spec in fields
        ]
        errors = sorted(
            errors, key=lambda error: order.index(error[0]) if error[0] in order else -1
        )
        self.errors = self._errors(errors)
        self.status_code = status_code
        return None

    def form_url(self):
        return f"{self.context.absolute_url()}/@@{self.__name__}"


class ComplaintFormView(IntakeFormBase):
    """@@complaint-form: anybody files a complaint."""

    template = ViewPageTemplateFile("templates/complaint_form.pt")
    registered_template = ViewPageTemplateFile("templates/complaint_registered.pt")
    public = True
    complaint = None
    retry_after = None

    def submit(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        try:
            intake.check_submission_rate(self.request)
        except intake.RateLimited as limited:
            self.request.response.setHeader("Retry-After", str(limited.retry_after))
            return self.refuse([("", intake.rate_limited_message(limited.retry_after))], 429)
        if intake.honeypot_filled(form):
            intake.count_submission(self.request)
            return self.refuse([("", intake.MESSAGE_HONEYPOT)], 400)
        try:
            submission = intake.validate(form, uploads_of(self.request), public=True)
        except intake.Refused as refused:
            return self.refuse(refused.errors)
        try:
            complaint = intake.store_submission(submission)
        except intake.Unavailable:
            return self.refuse([("", intake.MESSAGE_UNAVAILABLE)], 503)
        intake.count_submission(self.request)
        self.complaint = complaint
        return self.registered_template()

    @property
    def ham_page_title(self):
        if self.complaint is not None:
            return PAGE_TEXTS["heading_complaint_registered"]
        return PAGE_TEXTS["heading_complaint_form"]

    @property
    def number_groups(self):
        return self.complaint.registration_number.split("-") if self.complaint else []

    @property
    def status_url(self):
        return intake.status_url()

    @property
    def sent_email(self):
        return bool(self.request.form.get("email"))


class StaffIntakeView(IntakeFormBase):
    """@@complaint-staff-intake: an officer records a complaint received in person or by
    letter, or opens an ex-officio case."""

    ham_page_title = PAGE_TEXTS["heading_complaint_staff_intake"]

    template = ViewPageTemplateFile("templates/complaint_form.pt")
    public = False

    def submit(self):
        CheckAuthenticator(self.request)
        try:
            submission = intake.validate(self.request.form, uploads_of(self.request), public=False)
        except intake.Refused as refused:
            return self.refuse(refused.errors)
        try:
            complaint = intake.store_submission(submission)
        except intake.Unavailable:
            return self.refuse([("", intake.MESSAGE_UNAVAILABLE)], 503)
        api.portal.show_message(
            _(
                "info_complaint_recorded",
                default="The complaint was recorded as ${number}.",
                mapping={"number": complaint.registration_number},
            ),
            request=self.request,
        )
        self.request.response.redirect(complaint.absolute_url())
        return ""


class ComplaintStatusView(BrowserView):
    """@@complaint-status: a registration number -> state and dates only."""

    template = ViewPageTemplateFile("templates/complaint_status.pt")
    ham_page_title = PAGE_TEXTS["heading_complaint_status"]
    result = None
    asked = False
    limited_message = None

    def __call__(self):
        self.request.response.setHeader("Cache-Control", NO_STORE)
        number = self.request.form.get("number")
        if isinstance(number, str) and number.strip():
            self.asked = True
            try:
                intake.check_status_rate(self.request)
            except intake.RateLimited as limited:
                self.request.response.setStatus(429)
                self.request.response.setHeader("Retry-After", str(limited.retry_after))
                self.limited_message = both(intake.rate_limited_message(limited.retry_after))
                return self.template()
            complaint = status.find_complaint(number)
            if complaint is None:
                self.request.response.setStatus(404)
            else:
                found = status.public_status(complaint)
                found["state_title"] = both(found["state_title"])
                self.result = found
        return self.template()

    @property
    def number(self):
        number = self.request.form.get("number")
        return number.strip() if isinstance(number, str) else ""

    def text(self, msgid):
        return page_text(msgid)

    def date(self, value):
        """3 Maret 2025 (3 March 2025 on the English page)."""
        return long_date(value, reader_language(self.request))


class ComplaintsLandingView(BrowserView):
    """Layout of the Pengaduan section: the public links, and for officers their own."""

    template = ViewPageTemplateFile("templates/complaints_landing.pt")

    def __call__(self):
        return self.template()

    def text(self, msgid):
        return page_text(msgid)

    @property
    def section_url(self):
        return self.context.absolute_url()

    @property
    def statistics_url(self):
        """The Statistik page, whose last part counts the complaints (no case, no person)."""
        section = api.portal.get().get(STATISTICS_SECTION)
        if section is None:
            return None
        return f"{section.absolute_url()}#statistik-pengaduan"

    @property
    def can_add(self):
        return bool(api.user.has_permission(ADD_COMPLAINT, obj=self.context))

    @property
    def can_handle(self):
        # Handle complaints is granted on the complaints themselves (workflow); on the section
        # the officers are known by their right to record complaints.
        return self.can_add or bool(api.user.has_permission(HANDLE_COMPLAINTS, obj=self.context))
