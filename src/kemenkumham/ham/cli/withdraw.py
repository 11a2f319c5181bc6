"""`ham-admin withdraw-incomplete`: incomplete complaints past their 10 working days count as
withdrawn (kemenkumham.ham.complaints.withdraw), for a daily cron job.

Like `ham-admin remind`, it works in this process when it can open the database, otherwise it
asks the running instance (POST @complaint-withdraw-incomplete over the loopback, as the Zope
administrator). Either way the output is the same: case ids and dates, never a name.
"""

from kemenkumham.ham.cli.remind import here_or_through_instance


SERVICE = "@complaint-withdraw-incomplete"


def withdraw(instance, args, with_site, say):
    data = here_or_through_instance(
        instance,
        args,
        with_site,
        say,
        lambda site: withdraw_here(args),
        SERVICE,
        {"dry_run": args.dry_run},
    )
    print_result(data, say)


def withdraw_here(args):
    from kemenkumham.ham.complaints.withdraw import withdraw_incomplete

    return withdraw_incomplete(dry_run=args.dry_run)


def print_result(data, say):
    verb = "akan dicabut / would withdraw" if data["dry_run"] else "dicabut / withdrawn"
    for item in data["withdrawn"]:
        say(
            f"{verb}: {item['case']} | ditandai tidak lengkap / marked incomplete "
            f"{item['marked_incomplete']} | batas waktu / due {item['due']}"
        )
    summary = (
        f"{len(data['withdrawn'])} pengaduan dianggap dicabut / complaints counted as withdrawn "
        f"({data['date']})"
    )
    if data["dry_run"]:
        summary += " (uji coba: tidak ada yang diubah / dry run: nothing changed)"
    say(summary)
