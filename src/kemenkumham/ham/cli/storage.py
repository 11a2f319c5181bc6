"""Pack, back up and restore the database: repozo for FileStorage, zodbconvert for RelStorage."""

from datetime import datetime
from kemenkumham.ham.cli.instance import AdminError
from kemenkumham.ham.cli.instance import check_database
from kemenkumham.ham.cli.instance import render
from pathlib import Path

import shutil
import subprocess
import sys
import tarfile
import tempfile


def _tool(name):
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def _run(command, say):
    say("  $ " + " ".join(command))
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise AdminError(
            f"{Path(command[0]).name} gagal / failed: {detail[-1] if detail else result.returncode}"
        )
    return result


def _ensure_not_running(instance):
    """FileStorage allows one process: refuse while a server holds the lock."""
    import zc.lockfile

    lock = instance.filestorage.with_suffix(".fs.lock")
    if not lock.exists():
        return
    try:
        zc.lockfile.LockFile(str(lock)).close()
    except zc.lockfile.LockError:
        raise AdminError(
            "Instance sedang berjalan; hentikan dulu / the instance is running: stop it first"
        ) from None


def backup(instance, say=print):
    stamp = datetime.now().strftime("%Y-%m-%d-%H-%M-%S")
    if instance.uses_relstorage:
        check_database(instance)
        target = instance.backups / f"relstorage-{stamp}"
        target.mkdir(parents=True)
        _zodbconvert(instance, source="relstorage", folder=target, say=say)
        say(f"Cadangan / backup: {target}")
        return target
    if not instance.filestorage.exists():
        raise AdminError(f"Tidak ada basis data / no database at {instance.filestorage}")
    repository = instance.backups / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    say("Mencadangkan / backing up Data.fs (repozo) ...")
    _run(
        [_tool("repozo"), "-B", "-z", "-f", str(instance.filestorage), "-r", str(repository)],
        say,
    )
    blobs = instance.backups / "blobstorage"
    blobs.mkdir(exist_ok=True)
    archive = blobs / f"blobstorage-{stamp}.tar.gz"
    say("Mencadangkan / backing up blobs ...")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(instance.blobstorage, arcname="blobstorage")
    say(f"Cadangan / backup: {repository} + {archive}")
    return repository


def restore(instance, source=None, say=print):
    if instance.uses_relstorage:
        check_database(instance)
        candidates = sorted(instance.backups.glob("relstorage-*"))
        folder = Path(source) if source else (candidates[-1] if candidates else None)
        if folder is None or not (folder / "Data.fs").exists():
            raise AdminError(f"Tidak ada cadangan / no backup in {instance.backups}")
        _zodbconvert(instance, source="filestorage", folder=folder, say=say)
        say(f"Dipulihkan dari / restored from {folder}")
        return folder
    _ensure_not_running(instance)
    repository = instance.backups / "filestorage"
    archives = sorted((instance.backups / "blobstorage").glob("blobstorage-*.tar.gz"))
    if not repository.exists() or not any(repository.iterdir()):
        raise AdminError(f"Tidak ada cadangan / no backup in {repository}")
    say("Memulihkan / restoring Data.fs (repozo) ...")
    restored = instance.filestorage.with_suffix(".fs.restored")
    _run(
        [_tool("repozo"), "-R", "-r", str(repository), "-o", str(restored)],
        say,
    )
    restored.replace(instance.filestorage)
    for index in instance.filestorage.parent.glob("Data.fs.index"):
        index.unlink()
    if archives:
        say(f"Memulihkan / restoring blobs from {archives[-1].name} ...")
        with tempfile.TemporaryDirectory(dir=instance.var) as scratch:
            with tarfile.open(archives[-1]) as tar:
                tar.extractall(scratch, filter="data")
            if instance.blobstorage.exists():
                shutil.rmtree(instance.blobstorage)
            shutil.move(str(Path(scratch) / "blobstorage"), str(instance.blobstorage))
    say(f"Dipulihkan / restored: {instance.filestorage}")
    return instance.filestorage


def _zodbconvert(instance, source, folder, say):
    config = render(
        "zodbconvert.conf.in",
        dsn=instance.dsn,
        blobcache=instance.var / "blobcache",
        path=folder / "Data.fs",
        blobs=folder / "blobs",
        relstorage_role="source" if source == "relstorage" else "destination",
        file_role="destination" if source == "relstorage" else "source",
    )
    with tempfile.NamedTemporaryFile("w", suffix=".conf", dir=instance.var) as conf:
        conf.write(config)
        conf.flush()
        command = [_tool("zodbconvert")]
        if source == "filestorage":
            command.append("--clear")
        _run(command + [conf.name], say)
