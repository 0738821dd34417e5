"""A Word document (.docx) as tables: every table of the document, placed as "tabell N, rad R, kolonne C".

Read with python-docx (imported only when a document is read). A planning strategy's appendix is
read as it is: group heading rows merged across the table, titles broken over several lines in a
cell, tables split at a page break. Word repeats a merged cell in every grid column it spans
and in every row of a vertical merge; here its text is in its first grid cell only, and the
cells it covers are empty, so a heading merged across the row is a row with only a title.
Columns are counted on the table's grid, so a column keeps its number in every row.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

from planstrategi.i18n import t
from planstrategi.importers.tables import Cell, Place, Source, Table
from planstrategi.model.problems import printable


def read(raw: bytes, shown: str) -> Source:
    """Every top-level table of the document, in the document's order; blank rows left out."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import _Cell

    source = Source()
    try:
        document = Document(io.BytesIO(raw))
        tables = list(document.tables)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, ParseError, OSError) as exc:
        detail = printable(str(exc) or type(exc).__name__, 120)
        source.problems.append((Place(shown, 0), t("importx.unreadable-format", format="docx", detail=detail)))
        return source
    for number, table in enumerate(tables, 1):
        found = Table(name=t("importx.table-name", n=number))
        above: dict[int, str] = {}  # grid column -> the text of the cell there in the row above
        for row_number, row in enumerate(table.rows, 1):
            cells: list[Cell] = []
            column = 1 + row.grid_cols_before
            for _ in range(row.grid_cols_before):
                cells.append(Cell("", Place(shown, row_number, len(cells) + 1, table=number)))
            for tc in row._tr.tc_lst:
                text = above.get(column, "") if tc.vMerge == "continue" else _Cell(tc, table).text
                above[column] = text
                for offset in range(tc.grid_span):
                    cells.append(Cell(text if offset == 0 else "", Place(shown, row_number, column, table=number)))
                    column += 1
            if any(cell.text.strip() for cell in cells):
                found.rows.append(cells)
        source.tables.append(found)
    return source
