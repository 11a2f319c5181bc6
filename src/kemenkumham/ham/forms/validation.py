"""easyform's "depends on" conditions, enforced on the server.

In the browser pat-depends hides a field whose condition is false; the server used to validate
it anyway (a hidden required field could never be submitted, easyform issue #461) and stored
what a hidden field still held. Here, for easyforms on this site's layer:

- a field whose condition is false is not validated, and its value is dropped from the data
  the form's actions receive;
- a required field whose condition is true must be filled: the error names the field.

The validator is more specific than easyform's FieldExtenderValidator (this add-on's browser
layer) and hands every other check (TALES validators, field validators, file size, captcha) to
it.
"""

from collective.easyform.fields import FieldExtenderValidator
from collective.easyform.fields import GroupFieldExtenderValidator
from collective.easyform.interfaces import IEasyFormForm
from collective.easyform.interfaces import IFieldExtender
from kemenkumham.ham import _
from kemenkumham.ham.forms.conditions import holds
from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
from z3c.form.interfaces import IGroup
from z3c.form.interfaces import IValidator
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema import getFieldsInOrder


WIDGET_PREFIX = "form.widgets."


def condition_of(field):
    return (getattr(IFieldExtender(field), "depends_on", None) or "").strip()


def submitted_value(request, field_id):
    """What the browser sent for a field, as pat-depends reads its input (None: nothing)."""
    raw = request.form.get(WIDGET_PREFIX + field_id)
    if isinstance(raw, list | tuple):
        raw = raw[0] if raw else None
    if raw is None:
        return None
    filename = getattr(raw, "filename", None)
    if filename is not None or hasattr(raw, "read"):
        return filename or None
    return str(raw)


def is_shown(field, request):
    """Whether the browser shows this field for what was submitted."""
    condition = condition_of(field)
    return holds(condition, lambda field_id: submitted_value(request, field_id))


def _is_empty(field, value):
    if value is None or value is field.missing_value:
        return True
    return isinstance(value, str | bytes | list | tuple | set | frozenset | dict) and not value


@implementer(IValidator)
class ConditionalFieldValidator:
    """Validates a field the browser shows; leaves a hidden one alone."""

    base = FieldExtenderValidator

    def __init__(self, context, request, view, field, widget):
        self.context = context
        self.request = request
        self.view = view
        self.field = field
        self.widget = widget

    def validate(self, value, force=False):
        if condition_of(self.field):
            if not is_shown(self.field, self.request):
                return
            if self.field.required and _is_empty(self.field, value):
                message = _(
                    "error_form_required_when_shown",
                    default="${field} is required for the answers you gave.",
                    mapping={"field": self.field.title or self.field.__name__},
                )
                raise Invalid(translate(message, context=self.request))
        self.base(self.context, self.request, self.view, self.field, self.widget).validate(value)


class GroupConditionalFieldValidator(ConditionalFieldValidator):
    """The same for fields in a fieldset."""

    base = GroupFieldExtenderValidator


def drop_hidden_values(event):
    """After extraction: the form's actions never receive what a hidden field held."""
    form = event.form
    if IGroup.providedBy(form) or not IEasyFormForm.providedBy(form):
        return
    if not IKemenkumhamHamLayer.providedBy(form.request):
        return
    for name, field in getFieldsInOrder(form.schema):
        if name in event.data and not is_shown(field, form.request):
            del event.data[name]
