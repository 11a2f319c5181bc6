"""Regulation (Peraturan): the legal basis library."""

from kemenkumham.ham import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class IRegulation(model.Schema):
    kind = schema.Choice(
        title=_("label_regulation_kind", default="Kind"),
        vocabulary="kemenkumham.ham.regulation_kinds",
        required=True,
    )

    number = schema.TextLine(title=_("label_regulation_number", default="Number"), required=True)

    year = schema.Int(title=_("label_year", default="Year"), min=1945, max=2100, required=True)

    file = NamedBlobFile(title=_("label_file", default="File"), required=False)

    status = schema.Choice(
        title=_("label_regulation_status", default="Status"),
        vocabulary="kemenkumham.ham.regulation_status",
        required=True,
        default="berlaku",
    )

    replaced_by = RelationChoice(
        title=_("label_replaced_by", default="Replaced by"),
        source=CatalogSource(portal_type="Regulation"),
        required=False,
    )


@implementer(IRegulation)
class Regulation(Item):
    """A regulation; the title is its subject (tentang ...)."""
