"""`ham-admin remind`: reminder e-mails before the submission deadlines, for a daily cron job.

The work is done by kemenkumham.ham.reporting.reminders, in this process when it can open the
database, otherwise by the running instance: a FileStorage is opened by one process only, so
while `ham-admin serve` holds it the command posts to the instance's @ham-reminders over the
loopback interface, as the Zope administrator. Either way the output is the same.
"""

from kemenkumham.ham.cli.instance import AdminError
from kemenkumham.ham.cli.zopeapp import DatabaseInUse
from urllib.parse import urlsplit

import base64
import json
import os
import urllib.error
import urllib.request


def remind(instance, args, with_site, say):
    check_date(args)
    url = public_url(args, say)
    data = here_or_through_instance(
        instance,
        args,
        with_site,
        say,
        lambda site: remind_here(site, args, url),
        "@ham-reminders",
        {"dry_run": args.dry_run, "date": args.date},
        url=url,
    )
    print_result(data, say)


def here_or_through_instance(instance, args, with_site, say, work, service, body, url=None):
    """`work(site)` in this process; while a serving instance holds the FileStorage, POST
    `body` to its `service` instead (at `url`, the public address for links, if given). The
    answer is the same data either way."""
    try:
        return with_site(instance, args, work)
    except DatabaseInUse:
        say(f"Instance berjalan / instance running: lewat / through port {args.port}")
        url = url or f"http://localhost:{args.port}/{args.site}"
        return post_to_instance(instance, args, url, service, body)


def check_date(args):
    from datetime import date

    if not args.date:
        return None
    if not args.dry_run:
        raise AdminError("--date hanya dengan / only with --dry-run")
    try:
        return date.fromisoformat(args.date)
    except ValueError:
        raise AdminError(f"--date {args.date}: tulis / write YYYY-MM-DD") from None


def public_url(args, say):
    url = args.url or os.environ.get("HAM_PUBLIC_URL")
    if url:
        parts = urlsplit(url.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise AdminError(f"--url {url}: tulis / write https://host[/path]")
        return url.rstrip("/")
    url = f"http://localhost:{args.port}/{args.site}"
    say(f"Peringatan / warning: tautan ke / links to {url} (atur / set --url, HAM_PUBLIC_URL)")
    return url


def remind_here(site, args, url):
    from kemenkumham.ham.cli.zopeapp import use_public_url
    from kemenkumham.ham.reporting.reminders import MailNotConfigured
    from kemenkumham.ham.reporting.reminders import result_data
    from kemenkumham.ham.reporting.reminders import send_reminders

    use_public_url(site, url)
    try:
        return result_data(send_reminders(dry_run=args.dry_run, on=check_date(args)))
    except MailNotConfigured as error:
        raise AdminError(str(error)) from None


def instance_endpoint(port, site_id, url, service="@ham-reminders"):
    """A service of the instance's site, behind a virtual host giving the public URL for links."""
    parts = urlsplit(url)
    public_port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    inside = "".join(f"/_vh_{part}" for part in parts.path.split("/") if part)
    return (
        f"http://127.0.0.1:{port}/VirtualHostBase/{parts.scheme}/{parts.hostname}:{public_port}"
        f"/{site_id}/VirtualHostRoot{inside}/{service}"
    )


def post_to_instance(instance, args, url, service, body):
    """POST `body` to `service` on the running instance's site (port args.port), as the Zope
    administrator; the JSON answer, or AdminError with the instance's message."""
    try:
        user, password = instance.admin_password_file.read_text().strip().split(":", 1)
    except (OSError, ValueError):
        raise AdminError(
            f"Tidak ada / no {instance.admin_password_file}: jalankan / run `ham-admin "
            "create-site` di folder ini / in this folder"
        ) from None
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 (our own instance on the loopback)
        instance_endpoint(args.port, args.site, url, service),
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310
            return json.load(response)
    except urllib.error.HTTPError as error:
        try:
            message = json.load(error)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = error.reason
        raise AdminError(f"Instance port {args.port}: {error.code} {message}") from None
    except (urllib.error.URLError, OSError) as error:
        raise AdminError(
            f"Basis data dipakai, tetapi tidak ada instance di port / database in use, but no "
            f"instance answers on port {args.port} ({error}): beri / give --port"
        ) from None


def print_result(data, say):
    """One line per reminder, partners without an address, a summary; never an address."""
    verb = "akan dikirim / would send" if data["dry_run"] else "terkirim / sent"
    for item in data["sent"]:
        say(
            f"{verb}: {item['programme']} {item['period']} | {item['partner']} | "
            f"{item['state']} | {item['days_left']} hari lagi / days left | "
            f"{item['recipients']} penerima / recipients"
        )
    for item in data["without_address"]:
        say(
            f"tanpa alamat e-mail / no e-mail address: {item['programme']} {item['period']} | "
            f"{item['partner']} | {item['state']}"
        )
    summary = (
        f"{len(data['sent'])} pengingat / reminders, "
        f"{len(data['without_address'])} mitra tanpa alamat e-mail / partners without address"
    )
    if data["dry_run"]:
        summary += " (uji coba: tidak dikirim, tidak dicatat / dry run: nothing sent or recorded)"
    say(summary)
