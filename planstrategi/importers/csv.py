"""A CSV file as a table: the encoding found, the separator sniffed, comment lines skipped.

What Excel and LibreOffice save: UTF-8 (Excel's "CSV UTF-8", with a byte-order mark), or
Windows-1252 (Norwegian Excel's "CSV (semikolondelt)"), tried in that order; a file read as
Windows-1252 gets a note saying so, so æøå are never garbled without a word. The separator is the
one of ``;``, ``,`` and tab the heading line holds most of (outside quotes). Lines ending in CR
alone (an old Mac export) are read like any other. Lines starting with ``#`` before the heading
(``# source: …``) are comments. A cell may hold up to the whole file's size limit.

Two slips that the csv module would pass over in silence are problems here: a quote left open to
the end of the file, and a quoted cell that runs over several lines and holds the separator (a
quote missing its partner, which would glue rows together). Each cell's place is its line (the
line the row starts on) and its column number, as a spreadsheet counts them.

``read_source``, ``Refused`` and ``guess_kind`` are kept here for the code that imports them from
this module (``record --from`` reads its CSV through ``read_source``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from planstrategi.i18n import t
from planstrategi.importers.tables import Cell, Place, Refused, Source, Table, read_source
from planstrategi.store import yamlio

__all__ = ["Refused", "guess_kind", "read_file", "read_source", "read_table"]

_SEPARATORS = (";", ",", "\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def guess_kind(title: str, default: str) -> str:
    """The kind a title names (…strategi, …reglement, kommunedelplan …), else ``default``."""
    from planstrategi.importers.columns import guess_kind as guess

    return guess(title, default)


def decode(raw: bytes, shown: str) -> tuple[str | None, list[str], list[tuple[Place, str]]]:
    """The text, the notes (the encoding, when not UTF-8) and the problems that stop the read."""
    text, problems = yamlio.decode(raw, shown)
    if text is not None:
        return text.removeprefix("\ufeff"), [], []
    if not problems or problems[0].code != "encoding":
        return None, [], [(Place(shown, p.line, p.column), p.message) for p in problems]
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [], [(Place(shown, line, column), t("importx.encoding", byte=f"0x{raw[exc.start]:02x}"))]
    bad = _CONTROL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        return None, [], [(Place(shown, line, 1), t("control-char", char=f"U+{ord(bad.group()):04X}"))]
    return text, [t("importx.cp1252", path=shown)], []


def _separator(line: str) -> str:
    outside = re.sub(r'"[^"]*"', "", line)
    return max(_SEPARATORS, key=outside.count)


def read_table(raw: bytes, shown: str) -> Source:
    """The file's one table, with the notes and problems of reading it."""
    text, notes, problems = decode(raw, shown)
    source = Source(notes=notes, problems=problems)
    if text is None:
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) and (not lines[skipped].strip() or lines[skipped].lstrip().startswith("#")):
        skipped += 1
    if skipped == len(lines):
        return source
    separator = _separator(lines[skipped])
    body = "\n".join(lines[skipped:])
    csv.field_size_limit(max(csv.field_size_limit(), yamlio.MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator, strict=True)
    table = Table()
    end = skipped
    try:
        for cells in reader:
            start, end = end + 1, skipped + reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            row = [Cell(cell, Place(shown, start, number)) for number, cell in enumerate(cells, 1)]
            table.rows.append(row)
            if end > start:
                _check_spread(row, separator, end, source)
    except csv.Error as exc:
        line = skipped + reader.line_num
        source.problems.append((Place(shown, end + 1), t("importx.csv-broken", line=line, detail=str(exc))))
    source.tables.append(table)
    return source


def _check_spread(row: list[Cell], separator: str, end: int, source: Source) -> None:
    """A cell over several lines that holds the separator on a later line: a quote without its partner."""
    for cell in row:
        later = cell.text.split("\n")[1:]
        if any(separator in line for line in later):
            sign = "TAB" if separator == "\t" else separator
            source.problems.append(
                (cell.place, t("importx.open-quote", first=cell.place.row, last=end, separator=sign))
            )
            return


def read_file(path: Path, **options: Any) -> Any:
    """The plans read from a file (any format ``import`` reads); a refused file is one problem."""
    from planstrategi.importers import rows

    return rows.read_file(path, str(path), **options)
