"""The office's time: Asia/Jakarta (WIB), for deadlines, frozen rules and recorded dates."""

from datetime import datetime
from zoneinfo import ZoneInfo


TIMEZONE = "Asia/Jakarta"
JAKARTA = ZoneInfo(TIMEZONE)


def now():
    return datetime.now(JAKARTA)


def today():
    return now().date()
