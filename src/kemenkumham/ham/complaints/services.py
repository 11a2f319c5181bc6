"""REST services of the complainant's identity and its retention.

- ``GET @complaint-identity`` on a Complaint: the identity fields and the identity documents
  (id, kind, size, added, download URL), for whoever holds ``kemenkumham.ham: Read complainant
  identity``; logged like the page. Never cached.
- ``POST @complaint-retention`` on the site: ``ham-admin erase-identities`` through the running
  instance (Managers only). Body ``{"dry_run": bool, "date": "YYYY-MM-DD"}``
  (date: dry runs only); answer: retention.erase_expired.
"""

from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import identity_erased_on
from kemenkumham.ham.complaints.identity import IDENTITY_FIELDS
from kemenkumham.ham.complaints.identity import read_identity
from kemenkumham.ham.complaints.identity_views import identity_documents
from kemenkumham.ham.complaints.identity_views import no_store
from kemenkumham.ham.complaints.retention import erase_expired
from kemenkumham.ham.restapi.commands import CommandService
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


def error(request, status, kind, message):
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": message}}


class ComplaintIdentityGet(Service):
    def reply(self):
        no_store(self.request.response)
        try:
            identity = read_identity(self.context, detail="@complaint-identity")
        except (crypto.KeyMissing, crypto.CannotDecrypt):
            return error(
                self.request,
                503,
                "KeyMissing",
                "Identitas tidak dapat dibuka: kunci pengaduan tidak tersedia atau salah / "
                "The identity cannot be decrypted: the complaint key is missing or wrong.",
            )
        # The read is logged (a GET that writes), after the permission check above.
        alsoProvides(self.request, IDisableCSRFProtection)
        erased = identity_erased_on(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@complaint-identity",
            "case": self.context.getId(),
            "identity": {name: identity.get(name) or "" for name in IDENTITY_FIELDS},
            "identity_erased_on": erased.isoformat() if erased else None,
            "documents": [
                {
                    "id": item["id"],
                    "kind": item["kind"],
                    "size": item["size"],
                    "added": item["added"],
                    "download": item["url"],
                }
                for item in identity_documents(self.context)
            ],
        }


class RetentionPost(CommandService):
    """`ham-admin erase-identities` through the running instance (restapi/commands.py)."""

    def run(self, dry_run, on):
        return erase_expired(dry_run=dry_run, on=on)
