"""``planstrategi new``, ``init``, ``import`` and ``upgrade``: commands that write files into a register.

Every file is checked the way ``validate`` checks it before it is written, and written through
``safeio`` (atomic, never over an existing file without --force, never outside the folder).
``upgrade`` is the one that rewrites existing files, and changes nothing in them but what it must.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planstrategi.commands.options import DataOption, LangOption, UsageError, use_language
from planstrategi.commands.review import write_error
from planstrategi.i18n import later, t
from planstrategi.store.safeio import UnsafeWrite

if TYPE_CHECKING:
    from planstrategi.model.problems import Problem

ForceOption = Annotated[bool, typer.Option("--force", help=later("opt.overwrite"))]


def new(
    title: Annotated[str, typer.Argument(help=later("opt.new-title"))],
    category: Annotated[str, typer.Option("--category", help=later("opt.new-category"))],
    kind: Annotated[Optional[str], typer.Option("--kind", help=later("opt.new-kind"))] = None,
    adopted: Annotated[
        Optional[str], typer.Option("--adopted", help=later("opt.new-adopted"), show_default=False)
    ] = None,
    municipality: Annotated[Optional[str], typer.Option("--municipality", help=later("opt.new-municipality"))] = None,
    data: DataOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Lag en ny planfil / write a new plan file, data/plans/<slug>.yaml.

    The id and file name come from the title (æ→ae, ø→o, å→a). The file is checked like validate
    checks it before it is written; an existing file is kept unless --force. Prints the path.
    """
    use_language(lang)
    from planstrategi.store import register, safeio, scaffold

    root = register.resolve_root(data)
    try:
        number = municipality or scaffold.home_municipality(root)
        year = scaffold.parse_adopted(adopted) if adopted else None
    except scaffold.ScaffoldError as exc:
        raise UsageError(exc.message, code=1) from None
    except ValueError:
        raise UsageError(t("new.bad-adopted", value=adopted)) from None
    plan = scaffold.plan_data(title, category, kind or _guess_kind(title), number, adopted=year)
    if not plan["id"]:
        raise UsageError(t("new.no-slug", title=title))
    path = root / scaffold.plan_path(plan["id"])
    text, problems = scaffold.render_plan(plan, register.display_path(path))
    messages = [p.message for p in problems] + scaffold.check_references(root, plan)
    if messages:
        raise UsageError(t("new.invalid", path=register.display_path(path), problems="; ".join(messages)), code=1)
    try:
        safeio.write_text(root, scaffold.plan_path(plan["id"]), text, force=force)
    except UnsafeWrite as exc:
        raise write_error(exc) from None
    typer.echo(register.display_path(path))


def _guess_kind(title: str) -> str:
    from planstrategi.importers.csv import guess_kind

    return guess_kind(title, "plan")


def init(
    directory: Annotated[Path, typer.Argument(help=later("opt.init-directory"))],
    municipality: Annotated[
        Optional[str], typer.Option("--municipality", help=later("opt.init-municipality"), show_default=False)
    ] = None,
    name: Annotated[Optional[str], typer.Option("--name", help=later("opt.init-name"))] = None,
    example: Annotated[Optional[str], typer.Option("--example", help=later("opt.init-example"))] = None,
    install_from: Annotated[
        Optional[str],
        typer.Option(
            "--install",
            help=later("opt.init-install"),
            show_default=False,
        ),
    ] = None,
    remind_day: Annotated[int, typer.Option("--remind-day", min=1, max=28, help=later("opt.remind-day"))] = 1,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Start et register for en kommune / start a register for a municipality.

    Writes data/ (the groups, the municipality with its county and language form, the national
    requirements, empty plans/ and goals/), schemas/, a README, a pre-commit configuration and a
    GitHub Actions workflow, both installing the planstrategi that runs init (or --install), and
    says which. The name comes from the list of every municipality unless --name. --example os
    copies the bundled Os register instead. Refuses a folder that is not empty unless --force.
    """
    use_language(lang)
    from planstrategi import __version__
    from planstrategi.i18n import language
    from planstrategi.model import CategoryFile, MunicipalityFile, RequirementFile
    from planstrategi.store import install, modelcheck, register, safeio, scaffold, yamlio

    if example is None and municipality is None:
        raise UsageError(t("init.no-municipality"))
    if municipality is not None and not re.fullmatch(r"[0-9]{4}", municipality):
        raise UsageError(t("init.bad-number", number=municipality))
    if example is not None and municipality is not None:
        raise UsageError(t("init.example-and-municipality", name=example))
    if example is not None and example not in scaffold.EXAMPLES:
        raise UsageError(t("init.no-example", name=example, known=", ".join(scaffold.EXAMPLES)))
    if directory.exists() and not directory.is_dir():
        raise UsageError(t("init.not-a-folder", path=directory))
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise UsageError(t("init.not-empty", path=directory), code=1)
    data: dict[str, str] | None = None
    number = municipality or ""
    try:
        if example is not None:
            data = scaffold.example_files(example)
            number = scaffold.example_home(data)
            name = name or scaffold.example_name(data, number)
        else:
            name = name or scaffold.municipality_name(number)
    except scaffold.ScaffoldError as exc:
        raise UsageError(exc.message, code=1) from None
    if not name or not name.strip():
        raise UsageError(t("init.no-name", number=number))
    try:
        chosen = install.from_option(install_from) if install_from is not None else install.detect()
    except install.BadRequirement:
        raise UsageError(t("init.install-bad", value=install_from, version=__version__)) from None
    except install.Unreachable as exc:
        raise UsageError(t("init.install-unreachable", where=exc.where, version=__version__)) from None
    if data is not None:
        files = {**data, **scaffold.repository_files(number, name.strip(), chosen, remind_day, ui_language=language())}
    else:
        files = scaffold.register_files(number, name.strip(), chosen, remind_day, ui_language=language())
    for relative, model in (
        ("data/categories.yaml", CategoryFile),
        ("data/municipalities.yaml", MunicipalityFile),
        ("data/requirements.yaml", RequirementFile),
    ):
        if relative not in files:
            continue
        document = yamlio.parse(files[relative], relative)
        _, problems = modelcheck.check(document, model)
        if problems or document.problems:
            messages = "; ".join(p.message for p in document.problems + problems)
            raise UsageError(t("new.invalid", path=relative, problems=messages), code=1)
    try:
        written = safeio.write_all(directory, files, force=force)  # makes the folder, and removes it on failure
    except UnsafeWrite as exc:
        raise write_error(exc) from None
    except OSError as exc:
        raise UsageError(t("write.failed", path=directory, reason=exc.strerror or type(exc).__name__), code=1) from None
    for path in written:
        typer.echo(register.display_path(path))
    typer.echo(t(f"init.install-{chosen.source.value}", requirement=chosen.requirement))
    typer.echo(t("init.done", name=name.strip(), number=number, path=directory))


def upgrade(
    data: DataOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=later("opt.dry-run"))] = False,
    lang: LangOption = None,
) -> None:
    """Oppgrader planfilene fra format 0.1 til 0.2 / rewrite the plan files from format 0.1 to 0.2.

    In each revision, ``year:`` becomes ``target:``; comments, blank lines, quoting, key order and
    line ends stay as they are. Prints a unified diff of every file it changes, then writes it
    (atomically) unless --dry-run. A file that cannot be read, or would not be valid after the
    upgrade, is reported as path:line:col and left alone. Exit 0 when no file had a problem, else 1.
    """
    use_language(lang)
    from planstrategi.render import patch
    from planstrategi.render import problems as render
    from planstrategi.store import parallel, register, safeio

    root = register.resolve_root(data)
    _refuse_unreadable_folders(root)
    real_root = root.resolve()
    upgraded = unchanged = failed = 0
    for path in parallel.yaml_files(root / register.PLANS_DIR):
        shown = register.display_path(path)
        change, problems = _upgraded_plan(path, shown, real_root)
        if problems:
            failed += 1
            for problem in sorted(problems, key=lambda p: p.sort_key()):
                typer.echo(render.line(problem), err=True)
            continue
        if change is None:
            unchanged += 1
            continue
        old, new, bom = change
        typer.echo(patch.unified_diff(old, new, shown), nl=False)
        if not dry_run:
            try:  # to the file itself: a link inside the register stays a link
                safeio.write_bytes(
                    real_root, path.resolve().relative_to(real_root), bom + new.encode("utf-8"), force=True
                )
            except UnsafeWrite as exc:
                typer.echo(f"planstrategi: {t(exc.code, path=shown, reason=exc.reason)}", err=True)
                failed += 1
                continue
        upgraded += 1
    summary = t("upgrade.done-dry-run" if dry_run else "upgrade.done", files=_files(upgraded), unchanged=unchanged)
    if failed:
        summary = t("upgrade.with-problems", summary=summary, files=_files(failed))
    typer.echo(summary, err=True)
    raise typer.Exit(1 if failed else 0)


def _refuse_unreadable_folders(root: Path) -> None:
    """Exit 1, having written nothing, when ``plans/`` or ``goals/`` is there but cannot be listed.

    The same check and problems as ``validate`` (``register.folder_problems``): a folder that is a
    file, a link loop or unreadable. Without it the plans in it would be passed over, and the run
    would say "0 files upgraded" and exit 0 as if the register were done.
    """
    from planstrategi.render import problems as render
    from planstrategi.store import register

    blocked = [
        p for folder in (register.PLANS_DIR, register.GOALS_DIR) for p in register.folder_problems(root / folder)
    ]
    if not blocked:
        return
    for problem in blocked:
        typer.echo(render.line(problem), err=True)
    typer.echo(t("upgrade.folder-problems", folders=", ".join(p.path for p in blocked)), err=True)
    raise typer.Exit(1)


def _upgraded_plan(path: Path, shown: str, real_root: Path) -> tuple[tuple[str, str, bytes] | None, list[Problem]]:
    """(old text, new text, byte-order mark) for a plan file that needs the upgrade, None for one that
    does not; or the problems that stop it. The new text is checked the way validate checks a file."""
    from planstrategi.model import Plan
    from planstrategi.model.problems import Problem, Severity
    from planstrategi.store import modelcheck, planfile, roundtrip, yamlio

    if not path.resolve().is_relative_to(real_root):  # what lies outside the register is not read, or shown
        return None, [Problem(shown, 0, 0, Severity.ERROR, "outside-data", t("outside-data"))]
    document = yamlio.read_document(path, shown)
    if document.data is None or document.text is None:
        return None, document.problems
    new, problems = roundtrip.upgrade_plan_text(document.text, shown)
    if problems or new is None:
        return None, problems
    checked = yamlio.parse(new, shown)
    _, invalid = modelcheck.check(checked, Plan)
    found = checked.problems + invalid
    if any(p.severity is Severity.ERROR for p in found):
        return None, [Problem(shown, 0, 0, Severity.ERROR, "upgrade-invalid", t("upgrade-invalid")), *found]
    return (document.text, new, planfile.byte_order_mark(path)), []


def _files(count: int) -> str:
    return t("upgrade.files-one" if count == 1 else "upgrade.files-many", n=count)
