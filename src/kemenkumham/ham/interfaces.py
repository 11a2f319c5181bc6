"""Marker interfaces of kemenkumham.ham."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IKemenkumhamHamLayer(IDefaultBrowserLayer):
    """Browser layer: views and resources of the add-on apply only where it is installed."""
