"""Sample complaints of the demo site: invented people, encrypted, in several stages."""

from kemenkumham.ham.complaints import crypto
from kemenkumham.ham.complaints.identity import ATTRIBUTE
from kemenkumham.ham.complaints.identity import read_identity
from kemenkumham.ham.demo import create_demo
from kemenkumham.ham.demo.complaints import demo_complaint
from kemenkumham.ham.demo.complaints import DEMO_COMPLAINTS
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


def test_demo_complaints_in_their_stages_with_encrypted_identity(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    messages = []
    create_demo(portal, say=messages.append)
    section = portal["pengaduan"]
    states = {}
    for spec in DEMO_COMPLAINTS:
        complaint = demo_complaint(section, spec["id"])
        states[spec["id"]] = api.content.get_state(complaint)
        assert "(Contoh)" in complaint.party_complained_about
        assert complaint.chronology.startswith("Contoh")
        assert complaint.received_date is not None and complaint.consent_given is not None
        assert complaint.Title() == f"Pengaduan {complaint.registration_number}"
        token = getattr(complaint, ATTRIBUTE)
        assert spec["identity"]["complainant_name"].encode() not in bytes(token)
        identity = read_identity(complaint, detail="test")
        assert identity["complainant_name"] == spec["identity"]["complainant_name"]
        assert identity["id_number"] == spec["identity"]["id_number"]
    assert set(states.values()) == {
        "received",
        "administrative_check",
        "incomplete",
        "in_handling",
        "closed",
    }
    assert demo_complaint(section, "contoh-sengketa-lahan-lebak").right_concerned == "kesejahteraan"
    assert read_identity(demo_complaint(section, "contoh-sengketa-lahan-lebak"))["id_number"] == (
        "3604000000000001"
    )
    # Built again: nothing is added twice.
    again = create_demo(portal, say=messages.append)
    assert again.added == 0
    assert len([o for o in section.objectValues() if o.portal_type == "Complaint"]) == len(
        DEMO_COMPLAINTS
    )


def test_without_a_key_the_demo_is_built_without_complaints(portal, monkeypatch):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    monkeypatch.delenv(crypto.KEY_FILE_ENV, raising=False)
    assert not crypto.key_configured()
    messages = []
    result = create_demo(portal, say=messages.append)
    assert result.added > 0
    assert "kkp-ham-nasional-2020" in portal["statistik"]
    assert not [o for o in portal["pengaduan"].objectValues() if o.portal_type == "Complaint"]
    warnings = [m for m in messages if "complaint key" in m]
    assert len(warnings) == 1
