"""Low-code report forms: easyform forms that fill a partner's IndicatorReport.

An editor builds an easyform through the web and adds the action "Save as indicator report"
(action.py) linked to a programme: each submission of a logged-in partner then opens or updates
that partner's report in the programme's period (submission.py), and the form shows the saved
draft when the partner comes back (prefill.py). Conditions of easyform's "depends on" setting
are enforced on the server too (conditions.py, validation.py). Forms that are not indicator
forms (event registration, surveys) keep easyform's own "Save Data" action.
"""
