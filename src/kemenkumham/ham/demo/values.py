"""Turn the plain values of the demo data files into field values of a content type."""

from datetime import date
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.schema.interfaces import IDate

import re


# "{@uid:program/p2ham}" inside a text (an easyform actions model, say): that object's UID.
UID_IN_TEXT = re.compile(r"\{@uid:([^}]+)\}")


def field_of(portal_type, name):
    for schema in iterSchemataForType(portal_type):
        if name in schema.names():
            return schema[name]
    return None


def resolve(portal, path):
    """'@mitra/kota-serang' -> the object at that path below the site."""
    obj = portal.unrestrictedTraverse(path.lstrip("@"), None)
    if obj is None:
        raise ValueError(f"demo data refers to {path}, which does not exist")
    return obj


def relation(portal, path):
    return RelationValue(getUtility(IIntIds).getId(resolve(portal, path)))


def convert(portal, portal_type, name, value):
    """The stored value of a field for a value as written in the data file."""
    if isinstance(value, str) and value.startswith("@uid:"):
        return api.content.get_uuid(resolve(portal, value[len("@uid:") :]))
    if isinstance(value, str) and "{@uid:" in value:
        return UID_IN_TEXT.sub(
            lambda found: api.content.get_uuid(resolve(portal, found.group(1))), value
        )
    field = field_of(portal_type, name)
    if field is None or value is None:
        return value
    if IRelationList.providedBy(field):
        return [relation(portal, path) for path in value]
    if IRelationChoice.providedBy(field):
        return relation(portal, value)
    if IDate.providedBy(field):
        return date.fromisoformat(value)
    if IRichText.providedBy(field):
        return RichTextValue(value, "text/html", "text/x-html-safe")
    return value
