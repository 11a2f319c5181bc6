"""Results of a programme for a period or an award year: final figures only, with provenance.

Computed from the catalog (brains of FINAL reports and their metadata ham_partner, ham_score,
ham_predicate, ham_finalised), so a period with thousands of reports wakes no report object;
only the partners that have a result are woken, once. For an award year without final reports
(years before the platform), the published Awards of the programme and year are the recorded
results, with the sources the awards state.

- Ranking by score, highest first; equal scores share a rank; no rank where there is no score.
- Predicate counts, in the order of the bands.
- Per province: its kabupaten/kota (the official Kemendagri list), how many have a result, how
  many have the qualifying predicate, the percentage, and whether the province qualifies under
  the programme's province threshold (KKP HAM: 60 %).
"""

from dataclasses import replace
from kemenkumham.ham.content.aggregates import national_aggregate
from kemenkumham.ham.content.aggregates import parse_national_aggregates
from kemenkumham.ham.content.reporting_period import IReportingPeriod
from kemenkumham.ham.content.scoring import parse_bands
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.reporting.results_model import AwardInfo
from kemenkumham.ham.reporting.results_model import KABKOTA
from kemenkumham.ham.reporting.results_model import NO_RESULTS
from kemenkumham.ham.reporting.results_model import PartnerInfo
from kemenkumham.ham.reporting.results_model import Provenance
from kemenkumham.ham.reporting.results_model import PROVINCE_GOVERNMENT
from kemenkumham.ham.reporting.results_model import RECORDED_AWARDS
from kemenkumham.ham.reporting.results_model import RegionRow
from kemenkumham.ham.reporting.results_model import ResultRow
from kemenkumham.ham.reporting.results_model import Results
from kemenkumham.ham.reporting.results_model import Source
from kemenkumham.ham.reporting.results_model import VERIFIED_REPORTS
from kemenkumham.ham.reporting.rules import rules_of
from kemenkumham.ham.vocabularies import Provinces
from kemenkumham.ham.vocabularies import regencies_in
from plone import api


# Looking things up


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _path(obj):
    return "/".join(obj.getPhysicalPath())


def find_programme(key):
    """The programme with this code (KKPHAM) or id (kkp-ham) the user may view, or None."""
    key = (key or "").strip()
    if not key:
        return None
    for query in ({"ham_code": key}, {"getId": key}):
        brains = _catalog()(portal_type="Programme", sort_on="path", **query)
        if len(brains):
            return brains[0].getObject()
    return None


def periods_of(programme):
    """The programme's reporting periods the user may view, newest data year first."""
    brains = _catalog()(portal_type="ReportingPeriod", path={"query": _path(programme), "depth": 1})
    periods = [brain.getObject() for brain in brains]
    return sorted(periods, key=lambda period: (-period.data_year, period.getId()))


def find_period(programme, period_id):
    for period in periods_of(programme):
        if period.getId() == period_id:
            return period
    return None


def _published_awards(programme, award_year=None):
    """The programme's published awards (of the year), woken: they are few."""
    query = {"portal_type": "Award", "review_state": "published"}
    if award_year is not None:
        query["ham_year"] = award_year
    uid = api.content.get_uuid(programme)
    for brain in _catalog().unrestrictedSearchResults(**query):
        award = brain._unrestrictedGetObject()
        target = _to_object(getattr(award, "programme", None))
        if target is not None and api.content.get_uuid(target) == uid:
            yield award


def _to_object(relation):
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def award_years(programme):
    """Award years the programme has periods, published awards or national figures for."""
    years = {period.assessment_year for period in periods_of(programme)}
    years.update(award.year for award in _published_awards(programme))
    years.update(aggregate.award_year for aggregate in _national_aggregates(programme))
    return sorted((year for year in years if year), reverse=True)


def _national_aggregates(programme):
    try:
        return parse_national_aggregates(getattr(programme, "national_aggregates", None))
    except FieldError:
        return []


def _national(programme, award_year):
    try:
        return national_aggregate(programme, award_year)
    except FieldError:
        return None


def _partner_info(partner):
    return PartnerInfo(
        uid=api.content.get_uuid(partner),
        title=partner.Title(),
        url=partner.absolute_url(),
        kind=getattr(partner, "kind", None),
        province=getattr(partner, "province", None),
        regency=getattr(partner, "regency", None),
    )


def partners_by_uid(uids):
    """{UID: PartnerInfo} of the given partners, from one catalog query.

    UID, title and path come from the brains; kind and region are read from the partner
    objects, fetched from their folder (one traversal per folder, not per partner).
    """
    uids = sorted({uid for uid in uids if uid})
    if not uids:
        return {}
    portal = api.portal.get()
    portal_path, portal_url = _path(portal), portal.absolute_url()
    root = portal.getPhysicalRoot()
    folders, found = {}, {}
    for brain in _catalog().unrestrictedSearchResults(portal_type="Partner", UID=uids):
        path = brain.getPath()
        folder_path, _slash, partner_id = path.rpartition("/")
        if folder_path not in folders:
            folders[folder_path] = root.unrestrictedTraverse(folder_path, None)
        folder = folders[folder_path]
        partner = folder._getOb(partner_id, None) if folder is not None else None
        found[brain.UID] = PartnerInfo(
            uid=brain.UID,
            title=brain.Title,
            url=portal_url + path[len(portal_path) :],
            kind=getattr(partner, "kind", None),
            province=getattr(partner, "province", None),
            regency=getattr(partner, "regency", None),
        )
    return found


# Results


def _qualifying_predicate(programme, bands):
    configured = (getattr(programme, "qualifying_predicate", None) or "").strip()
    if configured:
        return configured
    return bands[0][1] if bands else None


def _programme_bands(programme):
    try:
        return tuple(parse_bands(getattr(programme, "bands", None)))
    except FieldError:
        return ()


def final_report_rows(periods, qualifying):
    """ResultRow per partner from the final reports of the periods (catalog metadata only)."""
    if not periods:
        return [], {}
    brains = _catalog().unrestrictedSearchResults(
        portal_type="IndicatorReport",
        review_state="final",
        path={"query": [_path(period) for period in periods]},
    )
    latest = {}  # partner UID -> brain; a partner reporting in two periods counts once
    for brain in brains:
        uid = brain.ham_partner
        if not uid:
            continue
        previous = latest.get(uid)
        if previous is None or (brain.ham_finalised or "") > (previous.ham_finalised or ""):
            latest[uid] = brain
    partners = partners_by_uid(latest)
    rows = []
    for uid, brain in latest.items():
        partner = partners.get(uid) or PartnerInfo(uid=uid, title=uid, url="")
        predicate = brain.ham_predicate or None
        rows.append(
            ResultRow(
                partner=partner,
                score=brain.ham_score,
                predicate=predicate,
                qualifies=bool(qualifying) and predicate == qualifying,
                finalised=brain.ham_finalised or None,
            )
        )
    return rows, latest


def recorded_award_rows(programme, award_year, qualifying, province_rule):
    """ResultRows from the published awards; awards to province governments apart.

    Where the programme has a province rule, an award to a province government is the outcome
    of that rule (all or most of its kabupaten/kota qualified), not a result of its own.
    """
    rows, province_awards, sources = [], {}, []
    for award in _published_awards(programme, award_year):
        partner = _to_object(getattr(award, "recipient", None))
        if partner is None:
            continue
        info = _partner_info(partner)
        award_info = AwardInfo(
            uid=api.content.get_uuid(award),
            title=award.Title(),
            url=award.absolute_url(),
            predicate=award.predicate,
        )
        source = (getattr(award, "source", None) or award.decree or "").strip()
        if source:
            entry = Source(source, getattr(award, "source_url", None) or "")
            if entry not in sources:
                sources.append(entry)
        if province_rule and info.kind == PROVINCE_GOVERNMENT and not info.regency:
            province_awards[info.province] = award_info
            continue
        rows.append(
            ResultRow(
                partner=info,
                score=award.score,
                predicate=award.predicate,
                qualifies=bool(qualifying) and award.predicate == qualifying,
                award=award_info,
            )
        )
    return rows, province_awards, tuple(sources)


def ranked(rows):
    """Highest score first; equal scores share a rank (1, 2, 2, 4); no rank without a score."""
    scored = sorted(
        (row for row in rows if row.score is not None),
        key=lambda row: (-row.score, row.partner.title),
    )
    result, previous, rank = [], None, 0
    for position, row in enumerate(scored, start=1):
        if row.score != previous:
            rank, previous = position, row.score
        result.append(replace(row, rank=rank))
    unscored = sorted((row for row in rows if row.score is None), key=lambda row: row.partner.title)
    return tuple(result + [replace(row, rank=None) for row in unscored])


def predicate_counts(rows, bands):
    counts = {}
    for row in rows:
        if row.predicate:
            counts[row.predicate] = counts.get(row.predicate, 0) + 1
    order = [predicate for _lowest, predicate in bands]
    known = [(predicate, counts[predicate]) for predicate in order if predicate in counts]
    others = sorted((p, n) for p, n in counts.items() if p not in order)
    return tuple(known + others)


def region_table(rows, threshold, province_awards=None):
    province_awards = province_awards or {}
    province_names = {term.value: term.title for term in Provinces()}
    by_province = {code: [] for code in province_awards if code}
    for row in rows:
        if row.partner.province:
            by_province.setdefault(row.partner.province, []).append(row)
    table = []
    for code, in_province in sorted(by_province.items()):
        kabkota = [row for row in in_province if row.partner.kind == KABKOTA]
        official = set(regencies_in(code))
        with_result = {row.partner.regency for row in kabkota if row.partner.regency in official}
        qualifying = {
            row.partner.regency
            for row in kabkota
            if row.qualifies and row.partner.regency in official
        }
        total = len(official)
        percent = round(100 * len(qualifying) / total, 1) if total else 0.0
        qualifies = None
        if threshold is not None:
            # Exact comparison: 59.96 % rounds to 60.0 but does not reach 60 %.
            qualifies = bool(total) and len(qualifying) * 100 >= threshold * total
        table.append(
            RegionRow(
                province=code,
                province_name=province_names.get(code, code),
                results=len(in_province),
                kabkota_total=total,
                kabkota_results=len(with_result),
                qualifying=len(qualifying),
                percent=percent,
                province_qualifies=qualifies,
                province_award=province_awards.get(code),
            )
        )
    return tuple(table)


def _threshold(programme):
    value = getattr(programme, "province_threshold", None)
    return float(value) if value is not None else None


def _results(programme, period, award_year, periods, bands):
    qualifying = _qualifying_predicate(programme, bands)
    threshold = _threshold(programme)
    rows, brains = final_report_rows(periods, qualifying)
    province_awards = {}
    if rows:
        finalised = sorted(brain.ham_finalised for brain in brains.values() if brain.ham_finalised)
        reporting = {brain.getPath().rsplit("/", 1)[0] for brain in brains.values()}
        provenance = Provenance(
            kind=VERIFIED_REPORTS,
            count=len(rows),
            award_year=award_year,
            periods=tuple(p.Title() for p in periods if _path(p) in reporting),
            finalised_first=finalised[0] if finalised else None,
            finalised_last=finalised[-1] if finalised else None,
        )
    else:
        rows, province_awards, sources = recorded_award_rows(
            programme, award_year, qualifying, threshold is not None
        )
        kind = RECORDED_AWARDS if rows or province_awards else NO_RESULTS
        provenance = Provenance(kind=kind, count=len(rows), award_year=award_year, sources=sources)
    return Results(
        programme=programme,
        period=period,
        award_year=award_year,
        qualifying_predicate=qualifying,
        province_threshold=threshold,
        provenance=provenance,
        ranking=ranked(rows),
        predicate_counts=predicate_counts(rows, bands),
        regions=region_table(rows, threshold, province_awards),
        national=_national(programme, award_year),
    )


def results_for_period(period):
    """Results of one period; award year = its assessment year (KKP HAM: data year + 1)."""
    if not IReportingPeriod.providedBy(period):
        raise ValueError(f"not a reporting period: {period!r}")
    programme = period.aq_parent
    return _results(programme, period, period.assessment_year, [period], rules_of(period).bands)


def results_for_year(programme, award_year):
    """Results of an award year: the final reports of the periods assessed that year."""
    periods = [p for p in periods_of(programme) if p.assessment_year == award_year]
    bands = rules_of(periods[0]).bands if periods else _programme_bands(programme)
    return _results(programme, None, award_year, periods, bands)


def preliminary_results(periods, qualifying):
    """Assessed, not yet final reports of the periods, ranked: for office staff only.

    Their scores may still change (reopen, corrections); pages label them as preliminary.
    """
    if not periods:
        return ()
    brains = _catalog().unrestrictedSearchResults(
        portal_type="IndicatorReport",
        review_state="assessed",
        path={"query": [_path(period) for period in periods]},
    )
    reports = [brain._unrestrictedGetObject() for brain in brains]
    partners = partners_by_uid(report.partner_uid for report in reports)
    rows = []
    for report in reports:
        partner = partners.get(report.partner_uid) or PartnerInfo(
            uid=report.partner_uid, title=report.Title(), url=""
        )
        rows.append(
            ResultRow(
                partner=partner,
                score=report.total_score,
                predicate=report.predicate,
                qualifies=bool(qualifying) and report.predicate == qualifying,
                report_url=report.absolute_url(),
            )
        )
    return ranked(rows)
