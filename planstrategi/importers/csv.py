"""Plan files from a spreadsheet-style plan overview (CSV), as ``planstrategi import`` reads it.

The columns are found by their headings, in Norwegian or English: the title (navn, tittel,
plandokumenter), when it was adopted (vedtatt), one column per year (``23`` … ``27`` or ``2023`` …
``2027``) with an ``x`` where a revision is planned, a remark (merknad; an unnamed last column
counts as one, as in a planning strategy's appendix), and optionally the group (kategori,
gruppe) and the kind (type). A row with only a title that names a group is a heading: the rows
under it belong to that group. Semicolons (Norwegian Excel), commas or tabs; UTF-8 with or
without a byte-order mark.

Nothing is written here: ``read`` gives the plans and the problems (``file.csv:row N: …``);
the command decides what to write.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from planstrategi.i18n import t
from planstrategi.model import Category, Kind
from planstrategi.store import scaffold, yamlio

_TITLE = {"navn", "tittel", "title", "name", "plan", "plandokument", "plandokumenter", "dokument", "plannavn"}
_ADOPTED = {"vedtatt", "adopted", "vedtaksår", "vedtatt år", "år vedtatt", "vedtaksdato"}
_REMARKS = {"merknad", "merknader", "kommentar", "kommentarer", "remark", "remarks", "note"}
_CATEGORY = {"kategori", "category", "gruppe", "group"}
_KIND = {"type", "kind", "dokumenttype", "art"}
_YEAR = re.compile(r"^(?:19|20)?[0-9]{2}$")
_MARKS = {"x", "✓", "✔", "ja", "yes"}
#: Words in a title that tell the kind of document, most specific first.
_KIND_WORDS = [
    ("retningslinje", Kind.RETNINGSLINJE),
    ("reglement", Kind.REGLEMENT),
    ("strategi", Kind.STRATEGI),
    ("vedtekt", Kind.VEDTEKT),
    ("rutine", Kind.RUTINE),
    ("melding", Kind.MELDING),
    ("analyse", Kind.ANALYSE),
    ("avtale", Kind.AVTALE),
    ("budsjett", Kind.BUDSJETT),
]


@dataclass
class Imported:
    """The plans read from the file (row number, path in the register, file text) and the problems."""

    shown: str
    plans: list[tuple[int, PurePosixPath, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, message); row 0: the whole file
    rows: int = 0

    def problem(self, row: int, message: str) -> None:
        self.problems.append((row, message))

    def lines(self) -> list[str]:
        """``file.csv:row N: message``, in row order."""
        return [
            f"{self.shown}:{t('import.row', n=row)}: {message}" if row else f"{self.shown}: {message}"
            for row, message in sorted(self.problems, key=lambda problem: problem[0])
        ]


@dataclass
class _Columns:
    title: int
    adopted: int | None = None
    remarks: int | None = None
    category: int | None = None
    kind: int | None = None
    years: dict[int, int] = field(default_factory=dict)  # column -> year


def _heading(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).strip(" .:").lower()


def _clean(cell: str) -> str:
    return " ".join(cell.split())


def _delimiter(first_line: str) -> str:
    return max((";", ",", "\t"), key=first_line.count)


def guess_kind(title: str, default: str) -> str:
    """The kind a title names (…strategi, …reglement), else ``default``."""
    lowered = title.lower()
    return next((kind.value for word, kind in _KIND_WORDS if word in lowered), default)


def _columns(header: list[str], row: int, result: Imported) -> _Columns | None:
    found: dict[str, int] = {}
    years: dict[int, int] = {}
    unnamed: list[int] = []
    for index, cell in enumerate(header):
        name = _heading(cell)
        for key, names in (
            ("title", _TITLE),
            ("adopted", _ADOPTED),
            ("remarks", _REMARKS),
            ("category", _CATEGORY),
            ("kind", _KIND),
        ):
            if name in names and key not in found:
                found[key] = index
                break
        else:
            if _YEAR.match(name):
                years[index] = int(name) if len(name) == 4 else 2000 + int(name)
            elif not name:
                unnamed.append(index)
            else:
                result.problem(row, t("import.unknown-column", name=_clean(cell)))
    if "title" not in found:
        result.problem(row, t("import.no-title-column"))
        return None
    if "remarks" not in found and unnamed:
        found["remarks"] = unnamed[-1]  # the overview's last column has no heading
    return _Columns(years=years, **found)


def _cell(row: list[str], index: int | None) -> str:
    return _clean(row[index]) if index is not None and index < len(row) else ""


def _find_category(value: str, categories: list[Category]) -> str | None:
    wanted = value.strip().casefold()
    for category in categories:
        if wanted in {category.id, category.name.casefold(), (category.name_en or "").casefold()}:
            return category.id
        if scaffold.slugify(value) == scaffold.slugify(category.name):
            return category.id
    return None


def read(
    raw: bytes,
    shown: str,
    *,
    categories: list[Category],
    municipality: str,
    default_category: str | None = None,
    default_kind: str = Kind.PLAN.value,
) -> Imported:
    """Read a CSV file's bytes into plan files; every row that cannot be read is a problem."""
    result = Imported(shown)
    text, decode_problems = yamlio.decode(raw, shown)
    if text is None:
        for p in decode_problems:
            result.problem(p.line, p.message)
        return result
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0])))
    numbered = [(number, row) for number, row in enumerate(rows, 1) if any(cell.strip() for cell in row)]
    if not numbered:
        result.problem(0, t("import.empty"))
        return result
    header_number, header = numbered[0]
    columns = _columns(header, header_number, result)
    if columns is None:
        return result
    current = default_category
    seen: dict[str, int] = {}
    for number, row in numbered[1:]:
        title = _cell(row, columns.title)
        others = [_cell(row, i) for i in range(len(row)) if i != columns.title]
        if not title:
            result.problem(number, t("import.no-title"))
            continue
        heading = _find_category(title, categories)
        if heading is not None and not any(others):
            current = heading
            continue
        result.rows += 1
        data, problems = _plan(row, columns, title, current, categories, municipality, default_kind)
        if data is not None and data["id"] in seen:
            problems.append(t("import.same-id", id=data["id"], row=seen[data["id"]]))
        if problems or data is None:
            for problem in problems:
                result.problem(number, problem)
            continue
        seen[data["id"]] = number
        path = scaffold.plan_path(data["id"])
        file_text, file_problems = scaffold.render_plan(data, str(path))
        if file_problems:
            for p in file_problems:
                result.problem(number, p.message)
            continue
        result.plans.append((number, path, file_text))
    return result


def _plan(
    row: list[str],
    columns: _Columns,
    title: str,
    current: str | None,
    categories: list[Category],
    municipality: str,
    default_kind: str,
) -> tuple[dict[str, Any] | None, list[str]]:
    problems: list[str] = []
    adopted_text = _cell(row, columns.adopted)
    adopted: Any = None
    if adopted_text:
        try:
            adopted = scaffold.parse_adopted(adopted_text)
        except ValueError:
            problems.append(t("import.bad-adopted", value=adopted_text))
    revisions = []
    for index, year in columns.years.items():
        mark = _cell(row, index)
        if mark.lower() in _MARKS:
            revisions.append(year)
        elif mark:
            problems.append(t("import.bad-mark", value=mark, year=year))
    category = current
    category_text = _cell(row, columns.category)
    if category_text:
        category = _find_category(category_text, categories)
        if category is None:
            hint = scaffold.category_hint(category_text, [c.id for c in categories])
            problems.append(t("unknown-category", id=category_text, hint=hint))
    elif category is None:
        problems.append(t("import.no-category"))
    kind = _cell(row, columns.kind).lower() or guess_kind(title, default_kind)
    if not scaffold.slugify(title):
        problems.append(t("new.no-slug", title=title))
    if problems or category is None:
        return None, problems
    remarks = _cell(row, columns.remarks) or None
    data = scaffold.plan_data(
        title, category, kind, municipality, adopted=adopted, revisions=revisions, remarks=remarks
    )
    return data, problems


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


def read_file(path: Path, **options: Any) -> Imported:
    """``read`` on a file, with its name as the user gave it; a file ``read_source`` refuses is one problem."""
    try:
        raw = read_source(path)
    except Refused as exc:
        result = Imported(str(path))
        result.problem(0, exc.message)
        return result
    return read(raw, str(path), **options)
