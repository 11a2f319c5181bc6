"""Prove that buildout.cfg builds a Plone instance of kemenkumham.ham that starts and serves.

Run from the repository root with the project's virtualenv (``make buildout-check``)::

    .venv/bin/python scripts/buildout_check.py

Steps: run buildout with a free port on 127.0.0.1; create the Zope administrator (generated
password, written to var/buildout/admin-password.txt, mode 600), the site Plone with the
add-on and the demo news in the buildout's database, unless they exist; start the instance;
fetch the site and the anonymous news search; stop the instance. Exits non-zero with one line
on the first failure. Safe to run again: the database under var/buildout/ is kept.
"""

from importlib import metadata
from pathlib import Path

import configparser
import os
import re
import requests
import signal
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SITE_ID = "Plone"
EXPECTED_NEWS = 5
BUILDOUT_TIMEOUT = 300  # seconds
SETUP_TIMEOUT = 300
START_TIMEOUT = 120
STOP_TIMEOUT = 20  # per signal
VAR = ROOT / "var" / "buildout"
PASSWORD_FILE = VAR / "admin-password.txt"
INSTANCE_LOG = VAR / "log" / "buildout-check-instance.log"
REQUIREMENT = re.compile(r"\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[(?P<extras>[^\]]*)\])?")
EXTRA_MARKER = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")

# Run by `bin/instance run`, where `app` is the Zope root with a request and the system user.
SETUP_SCRIPT = """\
from kemenkumham.ham.cli.site import create_site
from kemenkumham.ham.cli.zopeapp import ADMIN_USER
from kemenkumham.ham.cli.zopeapp import login_as_admin
from kemenkumham.ham.demo import create_demo
from pathlib import Path
from zope.component.hooks import setSite

import secrets
import transaction


# SETTINGS
if app.acl_users.getUserById(ADMIN_USER) is None:
    password = secrets.token_urlsafe(18)
    app.acl_users._doAddUser(ADMIN_USER, password, ["Manager"], [])
    transaction.commit()
    PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
    PASSWORD_FILE.touch(mode=0o600)
    PASSWORD_FILE.write_text(f"{ADMIN_USER}:{password}\\n")
    print(f"setup: Zope user {ADMIN_USER} created, password in {PASSWORD_FILE}")
else:
    print(f"setup: Zope user {ADMIN_USER} exists")
site = create_site(app, site_id=SITE_ID, say=lambda line: print(f"setup: {line}"))
if site is None:
    print(f"setup: site {SITE_ID} exists, not created again")
    site = app[SITE_ID]
    login_as_admin(app)
    setSite(site)
create_demo(site, say=lambda line: print(f"setup: {line}"))
transaction.commit()
app._p_jar.db().close()  # writes the FileStorage index: the instance starts faster
"""


class CheckError(Exception):
    """A failed step: reported as one line."""


def say(message):
    print(f"[buildout-check] {message}", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run(command, what, timeout):
    """Run a command in ROOT, echo its output indented, fail on a non-zero exit or timeout."""
    say(f"{what}: {' '.join(str(part) for part in command)}")
    started = time.monotonic()
    try:
        result = subprocess.run(
            [str(part) for part in command],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,  # nothing may prompt
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CheckError(f"{what} took longer than {timeout} s") from None
    for line in result.stdout.splitlines():
        print(f"    {line}", flush=True)
    if result.returncode != 0:
        raise CheckError(f"{what} failed with exit status {result.returncode} (output above)")
    say(f"{what}: done in {time.monotonic() - started:.0f} s")


def build(port):
    buildout = Path(sys.executable).parent / "buildout"
    if not buildout.exists():
        raise CheckError(f"{buildout} missing: run `make install` first (zc.buildout)")
    run(
        [buildout, "-c", "buildout.cfg", f"settings:http-port={port}"],
        "buildout",
        BUILDOUT_TIMEOUT,
    )
    if not (ROOT / "bin" / "instance").exists():
        raise CheckError("buildout wrote no bin/instance")


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def unpinned():
    """What the instance needs that versions.cfg does not pin at the installed version.

    Buildout run from the virtualenv takes what is installed there as develop eggs and does
    not apply allow-picked-versions to them: check every pin of the instance's tree here.
    """
    config = configparser.ConfigParser(interpolation=None, strict=False)
    config.read([ROOT / "versions.cfg", ROOT / "buildout.cfg"])
    pins = {canonical(name): version.strip() for name, version in config["versions"].items()}
    instance = config["instance"]
    todo = [(name, (), False) for name in [instance["recipe"], *instance["eggs"].split()]]
    # The develop egg's metadata as buildout just wrote it, then the virtualenv's.
    path = [str(ROOT / "develop-eggs"), *sys.path]
    seen, problems = set(), set()
    while todo:
        name, extras, conditional = todo.pop()
        if (canonical(name), extras) in seen:
            continue
        seen.add((canonical(name), extras))
        dist = next(iter(metadata.distributions(name=name, path=path)), None)
        if dist is None:
            if not conditional:  # else probably for another Python or platform
                problems.add(f"{name} (not installed)")
            continue
        pin = pins.get(canonical(name))
        if pin is None:
            problems.add(f"{name} {dist.version} (no pin)")
        elif pin and pin != dist.version:  # an empty pin is a develop egg
            problems.add(f"{name} {dist.version} (pinned {pin})")
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            wanted = EXTRA_MARKER.findall(marker)
            if wanted and not set(wanted) & set(extras):
                continue
            match = REQUIREMENT.match(spec)
            more = tuple(sorted(e.strip() for e in (match["extras"] or "").split(",") if e.strip()))
            todo.append((match["name"], more, bool(marker.strip())))
    return len({name for name, _ in seen}), sorted(problems)


def check_pins():
    checked, problems = unpinned()
    if problems:
        raise CheckError("not pinned in versions.cfg: " + ", ".join(problems))
    say(f"ok: the {checked} distributions the instance needs are pinned in versions.cfg")


def create_site():
    # Values go into the script itself: `bin/instance run` passes no reliable sys.argv.
    settings = f"SITE_ID = {SITE_ID!r}\nPASSWORD_FILE = Path({str(PASSWORD_FILE)!r})\n"
    with tempfile.TemporaryDirectory(prefix="buildout-check-") as tmp:
        script = Path(tmp) / "setup_site.py"
        script.write_text(SETUP_SCRIPT.replace("# SETTINGS\n", settings), encoding="utf-8")
        run([ROOT / "bin" / "instance", "run", script], "site setup", SETUP_TIMEOUT)


def start(log):
    say(f"starting bin/instance console (log: {INSTANCE_LOG.relative_to(ROOT)})")
    # console: Zope replaces the control script's process, so this pid is the server.
    return subprocess.Popen(
        [str(ROOT / "bin" / "instance"), "console"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=default_sigint,
    )


def default_sigint():
    # A shell without job control starts background commands with SIGINT ignored, and the
    # child inherits that: give Zope back SIGINT, on which it closes the database cleanly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop(process):
    if process.poll() is not None:
        return
    say(f"stopping the instance (pid {process.pid})")
    # SIGINT: waitress stops and Zope closes the database; then SIGTERM, SIGKILL if need be.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=STOP_TIMEOUT)
            break
        except subprocess.TimeoutExpired:
            say(f"the instance ignored {sig.name}")


def log_tail(lines=15):
    if not INSTANCE_LOG.exists():
        return
    for line in INSTANCE_LOG.read_text(errors="replace").splitlines()[-lines:]:
        print(f"    {line}", flush=True)


def wait_until_up(process, url):
    deadline = time.monotonic() + START_TIMEOUT
    while (left := deadline - time.monotonic()) > 0:
        if process.poll() is not None:
            log_tail()
            raise CheckError(f"the instance exited with status {process.returncode} at start")
        try:
            # A generous read timeout: the first request warms Plone up, and a second one
            # sent alongside would only cause a ConflictError.
            return requests.get(url, timeout=(2, left))
        except requests.ConnectionError:
            time.sleep(1)
        except requests.Timeout:
            break
    log_tail()
    raise CheckError(f"the instance did not answer {url} within {START_TIMEOUT} s")


def check_site(process, port):
    base = f"http://{HOST}:{port}/{SITE_ID}"
    started = time.monotonic()
    response = wait_until_up(process, base)
    say(f"instance answers after {time.monotonic() - started:.0f} s")
    if response.status_code != 200:
        raise CheckError(f"GET {base} answered {response.status_code}, expected 200")
    say(f"ok: GET {base} -> 200")

    url = f"{base}/++api++/@search?portal_type=News%20Item"
    try:
        response = requests.get(url, headers={"Accept": "application/json"}, timeout=30)
    except requests.RequestException as error:
        raise CheckError(f"GET {url} failed: {error}") from None
    if response.status_code != 200:
        raise CheckError(f"GET {url} answered {response.status_code}, expected 200")
    try:
        total = response.json()["items_total"]
    except (ValueError, KeyError):
        raise CheckError(f"GET {url} answered no JSON with items_total") from None
    if total != EXPECTED_NEWS:
        raise CheckError(
            f"GET {url} (anonymous) found {total} news items, expected {EXPECTED_NEWS}"
        )
    say(f"ok: GET {url} (anonymous) -> items_total {total}")


def main():
    started = time.monotonic()
    port = free_port()
    say(f"repository {ROOT}, port {port}")
    build(port)
    say("ok: buildout built bin/instance")
    check_pins()
    from kemenkumham.ham.cli.instance import ensure_key_file

    if ensure_key_file(VAR / "complaint.key"):
        say(f"complaint key created: {VAR / 'complaint.key'} (mode 600; back it up)")
    create_site()
    say(f"ok: site {SITE_ID} with kemenkumham.ham and demo news in var/buildout/")
    INSTANCE_LOG.parent.mkdir(parents=True, exist_ok=True)
    with INSTANCE_LOG.open("w") as log:
        process = start(log)
        try:
            check_site(process, port)
        finally:
            stop(process)
    say(f"ok: instance stopped; all checks passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    except CheckError as error:
        print(f"[buildout-check] FAILED: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("[buildout-check] FAILED: interrupted", file=sys.stderr)
        sys.exit(1)
