"""Public aggregate statistics of complaints: counts only, never a case.

Cases by right concerned (the ten basic rights of UU 39/1999), by kind of party complained
about, by stage (the workflow states grouped in public wording) and by month and year received.
Computed with an unrestricted catalog query, since nobody but officers may see a complaint, and
read only from the catalog indexes of complaints/indexers: no number, no place, no party name,
no link to a case, nothing of the identity (which the catalog never holds anyway).
"""

from dataclasses import dataclass
from kemenkumham.ham import _
from kemenkumham.ham.clock import today
from kemenkumham.ham.vocabularies import BasicRights
from kemenkumham.ham.vocabularies import PartyKinds
from plone import api


# The workflow states of ham_complaint_workflow in the words the public reads.
STAGES = (
    ("diterima", _("stage_diterima", default="Received"), ("received",)),
    (
        "dalam_pemeriksaan",
        _("stage_dalam_pemeriksaan", default="Being examined"),
        ("administrative_check", "incomplete", "substance_check"),
    ),
    ("ditangani", _("stage_ditangani", default="Being handled"), ("in_handling",)),
    (
        "selesai",
        _("stage_selesai", default="Completed"),
        ("recommendation", "no_violation", "not_competent", "closed"),
    ),
    ("dicabut", _("stage_dicabut", default="Withdrawn"), ("withdrawn",)),
)
STAGE_OF_STATE = {state: stage for stage, _title, states in STAGES for state in states}

MONTHS = 12


@dataclass(frozen=True)
class Count:
    key: str
    title: object  # a message to translate, or plain text (a month, a year)
    count: int


@dataclass(frozen=True)
class ComplaintStatistics:
    total: int
    by_right: list
    by_party_kind: list
    by_stage: list
    by_month: list  # the last twelve months, oldest first, months without cases too
    by_year: list  # every year with cases, oldest first


def _values(catalog, index_name, rids):
    index = catalog._catalog.getIndex(index_name)
    return [index.getEntryForObject(rid, None) for rid in rids]


def _counted(terms, values):
    return [Count(key, title, values.count(key)) for key, title in terms]


def last_months(until, number=MONTHS):
    """["2024-04", ..., "2025-03"]: the number months up to the month of until."""
    year, month = until.year, until.month
    months = []
    for _index in range(number):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def complaint_statistics(on=None):
    """The counts; on is the day the last twelve months end (today)."""
    catalog = api.portal.get_tool("portal_catalog")
    rids = [brain.getRID() for brain in catalog.unrestrictedSearchResults(portal_type="Complaint")]
    rights = _values(catalog, "complaint_right", rids)
    party_kinds = _values(catalog, "complaint_party_kind", rids)
    stages = [STAGE_OF_STATE.get(state) for state in _values(catalog, "review_state", rids)]
    months = _values(catalog, "complaint_received_month", rids)
    years = sorted({month[:4] for month in months if month})
    return ComplaintStatistics(
        total=len(rids),
        by_right=_counted(BasicRights.terms, rights),
        by_party_kind=_counted(PartyKinds.terms, party_kinds),
        by_stage=[Count(stage, title, stages.count(stage)) for stage, title, _s in STAGES],
        by_month=[Count(month, month, months.count(month)) for month in last_months(on or today())],
        by_year=[
            Count(year, year, sum(1 for month in months if month and month[:4] == year))
            for year in years
        ],
    )
