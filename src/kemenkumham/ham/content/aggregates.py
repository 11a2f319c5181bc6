"""Recorded national figures of a programme: "2020; 259; 514; source; URL" lines, checked.

Where only a national total was published (not which regions reached the predicate), the
programme keeps that total with its source; the results show it as recorded, never as computed.
"""

from dataclasses import dataclass
from kemenkumham.ham import _
from kemenkumham.ham.content.validation import FieldError


@dataclass(frozen=True)
class NationalAggregate:
    award_year: int
    qualifying: int  # regions with the qualifying predicate
    total: int  # all regions of the country
    source: str
    source_url: str = ""

    @property
    def percent(self):
        return round(100 * self.qualifying / self.total, 1)


def _bad_line(line):
    return FieldError(
        _(
            "error_national_aggregate_format",
            default="Figure '${line}' must look like '2020; 259; 514; source; URL' (award year; "
            "number with the predicate; total; source; optional URL).",
            mapping={"line": line},
        )
    )


def _whole_number(text, line):
    text = text.strip()
    if not text.isdigit():
        raise _bad_line(line)
    return int(text)


def parse_national_aggregate(line):
    parts = [part.strip() for part in line.split(";")]
    if len(parts) < 4:
        raise _bad_line(line)
    year, qualifying, total = (_whole_number(part, line) for part in parts[:3])
    rest = parts[3:]
    url = rest.pop() if len(rest) > 1 and rest[-1].startswith(("http://", "https://")) else ""
    if len(rest) > 1 and not rest[-1]:  # "...; source;" with an empty URL
        rest.pop()
    source = "; ".join(rest).strip()
    if not source or not 2000 <= year <= 2100 or total == 0:
        raise _bad_line(line)
    if qualifying > total:
        raise FieldError(
            _(
                "error_national_aggregate_above_total",
                default="Figure '${line}': ${qualifying} cannot be more than the total ${total}.",
                mapping={"line": line, "qualifying": qualifying, "total": total},
            )
        )
    if url and (" " in url or len(url) < len("https://x.y")):
        raise _bad_line(line)
    return NationalAggregate(year, qualifying, total, source, url)


def parse_national_aggregates(lines):
    """[NationalAggregate] in the order given; FieldError names the first bad line."""
    aggregates = []
    years = set()
    for line in lines or ():
        if not line.strip():
            continue
        aggregate = parse_national_aggregate(line)
        if aggregate.award_year in years:
            raise FieldError(
                _(
                    "error_national_aggregate_twice",
                    default="Figure '${line}': award year ${year} is given twice.",
                    mapping={"line": line, "year": aggregate.award_year},
                )
            )
        years.add(aggregate.award_year)
        aggregates.append(aggregate)
    return aggregates


def national_aggregate(programme, award_year):
    """The programme's recorded national figure for the award year, or None."""
    for aggregate in parse_national_aggregates(getattr(programme, "national_aggregates", None)):
        if aggregate.award_year == award_year:
            return aggregate
    return None
