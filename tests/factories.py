"""A small tree of every content type of the domain, for tests (made as Manager)."""

from datetime import date
from datetime import timedelta
from kemenkumham.ham.clock import today
from kemenkumham.ham.reporting.rows import update_rows
from plone import api


def relation_to(obj):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    return RelationValue(getUtility(IIntIds).getId(obj))


SAMPLE_VALUES = {"KKP-06.03": {"value": "80"}, "KKP-07.01": {"value": "5"}}


def prepare_report_step(report, transition):
    """Before each transition of a test report, what its guard asks for (see move_to_state)."""
    if report.portal_type != "IndicatorReport":
        return
    codes = list(report.rows)
    if transition == "request_revision":
        update_rows(report, {codes[0]: {"status": "needs_revision", "remark": "Lengkapi data."}})
    elif transition == "verify":
        update_rows(report, {code: {"status": "accepted"} for code in codes})
    elif transition == "assess":
        update_rows(report, {code: {"score": 80} for code in codes})


def make_tree(portal):
    """Create one object of each type in the section that holds it; return them by name."""
    with api.env.adopt_roles(["Manager"]):
        tree = {}
        tree["regulation"] = api.content.create(
            container=portal["peraturan"],
            type="Regulation",
            id="permenkumham-22-2021",
            title="Kriteria Daerah Kabupaten/Kota Peduli HAM",
            kind="permenkumham",
            number="22",
            year=2021,
        )
        tree["programme"] = api.content.create(
            container=portal["program"],
            type="Programme",
            id="kkp-ham",
            title="KKP HAM",
            code="KKPHAM",
            cycle="tahunan",
            scoring_method="average",
            bands=[
                "75: Peduli HAM",
                "65: Cukup Peduli HAM",
                "50: Mulai Peduli HAM",
                "0: Kurang Peduli HAM",
            ],
        )
        tree["indicator"] = api.content.create(
            container=tree["programme"],
            type="Indicator",
            id="kkp-06-03",
            title="Contoh indikator kesehatan",
            code="KKP-06.03",
            right_group="hak atas kesehatan",
            kind="hasil",
            measurement="percentage",
            weight=1.0,
        )
        tree["indicator_2"] = api.content.create(
            container=tree["programme"],
            type="Indicator",
            id="kkp-07-01",
            title="Contoh indikator pendidikan",
            code="KKP-07.01",
            right_group="hak atas pendidikan",
            kind="proses",
            measurement="number",
            weight=1.0,
        )
        tree["period"] = api.content.create(
            container=tree["programme"],
            type="ReportingPeriod",
            id="2024",
            title="2024",
            data_year=2024,
            assessment_year=2025,
            opens=date(2025, 1, 6),
            submission_deadline=date(2025, 3, 31),
            verification_deadline=date(2025, 5, 15),
        )
        # A period open today, without reports yet: partners can open theirs.
        tree["period_open"] = api.content.create(
            container=tree["programme"],
            type="ReportingPeriod",
            id="berjalan",
            title="Periode berjalan (Contoh)",
            data_year=today().year,
            assessment_year=today().year + 1,
            opens=today() - timedelta(days=30),
            submission_deadline=today() + timedelta(days=60),
            verification_deadline=today() + timedelta(days=90),
        )
        for key, partner_id, title, regency in (
            ("partner_a", "kota-serang", "Pemerintah Kota Serang", "36.73"),
            ("partner_b", "kabupaten-lebak", "Pemerintah Kabupaten Lebak", "36.02"),
        ):
            tree[key] = api.content.create(
                container=portal["mitra"],
                type="Partner",
                id=partner_id,
                title=title,
                kind="pemda_kabkota",
                province="36",
                regency=regency,
            )
        for key, partner in (("report_a", "partner_a"), ("report_b", "partner_b")):
            tree[key] = api.content.create(
                container=tree["period"],
                type="IndicatorReport",
                id=f"laporan-{tree[partner].getId()}",
                title=f"Laporan {tree[partner].Title()} 2024",
                partner_uid=api.content.get_uuid(tree[partner]),
            )
            update_rows(tree[key], SAMPLE_VALUES)
        tree["pledge"] = api.content.create(
            container=tree["programme"],
            type="Pledge",
            id="pencanangan-contoh",
            title="Pencanangan P2HAM (Contoh)",
            partner=relation_to(tree["partner_a"]),
            requested_date=date(2024, 1, 15),
            planned_date=date(2024, 2, 21),
        )
        tree["taskforce"] = api.content.create(
            container=portal["gugus-tugas"],
            type="TaskForce",
            id="gtd-bham-banten",
            title="GTD BHAM Banten",
            level="daerah",
            province="36",
        )
        tree["member"] = api.content.create(
            container=tree["taskforce"],
            type="TaskForceMember",
            id="anggota-contoh",
            title="Anggota Contoh",
            role="anggota",
            contact_email="anggota@example.org",
            contact_phone="0254-000000",
        )
        tree["complaint"] = api.content.create(
            container=portal["pengaduan"],
            type="Complaint",
            id="pengaduan-contoh",
            title="Pengaduan (Contoh)",
            channel="langsung",
            party_kind="lembaga_pemerintah",
            party_complained_about="Contoh instansi",
            right_concerned="keadilan",
            incident_place="Serang",
            chronology="Contoh kronologi.",
        )
        tree["award"] = api.content.create(
            container=portal["penghargaan"],
            type="Award",
            id="kkp-ham-2020-kota-serang",
            title="Kota Serang: Peduli HAM 2020",
            year=2020,
            predicate="Peduli HAM",
        )
    return tree
