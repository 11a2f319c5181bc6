"""Indicator (Indikator) of a programme, e.g. KKP-06.03 under "hak atas kesehatan"."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from kemenkumham.ham import _
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.util import getSpecification
from z3c.form.validator import InvariantsValidator
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid

import re


def field_id_for(code):
    """The form field id of an indicator code: "KKP-06.03" -> "kkp_06_03"."""
    return re.sub(r"[^0-9a-z]+", "_", code.strip().lower()).strip("_")


class IIndicator(model.Schema):
    code = schema.TextLine(
        title=_("label_indicator_code", default="Indicator code"),
        description=_(
            "help_indicator_code",
            default="Unique within the programme, e.g. KKP-06.03. Report forms use it as field id.",
        ),
        required=True,
        constraint=lambda value: bool(value.strip()),
    )

    right_group = schema.TextLine(
        title=_("label_right_group", default="Right or criterion group"),
        description=_("help_right_group", default="e.g. hak atas kesehatan"),
        required=True,
    )

    kind = schema.Choice(
        title=_("label_indicator_kind", default="Kind"),
        vocabulary="kemenkumham.ham.indicator_kinds",
        required=True,
    )

    measurement = schema.Choice(
        title=_("label_measurement", default="Measurement"),
        vocabulary="kemenkumham.ham.measurements",
        required=True,
    )

    unit = schema.TextLine(title=_("label_unit", default="Unit"), required=False)

    weight = schema.Float(
        title=_("label_weight", default="Weight"),
        description=_("help_weight", default="Zero or more; used by weighted scoring."),
        min=0.0,
        default=1.0,
        required=True,
    )

    target = schema.TextLine(title=_("label_target", default="Target"), required=False)

    required_evidence = schema.Text(
        title=_("label_required_evidence", default="Required evidence (data dukung)"),
        required=False,
    )

    verification_guidance = schema.Text(
        title=_("label_verification_guidance", default="Verification guidance"),
        required=False,
    )


@implementer(IIndicator)
class Indicator(Item):
    """One indicator of a programme."""


class IndicatorValidator(InvariantsValidator):
    """Refuses an indicator code another indicator of the same programme already has.

    Runs for the add form (the form's context is the programme), the edit form (context: the
    indicator) and REST (context: the new or changed indicator, wrapped in its programme).
    """

    def validateObject(self, obj):
        errors = list(super().validateObject(obj))
        code = (getattr(obj, "code", None) or "").strip()
        context = self.context
        if IIndicator.providedBy(context):
            programme, own_id = aq_parent(aq_inner(context)), context.getId()
        else:
            # Add form: the validated content is a dict; the form's context is the programme.
            programme = getattr(self.view, "context", context)
            own_id = None
        if code and programme is not None and hasattr(programme, "objectValues"):
            for sibling in programme.objectValues():
                if (
                    IIndicator.providedBy(sibling)
                    and sibling.getId() != own_id
                    and (sibling.code or "").strip() == code
                ):
                    errors.append(
                        Invalid(
                            _(
                                "error_duplicate_indicator_code",
                                default="Indicator code: ${code} is already used by "
                                "'${title}' in this programme.",
                                mapping={"code": code, "title": sibling.Title()},
                            )
                        )
                    )
                    break
        return tuple(errors)


# The validator is looked up for the schema object itself (an interface), hence force=True.
adapter(Interface, Interface, Interface, getSpecification(IIndicator, force=True), Interface)(
    IndicatorValidator
)
