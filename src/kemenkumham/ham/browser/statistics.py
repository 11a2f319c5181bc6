"""@@ham-statistics: the public statistics page, layout of the Statistik section.

Per published programme and award year, only final figures: results of final (verified and
assessed) reports or published awards, each with its provenance, and the recorded national
figure with its source. Nothing in progress, nothing unpublished, no personal data.
"""

from functools import cached_property
from kemenkumham.ham.browser.results import ResultsPresentation
from kemenkumham.ham.complaints.dates import month_name
from kemenkumham.ham.complaints.dates import reader_language
from kemenkumham.ham.complaints.statistics import complaint_statistics
from kemenkumham.ham.reporting.results import award_years
from kemenkumham.ham.reporting.results import results_for_year
from plone import api
from Products.Five.browser import BrowserView


class StatisticsView(BrowserView, ResultsPresentation):
    @cached_property
    def sections(self):
        """[(programme, [Results])] of the published programmes with final figures."""
        catalog = api.portal.get_tool("portal_catalog")
        sections = []
        for brain in catalog(
            portal_type="Programme", review_state="published", sort_on="sortable_title"
        ):
            programme = brain.getObject()
            figures = []
            for year in award_years(programme):
                results = results_for_year(programme, year)
                if results.final or results.national is not None:
                    figures.append(results)
            if figures:
                sections.append((programme, figures))
        return sections

    def provenance_text(self, results):
        return self.tr(results.provenance.message())

    def items(self):
        """The published pages and files of the section itself (e.g. the national figure)."""
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            review_state="published",
            sort_on="getObjPositionInParent",
        )

    @cached_property
    def complaints(self):
        """Counts of complaints (by right, party kind, stage, month): no case, no person."""
        return complaint_statistics()

    def month_title(self, month):
        """ "2025-03" -> "Maret 2025" ("March 2025" on the English page)."""
        year, number = month.split("-")
        return f"{month_name(int(number), reader_language(self.request))} {year}"
