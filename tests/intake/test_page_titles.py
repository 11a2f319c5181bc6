"""Each complaint page names itself in the browser tab (<title>), not just "Pengaduan"."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.complaints.identity_fixtures import make_complaint

import re
import requests
import transaction


def title_of(url, auth=None):
    page = requests.get(url, auth=auth, timeout=30).text
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()


def test_the_public_and_officers_pages_have_their_own_titles(functional_portal):
    portal = functional_portal
    complaint = make_complaint(portal, "judul-uji", files=False)[0]
    transaction.commit()
    section = f"{portal.absolute_url()}/pengaduan"
    admin = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    titles = {
        "form": title_of(f"{section}/@@complaint-form"),
        "status": title_of(f"{section}/@@complaint-status"),
        "staff": title_of(f"{section}/@@complaint-staff-intake", admin),
        "cases": title_of(f"{section}/@@complaints", admin),
        "identity": title_of(f"{complaint.absolute_url()}/@@complaint-identity", admin),
        "landing": title_of(section),
    }
    # The site language of the test site is English: the English texts.
    assert titles["form"].startswith("Complaint of an alleged human-rights violation")
    assert titles["status"].startswith("Status of a complaint")
    assert titles["staff"].startswith("Record a complaint")
    assert titles["cases"].startswith("Complaints")
    assert titles["identity"].startswith("Identity of the complainant: Pengaduan PHAM-")
    assert titles["landing"].startswith("Pengaduan")
    assert len(set(titles.values())) == len(titles)
    for title in titles.values():
        assert title.endswith("Plone site")
