"""ham-admin: the commands behind `make start` and the operators' routine work.

Every command works on the instance in HAM_HOME (default: the current folder) and on the
storage HAM_DB chooses (unset: FileStorage under var/; postgresql://...: RelStorage).
"""

from kemenkumham.ham.cli.instance import AdminError
from kemenkumham.ham.cli.instance import check_database
from kemenkumham.ham.cli.instance import check_port_free
from kemenkumham.ham.cli.instance import DEFAULT_PORT
from kemenkumham.ham.cli.instance import Instance

import argparse
import os
import sys


def say(message):
    print(message, flush=True)


def write_private_csv(path, header, rows, append=False):
    """Passwords go into files only their owner reads (mode 600); the header once."""
    import csv

    is_new = not append or not os.path.exists(path)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    with os.fdopen(os.open(path, flags, 0o600), "a" if append else "w", newline="") as handle:
        writer = csv.writer(handle)
        if is_new:
            writer.writerow(header)
        writer.writerows(rows)


def cmd_write_config(instance, args):
    path = instance.write_config(port=args.port)
    say(f"Konfigurasi / configuration: {path} ({instance.storage_label})")


def cmd_check(instance, args):
    """Checks that change nothing: port free, database reachable."""
    if args.port:
        check_port_free(args.port)
    check_database(instance)
    say(f"OK: {instance.storage_label}" + (f", port {args.port} bebas/free" if args.port else ""))


def cmd_create_site(instance, args):
    from kemenkumham.ham.cli.site import create_site
    from kemenkumham.ham.cli.site import ensure_admin
    from kemenkumham.ham.cli.zopeapp import zope_app

    import transaction

    with zope_app(instance) as app:
        ensure_admin(app, instance, say)
        site = create_site(app, site_id=args.site, say=say)
        if site is None:
            say(f"Situs / site {args.site} sudah ada / exists: data tetap / data kept")
            return
        if args.demo:
            from kemenkumham.ham.demo import create_demo

            result = create_demo(site, say=say)
            transaction.commit()
            report_demo_users(instance, result.users)
        say(f"Situs / site {args.site} siap / ready")


def _with_site(instance, args, work):
    from kemenkumham.ham.cli.zopeapp import login_as_admin
    from kemenkumham.ham.cli.zopeapp import zope_app
    from zope.component.hooks import setSite

    import transaction

    with zope_app(instance) as app:
        if args.site not in app.objectIds():
            raise AdminError(
                f"Situs / site {args.site} belum ada / does not exist: jalankan / run "
                "`ham-admin create-site` dulu / first"
            )
        login_as_admin(app)
        site = app[args.site]
        setSite(site)
        result = work(site)
        transaction.commit()
        return result


def cmd_demo(instance, args):
    from kemenkumham.ham.demo import create_demo

    result = _with_site(instance, args, lambda site: create_demo(site, say=say))
    report_demo_users(instance, result.users)


# The cron line of `ham-admin remind` (shown in its help; see README).
REMIND_CRON = "30 6 * * * cd /srv/ham && .venv/bin/ham-admin remind --url https://ham.example.go.id"


def cmd_remind(instance, args):
    """Reminder e-mails before submission deadlines (see cli/remind.py)."""
    from kemenkumham.ham.cli.remind import remind

    remind(instance, args, _with_site, say)


def cmd_erase_identities(instance, args):
    """Retention: erase identities of cases closed long ago (see cli/retention.py)."""
    from kemenkumham.ham.cli.retention import erase_identities

    erase_identities(instance, args, _with_site, say)


# The cron line of `ham-admin withdraw-incomplete` (shown in its help; see README).
WITHDRAW_CRON = "15 1 * * * cd /srv/ham && .venv/bin/ham-admin withdraw-incomplete"


def cmd_withdraw_incomplete(instance, args):
    """Incomplete complaints past their 10 working days count as withdrawn (cli/withdraw.py)."""
    from kemenkumham.ham.cli.withdraw import withdraw

    withdraw(instance, args, _with_site, say)


def report_demo_users(instance, users):
    """After the commit: print the new demo users' passwords once and keep them (mode 600)."""
    if not users:
        return
    path = instance.var / "demo-users.csv"
    write_private_csv(path, ["username", "password", "group"], users, append=True)
    say("Pengguna demo / demo users (kata sandi / password):")
    for username, password, group in users:
        say(f"  {username:<20} {password}  ({group})")
    say(f"(tersimpan di / stored in {path}, mode 600)")


def cmd_users(instance, args):
    from kemenkumham.ham.cli.users import create_users
    from kemenkumham.ham.cli.users import read_users

    rows = read_users(args.csv)
    created = _with_site(instance, args, lambda site: create_users(site, rows, say=say))
    # Passwords are shown after the commit, once; they are stored nowhere else.
    if args.output:
        write_private_csv(args.output, ["username", "password"], created)
        say(f"{len(created)} pengguna baru / new users; kata sandi di / passwords in {args.output}")
    else:
        for username, password in created:
            say(f"{username}\t{password}")
        say(f"{len(created)} pengguna baru / new users")


def cmd_pack(instance, args):
    from kemenkumham.ham.cli.zopeapp import zope_app

    with zope_app(instance) as app:
        say(f"Memadatkan / packing ({instance.storage_label}), hari/days={args.days} ...")
        app._p_jar.db().pack(days=args.days)
        say("Selesai / done")


def cmd_backup(instance, args):
    from kemenkumham.ham.cli.storage import backup

    backup(instance, say=say)


def cmd_restore(instance, args):
    from kemenkumham.ham.cli.storage import restore

    restore(instance, source=args.source, say=say)


def cmd_serve(instance, args):
    check_port_free(args.port, args.host)
    check_database(instance)
    ini = instance.zope_ini(args.port)
    instance.write_config(port=args.port, host=args.host)
    runwsgi = os.path.join(os.path.dirname(sys.executable), "runwsgi")
    say(f"Melayani / serving http://{args.host}:{args.port}/{args.site} ({instance.storage_label})")
    sys.stdout.flush()
    # Replace this process with the server, so signals (Ctrl+C, kill) reach Zope directly.
    os.execv(runwsgi, [runwsgi, str(ini)])  # noqa: S606


def build_parser():
    parser = argparse.ArgumentParser(
        prog="ham-admin",
        description="Administrasi situs Bidang HAM / administration of the Bidang HAM site. "
        "Folder instance: HAM_HOME (bawaan/default: folder ini/current folder); "
        "penyimpanan/storage: HAM_DB (kosong/unset: FileStorage di/in var/; "
        "postgresql://pengguna@host:port/basisdata: RelStorage).",
    )
    parser.add_argument("--home", help="folder instance (HAM_HOME)")
    parser.add_argument("--site", default="Plone", help="id situs / site id (Plone)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, handler, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    port = int(os.environ.get("PORT") or DEFAULT_PORT)

    def instance_work_options(sub, dry_run_help, date=True):
        """--dry-run, --port (the running instance does the work) and, if date, --date."""
        sub.add_argument("--dry-run", action="store_true", help=dry_run_help)
        sub.add_argument(
            "--port",
            type=int,
            default=port,
            help="port instance yang berjalan (FileStorage) / port of the running instance",
        )
        if date:
            sub.add_argument(
                "--date",
                help="dengan --dry-run: seolah-olah hari ini / with --dry-run: as if today were "
                "(YYYY-MM-DD)",
            )

    sub = add(
        "write-config", cmd_write_config, "tulis / write etc/zope.conf, zope-<port>.ini, site.zcml"
    )
    sub.add_argument("--port", type=int, default=port)
    sub = add(
        "check",
        cmd_check,
        "periksa port dan basis data tanpa mengubah apa pun / "
        "check port and database, changing nothing",
    )
    sub.add_argument("--port", type=int, default=None)
    sub = add(
        "create-site", cmd_create_site, "buat situs bila belum ada / create the site if missing"
    )
    sub.add_argument(
        "--demo",
        action="store_true",
        help="tambahkan konten demo pada situs baru / add demo content to a new site",
    )
    add("demo", cmd_demo, "tambahkan konten demo yang belum ada / add missing demo content")
    sub = add(
        "users",
        cmd_users,
        "buat pengguna dari CSV / create users from CSV (username,fullname,email,groups)",
    )
    sub.add_argument("csv")
    sub.add_argument(
        "--output", help="tulis kata sandi ke berkas ini (mode 600) / write passwords to this file"
    )
    sub = add(
        "remind",
        cmd_remind,
        "kirim pengingat batas waktu laporan ke kelompok mitra / send submission-deadline "
        "reminders to the partner groups (sekali per mitra dan periode / once per partner and "
        f"period). Cron, setiap hari / daily: {REMIND_CRON}",
    )
    instance_work_options(
        sub, "hanya tampilkan, tanpa mengirim atau mencatat / list only, send and record nothing"
    )
    sub.add_argument(
        "--url",
        help="alamat publik situs untuk tautan di e-mail / public address of the site for the "
        "links in the e-mails (HAM_PUBLIC_URL)",
    )
    sub = add(
        "erase-identities",
        cmd_erase_identities,
        "hapus identitas pengadu pada kasus yang ditutup lebih lama dari masa retensi / erase "
        "the complainants' identity of cases closed longer ago than the retention period "
        "(kemenkumham.ham.complaint_retention_years); kasus tetap / the case stays",
    )
    instance_work_options(sub, "hanya tampilkan, tanpa menghapus / list only, erase nothing")
    sub = add(
        "withdraw-incomplete",
        cmd_withdraw_incomplete,
        "pengaduan tidak lengkap yang melewati 10 hari kerja dianggap dicabut / incomplete "
        "complaints past their 10 working days count as withdrawn. Cron, setiap hari / daily: "
        f"{WITHDRAW_CRON}",
    )
    instance_work_options(
        sub, "hanya tampilkan, tanpa mengubah / list only, change nothing", date=False
    )
    sub = add("pack", cmd_pack, "padatkan basis data / pack the database")
    sub.add_argument("--days", type=float, default=0)
    add("backup", cmd_backup, "cadangkan / back up (repozo atau/or zodbconvert) ke/to var/backups")
    sub = add("restore", cmd_restore, "pulihkan cadangan terakhir / restore the latest backup")
    sub.add_argument("--source", help="folder cadangan RelStorage / RelStorage backup folder")
    sub = add("serve", cmd_serve, "jalankan server / serve the site")
    sub.add_argument("--port", type=int, default=port)
    sub.add_argument("--host", default="127.0.0.1")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    instance = Instance.from_environment(args.home)
    try:
        args.handler(instance, args)
    except AdminError as error:
        print(f"ham-admin: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
