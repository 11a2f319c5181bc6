"""Conditions of easyform's "depends on" setting (pat-depends), evaluated on the server.

easyform shows or hides a field in the browser with patternslib's pat-depends; the server knew
nothing of it, so a required field that the browser hid could never be submitted (easyform issue
#461) and a hidden field's stale value was stored. This module reads the same syntax and gives
the same answer as the browser, so the server can decide which fields the person actually saw.

Syntax (as pat-depends): ``name``, ``name=value``, ``name!=value``, ``name~=value`` (contains),
``name=~value`` (is contained in), ``name<n``, ``name<=n``, ``name>n``, ``name>=n`` (n a whole
number), ``not <simple>``, ``<simple> and|or <expression>``, parentheses; a value may be quoted.
As in pat-depends, ``and``/``or`` have no precedence: ``a and b or c`` means ``a and (b or c)``.
A name is a field id, or an input name such as ``form.widgets.<id>`` or ``form.widgets.<id>:list``.

Evaluation follows pat-depends: a name stands for the value of its input as the browser would
send it (the first chosen value of a list, None when nothing is chosen); order comparisons read
it as a number the way JavaScript does (empty is 0, not a number is never in order).
"""

from dataclasses import dataclass

import math
import re


class ConditionError(ValueError):
    """The text is not a condition pat-depends understands (the browser then shows the field)."""


@dataclass(frozen=True)
class Truthy:
    name: str


@dataclass(frozen=True)
class Comparison:
    name: str
    operator: str
    value: object  # str for = != ~= =~, int for < <= > >=


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class Logical:
    operator: str  # "and" | "or"
    left: object
    right: object


EQUALITY = ("=~", "!=", "~=", "=")
ORDER = ("<=", "<", ">=", ">")
IDENTIFIER = re.compile(r"[\w$.:\-\u200c\u200d]+", re.UNICODE)
NUMBER = re.compile(r"[0-9]+")
WHITESPACE = "\t\v\f \u00a0\ufeff\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"  # noqa: E501
ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\x0b", "0": "\0"}
WIDGET_PREFIXES = ("form.widgets.", "form-widgets-")


def parse(text):
    """The condition as a tree of Truthy, Comparison, Not and Logical nodes."""
    parser = _Parser(text or "")
    node = parser.expression()
    if node is None or parser.position != len(parser.text):
        raise ConditionError(f"not a condition: {text!r}")
    return node


def field_id(name):
    """The field id an input name stands for: "form.widgets.kkp_06_03:list" -> "kkp_06_03"."""
    for prefix in WIDGET_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return name.split(":", 1)[0]


def names(node):
    """The field ids a condition reads."""
    if isinstance(node, Truthy | Comparison):
        return {field_id(node.name)}
    if isinstance(node, Not):
        return names(node.child)
    return names(node.left) | names(node.right)


def evaluate(node, value_of):
    """True when the condition holds; value_of(field id) gives the input's value or None."""
    if isinstance(node, Not):
        return not evaluate(node.child, value_of)
    if isinstance(node, Logical):
        if node.operator == "and":
            return evaluate(node.left, value_of) and evaluate(node.right, value_of)
        return evaluate(node.left, value_of) or evaluate(node.right, value_of)
    value = value_of(field_id(node.name))
    if isinstance(node, Truthy):
        return bool(value)
    operator, expected = node.operator, node.value
    if operator == "=":
        return value == expected
    if operator == "!=":
        return value != expected
    if operator == "~=":
        return value is not None and expected in value
    if operator == "=~":
        return bool(value is not None and expected and value in expected)
    number = _js_number(value)
    if math.isnan(number):
        return False
    return {
        "<": number < expected,
        "<=": number <= expected,
        ">": number > expected,
        ">=": number >= expected,
    }[operator]


def holds(text, value_of):
    """Whether a field with this condition is shown; one the browser cannot read is shown."""
    if not (text or "").strip():
        return True
    try:
        node = parse(text)
    except ConditionError:
        return True
    return evaluate(node, value_of)


def _js_number(value):
    """JavaScript's Number(value) for what an input holds: "" and null are 0, junk is NaN."""
    if value is None:
        return 0.0
    text = str(value).strip(WHITESPACE + "\n\r")
    if not text:
        return 0.0
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?Infinity", text):
        return math.nan
    return float(text.replace("Infinity", "inf"))


class _Parser:
    """A recursive-descent reading of pat-depends' grammar (depends_parse.pegjs)."""

    def __init__(self, text):
        self.text = text
        self.position = 0

    # expression = "not" _ simple / simple _ logical _ expression / simple
    def expression(self):
        start = self.position
        if self._keyword("not") and self._whitespace(required=True):
            child = self.simple()
            if child is not None:
                return Not(child)
        self.position = start
        left = self.simple()
        if left is None:
            return None
        after_left = self.position
        if self._whitespace(required=True):
            for operator in ("and", "or"):
                if self._keyword(operator) and self._whitespace(required=True):
                    right = self.expression()
                    if right is not None:
                        return Logical(operator, left, right)
                    break
        self.position = after_left
        return left

    # simple = "(" __ expression __ ")" / name __ op __ value / name __ order __ number / name
    def simple(self):
        start = self.position
        if self._literal("("):
            self._whitespace()
            node = self.expression()
            self._whitespace()
            if node is not None and self._literal(")"):
                return node
            self.position = start
            return None
        name = self._match(IDENTIFIER)
        if name is None:
            return None
        after_name = self.position
        self._whitespace()
        for operator in EQUALITY:
            if self._literal(operator):
                self._whitespace()
                value = self._value()
                if value is not None:
                    return Comparison(name, operator, value)
                break
        self.position = after_name
        self._whitespace()
        for operator in ORDER:
            if self._literal(operator):
                self._whitespace()
                digits = self._match(NUMBER)
                if digits is not None:
                    return Comparison(name, operator, int(digits))
                break
        self.position = after_name
        return Truthy(name)

    def _value(self):
        plain = self._match(IDENTIFIER)
        if plain is not None:
            return plain
        if self.position < len(self.text) and self.text[self.position] in "\"'":
            return self._string(self.text[self.position])
        return None

    def _string(self, quote):
        start = self.position
        self.position += 1
        chars = []
        while self.position < len(self.text):
            char = self.text[self.position]
            self.position += 1
            if char == quote:
                return "".join(chars)
            if char == "\\" and self.position < len(self.text):
                escaped = self.text[self.position]
                self.position += 1
                chars.append(ESCAPES.get(escaped, escaped))
            else:
                chars.append(char)
        self.position = start
        return None

    def _keyword(self, word):
        end = self.position + len(word)
        if self.text[self.position : end].lower() == word:
            self.position = end
            return True
        return False

    def _literal(self, literal):
        if self.text.startswith(literal, self.position):
            self.position += len(literal)
            return True
        return False

    def _whitespace(self, required=False):
        start = self.position
        while self.position < len(self.text) and self.text[self.position] in WHITESPACE:
            self.position += 1
        return self.position > start or not required

    def _match(self, pattern):
        found = pattern.match(self.text, self.position)
        if not found:
            return None
        self.position = found.end()
        return found.group(0)
