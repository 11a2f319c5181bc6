"""Programme (Program): P2HAM, KKP HAM, Bisnis dan HAM, PRISMA, Pengaduan, RANHAM."""

from kemenkumham.ham import _
from kemenkumham.ham.content.scoring import parse_bands
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
from zope.interface import provider


class IProgrammeMarker(Interface):
    """Marks Programme objects (their fields come from the IProgramme behavior)."""


def _check_bands(lines):
    parse_bands(lines)  # raises FieldError naming the offending line
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

    responsible_unit = schema.TextLine(
        title=_("label_responsible_unit", default="Responsible unit"),
        required=False,
    )


@implementer(IProgrammeMarker)
class Programme(Container):
    """A programme: holds its indicators, reporting periods and guidance."""
