"""``planstrategi import``: plan files from the table a municipality already keeps (CSV, Excel, Word, ODS).

The file's rows become plans through ``importers/`` (one reader per format, one path from rows to
plans). Every row is checked the way ``validate`` checks a plan file before anything is written;
a row that cannot be read is ``file:row:column: what and how to fix it`` and then nothing is
written, unless ``--skip-bad``. The files are written all at once (``store/stage.py``): an
interrupted import leaves the register as it was. ``--preview`` shows what each row becomes and
writes nothing; ``--update`` merges a newer table into the plan files that exist, printing the
change as ``planstrategi diff`` does (``--dry-run``: print only).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from planstrategi.commands.options import DataOption, LangOption, UsageError, use_language
from planstrategi.commands.review import write_error
from planstrategi.i18n import later, t
from planstrategi.store.safeio import UnsafeWrite

if TYPE_CHECKING:
    from planstrategi.importers.rows import Imported
    from planstrategi.model import Plan

MARKS = ("revision", "work", "decision", "deadline")


def import_plans(
    file: Annotated[Path, typer.Argument(help=later("opt.import-any-file"))],
    category: Annotated[
        Optional[str],
        typer.Option("--category", help=later("opt.import-group")),
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help=later("opt.import-kind"))] = "plan",
    marks: Annotated[
        str,
        typer.Option(
            "--marks",
            help=later("opt.import-marks"),
        ),
    ] = "revision",
    preview: Annotated[bool, typer.Option("--preview", help=later("opt.import-preview"))] = False,
    update: Annotated[
        bool,
        typer.Option("--update", help=later("opt.import-update")),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=later("opt.dry-run"))] = False,
    skip_bad: Annotated[
        bool,
        typer.Option("--skip-bad", "--partial", help=later("opt.import-skip-bad")),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Lag planfiler fra en oversikt over planer / turn a plan overview (CSV, Excel, Word, ODS) into plan files.

    Reports every row it cannot read as file:row:column: what is wrong, and writes nothing then
    unless --skip-bad. Never overwrites a plan file; --update merges the table into the files that
    exist (comments kept, nothing deleted). Exit 0 when every row was imported, 1 when a row was not.
    """
    use_language(lang)
    from planstrategi.importers import rows, tables
    from planstrategi.importers.columns import Marks
    from planstrategi.model import CategoryFile
    from planstrategi.store import register, scaffold

    if marks not in MARKS:
        raise UsageError(t("importx.bad-marks", value=marks, names=", ".join(MARKS)))
    root = register.resolve_root(data)
    categories: CategoryFile | None = scaffold.load_setting(root, register.CATEGORIES_FILE, CategoryFile)
    if categories is None:
        raise UsageError(t("import.no-categories", path=root / register.CATEGORIES_FILE), code=1)
    group = None
    if category is not None:
        group = rows.find_category(category, categories.categories)
        if group is None:
            known = [c.id for c in categories.categories]
            raise UsageError(t("unknown-category", id=category, hint=scaffold.category_hint(category, known)))
    try:
        number = scaffold.home_municipality(root)
        source = tables.read_tables(file, str(file))  # a regular file, read with the size cap: never a pipe
    except tables.Refused as exc:
        raise UsageError(exc.message, code=1) from None
    except scaffold.ScaffoldError as exc:
        raise UsageError(exc.message, code=1) from None
    except OSError as exc:
        raise UsageError(t("import.unreadable", path=file, reason=exc.strerror or type(exc).__name__)) from None
    options = rows.Options(categories.categories, number, group, kind, Marks(marks))
    result = rows.read(source, str(file), options)
    existing = _existing(root) if update else {}
    files, replaced, shown_rows, after = _plan_files(root, result, existing, update)
    for note in result.notes:
        typer.echo(note, err=True)
    for line in result.lines():
        typer.echo(line, err=True)
    errors = len(result.errors)
    if preview:
        from planstrategi.render import importing as render

        typer.echo(render.preview(shown_rows), nl=False)
        typer.echo(
            t("importx.preview-done", plans=count("plans", len(shown_rows)), problems=count("problems", errors)),
            err=True,
        )
        raise typer.Exit(1 if errors else 0)
    if errors and not skip_bad:
        typer.echo(t("importx.nothing-written", problems=count("problems", errors)), err=True)
        raise typer.Exit(1)
    if update:
        _print_diff(root, existing, after, file)
    if dry_run:
        typer.echo(
            t("importx.dry-run-done", files=count("files", len(files)), problems=count("problems", errors)), err=True
        )
        raise typer.Exit(1 if errors else 0)
    written = _write(root, files, replaced)
    if not update:
        for path in written:
            typer.echo(register.display_path(path))
    new, changed = count("new", len(files) - len(replaced)), count("changed", len(replaced))
    typer.echo(t("importx.done", new=new, changed=changed, problems=count("problems", errors)))
    raise typer.Exit(1 if errors else 0)


def count(key: str, n: int) -> str:
    """``3 nye planfiler``, ``1 problem``, ``ingen problemer``: a number with its noun in the right form."""
    if n == 0 and key == "problems":
        return t("importx.problems.none")
    return t(f"importx.{key}.{'one' if n == 1 else 'other'}", n=n)


def _existing(root: Path) -> dict[str, tuple[Path, str, Plan]]:
    """The plans the register holds: id -> (file, text, plan); files that do not load are left out."""
    from planstrategi.store import parallel, planfile, register, yamlio

    found: dict[str, tuple[Path, str, Plan]] = {}
    for path in parallel.yaml_files(root / register.PLANS_DIR):
        text, _ = yamlio.read_text(path, register.display_path(path))
        if text is None:
            continue
        plan, _ = planfile.check(text, register.display_path(path))
        if plan is not None:
            found[plan.id] = (path, text, plan)
    return found


def _plan_files(
    root: Path, result: Imported, existing: dict[str, tuple[Path, str, Plan]], update: bool
) -> tuple[dict[str, bytes], frozenset[str], list[tuple[str, str, dict[str, Any], str]], dict[str, Plan]]:
    """The files to write (new and, with --update, changed), which of them replace a file, the
    preview's rows, and the plans as they will be."""
    from planstrategi.importers import update as merge
    from planstrategi.model.problems import Severity
    from planstrategi.store import planedit, planfile, register, scaffold

    files: dict[str, bytes] = {}
    replaced: set[str] = set()
    shown: list[tuple[str, str, dict[str, Any], str]] = []
    after = {pid: plan for pid, (_, _, plan) in existing.items()}
    for draft in result.plans:
        if not draft.text:
            continue  # a problem was reported for the row
        pid = merge.match(draft, after) if update else None
        if pid is None:
            relative = scaffold.plan_path(draft.id).as_posix()
            target = root / relative
            if target.exists() or target.is_symlink() or relative in files:
                result.problem(draft.place, t("importx.exists", path=register.display_path(target)))
                continue
            files[relative] = draft.text.encode("utf-8")
            plan, _ = planfile.check(draft.text, relative)
            if plan is not None:
                after[plan.id] = plan
            shown.append((draft.place.short(), register.display_path(root / relative), draft.data, _what("new")))
            continue
        path, text, plan = existing[pid]
        relative = path.relative_to(root).as_posix()
        shown_path = register.display_path(path)
        try:
            new_text = planedit.apply(text, merge.edits(draft, plan))
        except planedit.LayoutError as exc:
            where = f"{shown_path}:{exc.line}" if exc.line else shown_path
            result.problem(draft.place, t("importx.layout", path=where))
            continue
        if new_text == text:
            shown.append((draft.place.short(), register.display_path(root / relative), draft.data, _what("same")))
            continue
        new_plan, problems = planfile.check(new_text, shown_path)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if new_plan is None or errors:
            detail = "; ".join(p.message for p in errors) or "?"
            result.problem(draft.place, t("importx.update-invalid", path=shown_path, problems=detail))
            continue
        files[relative] = planfile.byte_order_mark(path) + new_text.encode("utf-8")
        replaced.add(relative)
        after[pid] = new_plan
        shown.append((draft.place.short(), register.display_path(root / relative), draft.data, _what("changed")))
    return files, frozenset(replaced), shown, after


def _what(change: str) -> str:
    return t(f"importx.what-{change}")


def _print_diff(root: Path, existing: dict[str, tuple[Path, str, Plan]], after: dict[str, Plan], file: Path) -> None:
    """The change, in the semantic diff's words: from the register as it is to the register with the table."""
    from planstrategi.render import diff as render
    from planstrategi.rules import diff as compare
    from planstrategi.store import register
    from planstrategi.store.snapshot import Snapshot

    folder = register.display_path(root)
    base = Snapshot(folder, revision=folder, plans={pid: plan for pid, (_, _, plan) in existing.items()})
    head = Snapshot(folder, revision=str(file), plans=after)
    typer.echo(render.text(compare.compare(base, head)), nl=False)


def _write(root: Path, files: dict[str, bytes], replaced: frozenset[str]) -> list[Path]:
    from planstrategi.store import stage

    try:
        return stage.write_all(root, files, replace=replaced)
    except UnsafeWrite as exc:
        raise write_error(exc) from None
    except (KeyboardInterrupt, stage.Interrupted):
        typer.echo(t("importx.interrupted"), err=True)
        raise typer.Exit(130) from None
