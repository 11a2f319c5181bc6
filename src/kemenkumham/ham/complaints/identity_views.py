"""Officers' pages of a complainant's identity, its files, and the administrators' access log.

- ``@@complaint-identity`` on a Complaint: the identity of complainant, representative and
  witnesses and the identity documents, for whoever holds ``kemenkumham.ham: Read complainant
  identity``. Every view writes one access-log entry.
- ``@@complaint-file/<id>``: one file of the complaint (identity documents: permission and log).
- ``@@complaint-access-log`` on the site: who read which identity when, newest first; CSV.

Pages that show identity are never cached (``Cache-Control: private, no-store``).
"""

from functools import cached_property
from kemenkumham.ham import _
from kemenkumham.ham.complaints import accesslog
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.attachments import IDENTITY_KINDS
from kemenkumham.ham.complaints.attachments import list_attachments
from kemenkumham.ham.complaints.attachments import open_attachment
from kemenkumham.ham.complaints.attachments import served_content_type
from kemenkumham.ham.complaints.dates import long_date
from kemenkumham.ham.complaints.dates import long_datetime
from kemenkumham.ham.complaints.dates import reader_language
from kemenkumham.ham.complaints.identity import COMPLAINANT_FIELDS
from kemenkumham.ham.complaints.identity import identity_erased_on
from kemenkumham.ham.complaints.identity import read_identity
from kemenkumham.ham.complaints.identity import REPRESENTATIVE_FIELDS
from kemenkumham.ham.complaints.views import ID_KIND_OPTIONS
from kemenkumham.ham.reporting.spreadsheets import csv_bytes
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from types import SimpleNamespace
from urllib.parse import quote
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


NO_STORE = "private, no-store, max-age=0"

FIELD_LABELS = {
    "complainant_name": _("label_complainant_name", default="Name"),
    "id_kind": _("label_id_kind", default="Kind of identity document"),
    "id_number": _("label_id_number", default="Identity number (NIK or other)"),
    "address": _("label_address", default="Address"),
    "phone": _("label_phone", default="Telephone"),
    "email": _("label_email", default="E-mail"),
    "representative_name": _("label_representative_name", default="Name"),
    "representative_id_number": _(
        "label_representative_id_number", default="Identity number (NIK or other)"
    ),
    "representative_contact": _("label_representative_contact", default="Contact"),
}
# The kinds of identity document of the intake form.
ID_KINDS = dict(ID_KIND_OPTIONS)
KIND_LABELS = {
    "identity_document": _("label_kind_identity_document", default="Identity document"),
    "power_of_attorney": _("label_kind_power_of_attorney", default="Power of attorney"),
    "evidence": _("label_kind_evidence", default="Evidence"),
    "document": _("label_kind_document", default="Document"),
}
ACTION_LABELS = {
    accesslog.READ: _("label_access_read", default="read"),
    accesslog.STORE: _("label_access_store", default="stored"),
    accesslog.ERASE: _("label_access_erase", default="erased"),
    accesslog.NOTICE: _("label_access_notice", default="notice to the complainant"),
    accesslog.DOWNLOAD: _("label_access_download", default="identity document opened"),
}


def no_store(response):
    response.setHeader("Cache-Control", NO_STORE)
    response.setHeader("Pragma", "no-cache")


def file_url(complaint, attachment_id):
    return f"{complaint.absolute_url()}/@@complaint-file/{attachment_id}"


def identity_documents(complaint):
    """Identity documents and powers of attorney: id, kind, size, added, download URL."""
    return [
        {**item, "url": file_url(complaint, item["id"])}
        for item in list_attachments(complaint, kinds=IDENTITY_KINDS)
    ]


class ComplaintIdentityView(BrowserView):
    """@@complaint-identity: the identity, for officers; one access-log entry per view."""

    template = ViewPageTemplateFile("templates/complaint_identity.pt")
    identity = None
    error = None

    def ham_page_title(self):
        return _(
            "heading_complaint_identity",
            default="Identity of the complainant: ${case}",
            mapping={"case": self.context.Title()},
        )

    def __call__(self):
        no_store(self.request.response)
        try:
            # Checks the permission again, then logs the read.
            self.identity = read_identity(self.context, detail="@@complaint-identity")
        except (crypto.KeyMissing, crypto.CannotDecrypt):
            self.request.response.setStatus(503)
            self.error = _(
                "error_identity_key",
                default="The identity cannot be decrypted: the complaint key of this instance "
                "is missing or is not the key it was stored with. Ask the administrator.",
            )
        else:
            # The page writes the access log (a GET that writes): allowed once the permission
            # has been checked.
            alsoProvides(self.request, IDisableCSRFProtection)
        return self.template()

    def t(self, message):
        return translate(message, context=self.request)

    def rows(self, fields):
        return [{"label": self.t(FIELD_LABELS[name]), "value": self.value(name)} for name in fields]

    def value(self, name):
        value = self.identity.get(name) or ""
        if name == "id_kind" and value in ID_KINDS:
            return self.t(ID_KINDS[value])
        return value

    def complainant(self):
        return self.rows(COMPLAINANT_FIELDS)

    def representative(self):
        rows = self.rows(REPRESENTATIVE_FIELDS)
        return rows if any(row["value"] for row in rows) else []

    def witnesses(self):
        text = (self.identity or {}).get("witnesses") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def erased_on(self):
        erased = identity_erased_on(self.context)
        return long_date(erased, reader_language(self.request)) if erased else None

    def documents(self):
        return [
            {**item, "kind_title": self.t(KIND_LABELS[item["kind"]])}
            for item in identity_documents(self.context)
        ]


def content_disposition(filename):
    """attachment; an ASCII name for old clients and the real one (RFC 6266 / 5987)."""
    ascii_name = "".join(
        char if 32 <= ord(char) < 127 and char not in '"\\;' else "_" for char in filename
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@implementer(IPublishTraverse)
class ComplaintFileView(BrowserView):
    """@@complaint-file/<id>: download one file of the complaint (identity documents need the
    identity permission and are logged)."""

    attachment_id = None

    def publishTraverse(self, request, name):
        if self.attachment_id is not None:
            raise NotFound(name)
        self.attachment_id = name
        return self

    def __call__(self):
        if not self.attachment_id:
            raise NotFound("")
        try:
            filename, _claimed_type, data = open_attachment(self.context, self.attachment_id)
        except KeyError:
            raise NotFound(self.attachment_id) from None
        # Opening an identity document writes the access log.
        alsoProvides(self.request, IDisableCSRFProtection)
        response = self.request.response
        response.setHeader("Content-Type", served_content_type(filename))
        response.setHeader("Content-Disposition", content_disposition(filename))
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("X-Content-Type-Options", "nosniff")
        # Opened in the browser anyway (a PDF viewer), the file runs no script of the site's.
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'")
        no_store(response)
        return data


class AccessLogView(BrowserView):
    """@@complaint-access-log on the site: the identity access log; ?case=<uid>, ?user=<id>,
    ?format=csv."""

    template = ViewPageTemplateFile("templates/complaint_access_log.pt")
    SHOWN = 500
    ham_page_title = _(
        "heading_complaint_access_log", default="Access log of complainant identities"
    )

    def __call__(self):
        no_store(self.request.response)
        self.case = (self.request.form.get("case") or "").strip()[:64]
        self.user = (self.request.form.get("user") or "").strip()[:128]
        found = accesslog.entries(case_uid=self.case or None, user=self.user or None)
        self.total = len(found)
        if self.request.form.get("format") == "csv":
            return self.csv(found)
        self.items = [self.item(entry) for entry in found[: self.SHOWN]]
        return self.template()

    def _fullname(self, user_id):
        if user_id not in self._names:
            user = api.user.get(userid=user_id)
            self._names[user_id] = (user.getProperty("fullname") if user else "") or ""
        return self._names[user_id]

    @cached_property
    def _names(self):
        return {}

    def _case_url(self, uid):
        if uid not in self._urls:
            brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid)
            self._urls[uid] = brains[0].getURL() if brains else None
        return self._urls[uid]

    @cached_property
    def _urls(self):
        return {}

    def item(self, entry):
        base = f"{api.portal.get().absolute_url()}/@@complaint-access-log"
        return {
            **entry,
            "time_text": long_datetime(entry["time"], reader_language(self.request)),
            "fullname": self._fullname(entry["user"]),
            "action_title": translate(
                ACTION_LABELS.get(entry["action"], entry["action"]), context=self.request
            ),
            "case_url": self._case_url(entry["case_uid"]),
            "case_filter": f"{base}?{urlencode({'case': entry['case_uid']})}",
            "user_filter": f"{base}?{urlencode({'user': entry['user']})}",
        }

    def csv_url(self):
        query = {key: value for key, value in (("case", self.case), ("user", self.user)) if value}
        query["format"] = "csv"
        return f"{api.portal.get().absolute_url()}/@@complaint-access-log?{urlencode(query)}"

    def csv(self, found):
        table = SimpleNamespace(
            header=["time", "user", "fullname", "action", "case", "case_uid", "detail"],
            lines=[
                [
                    entry["time"],
                    entry["user"],
                    self._fullname(entry["user"]),
                    entry["action"],
                    entry["case"],
                    entry["case_uid"],
                    entry["detail"],
                ]
                for entry in found
            ],
        )
        data = csv_bytes(table)
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="complaint-access-log.csv"')
        response.setHeader("Content-Length", str(len(data)))
        return data
