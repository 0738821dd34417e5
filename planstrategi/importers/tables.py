"""What every reader gives: tables of cells, each cell with the place a planner can find it again.

A reader (``csv``, ``xlsx``, ``docx``, ``ods``) turns a file's bytes into ``Table`` objects: rows of
``Cell`` text, each cell with its ``Place``. A place prints the way the format is navigated:
``oversikt.csv:3:2`` (line and column), ``oversikt.xlsx:Ark1!B3`` (the sheet and the A1 address),
``strategi.docx:tabell 2, rad 5, kolonne 1``. ``read_tables`` picks the reader from the file's
suffix and reads the file itself through ``read_source``: only a regular file, never more than
the size limit, so a named pipe or ``/dev/zero`` is refused before a byte is read.

Nothing here knows what a column means; ``columns.py`` and ``rows.py`` do.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from planstrategi.i18n import t
from planstrategi.store import yamlio

#: The suffixes ``import`` reads, and the reader module for each.
FORMATS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".docx": "docx",
    ".ods": "ods",
}


@dataclass(frozen=True, order=True)
class Place:
    """Where a cell is: line/row and column (1-based); ``sheet`` for a workbook, ``table`` for a document."""

    shown: str
    row: int
    column: int = 0
    sheet: str = ""
    table: int = 0

    def __str__(self) -> str:
        where = self.short()
        return f"{self.shown}:{where}" if where else self.shown

    def short(self) -> str:
        """The place inside the file: ``3:2``, ``Ark1!B3``, ``tabell 2, rad 5, kolonne 1``; "" for the whole file."""
        if self.table:
            return t("importx.place-docx", table=self.table, row=self.row, column=self.column)
        if self.sheet:
            return f"{self.sheet}!{a1(self.row, self.column or 1)}"
        if not self.row:
            return ""
        return f"{self.row}:{self.column or 1}"


def a1(row: int, column: int) -> str:
    """The spreadsheet address of a cell: (3, 2) -> ``B3``, (1, 28) -> ``AB1``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


@dataclass(frozen=True)
class Cell:
    """One cell's text, whitespace as written (the mapping cleans it), and its place."""

    text: str
    place: Place


@dataclass
class Table:
    """A table's rows, top to bottom, blank rows left out; each row's cells left to right."""

    rows: list[list[Cell]] = field(default_factory=list)
    name: str = ""  # the sheet's name, or "tabell 2"


@dataclass
class Source:
    """What a file held: its tables, and notes for the planner (``file was Windows-1252``)."""

    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[tuple[Place, str]] = field(default_factory=list)


class Refused(Exception):
    """The file to import is not one to read: ``code`` (a message key) and its ``params``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return t(self.code, **self.params)


def read_source(path: Path) -> bytes:
    """The bytes of a file to import: a regular file of at most ``MAX_FILE_BYTES``, read with that cap.

    A named pipe would make the import wait for a writer forever, and ``/dev/zero`` would be read
    until memory ran out; both are refused (``not-a-file``) before a byte is read, and the read
    stops after the limit whatever the size said. Raises Refused, or OSError if it cannot be read.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("import.not-a-file", path=path)
    if info.st_size > yamlio.MAX_FILE_BYTES:
        raise Refused("too-large", size=info.st_size, limit=yamlio.MAX_FILE_BYTES)
    # O_NONBLOCK: had the file been swapped for a pipe since stat, open would not wait for a writer.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise Refused("import.not-a-file", path=path)
        raw = stream.read(yamlio.MAX_FILE_BYTES + 1)
    if len(raw) > yamlio.MAX_FILE_BYTES:
        raise Refused("too-large", size=len(raw), limit=yamlio.MAX_FILE_BYTES)
    return raw


def read_tables(path: Path, shown: str) -> Source:
    """The tables of the file at ``path``, read by the reader its suffix names.

    Raises Refused for a suffix no reader knows or a file that is not a regular file; OSError
    when it cannot be read. A file that is there but broken gives problems, not an exception.
    """
    raw = read_source(path)  # first: a pipe or a device is refused as what it is, whatever its name
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise Refused("importx.unknown-format", path=shown, suffix=path.suffix or "—")
    if fmt == "xlsx":
        from planstrategi.importers import xlsx

        return xlsx.read(raw, shown)
    if fmt == "docx":
        from planstrategi.importers import docx

        return docx.read(raw, shown)
    if fmt == "ods":
        from planstrategi.importers import ods

        return ods.read(raw, shown)
    from planstrategi.importers import csv

    return csv.read_table(raw, shown)
