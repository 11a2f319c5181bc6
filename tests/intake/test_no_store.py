"""Pages that show what a complainant typed are never kept by a browser or a proxy: on a
shared computer (a warnet) the next person must not find the name and NIK in the cache."""

from plone import api
from tests.intake.helpers import NIK
from tests.intake.helpers import valid_form

import pytest
import requests
import transaction


@pytest.fixture
def section_url(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="petugas1", email="petugas1@example.org", password="Rahasia-1x")
        api.group.add_user(groupname="petugas-pengaduan", username="petugas1")
    transaction.commit()
    return f"{portal.absolute_url()}/pengaduan"


def token(url, auth=None):
    return requests.get(f"{url}/@@authenticator/token", auth=auth, timeout=60).text.strip()


@pytest.mark.parametrize(
    ("view", "auth"),
    [("complaint-form", None), ("complaint-staff-intake", ("petugas1", "Rahasia-1x"))],
)
def test_a_refused_form_is_not_stored(section_url, view, auth):
    form = {**valid_form(incident_date="2999-01-01"), "_authenticator": token(section_url, auth)}
    if view == "complaint-staff-intake":
        form["channel"] = "langsung"
    response = requests.post(f"{section_url}/@@{view}", data=form, auth=auth, timeout=60)
    assert response.status_code == 400
    assert NIK in response.text  # the form is shown again, filled in
    assert "no-store" in response.headers.get("Cache-Control", "")


def test_a_rate_limited_status_check_is_not_stored(section_url, monkeypatch):
    from kemenkumham.ham.complaints import intake

    monkeypatch.setattr(intake, "check_status_rate", _limited)
    response = requests.post(
        f"{section_url}/@@complaint-status", data={"number": "PHAM-1"}, timeout=60
    )
    assert response.status_code == 429
    assert "no-store" in response.headers.get("Cache-Control", "")


def _limited(request):
    from kemenkumham.ham.complaints import intake

    raise intake.RateLimited(60)
