"""The platform on RelStorage + PostgreSQL: the same commands, several instances at once."""

from tests.admin import admin_auth
from tests.admin import free_port
from tests.admin import ham_admin
from tests.admin import serving
from urllib.parse import urlsplit

import pytest
import requests
import time


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def relstorage_site(tmp_path, pg_database):
    """A site created by ham-admin in a throw-away PostgreSQL database."""
    home = tmp_path / "a"
    result = ham_admin(home, "create-site", db=pg_database)
    assert result.returncode == 0, result.stderr
    assert "RelStorage" in (home / "etc" / "zope.conf").read_text()
    return home, pg_database


def test_missing_database_fails_fast_with_one_line(tmp_path, pg_database):
    missing = urlsplit(pg_database)._replace(path="/ham_no_such_database").geturl()
    started = time.monotonic()
    result = ham_admin(tmp_path, "check", db=missing)
    assert result.returncode == 1
    assert time.monotonic() - started < 15
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "ham_no_such_database" in result.stderr
    assert "createdb" in result.stderr
    assert not (tmp_path / "var" / "filestorage" / "Data.fs").exists()


def test_site_is_stored_in_postgresql(relstorage_site, pg_server):
    home, database = relstorage_site
    import psycopg2

    with psycopg2.connect(database) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM object_state")
        (objects,) = cursor.fetchone()
    assert objects > 1000
    assert not (home / "var" / "filestorage" / "Data.fs").exists()
    # A second run keeps the site and says so.
    again = ham_admin(home, "create-site", db=database)
    assert again.returncode == 0, again.stderr
    assert "sudah ada / exists" in again.stdout


def test_two_instances_serve_one_database(relstorage_site, tmp_path):
    """Written through one instance, read through another one at once, and back."""
    home_a, database = relstorage_site
    home_b = tmp_path / "b"
    auth = admin_auth(home_a)
    port_a, port_b = free_port(), free_port()
    with (
        serving(home_a, port_a, db=database) as url_a,
        serving(home_b, port_b, db=database) as url_b,
    ):
        created = requests.post(
            f"{url_a}/Plone/++api++/berita",
            json={"@type": "Document", "id": "ditulis-di-a", "title": "Ditulis lewat instance A"},
            headers=JSON,
            auth=auth,
            timeout=30,
        )
        assert created.status_code == 201, created.text
        read = requests.get(
            f"{url_b}/Plone/++api++/berita/ditulis-di-a", headers=JSON, auth=auth, timeout=30
        )
        assert read.status_code == 200
        assert read.json()["title"] == "Ditulis lewat instance A"

        changed = requests.patch(
            f"{url_b}/Plone/++api++/berita/ditulis-di-a",
            json={"title": "Diubah lewat instance B"},
            headers=JSON,
            auth=auth,
            timeout=30,
        )
        assert changed.status_code == 204, changed.text
        reread = requests.get(
            f"{url_a}/Plone/++api++/berita/ditulis-di-a", headers=JSON, auth=auth, timeout=30
        )
        assert reread.json()["title"] == "Diubah lewat instance B"


def test_backup_and_restore_with_zodbconvert(relstorage_site):
    home, database = relstorage_site
    backup = ham_admin(home, "backup", db=database)
    assert backup.returncode == 0, backup.stderr
    (folder,) = (home / "var" / "backups").glob("relstorage-*")
    assert (folder / "Data.fs").stat().st_size > 100_000

    users = home / "users.csv"
    users.write_text(
        "username,fullname,email,groups\nsetelah,Setelah Cadangan,s@example.org,humas\n"
    )
    added = ham_admin(home, "users", users, db=database)
    assert added.returncode == 0, added.stderr
    assert "setelah" in added.stdout

    restored = ham_admin(home, "restore", db=database)
    assert restored.returncode == 0, restored.stderr
    # The user added after the backup is gone: the database is the backup again.
    again = ham_admin(home, "users", users, db=database)
    assert "+ setelah" in again.stdout
