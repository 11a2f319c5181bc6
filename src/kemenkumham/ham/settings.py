"""Site-wide settings of the platform, stored in plone.registry."""

from kemenkumham.ham import _
from zope import schema
from zope.interface import Interface


class IHamSettings(Interface):
    """Settings editors see in the control panel "Pengaturan HAM"."""

    office_name = schema.TextLine(
        title=_("label_office_name", default="Office name"),
        description=_(
            "help_office_name",
            default="Name of the office shown in notices and e-mails.",
        ),
        required=True,
        default="Bidang HAM Kantor Wilayah",
    )

    office_province = schema.TextLine(
        title=_("label_office_province", default="Province"),
        description=_(
            "help_office_province",
            default="Province the office serves.",
        ),
        required=False,
        default="",
    )

    notification_email = schema.TextLine(
        title=_("label_notification_email", default="Notification e-mail address"),
        description=_(
            "help_notification_email",
            default="Address that receives the office's notifications.",
        ),
        required=False,
        default="",
    )
