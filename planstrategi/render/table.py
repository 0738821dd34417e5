"""A rich table for the terminal; plain text when piped or when NO_COLOR is set.

Cell text is passed to rich as ``Text``, never as markup, so a title like "[x] plan" prints as
written. Groups (categories, urgency) are separated by a rule and start with their name in bold.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import textwrap

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from planstrategi.i18n import t
from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Row, Table

DEFAULT_WIDTH = 100
#: Longest text shown in one cell of a terminal table; longer text ends in "…" and a note under the
#: table says so. A valid 240,000-line ``remarks`` took rich 24 s to lay out; JSON and CSV keep it whole.
MAX_CELL_CHARS = 2_000
# rich has no colspan, so a group's name would wrap inside the first column. Its row carries a
# marker from the private-use area instead, and the rendered line is replaced by the name.
_MARK = "\ue000"
_MARKED_LINE = re.compile(_MARK + r"(\d+)")


def _terminal() -> tuple[int, bool, bool]:
    """Width, whether to colour, and whether the output can take box-drawing characters."""
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    color = tty and not os.environ.get("NO_COLOR")
    unicode = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "").startswith("utf")
    return width, color, unicode


def _marker(index: int) -> str:
    return f"{_MARK}{index}"


def _rich_table(table: Table, unicode: bool, headings: list[str], width: int) -> tuple[RichTable, int]:
    """The rich table, and how many of its cells were cut at MAX_CELL_CHARS."""
    columns = table.columns_for("table")
    rows: list[list[Text] | int] = []  # an int: the row that starts a group, by its index in headings
    for name, group in table.groups():
        if name is not None:
            rows.append(len(headings))
            headings.append(_safe(name))
        rows += [[_cell(column, row) for column in columns] for row in group]
    cut = sum(1 for cells in rows if not isinstance(cells, int) for cell in cells if _was_cut(cell))
    layout = _word_layout(columns, [cells for cells in rows if not isinstance(cells, int)], width)
    result = RichTable(
        title=Text(_safe(table.caption), style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD if unicode else box.ASCII2,
        header_style="bold",
        pad_edge=False,
    )
    for index, column in enumerate(columns):
        result.add_column(
            Text(_safe(column.heading)),
            justify=column.align,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=column.no_wrap,
            min_width=column.min_width,
            width=layout[index] if layout is not None else None,
        )
    for index, cells in enumerate(rows):
        if isinstance(cells, int):
            if index:
                result.add_section()
            result.add_row(Text(_marker(cells)), *([""] * (len(columns) - 1)))
        else:
            result.add_row(*cells)
    return result, cut


_CUT = "…"


def _was_cut(cell: Text) -> bool:
    return len(cell.plain) == MAX_CELL_CHARS and cell.plain.endswith(_CUT)


def _safe(text: str) -> str:
    """Cell text for the terminal (``safety.terminal``); the group marker cannot come from the data."""
    return safety.terminal(text, newlines=True).replace(_MARK, "\\ue000")


def _cell(column: Column, row: Row) -> Text:
    text = _safe(column.text(row))
    if len(text) > MAX_CELL_CHARS:
        return Text(text[: MAX_CELL_CHARS - 1] + _CUT)
    return Text(text, style=column.styles.get(text, ""))


def _word_layout(columns: list[Column], rows: list[list[Text]], width: int) -> list[int | None] | None:
    """Column widths that break lines between words, not inside them, when the table must wrap.

    rich fits a table too wide for the terminal by narrowing its widest columns, which folds a long
    word ("sivilbeskyttelsesloven", a plan's id) mid-word even where there is room to keep every
    word whole. Here each column that wraps gets at least its longest word (or its ``min_width``);
    the room left goes first to the columns that need least more to fit on one line, and what they
    do not need is shared evenly by the others. None (for the table, or a column) leaves the width
    to rich: when every row fits on one line, or when not even the words fit.
    """
    words = [_longest(column.heading.split()) for column in columns]
    lines = [_longest(column.heading.splitlines()) for column in columns]
    for cells in rows:
        for index, cell in enumerate(cells):
            words[index] = max(words[index], _longest(cell.plain.split()))
            lines[index] = max(lines[index], _longest(cell.plain.splitlines()))
    # The box's two edges, a separator between columns, and a space of padding on either side of
    # each separator (pad_edge=False): what the table takes besides its cells.
    room = width - (3 * len(columns) - 1)
    wrapping = [i for i, column in enumerate(columns) if not column.no_wrap]
    least = {i: max(words[i], min(columns[i].min_width or 0, lines[i])) for i in wrapping}
    taken = sum(least.values()) + sum(lines[i] for i in range(len(columns)) if i not in least)
    if sum(lines) <= room or taken > room:
        return None
    spare, extra = room - taken, dict.fromkeys(wrapping, 0)
    pending = sorted(wrapping, key=lambda i: lines[i] - least[i])  # the least wanting first
    while pending:
        fair, wants = spare // len(pending), lines[pending[0]] - least[pending[0]]
        if wants > fair:  # so do all after it: share evenly, the odd cells to the most wanting
            for rank, i in enumerate(pending):
                extra[i] = fair + (rank >= len(pending) - spare % len(pending))
            break
        extra[pending.pop(0)] = wants
        spare -= wants
    return [least[i] + extra[i] if i in least else None for i in range(len(columns))]


def _longest(parts: list[str]) -> int:
    """The width of the widest of ``parts`` (words or lines) in terminal cells."""
    return max((cell_len(part) for part in parts), default=0)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 1)) or [text]


def render(report: Report, *, width: int | None = None, color: bool | None = None, unicode: bool | None = None) -> str:
    """The report as terminal text; ``width``, ``color`` and ``unicode`` default to what stdout is."""
    term_width, term_color, term_unicode = _terminal()
    console = Console(
        file=io.StringIO(),
        width=width or term_width,
        color_system="auto" if (term_color if color is None else color) else None,
        force_terminal=term_color if color is None else color,
        highlight=False,
        emoji=False,
    )
    use_unicode = term_unicode if unicode is None else unicode
    headings: list[str] = []
    for index, table in enumerate(report.tables):
        if index:
            console.print()
        if not table.rows:
            console.print(Text(_safe(table.caption), style="bold"))
            console.print(Text(_safe(table.empty)))
            continue
        rich_table, cut = _rich_table(table, use_unicode, headings, console.width)
        console.print(rich_table)
        for note in table.notes:
            console.print(Text(_safe(note)))
        if cut:
            console.print(Text(t("table.cut", n=cut, limit=MAX_CELL_CHARS)))
    bold = console.color_system is not None
    lines: list[str] = []
    for line in console.file.getvalue().splitlines():  # type: ignore[attr-defined]
        found = _MARKED_LINE.search(line)
        if found:  # the group's name, wrapped as rich would if it had a cell as wide as the table
            name = headings[int(found.group(1))]
            lines += [" " + (f"\x1b[1m{part}\x1b[0m" if bold else part) for part in _wrap(name, console.width - 1)]
            continue
        line = line.rstrip()
        if line or (lines and lines[-1]):  # one blank line between blocks, none at the end
            lines.append(line)
    return safety.actions_log("\n".join(lines).rstrip("\n") + "\n")
