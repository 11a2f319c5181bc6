"""The add-on speaks Indonesian first, English too."""

from kemenkumham.ham import _
from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    "message,indonesian,english",
    [
        (
            _("label_partner_kind", default="Kind of organisation"),
            "Jenis organisasi",
            "Kind of organisation",
        ),
        (_("Needs revision"), "Perlu Perbaikan", "Needs revision"),
        (_("Programme"), "Program", "Programme"),
        (
            _(
                "error_duplicate_indicator_code",
                default="x",
                mapping={"code": "KKP-06.03", "title": "A"},
            ),
            "Kode indikator: KKP-06.03 sudah dipakai oleh 'A' dalam program ini.",
            "Indicator code: KKP-06.03 is already used by 'A' in this programme.",
        ),
    ],
)
def test_message_in_both_languages(portal, message, indonesian, english):
    assert translate(message, target_language="id") == indonesian
    assert translate(message, target_language="en") == english
