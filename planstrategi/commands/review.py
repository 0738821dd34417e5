"""``planstrategi schema`` and ``planstrategi diff``: the commands for reviewers and editors."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Annotated, Optional

import typer

from planstrategi.commands.options import DataOption, LangOption, UsageError, use_language
from planstrategi.i18n import later, t
from planstrategi.store.safeio import USAGE_CODES, UnsafeWrite


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def schema(
    output: Annotated[Path, typer.Option("--output", help=later("opt.schema-output"))] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help=later("opt.schema-check"))] = False,
    force: Annotated[bool, typer.Option("--force", help=later("opt.schema-force"))] = False,
    lang: LangOption = None,
) -> None:
    """Skriv JSON Schema-filer for registerets filer / write the JSON Schema files of the register's files.

    Generated from the models: plan, goals, municipalities, categories and requirements. Files
    that are already up to date are left alone; a file that differs is overwritten only with
    --force. With --check nothing is written and the exit code says whether the files are current.
    """
    use_language(lang)
    from planstrategi.store import safeio
    from planstrategi.store import schema as schemas

    stale = []
    for name, text in schemas.generate().items():
        path = output / name
        current = schemas.on_disk(path)
        if current == text:
            typer.echo(t("schema.unchanged", path=path))
            continue
        stale.append(path)
        if check:
            typer.echo(t("schema.stale", path=path))
            continue
        try:
            safeio.write_text(output, name, text, force=force)
        except UnsafeWrite as exc:
            raise write_error(exc) from None
        typer.echo(t("schema.written", path=path))
    raise typer.Exit(1 if check and stale else 0)


def write_error(exc: UnsafeWrite) -> UsageError:
    """A refused or failed write as a message: exit 1, or 2 for a path outside the folder."""
    return UsageError(t(exc.code, path=exc.path, reason=exc.reason), code=2 if exc.code in USAGE_CODES else 1)


def diff(
    base: Annotated[
        Optional[str],
        typer.Argument(help=later("opt.diff-base")),
    ] = None,
    head: Annotated[
        Optional[str],
        typer.Argument(help=later("opt.diff-head")),
    ] = None,
    data: DataOption = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", help=later("opt.diff-format"))] = DiffFormat.text,
    lang: LangOption = None,
) -> None:
    """Vis hva som er endret i registeret mellom to git-revisjoner / what changed between two revisions.

    Compares the register at BASE (default: where the current branch left the default branch)
    with HEAD (default: the working tree), and says what changed in a planner's terms: plans
    added, removed or renamed, revisions moved, status and adoption changed, goals added or dropped.
    """
    use_language(lang)
    from planstrategi.render import diff as render
    from planstrategi.rules import diff as compare
    from planstrategi.store import gitrev, snapshot

    folder = data if data is not None else Path(os.environ.get("PLANSTRATEGI_DATA") or "data")
    try:
        repo = gitrev.toplevel(folder if folder.is_dir() else Path.cwd())
        try:
            relative = PurePosixPath(folder.resolve().relative_to(repo.resolve()).as_posix())
        except ValueError:
            raise UsageError(t("git.outside-repository", path=folder, repo=repo)) from None
        if base is None:
            base_commit, base_name = gitrev.default_base(repo)
        else:
            base_commit, base_name = gitrev.resolve(repo, base), base
        head_side = None if head is None else (head, gitrev.resolve(repo, head))
        before, after = snapshot.pair(repo, relative, (base_name, base_commit), head_side)
    except gitrev.GitError as exc:
        raise UsageError(t(exc.code, **exc.params)) from None
    changes = compare.compare(before, after)
    typer.echo(render.RENDERERS[output_format.value](changes), nl=False)
    if output_format is not DiffFormat.markdown:  # that output is the Markdown; the workflow routes it
        _write_step_summary(render.markdown(changes))


def _write_step_summary(markdown: str) -> None:
    """Inside GitHub Actions the Markdown diff also goes to the job summary; a failure only warns."""
    from planstrategi.render import ci

    if not ci.in_github_actions():
        return
    from planstrategi.render import summary

    warning = summary.append(markdown)
    if warning is not None:
        typer.echo(f"planstrategi: {warning}", err=True)
