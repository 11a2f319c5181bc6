"""Each content type's FTI, pinned: class, schema, behaviors, allowed types, add permission."""

from plone import api
from plone.dexterity.fti import DexterityFTI

import pytest


COMMON = ("plone.basic", "plone.namefromtitle", "plone.shortname", "plone.excludefromnavigation")

TYPES = {
    "Programme": {
        "klass": "kemenkumham.ham.content.programme.Programme",
        "schema": "",
        "behaviors": (
            "kemenkumham.ham.programme",
            "plone.richtext",
            "plone.publication",
            "plone.versioning",
        ),
        "allowed": ("Indicator", "ReportingPeriod", "Pledge", "Document", "File", "Image"),
        "permission": "kemenkumham.ham.AddProgramme",
        "global_allow": True,
        "ttw": True,
    },
    "Indicator": {
        "klass": "kemenkumham.ham.content.indicator.Indicator",
        "schema": "kemenkumham.ham.content.indicator.IIndicator",
        "behaviors": ("plone.versioning",),
        "allowed": (),
        "permission": "kemenkumham.ham.AddIndicator",
        "global_allow": False,
    },
    "ReportingPeriod": {
        "klass": "kemenkumham.ham.content.reporting_period.ReportingPeriod",
        "schema": "kemenkumham.ham.content.reporting_period.IReportingPeriod",
        "behaviors": ("plone.publication", "plone.versioning"),
        "allowed": ("IndicatorReport", "Document", "File"),
        "permission": "kemenkumham.ham.AddReportingPeriod",
        "global_allow": False,
    },
    "IndicatorReport": {
        "klass": "kemenkumham.ham.content.indicator_report.IndicatorReport",
        "schema": "kemenkumham.ham.content.indicator_report.IIndicatorReport",
        "behaviors": ("plone.versioning",),
        "allowed": (),
        "permission": "kemenkumham.ham.AddIndicatorReport",
        "global_allow": False,
    },
    "Partner": {
        "klass": "kemenkumham.ham.content.partner.Partner",
        "schema": "",
        "behaviors": ("kemenkumham.ham.partner", "plone.versioning"),
        "allowed": (),
        "permission": "kemenkumham.ham.AddPartner",
        "global_allow": True,
        "ttw": True,
    },
    "Pledge": {
        "klass": "kemenkumham.ham.content.pledge.Pledge",
        "schema": "",
        "behaviors": ("kemenkumham.ham.pledge", "plone.versioning"),
        "allowed": ("File", "Image"),
        "permission": "kemenkumham.ham.AddPledge",
        "global_allow": False,
        "ttw": True,
    },
    "TaskForce": {
        "klass": "kemenkumham.ham.content.task_force.TaskForce",
        "schema": "kemenkumham.ham.content.task_force.ITaskForce",
        "behaviors": ("plone.richtext", "plone.versioning"),
        "allowed": ("TaskForceMember", "Document", "File"),
        "permission": "kemenkumham.ham.AddTaskForce",
        "global_allow": True,
    },
    "TaskForceMember": {
        "klass": "kemenkumham.ham.content.task_force.TaskForceMember",
        "schema": "kemenkumham.ham.content.task_force.ITaskForceMember",
        "behaviors": (),
        "allowed": (),
        "permission": "kemenkumham.ham.AddTaskForceMember",
        "global_allow": False,
    },
    "Complaint": {
        "klass": "kemenkumham.ham.content.complaint.Complaint",
        "schema": "kemenkumham.ham.content.complaint.IComplaint",
        "behaviors": (),
        "allowed": (),
        "permission": "kemenkumham.ham.AddComplaint",
        "global_allow": True,
    },
    "Regulation": {
        "klass": "kemenkumham.ham.content.regulation.Regulation",
        "schema": "kemenkumham.ham.content.regulation.IRegulation",
        "behaviors": ("plone.publication", "plone.versioning"),
        "allowed": (),
        "permission": "kemenkumham.ham.AddRegulation",
        "global_allow": True,
    },
    "Award": {
        "klass": "kemenkumham.ham.content.award.Award",
        "schema": "kemenkumham.ham.content.award.IAward",
        "behaviors": ("plone.publication", "plone.versioning"),
        "allowed": (),
        "permission": "kemenkumham.ham.AddAward",
        "global_allow": True,
    },
}


@pytest.fixture
def fti(portal):
    def get(name):
        return api.portal.get_tool("portal_types")[name]

    return get


@pytest.mark.parametrize("name,expected", TYPES.items(), ids=list(TYPES))
class TestFTI:
    def test_fti_class_and_schema(self, fti, name, expected):
        info = fti(name)
        assert isinstance(info, DexterityFTI)
        assert info.klass == expected["klass"]
        assert info.schema == expected["schema"]

    def test_behaviors(self, fti, name, expected):
        behaviors = set(fti(name).behaviors)
        assert set(expected["behaviors"]) <= behaviors
        if name == "Complaint":
            # Complaints are named by their registration number: a typed title could name
            # the complainant.
            assert "plone.basic" not in behaviors
        else:
            assert "plone.basic" in behaviors
            assert set(COMMON) <= behaviors

    def test_allowed_types(self, fti, name, expected):
        info = fti(name)
        assert tuple(info.allowed_content_types) == expected["allowed"]
        assert info.filter_content_types == bool(expected["allowed"])
        assert bool(info.global_allow) == expected["global_allow"]

    def test_add_permission(self, fti, name, expected):
        assert fti(name).add_permission == expected["permission"]

    def test_fields_through_the_web(self, fti, name, expected):
        """Partner, Programme and Pledge take fields added by editors; the others are fixed."""
        assert fti(name).hasDynamicSchema == expected.get("ttw", False)

    def test_type_can_be_created(self, portal, name, expected):
        assert api.portal.get_tool("portal_types")[name].lookupSchema() is not None


def test_every_type_of_the_domain_is_pinned(portal):
    ours = {
        t.getId()
        for t in api.portal.get_tool("portal_types").objectValues()
        if getattr(t, "klass", "").startswith("kemenkumham.ham.")
    }
    assert ours == set(TYPES)


def test_news_item_has_credits_and_related_programmes(portal):
    from kemenkumham.ham.behaviors.news_credits import INewsCredits

    assert "related_programmes" in INewsCredits.names()
    assert (
        "kemenkumham.ham.news_credits" in api.portal.get_tool("portal_types")["News Item"].behaviors
    )
