"""``planstrategi review YEAR``: the yearly roll-forward with the økonomiplan.

Lists every plan (not retired) that the engine calls overdue or expired in YEAR, or due by a
requirement, and that has no pending revision targeting YEAR or later; for each, the usual answers:
postpone (``postponed``), mark started (``started``), mark adopted (``adopted``), drop with a reason
(``cancelled``), or skip. The answers become ``record`` changes, made in one all-or-nothing session
(``commands/record.py``) and shown as one diff before anything is written.

``--answers FILE`` is a decisions file (``importers/decisions.py``, the rows of ``record --from``)
that may also say ``event: skip``; without it, a terminal is asked plan by plan; when stdin is not a
terminal the list is printed and nothing is written (CI and pipes never wait for an answer).

Exit codes: 0 done (or the list printed); 1 an answer could not be recorded (nothing is written);
2 a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, today, use_language
from planstrategi.i18n import later, t

if TYPE_CHECKING:
    import datetime as dt

    from planstrategi.commands.record import _Session
    from planstrategi.importers.decisions import Row
    from planstrategi.model import Plan
    from planstrategi.rules.engine import Reason
    from planstrategi.store.register import Register

#: The word of an answer that records nothing.
SKIP = frozenset({"skip", "hopp-over", "hopp over", "hopp_over"})


def candidates(loaded: Register, year: int, day: dt.date) -> list[tuple[Plan, list[Reason]]]:
    """The plans to review in ``year``, by id, each with the reasons it is listed for."""
    from planstrategi.rules import engine

    context = engine.Context.of(loaded, day)
    found: list[tuple[Plan, list[Reason]]] = []
    for plan_id in sorted(loaded.plans):
        plan = loaded.plans[plan_id]
        if plan.status in engine.RETIRED:
            continue
        reasons = [
            reason
            for reason in engine.due_reasons(plan, year, context)
            if reason.urgency in (engine.Urgency.OVERDUE, engine.Urgency.EXPIRED)
            or reason.ground is engine.Ground.REQUIREMENT
        ]
        if reasons and not any(r.year >= year for r in engine.pending_revisions(plan)):
            found.append((plan, reasons))
    return found


def review(
    year: Annotated[
        int, typer.Argument(metavar=later("metavar.year"), help=later("opt.review-year"), show_default=False)
    ],
    answers: Annotated[
        Optional[Path], typer.Option("--answers", help=later("opt.review-answers"), show_default=False)
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=later("opt.dry-run"))] = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Gå gjennom planene som er forfalt / review the plans that are overdue, expired or due by law."""
    use_language(lang)
    from planstrategi.commands import record
    from planstrategi.store import register

    root = register.resolve_root(data)
    loaded = register.load(root)
    day = today(as_of)
    listed = candidates(loaded, year, day)
    if answers is None and not _interactive():
        _print_list(listed, year)
        typer.echo(t("review.not-a-terminal"), err=True)
        return
    shown = register.display_path(answers) if answers is not None else ""
    session = record._Session(root, loaded, day, record._calendar(loaded), shown)
    if answers is not None:
        _from_file(session, answers, shown, listed)
        if session.failed:
            record._refuse(session.failed)
        record._finish(session, dry_run)
        return
    if not listed:
        typer.echo(t("review.none", year=year), err=True)
        return
    _print_list(listed, year)
    for plan, _ in listed:
        _ask(session, plan, day)
    if not any(old != new for old, new in session.texts.values()):
        typer.echo(t("review.nothing-to-record"), err=True)
        return
    record._finish(session, True, done=False)
    if dry_run:
        typer.echo(t("record.done-dry-run", files=_files(session)), err=True)
        return
    if not typer.confirm(t("review.confirm"), default=False):
        typer.echo(t("review.declined"), err=True)
        return
    record._finish(session, False, show=False)


def _interactive() -> bool:
    """Whether a planner can be asked: stdin is a terminal."""
    return sys.stdin is not None and sys.stdin.isatty()


def _files(session: _Session) -> str:
    n = sum(old != new for old, new in session.texts.values())
    return t("upgrade.files-one" if n == 1 else "upgrade.files-many", n=n)


def _print_list(listed: list[tuple[Plan, list[Reason]]], year: int) -> None:
    if not listed:
        typer.echo(t("review.none", year=year))
        return
    plans = t("review.plans-one" if len(listed) == 1 else "review.plans-many", n=len(listed))
    typer.echo(t("review.heading", year=year, plans=plans))
    for plan, reasons in listed:
        typer.echo(t("review.item", id=plan.id, title=plan.title, reasons="; ".join(r.text() for r in reasons)))


def _from_file(session: _Session, path: Path, shown: str, listed: list[tuple[Plan, list[Reason]]]) -> None:
    """Record the answers of a decisions file (all of them, in order); name listed plans left unanswered."""
    from planstrategi.importers import decisions
    from planstrategi.render import problems as render
    from planstrategi.rules.events import Refused

    rows, problems = decisions.read(path, shown)
    if problems:
        from planstrategi.commands import record

        record._refuse([render.line(p) for p in problems])
    answered: set[str] = set()
    for row in rows:
        plan_id = str(row.fields.get("plan") or "").strip()
        if plan_id:
            answered.add(plan_id)
        if str(row.fields.get("event") or "").strip().lower() in SKIP:
            try:
                _check_skip(session, row)
            except Refused as exc:
                session._refused(exc, row)
            continue
        session.record(row.fields, row)
    missing = [plan.id for plan, _ in listed if plan.id not in answered]
    if missing and not session.failed:  # on a problem, only the problems
        typer.echo(t("review.unanswered", ids=", ".join(missing)), err=True)


def _check_skip(session: _Session, row: Row) -> None:
    """A skip names a plan of the register and says nothing else."""
    from planstrategi.rules import events

    plan_id = str(row.fields.get("plan") or "").strip()
    if not plan_id:
        raise events.Refused("record-missing", "plan", field="plan", event="skip")
    for name in row.fields:
        if name not in ("plan", "event", "note"):
            raise events.Refused("record-not-for", name, field=name, event="skip")
    if plan_id not in session.plans:
        events._known(plan_id, events.Context(session.day, session.calendar, session.plans), "plan")


# -- asking in a terminal ----------------------------------------------------------------------------


def _choices() -> dict[str, str]:
    """The answer words (in the language in use) and the event each records ("" for skip)."""
    return {
        t("review.choice-postpone"): "postponed",
        t("review.choice-started"): "started",
        t("review.choice-adopted"): "adopted",
        t("review.choice-cancel"): "cancelled",
        t("review.choice-skip"): "",
    }


def _ask(session: _Session, plan: Plan, day: dt.date) -> None:
    """Ask what to do with one plan until the answer can be recorded (or is skip)."""
    from planstrategi.i18n import date_text
    from planstrategi.rules import events

    choices = _choices()
    words = "/".join(choices)
    while True:
        typer.echo("")
        word = typer.prompt(
            t("review.ask", id=plan.id, title=plan.title, choices=words), default=t("review.choice-skip")
        )
        event = choices.get(word.strip().lower())
        if event is None:
            typer.echo(t("review.bad-choice", value=word, choices=words), err=True)
            continue
        if not event:
            return
        fields: dict[str, object] = {"plan": plan.id, "event": event}
        if event == "postponed":
            fields["to"] = typer.prompt(t("review.ask-to"))
        if event == "started":
            fields["year"] = typer.prompt(t("review.ask-year"), default=str(day.year))
        if event in ("postponed", "adopted", "cancelled"):
            fields["date"] = typer.prompt(t("review.ask-date"), default=date_text(day))
            fields["case"] = typer.prompt(t("review.ask-case"), default="", show_default=False).strip() or None
        if event == "cancelled":
            fields["note"] = typer.prompt(t("review.ask-reason"))
        try:
            found = events.event_from_fields(fields)
            events.edits(found, events.Context(session.day, session.calendar, session.plans))
        except events.Refused as exc:
            typer.echo(f"planstrategi: {exc.message} [{exc.code}]", err=True)
            continue
        before = len(session.failed)
        session.record(fields, None)
        if len(session.failed) == before:
            return
        for line in session.failed[before:]:
            typer.echo(line, err=True)
        del session.failed[before:]
