"""Freeze the office's clock (kemenkumham.ham.clock) in a test: deadlines are checked against it."""

from datetime import datetime

import kemenkumham.ham.clock


def freeze_clock(monkeypatch, when):
    """From now on clock.now() answers `when` (a naive datetime, read as Asia/Jakarta)."""
    frozen = when.replace(tzinfo=kemenkumham.ham.clock.JAKARTA)

    class FrozenDatetime(datetime):
        @classmethod
        def now(cls, tz=None):
            return frozen.astimezone(tz) if tz is not None else frozen.replace(tzinfo=None)

    monkeypatch.setattr(kemenkumham.ham.clock, "datetime", FrozenDatetime)
    return frozen
