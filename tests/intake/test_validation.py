"""One validation for the public form, the staff form and REST (complaints/intake.py)."""

from datetime import datetime
from kemenkumham.ham.complaints import intake
from tests.clock import freeze_clock
from tests.intake.helpers import PDF
from tests.intake.helpers import PROGRAM
from tests.intake.helpers import valid_form
from zope.i18n import translate

import pytest


@pytest.fixture
def portal(integration, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    return integration["portal"]


def refused(form, files=None, public=True):
    with pytest.raises(intake.Refused) as caught:
        intake.validate(form, files or {}, public=public)
    return {name: translate(message, target_language="en") for name, message in caught.value.errors}


def test_a_valid_public_submission_is_split_into_case_and_identity(portal):
    submission = intake.validate(valid_form(), {"evidence": [("bukti.pdf", PDF, None)]})
    assert submission.channel == "online"
    assert submission.consent is True
    assert submission.fields["incident_date"].isoformat() == "2025-02-03"
    assert submission.identity["id_number"] == "3604014507880002"
    assert "complainant_name" not in submission.fields
    assert [(kind, name) for kind, name, *_rest in submission.files] == [("evidence", "bukti.pdf")]


@pytest.mark.parametrize(
    "name",
    ["complainant_name", "id_number", "party_complained_about", "incident_place", "chronology"],
)
def test_missing_required_fields_are_named(portal, name):
    errors = refused(valid_form(**{name: "  "}))
    assert errors[name] == "This field is required."


def test_public_needs_a_phone_or_an_email(portal):
    errors = refused(valid_form(phone="", email=""))
    assert "telephone number or an e-mail address" in errors["phone"]


@pytest.mark.parametrize("nik", ["360401450788000", "36040145078800021", "36040145O7880002"])
def test_a_nik_has_exactly_sixteen_digits(portal, nik):
    assert refused(valid_form(id_number=nik))["id_number"].startswith("A NIK has exactly 16 digits")


def test_a_nik_may_be_typed_with_spaces(portal):
    submission = intake.validate(valid_form(id_number="3604 0145 0788 0002"))
    assert submission.identity["id_number"] == "3604014507880002"


def test_other_identity_documents_are_checked_too(portal):
    assert "12 to 14 digits" in refused(valid_form(id_kind="sim", id_number="12AB"))["id_number"]
    assert "6 to 12" in refused(valid_form(id_kind="paspor", id_number="A1"))["id_number"]
    assert (
        intake.validate(valid_form(id_kind="paspor", id_number="c1234567")).identity["id_number"]
        == "C1234567"
    )


def test_the_incident_date_is_not_in_the_future_nor_before_1945(portal):
    assert "future" in refused(valid_form(incident_date="2025-03-04"))["incident_date"]
    assert "1945" in refused(valid_form(incident_date="1944-12-31"))["incident_date"]
    assert "YYYY-MM-DD" in refused(valid_form(incident_date="3/2/2025"))["incident_date"]


@pytest.mark.parametrize(
    "text",
    [
        "Saya dipukul <script>alert(1)</script>",
        "lihat <a href='x'>di sini</a>",
        "<!-- komentar -->",
        "&lt;img src=x onerror=alert(1)&gt;",
        "klik javascript:alert(1)",
    ],
)
def test_markup_in_the_chronology_is_refused_not_stripped(portal, text):
    assert (
        "HTML tags and scripts are not accepted"
        in refused(valid_form(chronology=text))["chronology"]
    )


def test_a_lone_less_than_sign_is_plain_text(portal):
    assert intake.validate(valid_form(chronology="Korban berumur < 18 tahun.")).fields


def test_the_chronology_has_a_length_limit(portal):
    assert "At most 20000 characters" in refused(valid_form(chronology="a" * 20001))["chronology"]


def test_consent_is_required_online(portal):
    assert "consent" in refused(valid_form(consent=""))["consent"]


def test_vocabulary_fields_take_known_values_only(portal):
    errors = refused(valid_form(party_kind="alien", right_concerned="x"))
    assert set(errors) == {"party_kind", "right_concerned"}


def test_an_executable_renamed_pdf_is_refused(portal):
    errors = refused(valid_form(), {"evidence": [("laporan.pdf", PROGRAM, "application/pdf")]})
    assert "Programs are not accepted" in errors["evidence"]


def test_a_program_under_an_unchecked_extension_is_refused(portal):
    errors = refused(valid_form(), {"evidence": [("foto.odt", b"#!/bin/sh\nrm -rf /", None)]})
    assert "Programs are not accepted" in errors["evidence"]


def test_an_oversize_file_is_refused(portal):
    from plone import api

    api.portal.set_registry_record("kemenkumham.ham.complaint_max_file_size_mb", 1)
    big = PDF + b"0" * (1024 * 1024)
    errors = refused(valid_form(), {"evidence": [("besar.pdf", big, None)]})
    assert errors["evidence"] == "The file 'besar.pdf' is larger than 1 MB."


def test_too_many_files_are_refused(portal):
    from plone import api

    api.portal.set_registry_record("kemenkumham.ham.complaint_max_files", 2)
    files = {"evidence": [(f"b{i}.pdf", PDF, None) for i in range(3)]}
    assert "At most 2 files" in refused(valid_form(), files)["evidence"]


def test_disallowed_types_are_refused(portal):
    errors = refused(valid_form(), {"evidence": [("skrip.exe", PROGRAM, None)]})
    assert "not of an accepted type" in errors["evidence"]


def test_a_representative_needs_a_power_of_attorney(portal):
    errors = refused(valid_form(representative_name="LBH Contoh"))
    assert "power of attorney" in errors["power_of_attorney"]
    files = {"power_of_attorney": [("kuasa.pdf", PDF, None)]}
    assert intake.validate(valid_form(representative_name="LBH Contoh"), files).files


def test_staff_may_open_an_ex_officio_case_without_a_complainant(portal):
    form = {
        key: value
        for key, value in valid_form().items()
        if key not in ("complainant_name", "id_kind", "id_number", "phone", "email", "consent")
    }
    form.update(channel="ex_officio", incident_date="")
    submission = intake.validate(form, public=False)
    assert submission.channel == "ex_officio"
    assert submission.received_date.isoformat() == "2025-03-03"
    assert not submission.identity["complainant_name"]


def test_staff_letters_need_their_arrival_date_not_in_the_future(portal):
    form = valid_form(channel="surat")
    assert refused(form, public=False)["received_date"] == "This field is required."
    form["received_date"] = "2025-03-04"
    assert "future" in refused(form, public=False)["received_date"]
    form["received_date"] = "2025-02-20"
    assert intake.validate(form, public=False).received_date.isoformat() == "2025-02-20"


def test_staff_choose_a_known_channel(portal):
    assert refused(valid_form(channel="online"), public=False)["channel"]


def test_every_error_has_an_indonesian_and_an_english_text(portal):
    with pytest.raises(intake.Refused) as caught:
        intake.validate(valid_form(id_number="123"))
    [error] = intake.error_list(caught.value.errors)
    assert error["field"] == "id_number"
    assert error["message_en"].startswith("A NIK has exactly 16 digits")
    assert error["message_id"]


def test_the_rate_limit_is_a_sliding_window(monkeypatch):
    window = intake.RateLimit(seconds=3600)
    clock = [1000.0]
    monkeypatch.setattr(intake.time, "monotonic", lambda: clock[0])
    for _ in range(3):
        assert window.retry_after("10.0.0.1", 3) == 0
        window.hit("10.0.0.1")
    assert window.retry_after("10.0.0.1", 3) == 3600
    assert window.retry_after("10.0.0.2", 3) == 0
    clock[0] += 3599
    assert window.retry_after("10.0.0.1", 3) == 1
    clock[0] += 1
    assert window.retry_after("10.0.0.1", 3) == 0


def test_the_rate_limit_forgets_addresses_that_stopped_sending(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(intake.time, "monotonic", lambda: clock[0])
    window = intake.RateLimit(seconds=3600)
    for number in range(5000):  # one request each from many addresses (an IPv6 network)
        window.hit(f"2001:db8::{number:x}")
    assert len(window._hits) == 5000
    clock[0] += 1800
    window.hit("10.0.0.1")
    assert len(window._hits) == 5001  # still within their hour
    clock[0] += 1801
    assert window.retry_after("10.0.0.9", 3) == 0
    assert len(window._hits) == 1  # only 10.0.0.1, whose hour is not over
    assert window.retry_after("10.0.0.1", 1) > 0


@pytest.mark.parametrize(
    ("seen", "counted"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:1:2:3", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("", "unknown"),
    ],
)
def test_the_rate_limit_counts_an_ipv6_network_as_one_visitor(seen, counted):
    class Request:
        def getClientAddr(self):
            return seen

    assert intake.client_address(Request()) == counted
