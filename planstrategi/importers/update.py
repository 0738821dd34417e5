"""``import --update``: a newer table merged into plan files that exist, every comment kept.

A row belongs to an existing plan when its id is the plan's id, or its title, normalised as an
id is, is the plan's title normalised the same way ("Helse- og omsorgsplan" and "Helse og
omsorgsplan" are one plan). Only what a cell of the row says is compared, and only a change is
written: a new title, adoption, group, kind (from a type column), responsible, status (from a
status column, or ``utkast`` becoming ``gjeldende`` once the row has an adoption year) or remark
is set; a legal basis, a decision's case or a revision whose year the file does not have is
added. Nothing is deleted: a revision, a remark or a field the new table leaves empty stays.

The edits are ``store/planedit.py``'s (each splices lines into the file's text, so comments,
blank lines and the layout stay); the result is checked as ``validate`` checks a file.
"""

from __future__ import annotations

from typing import Any

from planstrategi.importers.rows import Draft
from planstrategi.model import Plan
from planstrategi.store import planedit, scaffold

_SCALARS = ("title", "category", "kind", "adopted", "responsible", "adopted_by", "remarks")


def match(draft: Draft, plans: dict[str, Plan]) -> str | None:
    """The id of the existing plan the row is, or None for a new plan."""
    if draft.id in plans:
        return draft.id
    wanted = scaffold.slugify(draft.data["title"])
    return next((pid for pid, plan in plans.items() if scaffold.slugify(plan.title) == wanted), None)


def edits(draft: Draft, plan: Plan) -> list[planedit.Edit]:
    """The edits that bring the plan file in line with the row; none when nothing changed."""
    data = draft.data
    found: list[planedit.Edit] = []
    for name in _SCALARS:
        if name not in draft.given or data.get(name) is None:
            continue
        old: Any = getattr(plan, name)
        old = getattr(old, "value", old)
        if _same(old, data[name]):
            continue
        found.append(planedit.Set((name,), data[name]))
    if "status" in draft.given and data.get("status") != plan.status.value:
        found.append(planedit.Set(("status",), data["status"]))
    elif "adopted" in draft.given and plan.status.value == "utkast":
        found.append(planedit.Set(("status",), "gjeldende"))
    for basis in data.get("legal_basis", []) if "legal_basis" in draft.given else []:
        if basis not in plan.legal_basis:
            found.append(planedit.Append(("legal_basis",), basis))
    cases = {decision.case for decision in plan.decisions}
    for decision in data.get("decisions", []) if "decisions" in draft.given else []:
        if decision["case"] not in cases:
            found.append(planedit.Append(("decisions",), decision))
    years = {revision.year for revision in plan.revisions}
    for revision in data.get("revisions", []) if "revisions" in draft.given else []:
        if revision["target"] not in years:
            found.append(planedit.Append(("revisions",), revision))
    return found


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return " ".join(old.split()) == " ".join(new.split())
    return bool(old == new)
