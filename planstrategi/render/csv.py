"""CSV that opens correctly in Norwegian Excel: semicolons, UTF-8 with a byte-order mark, CRLF.

Excel in a Norwegian locale splits on ``;`` (the comma is the decimal sign) and guesses the
encoding from the BOM. A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would be read as a formula (CSV injection), so it gets a leading ``'`` unless it is a plain
number (``safety.csv_cell`` says exactly what each cell gets). A grouped table
gets its group (the category, the urgency) as the first column; the tables of ``show`` follow one
another, separated by an empty line.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Table

if TYPE_CHECKING:
    from _csv import Writer

BOM = "\ufeff"
#: ``text`` made safe to open in a spreadsheet: no leading formula character (``safety.csv_cell``).
neutralise = safety.csv_cell


def _write(out: Writer, table: Table) -> None:
    columns: list[Column] = ([table.group] if table.group is not None else []) + table.columns_for("csv")
    out.writerow([neutralise(c.heading) for c in columns])
    for row in table.rows:
        out.writerow([neutralise(c.text(row)) for c in columns])


def render(report: Report) -> str:
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for index, table in enumerate(report.tables):
        if index:
            out.writerow([])
        _write(out, table)
    return BOM + buffer.getvalue()
