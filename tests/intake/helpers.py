"""Shared data of the complaint intake tests."""

from kemenkumham.ham.complaints import accesslog
from plone import api

import base64


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
NAME = "Siti Rahmawati"
NIK = "3604014507880002"
CHRONOLOGY = (
    "Pada 3 Februari 2025 petugas menahan saudara saya tanpa surat perintah dan menolak "
    "memberi tahu keluarga tempat penahanannya."
)


def valid_form(**changes):
    form = {
        "complainant_name": NAME,
        "id_kind": "nik",
        "id_number": NIK,
        "address": "Jl. Veteran No. 3, Serang",
        "phone": "0812 3456 7890",
        "email": "siti@example.org",
        "party_complained_about": "Polsek Contoh",
        "party_kind": "aparat_negara",
        "right_concerned": "kebebasan_pribadi",
        "incident_place": "Serang, Banten",
        "incident_date": "2025-02-03",
        "chronology": CHRONOLOGY,
        "witnesses": "",
        "consent": "1",
        "website": "",
    }
    form.update(changes)
    return form


def rest_file(filename, data, content_type="application/pdf"):
    return {
        "filename": filename,
        "data": base64.b64encode(data).decode("ascii"),
        "content-type": content_type,
    }


def complaint_count(portal):
    catalog = api.portal.get_tool("portal_catalog")
    stored = len(catalog.unrestrictedSearchResults(portal_type="Complaint"))
    section = portal.get("pengaduan")
    in_folder = len([o for o in section.objectValues() if o.portal_type == "Complaint"])
    assert stored == in_folder
    return stored


def log_size():
    return len(accesslog.entries())
