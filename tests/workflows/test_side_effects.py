"""Side effects of transitions happen after commit, once, even when Zope retries a request."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.factories import make_tree
from tests.factories import prepare_report_step

import email
import email.policy
import pytest
import transaction


class FailingVote:
    """A data manager whose vote fails, as a conflicting commit does."""

    sortKey = staticmethod(lambda: "~")

    def abort(self, txn):
        pass

    def tpc_begin(self, txn):
        pass

    def commit(self, txn):
        pass

    def tpc_vote(self, txn):
        raise RuntimeError("conflict")

    def tpc_abort(self, txn):
        pass


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    tree = make_tree(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.user.create(username="verif1", email="verif1@example.org", password="rahasia-12345")
    api.group.add_user(groupname="verifikator", username="verif1")
    api.user.create(username="ani", email="ani@example.org", password="rahasia-12345")
    api.group.add_user(groupname="mitra-kota-serang", username="ani")
    transaction.commit()
    portal.MailHost.reset()
    return portal, tree


def messages(portal):
    return [
        email.message_from_bytes(
            m if isinstance(m, bytes) else m.encode(), policy=email.policy.default
        )
        for m in portal.MailHost.messages
    ]


def sent_to(portal):
    return [message["To"] for message in messages(portal)]


def test_submitted_report_mails_verifiers_after_commit(site):
    portal, tree = site
    api.content.transition(obj=tree["report_a"], transition="submit")
    assert portal.MailHost.messages == []
    transaction.commit()
    assert sent_to(portal) == ["verif1@example.org"]
    assert messages(portal)[0]["Subject"] == "Laporan Pemerintah Kota Serang 2024"


def test_aborted_transition_sends_nothing(site):
    portal, tree = site
    api.content.transition(obj=tree["report_a"], transition="submit")
    transaction.abort()
    assert portal.MailHost.messages == []


def test_retried_request_sends_once(site):
    portal, tree = site
    # First attempt: the commit fails (as a conflict would) and is aborted.
    api.content.transition(obj=tree["report_a"], transition="submit")
    transaction.get().join(FailingVote())
    with pytest.raises(RuntimeError):
        transaction.commit()
    transaction.abort()
    assert portal.MailHost.messages == []
    # The retry does the work again and commits: one message.
    assert api.content.get_state(tree["report_a"]) == "draft"
    api.content.transition(obj=tree["report_a"], transition="submit")
    transaction.commit()
    assert sent_to(portal) == ["verif1@example.org"]


def test_revision_request_mails_the_partner(site):
    portal, tree = site
    api.content.transition(obj=tree["report_a"], transition="submit")
    prepare_report_step(tree["report_a"], "request_revision")
    api.content.transition(obj=tree["report_a"], transition="request_revision")
    transaction.commit()
    assert sent_to(portal) == ["verif1@example.org", "ani@example.org"]


def test_declared_pledge_gets_its_date(site):
    portal, tree = site
    pledge = tree["pledge"]
    api.content.transition(obj=pledge, transition="schedule")
    api.content.transition(obj=pledge, transition="declare")
    assert pledge.declared_date is not None
    assert pledge.declared_date >= pledge.requested_date
