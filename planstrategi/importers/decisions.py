"""A meeting's decisions in one file, as ``planstrategi record --from`` reads it: YAML or CSV.

YAML: a list of decisions, or a mapping with ``decisions:`` and the meeting's ``date`` and
``body``, which every decision takes unless it gives its own::

    date: 2025-06-19
    body: kommunestyret
    decisions:
      - plan: eierskapsmelding
        event: postponed
        to: 2027
        case: "12/25"

CSV: a heading row with the same names (``plan`` or ``id``, ``event``, ``date``, ``case``, ``to``, …;
Norwegian ``hendelse``, ``dato``, ``sak``, ``organ``, ``til``, ``merknad`` too), one decision per
row, empty cells left out. Semicolons, commas or tabs; UTF-8 with or without a byte-order mark.

Nothing is judged here but the file's form: ``read`` gives the rows, each with the place of
every field in the file (line and column, 1-based) so that a problem with a value can point at
it, and the problems with the file itself. ``rules/events.py`` judges the values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planstrategi.i18n import t
from planstrategi.model.problems import Problem, Severity
from planstrategi.store import yamlio

#: Other names a heading or key may have, for the names ``rules/events.py`` knows.
SYNONYMS = {
    "id": "plan",
    "hendelse": "event",
    "dato": "date",
    "sak": "case",
    "saksnummer": "case",
    "organ": "body",
    "til": "to",
    "merknad": "note",
    "erstattet_av": "by",
    "replaced_by": "by",
}
_MEETING = ("date", "body")


@dataclass
class Row:
    """One decision: its fields, where each is in the file, and where the row itself starts."""

    fields: dict[str, object]
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    line: int = 0
    column: int = 0
    defaults: dict[str, object] = field(default_factory=dict)  # the meeting's date and body

    def place(self, name: str | None) -> tuple[int, int]:
        return self.places.get(name or "", (self.line, self.column))


def field_name(name: object) -> str:
    """A heading or key as a field name: lower case, ``valid-from`` → ``valid_from``, synonyms."""
    word = str(name).replace("\ufeff", "").strip().lower().replace("-", "_").replace(" ", "_")
    return SYNONYMS.get(word, word)


def read(path: Path, shown: str) -> tuple[list[Row], list[Problem]]:
    """The rows of a decisions file (.yaml, .yml or .csv), or the problems that stop it being read."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path, shown)
    return _read_yaml(path, shown)


def _problem(shown: str, line: int, column: int, code: str, **params: object) -> Problem:
    return Problem(shown, line, column, Severity.ERROR, code, t(code, **params))


def _read_yaml(path: Path, shown: str) -> tuple[list[Row], list[Problem]]:
    document = yamlio.read_document(path, shown)
    if document.problems or document.text is None:
        return [], document.problems
    data, text = document.data, document.text
    defaults: dict[str, object] = {}
    meeting: dict[str, tuple[int, int]] = {}
    prefix: tuple[str | int, ...] = ()
    if isinstance(data, Mapping):
        for key in data:
            if field_name(key) not in (*_MEETING, "decisions"):
                line, column = yamlio.locate(text, (key,), key=True)
                return [], [_problem(shown, line, column, "record-from-shape")]
        defaults = {field_name(k): v for k, v in data.items() if field_name(k) in _MEETING}
        meeting = {field_name(k): yamlio.locate(text, (k,)) for k in data if field_name(k) in _MEETING}
        keys = [k for k in data if field_name(k) == "decisions"]
        prefix = (keys[0],) if keys else ()
        data = data[keys[0]] if keys else None
    if not isinstance(data, list) or not data:
        line, column = yamlio.locate(text, prefix) if prefix else (1, 1)
        return [], [_problem(shown, line, column, "record-from-shape")]
    rows: list[Row] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        line, column = yamlio.locate(text, (*prefix, index))
        if not isinstance(item, Mapping):
            problems.append(_problem(shown, line, column, "record-from-row"))
            continue
        row = Row({}, dict(meeting), line=line, column=column, defaults=defaults)
        for key, value in item.items():
            name = field_name(key)
            row.fields[name] = value
            row.places[name] = yamlio.locate(text, (*prefix, index, key))
        rows.append(row)
    return rows, problems


def _read_csv(path: Path, shown: str) -> tuple[list[Row], list[Problem]]:
    from planstrategi.importers import csv as table  # the one reader of files to import: never a pipe or a device

    try:
        raw = table.read_source(path)
    except table.Refused as exc:
        return [], [Problem(shown, 0, 0, Severity.ERROR, exc.code, exc.message)]
    except OSError as exc:
        return [], [_problem(shown, 0, 0, "record-from-unreadable", reason=exc.strerror or type(exc).__name__)]
    text, problems = yamlio.decode(raw, shown)
    if text is None:
        return [], problems
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headings: list[str] = []
    rows: list[Row] = []
    line = 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if not headings:
            headings = [field_name(cell) for cell in cells]
            continue
        row = Row({}, line=start, column=1)
        for number, cell in enumerate(cells):
            if not cell.strip():
                continue
            name = headings[number] if number < len(headings) and headings[number] else f"{number + 1}"
            row.fields[name] = cell.strip()
            row.places[name] = (start, _column(cells, number, delimiter))
        rows.append(row)
    if not rows:
        return [], [_problem(shown, 1, 1, "record-from-shape")]
    return rows, []


def _column(cells: list[str], number: int, delimiter: str) -> int:
    """The 1-based column where cell ``number`` starts (exact for cells without quotes)."""
    return sum(len(cell) + len(delimiter) for cell in cells[:number]) + 1
