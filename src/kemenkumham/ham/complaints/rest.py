"""REST: POST @complaint-intake and GET @complaint-status (anonymous; see docs/openapi.yaml).

The intake takes the public form's fields as JSON, files as {"filename", "data" (base64),
"content-type"} under "evidence" (a list), "identity_document" and "power_of_attorney". It
is the same validation, honeypot and rate limit as the form. An anonymous JSON POST has no
CSRF token: plone.protect is switched off for it, the rate limit and the honeypot protect it.
"""

from kemenkumham.ham import _
from kemenkumham.ham.complaints import intake
from kemenkumham.ham.complaints import status
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

import base64
import binascii


INVALID_BODY = _(
    "error_complaint_json",
    default="The request body must be a JSON object with the complaint's fields.",
)
INVALID_FILE = _(
    "error_complaint_file_json",
    default='A file must be an object {"filename", "data" (base64), "content-type"}.',
)
BAD_REQUEST = _(
    "error_complaint_bad_request",
    default="The complaint was not accepted: see the errors of each field.",
)
NOT_FOUND = _(
    "info_complaint_status_unknown",
    default="No complaint with this number was found. Check the number and try again.",
)


def _decode_files(body, errors):
    files = {}
    for kind in intake.FILE_KINDS:
        raw = body.get(kind)
        if raw in (None, "", []):
            continue
        items = raw if isinstance(raw, list) else [raw]
        for item in items:
            try:
                if not isinstance(item, dict) or not isinstance(item.get("data"), str):
                    raise ValueError
                data = base64.b64decode(item["data"], validate=True)
            except (ValueError, binascii.Error):
                errors.append((kind, INVALID_FILE))
                continue
            files.setdefault(kind, []).append(
                (str(item.get("filename") or ""), data, item.get("content-type"))
            )
    return files


class ComplaintServiceBase(Service):
    def message(self, message):
        return translate(message, context=self.request)

    def error(self, status_code, error_type, message, **extra):
        self.request.response.setStatus(status_code)
        text_id, text_en = intake.bilingual(message)
        return {
            "error": {
                "type": error_type,
                "message": self.message(message),
                "message_en": text_en,
            },
            **extra,
        }

    def limited(self, retry_after):
        self.request.response.setHeader("Retry-After", str(retry_after))
        return self.error(429, "TooManyRequests", intake.rate_limited_message(retry_after))


class ComplaintIntakePost(ComplaintServiceBase):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        self.request.response.setHeader("Cache-Control", "no-store")
        try:
            intake.check_submission_rate(self.request)
        except intake.RateLimited as limited:
            return self.limited(limited.retry_after)
        try:
            body = json_body(self.request)
        except Exception:
            body = None
        if not isinstance(body, dict):
            return self.bad_request([("", INVALID_BODY)])
        if intake.honeypot_filled(body):
            intake.count_submission(self.request)
            return self.error(400, "BadRequest", intake.MESSAGE_HONEYPOT, errors=[])
        errors = []
        files = _decode_files(body, errors)
        form = {key: value for key, value in body.items() if key not in intake.FILE_KINDS}
        try:
            submission = intake.validate(form, files, public=True)
        except intake.Refused as refused:
            errors += refused.errors
        if errors:
            return self.bad_request(errors)
        try:
            complaint = intake.store_submission(submission)
        except intake.Unavailable:
            return self.error(503, "ServiceUnavailable", intake.MESSAGE_UNAVAILABLE)
        intake.count_submission(self.request)
        self.request.response.setStatus(201)
        return {
            "registration_number": complaint.registration_number,
            "status_url": intake.status_url(),
        }

    def bad_request(self, errors):
        listed = [
            {
                "field": error["field"],
                "message": error["message"],
                "message_en": error["message_en"],
            }
            for error in intake.error_list(errors, self.request)
        ]
        return self.error(400, "BadRequest", BAD_REQUEST, errors=listed)


class ComplaintStatusGet(ComplaintServiceBase):
    def reply(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        try:
            intake.check_status_rate(self.request)
        except intake.RateLimited as limited:
            return self.limited(limited.retry_after)
        number = self.request.form.get("number")
        complaint = status.find_complaint(number if isinstance(number, str) else "")
        if complaint is None:
            return self.error(404, "NotFound", NOT_FOUND)
        found = status.public_status(complaint)
        return {
            "registration_number": found["registration_number"],
            "state": found["state"],
            "state_title": self.message(found["state_title"]),
            "received": found["received"].isoformat(),
            "last_change": found["last_change"].isoformat(),
            "deadline": found["deadline"].isoformat() if found["deadline"] else None,
        }
