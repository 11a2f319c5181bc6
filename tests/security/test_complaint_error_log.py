"""A complaint request that fails (an expired form token, an error of the server) leaves no
piece of the complainant's identity in the site's error log, which keeps the request's form."""

from plone import api
from Products.SiteErrorLog.SiteErrorLog import IPubFailureSubscriber
from tests.intake.helpers import NIK
from tests.intake.helpers import PDF
from tests.intake.helpers import rest_file
from tests.intake.helpers import valid_form
from zope.component import getGlobalSiteManager

import json
import pytest
import requests
import transaction


SECRETS = (NIK, "Siti Rahmawati", "siti@example.org", "0812 3456 7890", "Jl. Veteran")


def logged_text(portal):
    error_log = portal.error_log
    text = []
    for entry in error_log.getLogEntries():
        text.append(json.dumps({key: str(value) for key, value in entry.items()}))
    return "\n".join(text)


@pytest.fixture
def site(functional):
    # As on a real instance, where Zope loads Products.SiteErrorLog's configure.zcml.
    gsm = getGlobalSiteManager()
    gsm.registerHandler(IPubFailureSubscriber)
    portal = functional["portal"]
    # Every failure is recorded, whatever the site's settings.
    portal.error_log.setProperties(keep_entries=50, copy_to_zlog=False, ignored_exceptions=())
    transaction.commit()
    yield portal
    gsm.unregisterHandler(IPubFailureSubscriber)


def test_a_refused_form_token_leaves_no_identity_in_the_error_log(site):
    response = requests.post(
        f"{site.absolute_url()}/pengaduan/@@complaint-form",
        data={**valid_form(), "_authenticator": "kedaluwarsa"},
        files={"identity_document": ("KTP_Siti_Rahmawati.pdf", PDF, "application/pdf")},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 403
    text = logged_text(site)
    assert "Forbidden" in text  # the failure itself is recorded
    for secret in SECRETS:
        assert secret not in text


def test_a_failing_rest_intake_leaves_no_identity_in_the_error_log(site, monkeypatch):
    from kemenkumham.ham.complaints import intake

    def broken(*args, **kwargs):
        raise RuntimeError("the storage failed")

    monkeypatch.setattr(intake, "create_complaint", broken)
    body = {**valid_form(), "identity_document": rest_file("KTP_Siti_Rahmawati.pdf", PDF)}
    response = requests.post(
        f"{site.absolute_url()}/++api++/@complaint-intake",
        json=body,
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 500
    text = logged_text(site)
    assert "the storage failed" in text
    for secret in (*SECRETS, "KTP_Siti_Rahmawati"):
        assert secret not in text
    assert not api.content.find(portal_type="Complaint", unrestricted=True)
