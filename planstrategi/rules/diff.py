"""What changed in the register between two snapshots, in a planner's terms.

``compare(base, head)`` gives a ``Diff``: plans added, removed and renamed (same plan under a new
id, found by its content or its title), and for plans on both sides the details: a revision moved
from one year to another, added, removed or its state changed; status and adoption changed; other
fields changed; goals, strategies and measures added or dropped.

What ``planstrategi record`` writes reads as the event it records, with its decision: a revision
adopted or cancelled, postponed from one target to another, the plan replaced or repealed, a
decision added to its history, a plan it now replaces. A decision shown with its event is not
shown again as an added decision. Nothing here reads files or git;
``store/snapshot.py`` does that, ``render/diff.py`` prints the result.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from planstrategi.model import Decision, Goal, GoalSet, Plan, Revision, RevisionState, Status
from planstrategi.model.problems import Problem
from planstrategi.store.snapshot import Snapshot

#: Below this similarity (0..1) a removed and an added plan are two plans, not one renamed.
RENAME_THRESHOLD = 0.75
_HANDLED = frozenset({"id", "revisions", "status", "adopted"})
_CLOSED = {RevisionState.VEDTATT: "revision-adopted", RevisionState.AVLYST: "revision-cancelled"}


@dataclass(frozen=True)
class Detail:
    """One change to one plan. ``where`` places it: a revision's year, a goal's title. ``decision``:
    the decision that made it, for the changes ``record`` writes (case, date or year, body, note)."""

    change: str
    field: str | None = None
    old: Any = None
    new: Any = None
    where: str | None = None
    decision: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        shown = {"change": self.change, "field": self.field, "old": self.old, "new": self.new, "where": self.where}
        return shown if self.decision is None else {**shown, "decision": self.decision}


@dataclass
class PlanChange:
    """A plan added, removed, renamed or changed; ``old_id`` only when renamed."""

    change: str
    id: str
    title: str
    old_id: str | None = None
    details: list[Detail] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "id": self.id,
            "old_id": self.old_id,
            "title": self.title,
            "details": [detail.to_dict() for detail in self.details],
        }


@dataclass
class Diff:
    """Everything that changed from ``base`` to ``head``."""

    base: Snapshot
    head: Snapshot
    plans: list[PlanChange] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (categories.yaml, changed)
    unreadable: list[tuple[str, str, list[Problem]]] = field(default_factory=list)  # (side, path, problems)

    def count(self, change: str) -> int:
        return sum(plan.change == change for plan in self.plans)

    @property
    def empty(self) -> bool:
        return not (self.plans or self.files or self.unreadable)


def compare(base: Snapshot, head: Snapshot) -> Diff:
    """The changes from ``base`` to ``head``."""
    diff = Diff(base, head)
    skip_removed = head.failed_stems("plans")  # broken on HEAD is not removed
    skip_added = base.failed_stems("plans")
    # A folder that cannot be listed on one side says nothing about its files: not "all removed".
    removed = [] if head.unlisted("plans") else [p for p in base.plans if p not in head.plans and p not in skip_removed]
    added = [] if base.unlisted("plans") else [p for p in head.plans if p not in base.plans and p not in skip_added]
    goals_known = not (base.unlisted("goals") or head.unlisted("goals"))
    for old_id, new_id in _renames(base, head, removed, added):
        removed.remove(old_id)
        added.remove(new_id)
        details = _plan_details(base.plans[old_id], head.plans[new_id])
        if goals_known:
            details += _goal_details(base.goals.get(old_id), head.goals.get(new_id))
        diff.plans.append(PlanChange("renamed", new_id, head.plans[new_id].title, old_id, details))
    for pid in added:
        diff.plans.append(
            PlanChange("added", pid, head.plans[pid].title, None, _goal_details(None, head.goals.get(pid)))
        )
    for pid in removed:
        diff.plans.append(PlanChange("removed", pid, base.plans[pid].title))
    for pid in sorted(set(base.plans) & set(head.plans)):
        details = _plan_details(base.plans[pid], head.plans[pid])
        if goals_known and pid not in base.failed_stems("goals") | head.failed_stems("goals"):  # broken: not "dropped"
            details += _goal_details(base.goals.get(pid), head.goals.get(pid))
        if details:
            diff.plans.append(PlanChange("changed", pid, head.plans[pid].title, None, details))
    order = {"added": 0, "removed": 1, "renamed": 2, "changed": 3}
    diff.plans.sort(key=lambda change: (order[change.change], change.id))
    for name in sorted(set(base.top) | set(head.top)):
        if name not in base.top:
            diff.files.append((name, "added"))
        elif name not in head.top:
            diff.files.append((name, "removed"))
        elif base.top[name] != head.top[name]:
            diff.files.append((name, "changed"))
    for side, snapshot in (("base", base), ("head", head)):
        for path, problems in sorted(snapshot.failed.items()):
            diff.unreadable.append((side, path, problems))
    return diff


def _content(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json", exclude={"id"}), sort_keys=True, ensure_ascii=False)


def _renames(base: Snapshot, head: Snapshot, removed: list[str], added: list[str]) -> list[tuple[str, str]]:
    """Pairs (old id, new id) of plans that are the same plan under another id, most alike first."""
    scored = []
    contents = {("base", i): _content(base.plans[i]) for i in removed} | {
        ("head", i): _content(head.plans[i]) for i in added
    }
    for old_id in removed:
        old = base.plans[old_id]
        for new_id in added:
            new = head.plans[new_id]
            old_text, new_text = contents["base", old_id], contents["head", new_id]
            if old_text == new_text:
                score = 1.0
            elif old.title.casefold() == new.title.casefold():
                score = 0.99
            else:
                matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
                # The quick ratios are upper bounds of ratio(): below the threshold, ratio() is too.
                too_far = matcher.real_quick_ratio() < RENAME_THRESHOLD or matcher.quick_ratio() < RENAME_THRESHOLD
                score = 0.0 if too_far else matcher.ratio()
            if score >= RENAME_THRESHOLD:
                scored.append((-score, old_id, new_id))
    pairs: list[tuple[str, str]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for _, old_id, new_id in sorted(scored):
        if old_id not in used_old and new_id not in used_new:
            pairs.append((old_id, new_id))
            used_old.add(old_id)
            used_new.add(new_id)
    return pairs


def _value(value: Any) -> Any:
    """A field's value as JSON data: models without their defaults, so the output stays short."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list):
        return [_value(item) for item in value]
    return json.loads(json.dumps(value, default=str))


def _plan_details(old: Plan, new: Plan) -> list[Detail]:
    details = list(_revision_details(old.revisions, new.revisions))
    added = _added(old.decisions, new.decisions)
    handled = set(_HANDLED)
    if old.status != new.status:
        details.append(_status(old, new, added))
        if new.status is Status.ERSTATTET and new.superseded_by:
            handled.add("superseded_by")
    if old.adopted != new.adopted:
        details.append(Detail("adopted", "adopted", _value(old.adopted), _value(new.adopted)))
    if added is not None:
        handled.add("decisions")
        shown = [detail.decision for detail in details if detail.decision is not None]
        for decision in added:
            if _value(decision) not in shown:
                details.append(Detail("decision-added", "decisions", None, decision.note, None, _value(decision)))
    more = [pid for pid in new.supersedes if pid not in old.supersedes]
    if more and all(pid in new.supersedes for pid in old.supersedes):
        handled.add("supersedes")
        details += [Detail("supersedes-added", "supersedes", None, pid) for pid in more]
    for name in type(old).model_fields:
        if name not in handled and getattr(old, name) != getattr(new, name):
            details.append(Detail("field", name, _value(getattr(old, name)), _value(getattr(new, name))))
    return details


def _added(old: list[Decision], new: list[Decision]) -> list[Decision] | None:
    """The decisions added at the end of the history, or None when it changed in another way."""
    if new == old or new[: len(old)] != old:
        return None
    return new[len(old) :]


def _status(old: Plan, new: Plan, added: list[Decision] | None) -> Detail:
    """A status change; replaced and repealed read as the event, with the last decision added."""
    decision = _value(added[-1]) if added else None
    if new.status is Status.ERSTATTET and new.superseded_by:
        return Detail("replaced", "status", old.status.value, new.superseded_by, None, decision)
    if new.status is Status.UTGATT:
        return Detail("repealed", "status", old.status.value, new.status.value, None, decision)
    return Detail("status", "status", old.status.value, new.status.value)


def _revision_details(old: list[Revision], new: list[Revision]) -> Iterator[Detail]:
    """Revisions paired by year; what is left over on both sides has moved, the rest is added or removed."""
    left = list(old)
    right = list(new)
    for revision in list(left):
        match = next((r for r in right if r.year == revision.year), None)
        if match is None:
            continue
        left.remove(revision)
        right.remove(match)
        closed = revision.pending and match.state in _CLOSED and match.decision != revision.decision
        if closed:
            where, state = str(revision.year), match.state.value
            yield Detail(_CLOSED[match.state], "revisions", revision.state.value, state, where, _value(match.decision))
        elif revision.state != match.state:
            yield Detail("revision-state", "revisions", revision.state.value, match.state.value, str(revision.year))
        if _work(revision) != _work(match):
            yield Detail("revision-work", "revisions", _work(revision), _work(match), str(revision.year))
        if revision.decision != match.decision and not closed:
            yield Detail("revision-decision", "revisions", _decision(revision), _decision(match), str(revision.year))
        if revision.note != match.note:
            yield Detail("revision-note", "revisions", revision.note, match.note, str(revision.year))
    left.sort(key=lambda r: r.year)
    right.sort(key=lambda r: r.year)
    for before, after in zip(left, right, strict=False):
        if after.state is RevisionState.UTSATT and after.decision is not None and after.decision != before.decision:
            old, new = _value(before.target), _value(after.target)
            yield Detail("revision-postponed", "revisions", old, new, str(before.year), _value(after.decision))
            continue
        yield Detail("revision-moved", "revisions", before.year, after.year)
        if before.state != after.state:
            yield Detail("revision-state", "revisions", before.state.value, after.state.value, str(after.year))
    for revision in left[len(right) :]:
        yield Detail("revision-removed", "revisions", revision.year, None)
    for revision in right[len(left) :]:
        yield Detail("revision-added", "revisions", None, revision.year)


def _work(revision: Revision) -> str:
    """The work years as a reviewer reads them: "2024–2025", or one year."""
    first, last = revision.first_work_year, revision.last_work_year
    return str(first) if first == last else f"{first}–{last}"


def _decision(revision: Revision) -> str | None:
    """A decision in one line: its date (or year), case and body, as written in the file."""
    decision = revision.decision
    if decision is None:
        return None
    when = decision.date.isoformat() if decision.date else decision.year
    parts = [str(when) if when else None, decision.case, decision.body.value if decision.body else None]
    return " ".join(p for p in parts if p) or None


def _by_title(items: list[Any]) -> dict[str, Any]:
    return {item.title: item for item in reversed(items)}  # the first of equal titles wins


def _goal_details(old: GoalSet | None, new: GoalSet | None) -> list[Detail]:
    old_goals = _by_title(old.goals) if old else {}
    new_goals = _by_title(new.goals) if new else {}
    details = [Detail("goal-removed", "goals", title, None) for title in old_goals if title not in new_goals]
    details += [Detail("goal-added", "goals", None, title) for title in new_goals if title not in old_goals]
    for title in (t for t in new_goals if t in old_goals):
        found = list(_inside_goal(old_goals[title], new_goals[title]))
        if not found and old_goals[title] != new_goals[title]:
            found = [Detail("goal-changed", "goals", None, title)]
        details += found
    if old and new and (old.vision, old.source) != (new.vision, new.source):
        for name in ("vision", "source"):
            if getattr(old, name) != getattr(new, name):
                details.append(Detail("field", f"goals.{name}", getattr(old, name), getattr(new, name)))
    return details


def _inside_goal(old: Goal, new: Goal) -> Iterator[Detail]:
    old_strategies = _by_title(old.strategies)
    new_strategies = _by_title(new.strategies)
    for title in old_strategies:
        if title not in new_strategies:
            yield Detail("strategy-removed", "strategies", title, None, old.title)
    for title in new_strategies:
        if title not in old_strategies:
            yield Detail("strategy-added", "strategies", None, title, new.title)
        else:
            where = f"{new.title} › {title}"
            yield from _measures(old_strategies[title].measures, new_strategies[title].measures, where)
    yield from _measures(old.measures, new.measures, new.title)


def _measures(old: list[Any], new: list[Any], where: str) -> Iterator[Detail]:
    old_titles = [m.title for m in old]
    new_titles = [m.title for m in new]
    for title in old_titles:
        if title not in new_titles:
            yield Detail("measure-removed", "measures", title, None, where)
    for title in new_titles:
        if title not in old_titles:
            yield Detail("measure-added", "measures", None, title, where)
