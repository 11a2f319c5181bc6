"""Results pages: @@results of a programme (choose period or award year) and of a period.

Everybody sees the final results with their provenance. Office staff ("View period reports")
also see the assessed reports that are not final yet, labelled as preliminary. Editors who may
add awards turn the final results into Award items with one button (POST, CSRF-protected).
"""

from AccessControl import getSecurityManager
from functools import cached_property
from kemenkumham.ham import _
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.permissions import VIEW_PERIOD_REPORTS
from kemenkumham.ham.reporting.awards import create_awards
from kemenkumham.ham.reporting.awards import may_create_awards
from kemenkumham.ham.reporting.results import award_years
from kemenkumham.ham.reporting.results import periods_of
from kemenkumham.ham.reporting.results import preliminary_results
from kemenkumham.ham.reporting.results import results_for_period
from kemenkumham.ham.reporting.results import results_for_year
from kemenkumham.ham.reporting.results_model import VERIFIED_REPORTS
from kemenkumham.ham.reporting.results_text import national_message
from kemenkumham.ham.reporting.results_text import percent_text
from kemenkumham.ham.vocabularies import Provinces
from kemenkumham.ham.vocabularies import Regencies
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zExceptions import BadRequest
from zope.i18n import translate


class ResultsPresentation:
    """What the results templates need of a Results object (shared with the statistics page)."""

    request = None
    results_macros = ViewPageTemplateFile("templates/results_macros.pt")

    def tr(self, message):
        return translate(message, context=self.request)

    def percent(self, value):
        return percent_text(value, self.request)

    def threshold_text(self, results):
        """60.0 -> "60"; 62.5 -> "62,5" (Indonesian) or "62.5"."""
        text = self.percent(results.province_threshold)
        return text[:-2] if text[-2:] in (".0", ",0") else text

    def national_text(self, results):
        if results.national is None:
            return ""
        return self.tr(
            national_message(results.national, results.qualifying_predicate, self.request)
        )

    @cached_property
    def _region_names(self):
        names = {term.value: term.title for term in Provinces()}
        names.update({term.value: term.title for term in Regencies()})
        return names

    def region_name(self, partner):
        """Kabupaten/kota (with province) or province of a partner; empty if it has none."""
        code = partner.regency or partner.province
        return self._region_names.get(code, code or "")

    def qualifies_text(self, region):
        if region.province_qualifies is None:
            return "–"
        if region.province_qualifies:
            return self.tr(_("label_yes", default="Yes"))
        return self.tr(_("label_no", default="No"))


class ResultsView(BrowserView, ResultsPresentation):
    """@@results of a Programme or a ReportingPeriod."""

    def __call__(self):
        if self.request.method == "POST":
            return self._create_awards()
        return self.index()

    @property
    def is_period(self):
        return IReportingPeriod.providedBy(self.context)

    @property
    def programme(self):
        return self.context.aq_parent if self.is_period else self.context

    @cached_property
    def periods(self):
        return periods_of(self.programme)

    @cached_property
    def years(self):
        return award_years(self.programme)

    def _chosen(self):
        """The period or award year asked for: (period, year); one of them is None."""
        if self.is_period:
            return self.context, None
        period_id = self.request.form.get("period")
        if period_id:
            for period in self.periods:
                if period.getId() == period_id:
                    return period, None
            raise BadRequest(f"unknown period {period_id!r}")
        year = self.request.form.get("year")
        if year:
            if not str(year).isdigit():
                raise BadRequest(f"not a year: {year!r}")
            return None, int(year)
        return None, self._default_year()

    def _default_year(self):
        """The latest award year with final results, else the latest year there is."""
        for year in self.years:
            if results_for_year(self.programme, year).final:
                return year
        return self.years[0] if self.years else None

    @cached_property
    def results(self):
        period, year = self._chosen()
        if period is not None:
            return results_for_period(period)
        if year is None:
            return None
        return results_for_year(self.programme, year)

    @property
    def chosen_period_id(self):
        results = self.results
        return results.period.getId() if results is not None and results.period else ""

    @property
    def chosen_year(self):
        results = self.results
        if results is None or results.period is not None:
            return None
        return results.award_year

    def heading(self):
        results = self.results
        if results is None:
            return self.tr(_("heading_results", default="Results"))
        if results.period is not None:
            return self.tr(
                _(
                    "heading_results_period",
                    default="Results of ${programme}, period ${period} (award year ${year})",
                    mapping={
                        "programme": self.programme.Title(),
                        "period": results.period.Title(),
                        "year": results.award_year,
                    },
                )
            )
        return self.tr(
            _(
                "heading_results_year",
                default="Results of ${programme}, award year ${year}",
                mapping={"programme": self.programme.Title(), "year": results.award_year},
            )
        )

    def provenance_text(self):
        return self.tr(self.results.provenance.message())

    @property
    def may_see_preliminary(self):
        return bool(getSecurityManager().checkPermission(VIEW_PERIOD_REPORTS, self.context))

    def preliminary(self):
        results = self.results
        if results is None or not self.may_see_preliminary:
            return ()
        if results.period is not None:
            periods = [results.period]
        else:
            periods = [p for p in self.periods if p.assessment_year == results.award_year]
        return preliminary_results(periods, results.qualifying_predicate)

    @property
    def can_create_awards(self):
        results = self.results
        return (
            results is not None
            and results.provenance.kind == VERIFIED_REPORTS
            and bool(results.qualifying_results())
            and may_create_awards()
        )

    def self_url(self):
        query = {}
        if not self.is_period and self.results is not None:
            if self.results.period is not None:
                query["period"] = self.results.period.getId()
            else:
                query["year"] = self.results.award_year
        url = f"{self.context.absolute_url()}/@@results"
        return f"{url}?{urlencode(query)}" if query else url

    def _create_awards(self):
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        if "form.buttons.create_awards" in self.request.form:
            try:
                done = create_awards(self.results)
            except FieldError as error:
                messages.add(self.tr(error.doc()), type="error")
            else:
                messages.add(
                    self.tr(
                        _(
                            "info_awards_created",
                            default="${created} awards created (private: add the decree and "
                            "publish them), ${skipped} skipped because the partner already has "
                            "an award of this programme and year.",
                            mapping={
                                "created": len(done.created),
                                "skipped": len(done.skipped),
                            },
                        )
                    ),
                    type="info",
                )
        self.request.response.redirect(self.self_url())
        return ""
