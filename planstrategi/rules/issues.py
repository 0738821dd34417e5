"""One GitHub issue per plan that needs action: what to do with the issues a repository has.

A pure function of the issues wanted (one per plan, ``render/remind.py`` writes them) and the
issues that exist (what ``gh issue list --label planstrategi --state all --json
number,title,body,state,assignees,labels`` prints). An issue belongs to a plan by the hidden
marker line ``<!-- planstrategi:plan=<id> -->`` in its body, never by its title; an issue
without a marker is never touched. For each plan:

* wanted, no issue with its marker: **create**;
* wanted, an open issue: **update** it when the title, the body, the assignees or the labels
  differ, else nothing. Two or more open issues with the same marker: the lowest number is kept,
  the others are **closed** as duplicates of it;
* wanted, only closed issues: **reopen** the lowest-numbered of them, the plan's first issue (and
  update it), rather than open a new one, so that a plan keeps one issue, with its whole history,
  however often it falls due (the lowest number, as for duplicates: a duplicate closed once is
  never the one brought back);
* not wanted (the plan no longer needs action, or is no longer in the register), an open issue:
  **close** it, with a comment saying why.

Assignees: the plan's responsible's login is added when missing; a login is removed only when
``github-users.yaml`` maps it to someone else (the tool's own assignment, now outdated), so a
person a colleague assigned by hand stays. Labels are only added, never removed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planstrategi.i18n import t

LABEL = "planstrategi"
MARKER = "<!-- planstrategi:plan={plan} -->"
_MARKER = re.compile(r"^<!-- planstrategi:plan=([a-z0-9]+(?:-[a-z0-9]+)*) -->[ \t\r]*$", re.MULTILINE)


@dataclass(frozen=True)
class WantedIssue:
    """The issue a plan that needs action should have; ``body`` ends with the plan's marker."""

    plan: str
    title: str
    body: str
    assignees: tuple[str, ...] = ()
    labels: tuple[str, ...] = (LABEL,)


@dataclass(frozen=True)
class ExistingIssue:
    """An issue as GitHub has it."""

    number: int
    title: str
    body: str
    open: bool
    assignees: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def plan(self) -> str | None:
        """The plan the issue's marker names (the first marker line), or None: then it is not ours."""
        found = _MARKER.search(self.body)
        return found.group(1) if found else None


class Kind(StrEnum):
    """What to do with an issue; ``none`` is listed too, so the log says every plan was looked at."""

    CREATE = "create"
    UPDATE = "update"
    REOPEN = "reopen"
    CLOSE = "close"
    NONE = "none"


class Why(StrEnum):
    NEW = "new"  # the plan needs action and has no issue
    CHANGED = "changed"  # its issue says something else than it should
    UNCHANGED = "unchanged"
    DUE_AGAIN = "due-again"  # its issue was closed and it needs action again
    NO_LONGER_DUE = "no-longer-due"
    PLAN_GONE = "plan-gone"  # no plan with the marker's id in the register
    DUPLICATE = "duplicate"  # a second open issue with the same marker


@dataclass(frozen=True)
class Action:
    """One step for the workflow: ``kind`` on issue ``number`` (None when it is created)."""

    kind: Kind
    plan: str
    why: Why
    number: int | None = None
    title: str | None = None
    body: str | None = None
    add_assignees: tuple[str, ...] = ()
    remove_assignees: tuple[str, ...] = ()
    add_labels: tuple[str, ...] = ()
    duplicate_of: int | None = None
    changed: tuple[str, ...] = field(default=())  # which of title, body, assignees, labels differ


class BadExisting(ValueError):
    """The existing issues are not what ``gh issue list --json …`` prints; ``message`` says where."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _same_text(a: str, b: str) -> bool:
    """Equal as GitHub keeps them: line ends and trailing blanks aside."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def _edit(wanted: WantedIssue, issue: ExistingIssue, why: Why, managed: Collection[str]) -> Action:
    """An update of ``issue`` to ``wanted`` with only what differs, or nothing."""
    title = None if wanted.title == issue.title else wanted.title
    body = None if _same_text(wanted.body, issue.body) else wanted.body
    have = {login.casefold() for login in issue.assignees}
    add = tuple(login for login in wanted.assignees if login.casefold() not in have)
    keep = {login.casefold() for login in wanted.assignees}
    ours = {login.casefold() for login in managed}
    remove = tuple(login for login in issue.assignees if login.casefold() in ours and login.casefold() not in keep)
    labels = {label.casefold() for label in issue.labels}
    add_labels = tuple(label for label in wanted.labels if label.casefold() not in labels)
    changed = tuple(
        name
        for name, differs in (
            ("title", title is not None),
            ("body", body is not None),
            ("assignees", bool(add or remove)),
            ("labels", bool(add_labels)),
        )
        if differs
    )
    if not changed:
        return Action(Kind.NONE, wanted.plan, Why.UNCHANGED, issue.number)
    return Action(Kind.UPDATE, wanted.plan, why, issue.number, title, body, add, remove, add_labels, changed=changed)


def reconcile(
    wanted: Sequence[WantedIssue],
    existing: Iterable[ExistingIssue],
    *,
    known_plans: Collection[str],
    managed_logins: Collection[str] = (),
) -> list[Action]:
    """The actions that make the repository's issues what ``wanted`` says, in the order of ``wanted``
    and then by issue number. ``known_plans`` are the register's ids (an issue of any other is for a
    plan that is gone); ``managed_logins`` the logins of ``github-users.yaml``."""
    by_plan: dict[str, list[ExistingIssue]] = {}
    for issue in sorted(existing, key=lambda i: i.number):
        plan = issue.plan
        if plan is not None:
            by_plan.setdefault(plan, []).append(issue)
    actions: list[Action] = []
    wanted_plans = set()
    for issue_wanted in wanted:
        wanted_plans.add(issue_wanted.plan)
        issues = by_plan.get(issue_wanted.plan, [])
        opened = [i for i in issues if i.open]
        if opened:
            actions.append(_edit(issue_wanted, opened[0], Why.CHANGED, managed_logins))
            actions += [
                Action(Kind.CLOSE, issue_wanted.plan, Why.DUPLICATE, i.number, duplicate_of=opened[0].number)
                for i in opened[1:]
            ]
        elif issues:
            first = issues[0]
            actions.append(Action(Kind.REOPEN, issue_wanted.plan, Why.DUE_AGAIN, first.number))
            edit = _edit(issue_wanted, first, Why.DUE_AGAIN, managed_logins)
            if edit.kind is Kind.UPDATE:
                actions.append(edit)
        else:
            w = issue_wanted
            actions.append(
                Action(Kind.CREATE, w.plan, Why.NEW, None, w.title, w.body, w.assignees, (), w.labels, changed=())
            )
    gone = sorted(
        (i for plan, issues in by_plan.items() if plan not in wanted_plans for i in issues if i.open),
        key=lambda i: i.number,
    )
    for issue in gone:
        plan = issue.plan or ""
        why = Why.NO_LONGER_DUE if plan in known_plans else Why.PLAN_GONE
        actions.append(Action(Kind.CLOSE, plan, why, issue.number))
    return actions


def unmarked(existing: Iterable[ExistingIssue]) -> list[ExistingIssue]:
    """The issues without a marker: listed by the label, but not the tool's, so left alone."""
    return [issue for issue in existing if issue.plan is None]


def existing_issues(data: Any) -> list[ExistingIssue]:
    """The issues in the JSON ``gh issue list --json number,title,body,state,assignees,labels``
    prints (already decoded); ``BadExisting`` says which entry and field is wrong."""
    if not isinstance(data, list):
        raise BadExisting(t("remind.existing-not-list"))
    issues = []
    for index, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise BadExisting(t("remind.existing-not-object", n=index))
        number = entry.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise BadExisting(t("remind.existing-field", n=index, field="number", expected="1, 2, 3 …"))
        texts = []
        for name in ("title", "body"):
            value = entry.get(name, "" if name == "body" else None)
            if not isinstance(value, str):
                raise BadExisting(t("remind.existing-field", n=index, field=name, expected='"…"'))
            texts.append(value)
        state = entry.get("state")
        if not isinstance(state, str) or state.upper() not in {"OPEN", "CLOSED"}:
            raise BadExisting(t("remind.existing-field", n=index, field="state", expected='"OPEN", "CLOSED"'))
        assignees = _names(entry.get("assignees", []), "login", index, "assignees")
        labels = _names(entry.get("labels", []), "name", index, "labels")
        issues.append(ExistingIssue(number, texts[0], texts[1], state.upper() == "OPEN", assignees, labels))
    return issues


def _names(value: Any, key: str, index: int, name: str) -> tuple[str, ...]:
    """``[{"login": "kari"}, …]`` -> ("kari", …)."""
    if not isinstance(value, list) or not all(isinstance(v, dict) and isinstance(v.get(key), str) for v in value):
        raise BadExisting(t("remind.existing-field", n=index, field=name, expected=f'[{{"{key}": "…"}}, …]'))
    return tuple(v[key] for v in value)
