"""Checks inside one plan file that the model's field types cannot express, in the planner's words.

They run on a plan that loaded, with its document for line numbers (found only when something is
wrong), and each gives a Problem with the key's position:

* a revision written in the 0.1 form (``year:``): a warning that says to run ``planstrategi upgrade``;
* work that starts after the revision's target, or ends before it starts;
* a revision ``utsatt`` or ``avlyst`` without the decision that moved or cancelled it;
* ``postponed_from`` on a revision that is not ``utsatt``;
* a plan adopted after its validity ran out (``adopted`` later than ``valid_to``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planstrategi.i18n import t
from planstrategi.model import Plan, Revision, RevisionState
from planstrategi.model.problems import Problem, Severity
from planstrategi.store.yamlio import Document, Loc, locate

Found = tuple[Loc, Severity, str, dict[str, Any]]


def _year(value: int | dt.date) -> int:
    return value.year if isinstance(value, dt.date) else value


def _at(loc: Loc, severity: Severity, code: str, **params: Any) -> Found:
    return loc, severity, code, params


def _revision(raw: Any, index: int, revision: Revision) -> list[Found]:
    where: Loc = ("revisions", index)
    found = []
    if isinstance(raw, dict) and "year" in raw:
        found.append(_at((*where, "year"), Severity.WARNING, "revision-year"))
    if revision.work_from is not None and revision.work_from > revision.year:
        found.append(
            _at(
                (*where, "work_from"),
                Severity.ERROR,
                "work-after-target",
                start=revision.work_from,
                target=revision.year,
            )
        )
    if revision.work_to is not None and revision.work_to < revision.first_work_year:
        found.append(
            _at(
                (*where, "work_to"),
                Severity.ERROR,
                "work-ends-before-start",
                end=revision.work_to,
                start=revision.first_work_year,
            )
        )
    if revision.state in (RevisionState.UTSATT, RevisionState.AVLYST) and revision.decision is None:
        found.append(_at((*where, "state"), Severity.ERROR, "decision-missing", state=revision.state.value))
    if revision.postponed_from is not None and revision.state is not RevisionState.UTSATT:
        found.append(_at((*where, "postponed_from"), Severity.ERROR, "postponed-not-utsatt"))
    return found


def check(document: Document, plan: Plan) -> list[Problem]:
    """Every problem of ``plan`` beyond its field types, in file order."""
    raw = document.data.get("revisions") if isinstance(document.data, dict) else None
    items = raw if isinstance(raw, list) else []
    found: list[Found] = []
    for index, revision in enumerate(plan.revisions):
        found.extend(_revision(items[index] if index < len(items) else None, index, revision))
    if plan.adopted is not None and plan.valid_to is not None and _year(plan.adopted) > plan.valid_to:
        found.append(
            _at(
                ("adopted",), Severity.WARNING, "adopted-after-validity", adopted=_year(plan.adopted), end=plan.valid_to
            )
        )
    problems = []
    for loc, severity, code, params in found:
        line, column = locate(document.text or "", loc, key=code == "revision-year")
        problems.append(Problem(document.path, line, column, severity, code, t(code, **params)))
    return problems
