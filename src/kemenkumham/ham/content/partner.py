"""Partner (Mitra / Unit Kerja): an organisation that reports; its members are mitra-<id>."""

from kemenkumham.ham import _
from kemenkumham.ham.vocabularies import province_of
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


PARTNER_GROUP_PREFIX = "mitra-"


class IPartnerMarker(Interface):
    """Marks Partner objects (their fields come from the IPartner behavior)."""


@provider(IFormFieldProvider)
class IPartner(model.Schema):
    """Fields the code relies on; editors may add more through the web."""

    kind = schema.Choice(
        title=_("label_partner_kind", default="Kind of organisation"),
        vocabulary="kemenkumham.ham.partner_kinds",
        required=True,
    )

    province = schema.Choice(
        title=_("label_province", default="Province"),
        vocabulary="kemenkumham.ham.provinces",
        required=True,
    )

    regency = schema.Choice(
        title=_("label_regency", default="Regency/city (kabupaten/kota)"),
        description=_("help_regency", default="Leave empty for organisations at province level."),
        vocabulary="kemenkumham.ham.regencies",
        required=False,
    )

    address = schema.Text(title=_("label_address", default="Address"), required=False)

    public_contact = schema.TextLine(
        title=_("label_public_contact", default="Public contact"),
        description=_(
            "help_public_contact",
            default="Telephone or e-mail address of the office, shown to everyone.",
        ),
        required=False,
    )

    @invariant
    def regency_in_province(data):
        if data.regency and data.province and province_of(data.regency) != data.province:
            raise Invalid(
                _(
                    "error_regency_outside_province",
                    default="Regency/city: ${regency} does not lie in the chosen province.",
                    mapping={"regency": data.regency},
                )
            )


@implementer(IPartnerMarker)
class Partner(Item):
    """A reporting organisation; its group is created by a subscriber (partner_groups)."""

    partner_group = None
