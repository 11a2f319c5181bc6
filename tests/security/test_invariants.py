"""The invariants of DOMAIN.md that must never break, each its own test, checked from outside."""

from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree
from tests.factories import prepare_report_step

import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PASSWORD = "rahasia-invarian-1"
STAFF = {
    "ani": "mitra-kota-serang",
    "budi": "mitra-kabupaten-lebak",
    "humas1": "humas",
    "editor1": "bidang-ham",
    "verif1": "verifikator",
    "petugas1": "petugas-pengaduan",
}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for key in ("programme", "period", "period_open", "partner_a", "partner_b"):
        move_to_state(tree[key], "published")
    move_to_state(tree["taskforce"], "in_force")
    for username, group in STAFF.items():
        api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
        api.group.add_user(groupname=group, username=username)
    transaction.commit()
    return portal, tree


def as_user(username):
    return (username, PASSWORD) if username else None


def search(portal, username=None, **query):
    response = requests.get(
        f"{portal.absolute_url()}/++api++/@search",
        params={"b_size": 1000, "metadata_fields": "review_state", **query},
        headers=JSON,
        auth=as_user(username),
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


def get(obj, username=None, suffix="/++api++"):
    return requests.get(
        f"{obj.absolute_url()}{suffix}", headers=JSON, auth=as_user(username), timeout=30
    )


def test_invariant_1_anonymous_never_sees_complaints_reports_private_items_or_contacts(site):
    portal, tree = site
    items = search(portal)
    assert items, "anonymous search finds the published items"
    assert not [i for i in items if i["@type"] in ("Complaint", "IndicatorReport")]
    assert {i["review_state"] for i in items} <= {
        "published",
        "declared",
        "in_force",
        "expired",
        None,
    }
    for key in ("complaint", "report_a", "pledge", "indicator", "regulation"):
        assert get(tree[key]).status_code == 401, key
    member = get(tree["member"])
    assert member.status_code == 200
    body = member.text
    assert "anggota@example.org" not in body
    assert "0254-000000" not in body
    page = requests.get(tree["member"].absolute_url(), timeout=30)
    assert page.status_code == 200
    assert "anggota@example.org" not in page.text
    # Editors do see the contact details.
    assert "anggota@example.org" in get(tree["member"], "editor1").text


def test_invariant_2_partner_sees_and_edits_only_its_own_reports(site):
    portal, tree = site
    own, other = tree["report_a"], tree["report_b"]
    found = {
        i["@id"].rsplit("/", 1)[-1] for i in search(portal, "ani", portal_type="IndicatorReport")
    }
    assert found == {own.getId()}
    assert get(other, "ani").status_code in (401, 403)
    listing = get(tree["period"], "ani").json()["items"]
    assert [item["@id"].rsplit("/", 1)[-1] for item in listing] == [own.getId()]
    html_listing = requests.get(
        f"{tree['period'].absolute_url()}/folder_contents", auth=as_user("ani"), timeout=30
    ).text
    assert other.getId() not in html_listing
    assert (
        requests.get(
            other.absolute_url(), auth=as_user("ani"), allow_redirects=False, timeout=30
        ).status_code
        != 200
    )
    patch = {"title": "Diubah"}
    assert requests.patch(
        f"{other.absolute_url()}/++api++", json=patch, headers=JSON, auth=as_user("ani"), timeout=30
    ).status_code in (401, 403)
    assert (
        requests.patch(
            f"{own.absolute_url()}/++api++",
            json=patch,
            headers=JSON,
            auth=as_user("ani"),
            timeout=30,
        ).status_code
        == 204
    )
    # In the open period the partner opens its own report, fills it and submits it.
    opened = requests.post(
        f"{tree['period_open'].absolute_url()}/++api++",
        json={
            "@type": "IndicatorReport",
            "rows": {"KKP-06.03": {"value": 80}, "KKP-07.01": {"value": 5}},
        },
        headers=JSON,
        auth=as_user("ani"),
        timeout=30,
    )
    assert opened.status_code == 201, opened.text
    transaction.begin()
    own = tree["period_open"][opened.json()["id"]]
    assert own.partner_uid == api.content.get_uuid(tree["partner_a"])
    submitted = requests.post(
        f"{own.absolute_url()}/++api++/@workflow/submit",
        headers=JSON,
        auth=as_user("ani"),
        timeout=30,
    )
    assert submitted.status_code == 200, submitted.text
    # Submitted: readable, no longer editable by the partner.
    assert get(own, "ani").status_code == 200
    assert requests.patch(
        f"{own.absolute_url()}/++api++",
        json={"title": "Lagi"},
        headers=JSON,
        auth=as_user("ani"),
        timeout=30,
    ).status_code in (401, 403)
    # The other partner never sees it.
    assert get(own, "budi").status_code in (401, 403)
    assert not search(portal, "budi", portal_type="IndicatorReport", UID=api.content.get_uuid(own))


def test_invariant_3_humas_sees_no_report_and_no_complaint(site):
    portal, tree = site
    for state in ("submitted", "verified", "final"):
        move_to_state(tree["report_a"], state, prepare=prepare_report_step)
        transaction.commit()
        assert not search(portal, "humas1", portal_type=["IndicatorReport", "Complaint"])
        assert get(tree["report_a"], "humas1").status_code in (401, 403)
    assert get(tree["complaint"], "humas1").status_code in (401, 403)


def test_invariant_3_only_complaint_officers_read_complaints(site):
    portal, tree = site
    for username in ("editor1", "verif1", "ani", "humas1"):
        assert get(tree["complaint"], username).status_code in (401, 403), username
        assert not search(portal, username, portal_type="Complaint"), username
    assert get(tree["complaint"], "petugas1").status_code == 200
    assert len(search(portal, "petugas1", portal_type="Complaint")) == 1


def test_invariant_5_acknowledged_submissions_are_not_deleted(site):
    portal, tree = site
    move_to_state(tree["report_a"], "submitted", prepare=prepare_report_step)
    transaction.commit()
    for username, obj in (
        ("ani", tree["report_a"]),
        ("petugas1", tree["complaint"]),
        ("editor1", tree["report_a"]),
    ):
        response = requests.delete(
            f"{obj.absolute_url()}/++api++", headers=JSON, auth=as_user(username), timeout=30
        )
        assert response.status_code in (401, 403), (username, response.status_code)
    transaction.begin()
    assert tree["report_a"].getId() in tree["period"]
    assert "pengaduan-contoh" in portal["pengaduan"]


def test_invariant_2_partner_cannot_move_its_report_to_another_partner(site):
    portal, tree = site
    own = tree["report_a"]
    response = requests.patch(
        f"{own.absolute_url()}/++api++",
        json={"partner_uid": api.content.get_uuid(tree["partner_b"])},
        headers=JSON,
        auth=as_user("ani"),
        timeout=30,
    )
    assert response.status_code in (204, 400, 401, 403)
    transaction.begin()
    assert own.partner_uid == api.content.get_uuid(tree["partner_a"])
    assert get(own, "budi").status_code in (401, 403)
