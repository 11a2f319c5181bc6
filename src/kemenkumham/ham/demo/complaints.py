"""Sample complaints of the demo site: invented cases and people, each marked "Contoh".

Land disputes and labour welfare are what complainants bring most (RESEARCH.md 4.1); the cases
below are of that kind, in the stages of handling a visitor of the demo should see. Everything
about them is invented: the party names say "(Contoh)", the chronology starts with "Contoh",
and the complainants' names and NIKs (3604000000000001 ...) are sample data.

The identity is stored encrypted like any other (complaints/identity.py), so the demo needs the
complaint key (ham-admin write-config makes var/complaint.key). Without a key the sample
complaints are left out with a warning and the rest of the demo is built.
"""

from datetime import datetime
from datetime import time
from datetime import timedelta
from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import store_identity
from kemenkumham.ham.workflows.paths import move_to_state
from plone import api

import secrets


SECTION = "pengaduan"

# days_ago: when the office received the complaint, counted back from the day the demo is built.
DEMO_COMPLAINTS = (
    {
        "id": "contoh-sengketa-lahan-lebak",
        "state": "received",
        "days_ago": 1,
        "incident_days_ago": 40,
        "channel": "online",
        "party_kind": "korporasi",
        "party_complained_about": "PT Contoh Agro Subur (Contoh)",
        "right_concerned": "kesejahteraan",
        "incident_place": "Kecamatan Cibeber, Kabupaten Lebak, Banten",
        "chronology": (
            "Contoh: lahan garapan warga seluas kurang lebih dua hektare dipagari perusahaan "
            "perkebunan tanpa musyawarah; warga tidak dapat lagi menggarap sawahnya."
        ),
        "identity": {
            "complainant_name": "Siti Contoh Aminah",
            "id_kind": "nik",
            "id_number": "3604000000000001",
            "address": "Kampung Contoh RT 001/RW 002, Cibeber, Lebak",
            "phone": "081200000001",
            "email": "siti.contoh@example.org",
        },
    },
    {
        "id": "contoh-upah-pekerja-serang",
        "state": "administrative_check",
        "days_ago": 3,
        "incident_days_ago": 75,
        "channel": "langsung",
        "party_kind": "korporasi",
        "party_complained_about": "CV Contoh Tekstil Sejahtera (Contoh)",
        "right_concerned": "kesejahteraan",
        "incident_place": "Kota Serang, Banten",
        "chronology": (
            "Contoh: upah pekerja harian ditahan tiga bulan dan pekerja yang menanyakannya "
            "diberhentikan tanpa pesangon."
        ),
        "identity": {
            "complainant_name": "Budi Contoh Santoso",
            "id_kind": "nik",
            "id_number": "3673000000000002",
            "address": "Jalan Contoh No. 2, Kota Serang",
            "phone": "081200000002",
            "email": "budi.contoh@example.org",
        },
    },
    {
        "id": "contoh-penggusuran-pangkalpinang",
        "state": "incomplete",
        "days_ago": 9,
        "incident_days_ago": 120,
        "channel": "surat",
        "party_kind": "lembaga_pemerintah",
        "party_complained_about": "Dinas Contoh Perumahan Kota (Contoh)",
        "right_concerned": "kesejahteraan",
        "incident_place": "Kota Pangkalpinang, Kepulauan Bangka Belitung",
        "chronology": (
            "Contoh: rumah warga di bantaran sungai dibongkar tanpa pemberitahuan tertulis dan "
            "tanpa tawaran tempat tinggal pengganti."
        ),
        "identity": {
            "complainant_name": "Rahmat Contoh Hidayat",
            "id_kind": "nik",
            "id_number": "1971000000000003",
            "address": "Gang Contoh No. 3, Pangkalpinang",
            "phone": "081200000003",
            "email": "",
            "representative_name": "Lembaga Bantuan Hukum Contoh (Contoh)",
            "representative_contact": "lbh.contoh@example.org",
        },
    },
    {
        "id": "contoh-hak-atas-tanah-bitung",
        "state": "in_handling",
        "days_ago": 30,
        "incident_days_ago": 200,
        "channel": "langsung",
        "party_kind": "aparat_negara",
        "party_complained_about": "Oknum Aparat Kelurahan Contoh (Contoh)",
        "right_concerned": "keadilan",
        "incident_place": "Kota Bitung, Sulawesi Utara",
        "chronology": (
            "Contoh: permohonan sertifikat atas tanah warisan tidak diproses bertahun-tahun "
            "sementara pihak lain memperoleh sertifikat atas bidang yang sama."
        ),
        "identity": {
            "complainant_name": "Maria Contoh Wenas",
            "id_kind": "nik",
            "id_number": "7172000000000004",
            "address": "Lingkungan Contoh, Bitung",
            "phone": "081200000004",
            "email": "maria.contoh@example.org",
            "witnesses": "Yohanes Contoh Lumi (Contoh), tetangga",
        },
    },
    {
        "id": "contoh-jaminan-sosial-rangkasbitung",
        "state": "closed",
        "days_ago": 120,
        "incident_days_ago": 260,
        "channel": "online",
        "party_kind": "korporasi",
        "party_complained_about": "PT Contoh Logistik Nusantara (Contoh)",
        "right_concerned": "kesejahteraan",
        "incident_place": "Rangkasbitung, Kabupaten Lebak, Banten",
        "chronology": (
            "Contoh: pekerja tidak didaftarkan dalam jaminan sosial ketenagakerjaan; setelah "
            "surat klarifikasi dan rapat koordinasi perusahaan mendaftarkan seluruh pekerja."
        ),
        "identity": {
            "complainant_name": "Dewi Contoh Lestari",
            "id_kind": "nik",
            "id_number": "3602000000000005",
            "address": "Perumahan Contoh Blok C5, Rangkasbitung",
            "phone": "081200000005",
            "email": "dewi.contoh@example.org",
        },
    },
)


def create_demo_complaints(portal, say):
    """Add the sample complaints that are missing; return how many were added."""
    section = portal.get(SECTION)
    if section is None:
        return 0
    present = {demo_key(obj) for obj in section.objectValues()}
    missing = [spec for spec in DEMO_COMPLAINTS if spec["id"] not in present]
    if not missing:
        return 0
    if not crypto.key_configured():
        say(
            "  ! Contoh pengaduan dilewati: kunci pengaduan belum diatur (ham-admin "
            "write-config) / sample complaints skipped: no complaint key configured"
        )
        return 0
    added = 0
    with api.env.adopt_roles(["Manager"]):
        for spec in missing:
            create_demo_complaint(section, spec)
            added += 1
            say(f"  + Complaint: {spec['id']} ({spec['state']})")
    return added


def demo_key(obj):
    """The sample a demo complaint was made from (its id is random, like a real one's)."""
    return getattr(obj, "ham_demo_key", None)


def demo_complaint(section, key):
    for obj in section.objectValues():
        if demo_key(obj) == key:
            return obj
    raise KeyError(key)


def create_demo_complaint(section, spec):
    received = today() - timedelta(days=spec["days_ago"])
    # A random id, as the intake gives: a readable id would let anyone who guesses it read
    # the case's title (its registration number) through generic views.
    complaint = api.content.create(
        container=section,
        type="Complaint",
        id=f"aduan-{secrets.token_hex(8)}",
        channel=spec["channel"],
        party_kind=spec["party_kind"],
        party_complained_about=spec["party_complained_about"],
        right_concerned=spec["right_concerned"],
        incident_place=spec["incident_place"],
        incident_date=today() - timedelta(days=spec["incident_days_ago"]),
        chronology=spec["chronology"],
    )
    complaint.received_date = received
    # Naive, in the office's time (Asia/Jakarta), as Plone keeps datetime fields: a ZoneInfo
    # cannot be stored in the ZODB.
    complaint.consent_given = datetime.combine(received, time(9, 0))
    complaint.ham_demo_key = spec["id"]
    store_identity(complaint, spec["identity"], user_id="demo")
    if spec["state"] != "received":
        move_to_state(complaint, spec["state"], comment="Contoh")
    complaint.reindexObject()
    return complaint
