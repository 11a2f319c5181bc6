"""Demo content rebuilt from the office's published articles (see news.json)."""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from datetime import date
from html import escape
from kemenkumham.ham import logger
from kemenkumham.ham.clock import TIMEZONE
from kemenkumham.ham.demo.complaints import create_demo_complaints
from kemenkumham.ham.demo.site_content import create_site_content
from kemenkumham.ham.demo.users import create_demo_users
from kemenkumham.ham.demo.values import relation
from kemenkumham.ham.structure import use_statistics_layout
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue

import json


NEWS_FILE = Path(__file__).parent / "news.json"
NEWS_SECTION = "berita"


def load_news():
    return json.loads(NEWS_FILE.read_text(encoding="utf-8"))


def create_news(portal, say=logger.info):
    """Add the news items that are missing and publish them; return how many were added."""
    section = portal[NEWS_SECTION]
    added = 0
    for entry in load_news():
        if entry["id"] in section.objectIds():
            continue
        item = api.content.create(
            container=section,
            type="News Item",
            id=entry["id"],
            title=entry["title"],
            description=entry["description"],
            text=RichTextValue(
                "".join(f"<p>{escape(paragraph)}</p>" for paragraph in entry["body"]),
                "text/html",
                "text/x-html-safe",
            ),
            place=entry["place"],
            dateline=entry["dateline"],
            reporter=entry["reporter"],
            news_editor=entry["news_editor"],
            source_name=entry["source_name"],
            source_url=entry["source_url"],
            related_programmes=[
                relation(portal, path)
                for path in entry.get("related_programmes", [])
                if portal.unrestrictedTraverse(path, None) is not None
            ],
        )
        if entry["effective"]:
            published = date.fromisoformat(entry["effective"])
            item.setEffectiveDate(
                DateTime(published.year, published.month, published.day, 0, 0, 0, TIMEZONE)
            )
        else:
            # The article gives no full date (see its dateline): it counts as published here now.
            item.setEffectiveDate(DateTime())
        api.content.transition(obj=item, transition="publish")
        item.reindexObject()
        added += 1
        say(f"  + berita: {entry['title']}")
    return added


@dataclass
class DemoResult:
    added: int = 0
    users: list = field(default_factory=list)  # (username, password, group) of new users


def create_demo(portal, say=logger.info):
    """Add all demo content and users that are missing. Safe to run again."""
    say("Konten demo / demo content ...")
    result = DemoResult()
    result.added += create_site_content(portal, say=say)
    result.added += create_news(portal, say=say)
    result.added += create_demo_complaints(portal, say=say)
    result.users = create_demo_users(say=say)
    use_statistics_layout(portal)
    say(f"Konten demo selesai / demo content done: {result.added} item baru / new items")
    return result
