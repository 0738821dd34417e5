"""Which plans a report is about, in which order, and the rows it is made of.

``Filters`` are what the planner typed (``--category helse``, ``--partner Røros``); ``resolve``
turns them into ids and municipality numbers or says what is wrong. The row functions return plain
dicts of JSON values (keys in English, values as in the data) for ``render.views`` to lay out.
Nothing here reads the clock: the year is always a parameter.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from planstrategi.i18n import language, t
from planstrategi.model import Kind, Status
from planstrategi.rules import engine

if TYPE_CHECKING:  # the model classes are for the type checker: the answers come from the cache's plain objects too
    from planstrategi.model import Plan
    from planstrategi.store.register import Register

_ASCII_STATUS = {"utgatt": "utgått", "under revisjon": "under-revisjon"}
_NORWEGIAN_ORDER = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}"})


class FilterError(Exception):
    """A filter names nothing in the register; ``message`` says what was meant, if it can tell."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Filters:
    """The filters of ``due``, ``overdue``, ``list`` and ``table``; None means any."""

    category: str | None = None
    kind: str | None = None
    owner: str | None = None
    municipality: str | None = None
    partner: str | None = None
    status: str | None = None

    def given(self) -> dict[str, str]:
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not None}


def resolve(register: Register, raw: Filters) -> Filters:
    """The filters with names turned into ids and numbers; raises FilterError for an unknown name."""
    return Filters(
        category=_category(register, raw.category) if raw.category is not None else None,
        kind=_choice("--kind", raw.kind, [k.value for k in Kind]) if raw.kind is not None else None,
        owner=raw.owner.strip() if raw.owner is not None else None,
        municipality=_municipality(register, raw.municipality) if raw.municipality is not None else None,
        partner=_municipality(register, raw.partner) if raw.partner is not None else None,
        status=_status(raw.status) if raw.status is not None else None,
    )


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.5)
    return t("filter.did-you-mean", names=", ".join(close)) if close else ""


def _choice(option: str, value: str, allowed: list[str]) -> str:
    wanted = value.strip().lower()
    if wanted in allowed:
        return wanted
    raise FilterError(t("filter.bad-choice", option=option, value=value, allowed=", ".join(allowed)))


def _status(value: str) -> str:
    wanted = value.strip().lower()
    return _choice("--status", _ASCII_STATUS.get(wanted, wanted), [s.value for s in Status])


def _category(register: Register, value: str) -> str:
    wanted = value.strip().casefold()
    categories = register.categories.categories if register.categories else []
    for category in categories:
        if wanted in {category.id, category.name.casefold(), (category.name_en or "").casefold()}:
            return category.id
    known = [c.id for c in categories]
    raise FilterError(t("filter.unknown-category", value=value) + _suggest(wanted, known))


def _municipality(register: Register, value: str) -> str:
    wanted = value.strip()
    municipalities = register.municipalities.municipalities if register.municipalities else []
    for municipality in municipalities:
        name = municipality.name or municipality.number
        if wanted in (municipality.number, name) or wanted.casefold() == name.casefold():
            return municipality.number
    if wanted.isdigit() and len(wanted) == 4:
        return wanted  # a number the register does not name still filters correctly
    names = [m.name or m.number for m in municipalities]
    raise FilterError(t("filter.unknown-municipality", value=value) + _suggest(wanted, names))


def matches(plan: Plan, filters: Filters) -> bool:
    """True when ``plan`` passes every given filter (``filters`` already resolved)."""
    if filters.category is not None and plan.category != filters.category:
        return False
    if filters.kind is not None and plan.kind.value != filters.kind:
        return False
    if filters.status is not None and plan.status.value != filters.status:
        return False
    if filters.owner is not None and filters.owner.casefold() not in (plan.responsible or "").casefold():
        return False
    if filters.municipality is not None and plan.municipality != filters.municipality:
        return False
    return filters.partner is None or filters.partner in shared_with(plan)


def shared_with(plan: Plan) -> set[str]:
    """The municipalities of a plan shared between several (owner, host, partners); empty when not shared."""
    numbers = {plan.municipality, *plan.partners} | ({plan.host} if plan.host else set())
    return numbers if len(numbers) > 1 else set()


def sort_text(text: str) -> str:
    """A key that sorts Norwegian text as a reader expects: case-blind, æ ø å after z, é with e."""
    folded = text.casefold().translate(_NORWEGIAN_ORDER)
    if folded.isascii():  # nothing to decompose (æ, ø and å are letters after z by now)
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def select(register: Register, filters: Filters, *, include_retired: bool = True) -> list[Plan]:
    """The plans that pass ``filters`` in the overview's order: by group (categories.yaml), then
    ``position`` (plans without one after, by title), each part of a plan right under it."""
    order = {category: index for index, category in enumerate(register.category_order())}
    chosen = [
        plan
        for plan in register.plans.values()
        if matches(plan, filters) and (include_retired or plan.status not in engine.RETIRED)
    ]

    def key(plan: Plan) -> tuple[int, float, str, str]:
        place = float(plan.position) if plan.position is not None else float("inf")
        return (order.get(plan.category, len(order)), place, sort_text(plan.title), plan.id)

    ranked = sorted(chosen, key=key)
    by_id = {plan.id: plan for plan in ranked}

    def nested(plan: Plan) -> bool:  # shown under its parent: the parent is listed, in the same group
        parent = by_id.get(plan.part_of or "")
        return parent is not None and parent.id != plan.id and parent.category == plan.category

    children: dict[str, list[Plan]] = {}
    for plan in ranked:
        if nested(plan):
            children.setdefault(plan.part_of or "", []).append(plan)
    placed: list[Plan] = []
    seen: set[str] = set()

    def place(plan: Plan) -> None:
        if plan.id in seen:
            return  # a loop of part_of (validate reports it) must not repeat a plan
        seen.add(plan.id)
        placed.append(plan)
        for child in children.get(plan.id, []):
            place(child)

    for plan in ranked:
        if not nested(plan):
            place(plan)
    placed.extend(plan for plan in ranked if plan.id not in seen)  # parts in a loop: at the end, in order
    return placed


def _adopted(plan: Plan) -> Any:
    return plan.adopted.isoformat() if isinstance(plan.adopted, dt.date) else plan.adopted


def base_row(register: Register, plan: Plan) -> dict[str, Any]:
    """The keys every report row starts with."""
    return {
        "id": plan.id,
        "title": plan.title,
        "category": plan.category,
        "category_name": register.category_name(plan.category, language()),
        "kind": plan.kind.value,
        "status": plan.status.value,
        "adopted": _adopted(plan),
        "adopted_year": plan.adopted_year,
        "url": plan.links[0] if plan.links else None,
        "part_of": plan.part_of,
        "inferred": [field.value for field in plan.inferred],
    }


def due_rows(
    register: Register, plans: list[Plan], year: int, *, today: dt.date | None = None, overdue_only: bool = False
) -> list[dict[str, Any]]:
    """The plans due in ``year`` (asked on ``today``) with their reasons: overdue, then expired, then due."""
    rows = []
    context = engine.Context.of(register, today)
    for position, plan in enumerate(plans):
        reasons = engine.due_reasons(plan, year, context)
        if overdue_only:
            reasons = [r for r in reasons if r.urgency is not engine.Urgency.DUE]
        most = engine.urgency(reasons)
        if most is None:
            continue
        row = base_row(register, plan)
        row.update(urgency=most.code, reasons=[r.to_dict() for r in reasons], responsible=plan.responsible)
        rows.append((most, position, row))
    return [row for _, _, row in sorted(rows, key=lambda item: (item[0], item[1]))]


def next_revision(plan: Plan) -> int | None:
    """The year of the earliest revision not yet done (it may lie in the past: then it is late)."""
    return min((r.year for r in engine.pending_revisions(plan)), default=None)


def list_rows(register: Register, plans: list[Plan]) -> list[dict[str, Any]]:
    """One row per plan with the fields a listing shows."""
    rows = []
    for plan in plans:
        row = base_row(register, plan)
        row.update(
            valid_to=plan.valid_to,
            next_revision=next_revision(plan),
            responsible=plan.responsible,
            municipality=plan.municipality,
            host=plan.host,
            partners=list(plan.partners),
            overarching=plan.overarching,
        )
        rows.append(row)
    return rows


def matrix_rows(register: Register, plans: list[Plan], years: range, current_year: int) -> list[dict[str, Any]]:
    """The revision table: per plan its adopted year, remark and a mark per year with a revision."""
    rows = []
    for plan in plans:
        marks = engine.revision_marks(plan, years, current_year)
        row = base_row(register, plan)
        row.update(marks={str(y): m.value for y, m in sorted(marks.items())}, remarks=plan.remarks)
        rows.append(row)
    return rows


def _when(value: int | dt.date | None) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def revision_history(plan: Plan, current_year: int) -> list[dict[str, Any]]:
    """The plan's revisions by target, each with its work years, state, decision and, when late, ``overdue``."""
    late = {id(r) for r in engine.pending_revisions(plan) if r.year < current_year}
    rows = []
    for r in sorted(plan.revisions, key=lambda r: (r.year, r.first_work_year)):
        decision = r.decision
        rows.append(
            {
                "year": r.year,
                "target": _when(r.target),
                "work": [r.first_work_year, r.last_work_year],
                "state": r.state.value,
                "overdue": id(r) in late,
                "decision": None
                if decision is None
                else {"date": _when(decision.date or decision.year), "case": decision.case, "body": decision.body},
                "postponed_from": _when(r.postponed_from),
                "note": r.note,
            }
        )
    return rows
