"""``show``: one plan as a report — its fields, revision history, decisions and goals.

The text formats get four tables (fields as label/value rows, revisions, decisions, goals with
their strategies, measures and targets as one row per item); JSON gets the plan as in the data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from planstrategi.i18n import date_text, language, t
from planstrategi.model import CadenceRule
from planstrategi.render.report import Column, Report, Table, cell_text
from planstrategi.rules import engine, terms
from planstrategi.rules.query import base_row, revision_history

if TYPE_CHECKING:
    from planstrategi.model import Cadence, GoalSet, Measure, Plan, Target
    from planstrategi.store.register import Register


def _municipality(register: Register, number: str | None) -> str | None:
    return f"{register.municipality_name(number)} ({number})" if number else None


def cadence_text(cadence: Cadence) -> str:
    """ "hver valgperiode, innen 1 år", "hvert 4. år", "årlig", …"""
    if cadence.rule is CadenceRule.VALGPERIODE and cadence.within_years:
        return t("cadence.valgperiode-within", n=cadence.within_years)
    if cadence.rule is CadenceRule.INTERVALL:
        return t("cadence.intervall", n=cadence.interval_years or "?")
    return t(f"cadence.{cadence.rule.value}")


def _field_rows(register: Register, plan: Plan, year: int, as_of: dt.date) -> list[dict[str, Any]]:
    reasons = engine.due_reasons(plan, year, engine.Context.of(register, as_of))
    values: list[tuple[str, Any]] = [
        ("id", plan.id),
        ("title", plan.title),
        ("category", f"{register.category_name(plan.category, language())} ({plan.category})"),
        ("kind", t(f"kind.{plan.kind.value}")),
        ("status", t(f"status.{plan.status.value}")),
        ("municipality", _municipality(register, plan.municipality)),
        ("host", _municipality(register, plan.host)),
        ("partners", [_municipality(register, number) for number in plan.partners]),
        ("adopted", plan.adopted.isoformat() if isinstance(plan.adopted, dt.date) else plan.adopted),
        ("adopted_by", t(f"body.{plan.adopted_by.value}") if plan.adopted_by else None),
        ("valid_from", plan.valid_from),
        ("valid_to", plan.valid_to),
        ("cadence", cadence_text(plan.cadence)),
        ("overarching", plan.overarching or None),
        ("part_of", plan.part_of),
        ("responsible", plan.responsible),
        ("links", plan.links),
        ("legal_basis", plan.legal_basis),
        ("requirements", plan.requirements),
        ("supersedes", plan.supersedes),
        ("superseded_by", plan.superseded_by),
        ("remarks", plan.remarks),
        ("term", terms.term_of_date(as_of).label()),
        ("due", [r.to_dict() for r in reasons] or t("show.not-due")),
    ]
    rows = [
        {"field": key, "label": t(f"field.{key}", year=year), "value": value}
        for key, value in values
        if cell_text(value)
    ]
    for row in rows:
        if row["field"] == "links":
            row["href"] = plan.links
    return rows


def _number(value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if language() == "nb" else text


def target_text(target: Target) -> str:
    """ "Direkte utslipp fra kommunen: endring -33 % fra 2021 til 2030"."""
    text = f"{target.indicator}: {t('comparison.' + target.comparison.value)} {_number(target.value)} {target.unit}"
    if target.baseline_year is not None:
        text += " " + t("target.from", year=target.baseline_year)
    if target.target_year is not None:
        text += " " + t("target.by", year=target.target_year)
    return text


def _measure_row(measure: Measure) -> dict[str, Any]:
    details = [
        t("goal.responsible", name=measure.responsible) if measure.responsible else None,
        measure.status,
        measure.description,
    ]
    return {"level": t("level.measure"), "text": measure.title, "detail": [d for d in details if d]}


def _goal_rows(goals: GoalSet) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for goal in goals.goals:
        rows.append({"level": t("level.goal"), "text": goal.title, "detail": goal.description})
        rows.extend({"level": t("level.target"), "text": target_text(x), "detail": None} for x in goal.targets)
        for strategy in goal.strategies:
            rows.append({"level": t("level.strategy"), "text": strategy.title, "detail": None})
            rows.extend(_measure_row(m) for m in strategy.measures)
        rows.extend(_measure_row(m) for m in goal.measures)
    return rows


def _when(value: object) -> str:
    """A year as it is, a date (ISO in the data) in the language's form."""
    if isinstance(value, str):
        return date_text(dt.date.fromisoformat(value))
    return "" if value is None else str(value)


def _span(years: list[int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


def _decision(decision: dict[str, Any] | None) -> str:
    if decision is None:
        return ""
    parts = [_when(decision["date"]), t("show.case", case=decision["case"]) if decision["case"] else ""]
    if decision["body"]:
        parts.append(t(f"body.{decision['body']}"))
    return ", ".join(p for p in parts if p)


def show_report(register: Register, plan: Plan, *, as_of: dt.date) -> Report:
    """Every field of ``plan``, its revisions, decisions and goals, judged as of ``as_of``."""
    year = as_of.year
    goals = register.goals.get(plan.id)
    history = revision_history(plan, year)
    tables = [
        Table(
            "fields",
            t("show.fields"),
            [Column("label", t("col.field"), row_header=True), Column("value", t("col.value"), link="href")],
            _field_rows(register, plan, year, as_of),
        ),
        Table(
            "revisions",
            t("show.revisions"),
            [
                Column("target", t("col.target"), align="right", get=lambda r: _when(r["target"])),
                Column("work", t("col.work-years"), get=lambda r: _span(r["work"])),
                Column(
                    "state",
                    t("col.state"),
                    get=lambda r: t(f"state.{'overdue' if r['overdue'] else r['state']}"),
                    styles={t("state.overdue"): "bold red", t("state.vedtatt"): "green"},
                ),
                Column("decision", t("col.decision"), get=lambda r: _decision(r["decision"])),
                Column("note", t("col.note")),
            ],
            history,
            empty=t("show.no-revisions"),
        ),
    ]
    if plan.decisions:
        decisions = [
            {
                "case": d.case,
                "date": d.date.isoformat() if d.date else d.year,
                "body": t(f"body.{d.body.value}") if d.body else None,
                "note": d.note,
            }
            for d in plan.decisions
        ]
        columns = [
            Column("case", t("col.case")),
            Column("date", t("col.date")),
            Column("body", t("col.body")),
            Column("note", t("col.note")),
        ]
        tables.append(Table("decisions", t("show.decisions"), columns, decisions))
    if goals is not None:
        notes = [
            text
            for text in (
                goals.vision and t("goal.vision", text=goals.vision),
                goals.source and t("goal.source", text=goals.source),
            )
            if text
        ]
        rows = _goal_rows(goals)
        columns = [Column("level", t("col.level")), Column("text", t("col.goal"))]
        if any(cell_text(row["detail"]) for row in rows):
            columns.append(Column("detail", t("col.detail")))
        tables.append(Table("goals", t("show.goals"), columns, rows, notes=notes))
    reasons = engine.due_reasons(plan, year, engine.Context.of(register, as_of))
    most = engine.urgency(reasons)
    data = {
        "plan": plan.model_dump(mode="json"),
        "category_name": base_row(register, plan)["category_name"],
        "term": {
            "election_year": terms.term_of_date(as_of).election_year,
            "years": list(terms.term_of_date(as_of).years),
        },
        "due": {"urgency": most.code if most else None, "reasons": [r.to_dict() for r in reasons]},
        "revisions": history,
        "goals": goals.model_dump(mode="json") if goals else None,
    }
    meta = {"report": "show", "as_of": as_of.isoformat(), "year": year, "language": language()}
    return Report("show", plan.title, tables, meta, language(), data=data)
