"""DOMAIN invariant 5: an acknowledged submission is stored, under concurrency and across a crash.

Runs against a real instance (FileStorage, waitress with 4 threads) made by ham-admin.
"""

from concurrent.futures import ThreadPoolExecutor
from tests.admin import admin_auth
from tests.admin import free_port
from tests.admin import ham_admin
from tests.admin import serving

import base64
import pytest
import requests


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PERIOD = "Plone/++api++/program/kkp-ham/2024"
REPORTS = 12
SAMPLE_PDF = base64.b64encode(b"%PDF-1.4\n% Contoh data dukung\n%%EOF\n").decode()
# Every indicator of the demo's KKP HAM programme, filled: a report must be complete to submit.
COMPLETE_ROWS = {
    "KKP-01.01": {"value": "Ya"},
    "KKP-02.01": {"value": "Ada"},
    "KKP-03.01": {"value": 3},
    "KKP-04.01": {"value": "Proses"},
    "KKP-05.01": {"value": 95},
    "KKP-06.01": {"value": 90},
    "KKP-07.01": {"value": 92},
    "KKP-08.01": {"value": 4},
    "KKP-09.01": {
        "evidence": [{"data": SAMPLE_PDF, "encoding": "base64", "filename": "contoh.pdf"}]
    },
    "KKP-10.01": {"value": "Ada"},
}


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("durable")
    result = ham_admin(home, "create-site", "--demo")
    assert result.returncode == 0, result.stderr
    return home


def test_invariant_5_concurrent_submissions_are_all_stored_and_survive_a_crash(home):
    auth = admin_auth(home)
    port = free_port()
    with serving(home, port, crash=True) as url:
        ids = []
        for number in range(REPORTS):
            # One report per partner and period: each submission comes from its own partner.
            partner = requests.post(
                f"{url}/Plone/++api++/mitra",
                json={
                    "@type": "Partner",
                    "id": f"mitra-uji-{number}",
                    "title": f"Mitra uji {number} (Contoh)",
                    "kind": "opd",
                    "province": "36",
                },
                headers=JSON,
                auth=auth,
                timeout=30,
            )
            assert partner.status_code == 201, partner.text
            created = requests.post(
                f"{url}/{PERIOD}",
                json={
                    "@type": "IndicatorReport",
                    "id": f"uji-{number}",
                    "title": f"Laporan uji {number} (Contoh)",
                    "partner_uid": partner.json()["UID"],
                    "rows": COMPLETE_ROWS,
                },
                headers=JSON,
                auth=auth,
                timeout=30,
            )
            assert created.status_code == 201, created.text
            ids.append(f"uji-{number}")

        def submit(report_id):
            return requests.post(
                f"{url}/{PERIOD}/{report_id}/@workflow/submit",
                json={"comment": "Diajukan bersamaan"},
                headers=JSON,
                auth=auth,
                timeout=60,
            ).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(submit, ids))
        # Every submission was acknowledged; leaving the block kills the server (SIGKILL).
        assert statuses == [200] * REPORTS
    port = free_port()
    with serving(home, port) as url:
        for report_id in ids:
            state = requests.get(
                f"{url}/{PERIOD}/{report_id}/@workflow", headers=JSON, auth=auth, timeout=30
            ).json()["state"]["id"]
            assert state == "submitted", report_id


COMPLAINTS = 12


def complaint_body(number):
    return {
        "complainant_name": f"Pengadu Uji {number} (Contoh)",
        "id_kind": "nik",
        "id_number": f"36040000000{number:05d}",
        "phone": "0812 3456 7890",
        "party_complained_about": "Instansi Contoh",
        "party_kind": "lembaga_pemerintah",
        "right_concerned": "keadilan",
        "incident_place": "Serang, Banten",
        "incident_date": "2025-02-03",
        "chronology": f"Contoh kronologi pengaduan uji nomor {number}.",
        "consent": True,
        "evidence": [
            {"filename": "bukti.pdf", "data": SAMPLE_PDF, "content-type": "application/pdf"}
        ],
    }


def test_invariant_5_concurrent_complaints_are_all_stored_and_survive_a_crash(home):
    auth = admin_auth(home)
    port = free_port()
    with serving(home, port, crash=True) as url:
        # Many visitors behind one address here: the office raises the limit for the test.
        raised = requests.patch(
            f"{url}/Plone/++api++/@registry",
            json={"kemenkumham.ham.complaint_rate_limit": 100},
            headers=JSON,
            auth=auth,
            timeout=30,
        )
        assert raised.status_code == 204, raised.text

        def file_complaint(number):
            response = requests.post(
                f"{url}/Plone/++api++/@complaint-intake",
                json=complaint_body(number),
                headers=JSON,
                timeout=60,
            )
            return response.status_code, response.json().get("registration_number")

        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(file_complaint, range(COMPLAINTS)))
        # Every complaint was acknowledged with its own number; then the server is killed.
        assert [status for status, _number in answers] == [201] * COMPLAINTS
        numbers = {number for _status, number in answers}
        assert len(numbers) == COMPLAINTS
    port = free_port()
    with serving(home, port) as url:
        for number in numbers:
            status = requests.get(
                f"{url}/Plone/++api++/@complaint-status",
                params={"number": number},
                headers=JSON,
                timeout=30,
            )
            assert status.status_code == 200, number
            assert status.json()["state"] == "received"
