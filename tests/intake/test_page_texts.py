"""What the public complaint pages say, and where they lead: every text of the pages is in the
catalogues (declared in Python, not only in a template), and the landing page leads to the
form, the status check and the public statistics."""

from datetime import datetime
from kemenkumham.ham.complaints import views
from lxml import html
from pathlib import Path
from tests.clock import freeze_clock
from zope.i18nmessageid import Message

import re
import requests
import transaction


TEMPLATES = Path(views.__file__).parent / "templates"


def test_every_text_a_page_asks_for_is_declared_for_the_catalogues():
    asked = set()
    for template in TEMPLATES.glob("*.pt"):
        asked |= set(re.findall(r"view\.text\('([a-z_]+)'", template.read_text()))
    assert asked
    assert asked <= set(views.PAGE_TEXTS)
    for msgid, message in views.PAGE_TEXTS.items():
        assert isinstance(message, Message) and message.default, msgid
        assert message.domain == "kemenkumham.ham"


def test_the_landing_page_links_the_public_statistics(functional, monkeypatch):
    freeze_clock(monkeypatch, datetime(2025, 3, 3, 9, 0))
    portal = functional["portal"]
    transaction.commit()
    page = requests.get(f"{portal.absolute_url()}/pengaduan", timeout=60)
    doc = html.fromstring(page.text)
    [link] = doc.xpath("//a[@id='link-complaint-statistics']")
    assert link.get("href") == f"{portal.absolute_url()}/statistik#statistik-pengaduan"
    assert "Complaint statistics" in link.text_content()
    statistics = requests.get(link.get("href").split("#")[0], timeout=60)
    assert html.fromstring(statistics.text).xpath("//*[@id='statistik-pengaduan']")
