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

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from planstrategi.render.report import Report, Table

DEFAULT_WIDTH = 100
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


def _rich_table(table: Table, unicode: bool, headings: list[str]) -> RichTable:
    result = RichTable(
        title=Text(table.caption, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD if unicode else box.ASCII2,
        header_style="bold",
        pad_edge=False,
    )
    columns = table.columns_for("table")
    for column in columns:
        result.add_column(
            Text(column.heading),
            justify=column.align,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=column.no_wrap,
            min_width=column.min_width,
        )
    first = True
    for name, rows in table.groups():
        if name is not None:
            if not first:
                result.add_section()
            headings.append(name)
            result.add_row(Text(_marker(len(headings) - 1)), *([""] * (len(columns) - 1)))
        first = False
        for row in rows:
            cells = []
            for column in columns:
                text = column.text(row)
                cells.append(Text(text, style=column.styles.get(text, "")))
            result.add_row(*cells)
    return result


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
            console.print(Text(table.caption, style="bold"))
            console.print(Text(table.empty))
            continue
        console.print(_rich_table(table, use_unicode, headings))
        for note in table.notes:
            console.print(Text(note))
    bold = console.color_system is not None
    lines: list[str] = []
    for line in console.file.getvalue().splitlines():  # type: ignore[attr-defined]
        found = _MARKED_LINE.search(line)
        if found:
            name = headings[int(found.group(1))]
            line = " " + (f"\x1b[1m{name}\x1b[0m" if bold else name)
        line = line.rstrip()
        if line or (lines and lines[-1]):  # one blank line between blocks, none at the end
            lines.append(line)
    return "\n".join(lines).rstrip("\n") + "\n"
