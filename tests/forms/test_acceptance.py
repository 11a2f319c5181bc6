"""Acceptance: an easyform built through the web, linked to a programme, produces an
IndicatorReport for the logged-in partner's organisation; the partner comes back to the draft."""

from io import BytesIO
from plone import api
from tests.forms.helpers import fresh
from tests.forms.helpers import make_site
from tests.forms.helpers import PDF
from tests.forms.ttw import add_action
from tests.forms.ttw import add_easyform
from tests.forms.ttw import add_field
from tests.forms.ttw import browser_for
from tests.forms.ttw import delete_fields
from tests.forms.ttw import edit_action

import re
import transaction


ACTION_TYPE = "Save as indicator report"


def build_form_through_the_web(functional, tree):
    """What a Bidang HAM editor does in the browser: form, fields, action, link, publish."""
    portal = functional["portal"]
    editor = browser_for(functional, "editor1")
    form_url = add_easyform(editor, f"{portal.absolute_url()}/formulir", "Laporan KKP HAM")
    delete_fields(editor, form_url, "fields")  # easyform's sample fields (e-mail, subject, ...)
    delete_fields(editor, form_url, "actions")  # and its sample mailer
    add_field(editor, form_url, "kkp_06_03", "KKP-06.03 Persentase", "label_float_field")
    add_field(editor, form_url, "kkp_06_03_catatan", "Catatan KKP-06.03", "label_text_field")
    add_field(editor, form_url, "kkp_06_03_bukti", "Bukti KKP-06.03", "File Upload")
    add_field(editor, form_url, "kkp_07_01", "KKP-07.01 Jumlah", "label_integer_field")
    add_action(editor, form_url, "laporan", "Simpan ke laporan", ACTION_TYPE)
    page = edit_action(
        editor, form_url, "laporan", programme=[api.content.get_uuid(tree["programme"])]
    )
    assert "error" not in page.lower() or "There were some errors" not in page
    editor.open(form_url)
    publish = re.search(
        r'href="([^"]+content_status_modify\?workflow_action=publish[^"]*)"', editor.contents
    )
    editor.open(publish.group(1).replace("&amp;", "&"))
    return form_url


def test_form_built_through_the_web_fills_the_partners_report(functional):
    portal = functional["portal"]
    tree = make_site(portal)
    transaction.commit()
    form_url = build_form_through_the_web(functional, tree)

    transaction.begin()
    form = portal["formulir"]["laporan-kkp-ham"]
    assert api.content.get_state(form) == "published"
    actions = form.actions_model
    assert "kemenkumham.ham.forms.action.IndicatorReportAction" in actions
    assert api.content.get_uuid(tree["programme"]) in actions

    partner = browser_for(functional, "ani")
    partner.open(form_url)
    partner.getControl(name="form.widgets.kkp_06_03").value = "82.5"
    partner.getControl(name="form.widgets.kkp_06_03_catatan").value = "Data Dinas Kesehatan."
    partner.getControl(name="form.widgets.kkp_06_03_bukti").add_file(
        BytesIO(PDF), "application/pdf", "bukti-kesehatan.pdf"
    )
    partner.getControl(name="form.widgets.kkp_07_01").value = "12"
    partner.getControl(name="form.buttons.submit").click()

    period = fresh(tree["period_open"])
    reports = [obj for obj in period.objectValues() if obj.portal_type == "IndicatorReport"]
    assert len(reports) == 1
    report = reports[0]
    assert report.partner_uid == api.content.get_uuid(tree["partner_a"])
    assert api.content.get_state(report) == "draft"
    assert report.rows["KKP-06.03"]["value"] == 82.5
    assert report.rows["KKP-06.03"]["note"] == "Data Dinas Kesehatan."
    (evidence,) = report.rows["KKP-06.03"]["evidence"]
    assert evidence["file"].filename == "bukti-kesehatan.pdf"
    assert evidence["file"].data == PDF
    assert evidence["added_by"] == "ani"
    assert report.rows["KKP-07.01"]["value"] == 12.0
    # The partner lands on the report page, told where the answers went.
    assert partner.url == report.absolute_url()
    assert "Your answers were saved in the report" in partner.contents

    # Coming back later: the form shows the draft, and links to the report.
    partner.open(form_url)
    assert partner.getControl(name="form.widgets.kkp_06_03").value in ("82.5", "82,5")
    assert partner.getControl(name="form.widgets.kkp_06_03_catatan").value == (
        "Data Dinas Kesehatan."
    )
    assert partner.getControl(name="form.widgets.kkp_07_01").value == "12"
    assert f'href="{report.absolute_url()}"' in partner.contents
    assert "You are continuing the report" in partner.contents

    partner.getControl(name="form.widgets.kkp_07_01").value = "14"
    partner.getControl(name="form.buttons.submit").click()
    report = fresh(report)
    assert report.rows["KKP-07.01"]["value"] == 14.0
    assert report.rows["KKP-06.03"]["value"] == 82.5
    # The file saved the first time stays; nothing was uploaded again.
    assert [e["id"] for e in report.rows["KKP-06.03"]["evidence"]] == [evidence["id"]]
    assert len([o for o in period.objectValues() if o.portal_type == "IndicatorReport"]) == 1


def test_editor_sees_fields_that_match_no_indicator(functional):
    portal = functional["portal"]
    tree = make_site(portal)
    transaction.commit()
    form_url = build_form_through_the_web(functional, tree)
    editor = browser_for(functional, "editor1")
    add_field(editor, form_url, "alamat", "Alamat kantor", "label_textline_field")
    editor.open(form_url)
    assert "Field 'alamat' matches no indicator of KKP HAM" in editor.contents
    # Saving the action is refused while the form has such a field.
    page = edit_action(
        editor, form_url, "laporan", programme=[api.content.get_uuid(tree["programme"])]
    )
    assert "Field 'alamat' matches no indicator of KKP HAM" in page
    # Partners do not see the editors' warning.
    partner = browser_for(functional, "ani")
    partner.open(form_url)
    assert "matches no indicator" not in partner.contents
