"""Complaint (Pengaduan Dugaan Pelanggaran HAM): the case; identity is kept apart, encrypted."""

from kemenkumham.ham import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IComplaint(model.Schema):
    registration_number = schema.ASCIILine(
        title=_("label_registration_number", default="Registration number"),
        required=False,
        readonly=True,
    )

    channel = schema.Choice(
        title=_("label_channel", default="Channel"),
        vocabulary="kemenkumham.ham.complaint_channels",
        required=True,
    )

    party_kind = schema.Choice(
        title=_("label_party_kind", default="Kind of party complained about"),
        vocabulary="kemenkumham.ham.party_kinds",
        required=True,
    )

    party_complained_about = schema.TextLine(
        title=_("label_party_complained_about", default="Party complained about"),
        required=True,
    )

    right_concerned = schema.Choice(
        title=_("label_right_concerned", default="Right concerned"),
        vocabulary="kemenkumham.ham.basic_rights",
        required=True,
    )

    incident_place = schema.TextLine(
        title=_("label_incident_place", default="Place of the incident"), required=True
    )

    incident_date = schema.Date(
        title=_("label_incident_date", default="Date of the incident"), required=False
    )

    chronology = schema.Text(title=_("label_chronology", default="Chronology"), required=True)


@implementer(IComplaint)
class Complaint(Item):
    """A complaint case."""

    registration_number = None
