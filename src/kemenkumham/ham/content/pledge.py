"""Pledge (Pencanangan P2HAM): a unit's request and declaration; holds letters and photos."""

from kemenkumham.ham import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


class IPledgeMarker(Interface):
    """Marks Pledge objects (their fields come from the IPledge behavior)."""


@provider(IFormFieldProvider)
class IPledge(model.Schema):
    """Fields the code relies on; editors may add more through the web."""

    partner = RelationChoice(
        title=_("label_partner", default="Partner"),
        source=CatalogSource(portal_type="Partner"),
        required=True,
    )

    requested_date = schema.Date(
        title=_("label_requested_date", default="Date of request"), required=False
    )

    planned_date = schema.Date(
        title=_("label_planned_date", default="Planned declaration date"), required=False
    )

    declared_date = schema.Date(
        title=_("label_declared_date", default="Actual declaration date"), required=False
    )

    place = schema.TextLine(title=_("label_place", default="Place"), required=False)

    declaring_official = schema.TextLine(
        title=_("label_declaring_official", default="Declaring official"), required=False
    )

    witnesses = schema.List(
        title=_("label_witnesses", default="Witnesses"),
        description=_(
            "help_witnesses",
            default="One per line: representatives of Ditjen HAM and of Forkopimda.",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )

    @invariant
    def dates_in_order(data):
        requested = data.requested_date
        for name, label in (
            ("planned_date", _("label_planned_date", default="Planned declaration date")),
            ("declared_date", _("label_declared_date", default="Actual declaration date")),
        ):
            value = getattr(data, name, None)
            if requested and value and value < requested:
                raise Invalid(
                    _(
                        "error_declaration_before_request",
                        default="${field}: the declaration (${date}) cannot come before the "
                        "request (${requested}).",
                        mapping={
                            "field": label,
                            "date": value.isoformat(),
                            "requested": requested.isoformat(),
                        },
                    )
                )


@implementer(IPledgeMarker)
class Pledge(Container):
    """A pledge; holds the signed statement letters and photos."""
