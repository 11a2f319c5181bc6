"""Where an instance lives and how its Zope configuration is written.

The configuration is generated from the templates beside this module, so nobody edits
zope.conf, zope.ini or site.zcml by hand. ``HAM_DB`` chooses the storage: unset means
ZODB FileStorage with blobs under ``var/``; ``postgresql://user@host:port/dbname`` means
RelStorage on PostgreSQL, which several instances can serve at once.
"""

from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import os
import socket


TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_PORT = 8080
DB_CONNECT_TIMEOUT = 5  # seconds: a wrong HAM_DB must fail fast


class AdminError(Exception):
    """A problem the operator can fix; shown as one line, never as a traceback."""


@dataclass(frozen=True)
class Instance:
    home: Path
    db_url: str = ""

    @classmethod
    def from_environment(cls, home=None):
        home = Path(home or os.environ.get("HAM_HOME") or Path.cwd()).resolve()
        return cls(home=home, db_url=os.environ.get("HAM_DB", "").strip())

    @property
    def etc(self):
        return self.home / "etc"

    @property
    def var(self):
        return self.home / "var"

    @property
    def zope_conf(self):
        return self.etc / "zope.conf"

    def zope_ini(self, port):
        return self.etc / f"zope-{port}.ini"

    @property
    def filestorage(self):
        return self.var / "filestorage" / "Data.fs"

    @property
    def blobstorage(self):
        return self.var / "blobstorage"

    @property
    def backups(self):
        return self.var / "backups"

    @property
    def complaint_key_file(self):
        """The key that encrypts complainant identity (see complaints/crypto.py): outside the
        database, backed up separately from it."""
        return self.var / "complaint.key"

    def complaint_key_environment(self):
        """{name: value} the instance needs to find the complaint key, making var/complaint.key
        (one new key, mode 600) when the environment names no key and the file is missing.
        HAM_COMPLAINT_KEY or HAM_COMPLAINT_KEY_FILE set by the operator win; a key file is
        never overwritten."""
        if os.environ.get("HAM_COMPLAINT_KEY", "").strip():
            return {}
        path = os.environ.get("HAM_COMPLAINT_KEY_FILE", "").strip()
        if path:
            return {"HAM_COMPLAINT_KEY_FILE": path}
        ensure_key_file(self.complaint_key_file)
        return {"HAM_COMPLAINT_KEY_FILE": str(self.complaint_key_file)}

    def use_complaint_key(self):
        """Commands that open the database read identities with the instance's key."""
        os.environ.update(self.complaint_key_environment())

    @property
    def admin_password_file(self):
        return self.var / "admin-password.txt"

    @property
    def uses_relstorage(self):
        return bool(self.db_url)

    @property
    def storage_label(self):
        if self.uses_relstorage:
            return f"RelStorage on PostgreSQL ({redact(self.db_url)})"
        return f"FileStorage {self.filestorage}"

    @property
    def dsn(self):
        """The libpq connection string for HAM_DB, with a short connect timeout."""
        return postgresql_dsn(self.db_url)

    def storage_config(self):
        if self.uses_relstorage:
            template = "storage-relstorage.conf.in"
        else:
            template = "storage-filestorage.conf.in"
        return render(template, home=self.home, dsn=self.dsn if self.uses_relstorage else "")

    def write_config(self, port=DEFAULT_PORT, host="127.0.0.1"):
        """Write etc/zope.conf, etc/site.zcml and etc/zope-<port>.ini; make var/ folders."""
        for folder in (
            self.etc,
            self.var / "log",
            self.var / "cache",
            self.filestorage.parent,
            self.blobstorage,
            self.backups,
        ):
            folder.mkdir(parents=True, exist_ok=True)
        self.blobstorage.chmod(0o700)
        key_environment = "".join(
            f"\n    {name} {value}" for name, value in self.complaint_key_environment().items()
        )
        _write(self.etc / "site.zcml", (TEMPLATES / "site.zcml").read_text())
        _write(
            self.zope_conf,
            render(
                "zope.conf.in",
                home=self.home,
                storage=self.storage_config(),
                storage_label=self.storage_label,
                key_environment=key_environment,
            ),
        )
        _write(self.zope_ini(port), render("zope.ini.in", home=self.home, host=host, port=port))
        return self.zope_conf


def ensure_key_file(path):
    """Write one new Fernet key to `path` (mode 600) unless the file exists; True if written."""
    from cryptography.fernet import Fernet

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(handle, "w") as stream:
        stream.write(Fernet.generate_key().decode("ascii") + "\n")
    return True


def render(template_name, **values):
    return Template((TEMPLATES / template_name).read_text()).substitute(
        {key: str(value) for key, value in values.items()}
    )


def _write(path, text):
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def redact(url):
    """HAM_DB without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url


def postgresql_dsn(url):
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise AdminError(
            f"HAM_DB harus berbentuk postgresql://pengguna@host:port/basisdata / "
            f"HAM_DB must look like postgresql://user@host:port/dbname (got {redact(url)!r})"
        )
    if not parts.path.strip("/"):
        raise AdminError(
            f"HAM_DB tidak menyebut nama basis data / HAM_DB names no database ({redact(url)!r})"
        )
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    try:
        params = parse_dsn(url)
    except Exception as error:  # psycopg2.ProgrammingError: invalid dsn
        raise AdminError(
            f"HAM_DB tidak dapat dibaca / HAM_DB cannot be parsed: {first_line(error)}"
        ) from None
    params.setdefault("connect_timeout", str(DB_CONNECT_TIMEOUT))
    return make_dsn(**params)


def check_database(instance):
    """Fail fast, in one line, when HAM_DB does not lead to a usable PostgreSQL database."""
    if not instance.uses_relstorage:
        return
    import psycopg2

    try:
        connection = psycopg2.connect(instance.dsn)
    except psycopg2.OperationalError as error:
        message = first_line(error)
        hint = ""
        if "does not exist" in message and "database" in message:
            name = urlsplit(instance.db_url).path.strip("/")
            hint = f" Buat dulu / create it first: createdb {name}"
        raise AdminError(
            "Basis data PostgreSQL tidak dapat dipakai / PostgreSQL database not usable "
            f"({redact(instance.db_url)}): {message}.{hint}"
        ) from None
    connection.close()


def check_port_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, int(port)))
        except OSError:
            raise AdminError(
                f"Port {port} sudah dipakai program lain / port {port} is already in use: "
                f"hentikan program itu atau pilih port lain, mis. PORT={int(port) + 1} make start"
            ) from None


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__
