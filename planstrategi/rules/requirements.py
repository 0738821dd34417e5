"""The statutory checklist: for each requirement, the plans that meet it and whether it is met.

A plan meets a requirement when its ``requirements`` list names it (the link lives in the plan
files only, so it is kept in one place). The engine (``rules/engine.py``) judges the plan once, with
its own cadence and every requirement's; a requirement's status is that plan's answer on the
grounds that bear on it: the plan's schedule, its validity and the requirement's own cadence (the
law's rhythm, not the planner's, decides whether the duty is fulfilled). So ``due`` and
``requirements`` give the same reason for the same plan on the same day.

Status of one requirement in year Y, best plan first:

    current   some plan meets it and nothing is due in Y
    due       the best plan is due in Y (planned, or by the requirement's cadence)
    overdue   the best plan is overdue or its validity has run out
    missing   no plan in the register meets it (retired plans do not count)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from planstrategi.model import Inferable, Plan, Requirement
from planstrategi.rules import engine
from planstrategi.store.register import Register


class CheckStatus(IntEnum):
    """How a requirement stands; the value orders them from best to worst."""

    CURRENT = 0
    DUE = 1
    OVERDUE = 2
    MISSING = 3

    @property
    def code(self) -> str:
        return self.name.lower()


_BY_URGENCY = {
    None: CheckStatus.CURRENT,
    engine.Urgency.DUE: CheckStatus.DUE,
    engine.Urgency.EXPIRED: CheckStatus.OVERDUE,
    engine.Urgency.OVERDUE: CheckStatus.OVERDUE,
}


@dataclass(frozen=True)
class PlanCheck:
    """One plan judged against one requirement."""

    plan: Plan
    status: CheckStatus
    reasons: tuple[engine.Reason, ...]
    assumed: bool = False  # met only on an adoption the register marks as inferred


@dataclass(frozen=True)
class Check:
    """One requirement and the plans that meet it, best first."""

    requirement: Requirement
    plans: tuple[PlanCheck, ...]

    @property
    def status(self) -> CheckStatus:
        return self.plans[0].status if self.plans else CheckStatus.MISSING

    @property
    def assumed(self) -> bool:
        """Met, but only on an adoption the register marks as inferred («antatt»)."""
        return bool(self.plans) and self.plans[0].assumed

    @property
    def reasons(self) -> tuple[engine.Reason, ...]:
        return self.plans[0].reasons if self.plans else ()


def plans_meeting(register: Register, requirement_id: str) -> list[Plan]:
    """The plans, retired ones left out, whose ``requirements`` name ``requirement_id``; by id."""
    return sorted(
        (p for p in register.plans.values() if requirement_id in p.requirements and p.status not in engine.RETIRED),
        key=lambda p: p.id,
    )


def judge(plan: Plan, requirement: Requirement, year: int, context: engine.Context) -> PlanCheck:
    """``plan`` judged in ``year`` by the engine, on the grounds that bear on ``requirement``."""
    reasons = tuple(engine.for_requirement(engine.due_reasons(plan, year, context), requirement.id))
    if not reasons:  # a duty once per term is not met by a revision only planned
        reasons = tuple(engine.unmet_term(plan, year, context, requirement))
    status = _BY_URGENCY[engine.urgency(reasons)]
    assumed = status is CheckStatus.CURRENT and Inferable.ADOPTED in plan.inferred
    return PlanCheck(plan, status, reasons, assumed)


def check(
    register: Register, year: int, *, plans: Iterable[Plan] | None = None, today: dt.date | None = None
) -> list[Check]:
    """Every requirement of the register, in file order, judged in ``year``.

    ``plans`` narrows the plans that may meet a requirement (a partner filter); requirements then
    met by none of them are left out, so the list answers "which duties do these plans carry".
    """
    allowed = None if plans is None else {p.id for p in plans}
    context = engine.Context.of(register, today)
    checks = []
    for requirement in register.requirements.values():
        meeting = plans_meeting(register, requirement.id)
        if allowed is not None:
            meeting = [p for p in meeting if p.id in allowed]
            if not meeting:
                continue
        judged = sorted((judge(p, requirement, year, context) for p in meeting), key=lambda c: (c.status, c.plan.id))
        checks.append(Check(requirement, tuple(judged)))
    return checks


def counts(checks: Iterable[Check]) -> dict[CheckStatus, int]:
    """How many requirements have each status (every status present, zero when none)."""
    tally = dict.fromkeys(CheckStatus, 0)
    for item in checks:
        tally[item.status] += 1
    return tally
