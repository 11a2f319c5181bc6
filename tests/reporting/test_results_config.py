"""What editors configure for results: recorded national figures and the qualifying predicate."""

from kemenkumham.ham.content.aggregates import parse_national_aggregates
from kemenkumham.ham.content.programme import IProgramme
from kemenkumham.ham.content.validation import FieldError
from zope.i18n import translate
from zope.interface import Invalid

import pytest


def test_a_national_figure_line():
    (figure,) = parse_national_aggregates(
        ["2020; 259; 514; Hari HAM ke-72, Serang; 14 Desember 2020; https://example.org/berita"]
    )
    assert (figure.award_year, figure.qualifying, figure.total) == (2020, 259, 514)
    assert figure.percent == 50.4
    assert figure.source == "Hari HAM ke-72, Serang; 14 Desember 2020"
    assert figure.source_url == "https://example.org/berita"


def test_the_url_may_be_left_out():
    (figure,) = parse_national_aggregates(["2020; 259; 514; Laporan Kakanwil Banten;", ""])
    assert figure.source == "Laporan Kakanwil Banten"
    assert figure.source_url == ""


@pytest.mark.parametrize(
    "line,says",
    [
        ("2020; 259; 514", "must look like"),  # no source
        ("2020; 259; 514; ", "must look like"),
        ("dua ribu; 259; 514; Sumber", "must look like"),
        ("2020; 259,5; 514; Sumber", "must look like"),
        ("2020; 259; 0; Sumber", "must look like"),
        ("1999; 259; 514; Sumber", "must look like"),
        ("2020; 600; 514; Sumber", "cannot be more than the total 514"),
    ],
)
def test_bad_national_figures_are_named(line, says):
    with pytest.raises(FieldError) as error:
        parse_national_aggregates([line])
    message = translate(error.value.doc(), target_language="en")
    assert line in message
    assert says in message


def test_a_year_given_twice_is_refused():
    with pytest.raises(FieldError) as error:
        parse_national_aggregates(["2020; 259; 514; A", "2020; 260; 514; B"])
    assert "award year 2020 is given twice" in translate(error.value.doc(), target_language="en")


def test_the_field_refuses_a_bad_line():
    field = IProgramme["national_aggregates"]
    with pytest.raises(FieldError):
        field.validate(["2020; 600; 514; Sumber"])
    field.validate(["2020; 259; 514; Sumber"])


class Data:
    def __init__(self, **values):
        self.__dict__.update(values)


def test_the_qualifying_predicate_must_be_a_band():
    bands = ["75: Peduli HAM", "65: Cukup Peduli HAM"]
    IProgramme.validateInvariants(Data(qualifying_predicate="Peduli HAM", bands=bands))
    IProgramme.validateInvariants(Data(qualifying_predicate="", bands=bands))
    with pytest.raises(Invalid) as error:
        IProgramme.validateInvariants(Data(qualifying_predicate="Sangat Peduli", bands=bands))
    message = translate(error.value.args[0], target_language="en")
    assert "'Sangat Peduli' is none of the bands' predicates" in message
    assert "Peduli HAM, Cukup Peduli HAM" in message
