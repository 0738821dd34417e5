"""One engine: every report gives the engine's answer, for every plan of the bundled register.

On every 1 March and 1 November from 2020 to 2032, ``due``, ``overdue``, ``table``,
``requirements``, ``workload``, ``coordination`` and the report (appendix) are run as a planner
runs them (JSON out) and held against ``rules.engine`` asked directly for the same plan and day.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planstrategi import i18n
from planstrategi.cli import app
from planstrategi.render import appendix
from planstrategi.rules import engine, terms
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DAYS = [dt.date(year, month, 1) for year in range(2020, 2033) for month in (3, 11)]
REGISTER = reg.load(DATA)
PLANS = REGISTER.plans


def cli(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--data", str(DATA), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def answer(day: dt.date, year: int | None = None) -> dict[str, list[engine.Reason]]:
    context = engine.Context.of(REGISTER, day)
    return {plan_id: engine.due_reasons(plan, year or day.year, context) for plan_id, plan in PLANS.items()}


def as_data(reasons: list[engine.Reason], *, basis: bool = True) -> list[dict[str, object]]:
    return [r.to_dict(basis=basis) for r in reasons]


@pytest.fixture(autouse=True)
def _bokmal() -> None:
    i18n.set_language("nb")


def test_the_register_is_whole() -> None:
    assert len(PLANS) >= 60
    assert not [p for p in REGISTER.problems if p.severity.value == "error"]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_due_and_overdue_give_the_engines_reasons(day: dt.date) -> None:
    expected = answer(day)
    due = cli("due", str(day.year), "--as-of", day.isoformat())
    assert {row["id"]: row["reasons"] for row in due["rows"]} == {
        plan_id: as_data(reasons) for plan_id, reasons in expected.items() if reasons
    }
    overdue = cli("overdue", "--as-of", day.isoformat())
    assert {row["id"]: row["reasons"] for row in overdue["rows"]} == {
        plan_id: as_data(late)
        for plan_id, reasons in expected.items()
        if (late := [r for r in reasons if r.urgency is not engine.Urgency.DUE])
    }


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_table_the_checklist_and_the_appendix_give_the_engines_answer(day: dt.date) -> None:
    term = terms.term_of_date(day)
    years = range(term.election_year, term.last_year + 1)
    table = cli("table", "--term", str(term.election_year), "--all", "--as-of", day.isoformat())
    marks = {row["id"]: row["marks"] for row in table["rows"]}
    assert marks == {
        plan_id: {str(y): m.value for y, m in sorted(engine.revision_marks(plan, years, day.year).items())}
        for plan_id, plan in PLANS.items()
    }

    expected = answer(day)
    checklist = cli("requirements", "--as-of", day.isoformat())
    for row in checklist["rows"]:
        requirement = REGISTER.requirements[row["id"]]
        for entry in row["plans"]:
            plan = PLANS[entry["id"]]
            reasons = engine.for_requirement(expected[entry["id"]], row["id"]) or engine.unmet_term(
                plan, day.year, engine.Context.of(REGISTER, day), requirement
            )
            assert entry["reasons"] == as_data(reasons, basis=False)
            urgency = engine.urgency(reasons)
            assert entry["status"] == {None: "current", engine.Urgency.DUE: "due"}.get(urgency, "overdue")

    document = appendix.appendix(REGISTER, term, day)
    rows = {table.key: table.rows for table in document.tables}
    assert rows["rows"] == checklist["rows"]  # the statutory checklist, as `requirements` gives it
    matrix = next(table for table in document.tables if table.rows and "marks" in table.rows[0])
    for row in matrix.rows:
        assert row["marks"] == marks[row["id"]]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_workload_and_coordination_count_what_the_engine_says(day: dt.date) -> None:
    term_years = list(terms.term_of_date(day).years)
    load = cli("workload", "--details", "--as-of", day.isoformat())
    by_year = {year: answer(day, year) for year in term_years}
    for item in load["items"]:
        said = as_data(by_year[item["year"]][item["id"]])
        if item["source"] == "cadence":  # a round falling due: the cadence's reasons of the engine's
            assert item["reasons"] and all(
                r in said and r["ground"] in ("cadence", "requirement") for r in item["reasons"]
            )
        else:
            assert item["reasons"] == said
    if day.year in term_years:  # what is late today lands in today's work
        counted = {item["id"] for item in load["items"] if item["year"] == day.year}
        late = {
            plan_id
            for plan_id, reasons in by_year[day.year].items()
            if engine.urgency(reasons) in (engine.Urgency.OVERDUE, engine.Urgency.EXPIRED)
        }
        assert late <= counted
    shared = cli("coordination", "--as-of", day.isoformat())
    for row in shared["rows"]:
        said = as_data(answer(day, row["year"])[row["id"]])
        assert all(r in said for r in row["reasons"])
