"""Demo users, one for each staff group and two partners; passwords generated, never fixed."""

from plone import api

import secrets


DEMO_USERS = (
    ("humas.demo", "Humas (Contoh)", "humas"),
    ("editor.demo", "Editor Bidang HAM (Contoh)", "bidang-ham"),
    ("verifikator.demo", "Verifikator Kanwil (Contoh)", "verifikator"),
    ("penilai.demo", "Tim Penilai (Contoh)", "tim-penilai"),
    ("pengaduan.demo", "Petugas Pengaduan (Contoh)", "petugas-pengaduan"),
    (
        "mitra.serang.demo",
        "Operator Pemerintah Kota Serang (Contoh)",
        "mitra-pemerintah-kota-serang",
    ),
    (
        "mitra.lebak.demo",
        "Operator Pemerintah Kabupaten Lebak (Contoh)",
        "mitra-pemerintah-kabupaten-lebak",
    ),
)


def create_demo_users(say):
    """Create the demo users that do not exist; return (username, password, group) of new ones."""
    created = []
    for username, fullname, group in DEMO_USERS:
        if api.user.get(username=username) is not None:
            continue
        password = secrets.token_urlsafe(12)
        api.user.create(
            username=username,
            email=f"{username}@example.org",
            password=password,
            properties={"fullname": fullname},
        )
        api.group.add_user(groupname=group, username=username)
        created.append((username, password, group))
        say(f"  + pengguna / user {username} ({group})")
    return created
