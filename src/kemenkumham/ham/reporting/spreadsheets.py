"""CSV and XLSX files of tables, safe to open in a spreadsheet program.

CSV is written for Excel as the office uses it, with Indonesian regional settings:
- UTF-8 with a byte order mark, or Excel reads the names of places as Latin-1;
- `;` between cells and a decimal comma (87,5): in the Indonesian locale the comma is the
  decimal separator, so Excel expects `;` as list separator and reads "87.5" as 875 or text.
  Notes and remarks, full of commas, stay in one cell either way. Whoever needs a
  locale-free file takes the XLSX, whose numbers are real numbers.

Formula injection: a partner's note starting with =, +, - or @ (or a tab or carriage return)
would run as a formula in the reader's spreadsheet. In CSV such a cell gets a leading quote
('=...), the usual defence; in XLSX every text cell is stored as text, never as a formula.
"""

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

import csv
import io


CSV_DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(text):
    """Text a spreadsheet will not read as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_number(number):
    """87.5 -> "87,5"; 5.0 -> "5" (no exponent, no trailing zeros)."""
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return csv_number(value)
    return safe_text(str(value))


def csv_bytes(table):
    """One table as CSV (UTF-8 with BOM, `;`, CRLF line ends as RFC 4180 says)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([csv_cell(cell) for cell in table.header])
    for line in table.lines:
        writer.writerow([csv_cell(cell) for cell in line])
    return out.getvalue().encode("utf-8-sig")


def sheet_title(title):
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return cleaned[:31] or "Sheet"


def xlsx_bytes(tables):
    """Several tables as the sheets of one workbook."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(title=sheet_title(table.title))
        sheet.freeze_panes = "A2"
        header = []
        for title in table.header:
            cell = _text_cell(sheet, title)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for line in table.lines:
            sheet.append([_cell(sheet, value) for value in line])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(sheet, value):
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return _text_cell(sheet, str(value))


def _text_cell(sheet, text):
    # Control characters (pasted from word processors) are not allowed in XLSX at all.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text))
    # openpyxl stores a string starting with "=" as a formula unless told it is text.
    cell.data_type = "s"
    return cell
