"""Credits of a news item: where it was written, by whom, and where it first appeared."""

from kemenkumham.ham import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class INewsCredits(model.Schema):
    model.fieldset(
        "credits",
        label=_("fieldset_credits", default="Credits"),
        fields=[
            "place",
            "dateline",
            "reporter",
            "news_editor",
            "source_name",
            "source_url",
            "related_programmes",
        ],
    )

    place = schema.TextLine(
        title=_("label_place", default="Place"),
        description=_("help_place", default="Where the news was written, e.g. Serang."),
        required=False,
    )

    dateline = schema.TextLine(
        title=_("label_dateline", default="Date as given by the source"),
        description=_(
            "help_dateline",
            default="The date exactly as the original article gives it, e.g. "
            "'Senin (14/12)'. Used where the article gives no full date.",
        ),
        required=False,
    )

    reporter = schema.TextLine(
        title=_("label_reporter", default="Reporter"),
        required=False,
    )

    news_editor = schema.TextLine(
        title=_("label_news_editor", default="Editor"),
        required=False,
    )

    source_name = schema.TextLine(
        title=_("label_source_name", default="Source"),
        description=_(
            "help_source_name",
            default="Publisher of the original article, e.g. ANTARA News Banten.",
        ),
        required=False,
    )

    source_url = schema.URI(
        title=_("label_source_url", default="Source address"),
        required=False,
    )

    related_programmes = RelationList(
        title=_("label_related_programmes", default="Related programmes"),
        value_type=RelationChoice(
            title=_("label_programme", default="Programme"),
            source=CatalogSource(portal_type="Programme"),
        ),
        default=[],
        required=False,
    )
