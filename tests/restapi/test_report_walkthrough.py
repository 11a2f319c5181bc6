"""Acceptance: one KKP HAM report from draft to final over REST, as the demo's partner,
verifier and assessor, with JWT logins, PATCH of rows (a file upload included) and @workflow.

draft -> submitted -> revision -> submitted -> verified -> assessed -> final; the score, the
predicate and the history are checked on the way, and every response of the report is validated
against docs/openapi.yaml.
"""

from datetime import datetime
from kemenkumham.ham.demo import create_demo
from plone import api
from tests.clock import freeze_clock
from tests.openapi import check_response

import base64
import pytest
import requests
import transaction


REPORT = "program/kkp-ham/2024/laporan-kota-serang"
PDF = b"%PDF-1.4\n% Contoh data dukung KKP-09.01\n%%EOF\n"
MISSING_ROWS = {
    "KKP-06.01": {"value": 88.5, "note": "Contoh: data Dinas Kesehatan"},
    "KKP-07.01": {"value": 91},
    "KKP-08.01": {"value": 7},
    "KKP-09.01": {
        "evidence": [
            {
                "data": base64.b64encode(PDF).decode(),
                "encoding": "base64",
                "filename": "rencana-tata-ruang.pdf",
                "content-type": "application/pdf",
            }
        ]
    },
    "KKP-10.01": {"value": "Ada"},
}
SCORES = {
    "KKP-01.01": 90,
    "KKP-02.01": 80,
    "KKP-03.01": 70,
    "KKP-04.01": 75,
    "KKP-05.01": 85,
    "KKP-06.01": 80,
    "KKP-07.01": 90,
    "KKP-08.01": 65,
    "KKP-09.01": 70,
    "KKP-10.01": 80,
}


class Client:
    """A REST client logged in with a JWT from @login, as a partner or staff member would."""

    def __init__(self, site_url, login, password):
        self.site_url = site_url
        response = requests.post(
            f"{site_url}/++api++/@login",
            json={"login": login, "password": password},
            headers={"Accept": "application/json"},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        self.headers = {
            "Accept": "application/json",
            "Authorization": f"Bearer {response.json()['token']}",
        }

    def url(self, path):
        return f"{self.site_url}/++api++/{path}"

    def get(self, path, described=True):
        response = requests.get(self.url(path), headers=self.headers, timeout=30)
        if described:
            check_response(response)
        return response

    def patch(self, path, body):
        response = requests.patch(self.url(path), json=body, headers=self.headers, timeout=30)
        check_response(response)
        return response

    def transition(self, path, transition, comment=""):
        return requests.post(
            self.url(f"{path}/@workflow/{transition}"),
            json={"comment": comment},
            headers=self.headers,
            timeout=30,
        )


@pytest.fixture
def demo(functional, monkeypatch):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        result = create_demo(portal, say=lambda message: None)
    transaction.commit()
    # Inside the 2024 period's submission window (2025-01-02 to 2025-03-31).
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    passwords = {username: password for username, password, _group in result.users}
    url = portal.absolute_url()
    return portal, {
        role: Client(url, username, passwords[username])
        for role, username in (
            ("partner", "mitra.serang.demo"),
            ("verifier", "verifikator.demo"),
            ("assessor", "penilai.demo"),
            ("other_partner", "mitra.lebak.demo"),
        )
    }


def state_of(client):
    return client.get(REPORT).json()["review_state"]


def test_kkp_ham_report_from_draft_to_final_over_rest(demo):
    portal, users = demo
    partner, verifier, assessor = users["partner"], users["verifier"], users["assessor"]

    # Draft: the partner sees 10 rows, 5 filled, and may write values, notes and evidence.
    report = partner.get(REPORT).json()
    assert report["review_state"] == "draft"
    assert report["partner"]["title"] == "Pemerintah Kota Serang"
    assert len(report["indicators"]) == 10
    assert sum(row["value"] is not None for row in report["rows"].values()) == 5
    assert report["writable_row_fields"] == ["value", "note", "evidence"]
    # The other partner does not see it at all.
    assert requests.get(
        users["other_partner"].url(REPORT), headers=users["other_partner"].headers, timeout=30
    ).status_code in (401, 403, 404)

    # Submitting an incomplete report is refused, naming what is missing.
    refused = partner.transition(REPORT, "submit")
    assert refused.status_code == 400
    assert "KKP-06.01" in refused.json()["error"]["message"]
    assert partner.patch(REPORT, {"rows": MISSING_ROWS}).status_code == 204
    report = partner.get(REPORT).json()
    evidence = report["rows"]["KKP-09.01"]["evidence"]
    assert [(e["filename"], e["size"]) for e in evidence] == [("rencana-tata-ruang.pdf", len(PDF))]
    download = requests.get(evidence[0]["download"], headers=partner.headers, timeout=30)
    assert download.status_code == 200
    assert download.content == PDF
    assert partner.transition(REPORT, "submit", "Laporan 2024").status_code == 200
    assert state_of(partner) == "submitted"
    # Submitted: the partner can no longer change values.
    assert partner.patch(REPORT, {"rows": {"KKP-03.01": {"value": 1}}}).status_code == 403

    # The verifier accepts nine rows and sends KKP-03.01 back with a remark.
    assert verifier.get(REPORT).json()["writable_row_fields"] == ["status", "remark"]
    checks = {code: {"status": "accepted"} for code in SCORES}
    checks["KKP-03.01"] = {
        "status": "needs_revision",
        "remark": "Contoh: lampirkan daftar hadir musrenbang.",
    }
    assert verifier.patch(REPORT, {"rows": checks}).status_code == 204
    assert verifier.transition(REPORT, "request_revision", "Perbaiki KKP-03.01").status_code == 200

    # Revision: the partner reads the remark beside the row, corrects it and resubmits.
    report = partner.get(REPORT).json()
    assert report["review_state"] == "revision"
    row = report["rows"]["KKP-03.01"]
    assert (row["status"], row["remark"]) == (
        "needs_revision",
        "Contoh: lampirkan daftar hadir musrenbang.",
    )
    assert partner.patch(REPORT, {"rows": {"KKP-03.01": {"value": 14}}}).status_code == 204
    assert partner.transition(REPORT, "submit", "Sudah diperbaiki").status_code == 200

    # Resubmitted: the corrected row waits for a new check, its old remark is kept.
    report = verifier.get(REPORT).json()
    row = report["rows"]["KKP-03.01"]
    assert (row["status"], row["value"]) == (None, 14.0)
    assert row["previous_remark"] == "Contoh: lampirkan daftar hadir musrenbang."
    assert report["rows"]["KKP-01.01"]["status"] == "accepted"
    refused = verifier.transition(REPORT, "verify")
    assert refused.status_code == 400
    assert "KKP-03.01" in refused.json()["error"]["message"]
    accept = {"rows": {"KKP-03.01": {"status": "accepted"}}}
    assert verifier.patch(REPORT, accept).status_code == 204
    assert verifier.transition(REPORT, "verify").status_code == 200
    # A verifier does not score.
    assert verifier.patch(REPORT, {"rows": {"KKP-01.01": {"score": 90}}}).status_code == 403

    # The assessor scores every indicator; the engine computes total and predicate.
    assert assessor.get(REPORT).json()["writable_row_fields"] == ["score"]
    scores = {code: {"score": score} for code, score in SCORES.items()}
    assert assessor.patch(REPORT, {"rows": scores}).status_code == 204
    assert assessor.transition(REPORT, "assess").status_code == 200
    report = assessor.get(REPORT).json()
    expected_total = round(sum(SCORES.values()) / len(SCORES), 2)
    assert expected_total == 78.5
    assert (report["total_score"], report["predicate"]) == (expected_total, "Peduli HAM")
    # Not final yet: the partner does not see scores.
    report = partner.get(REPORT).json()
    assert "total_score" not in report or report["total_score"] is None
    assert all("score" not in row for row in report["rows"].values())

    assert assessor.transition(REPORT, "finalize", "Hasil akhir").status_code == 200
    report = partner.get(REPORT).json()
    assert report["review_state"] == "final"
    assert (report["total_score"], report["predicate"]) == (78.5, "Peduli HAM")
    assert report["finalised"] == "2025-03-03"
    assert report["writable_row_fields"] == []

    # The history keeps every step, with its actor, comment and rows.
    history = report["history"]
    assert [(step["action"], step["state"], step["actor"]) for step in history] == [
        ("submit", "submitted", "mitra.serang.demo"),
        ("request_revision", "revision", "verifikator.demo"),
        ("submit", "submitted", "mitra.serang.demo"),
        ("verify", "verified", "verifikator.demo"),
        ("assess", "assessed", "penilai.demo"),
        ("finalize", "final", "penilai.demo"),
    ]
    assert history[0]["rows"]["KKP-03.01"]["value"] == 12.0
    assert history[1]["rows"]["KKP-03.01"]["remark"] == "Contoh: lampirkan daftar hadir musrenbang."
    assert history[1]["comment"] == "Perbaiki KKP-03.01"
    assert history[4]["total_score"] == 78.5
    workflow = partner.get(f"{REPORT}/@workflow", described=False).json()
    assert [item["action"] for item in workflow["history"]][-6:] == [
        "submit",
        "request_revision",
        "submit",
        "verify",
        "assess",
        "finalize",
    ]
    # Final is read-only for everybody but a Manager.
    assert assessor.patch(REPORT, {"rows": {"KKP-01.01": {"score": 10}}}).status_code == 403
    transaction.begin()
    stored = portal.unrestrictedTraverse(REPORT)
    assert (api.content.get_state(stored), stored.total_score) == ("final", 78.5)
