"""Titles of the platform's permissions (permissions.zcml), as checkPermission wants them."""

ADD_AWARD = "kemenkumham.ham: Add Award"
ADD_REPORT = "kemenkumham.ham: Add IndicatorReport"
ASSESS_REPORT = "kemenkumham.ham: Assess report"
ASSIGN_REPORT_PARTNER = "kemenkumham.ham: Assign report partner"
VERIFY_REPORT = "kemenkumham.ham: Verify report"
VIEW_PERIOD_REPORTS = "kemenkumham.ham: View period reports"
VIEW_REPORT_SCORES = "kemenkumham.ham: View report scores"
