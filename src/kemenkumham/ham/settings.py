"""Site-wide settings of the platform, stored in plone.registry."""

from kemenkumham.ham import _
from kemenkumham.ham.reporting.evidence import DEFAULT_EXTENSIONS
from kemenkumham.ham.reporting.evidence import DEFAULT_MAX_SIZE_MB
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

    evidence_extensions = schema.List(
        title=_("label_evidence_extensions", default="Allowed evidence file types"),
        description=_(
            "help_evidence_extensions",
            default="File name extensions partners may upload as evidence (data dukung), "
            "one per line, e.g. pdf.",
        ),
        value_type=schema.ASCIILine(),
        required=True,
        default=list(DEFAULT_EXTENSIONS),
    )

    evidence_max_size_mb = schema.Int(
        title=_("label_evidence_max_size", default="Largest evidence file (MB)"),
        required=True,
        min=1,
        max=500,
        default=DEFAULT_MAX_SIZE_MB,
    )

    reminder_days_before_deadline = schema.Int(
        title=_("label_reminder_days", default="Reminder before the submission deadline (days)"),
        description=_(
            "help_reminder_days",
            default="Partners that have not submitted get one reminder e-mail this many days "
            "before the deadline (sent by `ham-admin remind`, run daily by cron).",
        ),
        required=True,
        min=1,
        max=90,
        default=7,
    )
