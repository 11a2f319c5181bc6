"""Complaint (Pengaduan Dugaan Pelanggaran HAM): the case; identity is kept apart, encrypted.

The schema holds the substance of the case only. Who complained (and their representative and
witnesses) is not a field: kemenkumham.ham.complaints.identity keeps it encrypted, and files
(evidence, identity document, power of attorney) are in kemenkumham.ham.complaints.attachments.
"""

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

    received_date = schema.Date(
        title=_("label_received_date", default="Date received"),
        description=_(
            "help_received_date",
            default="The day the office received the complaint (a letter: the day it arrived); "
            "the legal deadlines count from it.",
        ),
        required=False,
    )

    consent_given = schema.Datetime(
        title=_("label_consent_given", default="Consent to processing given"),
        description=_(
            "help_consent_given",
            default="When the complainant agreed that the office processes their personal data "
            "to handle the complaint.",
        ),
        required=False,
        readonly=True,
    )


@implementer(IComplaint)
class Complaint(Item):
    """A complaint case."""

    registration_number = None
    received_date = None
    consent_given = None

    # The title names the case by its number; it is never typed in (a typed title could
    # name the complainant).
    @property
    def title(self):
        number = self.registration_number or ""
        return f"Pengaduan {number}".strip()

    @title.setter
    def title(self, value):
        pass

    def Title(self):
        return self.title
