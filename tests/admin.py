"""Run ham-admin and instances of the platform as separate processes, as an operator would."""

from pathlib import Path

import contextlib
import os
import requests
import socket
import subprocess
import sys
import time


BIN = Path(sys.executable).parent
HAM_ADMIN = str(BIN / "ham-admin")


def environment(**extra):
    env = {key: value for key, value in os.environ.items() if key not in ("HAM_DB", "HAM_HOME")}
    env.update({key: str(value) for key, value in extra.items() if value is not None})
    return env


def ham_admin(home, *args, db=None, timeout=300):
    """Run `ham-admin --home HOME ARGS`; return the CompletedProcess (text output)."""
    return subprocess.run(
        [HAM_ADMIN, "--home", str(home), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(HAM_DB=db),
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def admin_auth(home):
    user, password = (Path(home) / "var" / "admin-password.txt").read_text().strip().split(":", 1)
    return user, password


@contextlib.contextmanager
def serving(home, port, db=None, timeout=120, crash=False):
    """Start `ham-admin serve` and wait until the site answers; stop it afterwards.

    With crash=True the server is killed (SIGKILL) instead of stopped: no clean shutdown.
    """
    Path(home).mkdir(parents=True, exist_ok=True)
    log = open(Path(home) / f"serve-{port}.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [HAM_ADMIN, "--home", str(home), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=environment(HAM_DB=db),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    f"instance on {port} stopped: " + (Path(home) / f"serve-{port}.log").read_text()
                )
            try:
                requests.get(f"{url}/Plone/@@ok", timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise AssertionError(
                        f"instance on {port} did not answer in {timeout}s"
                    ) from None
                time.sleep(0.5)
        yield url
    finally:
        if crash:
            process.kill()
        else:
            process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
