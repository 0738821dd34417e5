"""The reminder issues and ``planstrategi remind``'s output: the issue text, the text a planner
reads, and the JSON the reminders workflow applies with ``gh``.

Everything from the data is untrusted: anyone who can open a pull request writes the titles. A
title is made one line of printable text; in a body every value is escaped for Markdown (no
HTML, so no ``<!--`` that could fake or hide the marker; no formatting; no @mentions). The
workflow passes titles and bodies to ``gh`` through files and variables, never through the
script's text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from planstrategi.i18n import date_text, t
from planstrategi.model import RevisionState
from planstrategi.model.problems import printable
from planstrategi.render.summary import escape
from planstrategi.rules import engine
from planstrategi.rules.issues import LABEL, MARKER, Action, ExistingIssue, Kind, WantedIssue, Why
from planstrategi.rules.remind import Reminder

#: GitHub takes titles of up to 256 characters; the plan's part is kept well inside that.
TITLE_LIMIT = 200


def one_line(text: str, limit: int = TITLE_LIMIT) -> str:
    """Text from the data as one line of printable characters: every line break and run of blanks
    one space, other control characters written out (``\\x1b``), shortened with … past ``limit``."""
    return printable(" ".join(text.split()), limit)


#: Each value from the data in a body is cut here, so a body stays far inside GitHub's 65,536 characters.
VALUE_LIMIT = 300


def _md(text: str) -> str:
    """Text from the data for the body: one line, printable, inert in Markdown."""
    return escape(one_line(text, VALUE_LIMIT))


def title(reminder: Reminder) -> str:
    state = t(f"remind.state-{reminder.urgency.code}")
    return t("remind.title", title=one_line(reminder.plan.title), state=state)


def _next_steps(reminder: Reminder) -> list[str]:
    plan = reminder.plan
    pending = engine.pending_revisions(plan)
    if not pending:
        return [t("remind.step-planned", id=plan.id), t("remind.step-adopted", id=plan.id)]
    steps = [t("remind.step-adopted", id=plan.id), t("remind.step-postponed", id=plan.id)]
    if not any(r.state is RevisionState.PAGAR for r in pending):
        steps.append(t("remind.step-started", id=plan.id))
    return steps


def issue(reminder: Reminder, *, path: str, category: str, login: str | None) -> WantedIssue:
    """The issue for a plan that needs action: what it is, why, where its file is, what to do."""
    plan = reminder.plan
    who = plan.responsible
    if who is None:
        responsible = t("remind.body-no-responsible")
    elif login is None:
        responsible = t("remind.body-unmapped", responsible=_md(who))
    else:
        responsible = t("remind.body-assigned", responsible=_md(who), login=login)
    lines = [
        t("remind.body-intro", title=_md(plan.title), kind=t(f"kind.{plan.kind.value}"), category=_md(category)),
        "",
        f"**{t('remind.body-why')}**",
        "",
        *(f"- {_md(reason.text())}" for reason in reminder.reasons),
        "",
        f"**{t('remind.body-responsible')}** {responsible}  ",
        f"**{t('remind.body-file')}** {_md(path)}",
        "",
        f"**{t('remind.body-next')}**",
        "",
        *(f"- {step}" for step in _next_steps(reminder)),
        "",
        f"_{t('remind.body-footer')}_",
        "",
        MARKER.format(plan=plan.id),
        "",
    ]
    return WantedIssue(plan.id, title(reminder), "\n".join(lines), (login,) if login else (), (LABEL,))


def comment(action: Action, as_of: dt.date, reminder: Reminder | None = None) -> str | None:
    """What the workflow writes on the issue when it reopens or closes it; None for the rest."""
    when = date_text(as_of)
    if action.kind is Kind.REOPEN and reminder is not None:
        reasons = "; ".join(_md(r.text()) for r in reminder.reasons)
        return t("remind.comment-reopen", date=when, reasons=reasons)
    if action.kind is Kind.CLOSE:
        if action.why is Why.DUPLICATE:
            return t("remind.comment-duplicate", number=action.duplicate_of)
        if action.why is Why.PLAN_GONE:
            return t("remind.comment-gone", id=action.plan)
        return t("remind.comment-no-longer-due", date=when)
    return None


def to_json(actions: Sequence[Action], reminders: Mapping[str, Reminder], *, as_of: dt.date, within_months: int) -> str:
    """The action list for the workflow, one object per action (``none`` ones too, for the log)."""
    rows = [
        {
            "action": action.kind.value,
            "why": action.why.value,
            "plan": action.plan,
            "number": action.number,
            "title": action.title,
            "body": action.body,
            "add_assignees": list(action.add_assignees),
            "remove_assignees": list(action.remove_assignees),
            "add_labels": list(action.add_labels),
            "comment": comment(action, as_of, reminders.get(action.plan)),
            "duplicate_of": action.duplicate_of,
            "changed": list(action.changed),
        }
        for action in actions
    ]
    document = {
        "as_of": as_of.isoformat(),
        "within_months": within_months,
        "label": LABEL,
        "plans": len(reminders),
        "actions": rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _who(reminder: Reminder, logins: Mapping[str, str]) -> str | None:
    """Who the issue goes to, when the plan names a responsible (the others are counted at the end)."""
    who = reminder.plan.responsible
    if who is None:
        return None
    login = logins.get(who.casefold())
    if login is None:
        return t("remind.text-unmapped", responsible=one_line(who, 80))
    return t("remind.text-assigned", responsible=one_line(who, 80), login=login)


def _no_responsible(reminder: Reminder | None) -> bool:
    return reminder is not None and reminder.plan.responsible is None


def text(
    actions: Sequence[Action],
    reminders: Mapping[str, Reminder],
    existing: Sequence[ExistingIssue],
    logins: Mapping[str, str],
    *,
    as_of: dt.date,
    within_months: int,
    untouched: int,
) -> str:
    """What the workflow would do and why, for a planner: every line starts with an indent or a
    heading of our own, never with text from the data."""
    titles = {issue.number: one_line(issue.title, 80) for issue in existing}
    months = t("remind.months-one" if within_months == 1 else "remind.months-many", n=within_months)
    head = "remind.text-head-one" if len(reminders) == 1 else "remind.text-head-many"
    lines = [t(head, date=date_text(as_of), months=months, n=len(reminders))]
    sections: dict[Kind, list[list[str]]] = {kind: [] for kind in Kind}
    for action in actions:
        reminder = reminders.get(action.plan)
        number = f"#{action.number} " if action.number is not None else ""
        name = one_line(action.title) if action.title else titles.get(action.number or 0, action.plan)
        block = [f"  {number}{name}"]
        if action.kind is Kind.CLOSE:
            block[0] += ": " + t(f"remind.why-{action.why.value}", number=action.duplicate_of or 0)
        elif action.kind is not Kind.NONE:
            if action.changed:
                fields = ", ".join(t(f"remind.field-{c}") for c in action.changed)
                block[0] += " " + t("remind.text-changed", fields=fields)
            if reminder is not None and action.kind is not Kind.UPDATE:
                block.append("      " + "; ".join(one_line(r.text(), 300) for r in reminder.reasons))
            who = _who(reminder, logins) if reminder is not None and action.kind is not Kind.REOPEN else None
            if who is not None:
                block.append(f"      {who}")
        sections[action.kind].append(block)
    for kind in (Kind.CREATE, Kind.REOPEN, Kind.UPDATE, Kind.CLOSE, Kind.NONE):
        if sections[kind]:
            lines += ["", t(f"remind.section-{kind.value}", n=len(sections[kind]))]
            lines += [line for block in sections[kind] for line in block]
    if not actions:
        lines += ["", t("remind.text-nothing")]
    nobody = sum(1 for a in actions if a.kind is Kind.CREATE and _no_responsible(reminders.get(a.plan)))
    if nobody:
        lines += [
            "",
            t("remind.text-no-responsible-one" if nobody == 1 else "remind.text-no-responsible-many", n=nobody),
        ]
    if untouched:
        lines += ["", t("remind.text-untouched-one" if untouched == 1 else "remind.text-untouched-many", n=untouched)]
    return "\n".join(lines) + "\n"
