"""Validation helpers: errors that carry their own translated message (forms and REST show it)."""

from zope.interface import Invalid
from zope.schema import ValidationError


class FieldError(ValidationError):
    """A field value was refused; the message says why."""

    def doc(self):
        return self.args[0] if self.args else self.__class__.__doc__


def end_not_before_start(start, end, message):
    """Schema invariants: refuse an end date before its start date (either may be empty)."""
    if start and end and end < start:
        raise Invalid(message)
