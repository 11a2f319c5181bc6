"""The key that encrypts complainant identity, kept outside the database.

The key comes from the environment, never from the ZODB, so a copy of the database (a backup,
a Data.fs sent for debugging, a PostgreSQL dump) holds only ciphertext:

- ``HAM_COMPLAINT_KEY``: one or more Fernet keys, separated by commas or white space;
- otherwise ``HAM_COMPLAINT_KEY_FILE``: a file with one key per line (``ham-admin write-config``
  makes ``var/complaint.key`` and points the instance at it).

The first key encrypts; every key decrypts, so a key can be rotated by putting the new key
first and keeping the old one after it until the data is re-encrypted. Fernet is AES-128-CBC
with an HMAC-SHA256 over the ciphertext: a changed byte fails to decrypt instead of giving
wrong data.
"""

from cryptography.fernet import Fernet
from cryptography.fernet import InvalidToken
from cryptography.fernet import MultiFernet
from pathlib import Path

import os
import threading


KEY_ENV = "HAM_COMPLAINT_KEY"
KEY_FILE_ENV = "HAM_COMPLAINT_KEY_FILE"

_lock = threading.Lock()
_cache = {}


class KeyMissing(Exception):
    """No usable key: identity can be neither stored nor read."""


class CannotDecrypt(Exception):
    """The data was encrypted with a key that is not configured any more, or was changed."""


def new_key():
    """A fresh key, as text for a file or an environment variable."""
    return Fernet.generate_key().decode("ascii")


def _key_source():
    value = os.environ.get(KEY_ENV, "").strip()
    if value:
        return ("env", value)
    path = os.environ.get(KEY_FILE_ENV, "").strip()
    if path:
        try:
            stat = Path(path).stat()
        except OSError:
            raise KeyMissing(f"{KEY_FILE_ENV}={path}: file not found") from None
        return ("file", path, stat.st_mtime_ns, stat.st_size)
    raise KeyMissing(f"Set {KEY_ENV} or {KEY_FILE_ENV}")


def _read_keys(source):
    text = source[1] if source[0] == "env" else Path(source[1]).read_text(encoding="ascii")
    keys = [part for part in text.replace(",", " ").split() if part]
    if not keys:
        raise KeyMissing("The complaint key is empty")
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except (ValueError, UnicodeEncodeError):
        raise KeyMissing("The complaint key is not a Fernet key (ham-admin new-key)") from None


def _fernet():
    source = _key_source()
    with _lock:
        fernet = _cache.get(source)
        if fernet is None:
            _cache.clear()
            fernet = _cache[source] = _read_keys(source)
        return fernet


def key_configured():
    try:
        _fernet()
    except KeyMissing:
        return False
    return True


def encrypt(data):
    """bytes -> ciphertext (bytes) with the first key."""
    return _fernet().encrypt(data)


def decrypt(token):
    """ciphertext -> bytes, with whichever configured key made it."""
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken:
        raise CannotDecrypt("Encrypted with a key that is not configured, or changed") from None


def reencrypt(token):
    """The same data under the first key (after a key rotation)."""
    try:
        return _fernet().rotate(bytes(token))
    except InvalidToken:
        raise CannotDecrypt("Encrypted with a key that is not configured, or changed") from None
