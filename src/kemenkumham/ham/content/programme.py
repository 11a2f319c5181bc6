"""Programme (Program): P2HAM, KKP HAM, Bisnis dan HAM, PRISMA, Pengaduan, RANHAM."""

from kemenkumham.ham import _
from kemenkumham.ham.content.aggregates import parse_national_aggregates
from kemenkumham.ham.content.scoring import parse_bands
from kemenkumham.ham.content.validation import FieldError
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


class IProgrammeMarker(Interface):
    """Marks Programme objects (their fields come from the IProgramme behavior)."""


def _check_bands(lines):
    parse_bands(lines)  # raises FieldError naming the offending line
    return True


def _check_national_aggregates(lines):
    parse_national_aggregates(lines)  # raises FieldError naming the offending line
    return True


@provider(IFormFieldProvider)
class IProgramme(model.Schema):
    """Fields the code relies on; editors may add more through the web."""

    code = schema.Choice(
        title=_("label_programme_code", default="Programme code"),
        vocabulary="kemenkumham.ham.programme_codes",
        required=True,
    )

    legal_basis = RelationList(
        title=_("label_legal_basis", default="Legal basis"),
        value_type=RelationChoice(
            title=_("label_regulation", default="Regulation"),
            source=CatalogSource(portal_type="Regulation"),
        ),
        default=[],
        required=False,
    )
    directives.widget(
        "legal_basis",
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Regulation"], "basePath": ""},
    )

    cycle = schema.Choice(
        title=_("label_cycle", default="Reporting cycle"),
        vocabulary="kemenkumham.ham.cycles",
        required=True,
        default="tahunan",
    )

    scoring_method = schema.Choice(
        title=_("label_scoring_method", default="Scoring method"),
        vocabulary="kemenkumham.ham.scoring_methods",
        required=False,
    )

    bands = schema.List(
        title=_("label_bands", default="Predicate bands"),
        description=_(
            "help_bands",
            default="One band per line: the lowest score of the band, a colon, the predicate, "
            "highest band first, e.g. '75: Peduli HAM'. A score gets the first band it reaches.",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
        constraint=_check_bands,
    )

    qualifying_predicate = schema.TextLine(
        title=_("label_qualifying_predicate", default="Qualifying predicate"),
        description=_(
            "help_qualifying_predicate",
            default="The predicate that earns an award and counts for the province rule, "
            "e.g. 'Peduli HAM'. Leave empty for the predicate of the highest band.",
        ),
        required=False,
    )

    province_threshold = schema.Float(
        title=_("label_province_threshold", default="Province threshold (%)"),
        description=_(
            "help_province_threshold",
            default="A province qualifies when at least this share of its regencies/cities "
            "has the qualifying predicate, e.g. 60 for KKP HAM. Leave empty where the "
            "programme has no province rule.",
        ),
        min=0.0,
        max=100.0,
        required=False,
    )

    national_aggregates = schema.List(
        title=_("label_national_aggregates", default="Recorded national figures"),
        description=_(
            "help_national_aggregates",
            default="Published national totals whose per-region data is not public, one per "
            "line: award year; number with the qualifying predicate; total; source; source URL "
            "(may be left out), e.g. '2020; 259; 514; Hari HAM ke-72, Serang; https://...'.",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
        constraint=_check_national_aggregates,
    )

    responsible_unit = schema.TextLine(
        title=_("label_responsible_unit", default="Responsible unit"),
        required=False,
    )

    @invariant
    def qualifying_predicate_is_a_band(data):
        wanted = (data.qualifying_predicate or "").strip()
        if not wanted or not data.bands:
            return
        try:
            predicates = [predicate for _lowest, predicate in parse_bands(data.bands)]
        except FieldError:
            return  # the bands field says what is wrong with them
        if wanted not in predicates:
            raise Invalid(
                _(
                    "error_qualifying_predicate_not_a_band",
                    default="Qualifying predicate: '${predicate}' is none of the bands' "
                    "predicates (${predicates}).",
                    mapping={"predicate": wanted, "predicates": ", ".join(predicates)},
                )
            )


@implementer(IProgrammeMarker)
class Programme(Container):
    """A programme: holds its indicators, reporting periods and guidance."""
