"""Test layers of kemenkumham.ham (used by the top-level tests/ through pytest-plone)."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import kemenkumham.ham


class HamLayer(PloneSandboxLayer):
    """The add-on installed on a site."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=kemenkumham.ham)

    def setUpPloneSite(self, portal):
        # As on a site made by `ham-admin create-site` (Plone's classic distribution).
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        applyProfile(portal, "kemenkumham.ham:default")
        self.use_mock_mailhost(portal)

    def use_mock_mailhost(self, portal):
        """Mail goes to portal.MailHost.messages instead of an SMTP server."""
        from plone.registry.interfaces import IRegistry
        from Products.CMFPlone.tests.utils import MockMailHost
        from Products.MailHost.interfaces import IMailHost
        from zope.component import getSiteManager
        from zope.component import getUtility

        mailhost = MockMailHost("MailHost")
        portal.MailHost = mailhost
        site_manager = getSiteManager(portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(mailhost, provided=IMailHost)
        registry = getUtility(IRegistry)
        registry["plone.email_from_address"] = "noreply@example.org"
        registry["plone.email_from_name"] = "Bidang HAM"


HAM_FIXTURE = HamLayer()

HAM_INTEGRATION_TESTING = IntegrationTesting(bases=(HAM_FIXTURE,), name="Ham:Integration")
HAM_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(HAM_FIXTURE, WSGI_SERVER_FIXTURE), name="Ham:Functional"
)
