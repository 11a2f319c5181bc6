"""Sample reports of the demo site, filled and taken through the workflow by the engine.

Values, notes and remarks are sample data ("Contoh"); evidence files are one-page sample PDFs.
"""

from kemenkumham.ham.reporting.rows import update_rows
from kemenkumham.ham.workflows.paths import move_to_state


def sample_pdf(title):
    """A small valid PDF whose only text says it is a sample."""
    text = f"Contoh data dukung: {title}".encode("latin-1", "replace")
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n".encode()
    out += b"%%EOF\n"
    return out


def _entries(report, rows):
    entries = {}
    for code, row in rows.items():
        entry = {key: value for key, value in row.items() if key != "evidence"}
        if "evidence" in row:
            entry["evidence"] = [
                {"filename": name, "data": sample_pdf(f"{report.Title()} {code}")}
                for name in row["evidence"]
            ]
        entries[code] = entry
    return entries


def fill_report(report, spec):
    """Fill the sample rows and take the report to the state of its spec."""
    update_rows(report, _entries(report, spec.get("rows", {})), actor="demo")
    target = spec.get("state", "draft")
    if target == "draft":
        return
    move_to_state(report, "submitted", comment="Contoh")
    if spec.get("checks"):
        update_rows(report, spec["checks"], actor="demo")
    if target != "submitted":
        move_to_state(report, target, comment="Contoh")
