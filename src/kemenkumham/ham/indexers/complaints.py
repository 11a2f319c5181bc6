"""What the catalog knows of a complaint: the substance of the case, never who complained.

SearchableText holds the registration number, the party complained about, the place and the
right concerned, nothing else: not the identity (it is not a field at all, see
complaints/identity.py) and not the chronology, free text that names people. The FieldIndexes
serve the officers' lists and the public statistics (counts only).
"""

from kemenkumham.ham.content.complaint import IComplaint
from kemenkumham.ham.vocabularies import BasicRights
from plone.indexer import indexer
from zope.i18n import translate

import datetime


RIGHT_TITLES = dict(BasicRights.terms)


def _right_words(right):
    """The right's title in Indonesian and English, so either finds the case."""
    title = RIGHT_TITLES.get(right)
    if title is None:
        return []
    words = {translate(title, target_language="id"), translate(title, target_language="en")}
    return sorted(words)


@indexer(IComplaint)
def complaint_searchable_text(obj):
    parts = [
        obj.registration_number or "",
        obj.party_complained_about or "",
        obj.incident_place or "",
        *_right_words(obj.right_concerned),
    ]
    return " ".join(part for part in parts if part)


@indexer(IComplaint)
def complaint_right(obj):
    if not obj.right_concerned:
        raise AttributeError("complaint_right")
    return obj.right_concerned


@indexer(IComplaint)
def complaint_party_kind(obj):
    if not obj.party_kind:
        raise AttributeError("complaint_party_kind")
    return obj.party_kind


@indexer(IComplaint)
def complaint_channel(obj):
    if not obj.channel:
        raise AttributeError("complaint_channel")
    return obj.channel


def received_on(obj):
    """The day the office received the complaint; the day it was stored if not recorded."""
    received = getattr(obj, "received_date", None)
    if isinstance(received, datetime.date):
        return received
    created = obj.created()
    if created is None:
        return None
    return datetime.date(created.year(), created.month(), created.day())


@indexer(IComplaint)
def complaint_received_month(obj):
    """ "2025-03": the month a complaint was received, for the statistics by month."""
    received = received_on(obj)
    if received is None:
        raise AttributeError("complaint_received_month")
    return f"{received.year:04d}-{received.month:02d}"


@indexer(IComplaint)
def complaint_description(obj):
    """Nothing: a description of a complaint could only say something personal."""
    return ""
