"""Render docs/permissions.csv (the declarative permission table) as docs/permissions.md.

Usage: python scripts/render_permissions.py   (a test fails while the page is out of date)
"""

from pathlib import Path

import csv
import sys


ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "permissions.csv"
PAGE = ROOT / "docs" / "permissions.md"
# Permissions that belong to no single object: who holds them on the whole site.
SITE_TABLE = ROOT / "docs" / "site-permissions.csv"

INTRO = """\
# Who may do what (hak akses)

Generated from [permissions.csv](permissions.csv) by `scripts/render_permissions.py`. The CSV is
the declaration. `tests/security/test_permission_matrix.py` checks every row of it through three
channels: the Plone API and HTML pages, REST (`++api++` GET, PATCH, POST, `@workflow`), and search
(the catalog and `@search`).

A cell reads: **V** view, **E** edit, **A** add inside (for containers: programme → indicator,
period → report, task force → member, pledge → file), then the transitions the principal may take.
An empty cell means no access at all.

Principals: `anonymous`; `member` is a logged-in user in no group. The staff groups are `humas`,
`bidang-ham`, `verifikator`, `tim-penilai` and `petugas-pengaduan`. `mitra-sendiri` is a member of
the partner the item belongs to, and `mitra-lain` a member of another partner.
"""


def cell(row):
    parts = [
        flag for flag, key in (("V", "view"), ("E", "edit"), ("A", "add")) if row[key] == "yes"
    ]
    text = " ".join(parts)
    if row["transitions"]:
        text += " · " + ", ".join(row["transitions"].split())
    return text


def load_site_rows():
    if not SITE_TABLE.exists():
        return []
    with SITE_TABLE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


SITE_INTRO = """
## Site-wide permissions

Declared in [site-permissions.csv](site-permissions.csv); `tests/security/test_site_permissions.py`
checks that the site gives each to exactly these roles. Complaint officers are the group
`petugas-pengaduan` (role ComplaintOfficer).

| permission | roles | what it allows |
|---|---|---|"""


def render_site(site_rows):
    if not site_rows:
        return []
    lines = [SITE_INTRO]
    for row in site_rows:
        roles = ", ".join(role.strip() for role in row["roles"].split(";"))
        lines.append(f"| `{row['permission']}` | {roles} | {row['meaning']} |")
    return lines


def render(rows, site_rows=None):
    principals = list(dict.fromkeys(row["principal"] for row in rows))
    lines = [INTRO]
    for portal_type in dict.fromkeys(row["type"] for row in rows):
        lines.append(f"\n## {portal_type}\n")
        lines.append("| state | " + " | ".join(principals) + " |")
        lines.append("|---" * (len(principals) + 1) + "|")
        type_rows = [row for row in rows if row["type"] == portal_type]
        for state in dict.fromkeys(row["state"] for row in type_rows):
            cells = {row["principal"]: cell(row) for row in type_rows if row["state"] == state}
            lines.append(f"| `{state}` | " + " | ".join(cells[p] for p in principals) + " |")
    lines += render_site(load_site_rows() if site_rows is None else site_rows)
    return "\n".join(lines) + "\n"


def main():
    with TABLE.open(newline="", encoding="utf-8") as handle:
        page = render(list(csv.DictReader(handle)))
    PAGE.write_text(page, encoding="utf-8")
    print(f"{PAGE.relative_to(ROOT)}: {page.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
