"""IndicatorReport over plone.restapi: rows in GET, POST and PATCH.

- GET adds `indicators` (the period's frozen rules), `rows` (per indicator code: value, note,
  evidence, status, remark, score where the user may read scores), `history` and
  `writable_row_fields`.
- POST to a period with {"@type": "IndicatorReport"} opens the caller's report: a partner
  member's organisation is known from its group; editors name the partner with `partner_uid`.
  `rows` may be filled in the same request.
- PATCH {"rows": {code: {...}}} changes rows: partners values, notes and evidence (a file is
  {"data", "encoding": "base64", "filename", "content-type"}; a kept file is {"id"}), verifiers
  status and remark, assessors score: each only while the workflow lets them.
"""

from kemenkumham.ham import _
from kemenkumham.ham.content.indicator_report import IIndicatorReport
from kemenkumham.ham.content.validation import FieldError
from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
from kemenkumham.ham.reporting.presentation import report_data
from kemenkumham.ham.reporting.reports import check_can_open
from kemenkumham.ham.reporting.reports import partner_for_new_report
from kemenkumham.ham.reporting.reports import report_title
from kemenkumham.ham.reporting.rows import current_actor
from kemenkumham.ham.reporting.rows import ensure_rows
from kemenkumham.ham.reporting.rows import NotAllowed
from kemenkumham.ham.reporting.rows import PARTNER_FIELDS
from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.reporting.scores import compute_result
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from plone.restapi.services import Service
from plone.restapi.services.locking import is_locked
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer

import base64
import binascii
import transaction


# Keys of a PATCH that are not schema fields, or that only the rows carry.
ROWS_KEY = "rows"
IGNORED_KEYS = {"@type", "@id"}


@implementer(ISerializeToJson)
@adapter(IIndicatorReport, IKemenkumhamHamLayer)
class ReportSerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version, include_items=include_items, include_expansion=include_expansion
        )
        result.update(report_data(self.context))
        return result


class Refused(DeserializationError):
    """Bad input (HTTP 400): the message as the user reads it, not its repr."""

    def __str__(self):
        return self.msg


class RowsRefused(Refused):
    """A row change the user may not make in the report's state (HTTP 403)."""


def decoded_rows(rows):
    """Base64 file data of REST uploads as bytes; everything else unchanged."""
    if not isinstance(rows, dict):
        return rows
    decoded = {}
    for code, entry in rows.items():
        if isinstance(entry, dict) and isinstance(entry.get("evidence"), list):
            files = []
            for item in entry["evidence"]:
                if isinstance(item, dict) and "data" in item:
                    item = {**item, "data": _decode(code, item)}
                files.append(item)
            entry = {**entry, "evidence": files}
        decoded[code] = entry
    return decoded


def _decode(code, item):
    data = item["data"]
    if item.get("encoding", "base64") != "base64" or not isinstance(data, str):
        raise FieldError(_evidence_encoding_message(code))
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise FieldError(_evidence_encoding_message(code)) from None


def _evidence_encoding_message(code):
    return _(
        "error_evidence_encoding",
        default="Indicator ${code}: send file data base64-encoded.",
        mapping={"code": code},
    )


@implementer(IDeserializeFromJson)
@adapter(IIndicatorReport, IKemenkumhamHamLayer)
class ReportDeserializer(DeserializeFromJson):
    def __call__(self, validate_all=False, data=None, create=False, mask_validation_errors=True):
        if data is None:
            data = json_body(self.request)
        data = dict(data)
        rows = data.pop(ROWS_KEY, None)
        try:
            if create:
                self._open(data)
            if create or set(data) - IGNORED_KEYS:
                super().__call__(
                    validate_all=validate_all,
                    data=data,
                    create=create,
                    mask_validation_errors=mask_validation_errors,
                )
            if rows is not None:
                changed = update_rows(
                    self.context,
                    decoded_rows(rows),
                    actor=current_actor(),
                    fields=PARTNER_FIELDS if create else None,
                )
                if any("score" in values for values in changed.values()):
                    self._recompute_if_assessed()
        except NotAllowed as error:
            transaction.doom()  # plone.restapi answers 4xx without raising: store nothing
            raise RowsRefused(translate(error.doc(), context=self.request)) from None
        except FieldError as error:
            transaction.doom()
            raise Refused(translate(error.doc(), context=self.request)) from None
        except Exception:
            transaction.doom()
            raise
        return self.context

    def _open(self, data):
        """A new report: its partner, the checks of opening one, its title and rows."""
        period = self.context.aq_parent
        partner = partner_for_new_report(period, data.pop("partner_uid", None))
        check_can_open(period, partner)
        self.context.partner_uid = api.content.get_uuid(partner)
        if not data.get("title"):
            self.context.title = report_title(period, partner)
        ensure_rows(self.context)

    def _recompute_if_assessed(self):
        if api.content.get_state(self.context, default=None) == "assessed":
            compute_result(self.context)


class ReportPatch(Service):
    """PATCH of a report: anyone who may view it may try; the rows say who may change what.

    Schema fields still need Modify portal content (checked here, as the generic PATCH
    service does through its permission); row fields need the permission of their role.
    Otherwise as plone.restapi's own PATCH: 204, or the report with Prefer: return=representation.
    """

    def reply(self):
        if is_locked(self.context, self.request):
            return self._error(403, "Forbidden", "Resource is locked.")
        data = json_body(self.request)
        fields = set(data) - IGNORED_KEYS - {ROWS_KEY}
        if fields and not api.user.has_permission("Modify portal content", obj=self.context):
            message = _(
                "error_report_not_editable",
                default="You may not change this report's fields in its current state.",
            )
            return self._error(403, "Forbidden", translate(message, context=self.request))
        deserializer = queryMultiAdapter((self.context, self.request), IDeserializeFromJson)
        try:
            deserializer(data=data)
        except RowsRefused as error:
            return self._error(403, "Forbidden", str(error))
        except DeserializationError as error:
            return self._error(400, "DeserializationError", str(error))
        if self.request.getHeader("Prefer") == "return=representation":
            self.request.response.setStatus(200)
            return queryMultiAdapter((self.context, self.request), ISerializeToJson)()
        return self.reply_no_content()

    def _error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": message}}
