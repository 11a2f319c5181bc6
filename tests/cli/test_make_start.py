"""`make start` stops before installing or touching data when the machine is not ready."""

from pathlib import Path

import os
import socket
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]


def run_make_start(port, **env):
    return subprocess.run(
        ["make", "--no-print-directory", "start", f"PORT={port}", f"PYTHON={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def test_busy_port_stops_make_start_in_one_line():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        started = time.monotonic()
        result = run_make_start(port)
    assert result.returncode != 0
    assert time.monotonic() - started < 30
    messages = [line for line in result.stderr.splitlines() if line.startswith("make start:")]
    assert messages == [
        f"make start: Port {port} sudah dipakai / port {port} is already in use: "
        f"PORT={port + 1} make start"
    ]
    assert not (ROOT / "etc" / f"zope-{port}.ini").exists()


def test_unreachable_ham_db_stops_make_start_in_one_line():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_make_start(port, HAM_DB=f"postgresql://ham@127.0.0.1:{dead_port}/ham")
    assert result.returncode != 0
    messages = [line for line in result.stderr.splitlines() if line.startswith("make start:")]
    assert len(messages) == 1
    assert f"127.0.0.1:{dead_port}" in messages[0]
    assert "Traceback" not in result.stderr
