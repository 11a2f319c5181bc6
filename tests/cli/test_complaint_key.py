"""The complaint key of an instance (var/complaint.key) and `ham-admin erase-identities`,
run as separate processes as an operator would."""

from cryptography.fernet import Fernet
from pathlib import Path
from tests.admin import free_port
from tests.admin import ham_admin
from tests.admin import serving

import os
import pytest
import stat
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]

# Two old complaints, closed and withdrawn in 2019, with identity and identity documents.
MAKE_COMPLAINTS = """
import sys
from datetime import datetime
from pathlib import Path
from kemenkumham.ham.cli.instance import Instance
from kemenkumham.ham.cli.zopeapp import login_as_admin, zope_app
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.test_retention import finish
from zope.component.hooks import setSite
import transaction

with zope_app(Instance(home=Path(sys.argv[1]))) as app:
    login_as_admin(app)
    site = app["Plone"]
    setSite(site)
    for name in sys.argv[2:]:
        complaint = make_complaint(site, name)[0]
        finish(complaint, "closed", datetime(2019, 3, 1, 10))
    transaction.commit()
"""


@pytest.fixture(scope="module")
def no_key_in_environment():
    """As on a server: no key in the environment; the instance uses var/complaint.key."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("HAM_COMPLAINT_KEY", raising=False)
        patch.delenv("HAM_COMPLAINT_KEY_FILE", raising=False)
        yield


def test_write_config_makes_the_key_once(tmp_path, no_key_in_environment):
    result = ham_admin(tmp_path, "write-config")
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "var" / "complaint.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    Fernet(key.encode())  # a valid key
    zope_conf = (tmp_path / "etc" / "zope.conf").read_text()
    assert f"HAM_COMPLAINT_KEY_FILE {key_file}" in zope_conf
    assert key not in zope_conf  # the configuration names the file, never the key
    assert ham_admin(tmp_path, "write-config").returncode == 0
    assert key_file.read_text().strip() == key  # never overwritten


def test_a_key_in_the_environment_wins(tmp_path, no_key_in_environment, monkeypatch):
    monkeypatch.setenv("HAM_COMPLAINT_KEY", Fernet.generate_key().decode())
    assert ham_admin(tmp_path, "write-config").returncode == 0
    assert not (tmp_path / "var" / "complaint.key").exists()
    assert "HAM_COMPLAINT_KEY" not in (tmp_path / "etc" / "zope.conf").read_text()
    monkeypatch.delenv("HAM_COMPLAINT_KEY")
    elsewhere = tmp_path / "secret" / "ham.key"
    monkeypatch.setenv("HAM_COMPLAINT_KEY_FILE", str(elsewhere))
    assert ham_admin(tmp_path, "write-config").returncode == 0
    assert f"HAM_COMPLAINT_KEY_FILE {elsewhere}" in (tmp_path / "etc" / "zope.conf").read_text()
    assert not (tmp_path / "var" / "complaint.key").exists()


@pytest.fixture(scope="module")
def home(tmp_path_factory, no_key_in_environment):
    home = tmp_path_factory.mktemp("instance")
    result = ham_admin(home, "create-site")
    assert result.returncode == 0, result.stderr
    made = make_complaints(home, "lama-ditutup")
    assert made.returncode == 0, made.stderr
    return home


def make_complaints(home, *names):
    return subprocess.run(
        [sys.executable, "-c", MAKE_COMPLAINTS, str(home), *names],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={key: value for key, value in os.environ.items() if key != "HAM_DB"},
    )


def test_erase_identities_reports_cases_and_is_idempotent(home):
    dry = ham_admin(home, "erase-identities", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "akan dihapus / would erase: lama-ditutup | closed | 2019-03-01 | 3 berkas / files"
        in dry.stdout.splitlines()
    )
    assert "dry run: nothing erased" in dry.stdout
    done = ham_admin(home, "erase-identities")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "dihapus / erased: lama-ditutup | closed | 2019-03-01 | 3 berkas / files" in lines
    assert lines[-1].startswith("1 identitas / identities (dihapus / erased), 0 sudah dihapus")
    for secret in ("Siti", "3604015508900007", "081234567890", "example.org"):
        assert secret not in done.stdout + done.stderr
    again = ham_admin(home, "erase-identities")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1].startswith(
        "0 identitas / identities (dihapus / erased), 1 sudah dihapus sebelumnya"
    )
    refused = ham_admin(home, "erase-identities", "--date", "2030-01-01")
    assert refused.returncode == 1
    assert "--dry-run" in refused.stderr


def test_erase_identities_through_the_running_instance(home):
    made = make_complaints(home, "lama-kedua")
    assert made.returncode == 0, made.stderr
    port = free_port()
    with serving(home, port):
        result = ham_admin(home, "erase-identities", "--port", port)
        assert result.returncode == 0, result.stderr
        assert f"Instance berjalan / instance running: lewat / through port {port}" in (
            result.stdout
        )
        assert (
            "dihapus / erased: lama-kedua | closed | 2019-03-01 | 3 berkas / files"
            in result.stdout.splitlines()
        )
        assert "1 sudah dihapus sebelumnya" in result.stdout
    log = (home / f"serve-{port}.log").read_text()
    assert "No complaint key" not in log  # the instance found var/complaint.key
