"""kemenkumham.ham: the platform of a regional human-rights office on Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "kemenkumham.ham"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
