"""docs/permissions.csv, every row, through three channels: Plone API and HTML, REST, search.

For each type and state, an object of the test tree is put in that state; then each principal
(anonymous, a plain member, each staff group, a member of the object's own partner and of
another partner) is checked for view, edit, add inside and the transitions it may take.
Any difference between the table and what a channel answers fails the test, listed.
"""

from kemenkumham.ham.workflows.paths import move_to_state
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from tests.factories import make_tree
from tests.factories import prepare_report_step
from tests.security.matrix import cases
from tests.security.matrix import CHILDREN
from tests.security.matrix import load_table
from tests.security.matrix import OBJECTS
from tests.security.matrix import PASSWORD
from tests.security.matrix import USERS

import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    tree["news"] = api.content.create(
        container=portal["berita"], type="News Item", id="berita-matriks", title="Berita"
    )
    tree["page"] = api.content.create(
        container=portal["berita"], type="Document", id="panduan-matriks", title="Panduan"
    )
    # Containers are published, so that what is checked is the object's own state.
    for key in ("programme", "period", "period_open", "partner_a", "partner_b"):
        move_to_state(tree[key], "published")
    for user in USERS.values():
        if user:
            username, group = user
            api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
            if group:
                api.group.add_user(groupname=group, username=username)
    return portal, tree


def child_payload(child_type, tree, principal):
    return {
        "Indicator": {
            "@type": "Indicator",
            "title": "Indikator baru",
            "code": f"UJI-{principal}",
            "right_group": "uji",
            "kind": "proses",
            "measurement": "number",
            "weight": 1,
        },
        # Partners open their own organisation's report; editors name the partner.
        "IndicatorReport": {"@type": "IndicatorReport"}
        if principal.startswith("mitra-")
        else {"@type": "IndicatorReport", "partner_uid": api.content.get_uuid(tree["partner_a"])},
        "TaskForceMember": {"@type": "TaskForceMember", "title": "Anggota baru", "role": "anggota"},
        "File": {
            "@type": "File",
            "title": "Surat pernyataan",
            "file": {
                "data": "aGFsbw==",
                "encoding": "base64",
                "filename": "surat.txt",
                "content-type": "text/plain",
            },
        },
    }[child_type]


def api_answers(portal, obj, child):
    """View, edit, add and transitions as the Plone API (and so the HTML forms) see them."""
    view = bool(api.user.has_permission("View", obj=obj))
    edit = bool(api.user.has_permission("Modify portal content", obj=obj))
    if child is None:
        add = "-"
    else:
        allowed = {fti.getId() for fti in obj.allowedContentTypes()}
        add = (
            "yes"
            if child in allowed and api.user.has_permission("Add portal content", obj=obj)
            else "no"
        )
    workflow_tool = api.portal.get_tool("portal_workflow")
    transitions = {t["id"] for t in workflow_tool.getTransitionsFor(obj)} if view else set()
    uid = api.content.get_uuid(obj)
    found = len(api.content.find(UID=uid)) == 1
    return view, edit, add, transitions, found


def check_row(portal, tree, obj, row):
    principal = row["principal"]
    child = CHILDREN.get(row["type"])
    expected_view = row["view"] == "yes"
    expected_edit = row["edit"] == "yes"
    expected_transitions = set(row["transitions"].split())
    differences = []

    def differ(channel, what, got, wanted):
        if got != wanted:
            differences.append(f"{principal} {channel} {what}: got {got!r}, table says {wanted!r}")

    # Channel 1: Plone API, catalog, HTML page.
    user = USERS[principal]
    if user:
        login(portal, user[0])
    else:
        logout()
    view, edit, add, transitions, found = api_answers(portal, obj, child)
    login(portal, TEST_USER_NAME)
    differ("api", "view", view, expected_view)
    differ("api", "edit", edit, expected_edit)
    differ("api", "add", add, row["add"])
    differ("api", "transitions", transitions, expected_transitions)
    differ("catalog", "found", found, expected_view)

    auth = (user[0], PASSWORD) if user else None
    url = obj.absolute_url()
    html = requests.get(url, auth=auth, allow_redirects=False, timeout=30)
    differ("html", "view", html.status_code == 200, expected_view)

    # Channel 2: REST.
    got = requests.get(f"{url}/++api++", headers=JSON, auth=auth, timeout=30)
    differ("rest", "view", got.status_code == 200, expected_view)
    patched = requests.patch(
        f"{url}/++api++", json={"title": obj.Title()}, headers=JSON, auth=auth, timeout=30
    )
    differ("rest", "edit", patched.status_code == 204, expected_edit)
    if patched.status_code not in (204, 401, 403):
        differences.append(f"{principal} rest edit: unexpected {patched.status_code}")
    workflow = requests.get(f"{url}/++api++/@workflow", headers=JSON, auth=auth, timeout=30)
    rest_transitions = (
        {t["@id"].rsplit("/", 1)[-1] for t in workflow.json().get("transitions", [])}
        if workflow.status_code == 200
        else set()
    )
    differ("rest", "transitions", rest_transitions, expected_transitions)
    if child:
        created = requests.post(
            f"{url}/++api++",
            json=child_payload(child, tree, principal),
            headers=JSON,
            auth=auth,
            timeout=30,
        )
        if created.status_code not in (201, 401, 403):
            differences.append(f"{principal} rest add: unexpected {created.status_code}")
        differ("rest", "add", "yes" if created.status_code == 201 else "no", row["add"])
        if created.status_code == 201:
            # One report per partner and period: the next principal starts from none again.
            transaction.begin()
            api.content.delete(obj=obj[created.json()["id"]], check_linkintegrity=False)
            transaction.commit()

    # Channel 3: search.
    search = requests.get(
        f"{portal.absolute_url()}/++api++/@search",
        params={"UID": api.content.get_uuid(obj)},
        headers=JSON,
        auth=auth,
        timeout=30,
    )
    differ("@search", "found", search.json().get("items_total") == 1, expected_view)
    return differences


@pytest.mark.parametrize("portal_type,state", cases(), ids=[f"{t}-{s}" for t, s in cases()])
def test_permission_table(site, portal_type, state):
    portal, tree = site
    obj = tree[OBJECTS[portal_type]]
    target = tree["taskforce"] if portal_type == "TaskForceMember" else obj
    move_to_state(target, state, prepare=prepare_report_step)
    transaction.commit()
    rows = [r for r in load_table() if (r["type"], r["state"]) == (portal_type, state)]
    assert {r["principal"] for r in rows} == set(USERS)
    differences = []
    for row in rows:
        differences += check_row(portal, tree, obj, row)
        transaction.commit()
    assert not differences, "\n".join(differences)


def test_table_covers_every_type_and_state_of_the_domain(portal):
    """Every type of the domain (and news, pages) in every state of its workflow and principal."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    expected = set()
    for portal_type in OBJECTS:
        chain = workflow_tool.getChainForPortalType(
            portal_type
        ) or workflow_tool.getChainForPortalType("TaskForce")
        for state in workflow_tool[chain[0]].states.objectIds():
            for principal in USERS:
                expected.add((portal_type, state, principal))
    table = {(r["type"], r["state"], r["principal"]) for r in load_table()}
    assert table == expected
