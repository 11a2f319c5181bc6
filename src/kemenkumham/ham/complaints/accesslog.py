"""Who touched a complainant's identity, when, and in which case.

Every read (an officer opening the identity, a notice e-mailed to the complainant, a download of
an identity document), every change and every erasure adds one entry. Entries name the case and
the person, never the identity itself, and cannot be changed or removed through the web: an
administrator lists them (@@complaint-access-log on the site).

The log is a BTree on the site root keyed by time, so concurrent reads by two officers touch
different buckets and do not conflict.
"""

from BTrees.OOBTree import OOBTree
from kemenkumham.ham.clock import now
from plone import api
from zope.annotation.interfaces import IAnnotations

import time
import uuid


ANNOTATION_KEY = "kemenkumham.ham.identity_access_log"

READ = "read"
STORE = "store"
ERASE = "erase"
NOTICE = "notice"
DOWNLOAD = "download"
ACTIONS = (READ, STORE, ERASE, NOTICE, DOWNLOAD)


def _log(create=False):
    annotations = IAnnotations(api.portal.get())
    log = annotations.get(ANNOTATION_KEY)
    if log is None and create:
        log = annotations[ANNOTATION_KEY] = OOBTree()
    return log


def current_user_id():
    if api.user.is_anonymous():
        return "Anonymous User"
    return api.user.get_current().getId()


def log_access(complaint, action, detail="", user_id=None):
    """Add one entry; returns it."""
    if action not in ACTIONS:
        raise ValueError(action)
    moment = now()
    entry = {
        "time": moment.isoformat(timespec="seconds"),
        "user": user_id or current_user_id(),
        "case_uid": api.content.get_uuid(complaint),
        "case": complaint.getId(),
        "action": action,
        "detail": detail,
    }
    # The office's clock first; the system clock orders entries of the same moment (a frozen
    # clock in tests, two reads within a microsecond); the uuid keeps keys apart.
    key = (moment.isoformat(timespec="microseconds"), time.time_ns(), uuid.uuid4().hex)
    _log(create=True)[key] = entry
    return entry


def entries(case_uid=None, user=None, limit=None):
    """Entries, newest first, optionally of one case or one person."""
    log = _log()
    if log is None:
        return []
    found = []
    for key in reversed(log.keys()):
        entry = log[key]
        if case_uid and entry["case_uid"] != case_uid:
            continue
        if user and entry["user"] != user:
            continue
        found.append(dict(entry))
        if limit and len(found) >= limit:
            break
    return found
