"""One self-contained, accessible HTML page, fit to publish as the municipality's plan overview.

No scripts, no external assets (the CSS is inline), ``lang`` on the page, a ``<caption>`` on
every table, ``<th scope>`` on every heading cell, and one ``<tbody>`` per group with a
``scope="rowgroup"`` heading. Every text is escaped with ``safety.html`` (``html.escape`` with
quotes, control characters shown as escapes); links are made only for http, https and mailto
addresses (``safety.link``), anything else is shown as plain text.
"""

from __future__ import annotations

from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Row, Table

escape = safety.html

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
table { border-collapse: collapse; margin: 1.5rem 0; }
caption { font-weight: bold; text-align: left; padding: 0.5rem 0; font-size: 1.1rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
th[scope="rowgroup"] { background: #f3f3f3; font-size: 1.05rem; }
th[scope="row"] { font-weight: normal; }
.center { text-align: center; }
.right { text-align: right; }
a { color: #0645ad; }
""".strip()
# Text only screen readers hear (the words behind a table's marks); added only to pages with marks.
_SCREEN_READER_ONLY = (
    ".sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }"
)


def _link(url: object, text: str) -> str:
    href = safety.link(url)
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def _cell_html(column: Column, row: Row) -> str:
    target = row.get(column.link) if column.link else None
    if isinstance(target, list):
        return "<br>".join(_link(url, str(url)) for url in target)
    text = column.text(row)
    if text in column.spoken:  # a mark: seen as the symbol, heard as the word
        return f'<span aria-hidden="true">{escape(text)}</span><span class="sr">{escape(column.spoken[text])}</span>'
    return _link(target, text) if target and text else escape(text)


def _cell(column: Column, row: Row) -> str:
    tag = "th" if column.row_header else "td"
    scope = ' scope="row"' if column.row_header else ""
    css = f' class="{column.align}"' if column.align != "left" else ""
    return f"<{tag}{scope}{css}>{_cell_html(column, row)}</{tag}>"


def _table(table: Table) -> list[str]:
    if not table.rows:
        return [f"<h2>{escape(table.caption)}</h2>", f"<p>{escape(table.empty)}</p>"]
    columns = table.columns_for("html")
    lines = ["<table>", f"<caption>{escape(table.caption)}</caption>", "<thead>", "<tr>"]
    lines += [f'<th scope="col">{escape(c.heading)}</th>' for c in columns]
    lines += ["</tr>", "</thead>"]
    for name, rows in table.groups():
        lines.append("<tbody>")
        if name is not None:
            lines.append(f'<tr><th scope="rowgroup" colspan="{len(columns)}">{escape(name)}</th></tr>')
        lines += ["<tr>" + "".join(_cell(c, row) for c in columns) + "</tr>" for row in rows]
        lines.append("</tbody>")
    lines.append("</table>")
    lines += [f"<p>{escape(note)}</p>" for note in table.notes]
    return lines


def _style(report: Report) -> str:
    marks = any(column.spoken for table in report.tables for column in table.columns)
    return f"{_STYLE}\n{_SCREEN_READER_ONLY}" if marks else _STYLE


def render(report: Report) -> str:
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>\n{_style(report)}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(report.title)}</h1>",
    ]
    for table in report.tables:
        lines += _table(table)
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
