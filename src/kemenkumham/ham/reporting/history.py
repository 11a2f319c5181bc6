"""What a report looked like at each step: every transition keeps a copy of its rows.

Plone's review history keeps actor, time and comment of each transition; this keeps the rows
beside it, so a resubmission does not erase what was submitted before, nor the remarks that sent
it back. Evidence files are kept by reference: a file the partner replaces stays downloadable
from the history.
"""

from kemenkumham.ham.clock import now
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping


SNAPSHOT_FIELDS = ("value", "note", "status", "remark", "score")


def history_of(report):
    history = getattr(report, "history", None)
    if history is None:
        history = report.history = PersistentList()
    return history


def steps_of(report):
    """The recorded steps, without creating the list: reading a report never writes to it."""
    return getattr(report, "history", None) or ()


def record_step(report, action, state, actor, comment=""):
    rows = getattr(report, "rows", None) or {}
    snapshot = PersistentMapping()
    for code, row in rows.items():
        kept = PersistentMapping({name: row.get(name) for name in SNAPSHOT_FIELDS})
        kept["evidence"] = PersistentList(row.get("evidence") or ())
        snapshot[code] = kept
    history_of(report).append(
        PersistentMapping(
            action=action,
            state=state,
            actor=actor or "",
            time=now().isoformat(timespec="seconds"),
            comment=comment or "",
            total_score=getattr(report, "total_score", None),
            predicate=getattr(report, "predicate", None),
            rows=snapshot,
        )
    )


def last_step(report, action):
    for step in reversed(steps_of(report)):
        if step["action"] == action:
            return step
    return None


def find_evidence(report, evidence_id):
    """An evidence entry of the current rows or of an earlier step, by id."""
    for row in (getattr(report, "rows", None) or {}).values():
        for entry in row.get("evidence") or ():
            if entry["id"] == evidence_id:
                return entry
    for step in reversed(steps_of(report)):
        for row in step["rows"].values():
            for entry in row.get("evidence") or ():
                if entry["id"] == evidence_id:
                    return entry
    return None


def history_info(report, evidence_url=None):
    """The history as plain data (REST, the report page)."""
    from kemenkumham.ham.reporting.evidence import evidence_info

    steps = []
    for step in steps_of(report):
        steps.append(
            {
                "action": step["action"],
                "state": step["state"],
                "actor": step["actor"],
                "time": step["time"],
                "comment": step["comment"],
                "total_score": step.get("total_score"),
                "predicate": step.get("predicate"),
                "rows": {
                    code: {
                        **{name: row.get(name) for name in SNAPSHOT_FIELDS},
                        "evidence": [
                            evidence_info(entry, evidence_url) for entry in row.get("evidence")
                        ],
                    }
                    for code, row in step["rows"].items()
                },
            }
        )
    return steps
