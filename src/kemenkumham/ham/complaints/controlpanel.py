"""Control panel "Pengaduan": complaint settings and the texts of letters and notices."""

from kemenkumham.ham import _
from kemenkumham.ham.complaints.letters import IComplaintTemplates
from kemenkumham.ham.complaints.settings import IComplaintSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class IComplaintControlPanel(IComplaintSettings, IComplaintTemplates):
    """Both sets of records (prefix kemenkumham.ham), edited on one page."""


class ComplaintSettingsForm(RegistryEditForm):
    schema = IComplaintControlPanel
    schema_prefix = "kemenkumham.ham"
    label = _("label_complaint_settings", default="Complaints (Pengaduan)")
    description = _(
        "help_complaint_settings",
        default="Deadlines, anti-spam and file limits of complaints, and the texts of the "
        "letters and notices sent to complainants.",
    )


class ComplaintSettingsControlPanel(ControlPanelFormWrapper):
    form = ComplaintSettingsForm
