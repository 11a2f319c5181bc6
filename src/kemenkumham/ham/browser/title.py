"""The browser tab title (<title>) of the platform's own pages.

Plone names every page after its context: the complaint form, its success page and the
status check would all be "Pengaduan — site". A view that has a `ham_page_title` (a message
or text) gets "<that> — <site>" instead, so the tab and a screen reader's announcement say
which page this is (WCAG 2.4.2).
"""

from html import escape
from plone.app.layout.viewlets.common import TitleViewlet
from plone.base.utils import safe_text
from zope.i18n import translate


class HamTitleViewlet(TitleViewlet):
    def update(self):
        super().update()
        own = getattr(self.view, "ham_page_title", None)
        if callable(own):
            own = own()
        if not own:
            return
        text = escape(safe_text(translate(own, context=self.request)))
        _page, sep, portal_title = self.site_title.rpartition(self.sep)
        self.site_title = f"{text}{sep}{portal_title}" if sep else text
