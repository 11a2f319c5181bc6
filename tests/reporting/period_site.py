"""A period with partners in every situation, for the completeness, export and reminder tests."""

from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from tests.factories import make_tree
from tests.factories import prepare_report_step
from tests.factories import relation_to
from tests.factories import SAMPLE_VALUES


PASSWORD = "rahasia-periode-1"


def add_partner(portal, partner_id, title, regency):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["mitra"],
            type="Partner",
            id=partner_id,
            title=title,
            kind="pemda_kabkota",
            province="36",
            regency=regency,
        )


def add_report(period, partner, values=None):
    with api.env.adopt_roles(["Manager"]):
        report = api.content.create(
            container=period,
            type="IndicatorReport",
            id=f"laporan-{partner.getId()}",
            title=f"Laporan {partner.Title()} {period.Title()}",
            partner_uid=api.content.get_uuid(partner),
        )
        update_rows(report, values or SAMPLE_VALUES)
    return report


def add_member(username, group):
    api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
    api.group.add_user(groupname=group, username=username)


def to_state(report, state):
    with api.env.adopt_roles(["Manager"]):
        move_to_state(report, state, prepare=prepare_report_step)


def make_period_site(portal):
    """make_tree, published, and in period 2024 (window 2025-01-06 .. 2025-03-31):

    - expected: Kota Serang (report_a, draft), Kabupaten Lebak (report_b, submitted),
      Kota Cilegon (no report), Kota Tangerang (report_final, final, scores 80);
    - not expected, with a report: Kabupaten Pandeglang (report_extra, revision).
    """
    tree = make_tree(portal)
    tree["partner_c"] = add_partner(portal, "kota-cilegon", "Pemerintah Kota Cilegon", "36.72")
    tree["partner_d"] = add_partner(
        portal, "kabupaten-pandeglang", "Pemerintah Kabupaten Pandeglang", "36.01"
    )
    tree["partner_e"] = add_partner(portal, "kota-tangerang", "Pemerintah Kota Tangerang", "36.71")
    period = tree["period"]
    with api.env.adopt_roles(["Manager"]):
        period.expected_partners = [
            relation_to(tree[key]) for key in ("partner_a", "partner_b", "partner_c", "partner_e")
        ]
        for key in ("programme", "period", "period_open"):
            move_to_state(tree[key], "published")
    tree["report_extra"] = add_report(period, tree["partner_d"])
    tree["report_final"] = add_report(period, tree["partner_e"])
    to_state(tree["report_b"], "submitted")
    to_state(tree["report_extra"], "revision")
    to_state(tree["report_final"], "final")
    return tree
