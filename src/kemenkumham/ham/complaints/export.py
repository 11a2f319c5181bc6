"""@@export-complaints?format=csv|xlsx on the Pengaduan section: the officers' case list.

One line per complaint the user may view: the case, its number, channel, dates, state, the
party complained about, the right and the place; and its legal deadline
(complaints/deadlines.py). Never the identity of anyone (it is not read
here at all) and never the chronology (free text that names people). Cells starting with =, +,
- or @ are written so that a spreadsheet does not run them (reporting/spreadsheets.py).
"""

from AccessControl import getSecurityManager
from kemenkumham.ham import _
from kemenkumham.ham.complaints.deadlines import deadline_of
from kemenkumham.ham.reporting.export import Table
from kemenkumham.ham.reporting.spreadsheets import csv_bytes
from kemenkumham.ham.reporting.spreadsheets import xlsx_bytes
from kemenkumham.ham.reporting.spreadsheets import XLSX_CONTENT_TYPE
from kemenkumham.ham.vocabularies import BasicRights
from kemenkumham.ham.vocabularies import ComplaintChannels
from kemenkumham.ham.vocabularies import PartyKinds
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


COLUMNS = (
    _("column_case_id", default="Case id"),
    _("column_registration_number", default="Registration number"),
    _("column_channel", default="Channel"),
    _("column_received_date", default="Date received"),
    _("column_complaint_state", default="State"),
    _("column_party_kind", default="Kind of party"),
    _("column_party_complained_about", default="Party complained about"),
    _("column_right", default="Right"),
    _("column_incident_place", default="Place of the incident"),
    _("column_incident_date", default="Date of the incident"),
)
DEADLINE_COLUMNS = (
    _("column_deadline", default="Deadline"),
    _("column_working_days_left", default="Working days left"),
)

CHANNEL_TITLES = dict(ComplaintChannels.terms)
PARTY_KIND_TITLES = dict(PartyKinds.terms)
RIGHT_TITLES = dict(BasicRights.terms)


def readable_complaints(container):
    """The complaints in container the current user may View, oldest first.

    The search is the user's own and every object is checked again, so a stale catalog entry
    cannot add a case the user may not see.
    """
    catalog = api.portal.get_tool("portal_catalog")
    checker = getSecurityManager()
    found = []
    for brain in catalog.searchResults(
        portal_type="Complaint",
        path="/".join(container.getPhysicalPath()),
        sort_on="created",
    ):
        complaint = brain.getObject()
        if checker.checkPermission("View", complaint):
            found.append(complaint)
    return found


def _date(value):
    return value.isoformat() if value else ""


def complaint_table(container, request):
    def tr(message):
        return translate(message, context=request) if message is not None else ""

    workflow_tool = api.portal.get_tool("portal_workflow")
    lines = []
    for complaint in readable_complaints(container):
        state = api.content.get_state(complaint, default="")
        state_title = workflow_tool.getTitleForStateOnType(state, "Complaint") or state
        line = [
            complaint.getId(),
            complaint.registration_number or "",
            tr(CHANNEL_TITLES.get(complaint.channel)) or complaint.channel or "",
            _date(complaint.received_date),
            translate(state_title, domain="kemenkumham.ham", context=request),
            tr(PARTY_KIND_TITLES.get(complaint.party_kind)) or complaint.party_kind or "",
            complaint.party_complained_about or "",
            tr(RIGHT_TITLES.get(complaint.right_concerned)) or complaint.right_concerned or "",
            complaint.incident_place or "",
            _date(complaint.incident_date),
        ]
        due, left = deadline_of(complaint)
        line += [_date(due), left if due is not None else None]
        lines.append(line)
    columns = COLUMNS + DEADLINE_COLUMNS
    return Table(
        title=tr(_("export_sheet_complaints", default="Complaints")),
        header=[tr(column) for column in columns],
        lines=lines,
    )


class ExportComplaintsView(BrowserView):
    """The complaints of the section as CSV or XLSX, for complaint officers."""

    FORMATS = ("csv", "xlsx")

    def __call__(self):
        extension = self.request.form.get("format") or "csv"
        response = self.request.response
        if not isinstance(extension, str) or extension not in self.FORMATS:
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(
                _(
                    "error_export_format",
                    default="Format '${format}' is not offered: choose csv or xlsx.",
                    mapping={"format": str(extension)[:20]},
                ),
                context=self.request,
            )
        table = complaint_table(self.context, self.request)
        if extension == "csv":
            data = csv_bytes(table)
            content_type = "text/csv; charset=utf-8"
        else:
            data = xlsx_bytes([table])
            content_type = XLSX_CONTENT_TYPE
        filename = f"pengaduan-{self.context.getId()}.{extension}"
        response.setHeader("Content-Type", content_type)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("Cache-Control", "private, no-store")
        return data
