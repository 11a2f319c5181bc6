"""Partners, final reports and awards for the results tests (made as Manager)."""

from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.factories import prepare_report_step
from tests.factories import relation_to
from tests.factories import SAMPLE_VALUES


def add_partner(portal, partner_id, title, regency=None, province=None, kind="pemda_kabkota"):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["mitra"],
            type="Partner",
            id=partner_id,
            title=title,
            kind=kind,
            province=province or regency.split(".")[0],
            regency=regency,
        )


def add_report(period, partner, state="final", score=80, values=SAMPLE_VALUES):
    """The partner's report in the period, taken to `state`; every indicator scored `score`."""

    def prepare(report, transition):
        if transition == "assess":
            update_rows(report, {code: {"score": score} for code in report.rows})
        else:
            prepare_report_step(report, transition)

    with api.env.adopt_roles(["Manager"]):
        report = api.content.create(
            container=period,
            type="IndicatorReport",
            id=f"laporan-{partner.getId()}",
            title=f"Laporan {partner.Title()}",
            partner_uid=api.content.get_uuid(partner),
        )
        update_rows(report, values)
        if state != "draft":
            move_to_state(report, state, prepare=prepare)
    return report


def add_award(portal, programme, partner, year, predicate="Peduli HAM", state="published", **more):
    with api.env.adopt_roles(["Manager"]):
        award = api.content.create(
            container=portal["penghargaan"],
            type="Award",
            title=f"{predicate} {year}: {partner.Title()}",
            safe_id=True,
            year=year,
            programme=relation_to(programme),
            recipient=relation_to(partner),
            predicate=predicate,
            **more,
        )
        if state == "published":
            api.content.transition(obj=award, transition="publish")
    return award
