"""What results are made of: partners, rows, provenance, the per-province table.

Plain frozen data, computed by reporting.results and read by the pages, REST and awards.
"""

from dataclasses import dataclass
from kemenkumham.ham import _


KABKOTA = "pemda_kabkota"
PROVINCE_GOVERNMENT = "pemda_provinsi"

VERIFIED_REPORTS = "verified_reports"
RECORDED_AWARDS = "recorded_awards"
NO_RESULTS = "none"


@dataclass(frozen=True)
class PartnerInfo:
    uid: str
    title: str
    url: str
    kind: str = None
    province: str = None
    regency: str = None


@dataclass(frozen=True)
class AwardInfo:
    uid: str
    title: str
    url: str
    predicate: str


@dataclass(frozen=True)
class ResultRow:
    partner: PartnerInfo
    score: float = None
    predicate: str = None
    qualifies: bool = False
    rank: int = None  # None where there is no score
    finalised: str = None  # ISO date of a final report
    award: AwardInfo = None  # the recorded award this result comes from
    report_url: str = None  # preliminary results only (staff)


@dataclass(frozen=True)
class Source:
    text: str
    url: str = ""


@dataclass(frozen=True)
class Provenance:
    kind: str  # VERIFIED_REPORTS, RECORDED_AWARDS or NO_RESULTS
    count: int
    award_year: int
    periods: tuple = ()  # titles of the periods the reports come from
    finalised_first: str = None
    finalised_last: str = None
    sources: tuple = ()  # Source, for recorded awards

    def message(self):
        if self.kind == VERIFIED_REPORTS:
            periods = ", ".join(self.periods)
            if self.finalised_first != self.finalised_last:
                return _(
                    "provenance_verified_reports_between",
                    default="Based on ${count} verified reports, period ${periods}, finalised "
                    "between ${first} and ${last}",
                    mapping={
                        "count": self.count,
                        "periods": periods,
                        "first": self.finalised_first,
                        "last": self.finalised_last,
                    },
                )
            return _(
                "provenance_verified_reports",
                default="Based on ${count} verified reports, period ${periods}, finalised on "
                "${date}",
                mapping={"count": self.count, "periods": periods, "date": self.finalised_last},
            )
        if self.kind == RECORDED_AWARDS:
            if self.sources:
                return _(
                    "provenance_recorded_awards",
                    default="Based on ${count} published awards, award year ${year} "
                    "(source: ${sources})",
                    mapping={
                        "count": self.count,
                        "year": self.award_year,
                        "sources": "; ".join(source.text for source in self.sources),
                    },
                )
            return _(
                "provenance_recorded_awards_no_source",
                default="Based on ${count} published awards, award year ${year}",
                mapping={"count": self.count, "year": self.award_year},
            )
        return _(
            "provenance_none",
            default="No final results for award year ${year} yet",
            mapping={"year": self.award_year},
        )


@dataclass(frozen=True)
class RegionRow:
    province: str
    province_name: str
    results: int  # results of partners in the province, of every kind
    kabkota_total: int  # kabupaten/kota of the province (Kemendagri)
    kabkota_results: int  # kabupaten/kota governments with a result
    qualifying: int  # of them, with the qualifying predicate
    percent: float  # qualifying / kabkota_total, one decimal
    province_qualifies: bool = None  # None where the programme has no province rule
    province_award: AwardInfo = None  # a recorded award to the province government


@dataclass(frozen=True)
class Results:
    programme: object
    period: object  # the ReportingPeriod, or None for an award year
    award_year: int
    qualifying_predicate: str
    province_threshold: float
    provenance: Provenance
    ranking: tuple  # ResultRow
    predicate_counts: tuple  # (predicate, count), in band order
    regions: tuple  # RegionRow, by province code
    national: object  # NationalAggregate or None

    @property
    def final(self):
        return self.provenance.kind != NO_RESULTS

    @property
    def show_kabkota(self):
        """Whether the kabupaten/kota columns of the region table say anything."""
        return self.province_threshold is not None or any(
            region.kabkota_results for region in self.regions
        )

    def qualifying_results(self):
        return [row for row in self.ranking if row.qualifies]
