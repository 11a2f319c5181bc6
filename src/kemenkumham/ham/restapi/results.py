"""GET @ham-results on the site: results of a programme for a period or an award year.

    @ham-results?programme=KKPHAM&period=2024
    @ham-results?programme=kkp-ham&year=2020

Final figures only, for everybody (anonymous included): the results come from final reports
or published awards, never from reports in progress. The programme and period must be
visible to the caller. The answer follows the `Results` schema of docs/openapi.yaml.
"""

from kemenkumham.ham import _
from kemenkumham.ham.reporting.results import find_period
from kemenkumham.ham.reporting.results import find_programme
from kemenkumham.ham.reporting.results import results_for_period
from kemenkumham.ham.reporting.results import results_for_year
from kemenkumham.ham.reporting.results_text import national_message
from kemenkumham.ham.reporting.results_text import text
from plone import api
from plone.restapi.services import Service
from urllib.parse import urlencode


PARAMETERS = ("programme", "period", "year")


class ResultsRequestError(Exception):
    def __init__(self, status, message):
        super().__init__(status, message)
        self.status = status
        self.message = message


def _bad_request(message):
    return ResultsRequestError(400, message)


def parse_parameters(form):
    """(programme key, period id or None, award year or None); ResultsRequestError if bad."""
    # Names starting with "_" are cache busters of HTTP clients, not parameters.
    unknown = sorted(name for name in form if name not in PARAMETERS and not name.startswith("_"))
    if unknown:
        raise _bad_request(
            _(
                "error_results_unknown_parameter",
                default="Unknown parameter: ${names}. Use programme with period or year.",
                mapping={"names": ", ".join(unknown)},
            )
        )
    values = {}
    for name in PARAMETERS:
        value = form.get(name)
        if isinstance(value, list):
            raise _bad_request(
                _(
                    "error_results_parameter_twice",
                    default="Parameter ${name} is given more than once.",
                    mapping={"name": name},
                )
            )
        values[name] = (value or "").strip() if isinstance(value, str) else ""
    if not values["programme"]:
        raise _bad_request(
            _(
                "error_results_programme_missing",
                default="Parameter programme is missing: give a programme code or id, "
                "e.g. programme=KKPHAM.",
            )
        )
    if values["period"] and values["year"]:
        raise _bad_request(
            _(
                "error_results_period_and_year",
                default="Give either period or year, not both.",
            )
        )
    if not values["period"] and not values["year"]:
        raise _bad_request(
            _(
                "error_results_period_or_year_missing",
                default="Parameter period or year is missing: give a period id (period=2024) "
                "or an award year (year=2020).",
            )
        )
    year = None
    if values["year"]:
        if not values["year"].isdigit() or not 2000 <= int(values["year"]) <= 2100:
            raise _bad_request(
                _(
                    "error_results_year_invalid",
                    default="Parameter year: '${year}' is not an award year (2000 to 2100).",
                    mapping={"year": values["year"]},
                )
            )
        year = int(values["year"])
    return values["programme"], values["period"] or None, year


def lookup_results(form):
    """The Results the parameters ask for; ResultsRequestError (400/404) otherwise."""
    key, period_id, year = parse_parameters(form)
    programme = find_programme(key)
    if programme is None:
        raise ResultsRequestError(
            404,
            _(
                "error_results_programme_not_found",
                default="No programme with code or id '${programme}'.",
                mapping={"programme": key},
            ),
        )
    if period_id is not None:
        period = find_period(programme, period_id)
        if period is None:
            raise ResultsRequestError(
                404,
                _(
                    "error_results_period_not_found",
                    default="Programme ${programme} has no period '${period}'.",
                    mapping={"programme": programme.Title(), "period": period_id},
                ),
            )
        return results_for_period(period)
    return results_for_year(programme, year)


def _partner(info):
    return {
        "@id": info.url,
        "UID": info.uid,
        "title": info.title,
        "kind": info.kind,
        "province": info.province,
        "regency": info.regency,
    }


def _award(info):
    if info is None:
        return None
    return {"@id": info.url, "UID": info.uid, "title": info.title}


def results_data(results, request, url):
    """The Results as plain JSON data (the `Results` schema of docs/openapi.yaml)."""
    programme, period, provenance = results.programme, results.period, results.provenance
    national = None
    if results.national is not None:
        aggregate = results.national
        national = {
            "award_year": aggregate.award_year,
            "qualifying": aggregate.qualifying,
            "total": aggregate.total,
            "percent": aggregate.percent,
            "source": aggregate.source,
            "source_url": aggregate.source_url or None,
            "note": text(
                national_message(aggregate, results.qualifying_predicate, request), request
            ),
        }
    return {
        "@id": url,
        "programme": {
            "@id": programme.absolute_url(),
            "code": programme.code or "",
            "title": programme.Title(),
        },
        "period": None
        if period is None
        else {
            "@id": period.absolute_url(),
            "id": period.getId(),
            "title": period.Title(),
            "data_year": period.data_year,
            "assessment_year": period.assessment_year,
        },
        "award_year": results.award_year,
        "qualifying_predicate": results.qualifying_predicate,
        "province_threshold": results.province_threshold,
        "provenance": {
            "kind": provenance.kind,
            "count": provenance.count,
            "periods": list(provenance.periods),
            "finalised": provenance.finalised_last,
            "finalised_first": provenance.finalised_first,
            "sources": [
                {"text": source.text, "url": source.url or None} for source in provenance.sources
            ],
            "text": text(provenance.message(), request),
        },
        "predicate_counts": dict(results.predicate_counts),
        "ranking": [
            {
                "rank": row.rank,
                "partner": _partner(row.partner),
                "score": row.score,
                "predicate": row.predicate,
                "qualifies": row.qualifies,
                "finalised": row.finalised,
                "award": _award(row.award),
            }
            for row in results.ranking
        ],
        "regions": [
            {
                "province": region.province,
                "province_name": region.province_name,
                "results": region.results,
                "kabkota_total": region.kabkota_total,
                "kabkota_results": region.kabkota_results,
                "qualifying": region.qualifying,
                "percent": region.percent,
                "province_qualifies": region.province_qualifies,
                "province_award": _award(region.province_award),
            }
            for region in results.regions
        ],
        "national": national,
    }


class HamResults(Service):
    def reply(self):
        form = dict(self.request.form)
        try:
            results = lookup_results(form)
        except ResultsRequestError as error:
            self.request.response.setStatus(error.status)
            kind = "BadRequest" if error.status == 400 else "NotFound"
            return {"error": {"type": kind, "message": text(error.message, self.request)}}
        query = {name: form[name] for name in PARAMETERS if form.get(name)}
        url = f"{api.portal.get().absolute_url()}/@ham-results?{urlencode(query)}"
        return results_data(results, self.request, url)
