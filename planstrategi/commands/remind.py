"""``planstrategi remind``: one GitHub issue per plan that needs action, as a plan of what to do.

The command decides and the reminders workflow (``store/templates.py``) acts: ``--format json``
is the list of actions the workflow applies with ``gh``; the text (the default) says the same to
a planner. It reads the clock only through ``--as-of`` (else today) and writes nothing. A
register with errors is refused (exit 1): a plan file that did not load would otherwise look
like a plan that is gone, and its issue would be closed.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, UsageError, use_language
from planstrategi.commands.questions import _date, load_register
from planstrategi.i18n import later, t

if TYPE_CHECKING:
    from planstrategi.rules.issues import ExistingIssue
    from planstrategi.store.register import Register

#: ``gh issue list --limit 1000`` with long bodies is a few megabytes; anything far past it is not that.
EXISTING_LIMIT = 64 * 1024 * 1024


class RemindFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def read_existing(path: Path | None) -> list[ExistingIssue]:
    """The issues in ``--existing`` (none without it); a file that is not ``gh``'s JSON is a usage error."""
    from planstrategi.rules import issues

    if path is None:
        return []
    try:
        if not path.is_file():
            raise UsageError(t("remind.existing-missing", path=path))
        if path.stat().st_size > EXISTING_LIMIT:
            raise UsageError(t("remind.existing-too-large", path=path, limit=EXISTING_LIMIT))
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(t("remind.existing-encoding", path=path)) from None
    except OSError as exc:
        raise UsageError(
            t("remind.existing-unreadable", path=path, reason=exc.strerror or type(exc).__name__)
        ) from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(t("remind.existing-json", path=path, line=exc.lineno, col=exc.colno, why=exc.msg)) from None
    except RecursionError:
        raise UsageError(t("remind.existing-json", path=path, line=1, col=1, why="nesting")) from None
    try:
        return issues.existing_issues(data)
    except issues.BadExisting as exc:
        raise UsageError(f"{path}: {exc.message}") from None


def _register_language(register: Register, lang: str | None) -> None:
    """Write the issues in the register's language (municipalities.yaml ``language``) unless
    ``--lang`` or PLANSTRATEGI_LANG says otherwise, where this version has that language."""
    from planstrategi import i18n

    chosen = register.municipalities.language if register.municipalities is not None else None
    if lang is None and not os.environ.get("PLANSTRATEGI_LANG") and chosen is not None and chosen in i18n.LANGUAGES:
        i18n.set_language(chosen.value)


def remind(
    as_of: AsOfOption = None,
    within_months: Annotated[int, typer.Option("--within-months", min=0, max=24, help=later("opt.within-months"))] = 3,
    existing: Annotated[
        Optional[Path], typer.Option("--existing", help=later("opt.existing"), show_default=False)
    ] = None,
    output_format: Annotated[
        RemindFormat, typer.Option("--format", "-f", help=later("opt.remind-format"))
    ] = RemindFormat.TEXT,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Påminnelser som GitHub-saker / reminders as GitHub issues: which to open, update, reopen or close."""
    use_language(lang)
    from planstrategi import i18n
    from planstrategi.model.problems import Severity
    from planstrategi.render import remind as render
    from planstrategi.rules import issues, query
    from planstrategi.rules import remind as rule
    from planstrategi.store.register import display_path

    date = _date(as_of)
    found = read_existing(existing)
    register = load_register(data)
    if any(p.severity is Severity.ERROR for p in register.problems):
        raise UsageError(t("remind.register-errors"), code=1)
    _register_language(register, lang)
    plans = query.select(register, query.Filters())
    reminders = rule.reminders(register, plans, date, within_months)
    wanted = []
    for reminder in reminders:
        plan = reminder.plan
        login = register.github_users.get(plan.responsible.casefold()) if plan.responsible else None
        wanted.append(
            render.issue(
                reminder,
                path=display_path(register.plan_paths[plan.id]),
                category=register.category_name(plan.category, i18n.language()),
                login=login,
            )
        )
    actions = issues.reconcile(
        wanted, found, known_plans=register.plans, managed_logins=set(register.github_users.values())
    )
    by_plan = {reminder.plan.id: reminder for reminder in reminders}
    if output_format is RemindFormat.JSON:
        out = render.to_json(actions, by_plan, as_of=date, within_months=within_months)
        sys.stdout.flush()
        sys.stdout.buffer.write(out.encode("utf-8"))  # UTF-8 for the workflow, whatever the console's code page
        sys.stdout.buffer.flush()
        return
    untouched = len(issues.unmarked(found))
    typer.echo(
        render.text(
            actions,
            by_plan,
            found,
            register.github_users,
            as_of=date,
            within_months=within_months,
            untouched=untouched,
        ),
        nl=False,
    )
