"""An Excel workbook (.xlsx) as tables: one per sheet, each cell placed by sheet and A1 address.

Read with openpyxl (imported only when a workbook is read). Formulas give their last computed
value, as Excel shows them; dates become ``2021-11-18``, whole numbers lose their ``.0``. A merged
cell's text is in its first cell only, so a group heading merged across the row still reads as a
heading. A file that is not a workbook is one problem, not a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any
from xml.etree.ElementTree import ParseError

from planstrategi.i18n import t
from planstrategi.importers.tables import Cell, Place, Source, Table


def text_of(value: Any) -> str:
    """A cell's value as the text a planner sees in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(raw: bytes, shown: str) -> Source:
    """Every sheet of the workbook, blank rows left out."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    source = Source()
    try:
        workbook = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, ParseError, OSError) as exc:
        source.problems.append((Place(shown, 0), t("importx.unreadable-format", format="xlsx", detail=_detail(exc))))
        return source
    for sheet in workbook.worksheets:
        table = Table(name=sheet.title)
        for cells in sheet.iter_rows():
            row = [
                Cell(text_of(cell.value), Place(shown, cell.row, cell.column, sheet=sheet.title))
                for cell in cells
                if isinstance(cell.row, int) and isinstance(cell.column, int)
            ]
            if any(cell.text.strip() for cell in row):
                table.rows.append(row)
        source.tables.append(table)
    return source


def _detail(exc: Exception) -> str:
    from planstrategi.model.problems import printable

    return printable(str(exc) or type(exc).__name__, 120)
