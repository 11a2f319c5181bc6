"""Complaints and officers for the case-handling tests (without the public intake)."""

from plone import api

import uuid


PASSWORD = "secret-12345"  # noqa: S105 (a test user)


def add_officer(username="petugas", email="petugas@example.org", password=PASSWORD):
    api.user.create(email=email, username=username, password=password)
    api.group.add_user(groupname="petugas-pengaduan", username=username)
    return username


def new_complaint(portal, officer, channel="langsung", received=None, **fields):
    values = {
        "party_kind": "lembaga_pemerintah",
        "party_complained_about": "Contoh instansi",
        "right_concerned": "keadilan",
        "incident_place": "Serang",
        "chronology": "Contoh kronologi.",
        **fields,
    }
    with api.env.adopt_user(username=officer):
        return api.content.create(
            container=portal["pengaduan"],
            type="Complaint",
            id=f"pengaduan-{uuid.uuid4().hex[:10]}",
            channel=channel,
            received_date=received,
            **values,
        )


def transition(complaint, officer, action, comment=""):
    with api.env.adopt_user(username=officer):
        api.content.transition(obj=complaint, transition=action, comment=comment)


def state(complaint):
    return api.content.get_state(complaint)
