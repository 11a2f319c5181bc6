"""A complaint with a known identity and identity documents, and the people who look at it."""

from kemenkumham.ham.complaints.attachments import add_attachment
from kemenkumham.ham.complaints.attachments import EVIDENCE
from kemenkumham.ham.complaints.attachments import IDENTITY_DOCUMENT
from kemenkumham.ham.complaints.attachments import POWER_OF_ATTORNEY
from kemenkumham.ham.complaints.identity import store_identity
from plone import api
from plone.app.testing import setRoles


PASSWORD = "sandi-uji-Rahasia-123"  # noqa: S105 (test users only)

IDENTITY = {
    "complainant_name": "Siti Rahmawati Kusuma",
    "id_kind": "nik",
    "id_number": "3604015508900007",
    "address": "Jl. Melati No. 7, Serang",
    "phone": "081234567890",
    "email": "siti.rahmawati@example.org",
    "representative_name": "Bambang Hartono Wibisono",
    "representative_id_number": "3673010101800003",
    "representative_contact": "bambang.kuasa@example.org",
    "witnesses": "Dewi Lestari Pramudita, 3604026002850001",
}
# What must never leave the encrypted attribute in clear.
SECRETS = (
    "Siti Rahmawati",
    "3604015508900007",
    "081234567890",
    "siti.rahmawati@example.org",
    "Bambang Hartono",
    "3673010101800003",
    "Dewi Lestari",
)
KTP_NAME = "KTP_Siti_Rahmawati_Kusuma.pdf"
KTP_DATA = b"%PDF-1.4 KTP Siti Rahmawati Kusuma NIK 3604015508900007"
POA_NAME = "Surat_Kuasa_Bambang_Hartono.pdf"
POA_DATA = b"%PDF-1.4 surat kuasa Bambang Hartono Wibisono"
EVIDENCE_NAME = "foto-lokasi.jpg"
EVIDENCE_DATA = b"\xff\xd8\xff\xe0 foto lokasi kejadian"


def make_complaint(portal, complaint_id="pengaduan-uji", identity=IDENTITY, files=True):
    """A complaint in `pengaduan` with IDENTITY and (files=True) a KTP scan, a power of
    attorney and one piece of evidence; returns (complaint, {kind: attachment id})."""
    with api.env.adopt_roles(["Manager"]):
        complaint = api.content.create(
            container=portal["pengaduan"],
            type="Complaint",
            id=complaint_id,
            channel="langsung",
            party_kind="lembaga_pemerintah",
            party_complained_about="Contoh instansi",
            right_concerned="keadilan",
            incident_place="Serang",
            chronology="Contoh kronologi.",
        )
        if identity is not None:
            store_identity(complaint, identity, user_id="system")
        ids = {}
        if files:
            ids[IDENTITY_DOCUMENT] = add_attachment(
                complaint, IDENTITY_DOCUMENT, KTP_NAME, KTP_DATA, user_id="system"
            )
            ids[POWER_OF_ATTORNEY] = add_attachment(
                complaint, POWER_OF_ATTORNEY, POA_NAME, POA_DATA, user_id="system"
            )
            ids[EVIDENCE] = add_attachment(
                complaint, EVIDENCE, EVIDENCE_NAME, EVIDENCE_DATA, user_id="system"
            )
    return complaint, ids


def add_user(username, roles=(), groups=(), fullname=None):
    """A user with global `roles` and in `groups` (petugas-pengaduan: ComplaintOfficer)."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            properties={"fullname": fullname or username.title()},
        )
        for group in groups:
            api.group.add_user(groupname=group, username=username)
    if roles:
        setRoles(api.portal.get(), username, ["Member", *roles])


def add_officer(username="petugas1", fullname="Petugas Satu"):
    add_user(username, groups=["petugas-pengaduan"], fullname=fullname)
    return username
