"""The shape every report has before it is rendered: tables of rows, with headings and metadata.

A row is a dict of JSON values (keys in English, values as in the data); a ``Column`` says which
value it shows and under which heading. The JSON renderer writes the rows as they are; the others
show the columns as text, and the grouped ones (table, markdown, html) start a new group of rows
whenever the ``group`` column changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from planstrategi.i18n import t

#: Who reads an output: the public (the published site, the council's appendix) or the planners.
AUDIENCES = ("public", "internal")

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Column:
    """One column: the row key it shows (or ``get``), its heading, and how a renderer may dress it."""

    key: str
    heading: str
    get: Callable[[Row], Any] | None = None
    align: str = "left"  # left, center or right
    link: str | None = None  # row key holding the address the cell links to (html)
    local: bool = False  # the link is a page of the site (a relative path the site made), not an address
    row_header: bool = False  # the cell names the row (html <th scope="row">)
    no_wrap: bool = False  # keep on one line in the terminal (ids, years, marks)
    min_width: int | None = None  # in the terminal, for a column that must not be squeezed
    formats: frozenset[str] | None = None  # the formats that show it (None: all); JSON has every key
    styles: Mapping[str, str] = field(default_factory=dict)  # cell text -> rich style
    spoken: Mapping[str, str] = field(default_factory=dict)  # cell text (a mark) -> words for screen readers
    chart: bool = False  # the cell is a drawing (a workload bar): decoration in html, the number is beside it
    alt: Callable[[Row], str] | None = None  # a chart cell's text alternative ("3 av 4"), heard instead of it
    internal: bool = False  # working detail for the planners (ids, "Kontrollert"): left out for the public

    def value(self, row: Row) -> Any:
        return self.get(row) if self.get is not None else row.get(self.key)

    def text(self, row: Row) -> str:
        return cell_text(self.value(row))


@dataclass(frozen=True)
class Table:
    """Rows under one caption. ``key`` names the rows in JSON ("rows", "revisions", …)."""

    key: str
    caption: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    group: Column | None = None
    notes: Sequence[str] = ()
    empty: str = ""  # said instead of the table when there are no rows
    legend: str | None = None  # the note that explains the marks: html shows it before the table
    internal_notes: Sequence[str] = ()  # notes only the planners see (left out for the public)

    def columns_for(self, output_format: str) -> list[Column]:
        """The columns ``output_format`` shows (the terminal leaves out some the wide formats have)."""
        return [c for c in self.columns if c.formats is None or output_format in c.formats]

    def for_audience(self, audience: str) -> Table:
        """The table as ``audience`` ("public" or "internal") sees it: the public gets no internal
        column and no internal note."""
        if audience == "internal":
            return self
        return replace(
            self,
            columns=[c for c in self.columns if not c.internal],
            notes=[n for n in self.notes if n not in self.internal_notes],
            internal_notes=(),
        )

    def groups(self) -> Iterator[tuple[str | None, list[Row]]]:
        """Consecutive rows with the same group value, in order (one group of all when ungrouped)."""
        if self.group is None:
            yield None, list(self.rows)
            return
        current: str | None = None
        bucket: list[Row] = []
        for row in self.rows:
            name = self.group.text(row)
            if bucket and name != current:
                yield current, bucket
                bucket = []
            current = name
            bucket.append(row)
        if bucket:
            yield current, bucket


@dataclass(frozen=True)
class Report:
    """A whole report: its kind ("due", "table", …), title, tables and the metadata JSON starts with."""

    kind: str
    title: str
    tables: Sequence[Table]
    meta: Mapping[str, Any] = field(default_factory=dict)
    language: str = "nb"
    data: Mapping[str, Any] | None = None  # JSON body instead of the tables' rows (show)

    def for_audience(self, audience: str) -> Report:
        """The report with each table as ``audience`` sees it (``Table.for_audience``)."""
        return replace(self, tables=[table.for_audience(audience) for table in self.tables])

    def as_of(self) -> dt.date | None:
        """The date the report answers for (its ``as_of`` metadata), for the documents that print it."""
        value = self.meta.get("as_of")
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None


def cell_text(value: Any) -> str:
    """A JSON value as a cell: lists joined with "; ", reasons by their text, booleans as ja/nei."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("value.yes") if value else t("value.no")
    if isinstance(value, Mapping):
        return str(value.get("text", ""))
    if isinstance(value, list | tuple):
        return "; ".join(text for text in (cell_text(item) for item in value) if text)
    return str(value)


def safe_link(value: Any) -> str | None:
    """``value`` when it is an http, https or mailto address without blanks; otherwise None
    (``safety.link``, where the rule lives)."""
    from planstrategi.render import safety

    return safety.link(value)
