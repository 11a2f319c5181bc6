"""`ham-admin erase-identities`: erase the identity of complaints past the retention period.

Like `ham-admin remind`, the work is done in this process when it can open the database,
otherwise by the running instance (POST @complaint-retention over the loopback, as the Zope
administrator). The output names cases, never people.
"""

from kemenkumham.ham.cli.remind import check_date
from kemenkumham.ham.cli.remind import here_or_through_instance


SERVICE = "@complaint-retention"


def erase_identities(instance, args, with_site, say):
    on = check_date(args)
    data = here_or_through_instance(
        instance,
        args,
        with_site,
        say,
        lambda site: erase_here(on, args.dry_run),
        SERVICE,
        {"dry_run": args.dry_run, "date": args.date},
    )
    print_result(data, say)


def erase_here(on, dry_run):
    from kemenkumham.ham.cli.zopeapp import ADMIN_USER
    from kemenkumham.ham.complaints.retention import erase_expired

    return erase_expired(dry_run=dry_run, on=on, user_id=ADMIN_USER)


def print_result(data, say):
    verb = "akan dihapus / would erase" if data["dry_run"] else "dihapus / erased"
    for item in data["erased"]:
        say(
            f"{verb}: {item['case']} | {item['state']} | {item['closed']} | "
            f"{item['files_removed']} berkas / files"
        )
    summary = (
        f"{len(data['erased'])} identitas / identities "
        f"({'akan dihapus / to erase' if data['dry_run'] else 'dihapus / erased'}), "
        f"{data['already_erased']} sudah dihapus sebelumnya / erased before; "
        f"retensi / retention {data['retention_years']} tahun / years: "
        f"ditutup sebelum / closed before {data['cutoff']}"
    )
    if data["dry_run"]:
        summary += " (uji coba: tidak ada yang dihapus / dry run: nothing erased)"
    say(summary)
