"""Which plans need action now, for the reminder issues (``planstrategi remind``).

A pure function of the register and a date: the engine (``rules/engine.py``) says why each plan
is due, and a plan needs action when one of its reasons, asked on ``as_of``, is

* overdue, or expired (urgency ``overdue`` or ``expired``);
* due by law in ``as_of``'s year: the cadence of a statutory requirement the plan meets (ground
  ``requirement``);
* due with its deadline within ``within_months`` of ``as_of``: the target date, or for a year the
  end of that year (a revision "planlagt 2025" needs action from October 2025 with the default of
  three months). When the window reaches into the next year, that year's reasons count too, so a
  target of 15 January is seen in November.

The reasons are the engine's, with the words ``due`` prints; nothing here judges a date itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from planstrategi.model import Plan
from planstrategi.rules import engine
from planstrategi.rules.engine import Ground, Reason, Urgency
from planstrategi.store.register import Register

DEFAULT_WITHIN_MONTHS = 3
MAX_WITHIN_MONTHS = 24


@dataclass(frozen=True)
class Reminder:
    """A plan that needs action, and the engine's reasons why, most urgent first."""

    plan: Plan
    reasons: tuple[Reason, ...]

    @property
    def urgency(self) -> Urgency:
        return min(r.urgency for r in self.reasons)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` later, on the last day of the month where that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline(reason: Reason) -> dt.date:
    """The day a due reason speaks of: its date, else the last day of its year."""
    return reason.date if reason.date is not None else dt.date(reason.year, 12, 31)


def _needs_action(reason: Reason, until: dt.date) -> bool:
    if reason.urgency is not Urgency.DUE:
        return True  # overdue or expired
    if reason.ground is Ground.REQUIREMENT:
        return True  # due by law this year
    return deadline(reason) <= until


def reasons_now(plan: Plan, as_of: dt.date, context: engine.Context, until: dt.date) -> list[Reason]:
    """The engine's reasons for ``plan`` that need action on ``as_of``, with a window up to ``until``."""
    found = [r for r in engine.due_reasons(plan, as_of.year, context) if _needs_action(r, until)]
    for year in range(as_of.year + 1, until.year + 1):  # the window reaches into later years
        later = engine.Context(context.requirements, context.calendar, dt.date(year, 1, 1))
        found += [
            r
            for r in engine.due_reasons(plan, year, later)
            if r.urgency is Urgency.DUE and deadline(r) <= until and r not in found
        ]
    return sorted(found, key=lambda r: (r.urgency, r.year))


def reminders(
    register: Register, plans: Iterable[Plan], as_of: dt.date, within_months: int = DEFAULT_WITHIN_MONTHS
) -> list[Reminder]:
    """The plans among ``plans`` that need action on ``as_of``: overdue, then expired, then due, each
    group in the order of ``plans`` (the overview's)."""
    context = engine.Context.of(register, as_of)
    until = add_months(as_of, within_months)
    found: list[tuple[Urgency, int, Reminder]] = []
    for position, plan in enumerate(plans):
        reasons = reasons_now(plan, as_of, context, until)
        if reasons:
            reminder = Reminder(plan, tuple(reasons))
            found.append((reminder.urgency, position, reminder))
    return [reminder for _, _, reminder in sorted(found, key=lambda item: (item[0], item[1]))]
