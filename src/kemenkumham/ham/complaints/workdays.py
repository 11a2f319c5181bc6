"""Working days (hari kerja) in Indonesia, for the deadlines of Permenkumham 23/2022.

Saturdays, Sundays and national holidays are not working days. Holidays come from the
``holidays`` package (maintained upstream, moving Islamic holidays included); by default the
joint leave days (cuti bersama) set for civil servants count as holidays too, since government
offices are closed on them. The setting ``kemenkumham.ham.complaint_joint_leave_is_holiday``
turns that off.
"""

from datetime import timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year, joint_leave):
    categories = ("public", "government") if joint_leave else ("public",)
    return dict(holidays.country_holidays("ID", years=year, categories=categories))


def _joint_leave_setting():
    try:
        from plone import api

        value = api.portal.get_registry_record(
            "kemenkumham.ham.complaint_joint_leave_is_holiday", default=None
        )
    except Exception:  # no site (command line without a site, unit tests)
        value = None
    return True if value is None else bool(value)


def holiday_name(day, joint_leave=None):
    joint_leave = _joint_leave_setting() if joint_leave is None else joint_leave
    return _holidays(day.year, joint_leave).get(day)


def is_working_day(day, joint_leave=None):
    return day.weekday() < 5 and holiday_name(day, joint_leave) is None


def add_working_days(start, days, joint_leave=None):
    """The date `days` working days after `start` (start itself not counted).

    A notice received on Friday 28 March 2025 with 5 working days runs to Monday 14 April
    2025: the Idul Fitri holidays and joint leave (31 March to 7 April) do not count.
    """
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, joint_leave):
            counted += 1
    return day


def working_days_between(start, end, joint_leave=None):
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, joint_leave):
            count += 1
    return count
