"""Accessible, self-contained HTML pages: ``--format html`` of every report, and the pages of ``site``.

One page shell and one stylesheet for both (``page``, ``STYLESHEET``): ``lang`` on ``<html>``, a
skip link, the landmarks (header, nav, main, footer), one ``<h1>``, an ``<h2>`` per section when
a page has more than one table, a ``<caption>`` on every table and ``<th scope>`` on every
heading cell. A grouped table has one ``<tbody>`` per group with a ``scope="rowgroup"`` heading,
and every cell names its headings by ``headers`` (column, group, row), which screen readers need
for multi-level headings. On a narrow screen each row becomes a block of labelled lines (the
stylesheet shows each cell's ``data-label``), so no page scrolls sideways; the print stylesheet
drops the navigation. Marks (x, v, !) are seen as the symbol and heard as the word, with the
legend before the table; a workload bar is decoration (``aria-hidden``), its number is beside it.

No scripts, no external assets. Every text is escaped with ``safety.html``; a link to the world
is made only for http, https and mailto (``safety.link``), a link inside the site only for a path
the site itself made (``local_link``); anything else is shown as plain text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from planstrategi.i18n import long_date, t
from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Row, Table

escape = safety.html

#: Colours meet WCAG 2.1 AA on white (text 4.5:1 or more): #1a1a1a 17:1, #0b4f9c 8.3:1,
#: #a4001d 8.2:1, #1d6b2a 6.5:1, #555 7.5:1; the group heading's #f0f0f0 keeps #1a1a1a above 15:1.
STYLESHEET = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.45; margin: 0;
  color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
header, main, footer, nav { padding: 0 1rem; max-width: 90rem; margin: 0 auto; }
header { border-bottom: 1px solid #bbb; padding-top: 0.75rem; padding-bottom: 0.5rem; }
footer { border-top: 1px solid #bbb; margin-top: 2rem; padding-top: 0.5rem; padding-bottom: 1rem; color: #555; }
.site-name { margin: 0; font-weight: bold; }
.as-of { margin: 0.25rem 0 0; color: #555; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
a { color: #0b4f9c; }
a:focus-visible, main:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -10rem; background: #fff; color: #0b4f9c; padding: 0.5rem 1rem;
  border: 2px solid #1a1a1a; z-index: 10; }
.skip:focus { top: 0.5rem; }
main nav { padding: 0; }
nav ul { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav h2 { font-size: 1.1rem; margin: 0.75rem 0 0.25rem; }
details { margin: 0.25rem 0; }
summary { cursor: pointer; font-weight: bold; padding: 0.25rem 0; }
summary:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
nav [aria-current="page"] { font-weight: bold; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { font-weight: bold; text-align: left; padding: 0.5rem 0; font-size: 1.1rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
th[scope="rowgroup"] { background: #f0f0f0; font-size: 1.05rem; }
th[scope="row"] { font-weight: normal; }
.center { text-align: center; }
.right { text-align: right; }
.mark { font-weight: bold; }
.mark-late { color: #a4001d; }
.mark-done { color: #1d6b2a; }
.bar { word-break: break-all; letter-spacing: -0.05em; }
.legend { margin: 0.5rem 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40em) {
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.5rem; }
  table, thead, tbody, tr, th, td { display: block; }
  table { border: 0; }
  thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border: 1px solid #999; border-bottom: 0; }
  tbody:last-child tr:last-child { border-bottom: 1px solid #999; }
  th, td, .right, .center { border: 0; padding: 0.2rem 0.6rem; text-align: left; }
  th[scope="row"] { font-weight: bold; padding-top: 0.4rem; }
  th[scope="rowgroup"] { border-bottom: 1px solid #999; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
  td:empty { display: none; }
}
@media print {
  .skip, nav, footer { display: none; }
  body { font-size: 10pt; }
  header, main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, th[scope="rowgroup"] { break-inside: avoid; }
  h2 { break-after: avoid; }
}
""".strip()

# The class of each mark: "!" in red, "v" in green (only added to the symbol and its words).
_MARK_CLASS = {"!": "mark mark-late", "v": "mark mark-done"}
# A path inside the site, made by ``site`` from slugs: "plan/x.html", "../gruppe/y.html#z".
_LOCAL = re.compile(r"^(\.\./)?([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*\.(html|ics|css)(#[a-z0-9-]+)?$")


def local_link(value: object) -> str | None:
    """``value`` when it is a relative path of the form the site makes; otherwise None."""
    return value if isinstance(value, str) and _LOCAL.match(value) else None


def link(url: object, text: str, *, local: bool = False) -> str:
    """An ``<a>`` for a safe address (a path inside the site with ``local``), else the text alone."""
    href = local_link(url) if local else safety.link(url)
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def _cell_html(column: Column, row: Row) -> str:
    target = row.get(column.link) if column.link else None
    if isinstance(target, list):
        return "<br>".join(link(url, str(url)) for url in target)
    text = column.text(row)
    if column.chart:  # a drawing: hidden from screen readers, which hear its text alternative
        alt = f'<span class="sr">{escape(column.alt(row))}</span>' if column.alt is not None else ""
        return f'<span class="bar" aria-hidden="true">{escape(text)}</span>{alt}' if text or alt else ""
    if text in column.spoken:  # a mark: seen as the symbol, heard (and on hover read) as the word
        word = escape(column.spoken[text])
        css = _MARK_CLASS.get(text, "mark")
        shown = f'<span aria-hidden="true">{escape(text)}</span>'
        return f'<span class="{css}" title="{word}">{shown}<span class="sr">{word}</span></span>'
    return link(target, text, local=column.local) if target and text else escape(text)


class _Ids:
    """The ids of one table's heading cells, unique on the page (``prefix`` is the table's)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def column(self, index: int) -> str:
        return f"{self.prefix}c{index}"

    def group(self, index: int) -> str:
        return f"{self.prefix}g{index}"

    def row(self, index: int) -> str:
        return f"{self.prefix}r{index}"


class _Cells:
    """What every row of one table shares: the columns, each cell's opening tag but its ids, and
    whether a column heads the rows (worked out once per table, not once per cell)."""

    def __init__(self, columns: Sequence[Column], ids: _Ids | None) -> None:
        self.columns = columns
        self.ids = ids
        self.row_headed = any(c.row_header for c in columns)
        self.css = [f' class="{c.align}"' if c.align != "left" else "" for c in columns]
        self.labels = [f' data-label="{escape(c.heading)}"' for c in columns]

    def row(self, row: Row, group: int, number: int) -> str:
        cells = []
        ids = self.ids
        for index, column in enumerate(self.columns):
            css, body = self.css[index], _cell_html(column, row)
            if ids is None:  # one level of headings: scope says it all
                if column.row_header:
                    cells.append(f'<th scope="row"{css}>{body}</th>')
                else:
                    cells.append(f"<td{css}{self.labels[index]}>{body}</td>")
                continue
            heads = f"{ids.column(index)} {ids.group(group)}"
            if column.row_header:
                cells.append(f'<th scope="row" id="{ids.row(number)}" headers="{heads}"{css}>{body}</th>')
            else:
                if self.row_headed:
                    heads += f" {ids.row(number)}"
                cells.append(f'<td headers="{heads}"{css}{self.labels[index]}>{body}</td>')
        return "<tr>" + "".join(cells) + "</tr>"


def table(table: Table, prefix: str, *, heading: str | None = "h2", output_format: str = "html") -> list[str]:
    """One table as a section: its heading (``heading`` level, or none when the page's h1 says it),
    the legend of its marks, the table and its notes. ``prefix`` makes its ids unique on the page."""
    lines: list[str] = []
    if heading:
        lines.append(f'<{heading} id="{prefix}h">{escape(table.caption)}</{heading}>')
    if not table.rows:
        if not heading:
            lines.append(f"<p><strong>{escape(table.caption)}</strong></p>")
        lines.append(f"<p>{escape(table.empty)}</p>")
        return lines
    columns = table.columns_for(output_format)
    if table.legend:
        lines.append(f'<p class="legend">{escape(table.legend)}</p>')
    caption = (
        f'<caption class="sr">{escape(table.caption)}</caption>'
        if heading
        else f"<caption>{escape(table.caption)}</caption>"
    )
    grouped = table.group is not None
    ids = _Ids(prefix) if grouped else None
    lines += ["<table>", caption, "<thead>", "<tr>"]
    for index, column in enumerate(columns):
        id_attr = f' id="{ids.column(index)}"' if ids else ""
        lines.append(f'<th scope="col"{id_attr}>{escape(column.heading)}</th>')
    lines += ["</tr>", "</thead>"]
    number = 0
    cells = _Cells(columns, ids)
    for group, (name, rows) in enumerate(table.groups()):
        lines.append("<tbody>")
        if ids is not None:
            head = f'<th scope="rowgroup" id="{ids.group(group)}" colspan="{len(columns)}">{escape(name or "")}</th>'
            lines.append(f"<tr>{head}</tr>")
        for row in rows:
            lines.append(cells.row(row, group, number))
            number += 1
        lines.append("</tbody>")
    lines.append("</table>")
    lines += [f"<p>{escape(note)}</p>" for note in table.notes if note != table.legend]
    return lines


def page(
    *,
    title: str,
    language: str,
    main: Iterable[str],
    site_name: str = "",
    as_of: dt.date | None = None,
    nav: Iterable[str] = (),
    stylesheet: str | None = None,
    footer: Iterable[str] = (),
) -> str:
    """A whole page: skip link, header (the site's name, the date), ``nav``, ``main`` with the h1 and
    the footer. The CSS is inline, or the local file ``stylesheet`` (a path the site made)."""
    style = (
        f'<link rel="stylesheet" href="{escape(local_link(stylesheet) or "")}">'
        if stylesheet
        else f"<style>\n{STYLESHEET}\n</style>"
    )
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        style,
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{escape(t("html.skip"))}</a>',
        "<header>",
    ]
    if site_name:
        lines.append(f'<p class="site-name">{escape(site_name)}</p>')
    if as_of is not None:
        lines.append(f'<p class="as-of">{escape(t("report.as-of", date=long_date(as_of)))}</p>')
    lines.append("</header>")
    nav = list(nav)
    if nav:
        lines += [f'<nav aria-label="{escape(t("html.nav"))}">', *nav, "</nav>"]
    lines += ['<main id="main" tabindex="-1">', f"<h1>{escape(title)}</h1>", *main, "</main>"]
    lines += ["<footer>", *(footer or [f"<p>{escape(t('html.footer'))}</p>"]), "</footer>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def render(report: Report) -> str:
    """A report as one page with inline CSS; a single table whose caption is the title gets no h2."""
    single = len(report.tables) == 1 and report.tables[0].caption == report.title
    main: list[str] = []
    for index, item in enumerate(report.tables):
        main += table(item, f"t{index}-", heading=None if single else "h2")
    return page(title=report.title, language=report.language, main=main, as_of=report.as_of())
