"""``planstrategi validate``: check every file and report every problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from planstrategi.model.problems import Problem

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, today, use_language
from planstrategi.i18n import later


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def validate(
    data: DataOption = None,
    output_format: Annotated[
        Optional[ProblemFormat],
        typer.Option(
            "--format",
            help=later("opt.validate-format"),
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=later("opt.strict"))] = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Kontroller alle filene i registeret / check every file of the register.

    Prints ``path:line:col: error: message [code]`` for each problem. Exit 0 when the register is
    valid, 1 when there are problems (warnings only with --strict), 2 on a usage error.
    """
    use_language(lang)
    from planstrategi.model.problems import has_errors
    from planstrategi.render import ci
    from planstrategi.render import problems as render
    from planstrategi.store import register as reg

    in_actions = ci.in_github_actions()
    chosen = output_format or (ProblemFormat.github if in_actions else ProblemFormat.text)
    root = reg.resolve_root(data)
    with _progress(root) as advance:
        loaded = reg.load(root, as_of=today(as_of), progress=advance, models=False)
    problems = loaded.sorted_problems()
    typer.echo(render.RENDERERS[chosen.value](problems, loaded.files), nl=False)
    if in_actions and chosen is ProblemFormat.github:
        _write_step_summary(problems, loaded.files)
    raise typer.Exit(1 if has_errors(problems, strict=strict) else 0)


def _write_step_summary(problems: list[Problem], files: int) -> None:
    """Every problem into the job summary; a failure to write warns and leaves the exit code alone."""
    from planstrategi.render import summary

    warning = summary.append(summary.markdown(problems, files, "planstrategi validate"))
    if warning is not None:
        typer.echo(f"planstrategi: {warning}", err=True)


@contextmanager
def _progress(root: Path) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr for long runs at a terminal (see ``ci.wants_progress``); else nothing."""
    import sys

    from planstrategi.render import ci
    from planstrategi.store import parallel

    counted: list[int] = []  # the folders are listed at most once, and only at a terminal

    def count() -> int:
        counted.append(parallel.count_files(root))
        return counted[0]

    if not ci.wants_progress(count, sys.stderr):
        yield None
        return
    total = counted[0]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from planstrategi.i18n import t

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    # No refresh thread: large registers are loaded by forked workers, and forking while another
    # thread holds a lock is asking for a deadlock. The bar is redrawn as files come back instead.
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(t("ci.progress"), total=total)

        def advance(files: int) -> None:
            bar.advance(task, files)
            bar.refresh()

        yield advance
