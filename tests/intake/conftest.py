"""Fixtures of the complaint intake tests."""

from kemenkumham.ham.complaints import intake
from kemenkumham.ham.complaints import mail

import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    intake.reset_rate_limits()
    yield
    intake.reset_rate_limits()


@pytest.fixture
def outbox(monkeypatch):
    """What the after-commit hooks send: the server thread cannot write the test MailHost
    (it keeps its messages in the ZODB) after its commit."""
    sent = []

    def record(to, subject, body):
        sent.append((list(to), subject, body))

    monkeypatch.setattr(intake, "send_mail", record)  # officers
    monkeypatch.setattr(mail, "deliver", record)  # the complainant
    return sent
