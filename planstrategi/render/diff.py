"""A ``Diff`` as text for the terminal, Markdown for a pull request, or JSON for scripts.

Each form passes everything that came from the data (titles, notes, decisions, file names from
git) through its sink in ``safety``: the text form through ``safety.terminal`` (it is what the
Actions log shows: no line from the data can start with ``::``, no escape sequence reaches the
terminal), the Markdown through ``safety.markdown`` (HTML neutralised, punctuation backslashed,
CR and LF made spaces, ``@name`` broken so nobody is mentioned by a plan title in a PR comment or
``$GITHUB_STEP_SUMMARY``), the JSON through ``safety.json_text``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

from planstrategi.i18n import date_text, t
from planstrategi.render import safety
from planstrategi.rules.diff import Detail, Diff, PlanChange
from planstrategi.store.snapshot import Snapshot

_MARKERS = {"added": "+", "removed": "-", "renamed": ">", "changed": "~"}


def label(snapshot: Snapshot) -> str:
    """``main (1a2b3c4)``, or "the working tree"."""
    if snapshot.revision is None:
        return t("diff.worktree")
    short = (snapshot.commit or "")[:7]
    return f"{snapshot.revision} ({short})" if short and short != snapshot.revision[:7] else snapshot.revision


def _shown(value: Any) -> str:
    if value is None or value == []:
        return t("diff.empty-value")
    if isinstance(value, str):
        text = value if len(value) <= 80 else value[:77] + "…"
        return t("diff.quote", text=text)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _plain(value: Any) -> str:
    return t("diff.empty-value") if value is None else str(value)


# Years, states, status and dates read best bare; titles and free text are quoted.
_PLAIN = frozenset(
    {
        "revision-moved",
        "revision-added",
        "revision-removed",
        "revision-state",
        "revision-work",
        "revision-decision",
        "revision-adopted",
        "revision-cancelled",
        "revision-postponed",
        "repealed",
        "status",
        "adopted",
    }
)


def decision_words(decision: dict[str, Any] | None) -> str:
    """`` (kommunestyret 19.06.2025, sak 25/40)``: who decided, when and in which case; "" if unknown."""
    if not decision:
        return ""
    parts = [str(decision["body"])] if decision.get("body") else []
    if decision.get("date"):
        parts.append(date_text(dt.date.fromisoformat(str(decision["date"]))))
    elif decision.get("year"):
        parts.append(str(decision["year"]))
    if decision.get("case"):
        parts.append(t("diff.decision-case", case=decision["case"]))
    return t("diff.decision", parts=", ".join(parts)) if parts else ""


def _detail(detail: Detail, quote: Callable[[str], str]) -> str:
    show = _plain if detail.change in _PLAIN else _shown
    where = detail.where or ""
    if where and not detail.change.startswith("revision-"):
        where = t("diff.quote", text=where)
    return t(
        "diff." + detail.change,
        field=quote(detail.field or ""),
        old=quote(show(detail.old)),
        new=quote(show(detail.new)),
        where=quote(where),
        decision=quote(decision_words(detail.decision)),
    )


def _headline(plan: PlanChange, quote: Callable[[str], str], code: Callable[[str], str] = str) -> str:
    title = quote(t("diff.quote", text=plan.title))
    what = t("diff.plan-" + plan.change, old=code(plan.old_id or ""))
    return f"{code(plan.id)} {title}: {what}"


def _code(plan_id: str) -> str:
    # Ids are slugs (a-z, 0-9, hyphens; the model refuses anything else), safe in a code span.
    return f"`{plan_id}`"


def _notes(diff: Diff, quote: Callable[[str], str]) -> Iterator[str]:
    for snapshot in (diff.base, diff.head):
        if not snapshot.present:
            yield t("diff.absent", path=quote(snapshot.folder), side=quote(label(snapshot)))
    for name, change in diff.files:
        yield t("diff.file-" + change, name=quote(name))
    for side, path, problems in diff.unreadable:
        snapshot = diff.base if side == "base" else diff.head
        first = problems[0] if problems else None
        where = f"{path}:{first.line}:{first.column}" if first and first.line else path
        message = first.message if first else ""
        yield t("diff.unreadable", path=quote(where), side=quote(label(snapshot)), problem=quote(message))


def _summary(diff: Diff) -> str:
    if diff.empty:
        return t("diff.none")
    parts = []
    for name in ("added", "removed", "renamed", "changed"):
        n = diff.count(name)
        if n:
            parts.append(t(f"diff.count.{name}.{'one' if n == 1 else 'other'}", n=n))
    return ", ".join(parts) or t("diff.count.other")


def text(diff: Diff) -> str:
    """Plain text for the terminal: one line per plan, its details indented below."""
    quote = safety.terminal
    title = t("diff.title", base=quote(label(diff.base)), head=quote(label(diff.head)))
    lines = [title + ": " + _summary(diff)]
    body: list[str] = []
    for plan in diff.plans:
        body.append(f"{_MARKERS[plan.change]} {_headline(plan, quote)}")
        body += [f"    {_detail(detail, quote)}" for detail in plan.details]
    notes = list(_notes(diff, quote))
    if body:
        lines += ["", *body]
    if notes:
        lines += ["", *notes]
    return safety.actions_log("\n".join(lines) + "\n")


def escape_markdown(value: str) -> str:
    """Text from the data, safe inside Markdown: no HTML, no formatting, no @mentions, one line."""
    return safety.markdown(value)


def markdown(diff: Diff) -> str:
    """GitHub-flavoured Markdown for a PR comment or ``$GITHUB_STEP_SUMMARY``."""
    title = t("diff.title", base=escape_markdown(label(diff.base)), head=escape_markdown(label(diff.head)))
    lines = [f"### {title}", "", _summary(diff)]
    body: list[str] = []
    for plan in diff.plans:
        marker = t("diff.md-" + plan.change)
        body.append(f"- **{marker}** {_headline(plan, escape_markdown, _code)}")
        body += [f"  - {_detail(detail, escape_markdown)}" for detail in plan.details]
    notes = [f"- {note}" for note in _notes(diff, escape_markdown)]
    if body:
        lines += ["", *body]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _side(snapshot: Snapshot) -> dict[str, Any]:
    return {"revision": snapshot.revision, "commit": snapshot.commit, "present": snapshot.present}


def as_json(diff: Diff) -> str:
    """The document described in the README ("planstrategi diff --format json")."""
    document = {
        "folder": diff.head.folder,
        "base": _side(diff.base),
        "head": _side(diff.head),
        "summary": {name: diff.count(name) for name in ("added", "removed", "renamed", "changed")},
        "plans": [plan.to_dict() for plan in diff.plans],
        "files": [{"path": name, "change": change} for name, change in diff.files],
        "unreadable": [
            {"side": side, "path": path, "problems": [p.to_dict() for p in problems]}
            for side, path, problems in diff.unreadable
        ],
    }
    return safety.json_text(document) + "\n"


RENDERERS: dict[str, Callable[[Diff], str]] = {"text": text, "markdown": markdown, "json": as_json}
