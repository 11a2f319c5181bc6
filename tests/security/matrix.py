"""The declarative permission table (docs/permissions.csv) and how to put an object in a state."""

from pathlib import Path

import csv


TABLE = Path(__file__).resolve().parents[2] / "docs" / "permissions.csv"

# Who each principal of the table is, as a user of the test site.
USERS = {
    "anonymous": None,
    "member": ("anggota", None),
    "humas": ("humas1", "humas"),
    "bidang-ham": ("editor1", "bidang-ham"),
    "verifikator": ("verif1", "verifikator"),
    "tim-penilai": ("penilai1", "tim-penilai"),
    "petugas-pengaduan": ("petugas1", "petugas-pengaduan"),
    "mitra-sendiri": ("ani", "mitra-kota-serang"),
    "mitra-lain": ("budi", "mitra-kabupaten-lebak"),
}
PASSWORD = "rahasia-matriks-1"

# The object of the test tree that stands for each type (factories.make_tree + news/page).
OBJECTS = {
    "Programme": "programme",
    "Indicator": "indicator",
    "ReportingPeriod": "period_open",
    "IndicatorReport": "report_a",
    "Partner": "partner_a",
    "Pledge": "pledge",
    "TaskForce": "taskforce",
    "TaskForceMember": "member",
    "Complaint": "complaint",
    "Regulation": "regulation",
    "Award": "award",
    "News Item": "news",
    "Document": "page",
}

# What "add" means for a container: creating its main child type.
CHILDREN = {
    "Programme": "Indicator",
    "ReportingPeriod": "IndicatorReport",
    "TaskForce": "TaskForceMember",
    "Pledge": "File",
}


def load_table():
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def cases():
    """(type, state) pairs of the table, in table order."""
    seen = []
    for row in load_table():
        key = (row["type"], row["state"])
        if key not in seen:
            seen.append(key)
    return seen
