"""Checks `make start` runs before it installs or touches anything.

Standard library only: it runs with the system Python, before the virtualenv exists.
Each problem is one line (Indonesian / English); nothing is changed, the exit code is 1.
"""

from urllib.parse import urlsplit

import argparse
import os
import socket
import sys


MINIMUM_PYTHON = (3, 11)


def problems(port):
    if sys.version_info < MINIMUM_PYTHON:
        yield (
            f"Perlu Python 3.11 atau lebih baru / Python 3.11+ needed "
            f"(ini/this is {sys.version.split()[0]}): PYTHON=python3.11 make start"
        )
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        yield (
            "Modul venv/ensurepip tidak ada / Python's venv module is missing: "
            "apt-get install python3-venv"
        )
    if port:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", int(port)))
            except OSError:
                yield (
                    f"Port {port} sudah dipakai / port {port} is already in use: "
                    f"PORT={int(port) + 1} make start"
                )
    database = os.environ.get("HAM_DB", "").strip()
    if database:
        parts = urlsplit(database)
        if parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/"):
            yield "HAM_DB harus berbentuk / must look like postgresql://user@host:5432/dbname"
        else:
            address = (parts.hostname or "127.0.0.1", parts.port or 5432)
            try:
                socket.create_connection(address, timeout=5).close()
            except OSError as error:
                yield (
                    "Server PostgreSQL tidak menjawab / PostgreSQL server does not answer at "
                    f"{address[0]}:{address[1]} ({error.strerror or error})"
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    found = list(problems(args.port))
    for problem in found:
        print(f"make start: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
