"""Create site users from a CSV file, with generated passwords."""

from kemenkumham.ham.cli.instance import AdminError

import csv
import secrets


REQUIRED_COLUMNS = ("username", "fullname", "email")


def read_users(path):
    """Rows of the CSV (columns username, fullname, email, groups separated by ';')."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise AdminError(
                    f"Kolom CSV tidak ada / CSV columns missing: {', '.join(missing)} "
                    f"(perlu / needed: {', '.join(REQUIRED_COLUMNS)}, groups)"
                )
            rows = list(reader)
    except FileNotFoundError:
        raise AdminError(f"Berkas tidak ditemukan / file not found: {path}") from None
    problems = []
    seen = set()
    for number, row in enumerate(rows, start=2):
        username = (row.get("username") or "").strip()
        if not username:
            problems.append(f"baris/line {number}: username kosong/empty")
        elif username in seen:
            problems.append(f"baris/line {number}: username {username} ganda/duplicate")
        seen.add(username)
        if "@" not in (row.get("email") or ""):
            problems.append(f"baris/line {number}: email tidak sah/invalid")
    if problems:
        raise AdminError("CSV tidak sah / invalid CSV: " + "; ".join(problems))
    return rows


def create_users(portal, rows, say=print):
    """Create users that do not exist yet and add them to their groups.

    Returns (username, password) of the created users; nothing is written when a group is
    unknown, so a typo does not leave half the file imported.
    """
    from plone import api

    unknown = sorted(
        {group for row in rows for group in _groups(row) if api.group.get(groupname=group) is None}
    )
    if unknown:
        raise AdminError(f"Grup tidak dikenal / unknown groups: {', '.join(unknown)}")
    created = []
    for row in rows:
        username = row["username"].strip()
        if api.user.get(username=username) is None:
            password = secrets.token_urlsafe(15)
            try:
                api.user.create(
                    username=username,
                    email=row["email"].strip(),
                    password=password,
                    properties={"fullname": row["fullname"].strip()},
                )
            except ValueError as error:
                # Plone refuses the login name; the caller aborts, so nobody is half-imported.
                raise AdminError(
                    f"Pengguna / user {username!r} ditolak / refused: {error}"
                ) from None
            created.append((username, password))
            say(f"  + {username}")
        else:
            say(f"  = {username} (sudah ada / exists)")
        for group in _groups(row):
            api.group.add_user(groupname=group, username=username)
    return created


def _groups(row):
    return [g.strip() for g in (row.get("groups") or "").split(";") if g.strip()]
