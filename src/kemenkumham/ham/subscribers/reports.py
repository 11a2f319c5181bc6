"""A new report gets one row per indicator of its period, however it was created."""

from kemenkumham.ham.reporting.rows import ensure_rows


def build_rows(report, event):
    ensure_rows(report)
