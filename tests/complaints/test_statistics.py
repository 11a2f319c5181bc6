"""Public complaint statistics: counts by right, party kind, stage and month, and nothing else."""

from datetime import date
from datetime import datetime
from kemenkumham.ham.complaints.identity import store_identity
from kemenkumham.ham.complaints.statistics import complaint_statistics
from kemenkumham.ham.complaints.statistics import last_months
from kemenkumham.ham.workflows.paths import move_to_state
from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.clock import freeze_clock

import pytest
import requests
import transaction


CASES = (
    # id, right, party kind, state, received, party, place
    ("a", "kesejahteraan", "korporasi", "received", date(2025, 3, 3), "PT Lahan Hijau", "Cibeber"),
    (
        "b",
        "kesejahteraan",
        "korporasi",
        "administrative_check",
        date(2025, 3, 20),
        "CV Tenun",
        "Cikande",
    ),
    (
        "c",
        "keadilan",
        "aparat_negara",
        "incomplete",
        date(2025, 1, 15),
        "Polsek Ujung",
        "Ujungkulon",
    ),
    ("d", "rasa_aman", "perorangan", "in_handling", date(2024, 11, 2), "Pak Karta", "Malingping"),
    ("e", "anak", "lembaga_pemerintah", "closed", date(2024, 2, 9), "Dinas Sekolah", "Bayah"),
    (
        "f",
        "keadilan",
        "korporasi",
        "withdrawn",
        date(2025, 2, 1),
        "PT Tambang Jaya",
        "Panggarangan",
    ),
)
NAME = "Ratna Rahasia Wulandari"
NIK = "3604123412341234"


def counts(rows):
    return {row.key: row.count for row in rows}


@pytest.fixture
def cases(functional, monkeypatch):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    freeze_clock(monkeypatch, datetime(2025, 3, 25, 10, 0))
    complaints = {}
    for key, right, party_kind, state, received, party, place in CASES:
        complaint = api.content.create(
            container=portal["pengaduan"],
            type="Complaint",
            id=f"kasus-{key}",
            channel="online",
            party_kind=party_kind,
            party_complained_about=party,
            right_concerned=right,
            incident_place=place,
            chronology=f"Kronologi {NAME}.",
        )
        complaint.received_date = received
        store_identity(complaint, {"complainant_name": NAME, "id_number": NIK})
        move_to_state(complaint, state)
        complaint.reindexObject()
        complaints[key] = complaint
    transaction.commit()
    return portal, complaints


def test_last_months_cross_the_year():
    assert last_months(date(2025, 2, 14), 4) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert len(last_months(date(2025, 12, 31))) == 12


def test_counts_by_right_party_kind_stage_month_and_year(cases):
    statistics = complaint_statistics()
    assert statistics.total == 6
    by_right = counts(statistics.by_right)
    assert len(by_right) == 10
    assert by_right == {
        **dict.fromkeys(by_right, 0),
        "kesejahteraan": 2,
        "keadilan": 2,
        "rasa_aman": 1,
        "anak": 1,
    }
    assert counts(statistics.by_party_kind) == {
        "perorangan": 1,
        "kelompok": 0,
        "aparat_negara": 1,
        "korporasi": 3,
        "lembaga_pemerintah": 1,
    }
    assert counts(statistics.by_stage) == {
        "diterima": 1,
        "dalam_pemeriksaan": 2,
        "ditangani": 1,
        "selesai": 1,
        "dicabut": 1,
    }
    by_month = counts(statistics.by_month)
    assert list(by_month)[0] == "2024-04" and list(by_month)[-1] == "2025-03"
    assert by_month["2025-03"] == 2 and by_month["2025-01"] == 1 and by_month["2024-11"] == 1
    assert by_month["2024-12"] == 0
    assert sum(by_month.values()) == 5  # February 2024 is more than twelve months ago
    assert counts(statistics.by_year) == {"2024": 2, "2025": 4}


def test_a_complaint_moving_on_moves_in_the_counts(cases):
    _portal, complaints = cases
    move_to_state(complaints["a"], "in_handling")
    transaction.commit()
    by_stage = counts(complaint_statistics().by_stage)
    assert by_stage["diterima"] == 0 and by_stage["ditangani"] == 2


def test_anonymous_reads_the_counts_and_nothing_of_a_case(cases):
    portal, complaints = cases
    response = requests.get(f"{portal.absolute_url()}/statistik", timeout=30)
    assert response.status_code == 200
    page = html.fromstring(response.text)
    (section,) = page.cssselect("section.ham-statistics-complaints")
    by_right = {
        row.cssselect("th")[0].text_content().strip(): row.cssselect("td")[0].text_content()
        for row in section.cssselect("table.ham-complaints-by-right tbody tr")
    }
    assert len(by_right) == 10
    assert by_right == {
        "Right to life": "0",
        "Right to found a family and have descendants": "0",
        "Right to self-development": "0",
        "Right to justice": "2",
        "Right to personal freedom": "0",
        "Right to security": "1",
        "Right to welfare": "2",
        "Right to take part in government": "0",
        "Rights of women": "0",
        "Rights of the child": "1",
    }
    stage_cells = [
        td.text_content() for td in section.cssselect("table.ham-complaints-by-stage tbody td")
    ]
    assert stage_cells == ["1", "2", "1", "1", "1"]
    months = section.cssselect("table.ham-complaints-by-month tbody tr")
    assert len(months) == 12
    text = response.text
    for complaint in complaints.values():
        assert complaint.registration_number not in text
        assert complaint.party_complained_about not in text
        assert complaint.incident_place not in text
        assert complaint.absolute_url() not in text
        assert complaint.getId() not in text
    assert NAME not in text and NIK not in text
    assert "/pengaduan/" not in text
