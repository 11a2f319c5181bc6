"""Reporting period (Periode Pelaporan) of a programme; holds the reports of that period."""

from kemenkumham.ham import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IReportingPeriod(model.Schema):
    data_year = schema.Int(
        title=_("label_data_year", default="Data year"), min=2000, max=2100, required=True
    )

    assessment_year = schema.Int(
        title=_("label_assessment_year", default="Assessment year"),
        description=_(
            "help_assessment_year",
            default="Year of the assessment and award; for KKP HAM the data year plus one.",
        ),
        min=2000,
        max=2100,
        required=True,
    )

    opens = schema.Date(title=_("label_opens", default="Opens"), required=True)

    submission_deadline = schema.Date(
        title=_("label_submission_deadline", default="Submission deadline"), required=True
    )

    verification_deadline = schema.Date(
        title=_("label_verification_deadline", default="Verification deadline"), required=True
    )

    expected_partners = RelationList(
        title=_("label_expected_partners", default="Expected partners"),
        description=_(
            "help_expected_partners",
            default="The organisations that must report in this period. Only they can open a "
            "report here; leave empty to let every partner report.",
        ),
        value_type=RelationChoice(
            title=_("label_partner", default="Partner"),
            source=CatalogSource(portal_type="Partner"),
        ),
        default=[],
        required=False,
    )
    directives.widget(
        "expected_partners",
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Partner"], "basePath": ""},
    )

    @invariant
    def dates_in_order(data):
        opens = data.opens
        submission = data.submission_deadline
        verification = data.verification_deadline
        if opens and submission and submission < opens:
            raise Invalid(
                _(
                    "error_submission_before_opening",
                    default="Submission deadline: the period cannot close (${closes}) "
                    "before it opens (${opens}).",
                    mapping={"closes": submission.isoformat(), "opens": opens.isoformat()},
                )
            )
        if submission and verification and verification < submission:
            raise Invalid(
                _(
                    "error_verification_before_submission",
                    default="Verification deadline: it cannot come (${verification}) before the "
                    "submission deadline (${submission}).",
                    mapping={
                        "verification": verification.isoformat(),
                        "submission": submission.isoformat(),
                    },
                )
            )

    @invariant
    def assessment_not_before_data(data):
        if data.data_year and data.assessment_year and data.assessment_year < data.data_year:
            raise Invalid(
                _(
                    "error_assessment_before_data",
                    default="Assessment year: it cannot be before the data year.",
                )
            )


@implementer(IReportingPeriod)
class ReportingPeriod(Container):
    """A reporting period; its reports live inside it."""
