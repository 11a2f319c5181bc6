"""Staff pages of a reporting period (completeness, export) and a partner's own obligations."""

from AccessControl import Unauthorized
from datetime import date
from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.reporting.completeness import completeness
from kemenkumham.ham.reporting.completeness import STATE_TITLES
from kemenkumham.ham.reporting.completeness import STATES
from kemenkumham.ham.reporting.export import export_filename
from kemenkumham.ham.reporting.export import period_export
from kemenkumham.ham.reporting.obligations import obligations
from kemenkumham.ham.reporting.spreadsheets import csv_bytes
from kemenkumham.ham.reporting.spreadsheets import xlsx_bytes
from kemenkumham.ham.reporting.spreadsheets import XLSX_CONTENT_TYPE
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


def deadline_message(deadline, day=None):
    """How far the submission deadline is, as a sentence."""
    days = (deadline - (day or today())).days
    mapping = {"deadline": deadline.isoformat(), "days": str(abs(days))}
    if days > 0:
        return _(
            "info_days_left",
            default="${days} day(s) left until the submission deadline (${deadline}).",
            mapping=mapping,
        )
    if days == 0:
        return _(
            "info_deadline_today",
            default="The submission deadline is today (${deadline}).",
            mapping=mapping,
        )
    return _(
        "info_deadline_passed",
        default="The submission deadline (${deadline}) passed ${days} day(s) ago.",
        mapping=mapping,
    )


class CompletenessView(BrowserView):
    """@@completeness: which expected partners have not started, are in draft, submitted ..."""

    def update(self):
        self.data = completeness(self.context)
        chosen = self.request.form.get("state")
        self.state = chosen if chosen in STATES else None
        catalog = api.portal.get_tool("portal_catalog")
        # The user's own search: links only to the reports the user may open.
        self.viewable = {
            brain.getPath()
            for brain in catalog.searchResults(
                portal_type="IndicatorReport",
                path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            )
        }

    def __call__(self):
        self.update()
        return self.index()

    def translated(self, message):
        return translate(message, context=self.request)

    def deadline(self):
        return self.translated(deadline_message(self.context.submission_deadline))

    def counts(self):
        url = f"{self.context.absolute_url()}/@@completeness"
        return [
            {
                "state": state,
                "title": self.translated(STATE_TITLES[state]),
                "count": self.data.counts[state],
                "url": f"{url}?state={state}",
                "current": state == self.state,
            }
            for state in STATES
        ]

    def total(self):
        return len(self.data.entries)

    def entries(self):
        entries = self.data.by_state(self.state) if self.state else self.data.entries
        local_time = api.portal.get_tool("translation_service").ulocalized_time
        return [
            {
                "partner": entry.partner_title,
                "partner_url": entry.partner_url,
                "region": ", ".join(part for part in (entry.regency, entry.province) if part),
                "state": entry.state,
                "state_title": self.translated(STATE_TITLES.get(entry.state, entry.state)),
                "report_url": entry.report_url if entry.report_path in self.viewable else None,
                "modified": (
                    local_time(entry.modified, long_format=True, context=self.context)
                    if entry.modified is not None
                    else ""
                ),
                "expected": entry.expected,
            }
            for entry in entries
        ]

    def export_url(self, extension):
        return f"{self.context.absolute_url()}/@@export-reports?format={extension}"


class ExportView(BrowserView):
    """@@export-reports?format=csv|xlsx: the period's reports as far as the user may read them."""

    FORMATS = ("csv", "xlsx")

    def __call__(self):
        extension = self.request.form.get("format") or "csv"
        response = self.request.response
        if extension not in self.FORMATS:
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(
                _(
                    "error_export_format",
                    default="Format '${format}' is not offered: choose csv or xlsx.",
                    mapping={"format": extension[:20]},
                ),
                context=self.request,
            )
        rows, reports = period_export(self.context, self.request)
        if extension == "csv":
            data = csv_bytes(rows)
            content_type = "text/csv; charset=utf-8"
        else:
            data = xlsx_bytes([rows, reports])
            content_type = XLSX_CONTENT_TYPE
        filename = export_filename(self.context, extension)
        response.setHeader("Content-Type", content_type)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Content-Length", str(len(data)))
        # What the file holds depends on who asked: never from a shared cache.
        response.setHeader("Cache-Control", "private, no-store")
        return data


class MyReportsView(BrowserView):
    """@@my-reports on the site root: the partner's reports due, with their states."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your organisation's reports")
        self.data = obligations()
        return self.index()

    def items(self):
        result = []
        for item in self.data["items"]:
            period = item["period"]
            if period["window_open"]:
                window = _("info_window_open", default="Open")
            elif period["opens"] > today().isoformat():
                window = _("info_window_not_yet_open", default="Not open yet")
            else:
                window = _("info_window_closed", default="Closed")
            result.append(
                {
                    **item,
                    "state_title": translate(STATE_TITLES[item["state"]], context=self.request),
                    "window": translate(window, context=self.request),
                    "deadline": translate(
                        deadline_message(date.fromisoformat(period["submission_deadline"])),
                        context=self.request,
                    ),
                }
            )
        return result
