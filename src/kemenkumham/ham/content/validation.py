"""A validation error that carries its own translated message (forms and REST show it)."""

from zope.schema import ValidationError


class FieldError(ValidationError):
    """A field value was refused; the message says why."""

    def doc(self):
        return self.args[0] if self.args else self.__class__.__doc__
