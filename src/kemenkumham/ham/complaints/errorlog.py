"""A failing complaint request leaves nothing of the complainant in the site's error log.

Zope's error log (Products.SiteErrorLog) keeps, with each failure, the request as HTML: every
form field and the JSON body. A public form sent with an expired token, or any error while a
complaint is stored, would put the complainant's name, NIK, address and chronology there,
readable by administrators. Before the error log is written (IPubBeforeAbort comes before
IPubFailure), the form values and the body of such a request are replaced by a marker; the URL
and the traceback stay for whoever debugs the failure.
"""

from kemenkumham.ham.content.complaint import IComplaint


REMOVED = "<removed: complaint data>"
# The complaint pages and services: @@complaint-form, @@complaint-staff-intake,
# @complaint-intake, @@complaint-add-action, @@complaint-letter, @complaint-identity ...
MARKER = "complaint"


def is_complaint_request(request):
    path = request.get("PATH_INFO") or ""
    if MARKER in path.lower():
        return True
    return any(IComplaint.providedBy(item) for item in request.get("PARENTS") or ())


def scrub(request):
    for key in list(request.form):
        request.form[key] = REMOVED
    for key in ("BODY", "BODYFILE"):
        if key in request.other:
            request.other[key] = REMOVED
    # request.get("BODY") would read the body again from the request's file.
    request._file = None


def scrub_failed_complaint_request(event):
    """IPubBeforeAbort: forget the form of a failed complaint request (retries re-read it)."""
    if event.retry:  # not logged; the retry reads the request again
        return
    request = event.request
    try:
        if is_complaint_request(request):
            scrub(request)
    except Exception:  # noqa: BLE001 (never hide the original failure)
        request.form.clear()
