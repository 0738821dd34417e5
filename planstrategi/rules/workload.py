"""Workload per year: how many plans are to be revised in each year, and whether that is too many.

Os kommune is small ("vi må være effektive og målretta i tidsbruken"), so the planning strategy
must not put more revisions in one year than the administration can carry. A plan counts once
in a year when work on it falls in that year:

    revision   a revision has work in the year: its work years through its target, or the
               year it was adopted;
    cadence    the rules make it due that year by its cadence, for the first time (an annual
               plan without a recorded round, a term plan at its deadline, an interval plan in
               the year its interval runs out);
    backlog    in the current year only: the plan is overdue or expired and has no work
               recorded that year, so the overdue work lands now.

Overdue work is not counted again in every later year; it lands once, in the current year.
The years are grouped by category, owner (responsible, ``ansvarlig``) or municipality.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planstrategi.i18n import t
from planstrategi.model import Plan, RevisionState
from planstrategi.rules import engine
from planstrategi.store.register import Register

DEFAULT_CAPACITY = 3
_LATE = frozenset({engine.Urgency.OVERDUE, engine.Urgency.EXPIRED})


class Source(StrEnum):
    """Why a plan counts in a year."""

    REVISION = "revision"
    CADENCE = "cadence"
    BACKLOG = "backlog"


class GroupBy(StrEnum):
    """What the years are broken down by (``--by``)."""

    category = "category"
    owner = "owner"
    municipality = "municipality"


@dataclass(frozen=True)
class Item:
    """One plan's work in one year."""

    plan: Plan
    year: int
    source: Source
    reasons: tuple[engine.Reason, ...] = ()


@dataclass(frozen=True)
class YearLoad:
    """The work of one year: the items, and their count per group in the workload's group order."""

    year: int
    items: tuple[Item, ...]
    by_group: dict[str, int]

    @property
    def total(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Workload:
    """Every year of the range, the groups in display order, and the capacity a year may carry."""

    years: tuple[YearLoad, ...]
    groups: tuple[str, ...]
    capacity: int
    by: GroupBy

    def over(self, load: YearLoad) -> bool:
        return load.total > self.capacity

    @property
    def busiest(self) -> int:
        return max((y.total for y in self.years), default=0)


def items(plans: Iterable[Plan], years: Sequence[int], current_year: int, context: engine.Context) -> list[Item]:
    """The work each plan brings in each of ``years``, by year and then plan id."""
    found: list[Item] = []
    for plan in sorted(plans, key=lambda p: p.id):
        if plan.status in engine.RETIRED:
            continue
        for year in years:
            item = _item(plan, year, current_year, context)
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda i: (i.year, i.plan.id))


def _item(plan: Plan, year: int, current_year: int, context: engine.Context) -> Item | None:
    reasons = tuple(engine.due_reasons(plan, year, context))
    if any(year in engine.work_years(r) for r in plan.revisions if r.state is not RevisionState.AVLYST):
        return Item(plan, year, Source.REVISION, reasons)
    fresh = tuple(
        r
        for r in reasons
        if (r.code in engine.FRESH and r.year == year)
        or (r.code is engine.ReasonCode.ANNUAL_MISSED and year != current_year)
    )  # a yearly plan behind schedule still has its round in each year ahead
    if fresh:
        return Item(plan, year, Source.CADENCE, fresh)
    if year == current_year and engine.urgency(list(reasons)) in _LATE:
        return Item(plan, year, Source.BACKLOG, reasons)
    return None


def group_of(register: Register, plan: Plan, by: GroupBy, lang: str = "nb") -> str:
    """The name of the group ``plan`` falls in."""
    if by is GroupBy.category:
        return register.category_name(plan.category, lang)
    if by is GroupBy.municipality:
        return register.municipality_name(plan.municipality)
    return plan.responsible or t("workload.no-owner")


def _group_order(register: Register, plans: Iterable[Plan], by: GroupBy, lang: str) -> list[str]:
    names = {group_of(register, p, by, lang) for p in plans}
    if by is GroupBy.category:
        ordered = [register.category_name(c, lang) for c in register.category_order()]
        return [n for n in ordered if n in names] + sorted(names - set(ordered))
    if by is GroupBy.municipality and register.municipalities is not None:
        home = register.municipality_name(register.municipalities.home)
        return sorted(names, key=lambda n: (n != home, n))
    unknown = t("workload.no-owner")
    return sorted(names, key=lambda n: (n == unknown, n))


def workload(
    register: Register,
    plans: Iterable[Plan],
    years: Sequence[int],
    current_year: int,
    *,
    by: GroupBy = GroupBy.category,
    capacity: int = DEFAULT_CAPACITY,
    lang: str = "nb",
    today: dt.date | None = None,
) -> Workload:
    """The workload of ``plans`` over ``years``, broken down ``by`` groups."""
    found = items(plans, years, current_year, engine.Context.of(register, today))
    groups = _group_order(register, (i.plan for i in found), by, lang)
    loads = []
    for year in years:
        in_year = tuple(i for i in found if i.year == year)
        tally = Counter(group_of(register, i.plan, by, lang) for i in in_year)
        loads.append(YearLoad(year, in_year, {g: tally[g] for g in groups}))
    return Workload(tuple(loads), tuple(groups), capacity, by)
