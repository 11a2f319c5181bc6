"""Retention: the identity of cases closed or withdrawn long ago is erased; the case stays.

``ham-admin erase-identities`` (and ``POST @complaint-retention`` on the site, which the command
uses while an instance serves a FileStorage) anonymises every complaint in ``closed`` or
``withdrawn`` whose last transition is older than the registry setting
``kemenkumham.ham.complaint_retention_years`` (identity.erase_identity: the identity, every
file, the chronology, notes and comments). The anonymised case stays for the statistics.
Cases already erased are skipped, so a second run erases nothing.
What it reports names the case, never the person.
"""

from kemenkumham.ham.clock import today
from kemenkumham.ham.complaints.attachments import ERASED_KINDS
from kemenkumham.ham.complaints.attachments import list_attachments
from kemenkumham.ham.complaints.deadlines import entry_date
from kemenkumham.ham.complaints.deadlines import history
from kemenkumham.ham.complaints.identity import erase_identity
from kemenkumham.ham.complaints.identity import identity_erased_on
from plone import api


FINAL_STATES = ("closed", "withdrawn")
DEFAULT_YEARS = 5


def retention_years():
    value = api.portal.get_registry_record(
        "kemenkumham.ham.complaint_retention_years", default=DEFAULT_YEARS
    )
    return int(value or DEFAULT_YEARS)


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def closed_on(complaint):
    """The day of the complaint's last transition (Asia/Jakarta), or None."""
    entries = history(complaint)
    return entry_date(entries[-1]) if entries else None


def _final_complaints():
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Complaint", review_state=FINAL_STATES, sort_on="path"
    ):
        yield brain._unrestrictedGetObject()


def erase_expired(dry_run=False, on=None, user_id=None):
    """Erase (or, dry_run, list) the identities past retention; returns result data."""
    on = on or today()
    years = retention_years()
    cutoff = years_before(on, years)
    erased = []
    skipped = 0
    for complaint in _final_complaints():
        state = api.content.get_state(complaint)
        if state not in FINAL_STATES:  # catalog out of date
            continue
        day = closed_on(complaint)
        if day is None or day >= cutoff:
            continue
        if identity_erased_on(complaint):
            skipped += 1
            continue
        if dry_run:
            files = len(list_attachments(complaint, kinds=ERASED_KINDS))
        else:
            files = erase_identity(
                complaint, user_id=user_id, detail=f"retensi {years} tahun / years retention"
            )
        erased.append(
            {
                "case": complaint.getId(),
                "uid": api.content.get_uuid(complaint),
                "state": state,
                "closed": day.isoformat(),
                "files_removed": files,
            }
        )
    return {
        "dry_run": bool(dry_run),
        "date": on.isoformat(),
        "retention_years": years,
        "cutoff": cutoff.isoformat(),
        "erased": erased,
        "already_erased": skipped,
    }
