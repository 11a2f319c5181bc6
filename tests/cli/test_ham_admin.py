"""ham-admin as an operator uses it, on FileStorage: site, users, serve, backup, restore, pack."""

from kemenkumham.ham.demo import load_news
from kemenkumham.ham.demo.complaints import DEMO_COMPLAINTS
from kemenkumham.ham.demo.site_content import load_specs
from tests.admin import admin_auth
from tests.admin import free_port
from tests.admin import ham_admin
from tests.admin import serving

import pytest
import requests
import stat


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("instance")
    result = ham_admin(home, "create-site", "--demo")
    assert result.returncode == 0, result.stderr
    home.joinpath("first-run.txt").write_text(result.stdout)
    return home


def test_create_site_prints_a_generated_password_once(home):
    output = home.joinpath("first-run.txt").read_text()
    user, password = admin_auth(home)
    assert user == "admin"
    assert len(password) >= 20
    assert f"Kata sandi / password: {password}" in output
    mode = stat.S_IMODE((home / "var" / "admin-password.txt").stat().st_mode)
    assert mode == 0o600
    specs = [spec for spec in load_specs() if not spec.get("update")]
    # The sample complaints too: the instance has a complaint key (here from the environment).
    added = len(specs) + len(load_news()) + len(DEMO_COMPLAINTS)
    assert f"{added} item baru / new items" in output
    assert "mitra.serang.demo" in output
    demo_users = home / "var" / "demo-users.csv"
    assert stat.S_IMODE(demo_users.stat().st_mode) == 0o600
    assert len(demo_users.read_text().splitlines()) == 1 + 7


def test_second_run_keeps_the_database_and_the_password(home):
    password_before = admin_auth(home)
    data_before = (home / "var" / "filestorage" / "Data.fs").stat().st_size
    result = ham_admin(home, "create-site", "--demo")
    assert result.returncode == 0, result.stderr
    assert "sudah ada / exists" in result.stdout
    assert password_before[1] not in result.stdout
    assert admin_auth(home) == password_before
    assert (home / "var" / "filestorage" / "Data.fs").stat().st_size >= data_before


def test_demo_command_is_idempotent(home):
    result = ham_admin(home, "demo")
    assert result.returncode == 0, result.stderr
    assert "0 item baru / new items" in result.stdout


def test_remind_lists_the_partners_due_and_sends_only_with_mail_configured(home):
    """The demo period 2024 closes on 2025-03-31; on 2025-03-25 Kota Serang (draft, one
    member) is due, Lebak (submitted) and Cilegon (verified) are not, the rest have no member."""
    args = ("remind", "--dry-run", "--date", "2025-03-25", "--url", "https://ham.example.go.id")
    dry = ham_admin(home, *args)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert (
        "akan dikirim / would send: KKP HAM: Kabupaten/Kota Peduli HAM 2024 | "
        "Pemerintah Kota Serang | draft | 6 hari lagi / days left | 1 penerima / recipients"
    ) in lines
    without = [line for line in lines if line.startswith("tanpa alamat e-mail")]
    assert any("Pemerintah Kabupaten Pandeglang | revision" in line for line in without)
    assert "Lebak" not in dry.stdout and "Cilegon" not in dry.stdout
    assert "@example.org" not in dry.stdout  # no addresses in cron logs
    assert lines[-1] == (
        f"1 pengingat / reminders, {len(without)} mitra tanpa alamat e-mail / partners without "
        "address (uji coba: tidak dikirim, tidak dicatat / dry run: nothing sent or recorded)"
    )
    assert ham_admin(home, *args).stdout == dry.stdout  # nothing was recorded
    # A real run needs the site's sender address, which a new site does not have.
    send = ham_admin(home, "remind")
    assert send.returncode == 1
    assert "@@mail-controlpanel" in send.stderr
    assert "Traceback" not in send.stderr
    assert ham_admin(home, "remind", "--date", "2025-03-25").returncode == 1
    # While an instance serves the FileStorage, the command asks the instance: same answer.
    port = free_port()
    with serving(home, port):
        through = ham_admin(home, *args, "--port", port)
        assert through.returncode == 0, through.stderr
        assert f"Instance berjalan / instance running: lewat / through port {port}" in (
            through.stdout
        )
        assert [line for line in through.stdout.splitlines() if "Instance" not in line] == lines
        refused = ham_admin(home, "remind", "--port", port)
        assert refused.returncode == 1
        assert "@@mail-controlpanel" in refused.stderr


def test_users_from_csv(home):
    csv_file = home / "users.csv"
    csv_file.write_text(
        "username,fullname,email,groups\n"
        "siti,Siti Humas,siti@example.org,humas\n"
        "budi,Budi Verifikator,budi@example.org,verifikator;bidang-ham\n"
    )
    output = home / "passwords.csv"
    result = ham_admin(home, "users", csv_file, "--output", output)
    assert result.returncode == 0, result.stderr
    assert "2 pengguna baru / new users" in result.stdout
    rows = output.read_text().splitlines()
    assert rows[0] == "username,password"
    assert {row.split(",")[0] for row in rows[1:]} == {"siti", "budi"}
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    again = ham_admin(home, "users", csv_file)
    assert "0 pengguna baru / new users" in again.stdout


@pytest.mark.parametrize(
    "case,bad_row,expected",
    [
        ("columns", None, "CSV columns missing"),
        ("email", "{user}2,Dua,not-an-address,humas", "email"),
        ("group", "{user}2,Dua,dua@example.org,no-such-group", "no-such-group"),
    ],
)
def test_bad_csv_is_refused_and_creates_nobody(home, case, bad_row, expected):
    user = f"pengguna{case}"
    valid_row = f"{user},Satu,{user}@example.org,humas"
    csv_file = home / f"bad-{case}.csv"
    if bad_row is None:
        csv_file.write_text(f"name,email\n{user},{user}@example.org\n")
    else:
        csv_file.write_text(
            f"username,fullname,email,groups\n{valid_row}\n{bad_row.format(user=user)}\n"
        )
    result = ham_admin(home, "users", csv_file)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    # The valid row of the rejected file was not imported: importing it now creates the user.
    good = home / f"good-{case}.csv"
    good.write_text(f"username,fullname,email,groups\n{valid_row}\n")
    assert f"+ {user}" in ham_admin(home, "users", good).stdout


def test_serve_answers_anonymous_rest_and_locks_the_database(home):
    port = free_port()
    with serving(home, port) as url:
        page = requests.get(f"{url}/Plone", timeout=30)
        assert page.status_code == 200
        assert 'lang="id"' in page.text
        assert "Berita" in page.text
        assert "++theme++barceloneta/css/barceloneta.min.css" in page.text
        found = requests.get(
            f"{url}/Plone/++api++/@search",
            params={"portal_type": "News Item"},
            headers={"Accept": "application/json"},
            timeout=30,
        ).json()
        assert found["items_total"] == 5

        def registry(name):
            return requests.get(
                f"{url}/Plone/++api++/@registry/{name}",
                headers={"Accept": "application/json"},
                auth=admin_auth(home),
                timeout=30,
            ).json()

        assert registry("plone.default_language") == "id"
        assert registry("plone.available_languages") == ["id", "en"]
        assert registry("plone.portal_timezone") == "Asia/Jakarta"

        # A newcomer logs in as each demo user (JWT, as REST clients do).
        rows = (home / "var" / "demo-users.csv").read_text().splitlines()[1:]
        for row in rows:
            username, password, _group = row.split(",")
            login = requests.post(
                f"{url}/Plone/++api++/@login",
                json={"login": username, "password": password},
                headers={"Accept": "application/json"},
                timeout=30,
            )
            assert login.status_code == 200, (username, login.text)
            assert login.json()["token"]

        # Every page of the demo site renders for staff, with its edit form.
        paths = [spec["path"] for spec in load_specs() if not spec.get("update")]
        paths += [f"berita/{entry['id']}" for entry in load_news()]
        broken = []
        for path in paths:
            for suffix in ("", "/edit"):
                page = requests.get(
                    f"{url}/Plone/{path}{suffix}", auth=admin_auth(home), timeout=60
                )
                if page.status_code != 200:
                    broken.append((path + suffix, page.status_code))
        assert broken == []

        busy = ham_admin(home, "check", "--port", port)
        assert busy.returncode == 1
        assert f"Port {port}" in busy.stderr

        locked = ham_admin(home, "demo")
        assert locked.returncode == 1
        assert "running instance" in locked.stderr
        assert len(locked.stderr.strip().splitlines()) == 1


def test_backup_restore_and_pack(home):
    backup = ham_admin(home, "backup")
    assert backup.returncode == 0, backup.stderr
    assert list((home / "var" / "backups" / "filestorage").glob("*.fsz"))
    assert list((home / "var" / "backups" / "blobstorage").glob("blobstorage-*.tar.gz"))

    later = home / "later.csv"
    later.write_text("username,fullname,email,groups\nsesudah,Sesudah,s@example.org,humas\n")
    assert "+ sesudah" in ham_admin(home, "users", later).stdout

    restore = ham_admin(home, "restore")
    assert restore.returncode == 0, restore.stderr
    # The user added after the backup is gone again.
    assert "+ sesudah" in ham_admin(home, "users", later).stdout

    pack = ham_admin(home, "pack")
    assert pack.returncode == 0, pack.stderr
    assert "Selesai / done" in pack.stdout
