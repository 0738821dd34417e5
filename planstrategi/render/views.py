"""The layout of each report: its columns, headings, caption, notes and JSON metadata.

The rows come from ``planstrategi.query``; this module only decides how they are presented, in
the active language. Every format renders the same ``Report``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from planstrategi.i18n import language, long_date, t
from planstrategi.render.report import Column, Report, Row, Table

MARK_SYMBOLS = {"planned": "x", "in-progress": "x", "done": "v", "overdue": "!"}
MARK_STYLES = {"!": "bold red", "v": "green"}
#: Colour for the urgency groups of ``due`` and ``overdue`` (only added to their words, never instead).
URGENCY_STYLES = {"overdue": "bold red", "expired": "bold magenta", "due": "bold yellow"}
TERMINAL = frozenset({"table"})
WIDE = frozenset({"markdown", "csv", "html"})


def _meta(kind: str, as_of: dt.date, filters: Mapping[str, str], **extra: Any) -> dict[str, Any]:
    head = {"report": kind, "as_of": as_of.isoformat(), "year": extra.pop("year", as_of.year)}
    return {**head, "language": language(), "filters": dict(filters), **extra}


def plan_title(row: Row) -> str:
    """The title, marked * under the plan it is part of (as the planning strategy's appendix marks it)."""
    return f"* {row['title']}" if row.get("part_of") else str(row["title"])


def title_column(min_width: int | None = None) -> Column:
    return Column("title", t("col.plan"), get=plan_title, link="url", row_header=True, min_width=min_width)


def adopted_text(row: Row) -> str:
    """The adoption year, with «antatt» where the register marks it as an inference."""
    year = row.get("adopted_year")
    if year is None:
        return ""
    return t("inferred.value", value=year) if "adopted" in row.get("inferred", ()) else str(year)


def adopted_column() -> Column:
    return Column("adopted_year", t("col.adopted"), get=adopted_text, align="right")


def _title_and_id(row: Row) -> str:
    return f"{plan_title(row)}\n  {row['id']}"


def kind_text(row: Row) -> str:
    return t(f"kind.{row['kind']}")


def status_text(row: Row) -> str:
    return t(f"status.{row['status']}")


def due_report(
    rows: Sequence[Row], *, year: int, as_of: dt.date, filters: Mapping[str, str], overdue_only: bool = False
) -> Report:
    """``due`` (overdue, expired and due this year) or, with ``overdue_only``, ``overdue``."""
    kind = "overdue" if overdue_only else "due"
    counts = {u: sum(r["urgency"] == u for r in rows) for u in ("overdue", "expired", "due")}
    if overdue_only:
        del counts["due"]
    date = long_date(as_of)
    table = Table(
        key="rows",
        caption=t(f"{kind}.caption", year=year, date=date),
        columns=[
            title_column(),
            Column("category_name", t("col.category")),
            Column("reasons", t("col.reasons")),
            adopted_column(),
        ],
        rows=rows,
        group=Column(
            "urgency",
            t("col.urgency"),
            get=lambda r: t(f"urgency.{r['urgency']}", year=year),
            styles={t(f"urgency.{u}", year=year): style for u, style in URGENCY_STYLES.items()},
        ),
        empty=t(f"{kind}.none", year=year, date=date),
    )
    return Report(kind, table.caption, [table], _meta(kind, as_of, filters, year=year, counts=counts), language())


def list_report(rows: Sequence[Row], *, as_of: dt.date, filters: Mapping[str, str]) -> Report:
    """``list``: the plans grouped by category, with kind, status, adoption and next revision."""
    table = Table(
        key="rows",
        caption=t("list.caption", count=len(rows)),
        columns=[
            Column("id", t("col.id"), formats=WIDE, internal=True),
            replace(title_column(), formats=WIDE),
            Column("title", t("col.plan"), get=_title_and_id, min_width=30, formats=TERMINAL),
            Column("kind", t("col.kind"), get=kind_text),
            Column("status", t("col.status"), get=status_text),
            adopted_column(),
            Column("next_revision", t("col.next-revision"), align="right"),
        ],
        rows=rows,
        group=Column("category_name", t("col.category")),
        empty=t("list.none"),
    )
    return Report("list", table.caption, [table], _meta("list", as_of, filters, count=len(rows)), language())


def _mark_column(year: int) -> Column:
    def symbol(row: Row) -> str:
        return MARK_SYMBOLS.get(row["marks"].get(str(year), ""), "")

    spoken = {"x": t("state.planlagt"), "v": t("state.vedtatt"), "!": t("state.overdue")}
    return Column(str(year), str(year), get=symbol, align="center", styles=MARK_STYLES, no_wrap=True, spoken=spoken)


def matrix_report(
    rows: Sequence[Row],
    *,
    years: range,
    as_of: dt.date,
    filters: Mapping[str, str],
    term: int | None,
    overarching: bool,
) -> Report:
    """``table``: the revision matrix, plans by category, a column per year."""
    start, end = years[0], years[-1]
    if overarching:
        caption = t("table.caption.overarching", start=start, end=end)
    elif term is not None:
        caption = t("table.caption.term", start=term, end=term + 4)
    else:
        caption = t("table.caption.years", start=start, end=end)
    table = Table(
        key="rows",
        caption=caption,
        columns=[
            title_column(min_width=24),
            adopted_column(),
            *(_mark_column(year) for year in years),
            Column("remarks", t("col.remarks")),
        ],
        rows=rows,
        group=Column("category_name", t("col.category")),
        notes=[t("table.legend"), t("report.as-of", date=long_date(as_of))],
        legend=t("table.legend"),
        empty=t("list.none"),
    )
    meta = _meta("table", as_of, filters, term=term, years=list(years), overarching=overarching)
    return Report("table", caption, [table], meta, language())
