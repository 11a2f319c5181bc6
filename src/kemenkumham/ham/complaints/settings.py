"""Settings of the complaint handling, stored in plone.registry (prefix kemenkumham.ham)."""

from kemenkumham.ham import _
from zope import schema
from zope.interface import Interface


class IComplaintSettings(Interface):
    complaint_joint_leave_is_holiday = schema.Bool(
        title=_("label_complaint_joint_leave", default="Joint leave days are not working days"),
        description=_(
            "help_complaint_joint_leave",
            default="Count the civil servants' joint leave days (cuti bersama) as holidays when "
            "computing the legal deadlines in working days.",
        ),
        required=False,
        default=True,
    )

    complaint_retention_years = schema.Int(
        title=_(
            "label_complaint_retention_years", default="Keep identities of closed cases (years)"
        ),
        description=_(
            "help_complaint_retention_years",
            default="`ham-admin erase-identities` erases the identity of complainants, "
            "representatives and witnesses of cases closed longer ago than this; the anonymised "
            "case stays for statistics.",
        ),
        required=True,
        min=1,
        max=30,
        default=5,
    )

    complaint_rate_limit = schema.Int(
        title=_("label_complaint_rate_limit", default="Complaints per address and hour"),
        description=_(
            "help_complaint_rate_limit",
            default="More submissions than this from one network address within an hour are "
            "refused (anti-spam; HTTP 429).",
        ),
        required=True,
        min=1,
        max=1000,
        default=5,
    )

    complaint_max_files = schema.Int(
        title=_("label_complaint_max_files", default="Files per complaint"),
        required=True,
        min=1,
        max=50,
        default=10,
    )

    complaint_max_file_size_mb = schema.Int(
        title=_("label_complaint_max_file_size", default="Largest file of a complaint (MB)"),
        required=True,
        min=1,
        max=100,
        default=10,
    )
