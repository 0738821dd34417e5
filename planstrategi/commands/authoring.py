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
    municipality: Annotated[str, typer.Option("--municipality", help=later("opt.init-municipality"))],
    name: Annotated[Optional[str], typer.Option("--name", help=later("opt.init-name"))] = None,
    install_from: Annotated[
        Optional[str],
        typer.Option(
            "--install",
            help=later("opt.init-install"),
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Start et tomt register for en kommune / start an empty register for a municipality.

    Writes data/ (categories, municipalities, empty plans/ and goals/), schemas/, a README, a
    pre-commit configuration and a GitHub Actions workflow, both installing the planstrategi that
    runs init (or --install), and says which. Refuses a folder that is not empty unless --force.
    """
    use_language(lang)
    from planstrategi import __version__
    from planstrategi.model import CategoryFile, MunicipalityFile
    from planstrategi.store import install, modelcheck, register, safeio, scaffold, yamlio

    if not re.fullmatch(r"[0-9]{4}", municipality):
        raise UsageError(t("init.bad-number", number=municipality))
    name = name or scaffold.municipality_name(municipality)
    if not name or not name.strip():
        raise UsageError(t("init.no-name", number=municipality))
    if directory.exists() and not directory.is_dir():
        raise UsageError(t("init.not-a-folder", path=directory))
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise UsageError(t("init.not-empty", path=directory), code=1)
    try:
        chosen = install.from_option(install_from) if install_from is not None else install.detect()
    except install.BadRequirement:
        raise UsageError(t("init.install-bad", value=install_from, version=__version__)) from None
    except install.Unreachable as exc:
        raise UsageError(t("init.install-unreachable", where=exc.where, version=__version__)) from None
    files = scaffold.register_files(municipality, name.strip(), chosen)
    for relative, model in (("data/categories.yaml", CategoryFile), ("data/municipalities.yaml", MunicipalityFile)):
        document = yamlio.parse(files[relative], relative)
        _, problems = modelcheck.check(document, model)
        if problems or document.problems:
            messages = "; ".join(p.message for p in document.problems + problems)
            raise UsageError(t("new.invalid", path=relative, problems=messages), code=1)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        written = safeio.write_all(directory, files, force=force)
    except UnsafeWrite as exc:
        raise write_error(exc) from None
    except OSError as exc:
        raise UsageError(t("write.failed", path=directory, reason=exc.strerror or type(exc).__name__), code=1) from None
    for path in written:
        typer.echo(register.display_path(path))
    typer.echo(t(f"init.install-{chosen.source.value}", requirement=chosen.requirement))
    typer.echo(t("init.done", name=name.strip(), number=municipality, path=directory))


def import_plans(
    file: Annotated[Path, typer.Argument(help=later("opt.import-file"))],
    category: Annotated[Optional[str], typer.Option("--category", help=later("opt.import-category"))] = None,
    kind: Annotated[str, typer.Option("--kind", help=later("opt.import-kind"))] = "plan",
    partial: Annotated[bool, typer.Option("--partial", help=later("opt.import-partial"))] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Lag planfiler fra et regneark (CSV) / turn a spreadsheet plan overview (CSV) into plan files.

    Reports every row it cannot read as file.csv:row N: what is wrong, and writes nothing then
    unless --partial. Never overwrites a plan file (an existing file counts as a problem).
    Exit 0 when every row was imported, 1 when a row was not.
    """
    use_language(lang)
    from planstrategi.importers import csv as importer
    from planstrategi.model import CategoryFile
    from planstrategi.store import register, safeio, scaffold

    root = register.resolve_root(data)
    categories: CategoryFile | None = scaffold.load_setting(root, register.CATEGORIES_FILE, CategoryFile)
    if categories is None:
        raise UsageError(t("import.no-categories", path=root / register.CATEGORIES_FILE), code=1)
    known = [c.id for c in categories.categories]
    if category is not None and category not in known:
        raise UsageError(t("unknown-category", id=category, hint=scaffold.category_hint(category, known)))
    try:
        number = scaffold.home_municipality(root)
        raw = importer.read_source(file)  # a regular file, read with the size cap: never a pipe or a device
    except importer.Refused as exc:
        raise UsageError(exc.message, code=1) from None
    except scaffold.ScaffoldError as exc:
        raise UsageError(exc.message, code=1) from None
    except OSError as exc:
        raise UsageError(t("import.unreadable", path=file, reason=exc.strerror or type(exc).__name__)) from None
    result = importer.read(
        raw,
        str(file),
        categories=categories.categories,
        municipality=number,
        default_category=category,
        default_kind=kind,
    )
    files: dict[str, str] = {}
    for row, relative, text in result.plans:
        if (root / relative).exists() or (root / relative).is_symlink():
            result.problem(row, t("import.exists", path=register.display_path(root / relative)))
        else:
            files[relative.as_posix()] = text
    for line in result.lines():
        typer.echo(line, err=True)
    if result.problems and not partial:
        typer.echo(t("import.nothing-written", problems=len(result.problems)), err=True)
        raise typer.Exit(1)
    try:
        written = safeio.write_all(root, files)
    except UnsafeWrite as exc:
        raise write_error(exc) from None
    for path in written:
        typer.echo(register.display_path(path))
    typer.echo(t("import.done", written=len(written), problems=len(result.problems)))
    raise typer.Exit(1 if result.problems else 0)


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
