"""The demo site of DOMAIN.md, from the source articles; sample data says "Contoh"."""

from kemenkumham.ham.demo import create_demo
from kemenkumham.ham.demo.users import DEMO_USERS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


@pytest.fixture(scope="class")
def demo(portal_class):
    """Made once for the whole class: creating the demo site takes a few seconds."""
    setRoles(portal_class, TEST_USER_ID, ["Manager"])
    result = create_demo(portal_class, say=lambda message: None)
    return portal_class, result


@pytest.mark.usefixtures("demo")
class TestDemoSite:
    def test_partners_of_the_sources(self, demo):
        portal, _ = demo
        mitra = portal["mitra"]
        for partner_id, province in (
            ("kanwil-banten", "36"),
            ("kanwil-babel", "19"),
            ("kanwil-sulut", "71"),
            ("pemerintah-kota-bitung", "71"),
            ("lapas-rangkasbitung", "36"),
        ):
            assert mitra[partner_id].province == province
        assert mitra["pemerintah-kota-bitung"].regency == "71.72"
        assert (
            mitra["lapas-rangkasbitung"].Title() == "Lembaga Pemasyarakatan Kelas III Rangkasbitung"
        )
        banten = [
            p for p in mitra.objectValues() if p.kind == "pemda_kabkota" and p.province == "36"
        ]
        assert len(banten) == 8

    def test_banten_2020_awards_are_peduli_ham_without_score(self, demo):
        portal, _ = demo
        awards = [
            a for a in portal["penghargaan"].objectValues() if a.getId().startswith("kkp-ham-2020-")
        ]
        kabkota = [a for a in awards if a.recipient.to_object.kind == "pemda_kabkota"]
        assert len(kabkota) == 8
        assert {a.predicate for a in kabkota} == {"Peduli HAM"}
        assert {a.score for a in kabkota} == {None}
        assert {a.year for a in kabkota} == {2020}
        assert all(api.content.get_state(a) == "published" for a in kabkota)
        lapas = portal["penghargaan"]["p2ham-2020-lapas-rangkasbitung"]
        assert lapas.recipient.to_object.getId() == "lapas-rangkasbitung"

    def test_national_figure_is_a_recorded_aggregate_with_source(self, demo):
        portal, _ = demo
        page = portal["statistik"]["kkp-ham-nasional-2020"]
        assert "259 dari 514 kabupaten/kota (50,4%)" in page.text.raw
        assert "Sumber" in page.text.raw

    def test_task_force_awaits_signature(self, demo):
        portal, _ = demo
        gtd = portal["gugus-tugas"]["gtd-bham-banten"]
        assert api.content.get_state(gtd) == "awaiting_signature"
        assert all("(Contoh)" in member.Title() for member in gtd.objectValues())

    def test_pledges_of_banten_and_babel(self, demo):
        portal, _ = demo
        p2ham = portal["program"]["p2ham"]
        banten = p2ham["pencanangan-kanwil-banten"]
        assert banten.planned_date.isoformat() == "2024-02-21"
        assert banten.partner.to_object.getId() == "kanwil-banten"
        babel = p2ham["pencanangan-kanwil-babel"]
        assert babel.place == "Balai Pengayoman Kanwil Kemenkumham Babel"
        assert babel.planned_date is None  # the source says only "akhir Februari 2024"
        assert "akhir Februari 2024" in babel.Description()
        assert {api.content.get_state(p) for p in (banten, babel)} == {"scheduled"}

    def test_regulations_and_what_they_replaced(self, demo):
        portal, _ = demo
        peraturan = portal["peraturan"]
        for reg_id in (
            "perpres-60-2023",
            "perpres-53-2021",
            "permenkumham-22-2021",
            "permenkumham-25-2023",
            "permenkumham-23-2022",
        ):
            assert peraturan[reg_id].status == "berlaku"
        old = peraturan["permenkumham-34-2016"]
        assert old.status == "dicabut"
        assert old.replaced_by.to_object.getId() == "permenkumham-22-2021"

    def test_kkp_ham_programme_with_ten_rights_period_and_reports(self, demo):
        portal, _ = demo
        kkp = portal["program"]["kkp-ham"]
        assert kkp.code == "KKPHAM"
        assert kkp.bands[0] == "75: Peduli HAM"
        assert kkp.legal_basis[0].to_object.getId() == "permenkumham-22-2021"
        indicators = [o for o in kkp.objectValues() if o.portal_type == "Indicator"]
        assert len(indicators) == 10
        assert len({i.code for i in indicators}) == 10
        assert all(i.Title().startswith("Contoh") for i in indicators)
        period = kkp["2024"]
        assert (period.data_year, period.assessment_year) == (2024, 2025)
        states = {api.content.get_state(r) for r in period.objectValues()}
        assert states == {"draft", "submitted", "revision", "verified"}
        assert all("(Contoh)" in r.Title() for r in period.objectValues())

    def test_six_programmes(self, demo):
        portal, _ = demo
        codes = {p.code for p in portal["program"].objectValues() if p.portal_type == "Programme"}
        assert codes == {"P2HAM", "KKPHAM", "BHAM", "PRISMA", "PENGADUAN", "RANHAM"}

    def test_news_link_their_programmes(self, demo):
        portal, _ = demo
        news = portal["berita"]["kanwil-babel-konsultasi-pencanangan-p2ham"]
        assert [r.to_object.getId() for r in news.related_programmes] == ["p2ham"]

    def test_demo_users_in_their_groups_with_generated_passwords(self, demo):
        portal, result = demo
        assert [u[0] for u in result.users] == [u[0] for u in DEMO_USERS]
        assert len({u[1] for u in result.users}) == len(DEMO_USERS)
        for username, _, group in DEMO_USERS:
            assert username in api.group.get(groupname=group).getGroupMemberIds()
        serang = api.user.get(username="mitra.serang.demo")
        report = portal["program"]["kkp-ham"]["2024"]["laporan-kota-serang"]
        assert "PartnerMember" in api.user.get_roles(user=serang, obj=report)

    def test_demo_runs_twice_without_adding_anything(self, demo):
        portal, _ = demo
        again = create_demo(portal, say=lambda message: None)
        assert again.added == 0
        assert again.users == []


def test_p2ham_indicator_form_fields_follow_indicator_codes(portal):
    from collective.easyform.api import get_schema
    from kemenkumham.ham.content.indicator import field_id_for

    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_demo(portal, say=lambda message: None)
    form = portal["formulir"]["formulir-indikator-p2ham"]
    codes = [
        i.code for i in portal["program"]["p2ham"].objectValues() if i.portal_type == "Indicator"
    ]
    assert {field_id_for(code) for code in codes} <= set(get_schema(form).names())
    assert field_id_for("KKP-06.03") == "kkp_06_03"
