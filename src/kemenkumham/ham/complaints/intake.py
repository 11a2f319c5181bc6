"""Intake of complaints: one validation for the public form, the staff form and REST.

    submission = validate(form, files, public=True)   # or raises Refused (field errors)
    complaint = store_submission(submission)          # or raises Unavailable (no key)

Nothing is stored before every check passed: a refused request leaves no complaint, no file
and no access-log entry behind. Anti-spam needs no third party: a honeypot field that people
do not see (screen readers announce it as "leave empty") and a limit per network address
(``RateLimit``).

The rate limit counts in the memory of the process: with several Zope instances behind a load
balancer each instance counts its own submissions, so an address may send up to N times the
limit per hour (N instances). The address is ``request.getClientAddr()``: behind a proxy,
configure Zope's ``trusted-proxy`` so it is the visitor's address, not the proxy's.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timezone
from kemenkumham.ham import _
from kemenkumham.ham import logger
from kemenkumham.ham.clock import now
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints import attachments
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import IDENTITY_FIELDS
from kemenkumham.ham.complaints.identity import identity_for_notice
from kemenkumham.ham.complaints.identity import store_identity
from kemenkumham.ham.complaints.mail import configured as mail_configured
from kemenkumham.ham.complaints.mail import send_to_complainant
from kemenkumham.ham.reporting import evidence
from kemenkumham.ham.workflows.after_commit import after_commit
from kemenkumham.ham.workflows.notifications import group_emails
from kemenkumham.ham.workflows.notifications import send_mail
from plone import api
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import ipaddress
import math
import re
import secrets
import threading
import time


OFFICER_GROUP = "petugas-pengaduan"
SECTION = "pengaduan"
HONEYPOT = "website"

ID_KINDS = ("nik", "sim", "paspor", "lainnya")
PUBLIC_CHANNEL = "online"
STAFF_CHANNELS = ("langsung", "surat", "ex_officio")
EX_OFFICIO = "ex_officio"

FILE_KINDS = (attachments.EVIDENCE, attachments.IDENTITY_DOCUMENT, attachments.POWER_OF_ATTORNEY)
EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "doc", "docx", "odt", "xls", "xlsx", "ods")

CASE_FIELDS = (
    "party_complained_about",
    "party_kind",
    "right_concerned",
    "incident_place",
    "incident_date",
    "chronology",
)
MAX_LENGTH = {
    "complainant_name": 200,
    "id_number": 30,
    "address": 500,
    "phone": 30,
    "email": 254,
    "representative_name": 200,
    "representative_id_number": 30,
    "representative_contact": 300,
    "witnesses": 2000,
    "party_complained_about": 300,
    "incident_place": 300,
    "chronology": 20000,
}
EARLIEST_INCIDENT = date(1945, 1, 1)

# Markup in free text is refused, not stripped: a tag, a comment, an entity-encoded tag or a
# javascript: URL. A lone "<" as in "umur < 18" stays allowed.
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&lt;\s*[a-zA-Z/]|javascript\s*:", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]*$")
OTHER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")


class Refused(Exception):
    """Bad input: errors is a list of (field, message)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class RateLimited(Exception):
    """Too many submissions from one address; retry_after in seconds."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class Unavailable(Exception):
    """No key configured: complaints can be neither stored nor read."""


MESSAGE_HONEYPOT = _(
    "error_complaint_refused",
    default="The complaint could not be accepted. Please try again later or contact the office "
    "directly.",
)
MESSAGE_UNAVAILABLE = _(
    "error_complaint_unavailable",
    default="The online complaint service is temporarily unavailable. Please try again later "
    "or submit your complaint to the office in person or by letter.",
)


def bilingual(message):
    """(Indonesian, English) text of a message, whatever the request's language."""
    return (
        translate(message, target_language="id"),
        translate(message, target_language="en"),
    )


def error_list(errors, request=None):
    """Errors as REST and the pages show them: field, message (request's language), English."""
    listed = []
    for name, message in errors:
        text_id, text_en = bilingual(message)
        local = translate(message, context=request) if request is not None else text_id
        listed.append(
            {"field": name, "message": local, "message_id": text_id, "message_en": text_en}
        )
    return listed


# ---------------------------------------------------------------------------------------
# Rate limit


class RateLimit:
    """A sliding window per key: at most `limit` hits within `seconds`.

    Addresses that stopped sending are forgotten: at most every `sweep_every` seconds the
    windows with no hit left are dropped, so requests from many addresses (an IPv6 network
    has billions) do not make the memory grow for as long as the process lives.
    """

    def __init__(self, seconds=3600, sweep_every=60):
        self.seconds = seconds
        self.sweep_every = sweep_every
        self._hits = {}
        self._lock = threading.Lock()
        self._swept = time.monotonic()

    def _sweep(self, moment):
        if moment - self._swept < self.sweep_every:
            return
        self._swept = moment
        oldest = moment - self.seconds
        for key in [key for key, hits in self._hits.items() if not hits or hits[-1] <= oldest]:
            del self._hits[key]

    def _recent(self, key, moment):
        self._sweep(moment)
        hits = [hit for hit in self._hits.get(key, ()) if hit > moment - self.seconds]
        if hits:
            self._hits[key] = hits
        else:
            self._hits.pop(key, None)
        return hits

    def retry_after(self, key, limit):
        """0 when one more hit is allowed, else the seconds until it is."""
        moment = time.monotonic()
        with self._lock:
            hits = self._recent(key, moment)
            if len(hits) < limit:
                return 0
            return max(1, math.ceil(hits[-limit] + self.seconds - moment))

    def hit(self, key):
        moment = time.monotonic()
        with self._lock:
            self._recent(key, moment)
            self._hits.setdefault(key, []).append(moment)

    def reset(self):
        with self._lock:
            self._hits.clear()


# Complaints stored (and honeypot hits) per address: complaint_rate_limit an hour. Every POST
# counts too, against ATTEMPTS_PER_COMPLAINT times the limit, so someone correcting a refused
# form a few times is not locked out, but a flood of bad requests is.
ATTEMPTS_PER_COMPLAINT = 4
# Status checks per address and hour: STATUS_CHECKS_PER_COMPLAINT times the limit (probing).
STATUS_CHECKS_PER_COMPLAINT = 6

SUBMISSIONS = RateLimit()
ATTEMPTS = RateLimit()
STATUS_CHECKS = RateLimit()


def rate_limit():
    return int(api.portal.get_registry_record("kemenkumham.ham.complaint_rate_limit", default=5))


def client_address(request):
    """The key the rate limit counts: the visitor's IPv4 address, or the /64 network of an
    IPv6 address (one connection usually holds a whole /64: counting each address would let
    one visitor send without limit)."""
    address = (request.getClientAddr() or "").strip()
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def check_submission_rate(request):
    """Raise RateLimited when this address sent too much; else count the attempt."""
    address = client_address(request)
    limit = rate_limit()
    wait = max(
        SUBMISSIONS.retry_after(address, limit),
        ATTEMPTS.retry_after(address, limit * ATTEMPTS_PER_COMPLAINT),
    )
    if wait:
        logger.info("Complaint intake: rate limit reached by one address")
        raise RateLimited(wait)
    ATTEMPTS.hit(address)


def count_submission(request):
    SUBMISSIONS.hit(client_address(request))


def check_status_rate(request):
    address = client_address(request)
    wait = STATUS_CHECKS.retry_after(address, rate_limit() * STATUS_CHECKS_PER_COMPLAINT)
    if wait:
        raise RateLimited(wait)
    STATUS_CHECKS.hit(address)


def reset_rate_limits():
    for window in (SUBMISSIONS, ATTEMPTS, STATUS_CHECKS):
        window.reset()


def rate_limited_message(retry_after):
    return _(
        "error_complaint_rate_limited",
        default="Too many requests from your network address. Please wait ${minutes} minutes "
        "and try again, or contact the office directly.",
        mapping={"minutes": max(1, math.ceil(retry_after / 60))},
    )


# ---------------------------------------------------------------------------------------
# Validation


@dataclass
class Submission:
    fields: dict
    identity: dict
    files: list = field(default_factory=list)  # (kind, filename, bytes, content type)
    channel: str = PUBLIC_CHANNEL
    received_date: date = None
    consent: bool = False


def _vocabulary_tokens(name):
    return {term.token for term in getUtility(IVocabularyFactory, name)(None)}


def _text(form, name):
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return value.replace("\r\n", "\n").strip()


def _flag(form, name):
    value = form.get(name)
    if isinstance(value, bool):
        return value
    return _text(form, name).lower() in ("1", "on", "true", "yes", "ya")


def _parse_date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


REQUIRED = _("error_complaint_required", default="This field is required.")
DATE_FORMAT = _("error_complaint_date_format", default="Give a date as YYYY-MM-DD.")


def _checked_date(errors, name, value, future, earliest=None, too_early=None):
    """The date typed as YYYY-MM-DD, or None with the field's error added: not a date, in
    the future (message `future`), before `earliest` (message `too_early`)."""
    day = _parse_date(value)
    if day is None:
        errors.append((name, DATE_FORMAT))
    elif day > today():
        errors.append((name, future))
    elif earliest is not None and day < earliest:
        errors.append((name, too_early))
    else:
        return day
    return None


def _check_text(errors, name, value):
    """Length, control characters and markup of a free-text value."""
    if not value:
        return
    limit = MAX_LENGTH.get(name)
    if limit and len(value) > limit:
        errors.append(
            (
                name,
                _(
                    "error_complaint_too_long",
                    default="At most ${limit} characters (now ${length}).",
                    mapping={"limit": limit, "length": len(value)},
                ),
            )
        )
    elif MARKUP.search(value):
        errors.append(
            (
                name,
                _(
                    "error_complaint_markup",
                    default="HTML tags and scripts are not accepted. Please write plain text "
                    "only (remove the characters < and > around words).",
                ),
            )
        )
    elif CONTROL.search(value):
        errors.append(
            (
                name,
                _(
                    "error_complaint_control_chars",
                    default="The text contains invisible control characters; please type it again.",
                ),
            )
        )


def _check_id_number(errors, name, kind, number):
    compact = re.sub(r"[\s.-]", "", number)
    if kind == "nik":
        if not compact.isdigit() or len(compact) != 16:
            errors.append(
                (
                    name,
                    _(
                        "error_complaint_nik",
                        default="A NIK has exactly 16 digits (now ${length} characters).",
                        mapping={"length": len(compact)},
                    ),
                )
            )
            return number
        return compact
    if kind == "sim":
        if not compact.isdigit() or not 12 <= len(compact) <= 14:
            errors.append(
                (
                    name,
                    _(
                        "error_complaint_sim",
                        default="A driving licence (SIM) number has 12 to 14 digits.",
                    ),
                )
            )
        return compact
    if kind == "paspor":
        if not compact.isalnum() or not 6 <= len(compact) <= 12:
            errors.append(
                (
                    name,
                    _(
                        "error_complaint_passport",
                        default="A passport number has 6 to 12 letters and digits.",
                    ),
                )
            )
        return compact.upper()
    if not OTHER_ID.match(number) or not 3 <= len(number) <= 30:
        errors.append(
            (
                name,
                _(
                    "error_complaint_other_id",
                    default="An identity number has 3 to 30 letters, digits, spaces, dots, "
                    "slashes or hyphens.",
                ),
            )
        )
    return number


def file_message(filename, data, limit_mb):
    """None for an acceptable file, else the message saying what is wrong with it."""
    limit = limit_mb * 1024 * 1024
    mapping = {"filename": filename, "limit": limit_mb, "allowed": ", ".join(EXTENSIONS)}
    problem = evidence.file_problem(filename, data, EXTENSIONS, limit)
    if problem is None:
        return None
    if problem == evidence.BAD_TYPE:
        message = _(
            "error_complaint_file_type",
            default="The file '${filename}' is not of an accepted type; accepted: ${allowed}.",
            mapping=mapping,
        )
    elif problem == evidence.TOO_LARGE:
        message = _(
            "error_complaint_file_size",
            default="The file '${filename}' is larger than ${limit} MB.",
            mapping=mapping,
        )
    elif problem == evidence.EMPTY:
        message = _(
            "error_complaint_file_empty",
            default="The file '${filename}' is empty.",
            mapping=mapping,
        )
    else:  # evidence.BAD_CONTENT
        message = _(
            "error_complaint_file_content",
            default="The content of '${filename}' does not match its type, or it is a "
            "program. Programs are not accepted.",
            mapping=mapping,
        )
    return message


def _check_files(errors, files):
    """files: kind -> list of (filename, bytes, content type); empty uploads are ignored."""
    checked = []
    limit_mb = int(
        api.portal.get_registry_record("kemenkumham.ham.complaint_max_file_size_mb", default=10)
    )
    max_files = int(
        api.portal.get_registry_record("kemenkumham.ham.complaint_max_files", default=10)
    )
    for kind in FILE_KINDS:
        for filename, data, content_type in files.get(kind) or ():
            filename = (filename or "").replace("\\", "/").rpartition("/")[2].strip()
            if not filename and not data:
                continue
            message = file_message(filename, data, limit_mb)
            if message is None:
                checked.append((kind, filename, bytes(data), content_type or None))
                continue
            errors.append((kind, message))
    if len(checked) > max_files:
        errors.append(
            (
                attachments.EVIDENCE,
                _(
                    "error_complaint_too_many_files",
                    default="At most ${limit} files per complaint (now ${count}).",
                    mapping={"limit": max_files, "count": len(checked)},
                ),
            )
        )
    return checked


def validate(form, files=None, public=True):
    """Check a submission; return a Submission or raise Refused with every error found.

    form: field name -> text (the staff form adds channel, received_date, consent_recorded);
    files: kind (evidence, identity_document, power_of_attorney) -> [(filename, bytes, type)].
    """
    files = files or {}
    errors = []
    text = {name: _text(form, name) for name in (*IDENTITY_FIELDS, *CASE_FIELDS)}
    text["id_kind"] = text["id_kind"].lower()
    for name in MAX_LENGTH:
        _check_text(errors, name, text[name])

    if public:
        channel = PUBLIC_CHANNEL
        received = today()
        consent = _flag(form, "consent")
        if not consent:
            errors.append(
                (
                    "consent",
                    _(
                        "error_complaint_consent",
                        default="Without your consent the office cannot process the complaint.",
                    ),
                )
            )
    else:
        channel = _text(form, "channel")
        consent = _flag(form, "consent_recorded")
        received = None
        if channel not in STAFF_CHANNELS:
            errors.append(("channel", REQUIRED))
        received_text = _text(form, "received_date")
        if received_text:
            received = _checked_date(
                errors,
                "received_date",
                received_text,
                future=_(
                    "error_complaint_received_future",
                    default="The date received cannot be in the future.",
                ),
            )
        elif channel == "surat":
            errors.append(("received_date", REQUIRED))
        else:
            received = today()
    ex_officio = not public and channel == EX_OFFICIO

    # The complainant: required unless the office opens the case itself.
    if not ex_officio and not text["complainant_name"]:
        errors.append(("complainant_name", REQUIRED))
    if text["id_kind"] and text["id_kind"] not in ID_KINDS:
        errors.append(("id_kind", REQUIRED))
    if public or text["id_number"]:
        if not text["id_kind"]:
            errors.append(("id_kind", REQUIRED))
        if not text["id_number"]:
            errors.append(("id_number", REQUIRED))
    if text["id_number"] and text["id_kind"] in ID_KINDS:
        text["id_number"] = _check_id_number(
            errors, "id_number", text["id_kind"], text["id_number"]
        )
    if text["email"] and not EMAIL.match(text["email"]):
        errors.append(
            ("email", _("error_complaint_email", default="This is not an e-mail address."))
        )
    if text["phone"]:
        digits = re.sub(r"\D", "", text["phone"])
        if not PHONE.match(text["phone"]) or not 8 <= len(digits) <= 15:
            errors.append(
                (
                    "phone",
                    _(
                        "error_complaint_phone",
                        default="A telephone number has 8 to 15 digits (e.g. 0812 3456 7890 or "
                        "+62 812 3456 7890).",
                    ),
                )
            )
    if public and not text["phone"] and not text["email"]:
        errors.append(
            (
                "phone",
                _(
                    "error_complaint_contact",
                    default="Give a telephone number or an e-mail address so the office can "
                    "reach you.",
                ),
            )
        )

    # The case.
    for name in ("party_complained_about", "incident_place", "chronology"):
        if not text[name]:
            errors.append((name, REQUIRED))
    for name, vocabulary in (
        ("party_kind", "kemenkumham.ham.party_kinds"),
        ("right_concerned", "kemenkumham.ham.basic_rights"),
    ):
        if text[name] not in _vocabulary_tokens(vocabulary):
            errors.append((name, REQUIRED))
    incident_date = None
    if text["incident_date"]:
        incident_date = _checked_date(
            errors,
            "incident_date",
            text["incident_date"],
            future=_(
                "error_complaint_incident_future",
                default="The date of the incident cannot be in the future.",
            ),
            earliest=EARLIEST_INCIDENT,
            too_early=_(
                "error_complaint_incident_early",
                default="The date of the incident cannot be before 1945.",
            ),
        )
    elif public:
        errors.append(("incident_date", REQUIRED))

    checked_files = _check_files(errors, files)

    # A representative (kuasa) acts with a power of attorney.
    has_representative_data = any(
        text[name] for name in ("representative_id_number", "representative_contact")
    )
    if has_representative_data and not text["representative_name"]:
        errors.append(("representative_name", REQUIRED))
    if (
        text["representative_name"]
        and not any(kind == attachments.POWER_OF_ATTORNEY for kind, *_rest in checked_files)
        and not any(name == attachments.POWER_OF_ATTORNEY for name, _message in errors)
    ):
        errors.append(
            (
                attachments.POWER_OF_ATTORNEY,
                _(
                    "error_complaint_power_of_attorney",
                    default="A representative needs a power of attorney (surat kuasa): attach it.",
                ),
            )
        )

    if errors:
        raise Refused(_unique(errors))
    fields = {name: text[name] for name in CASE_FIELDS}
    fields["incident_date"] = incident_date
    identity = {name: text[name] for name in IDENTITY_FIELDS}
    return Submission(
        fields=fields,
        identity=identity,
        files=checked_files,
        channel=channel,
        received_date=received,
        consent=consent,
    )


def _unique(errors):
    seen = set()
    unique = []
    for name, message in errors:
        key = (name, str(message))
        if key not in seen:
            seen.add(key)
            unique.append((name, message))
    return unique


def honeypot_filled(form):
    return bool(_text(form, HONEYPOT))


# ---------------------------------------------------------------------------------------
# Creation


def complaint_section():
    portal = api.portal.get()
    return portal.get(SECTION) or portal


def status_url():
    """The public status check, where a registration number leads."""
    return f"{complaint_section().absolute_url()}/@@complaint-status"


def _run_as_system(callback):
    """Run callback with the rights to add a complaint (an anonymous visitor has none)."""
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager
    from AccessControl.User import UnrestrictedUser

    portal = api.portal.get()
    previous = getSecurityManager()
    system = UnrestrictedUser("ham-complaint-intake", "", ["Manager"], []).__of__(portal.acl_users)
    newSecurityManager(None, system)
    try:
        return callback()
    finally:
        setSecurityManager(previous)


def store_submission(submission):
    """A checked submission stored in the Pengaduan section; returns the complaint."""
    return create_complaint(
        complaint_section(),
        submission.fields,
        submission.identity,
        submission.files,
        submission.channel,
        received_date=submission.received_date,
        consent=submission.consent,
    )


def create_complaint(
    container,
    fields,
    identity,
    files,
    channel,
    received_date=None,
    consent=None,
    notify=True,
):
    """Store a checked complaint; returns it.

    fields: the case fields (CASE_FIELDS); identity: IDENTITY_FIELDS (encrypted);
    files: [(kind, filename, bytes)] or with a fourth item, the content type.
    Online complaints get consent_given (now) and received_date (today). Raises Unavailable,
    storing nothing, when no key is configured.
    """
    if not crypto.key_configured():
        raise Unavailable()
    anonymous = api.user.is_anonymous()
    actor = "Anonymous User" if anonymous else None
    if consent is None:
        consent = channel == PUBLIC_CHANNEL
    if received_date is None:
        received_date = today()
    values = {name: fields.get(name) for name in CASE_FIELDS}

    def create():
        complaint = api.content.create(
            container=container,
            type="Complaint",
            id=f"aduan-{secrets.token_hex(8)}",
            channel=channel,
            received_date=received_date,
            **values,
        )
        if consent:
            moment = now()
            # A fixed offset (WIB): ZoneInfo objects do not pickle into the ZODB.
            complaint.consent_given = moment.astimezone(timezone(moment.utcoffset()))
        return complaint

    try:
        complaint = _run_as_system(create) if anonymous else create()
        if any(identity.get(name) for name in IDENTITY_FIELDS):
            store_identity(complaint, identity, user_id=actor)
        for entry in files:
            kind, filename, data = entry[:3]
            content_type = entry[3] if len(entry) > 3 else None
            attachments.add_attachment(
                complaint, kind, filename, data, content_type=content_type, user_id=actor
            )
    except crypto.KeyMissing:
        _doom()
        raise Unavailable() from None
    complaint.reindexObject()
    if notify:
        notify_registered(complaint, bool(identity.get("email")))
    return complaint


def _doom():
    import transaction

    transaction.doom()


# ---------------------------------------------------------------------------------------
# E-mail after commit


def registration_mail_body(complaint):
    """The registration e-mail: the number and where to check the status."""
    from kemenkumham.ham.complaints import letters

    try:
        return letters.render("registered", complaint)
    except Exception:  # a template an editor broke must not lose the number
        logger.exception("Template 'registered' could not be rendered")
    number = complaint.registration_number
    url = status_url()
    return (
        "Pengaduan Anda telah kami terima.\n"
        f"Nomor registrasi: {number}\n"
        "Simpan nomor ini: hanya dengan nomor ini Anda dapat mengecek status pengaduan di\n"
        f"{url}\n\n"
        "Your complaint has been received.\n"
        f"Registration number: {number}\n"
        f"Keep this number: it is your only key to the status check at {url}\n"
    )


REGISTERED_SUBJECT = "Pengaduan Anda telah diterima / Your complaint was received"
NEW_CASE_SUBJECT = "Pengaduan baru / New complaint"


def notify_registered(complaint, has_email=True):
    """After commit: the number to the complainant (only them), the case link to officers.

    A site without a mail sender sends nothing (and reads no identity for it)."""
    if not mail_configured():
        logger.warning(
            "Complaint %s: no e-mail sent, the site has no sender address", complaint.getId()
        )
        return
    if has_email:
        send_to_complainant(
            complaint,
            lambda: identity_for_notice(
                complaint,
                "registration e-mail",
                user_id="Anonymous User" if api.user.is_anonymous() else None,
            ).get("email"),
            REGISTERED_SUBJECT,
            registration_mail_body(complaint),
        )
    officers = group_emails(OFFICER_GROUP)
    if officers:
        body = (
            "Pengaduan baru telah dicatat / A new complaint was recorded:\n"
            f"{complaint.absolute_url()}\n"
        )
        after_commit(send_mail, officers, NEW_CASE_SUBJECT, body)
