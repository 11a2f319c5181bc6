"""Dates on the complaint pages as people in Indonesia write them: "14 April 2025", with the
Indonesian month names ("3 Maret 2025") unless the page is read in English.

Letters and notices are always Indonesian (long_date with its default language).
"""

from datetime import datetime
from plone import api


MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def reader_language(request=None):
    """'en' when the page is read in English, else 'id' (the office's language)."""
    language = (request.get("LANGUAGE") if request is not None else None) or ""
    if not language:
        try:
            language = api.portal.get_current_language() or ""
        except Exception:  # noqa: BLE001 - no site (scripts): the office's language
            language = ""
    return "en" if language.split("-")[0].lower() == "en" else "id"


def month_name(number, language="id"):
    return (MONTHS_EN if language == "en" else MONTHS_ID)[number - 1]


def long_date(day, language="id"):
    """date or datetime -> "3 Maret 2025" / "3 March 2025"; None -> ""."""
    if day is None:
        return ""
    return f"{day.day} {month_name(day.month, language)} {day.year}"


def long_datetime(moment, language="id"):
    """datetime (or ISO text) -> "3 Maret 2025, 09.00" / "3 March 2025, 09:00"."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    if moment is None:
        return ""
    separator = ":" if language == "en" else "."
    return f"{long_date(moment, language)}, {moment.hour:02d}{separator}{moment.minute:02d}"
