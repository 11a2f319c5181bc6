"""Objects of each type are created where the domain puts them, with working vocabularies."""

from kemenkumham.ham.content.scoring import parse_bands
from kemenkumham.ham.content.scoring import predicate_for
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.vocabularies import province_of
from kemenkumham.ham.vocabularies import regencies_in
from plone import api
from tests.factories import make_tree
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import pytest


@pytest.fixture
def tree(portal):
    return make_tree(portal)


def test_every_type_is_created_in_its_place(tree):
    expected = {
        "regulation": ("Regulation", "peraturan"),
        "programme": ("Programme", "program"),
        "indicator": ("Indicator", "kkp-ham"),
        "period": ("ReportingPeriod", "kkp-ham"),
        "partner_a": ("Partner", "mitra"),
        "report_a": ("IndicatorReport", "2024"),
        "pledge": ("Pledge", "kkp-ham"),
        "taskforce": ("TaskForce", "gugus-tugas"),
        "member": ("TaskForceMember", "gtd-bham-banten"),
        "complaint": ("Complaint", "pengaduan"),
        "award": ("Award", "penghargaan"),
    }
    for key, (portal_type, parent) in expected.items():
        obj = tree[key]
        assert obj.portal_type == portal_type
        assert obj.aq_parent.getId() == parent
    types = {portal_type for portal_type, _ in expected.values()}
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(portal_type=list(types))
    assert {brain.portal_type for brain in found} == types


def test_fields_through_the_web_reach_partner_objects(portal, tree):
    """An editor adds a field to Partner in the types control panel; partners get it."""
    from plone.dexterity.utils import iterSchemataForType
    from plone.schemaeditor.utils import IEditableSchema
    from plone.supermodel import serializeSchema
    from zope import schema

    fti = portal.portal_types["Partner"]
    model_schema = fti.lookupSchema()
    IEditableSchema(model_schema).addField(
        schema.TextLine(__name__="npwp", title="NPWP", required=False)
    )
    fti.model_source = serializeSchema(model_schema)
    names = {name for s in iterSchemataForType("Partner") for name in s.names()}
    assert {"npwp", "kind", "province", "regency"} <= names


@pytest.mark.parametrize(
    "name,count,token,title",
    [
        ("kemenkumham.ham.basic_rights", 10, "keadilan", "Right to justice"),
        ("kemenkumham.ham.kkp_rights", 10, "kesehatan", "Right to health"),
        ("kemenkumham.ham.programme_codes", 6, "KKPHAM", None),
        ("kemenkumham.ham.partner_kinds", 8, "pemda_kabkota", None),
        ("kemenkumham.ham.indicator_kinds", 3, "proses", None),
        ("kemenkumham.ham.measurements", 5, "ada_proses_tidak", None),
        ("kemenkumham.ham.taskforce_roles", 5, "wakil_sekretaris", None),
        ("kemenkumham.ham.provinces", 38, "36", "Banten"),
        ("kemenkumham.ham.regencies", 514, "36.02", "Kabupaten Lebak (Banten)"),
    ],
)
def test_vocabularies(portal, name, count, token, title):
    vocabulary = getUtility(IVocabularyFactory, name)(portal)
    assert len(vocabulary) == count
    term = vocabulary.getTerm(token)
    if title:
        assert translate(term.title, target_language="en") == title


def test_banten_has_its_eight_regencies_with_kemendagri_codes():
    assert regencies_in("36") == [
        "36.01",
        "36.02",
        "36.03",
        "36.04",
        "36.71",
        "36.72",
        "36.73",
        "36.74",
    ]
    assert province_of("36.73") == "36"


def test_bands_and_predicates():
    bands = parse_bands(
        ["75: Peduli HAM", "65: Cukup Peduli HAM", "50: Mulai Peduli HAM", "0: Kurang Peduli HAM"]
    )
    assert predicate_for(75, bands) == "Peduli HAM"
    assert predicate_for(74.99, bands) == "Cukup Peduli HAM"
    assert predicate_for(50, bands) == "Mulai Peduli HAM"
    assert predicate_for(12, bands) == "Kurang Peduli HAM"
    with pytest.raises(FieldError):
        parse_bands(["Peduli HAM"])
    with pytest.raises(FieldError):
        parse_bands(["50: Mulai", "75: Peduli"])


def test_catalog_knows_codes_partners_years_and_regions(portal, tree):
    catalog = api.portal.get_tool("portal_catalog")

    def ids(**query):
        return {brain.getId for brain in catalog.unrestrictedSearchResults(**query)}

    assert ids(ham_code="KKP-06.03") == {"kkp-06-03"}
    assert ids(ham_code="KKPHAM") == {"kkp-ham"}
    assert ids(ham_partner=api.content.get_uuid(tree["partner_a"])) == {"laporan-kota-serang"}
    assert ids(portal_type="ReportingPeriod", ham_year=2024) == {"2024"}
    assert ids(portal_type="Partner", ham_region="36.02") == {"kabupaten-lebak"}
    assert ids(portal_type="Partner", ham_region="36") == {"kota-serang", "kabupaten-lebak"}
    brain = catalog.unrestrictedSearchResults(ham_code="KKP-06.03")[0]
    assert brain.ham_code == "KKP-06.03"


def test_task_force_term_and_period_in_order():
    from datetime import date
    from kemenkumham.ham.content.task_force import ITaskForce
    from kemenkumham.ham.content.task_force import ITaskForceMember
    from types import SimpleNamespace
    from zope.interface import Invalid

    with pytest.raises(Invalid, match="error_period_end_before_start"):
        ITaskForce.validateInvariants(
            SimpleNamespace(period_start=date(2025, 1, 1), period_end=date(2023, 1, 1))
        )
    ITaskForce.validateInvariants(SimpleNamespace(period_start=date(2023, 1, 1), period_end=None))
    with pytest.raises(Invalid, match="error_term_end_before_start"):
        ITaskForceMember.validateInvariants(
            SimpleNamespace(term_start=date(2025, 1, 1), term_end=date(2024, 12, 31))
        )
