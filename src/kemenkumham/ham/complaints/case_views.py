"""Officers' pages of the case handling: the case, the case list, the handling-log form, letters.

None of them shows the complainant's identity: the case page links to @@complaint-identity,
which asks for the identity permission and logs the read.
"""

from datetime import date
from kemenkumham.ham import _
from kemenkumham.ham.complaints import attachments
from kemenkumham.ham.complaints import handling
from kemenkumham.ham.complaints import identity
from kemenkumham.ham.complaints import letters
from kemenkumham.ham.complaints.dates import long_date
from kemenkumham.ham.complaints.dates import reader_language
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.complaints.deadlines import received_on
from kemenkumham.ham.complaints.deadlines import WORKFLOW_ID
from kemenkumham.ham.complaints.intake import file_message
from kemenkumham.ham.complaints.letters import term_title
from kemenkumham.ham.permissions import HANDLE_COMPLAINTS
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound
from zope.i18n import translate
from zope.i18nmessageid import Message


def state_info(complaint, request=None):
    """(state id, title, legal meaning) of the complaint's state, translated."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW_ID)
    state_id = api.content.get_state(complaint, default=None)
    state = workflow.states.get(state_id) if state_id else None
    if state is None:
        return state_id, state_id or "", ""
    title = translate(Message(state.title, domain="kemenkumham.ham"), context=request)
    meaning = translate(Message(state.description, domain="kemenkumham.ham"), context=request)
    return state_id, title, meaning


def deadline_text(complaint, request=None):
    """'14 April 2025, 3 working days left' (translated), or '' without one: shown under the
    heading "Deadline", so it does not say it again."""
    due, left = deadline_of(complaint)
    if due is None:
        return ""
    mapping = {"date": long_date(due, reader_language(request)), "days": abs(left)}
    if left == 1:
        message = _(
            "deadline_due_one_day_left", default="${date}, 1 working day left", mapping=mapping
        )
    elif left > 0:
        message = _(
            "deadline_due_days_left", default="${date}, ${days} working days left", mapping=mapping
        )
    elif left == 0:
        message = _("deadline_due_today", default="${date}, today", mapping=mapping)
    elif left == -1:
        message = _(
            "deadline_due_one_day_overdue",
            default="${date}, overdue by 1 working day",
            mapping=mapping,
        )
    else:
        message = _(
            "deadline_due_overdue",
            default="${date}, overdue by ${days} working days",
            mapping=mapping,
        )
    return translate(message, context=request)


def user_name(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname") or user_id


class CaseView(BrowserView):
    """The complaint's own page for officers."""

    def state(self):
        state_id, title, meaning = state_info(self.context, self.request)
        return {"id": state_id, "title": title, "meaning": meaning}

    def deadline(self):
        due, left = deadline_of(self.context)
        return {
            "text": deadline_text(self.context, self.request),
            "overdue": due is not None and left < 0,
        }

    def field(self, vocabulary, value):
        return term_title(vocabulary, value, language=self._language())

    def _language(self):
        return api.portal.get_current_language() or "id"

    def date(self, day):
        return long_date(day, reader_language(self.request))

    def received(self):
        return self.date(received_on(self.context))

    def incident_date(self):
        return self.date(getattr(self.context, "incident_date", None))

    def attachments(self):
        kinds = {
            attachments.EVIDENCE: _("attachment_evidence", default="Evidence"),
            attachments.IDENTITY_DOCUMENT: _(
                "attachment_identity_document", default="Identity document"
            ),
            attachments.POWER_OF_ATTORNEY: _(
                "attachment_power_of_attorney", default="Power of attorney"
            ),
            attachments.DOCUMENT: _("attachment_document", default="Handling document"),
        }
        base = self.context.absolute_url()
        return [
            {
                **item,
                "kind_title": kinds.get(item["kind"], item["kind"]),
                "filename": item.get("filename") or "",
                "url": f"{base}/@@complaint-file/{item['id']}",
            }
            for item in attachments.list_attachments(self.context)
        ]

    def may_read_identity(self):
        return identity.may_read_identity(self.context)

    def identity_status(self):
        erased = identity.identity_erased_on(self.context)
        if erased:
            return translate(
                _(
                    "info_identity_erased",
                    default="The identity was erased on ${date} (retention).",
                    mapping={"date": self.date(erased)},
                ),
                context=self.request,
            )
        if not identity.has_identity(self.context):
            return translate(
                _("info_no_identity", default="No identity recorded (ex officio or anonymous)."),
                context=self.request,
            )
        return ""

    def can_handle(self):
        return bool(api.user.has_permission(HANDLE_COMPLAINTS, obj=self.context))

    def log(self):
        base = self.context.absolute_url()
        rows = []
        for entry in handling.entries(self.context):
            rows.append(
                {
                    **entry,
                    "kind_title": handling.KIND_TITLES.get(entry["kind"], entry["kind"]),
                    "date_text": self.date(entry["date"]),
                    "actor_name": user_name(entry["actor"]),
                    "document_url": (
                        f"{base}/@@complaint-file/{entry['document_id']}"
                        if entry.get("document_id")
                        else None
                    ),
                }
            )
        return rows

    def letters(self):
        base = self.context.absolute_url()
        return [
            {"title": letters.TITLES[tid], "url": f"{base}/@@complaint-letter?template={tid}"}
            for tid in letters.TEMPLATE_IDS
        ]


class CaseListView(BrowserView):
    """All complaints of this section with their deadlines; ?overdue=1 lists the late ones."""

    overdue_only = False

    def ham_page_title(self):
        if self.overdue_only:
            return _("heading_complaint_cases_overdue", default="Complaints past their deadline")
        return _("heading_complaint_cases", default="Complaints")

    def __call__(self):
        if self.request.form.get("overdue"):
            self.overdue_only = True
        return self.index()

    def links(self):
        """The list's views, the one shown marked current (aria-current)."""
        base = self.context.absolute_url()
        sort = self.request.form.get("sort", "deadline")
        links = (
            ("all", f"{base}/@@complaints", _("link_all_cases", default="All cases")),
            (
                "overdue",
                f"{base}/@@complaints-overdue",
                _("link_overdue_cases", default="Overdue"),
            ),
            (
                "received",
                f"{base}/@@complaints?sort=received",
                _("link_sort_received", default="Newest first"),
            ),
            (
                "deadline",
                f"{base}/@@complaints?sort=deadline",
                _("link_sort_deadline", default="Nearest deadline first"),
            ),
        )
        explicit_sort = "sort" in self.request.form
        current = {
            "all": not self.overdue_only and not explicit_sort,
            "overdue": self.overdue_only,
            "received": not self.overdue_only and explicit_sort and sort == "received",
            "deadline": not self.overdue_only and explicit_sort and sort != "received",
        }
        return [
            {"url": url, "title": translate(title, context=self.request), "current": current[key]}
            for key, url, title in links
        ]

    def cases(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type="Complaint", path="/".join(self.context.getPhysicalPath()))
        language = reader_language(self.request)
        rows = []
        for brain in brains:
            complaint = brain.getObject()
            due, left = deadline_of(complaint)
            if self.overdue_only and not (due is not None and left < 0):
                continue
            state_id, title, _meaning = state_info(complaint, self.request)
            rows.append(
                {
                    "url": complaint.absolute_url(),
                    "number": complaint.registration_number or complaint.getId(),
                    "received": received_on(complaint),
                    "received_text": long_date(received_on(complaint), language),
                    "state": state_id,
                    "state_title": title,
                    "due": due,
                    "deadline_text": deadline_text(complaint, self.request),
                    "overdue": due is not None and left < 0,
                }
            )
        sort = self.request.form.get("sort", "deadline")
        if sort == "received":
            rows.sort(key=lambda row: row["received"] or date.min, reverse=True)
        else:
            # Nearest deadline first; cases without a deadline last, newest first.
            rows.sort(
                key=lambda row: (
                    row["due"] is None,
                    row["due"] or date.max,
                    -(row["received"] or date.min).toordinal(),
                )
            )
        return rows


class OverdueListView(CaseListView):
    overdue_only = True

    def __call__(self):
        return self.index()


class AddActionForm(BrowserView):
    """@@complaint-add-action: one entry of the handling log (no JavaScript needed)."""

    errors = None
    values = None

    def ham_page_title(self):
        return _(
            "heading_add_action",
            default="Log an action: ${case}",
            mapping={"case": self.context.Title()},
        )

    def kinds(self):
        return [(kind, handling.KIND_TITLES[kind]) for kind in handling.KINDS]

    def today(self):
        from kemenkumham.ham.clock import today

        return today().isoformat()

    def __call__(self):
        self.errors = []
        self.values = {"kind": "", "date": self.today(), "note": ""}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            self.values = {
                "kind": form.get("kind", ""),
                "date": (form.get("date") or "").strip(),
                "note": form.get("note", ""),
            }
            if self._apply(form):
                IStatusMessage(self.request).add(
                    _("info_action_logged", default="The action was added to the handling log."),
                    type="info",
                )
                self.request.response.redirect(self.context.absolute_url())
                return ""
            self.request.response.setStatus(400)
        return self.index()

    def _document(self, upload):
        if upload is None or not getattr(upload, "filename", None):
            return None
        data = upload.read()
        if not data:
            return None
        name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1] or "dokumen"
        # The same checks as the complainant's files: type, size, content, no programs.
        limit_mb = int(
            api.portal.get_registry_record("kemenkumham.ham.complaint_max_file_size_mb", default=10)
        )
        message = file_message(name, data, limit_mb)
        if message is not None:
            raise handling.InvalidEntry(message)
        content_type = getattr(upload, "headers", {}).get("content-type") if upload else None
        return (name, data, content_type)

    def _apply(self, form):
        try:
            day = date.fromisoformat(self.values["date"])
        except ValueError:
            day = None
        try:
            handling.validate(self.values["kind"], day, self.values["note"])
            document = self._document(form.get("document"))
            handling.add_entry(
                self.context, self.values["kind"], day, self.values["note"], document=document
            )
        except handling.InvalidEntry as error:
            self.errors.append(handling.bilingual(error.message, context=self.request))
            return False
        return True


class LetterView(BrowserView):
    """@@complaint-letter?template=...: a printable letter from the office's template."""

    def __call__(self):
        template_id = self.request.form.get("template", "")
        if template_id not in letters.TEMPLATE_IDS:
            raise NotFound(template_id)
        self.template_id = template_id
        extra = {
            key: self.request.form[key]
            for key in ("missing", "referral", "findings", "recommendation")
            if isinstance(self.request.form.get(key), str)
        }
        self.text = letters.render(template_id, self.context, **extra)
        self.title = letters.TITLES[template_id]
        return self.index()
