"""The server reads easyform's "depends on" conditions (pat-depends) as the browser does."""

from kemenkumham.ham.forms.conditions import Comparison
from kemenkumham.ham.forms.conditions import ConditionError
from kemenkumham.ham.forms.conditions import evaluate
from kemenkumham.ham.forms.conditions import field_id
from kemenkumham.ham.forms.conditions import holds
from kemenkumham.ham.forms.conditions import Logical
from kemenkumham.ham.forms.conditions import names
from kemenkumham.ham.forms.conditions import Not
from kemenkumham.ham.forms.conditions import parse
from kemenkumham.ham.forms.conditions import Truthy

import pytest


def test_parse_builds_the_tree_of_pat_depends():
    assert parse("ada") == Truthy("ada")
    assert parse("jenis = Ada") == Comparison("jenis", "=", "Ada")
    assert parse("jenis!=Tidak") == Comparison("jenis", "!=", "Tidak")
    assert parse("catatan ~= lapas") == Comparison("catatan", "~=", "lapas")
    assert parse("kode =~ 'KKP-06 KKP-07'") == Comparison("kode", "=~", "KKP-06 KKP-07")
    assert parse("jumlah>=10") == Comparison("jumlah", ">=", 10)
    assert parse("jumlah < 3") == Comparison("jumlah", "<", 3)
    assert parse("not ada") == Not(Truthy("ada"))
    assert parse("NOT (a or b)") == Not(Logical("or", Truthy("a"), Truthy("b")))
    # No precedence between and/or: the right side is one expression, as in pat-depends.
    assert parse("a and b or c") == Logical(
        "and", Truthy("a"), Logical("or", Truthy("b"), Truthy("c"))
    )
    assert parse('(a = "dua kata") and b') == Logical(
        "and", Comparison("a", "=", "dua kata"), Truthy("b")
    )
    assert parse("form.widgets.jenis:list=Ada") == Comparison("form.widgets.jenis:list", "=", "Ada")


@pytest.mark.parametrize(
    "text",
    ["", "a and", "(a", "a = ", "jumlah < lima", "not a and b", "a b", "a = 'terbuka"],
)
def test_parse_refuses_what_pat_depends_cannot_read(text):
    with pytest.raises(ConditionError):
        parse(text)


def test_names_are_field_ids_whatever_the_input_name():
    assert field_id("form.widgets.kkp_06_03") == "kkp_06_03"
    assert field_id("form.widgets.pilihan:list") == "pilihan"
    assert field_id("form-widgets-pilihan") == "pilihan"
    assert field_id("pilihan") == "pilihan"
    assert names(parse("form.widgets.a:list = x and (b or not c)")) == {"a", "b", "c"}


def values(**given):
    return lambda name: given.get(name)


@pytest.mark.parametrize(
    "text,given,expected",
    [
        ("ada", {"ada": "selected"}, True),
        ("ada", {"ada": ""}, False),
        ("ada", {}, False),
        ("jenis=Ada", {"jenis": "Ada"}, True),
        ("jenis=Ada", {"jenis": "ada"}, False),
        ("jenis=Ada", {}, False),
        ("jenis!=Ada", {}, True),
        ("jenis!=Ada", {"jenis": "Proses"}, True),
        ("jenis!=Ada", {"jenis": "Ada"}, False),
        ("catatan~=lapas", {"catatan": "di lapas kelas III"}, True),
        ("catatan~=lapas", {}, False),
        ("kode=~'a b c'", {"kode": "b"}, True),
        ("kode=~'a b c'", {"kode": "d"}, False),
        ("jumlah>=10", {"jumlah": "10"}, True),
        ("jumlah>=10", {"jumlah": " 9.5 "}, False),
        ("jumlah>10", {"jumlah": "1e2"}, True),
        # JavaScript reads an empty input as 0 and junk as never in order.
        ("jumlah<3", {"jumlah": ""}, True),
        ("jumlah<3", {}, True),
        ("jumlah<3", {"jumlah": "dua"}, False),
        ("jumlah>=0", {"jumlah": "5,5"}, False),
        ("not ada", {"ada": "selected"}, False),
        ("a and b", {"a": "x", "b": "y"}, True),
        ("a and b", {"a": "x"}, False),
        ("a or b", {"b": "y"}, True),
        ("a and b or c", {"c": "z"}, False),
        ("a and b or c", {"a": "x", "c": "z"}, True),
        ("not (a or b)", {}, True),
        ("form.widgets.jenis:list = Ada", {"jenis": "Ada"}, True),
    ],
)
def test_evaluate_answers_as_the_browser(text, given, expected):
    assert evaluate(parse(text), values(**given)) is expected


def test_a_field_without_a_readable_condition_is_shown():
    assert holds("", values()) is True
    assert holds("a and", values()) is True
    assert holds("a", values()) is False
