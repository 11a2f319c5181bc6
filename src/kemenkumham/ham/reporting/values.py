"""A report row's value, checked against the indicator's measurement."""

from kemenkumham.ham import _
from kemenkumham.ham.content.validation import FieldError


YES = ("ya", "yes", "true", "1")
NO = ("tidak", "no", "false", "0")
ADA_PROSES_TIDAK = ("ada", "proses", "tidak")


def parse_value(rule, raw):
    """The stored value of a row for what a partner entered; FieldError names the indicator."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    measurement = rule.measurement
    if measurement == "document":
        raise _error(rule, raw, _("error_value_document", default="takes evidence files only"))
    if measurement in ("number", "percentage"):
        try:
            value = float(str(raw).strip().replace(",", "."))
        except ValueError:
            raise _error(rule, raw, _("error_value_number", default="must be a number")) from None
        if measurement == "percentage" and not 0 <= value <= 100:
            raise _error(
                rule, raw, _("error_value_percentage", default="must be between 0 and 100")
            )
        if measurement == "number" and value < 0:
            raise _error(rule, raw, _("error_value_negative", default="cannot be negative"))
        return value
    text = str(raw).strip().lower()
    if measurement == "yes_no":
        if text in YES:
            return True
        if text in NO:
            return False
        raise _error(rule, raw, _("error_value_yes_no", default="must be Ya or Tidak"))
    if measurement == "ada_proses_tidak":
        if text in ADA_PROSES_TIDAK:
            return text
        raise _error(
            rule, raw, _("error_value_ada_proses_tidak", default="must be Ada, Proses or Tidak")
        )
    raise _error(rule, raw, _("error_value_measurement", default="has an unknown measurement"))


def _error(rule, raw, reason):
    return FieldError(
        _(
            "error_row_value",
            default="Indicator ${code}: '${value}' ${reason}.",
            mapping={"code": rule.code, "value": str(raw), "reason": reason},
        )
    )
