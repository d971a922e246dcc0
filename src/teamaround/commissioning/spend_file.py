"""Reading an agency's spending return (.xlsx or .csv) for the Resource Envelope: checked
whole, and every bad cell reported by sheet, row and column, before anything is written.

Columns (any order, any case): Priority, District, Financial year, Amount. A priority or
district is given by its name or code; a year as 2025-26, 2025/26 or 2025; an amount in
pounds (a £ sign and thousands commas are allowed), never negative. The same priority,
district and year twice in one return is an error on the second."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from teamaround.core.errors import ValidationFailed

COLUMNS = ("priority", "district", "financial year", "amount")
MAX_BYTES = 5 * 2**20
MAX_UNPACKED = 50 * 2**20
MAX_ROWS = 20_000
MAX_REPORTED = 500
YEAR = re.compile(r"^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$")


@dataclass
class Row:
    priority: object
    district: object
    year: int
    amount: Decimal


def read_spend_file(*, name: str, content: bytes, priorities, districts) -> list[Row]:
    """Rows to write, or ValidationFailed({"file": [every problem]})."""
    lower = (name or "").lower()
    if len(content) > MAX_BYTES:
        _fail([f"The file must be smaller than {MAX_BYTES // 2**20} MB."])
    if not content:
        _fail(["The file is empty."])
    if lower.endswith(".csv"):
        sheets = [(name, _csv_rows(content))]
    elif lower.endswith(".xlsx"):
        sheets = _xlsx_sheets(content)
    else:
        _fail(["The file must be a spreadsheet: .xlsx or .csv."])
    by_priority = _names(priorities)
    by_district = _names(districts)
    errors, rows, seen = [], [], {}
    for sheet, table in sheets:
        table = [r for r in table if any(_text(v) for v in r)]
        if not table:
            continue
        header = [_text(v).lower() for v in table[0]]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            errors.append(
                f'Sheet "{sheet}", row 1: the headings must include '
                + ", ".join(c.capitalize() for c in COLUMNS)
                + " (missing: "
                + ", ".join(c.capitalize() for c in missing)
                + ")."
            )
            continue
        at = {c: header.index(c) for c in COLUMNS}
        if len(table) - 1 > MAX_ROWS:
            _fail([f'Sheet "{sheet}" has more than {MAX_ROWS:,} rows.'])
        for number, values in enumerate(table[1:], start=2):
            row_errors, parsed = _row(values, at, by_priority, by_district)
            where = f'Sheet "{sheet}", row {number}'
            errors += [
                f"{where}, column {get_column_letter(at[c] + 1)} ({c.capitalize()}): {m}"
                for c, m in row_errors
            ]
            if row_errors:
                continue
            key = (parsed.priority.pk, parsed.district.pk, parsed.year)
            if key in seen:
                errors.append(f"{where}: the same priority, district and year as {seen[key]}.")
                continue
            seen[key] = f'sheet "{sheet}" row {number}'
            rows.append(parsed)
    if errors:
        shown = errors[:MAX_REPORTED]
        if len(errors) > MAX_REPORTED:
            shown.append(f"And {len(errors) - MAX_REPORTED:,} more problems.")
        _fail(shown)
    if not rows:
        _fail(["The file has no rows of spending under its headings."])
    return rows


def _row(values, at, by_priority, by_district):
    def cell(column):
        i = at[column]
        return values[i] if i < len(values) else None

    errors = []
    priority = by_priority.get(_text(cell("priority")).lower())
    if priority is None:
        errors.append(("priority", f"{_shown(cell('priority'))} is not a priority area."))
    district = by_district.get(_text(cell("district")).lower())
    if district is None:
        errors.append(("district", f"{_shown(cell('district'))} is not a district."))
    year = _year(cell("financial year"))
    if year is None:
        errors.append(
            ("financial year", f"{_shown(cell('financial year'))} is not a year like 2025-26.")
        )
    amount = _amount(cell("amount"))
    if amount is None:
        errors.append(("amount", f"{_shown(cell('amount'))} is not an amount in pounds."))
    elif amount < 0:
        errors.append(("amount", "the amount cannot be negative."))
    return errors, Row(priority, district, year, amount)


def _fail(messages):
    raise ValidationFailed({"file": messages})


def _names(records) -> dict:
    names = {}
    for record in records:
        names[record.code.lower()] = record
        names[record.name.lower()] = record
    return names


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _shown(value) -> str:
    text = _text(value)
    return f'"{text[:60]}"' if text else "A blank"


def _year(value):
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and float(value).is_integer()
    ):
        value = str(int(value))
    match = YEAR.match(_text(value))
    if not match:
        return None
    start, end = int(match[1]), match[2]
    if end and int(end[-2:]) != (start + 1) % 100:
        return None
    return start if 2000 <= start <= 2100 else None


def _amount(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
    else:
        text = _text(value).replace("£", "").replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount) >= Decimal("1e10"):
        return None
    return amount.quantize(Decimal("0.01"))


def _csv_rows(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(["The file must be a CSV in UTF-8 text: this looks like another kind of file."])
    if "\x00" in text:
        _fail(["The file must be CSV text: it contains NUL bytes."])
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        _fail([f"The CSV cannot be read: {error}."])


def _xlsx_sheets(content: bytes) -> list[tuple[str, list]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                _fail(["The spreadsheet is too large once unpacked."])
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ValidationFailed:
        raise
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        _fail(["The file is not an Excel workbook (.xlsx) that can be read."])
    sheets = []
    try:
        for sheet in book.worksheets:
            rows = []
            for values in sheet.iter_rows(values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS + 1:
                    _fail([f'Sheet "{sheet.title}" has more than {MAX_ROWS:,} rows.'])
            sheets.append((sheet.title, rows))
    finally:
        book.close()
    return sheets
