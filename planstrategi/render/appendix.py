"""The planning strategy's appendix as one document, fit to attach to the council case and publish.

One ``Report`` of five parts, each built by the module that owns it, for the council term that
plans the years of the strategy (the term elected in 2023 plans 2024–2027):

1. the revision table (``views.matrix_report``), election year and the four planning years;
2. the full plan overview by group (``views.list_report``);
3. the goals and measurable targets of the plans that have them;
4. the workload per year against the capacity (``render.intelligence``);
5. the statutory checklist, judged in the year of the report's date.

Retired plans (``utgått``, ``erstattet``) are left out, as in the council's own table. The HTML
and Markdown renderers turn the report into a page; nothing here writes a file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planstrategi.i18n import language, t
from planstrategi.model import Plan
from planstrategi.render import OutputFormat, intelligence, views
from planstrategi.render.plan import target_text
from planstrategi.render.report import AUDIENCES, Column, Report, Table
from planstrategi.rules import query, requirements, terms, workload
from planstrategi.store.register import Register


def goal_rows(register: Register, plans: list[Plan]) -> list[dict[str, Any]]:
    """One row per goal of the plans that have goals, in the plans' order: the goal and its targets."""
    rows = []
    for plan in plans:
        goals = register.goals.get(plan.id)
        if goals is None:
            continue
        for goal in goals.goals:
            rows.append(
                {
                    "plan": plan.id,
                    "plan_title": plan.title,
                    "goal": goal.title,
                    "description": goal.description,
                    "targets": [target_text(target) for target in goal.targets],
                }
            )
    return rows


def goals_table(register: Register, plans: list[Plan]) -> Table:
    return Table(
        key="goals",
        caption=t("appendix.goals-caption"),
        columns=[
            Column("goal", t("col.goal"), row_header=True),
            Column("targets", t("appendix.target")),
        ],
        rows=goal_rows(register, plans),
        group=Column("plan_title", t("col.plan")),
        empty=t("appendix.goals-none"),
    )


def appendix(
    register: Register,
    term: terms.CouncilTerm,
    as_of: dt.date,
    *,
    capacity: int = workload.DEFAULT_CAPACITY,
    audience: str = "public",
) -> Report:
    """The appendix for ``term`` as seen on ``as_of``, for ``audience``: "public" (the default: what
    the council and the residents read) leaves out the planners' working detail (ids, whether a
    requirement is checked against the law text and the note saying so); "internal" keeps it."""
    if audience not in AUDIENCES:
        raise ValueError(audience)
    plans = query.select(register, query.Filters(), include_retired=False)
    years = range(term.election_year, term.last_year + 1)
    matrix = views.matrix_report(
        query.matrix_rows(register, plans, years, as_of.year),
        years=years,
        as_of=as_of,
        filters={},
        term=term.election_year,
        overarching=False,
    )
    overview = views.list_report(query.list_rows(register, plans), as_of=as_of, filters={})
    load = workload.workload(register, plans, term.years, as_of.year, capacity=capacity, lang=language(), today=as_of)
    checks = requirements.check(register, as_of.year, today=as_of)
    tables = [
        *matrix.tables,
        *overview.tables,
        goals_table(register, plans),
        *intelligence.workload_tables(load),
        intelligence.requirements_table(checks, as_of.year),
    ]
    home = register.municipalities.home if register.municipalities else ""
    title = t("appendix.title", name=register.municipality_name(home), start=term.first_year, end=term.last_year)
    meta = {
        "report": "appendix",
        "as_of": as_of.isoformat(),
        "term": term.election_year,
        "years": list(term.years),
        "language": language(),
    }
    meta["audience"] = audience
    return Report("appendix", title, tables, meta, language()).for_audience(audience)


def render(document: Report, output_format: OutputFormat) -> str:
    """The appendix as ``output_format`` text; Markdown gets the title as its one top heading."""
    text = output_format.renderer()(document)
    if output_format is OutputFormat.MARKDOWN:
        from planstrategi.render import safety

        text = f"# {safety.markdown(document.title)}\n\n{text}"
    return text
