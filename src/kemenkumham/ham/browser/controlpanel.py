from kemenkumham.ham import _
from kemenkumham.ham.settings import IHamSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class HamSettingsForm(RegistryEditForm):
    schema = IHamSettings
    schema_prefix = "kemenkumham.ham"
    label = _("label_ham_settings", default="HAM settings")


class HamSettingsControlPanel(ControlPanelFormWrapper):
    form = HamSettingsForm
