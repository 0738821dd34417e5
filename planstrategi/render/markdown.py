"""GitHub-flavoured Markdown tables, ready for a council document or a pull-request comment.

Every text goes through ``safety.markdown`` (see its invariant) so the data cannot break the
table or the page: ``|`` and Markdown's own characters get a backslash, HTML is written as
entities (``&lt;``), ``@name`` gets a zero-width space after the ``@`` so GitHub does not notify
anyone, and line breaks (CR or LF) become ``<br>``. A grouped table becomes one table per group
under a ``###`` heading.
"""

from __future__ import annotations

from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Row, Table

_ALIGN = {"left": "---", "center": ":---:", "right": "---:"}


def escape(text: str) -> str:
    """``text`` as literal Markdown inline content (no markup, no HTML, no mentions)."""
    return safety.markdown(text, breaks=True)


def _paragraph(text: str) -> str:
    return safety.markdown(text, breaks=True, block=True)


def _url(url: str) -> str:
    return "".join(f"%{ord(c):02X}" if c in "()<>|\\ []" else c for c in url)


def _link(url: object, text: str) -> str:
    href = safety.link(url)
    return f"[{escape(text)}]({_url(href)})" if href and text else escape(text)


def _cell(column: Column, row: Row) -> str:
    target = row.get(column.link) if column.link else None
    if isinstance(target, list):
        return "<br>".join(_link(url, str(url)) for url in target)
    return _link(target, column.text(row))


def _table(columns: list[Column], rows: list[Row]) -> list[str]:
    lines = ["| " + " | ".join(escape(c.heading) for c in columns) + " |"]
    lines.append("| " + " | ".join(_ALIGN.get(c.align, "---") for c in columns) + " |")
    lines.extend("| " + " | ".join(_cell(c, row) for c in columns) + " |" for row in rows)
    return lines


def _section(table: Table, level: str) -> list[str]:
    lines = [f"{level} {escape(table.caption)}", ""]
    if not table.rows:
        return [*lines, _paragraph(table.empty), ""] if table.empty else lines
    for name, rows in table.groups():
        if name is not None:
            lines += [f"{level}# {escape(name)}", ""]
        lines += [*_table(table.columns_for("markdown"), rows), ""]
    lines += [line for note in table.notes for line in (_paragraph(note), "")]
    return lines


def render(report: Report) -> str:
    lines: list[str] = []
    if report.data is not None:  # show: the plan's title over its sections
        lines += [f"## {escape(report.title)}", ""]
        for table in report.tables:
            lines += _section(table, "###")
    else:
        for table in report.tables:
            lines += _section(table, "##")
    return "\n".join(lines).rstrip("\n") + "\n"
