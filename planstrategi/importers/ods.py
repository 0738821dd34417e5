"""A LibreOffice or OpenOffice spreadsheet (.ods) as tables: one per sheet, placed like a workbook's.

Read with python-calamine (imported only when an .ods is read), which reads the cells' values and
no formatting. Places are the sheet and the A1 address, as LibreOffice shows them.
"""

from __future__ import annotations

import io

from planstrategi.i18n import t
from planstrategi.importers.tables import Cell, Place, Source, Table
from planstrategi.importers.xlsx import text_of
from planstrategi.model.problems import printable


def read(raw: bytes, shown: str) -> Source:
    """Every sheet of the spreadsheet, blank rows left out."""
    from python_calamine import CalamineError, CalamineWorkbook

    source = Source()
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = [
            (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in workbook.sheet_names
        ]
    except (CalamineError, ValueError, OSError) as exc:
        detail = printable(str(exc) or type(exc).__name__, 120)
        source.problems.append((Place(shown, 0), t("importx.unreadable-format", format="ods", detail=detail)))
        return source
    for name, rows in sheets:
        table = Table(name=name)
        for number, values in enumerate(rows, 1):
            row = [
                Cell(text_of(value), Place(shown, number, column, sheet=name)) for column, value in enumerate(values, 1)
            ]
            if any(cell.text.strip() for cell in row):
                table.rows.append(row)
        source.tables.append(table)
    return source
