"""The layout of the planning-intelligence reports: ``requirements``, ``workload``, ``coordination``.

Like ``views``, this turns the domain's answers (``requirements.Check``, ``workload.Workload``,
``coordination.Coordination``) into rows of JSON values and ``Report``s that every format renders
the same way; nothing here computes what is due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from planstrategi.i18n import language, t
from planstrategi.model import Cooperation, LegalBasis, Plan
from planstrategi.render.plan import cadence_text
from planstrategi.render.report import Column, Report, Row, Table
from planstrategi.render.views import adopted_column, title_column
from planstrategi.rules import engine
from planstrategi.rules.coordination import Coordination, cooperation_of, partners_of
from planstrategi.rules.query import base_row
from planstrategi.rules.requirements import Check, counts
from planstrategi.rules.workload import Item, Source, Workload
from planstrategi.store.register import Register

BAR = {Source.REVISION: "█", Source.CADENCE: "█", Source.BACKLOG: "▒"}
MAX_BAR = 50  # characters; a longer bar ends in "…" (the count beside it is exact)
_WIDE = frozenset({"markdown", "html", "csv"})
_CHARTS = frozenset({"table", "markdown", "html"})  # a bar is no value for a spreadsheet


def _meta(kind: str, as_of: dt.date, filters: Mapping[str, str], **extra: Any) -> dict[str, Any]:
    return {"report": kind, "as_of": as_of.isoformat(), **extra, "language": language(), "filters": dict(filters)}


def _basis_text(basis: LegalBasis) -> str:
    return f"{basis.law} {basis.section}" if basis.section else basis.law


def _check_styles() -> dict[str, str]:
    return {
        t("check.current"): "green",
        t("check.due"): "yellow",
        t("check.overdue"): "bold red",
        t("check.missing"): "bold red",
    }


def requirement_rows(checks: Sequence[Check]) -> list[dict[str, Any]]:
    """One row per requirement: what it is, where it comes from, which plans meet it and how."""
    rows = []
    for item in checks:
        req = item.requirement
        strength = t(f"strength.{req.strength.value}")
        if req.cadence_strength is not None:
            strength = t("strength.cadence", strength=strength, cadence=t(f"strength.{req.cadence_strength.value}"))
        links = [b.link for b in req.legal_basis if b.link]
        rows.append(
            {
                "id": req.id,
                "title": req.title,
                "url": links[0] if links else None,
                "legal_basis": [b.model_dump(exclude_none=True) for b in req.legal_basis],
                "legal_basis_text": [_basis_text(b) for b in req.legal_basis],
                "strength": req.strength.value,
                "cadence_strength": req.cadence_strength.value if req.cadence_strength else None,
                "strength_text": strength,
                "cadence": req.cadence.model_dump(exclude_none=True, mode="json"),
                "cadence_text": cadence_text(req.cadence),
                "adopted_by": req.adopted_by.value if req.adopted_by else None,
                "status": item.status.code,
                "assumed": item.assumed,
                "plans": [
                    {
                        "id": c.plan.id,
                        "title": c.plan.title,
                        "status": c.status.code,
                        "assumed": c.assumed,
                        "reasons": _reasons(c.reasons, basis=False),
                    }
                    for c in item.plans
                ],
                "met_by": [c.plan.title for c in item.plans],
                "reasons": _reasons(item.reasons, basis=False),
                "summary": req.summary,
                "verified": req.verified,
                "note": req.note,
            }
        )
    return rows


def _reasons(reasons: Sequence[engine.Reason], *, basis: bool = True) -> list[dict[str, object]]:
    """The reasons as data; ``basis=False`` where the row shows the legal basis already."""
    return [r.to_dict(basis=basis) for r in reasons]


def requirements_table(checks: Sequence[Check], year: int) -> Table:
    """The statutory checklist as one table, with the tally and the unverified ones as notes."""
    tally = counts(checks)
    unverified = [c.requirement.title for c in checks if not c.requirement.verified]
    notes = [t("requirements.counts", **{s.code: n for s, n in tally.items()})]
    internal = [t("requirements.unverified", names="; ".join(unverified))] if unverified else []
    notes += internal
    return Table(
        key="rows",
        caption=t("requirements.caption", year=year),
        columns=[
            Column("title", t("col.requirement"), link="url", row_header=True, min_width=16),
            Column("legal_basis_text", t("col.legal-basis")),
            Column("strength_text", t("col.strength"), formats=_WIDE),
            Column("cadence_text", t("col.cadence"), formats=_WIDE),
            Column("met_by", t("col.met-by")),
            Column(
                "status",
                t("col.status"),
                get=lambda r: t(f"check.{r['status']}") + (" " + t("check.assumed") if r["assumed"] else ""),
                styles=_check_styles(),
                no_wrap=True,
            ),
            Column("reasons", t("col.reasons")),
            Column("verified", t("col.verified"), formats=_WIDE, internal=True),
        ],
        rows=requirement_rows(checks),
        notes=notes,
        internal_notes=internal,
        empty=t("requirements.none"),
    )


def requirements_report(checks: Sequence[Check], *, year: int, as_of: dt.date, filters: Mapping[str, str]) -> Report:
    """``requirements``: the checklist judged in ``year``."""
    table = requirements_table(checks, year)
    tally = {s.code: n for s, n in counts(checks).items()}
    meta = _meta("requirements", as_of, filters, year=year, counts=tally)
    return Report("requirements", table.caption, [table], meta, language())


def period(years: Sequence[int]) -> str:
    """ "2024–2027", or "2026" for a single year."""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _bar(items: Sequence[Item]) -> str:
    bar = "".join(BAR[i.source] for i in sorted(items, key=lambda i: i.source is Source.BACKLOG))
    return bar if len(bar) <= MAX_BAR else bar[: MAX_BAR - 1] + "…"


def workload_tables(load: Workload, *, details: bool = False) -> list[Table]:
    """The bar chart per year, the breakdown by group and, with ``details``, the plans counted."""
    years = [y.year for y in load.years]
    over = [y.year for y in load.years if load.over(y)]
    flag = t("workload.over")
    year_rows = [
        {
            "year": y.year,
            "total": y.total,
            **{s.value: sum(i.source is s for i in y.items) for s in Source},
            "over": load.over(y),
            "bar": _bar(y.items),
        }
        for y in load.years
    ]
    capacity_note = (
        t("workload.over-years", capacity=load.capacity, years=", ".join(map(str, over)))
        if over
        else t("workload.within", capacity=load.capacity)
    )
    chart = Table(
        key="years",
        caption=t("workload.caption", period=period(years), capacity=load.capacity),
        columns=[
            Column("year", t("col.year"), row_header=True, no_wrap=True),
            Column("total", t("col.count"), align="right", no_wrap=True),
            Column(
                "bar",
                t("col.bar"),
                no_wrap=True,
                formats=_CHARTS,
                chart=True,
                alt=lambda r: t("workload.bar-alt", total=r["total"], capacity=load.capacity),
            ),
            Column("over", t("col.flag"), get=lambda r: flag if r["over"] else "", styles={flag: "bold red"}),
        ],
        rows=year_rows,
        notes=[
            capacity_note,
            t("workload.counting"),
            t("workload.legend", done=BAR[Source.REVISION], late=BAR[Source.BACKLOG]),
        ],
    )
    by_name = t(f"workload.by.{load.by.value}")
    group_rows = [
        {
            "group": g,
            **{str(y.year): y.by_group[g] for y in load.years},
            "total": sum(y.by_group[g] for y in load.years),
        }
        for g in load.groups
    ]
    breakdown = Table(
        key="groups",
        caption=t("workload.by-caption", by=by_name),
        columns=[
            Column("group", by_name[:1].upper() + by_name[1:], row_header=True),
            *(Column(str(y), str(y), align="right", no_wrap=True) for y in years),
            Column("total", t("col.total"), align="right", no_wrap=True),
        ],
        rows=group_rows,
        empty=t("list.none"),
    )
    tables = [chart, breakdown]
    if details:
        rows = []
        for y in load.years:
            for item in y.items:
                row = {"year": y.year, "id": item.plan.id, "title": item.plan.title, "source": item.source.value}
                row["reasons"] = _reasons(item.reasons)
                rows.append(row)
        tables.append(
            Table(
                key="items",
                caption=t("workload.details-caption"),
                columns=[
                    Column("title", t("col.plan"), row_header=True),
                    Column("source", t("col.work"), get=lambda r: t(f"workload.source.{r['source']}")),
                    Column("reasons", t("col.reasons")),
                ],
                rows=rows,
                group=Column("year", t("col.year")),
                empty=t("list.none"),
            )
        )
    return tables


def workload_report(load: Workload, *, as_of: dt.date, filters: Mapping[str, str], details: bool = False) -> Report:
    """``workload``: revisions per year against the capacity."""
    tables = workload_tables(load, details=details)
    over = [y.year for y in load.years if load.over(y)]
    meta = _meta(
        "workload",
        as_of,
        filters,
        years=[y.year for y in load.years],
        capacity=load.capacity,
        by=load.by.value,
        over_capacity=over,
    )
    return Report("workload", tables[0].caption, tables, meta, language())


def _names(register: Register, numbers: Sequence[str]) -> list[str]:
    return [register.municipality_name(n) for n in numbers]


def _shared_row(register: Register, plan: Plan) -> dict[str, Any]:
    cooperation = cooperation_of(register, plan)
    row = base_row(register, plan)
    row.update(
        municipality=register.municipality_name(plan.municipality),
        host=register.municipality_name(plan.host) if plan.host else None,
        partners=_names(register, partners_of(register, plan)),
        cooperation=cooperation.title if cooperation else None,
    )
    return row


def _arrangement_row(register: Register, cooperation: Cooperation) -> dict[str, Any]:
    return {
        "id": cooperation.id,
        "title": cooperation.title,
        "kind": cooperation.kind,
        "host": register.municipality_name(cooperation.host) if cooperation.host else None,
        "partners": _names(register, cooperation.partners),
        "note": cooperation.note,
    }


def coordination_report(
    register: Register, result: Coordination, *, as_of: dt.date, filters: Mapping[str, str]
) -> Report:
    """``coordination``: shared plans with work per year, those without, and the arrangements."""
    years = [year for year, _ in result.years]
    span = {"period": period(years)}
    rows: list[Row] = []
    for year, found in result.years:
        for item in found:
            row = _shared_row(register, item.plan)
            row.update(year=year, source=item.source.value, reasons=_reasons(item.reasons))
            rows.append(row)
    plan_columns = [
        title_column(),
        Column("municipality", t("col.owner-municipality")),
        Column("host", t("col.host"), formats=_WIDE),
        Column("partners", t("col.partners")),
        Column("cooperation", t("col.cooperation"), formats=_WIDE),
    ]
    work = Column("source", t("col.work"), get=lambda r: t(f"workload.source.{r['source']}"))
    shared = Table(
        key="rows",
        caption=t("coordination.caption", **span),
        columns=[*plan_columns, work, Column("reasons", t("col.reasons"))],
        rows=rows,
        group=Column("year", t("col.year")),
        notes=[t("coordination.procedure")],
        empty=t("coordination.none", **span),
    )
    idle = Table(
        key="idle",
        caption=t("coordination.idle-caption", **span),
        columns=[*plan_columns, adopted_column()],
        rows=[_shared_row(register, plan) for plan in result.idle],
        # With no shared plan at all, "every shared plan has work" would be true but misleading.
        empty=t("coordination.idle-none") if rows else t("coordination.no-shared"),
    )
    arrangements = Table(
        key="arrangements",
        caption=t("coordination.arrangements-caption"),
        columns=[
            Column("title", t("col.cooperation"), row_header=True),
            Column("kind", t("col.form"), get=lambda r: t(f"cooperation.{r['kind']}")),
            Column("host", t("col.host")),
            Column("partners", t("col.partners")),
            Column("note", t("col.note"), formats=_WIDE),
        ],
        rows=[_arrangement_row(register, c) for c in result.arrangements],
        empty=t("coordination.arrangements-none"),
    )
    meta = _meta("coordination", as_of, filters, years=years)
    return Report("coordination", shared.caption, [shared, idle, arrangements], meta, language())
