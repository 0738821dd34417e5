"""Inter-municipal coordination: the plans shared with partner municipalities, by year.

Where Os works with Røros and Holtålen, plans must be prioritised jointly (in the forum of the
chief executives and the inter-municipal political group) before each council adopts them, so
that the host municipality has the capacity (planning strategy §§ 1.5–1.6). A plan is *shared*
when

* it names ``partners`` or a ``host``, or belongs to another municipality than the home one; or
* its category is the id of a cooperation in ``municipalities.yaml`` that has partners (the
  agricultural plans of all three municipalities belong to the ``landbruk`` cooperation, whose
  host is Os).

A plan *involves* a municipality when it is the owner, the host or a partner, or a partner of
the cooperation the plan belongs to; ``--partner`` keeps the plans that involve it. Which years a
shared plan needs joint priority in is the workload's answer (``workload.items``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planstrategi.model import Cooperation, Plan
from planstrategi.rules import engine, workload
from planstrategi.store.register import Register


def cooperation_of(register: Register, plan: Plan) -> Cooperation | None:
    """The cooperation whose id is the plan's category, when it has partners."""
    for cooperation in register.municipalities.cooperations if register.municipalities else ():
        if cooperation.id == plan.category and cooperation.partners:
            return cooperation
    return None


def involved(register: Register, plan: Plan) -> list[str]:
    """Every municipality number the plan involves, the owner first, then in number order."""
    numbers = {plan.municipality, *plan.partners}
    if plan.host:
        numbers.add(plan.host)
    cooperation = cooperation_of(register, plan)
    if cooperation is not None:
        numbers.update(cooperation.partners)
    return [plan.municipality, *sorted(numbers - {plan.municipality})]


def is_shared(register: Register, plan: Plan) -> bool:
    home = register.municipalities.home if register.municipalities else plan.municipality
    own = plan.municipality == home and not plan.partners and plan.host in (None, home)
    return not own or cooperation_of(register, plan) is not None


def shared_plans(register: Register, partner: str | None = None) -> list[Plan]:
    """The shared plans, by id; with ``partner``, only those involving that municipality."""
    return [
        plan
        for _, plan in sorted(register.plans.items())
        if is_shared(register, plan) and (partner is None or partner in involved(register, plan))
    ]


def partners_of(register: Register, plan: Plan) -> list[str]:
    """The municipalities the plan involves besides its owner."""
    return involved(register, plan)[1:]


def arrangements(register: Register, partner: str | None = None) -> list[Cooperation]:
    """Cooperations with named partners (host arrangements, shared strategies), in file order."""
    return [
        c
        for c in (register.municipalities.cooperations if register.municipalities else ())
        if c.partners and (partner is None or partner in c.partners or partner == c.host)
    ]


@dataclass(frozen=True)
class Coordination:
    """Shared plans with work in each year, and the shared plans with no work in any of them."""

    years: tuple[tuple[int, tuple[workload.Item, ...]], ...]
    idle: tuple[Plan, ...]
    arrangements: tuple[Cooperation, ...]


def coordinate(
    register: Register,
    years: Sequence[int],
    current_year: int,
    partner: str | None = None,
    today: dt.date | None = None,
) -> Coordination:
    """The shared plans (involving ``partner``, when given) needing joint priority in each of ``years``."""
    shared = shared_plans(register, partner)
    found = workload.items(shared, years, current_year, engine.Context.of(register, today))
    busy = {i.plan.id for i in found}
    by_year = tuple((year, tuple(i for i in found if i.year == year)) for year in years)
    idle = tuple(p for p in shared if p.id not in busy and p.status not in engine.RETIRED)
    return Coordination(by_year, idle, tuple(arrangements(register, partner)))
