"""Helpers for HTML tests against the functional layer's server: a logged-in user's forms."""

from kemenkumham.ham.workflows.paths import move_to_state
from lxml import html
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree

import requests
import transaction


PASSWORD = "rahasia-halaman-1"
USERS = {
    "ani": "mitra-kota-serang",
    "budi": "mitra-kabupaten-lebak",
    "verif1": "verifikator",
    "penilai1": "tim-penilai",
    "editor1": "bidang-ham",
}
# A one-page PDF is all a test needs: the engine checks the signature, not the layout.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def build_site(portal):
    """make_tree with its programme, periods and partners published, and one user per role."""
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for key in ("programme", "period", "period_open", "partner_a", "partner_b"):
        move_to_state(tree[key], "published")
    for username, group in USERS.items():
        api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
        api.group.add_user(groupname=group, username=username)
    transaction.commit()
    return tree


class User:
    """One user's requests, with basic authentication (None: anonymous)."""

    def __init__(self, username=None):
        self.auth = (username, PASSWORD) if username else None

    def get(self, url, **kwargs):
        return requests.get(url, auth=self.auth, allow_redirects=False, timeout=60, **kwargs)

    def page(self, url):
        response = self.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response, html.fromstring(response.text)

    def token(self, url):
        response = self.get(f"{url}/@@authenticator/token")
        assert response.status_code == 200, response.status_code
        return response.text.strip()

    def post(self, url, data, files=None, token=True):
        """POST a form; with the user's CSRF token (plone.protect) unless token=False."""
        data = list(data.items()) if isinstance(data, dict) else list(data)
        if token:
            data.append(("_authenticator", self.token(url)))
        return requests.post(
            url,
            data=data,
            files=files or None,
            auth=self.auth,
            allow_redirects=False,
            timeout=60,
        )


def names(doc, prefix):
    """The names of the form controls that start with prefix."""
    return {
        name.removesuffix(":list")
        for name in doc.xpath("//input/@name | //select/@name | //textarea/@name")
        if name.startswith(prefix)
    }


def text_of(doc, element_id):
    found = doc.xpath(f"//*[@id='{element_id}']")
    return found[0].text_content().strip() if found else None
