"""Sites, people and report forms for the tests of the report forms (made as Manager)."""

from plone import api
from tests.factories import make_tree
from tests.forms.ttw import PASSWORD
from xml.sax.saxutils import quoteattr

import transaction


PDF = b"%PDF-1.4\n% bukti dukung contoh\n"
ACTION = "kemenkumham.ham.forms.action.IndicatorReportAction"

MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">
  <schema>{fields}</schema>
</model>"""


def field(name, kind, title=None, required=False, depends_on=None, extra=""):
    depends = f" easyform:depends_on={quoteattr(depends_on)}" if depends_on else ""
    return (
        f'<field name="{name}" type="{kind}"{depends}><title>{title or name}</title>'
        f"<required>{required}</required>{extra}</field>"
    )


def report_action(programme_uid, period_uid="", submit=False, name="laporan"):
    period = f"<period>{period_uid}</period>" if period_uid else ""
    return MODEL.format(
        fields=f'<field name="{name}" type="{ACTION}"><title>Simpan laporan</title>'
        f"<programme>{programme_uid}</programme>{period}"
        f"<submit_after_saving>{submit}</submit_after_saving></field>"
    )


def save_data_action():
    return MODEL.format(
        fields='<field name="simpan" type="collective.easyform.actions.SaveData">'
        "<title>Simpan data</title></field>"
    )


# Fields of the test programme's indicators (tests.factories.make_tree): KKP-06.03 percentage,
# KKP-07.01 number. The number is a text line, so the engine (not z3c.form) checks its kind.
INDICATOR_FIELDS = "".join(
    (
        field("kkp_06_03", "zope.schema.Float", "KKP-06.03 Persentase layanan kesehatan"),
        field("kkp_06_03_note", "zope.schema.Text", "Catatan KKP-06.03"),
        field("kkp_06_03_bukti", "plone.namedfile.field.NamedBlobFile", "Bukti KKP-06.03"),
        field("kkp_07_01", "zope.schema.TextLine", "KKP-07.01 Jumlah sekolah"),
    )
)


def make_site(portal):
    """The test tree, its programme and open period published, an editor and two partners."""
    tree = make_tree(portal)
    with api.env.adopt_roles(["Manager"]):
        for key in ("programme", "period_open"):
            api.content.transition(tree[key], "publish")
        for username, group in (
            ("editor1", "bidang-ham"),
            ("ani", "mitra-kota-serang"),
            ("budi", "mitra-kabupaten-lebak"),
        ):
            api.user.create(username=username, email=f"{username}@example.org", password=PASSWORD)
            api.group.add_user(groupname=group, username=username)
    return tree


def make_form(portal, form_id, fields, actions, title=None):
    """An easyform in Formulir with the given models, published."""
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=portal["formulir"], type="EasyForm", id=form_id, title=title or form_id
        )
        form.fields_model = MODEL.format(fields=fields)
        form.actions_model = actions
        if api.content.get_state(form, default=None) != "published":
            api.content.transition(form, "publish")
    return form


def commit():
    transaction.commit()


def fresh(obj):
    """The object as stored now (after the browser's requests)."""
    transaction.begin()
    return obj
