"""Which part of a report each field of an indicator form fills, and how values convert.

Field ids follow the indicator codes (kemenkumham.ham.content.indicator.field_id_for):

- ``kkp_06_03``: the value of indicator KKP-06.03 (for a document-only indicator: a file);
- ``kkp_06_03_note`` or ``kkp_06_03_catatan``: the row's note;
- ``kkp_06_03_evidence`` or ``kkp_06_03_bukti`` (optionally numbered, ``kkp_06_03_bukti_2``):
  an evidence file (data dukung) added to the row;
- ``self_assessment`` or ``penilaian_mandiri``: the report's self-assessment.

Labels, rich labels and captchas carry no value. Any other field matches nothing and is refused.
"""

from collective.easyform.interfaces import IHCaptcha
from collective.easyform.interfaces import ILabel
from collective.easyform.interfaces import INorobotCaptcha
from collective.easyform.interfaces import IReCaptcha
from dataclasses import dataclass
from decimal import Decimal
from kemenkumham.ham.content.indicator import field_id_for
from kemenkumham.ham.reporting.values import NO
from kemenkumham.ham.reporting.values import YES
from plone.namedfile.interfaces import INamed
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import re


VALUE = "value"
NOTE = "note"
EVIDENCE = "evidence"
SELF_ASSESSMENT = "self_assessment"

NOTE_SUFFIXES = ("_note", "_catatan")
EVIDENCE_PATTERN = re.compile(r"^(?P<base>.+?)_(?:evidence|bukti)(?:_\d+)?$")
SELF_ASSESSMENT_IDS = ("self_assessment", "penilaian_mandiri")
NO_VALUE_FIELDS = (ILabel, IReCaptcha, IHCaptcha, INorobotCaptcha)


@dataclass(frozen=True)
class Target:
    """What a form field fills: kind is value, note, evidence or self_assessment."""

    kind: str
    code: str | None = None


def carries_value(field):
    return not any(iface.providedBy(field) for iface in NO_VALUE_FIELDS)


def target_of(name, rules):
    """The Target of a field id under the period's rules, or None when it matches nothing."""
    by_field_id = {field_id_for(rule.code): rule for rule in rules.indicators}
    if name in SELF_ASSESSMENT_IDS:
        return Target(SELF_ASSESSMENT)
    if name in by_field_id:
        rule = by_field_id[name]
        return Target(EVIDENCE if rule.measurement == "document" else VALUE, rule.code)
    for suffix in NOTE_SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in by_field_id:
            return Target(NOTE, by_field_id[name[: -len(suffix)]].code)
    found = EVIDENCE_PATTERN.match(name)
    if found and found.group("base") in by_field_id:
        return Target(EVIDENCE, by_field_id[found.group("base")].code)
    return None


def form_targets(schema, rules):
    """({field id: Target}, [field ids that match nothing]) for the fields of a form."""
    targets, unknown = {}, []
    for name, field in getFieldsInOrder(schema):
        if not carries_value(field):
            continue
        target = target_of(name, rules)
        if target is None:
            unknown.append(name)
        else:
            targets[name] = target
    return targets, unknown


def raw_value(value):
    """A form value as the text the reporting engine reads (see reporting.values.parse_value)."""
    if isinstance(value, list | tuple | set | frozenset):
        value = list(value)
        if len(value) > 1:
            return ", ".join(str(item) for item in value)
        value = value[0] if value else None
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 101.0 reads "101" in a message naming it
    return str(value)


def is_file(value):
    return INamed.providedBy(value)


def upload_of(value):
    """An easyform file value as the reporting engine's new evidence item."""
    return {"data": value.data, "filename": value.filename, "content-type": value.contentType}


def field_value(field, stored):
    """A row's stored value as a value of the form field, or None when it does not fit."""
    if stored is None or stored == "":
        return None
    try:
        if IChoice.providedBy(field):
            return _choice_value(field, stored)
        if IBool.providedBy(field):
            return stored is True or str(stored).lower() in YES
        if IInt.providedBy(field):
            number = float(stored)
            return int(number) if number == int(number) else None
        if IDecimal.providedBy(field):
            return Decimal(str(stored))
        if IFloat.providedBy(field):
            return float(stored)
        if ITextLine.providedBy(field) or IText.providedBy(field):
            return _text(stored)
    except (TypeError, ValueError, ArithmeticError):
        return None
    return None


def _text(stored):
    if isinstance(stored, bool):
        return "Ya" if stored else "Tidak"
    if isinstance(stored, float) and stored == int(stored):
        return str(int(stored))
    if isinstance(stored, str) and stored.islower():
        return stored.capitalize()
    return str(stored)


def _choice_value(field, stored):
    """The term of the field's vocabulary that stands for the stored value, or None."""
    vocabulary = field.vocabulary
    if vocabulary is None:
        return None
    wanted = _text(stored).lower()
    for term in vocabulary:
        if str(term.value).lower() == wanted or str(term.token).lower() == wanted:
            return term.value
        if isinstance(stored, bool) and str(term.value).lower() in (YES if stored else NO):
            return term.value
        if isinstance(stored, float):
            try:
                if float(str(term.value).replace(",", ".")) == stored:
                    return term.value
            except ValueError:
                continue
    return None
