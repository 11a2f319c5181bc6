"""The action "Save as indicator report": who may add it, its settings, and its field ids."""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from decimal import Decimal
from kemenkumham.ham.forms.action import IIndicatorReportAction
from kemenkumham.ham.forms.action import IndicatorReportActionFactory
from kemenkumham.ham.forms.links import form_problems
from kemenkumham.ham.forms.links import link_problems
from kemenkumham.ham.forms.mapping import EVIDENCE
from kemenkumham.ham.forms.mapping import field_value
from kemenkumham.ham.forms.mapping import NOTE
from kemenkumham.ham.forms.mapping import raw_value
from kemenkumham.ham.forms.mapping import SELF_ASSESSMENT
from kemenkumham.ham.forms.mapping import Target
from kemenkumham.ham.forms.mapping import target_of
from kemenkumham.ham.forms.mapping import VALUE
from kemenkumham.ham.reporting.rules import IndicatorRule
from kemenkumham.ham.reporting.rules import PeriodRules
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.supermodel import loadString
from plone.supermodel import serializeSchema
from tests.forms.helpers import field
from tests.forms.helpers import INDICATOR_FIELDS
from tests.forms.helpers import make_form
from tests.forms.helpers import make_site
from tests.forms.helpers import MODEL
from tests.forms.helpers import report_action
from zope import schema
from zope.schema.vocabulary import SimpleVocabulary

import pytest


def rule(code, measurement):
    return IndicatorRule(code, code, "hak", "proses", measurement, "", 1.0, "")


RULES = PeriodRules(
    method="average",
    bands=(),
    indicators=(
        rule("KKP-06.03", "percentage"),
        rule("KKP-07.01", "number"),
        rule("P2HAM-03", "document"),
    ),
)


@pytest.mark.parametrize(
    "name,target",
    [
        ("kkp_06_03", Target(VALUE, "KKP-06.03")),
        ("kkp_06_03_note", Target(NOTE, "KKP-06.03")),
        ("kkp_06_03_catatan", Target(NOTE, "KKP-06.03")),
        ("kkp_06_03_evidence", Target(EVIDENCE, "KKP-06.03")),
        ("kkp_06_03_bukti", Target(EVIDENCE, "KKP-06.03")),
        ("kkp_06_03_bukti_2", Target(EVIDENCE, "KKP-06.03")),
        ("p2ham_03", Target(EVIDENCE, "P2HAM-03")),  # document only: the field is a file
        ("penilaian_mandiri", Target(SELF_ASSESSMENT)),
        ("self_assessment", Target(SELF_ASSESSMENT)),
        ("kkp_06", None),
        ("kkp_06_03_lain", None),
        ("catatan", None),
        ("kkp_99_01_note", None),
    ],
)
def test_field_ids_follow_the_indicator_codes(name, target):
    assert target_of(name, RULES) == target


def test_form_values_become_what_the_engine_reads():
    assert raw_value(True) == "ya"
    assert raw_value(False) == "tidak"
    assert raw_value(82.5) == "82.5"
    assert raw_value(101.0) == "101"
    assert raw_value(Decimal("7")) == "7"
    assert raw_value({"Ada"}) == "Ada"
    assert raw_value(None) is None
    assert raw_value(["Ada", "Tidak"]) == "Ada, Tidak"  # refused by the engine, named


def test_saved_values_fit_the_form_fields():
    choice = schema.Choice(values=["Ada", "Proses", "Tidak"])
    yes_no = schema.Choice(vocabulary=SimpleVocabulary.fromValues(["Ya", "Tidak"]))
    assert field_value(choice, "proses") == "Proses"
    assert field_value(choice, "lain") is None
    assert field_value(yes_no, True) == "Ya"
    assert field_value(yes_no, False) == "Tidak"
    assert field_value(schema.Bool(), True) is True
    assert field_value(schema.Int(), 12.0) == 12
    assert field_value(schema.Int(), 12.5) is None
    assert field_value(schema.Float(), 82.5) == 82.5
    assert field_value(schema.TextLine(), 80.0) == "80"
    assert field_value(schema.TextLine(), "ada") == "Ada"
    assert field_value(schema.Float(), None) is None


@pytest.fixture
def site(integration):
    portal = integration["portal"]
    return portal, make_site(portal)


def test_editors_may_add_the_action_partners_may_not(site):
    portal, tree = site
    form = make_form(portal, "laporan", INDICATOR_FIELDS, MODEL.format(fields=""))
    login(portal, "editor1")
    assert IndicatorReportActionFactory.available(form)
    logout()
    login(portal, "ani")
    assert not IndicatorReportActionFactory.available(form)


def test_roles_of_the_add_permission(site):
    portal, tree = site
    roles = {
        role["name"]
        for role in portal.rolesOfPermission("kemenkumham.ham: Add indicator report action")
        if role["selected"]
    }
    assert roles == {"Manager", "Site Administrator", "Editor", "Contributor"}


def test_upgrade_gives_editors_the_add_permission(site):
    portal, tree = site
    from kemenkumham.ham.upgrades.v1002 import add_reporting_engine

    permission = "kemenkumham.ham: Add indicator report action"
    portal.manage_permission(permission, roles=["Manager"], acquire=True)
    add_reporting_engine(None)
    selected = {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}
    assert {"Editor", "Contributor"} <= selected


def test_settings_survive_the_actions_model(site):
    portal, tree = site
    programme = api.content.get_uuid(tree["programme"])
    period = api.content.get_uuid(tree["period_open"])
    form = make_form(portal, "laporan", INDICATOR_FIELDS, report_action(programme, period, True))
    action = get_actions(form)["laporan"]
    assert IIndicatorReportAction.providedBy(action)
    assert (action.programme, action.period, action.submit_after_saving) == (
        programme,
        period,
        True,
    )
    again = loadString(serializeSchema(get_actions(form))).schema["laporan"]
    assert (again.programme, again.period, again.submit_after_saving) == (programme, period, True)


def test_editor_problems_name_the_fields_and_the_period(site):
    portal, tree = site
    programme = api.content.get_uuid(tree["programme"])
    fields = INDICATOR_FIELDS + field("alamat", "zope.schema.TextLine")
    form = make_form(portal, "laporan", fields, report_action(programme))
    (problem,) = form_problems(form)
    assert problem.mapping["field"] == "alamat"
    assert problem.mapping["example"] == "kkp_06_03"
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=portal["program"], type="Programme", id="p2ham", title="P2HAM", code="P2HAM"
        )
    period = api.content.get_uuid(tree["period_open"])
    (elsewhere,) = link_problems(api.content.get_uuid(other), period, get_schema(form))
    assert elsewhere.mapping == {"programme": "P2HAM"}
    (unlinked,) = link_problems(None, None, get_schema(form))
    assert "Choose the programme" in unlinked.default
    assert (
        link_problems(
            programme,
            period,
            get_schema(make_form(portal, "lengkap", INDICATOR_FIELDS, report_action(programme))),
        )
        == []
    )
