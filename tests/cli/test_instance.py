"""Instance configuration written from the templates, and the checks that fail fast."""

from kemenkumham.ham.cli.instance import AdminError
from kemenkumham.ham.cli.instance import check_database
from kemenkumham.ham.cli.instance import check_port_free
from kemenkumham.ham.cli.instance import Instance
from kemenkumham.ham.cli.instance import redact

import pytest
import socket
import time


def test_filestorage_by_default(tmp_path):
    instance = Instance(home=tmp_path)
    conf = instance.write_config(port=8123).read_text()
    assert f"path {tmp_path}/var/filestorage/Data.fs" in conf
    assert f"blob-dir {tmp_path}/var/blobstorage" in conf
    assert "relstorage" not in conf
    ini = (tmp_path / "etc" / "zope-8123.ini").read_text()
    assert "port = 8123" in ini
    assert "host = 127.0.0.1" in ini
    assert (tmp_path / "etc" / "site.zcml").exists()


def test_relstorage_when_ham_db_is_set(tmp_path):
    instance = Instance(home=tmp_path, db_url="postgresql://ham@db.example:5433/hamdb")
    conf = instance.write_config().read_text()
    assert "%import relstorage" in conf
    assert "keep-history false" in conf
    assert "shared-blob-dir false" in conf
    assert "dbname=hamdb" in conf
    assert "host=db.example" in conf
    assert "port=5433" in conf
    assert "connect_timeout=5" in conf
    assert "filestorage" not in conf


@pytest.mark.parametrize("db_url", ["", "postgresql://ham@127.0.0.1:5432/ham"])
def test_written_configuration_is_valid_for_zope(tmp_path, db_url):
    """zope.conf loads with Zope's own schema (RelStorage's component included)."""
    from Zope2.Startup.options import ZopeWSGIOptions

    instance = Instance(home=tmp_path, db_url=db_url)
    instance.write_config()
    options = ZopeWSGIOptions(configfile=str(instance.zope_conf))()
    assert options.configroot.instancehome == str(tmp_path)
    assert [db.name for db in options.configroot.databases][0] == "main"


def test_config_is_rewritten_only_when_it_changes(tmp_path):
    instance = Instance(home=tmp_path)
    conf = instance.write_config()
    first = conf.stat().st_mtime_ns
    time.sleep(0.01)
    instance.write_config()
    assert conf.stat().st_mtime_ns == first


@pytest.mark.parametrize(
    "db_url,expected",
    [
        ("mysql://root@localhost/ham", "postgresql://"),
        ("postgresql://ham@localhost", "names no database"),
    ],
)
def test_wrong_ham_db_is_refused_in_words(tmp_path, db_url, expected):
    instance = Instance(home=tmp_path, db_url=db_url)
    with pytest.raises(AdminError, match=expected):
        instance.write_config()
    assert not (tmp_path / "etc" / "zope.conf").exists()


def test_unreachable_database_fails_fast(tmp_path):
    """A port where nothing listens: refused at once, one sentence, password hidden."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = Instance(home=tmp_path, db_url=f"postgresql://ham:rahasia@127.0.0.1:{port}/ham")
    started = time.monotonic()
    with pytest.raises(AdminError) as error:
        check_database(instance)
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert "PostgreSQL" in message
    assert "rahasia" not in message
    assert "\n" not in message


def test_busy_port_is_reported(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        with pytest.raises(AdminError, match=f"Port {port}"):
            check_port_free(port)


def test_redact_hides_password():
    assert redact("postgresql://u:secret@h:1/d") == "postgresql://u:***@h:1/d"
    assert redact("postgresql://u@h/d") == "postgresql://u@h/d"
