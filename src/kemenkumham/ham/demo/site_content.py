"""The demo site's programmes, partners, regulations, awards, pledges, task force and reports.

All of it comes from site.json, whose facts come from the office's published articles; what the
articles do not give is marked "Contoh" (sample) in the title or description.
"""

from kemenkumham.ham.demo.reports import fill_report
from kemenkumham.ham.demo.values import convert
from kemenkumham.ham.workflows.paths import move_to_state
from pathlib import Path
from plone import api
from zope.lifecycleevent import modified

import json


SITE_FILE = Path(__file__).parent / "site.json"
NOT_FIELDS = {"path", "type", "state", "update", "rows", "checks"}


def load_specs():
    return json.loads(SITE_FILE.read_text(encoding="utf-8"))


def create_site_content(portal, say):
    """Create what is missing; return how many objects were added."""
    added = 0
    for spec in load_specs():
        container_path, _, object_id = spec["path"].rpartition("/")
        container = portal.unrestrictedTraverse(container_path)
        existing = container.get(object_id)
        if spec.get("update"):
            _set_fields(portal, existing, spec)
            continue
        if existing is not None:
            continue
        obj = api.content.create(
            container=container, type=spec["type"], id=object_id, title=spec["title"]
        )
        _set_fields(portal, obj, spec)
        if spec["type"] == "IndicatorReport":
            fill_report(obj, spec)
        elif spec.get("state"):
            move_to_state(obj, spec["state"], comment="Demo")
        added += 1
        say(f"  + {spec['type']}: {spec['title']}")
    return added


def _set_fields(portal, obj, spec):
    for name, value in spec.items():
        if name in NOT_FIELDS or name == "title":
            continue
        setattr(obj, name, convert(portal, obj.portal_type, name, value))
    modified(obj)
    obj.reindexObject()
