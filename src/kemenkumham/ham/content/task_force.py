"""Task force (Gugus Tugas Bisnis dan HAM, GTN/GTD BHAM) and its members."""

from kemenkumham.ham import _
from kemenkumham.ham.content.validation import end_not_before_start
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


VIEW_MEMBER_CONTACT = "kemenkumham.ham.ViewMemberContact"


class ITaskForce(model.Schema):
    level = schema.Choice(
        title=_("label_taskforce_level", default="Level"),
        vocabulary="kemenkumham.ham.taskforce_levels",
        required=True,
        default="daerah",
    )

    province = schema.Choice(
        title=_("label_province", default="Province"),
        vocabulary="kemenkumham.ham.provinces",
        required=False,
    )

    decree_number = schema.TextLine(
        title=_("label_decree_number", default="Decree number"),
        description=_("help_decree_number", default="e.g. Keputusan Gubernur number"),
        required=False,
    )

    decree_date = schema.Date(title=_("label_decree_date", default="Decree date"), required=False)

    period_start = schema.Date(title=_("label_period_start", default="Period from"), required=False)

    period_end = schema.Date(title=_("label_period_end", default="Period until"), required=False)

    secretariat = schema.TextLine(
        title=_("label_secretariat", default="Secretariat"), required=False
    )

    @invariant
    def period_in_order(data):
        end_not_before_start(
            data.period_start,
            data.period_end,
            _(
                "error_period_end_before_start",
                default="Period until: the end cannot come before the start.",
            ),
        )


@implementer(ITaskForce)
class TaskForce(Container):
    """A task force; holds its members."""


class ITaskForceMember(model.Schema):
    position = schema.TextLine(title=_("label_position", default="Position"), required=False)

    institution = schema.TextLine(
        title=_("label_institution", default="Institution or agency (OPD)"), required=False
    )

    role = schema.Choice(
        title=_("label_taskforce_role", default="Role in the task force"),
        vocabulary="kemenkumham.ham.taskforce_roles",
        required=True,
        default="anggota",
    )

    working_group = schema.Choice(
        title=_("label_working_group", default="Working group"),
        vocabulary="kemenkumham.ham.working_groups",
        required=False,
    )

    term_start = schema.Date(title=_("label_term_start", default="Term from"), required=False)

    term_end = schema.Date(title=_("label_term_end", default="Term until"), required=False)

    # Contact details are for the editors only (DOMAIN invariant 1).
    directives.read_permission(contact_email=VIEW_MEMBER_CONTACT, contact_phone=VIEW_MEMBER_CONTACT)
    directives.write_permission(
        contact_email=VIEW_MEMBER_CONTACT, contact_phone=VIEW_MEMBER_CONTACT
    )

    contact_email = schema.TextLine(
        title=_("label_contact_email", default="E-mail"), required=False
    )

    contact_phone = schema.TextLine(
        title=_("label_contact_phone", default="Telephone"), required=False
    )

    @invariant
    def term_in_order(data):
        end_not_before_start(
            data.term_start,
            data.term_end,
            _(
                "error_term_end_before_start",
                default="Term until: the end cannot come before the start.",
            ),
        )


@implementer(ITaskForceMember)
class TaskForceMember(Item):
    """A member of a task force (the title is the member's name)."""
