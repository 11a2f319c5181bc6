"""@@complaint-file serves a complaint's file as the bytes that were uploaded, with a type taken
from its name (never the type the uploader claimed) and headers that keep it from running as
part of the site."""

from kemenkumham.ham.complaints.attachments import add_attachment
from kemenkumham.ham.complaints.attachments import DOCUMENT
from kemenkumham.ham.complaints.attachments import EVIDENCE
from kemenkumham.ham.complaints.attachments import served_content_type
from tests.complaints.identity_fixtures import add_officer
from tests.complaints.identity_fixtures import make_complaint
from tests.complaints.identity_fixtures import PASSWORD

import pytest
import requests
import transaction


PDF_WITH_MARKUP = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"


@pytest.fixture
def case(functional):
    portal = functional["portal"]
    complaint, _ids = make_complaint(portal, files=False)
    officer = add_officer()
    transaction.commit()
    return complaint, officer


def download(complaint, attachment_id, officer):
    return requests.get(
        f"{complaint.absolute_url()}/@@complaint-file/{attachment_id}",
        auth=(officer, PASSWORD),
        timeout=60,
    )


@pytest.mark.parametrize(
    ("kind", "filename", "claimed", "served"),
    [
        (EVIDENCE, "bukti.pdf", "text/html", "application/pdf"),
        (EVIDENCE, "bukti.pdf", "image/svg+xml", "application/pdf"),
        (DOCUMENT, "notulen.html", "text/html", "application/octet-stream"),
        (DOCUMENT, "surat.svg", "image/svg+xml", "application/octet-stream"),
    ],
)
def test_a_file_is_served_with_the_type_of_its_name(case, kind, filename, claimed, served):
    complaint, officer = case
    attachment_id = add_attachment(
        complaint, kind, filename, PDF_WITH_MARKUP, content_type=claimed, user_id="system"
    )
    transaction.commit()
    response = download(complaint, attachment_id, officer)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == served
    assert response.content == PDF_WITH_MARKUP  # not rewritten as a page of the site
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_served_content_type():
    assert served_content_type("KTP.JPG") == "image/jpeg"
    assert served_content_type("pemberitahuan.txt") == "text/plain; charset=utf-8"
    assert served_content_type("tanpa-akhiran") == "application/octet-stream"
    assert served_content_type("x.pdf.exe") == "application/octet-stream"
