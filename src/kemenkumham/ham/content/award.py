"""Award (Penghargaan / Predikat) given to a partner for a programme and year."""

from kemenkumham.ham import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class IAward(model.Schema):
    year = schema.Int(
        title=_("label_award_year", default="Award year"), min=2000, max=2100, required=True
    )

    programme = RelationChoice(
        title=_("label_programme", default="Programme"),
        source=CatalogSource(portal_type="Programme"),
        required=False,
    )

    recipient = RelationChoice(
        title=_("label_recipient", default="Recipient"),
        source=CatalogSource(portal_type="Partner"),
        required=True,
    )

    predicate = schema.TextLine(title=_("label_predicate", default="Predicate"), required=True)

    score = schema.Float(
        title=_("label_score", default="Score"),
        description=_("help_award_score", default="Leave empty where no score was published."),
        min=0.0,
        required=False,
    )

    decree = schema.TextLine(title=_("label_decree", default="Decree (SK Menteri)"), required=False)

    source = schema.TextLine(
        title=_("label_award_source", default="Source"),
        description=_(
            "help_award_source",
            default="Where the award was announced or decided, e.g. the ceremony and the "
            "article reporting it, or the results of a period. Shown with the results.",
        ),
        required=False,
    )

    source_url = schema.URI(title=_("label_award_source_url", default="Source URL"), required=False)

    certificate = NamedBlobFile(
        title=_("label_certificate", default="Certificate (piagam)"), required=False
    )


@implementer(IAward)
class Award(Item):
    """An award or predicate."""
