"""``planstrategi record``: what the council decided, written into the plan files.

``record ID EVENT [options]`` records one decision; ``record --from FILE`` a meeting's decisions
(YAML or CSV), all or none of them. Each event becomes edits (``rules/events.py``), made in the
file's text with every other byte kept (``store/planedit.py``); each result is checked the way
``validate`` checks a plan file before anything is written. Then one unified diff of every file
changed is printed and the files are written atomically (``store/safeio.py``); ``--dry-run`` stops
after the diff.

Exit codes: 0 recorded (or would be, with --dry-run); 1 a decision could not be recorded, or a
decisions file has a problem (nothing is written); 2 a usage error on the command line (an option
that is not a date, an unknown plan or event, an option the event does not take).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, UsageError, today, use_language
from planstrategi.i18n import later, t

if TYPE_CHECKING:
    import datetime as dt

    from planstrategi.importers.decisions import Row
    from planstrategi.model import Plan
    from planstrategi.rules.events import Refused
    from planstrategi.rules.terms import Calendar
    from planstrategi.store.planedit import Edit
    from planstrategi.store.register import Register

#: Refusals that mean the command line itself is wrong (exit 2); the rest are about the data (exit 1).
USAGE_CODES = frozenset(
    {
        "record-unknown-field",
        "record-missing",
        "record-not-for",
        "record-unknown-event",
        "record-bad-date",
        "record-bad-year",
        "record-bad-case",
        "record-bad-body",
        "record-bad-work",
        "record-unknown-plan",
    }
)
_ARGUMENTS = {"plan": "ID", "event": "EVENT", "by": "NEW-ID"}


def _option(name: str) -> str:
    """A field as the command line spells it: ``--valid-to``, or the argument's name."""
    return _ARGUMENTS.get(name) or "--" + name.replace("_", "-")


def _opt(name: str, key: str, metavar: str) -> object:
    return typer.Option(name, help=later(key), metavar=later(f"metavar.{metavar}"), show_default=False)


def record(
    plan: Annotated[
        Optional[str], typer.Argument(metavar="ID", help=later("opt.record-id"), show_default=False)
    ] = None,
    event: Annotated[
        Optional[str],
        typer.Argument(metavar=later("metavar.event"), help=later("opt.record-event"), show_default=False),
    ] = None,
    by: Annotated[
        Optional[str], typer.Argument(metavar=later("metavar.new-id"), help=later("opt.record-by"), show_default=False)
    ] = None,
    date: Annotated[Optional[str], _opt("--date", "opt.record-date", "date")] = None,
    case: Annotated[Optional[str], _opt("--case", "opt.record-case", "case")] = None,
    body: Annotated[Optional[str], _opt("--body", "opt.record-body", "body")] = None,
    to: Annotated[Optional[str], _opt("--to", "opt.record-to", "year-or-date")] = None,
    target: Annotated[Optional[str], _opt("--target", "opt.record-target", "year-or-date")] = None,
    work: Annotated[Optional[str], _opt("--work", "opt.record-work", "years")] = None,
    year: Annotated[Optional[str], _opt("--year", "opt.record-year", "year")] = None,
    valid_from: Annotated[Optional[str], _opt("--valid-from", "opt.record-valid-from", "year")] = None,
    valid_to: Annotated[Optional[str], _opt("--valid-to", "opt.record-valid-to", "year")] = None,
    revision: Annotated[Optional[str], _opt("--revision", "opt.record-revision", "year")] = None,
    note: Annotated[Optional[str], _opt("--note", "opt.record-note", "text")] = None,
    from_file: Annotated[Optional[Path], _opt("--from", "opt.record-from", "file")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=later("opt.dry-run"))] = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Før inn et vedtak i planfilen / record a decision in the plan file.

    EVENT is adopted, started, postponed, cancelled, planned, replaced-by or repealed (or vedtatt,
    startet, utsatt, avlyst, planlagt, erstattet-av, opphevet). With --from FILE (YAML or CSV), a
    meeting's decisions, recorded together or not at all. Prints a unified diff of every file it
    changes, then writes them atomically unless --dry-run.
    """
    use_language(lang)
    from planstrategi.importers import decisions
    from planstrategi.render import problems as render
    from planstrategi.store import register

    root = register.resolve_root(data)
    values: dict[str, object] = {
        "date": date,
        "case": case,
        "body": body,
        "to": to,
        "target": target,
        "work": work,
        "year": year,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "revision": revision,
        "note": note,
        "by": by,
    }
    rows: list[Row | None]
    if from_file is not None:
        given = [_option(name) for name, value in values.items() if value is not None]
        if plan is not None or event is not None or given:
            raise UsageError(t("record.from-and-args", given=", ".join(given or [plan or event or ""])))
        shown = register.display_path(from_file)
        read, problems = decisions.read(from_file, shown)
        if problems:
            _refuse([render.line(p) for p in problems])
        rows, fields = list(read), [row.fields for row in read]
    else:
        if plan is None or event is None:
            raise UsageError(t("record.no-event"))
        shown = ""
        rows, fields = [None], [{"plan": plan, "event": event, **values}]
    loaded = register.load(root)
    session = _Session(root, loaded, today(as_of), _calendar(loaded), shown)
    for row, entry in zip(rows, fields, strict=True):
        session.record(entry, row)
    if session.failed:
        _refuse(session.failed)
    _finish(session, dry_run)


def _calendar(loaded: Register) -> Calendar:
    from planstrategi.rules.terms import Calendar

    return Calendar.of(loaded.municipalities.terms if loaded.municipalities else [])


def _refuse(lines: list[str]) -> None:
    for line in lines:
        typer.echo(line, err=True)
    typer.echo(t("record.nothing-written"), err=True)
    raise typer.Exit(1)


@dataclass
class _Session:
    """The register's plan texts as the decisions so far have left them; nothing is written here."""

    root: Path
    loaded: Register
    day: dt.date
    calendar: Calendar
    source: str  # the decisions file as shown, or "" for the command line
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (original, current)
    plans: dict[str, Plan] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.plans = dict(self.loaded.plans)

    def shown(self, plan_id: str) -> str:
        from planstrategi.store import register

        return register.display_path(self.loaded.plan_paths[plan_id])

    def record(self, fields: dict[str, object], row: Row | None) -> None:
        """Judge one decision and, if it can be recorded, change the texts; else add to ``failed``."""
        from planstrategi.rules import events

        try:
            if row is None:
                event = events.event_from_fields(fields, _option)
            else:
                event = events.event_from_fields(fields, str, row.defaults)
            self._check_files(event.plan)
            if event.by is not None:
                self._check_files(event.by)
            changes = events.edits(event, events.Context(self.day, self.calendar, self.plans))
        except events.Refused as exc:
            self._refused(exc, row)
            return
        made: dict[str, tuple[str, Plan]] = {}
        for plan_id, edits in changes.items():
            result = self._edit(plan_id, edits, row)
            if result is None:
                return
            made[plan_id] = result
        for plan_id, (text, plan) in made.items():
            original = self.texts[plan_id][0]
            self.texts[plan_id] = (original, text)
            self.plans[plan_id] = plan

    def _check_files(self, plan_id: str) -> None:
        """A plan whose file does not load, or has errors, is not edited: fix it first."""
        from planstrategi.model.problems import Severity
        from planstrategi.rules.events import Refused
        from planstrategi.store import register

        path = self.loaded.plan_paths.get(plan_id, self.root / register.PLANS_DIR / f"{plan_id}{register.SUFFIX}")
        shown = register.display_path(path)
        broken = any(p.path == shown and p.severity is Severity.ERROR for p in self.loaded.problems)
        if broken or (plan_id not in self.plans and path.exists()):
            raise Refused("record-file-broken", "plan", path=shown)

    def _current(self, plan_id: str) -> str:
        from planstrategi.store import yamlio

        if plan_id not in self.texts:
            document = yamlio.read_document(self.loaded.plan_paths[plan_id], self.shown(plan_id))
            text = document.text or ""
            self.texts[plan_id] = (text, text)
        return self.texts[plan_id][1]

    def _edit(self, plan_id: str, edits: list[Edit], row: Row | None) -> tuple[str, Plan] | None:
        from planstrategi.model.problems import Problem, Severity
        from planstrategi.render import problems as render
        from planstrategi.store import planedit, planfile, roundtrip

        shown = self.shown(plan_id)
        before = self._current(plan_id)
        try:
            text = planedit.apply(before, edits)
        except (planedit.LayoutError, roundtrip.RoundTripError) as exc:
            where = _at(self.source, row, None, shown, exc.line)
            self.failed.append(
                render.line(Problem(*where, Severity.ERROR, "record-layout", t("record-layout", path=shown)))
            )
            return None
        plan, found = planfile.check(text, shown)
        errors = [p for p in found if p.severity is Severity.ERROR]
        if plan is None or errors:
            where = _at(self.source, row, None, shown, 0)
            message = t("record-invalid", path=shown)
            self.failed += [render.line(Problem(*where, Severity.ERROR, "record-invalid", message))]
            self.failed += [render.line(p) for p in errors]
            return None
        _, old = planfile.check(before, shown)
        known = {(p.code, p.message) for p in old}
        self.warnings += [render.line(p) for p in found if (p.code, p.message) not in known]
        return text, plan

    def _refused(self, exc: Refused, row: Row | None) -> None:
        from planstrategi.model.problems import Problem, Severity
        from planstrategi.render import problems as render

        if row is None:
            if exc.code in USAGE_CODES:
                raise UsageError(exc.message)
            self.failed.append(f"planstrategi: {exc.message} [{exc.code}]")
            return
        line, column = row.place(exc.field)
        self.failed.append(render.line(Problem(self.source, line, column, Severity.ERROR, exc.code, exc.message)))


def _at(source: str, row: Row | None, name: str | None, shown: str, line: int) -> tuple[str, int, int]:
    """Where a problem is reported: the row of the decisions file, else the plan file (at ``line``)."""
    if row is not None:
        return (source, *row.place(name))
    return shown, line, 1 if line else 0


def _finish(session: _Session, dry_run: bool, *, show: bool = True, done: bool = True) -> None:
    """Print the diff of every file changed (unless not ``show``), then write them unless ``dry_run``;
    ``done=False`` leaves out the closing line (``review`` asks before it writes)."""
    from planstrategi.render import patch
    from planstrategi.store import planfile, safeio

    changed = [(pid, old, new) for pid, (old, new) in session.texts.items() if old != new]
    if show:
        for pid, old, new in changed:
            typer.echo(patch.unified_diff(old, new, session.shown(pid)), nl=False)
        for line in session.warnings:
            typer.echo(line, err=True)
    if not dry_run:
        real_root = session.root.resolve()
        writes = []
        try:
            for pid, _, new in changed:  # every target checked before the first write
                path = session.loaded.plan_paths[pid]
                relative = path.resolve().relative_to(real_root)
                safeio.target(real_root, relative)
                writes.append((relative, planfile.byte_order_mark(path) + new.encode("utf-8")))
            for relative, data in writes:
                safeio.write_bytes(real_root, relative, data, force=True)
        except (safeio.UnsafeWrite, ValueError) as exc:
            reason = exc.reason if isinstance(exc, safeio.UnsafeWrite) else str(exc)
            typer.echo(f"planstrategi: {t('write.failed', path=session.root, reason=reason)}", err=True)
            raise typer.Exit(1) from None
    if done:
        files = t("upgrade.files-one" if len(changed) == 1 else "upgrade.files-many", n=len(changed))
        typer.echo(t("record.done-dry-run" if dry_run else "record.done", files=files), err=True)
