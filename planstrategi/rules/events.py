"""What a council's decision does to a plan file: the events of ``planstrategi record``, as edits.

An ``Event`` is what the minutes say happened to one plan: it was adopted, work on its revision
started, the revision was postponed or cancelled, a new revision was planned, the plan was
replaced by another or repealed. ``event_from_fields`` reads one from the values a planner typed
(options on the command line, or a row of a decisions file: Norwegian dates ``19.06.2025``, case
numbers as the case-handling system writes them, ``K-sak 12/25``). ``edits`` turns it into the
edits of each file it touches (``store/planedit.py`` makes them), or refuses it with ``Refused``
and the field that is wrong. Nothing here reads files or the clock: the day is ``Context.today``.

What each event does
    adopted      the revision in progress (else the earliest one not decided, or ``revision``) is
                 closed: ``state: vedtatt`` with the decision; the plan's ``adopted`` becomes the date,
                 ``adopted_by`` the body, ``valid_from``/``valid_to`` what the planner gives; a draft or
                 a plan under revision is ``gjeldende`` again. With no revision pending, the plan itself.
    started      the earliest planned or postponed revision is ``pågår``; work years start at
                 ``year`` (default: this year) when that is earlier; a current plan is ``under-revisjon``.
    postponed    the revision's target moves to ``to`` (later than before), ``state: utsatt``,
                 ``postponed_from`` the old target, and the decision.
    cancelled    the revision is ``avlyst`` with the decision; a plan no longer under revision is
                 ``gjeldende``.
    planned      a new revision toward ``target``, its work years from ``work`` (``2025-2026``).
    replaced-by  the plan is ``erstattet`` and ``superseded_by`` the other, which ``supersedes`` it.
    repealed     the plan is ``utgått`` (opphevet).
Every decision is also added to the plan's ``decisions``, the history of what was decided.

What is refused
    An unknown plan (the closest ids are suggested); any event on a plan already repealed or
    replaced; a decision dated after today, or outside the sitting council's term and the one
    before it, or already in the plan's decisions (the same date and case); a target before this
    year or after the end of the next term; a postponement that does not move the target later;
    an option that does not belong to the event, or a missing one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planstrategi.i18n import date_text, t
from planstrategi.model import Body, Plan, RevisionState, Status
from planstrategi.rules.terms import TERM_YEARS, Calendar, CouncilTerm, When
from planstrategi.store import scaffold
from planstrategi.store.planedit import Append, Edit, Remove, Set


class EventKind(StrEnum):
    """What happened to the plan (the command line's and decisions files' word for it)."""

    ADOPTED = "adopted"
    STARTED = "started"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    PLANNED = "planned"
    REPLACED_BY = "replaced-by"
    REPEALED = "repealed"


#: The Norwegian words a planner may write instead, in a decisions file or on the command line:
#: bokmål first, then the nynorsk forms (vedteke/vedteken, starta, utsett, planlagd, erstatta, oppheva).
ALIASES: dict[str, EventKind] = {
    "vedtatt": EventKind.ADOPTED,
    "startet": EventKind.STARTED,
    "påbegynt": EventKind.STARTED,
    "utsatt": EventKind.POSTPONED,
    "avlyst": EventKind.CANCELLED,
    "planlagt": EventKind.PLANNED,
    "erstattet-av": EventKind.REPLACED_BY,
    "opphevet": EventKind.REPEALED,
    "vedteke": EventKind.ADOPTED,
    "vedteken": EventKind.ADOPTED,
    "starta": EventKind.STARTED,
    "påbyrja": EventKind.STARTED,
    "utsett": EventKind.POSTPONED,
    "planlagd": EventKind.PLANNED,
    "erstatta-av": EventKind.REPLACED_BY,
    "oppheva": EventKind.REPEALED,
}

#: The fields each event takes besides ``plan`` and ``event``; the required ones first in REQUIRED.
FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.ADOPTED: frozenset({"date", "case", "body", "revision", "valid_from", "valid_to", "note"}),
    EventKind.STARTED: frozenset({"year", "revision", "note"}),
    EventKind.POSTPONED: frozenset({"to", "date", "case", "body", "revision", "note"}),
    EventKind.CANCELLED: frozenset({"date", "case", "body", "revision", "note"}),
    EventKind.PLANNED: frozenset({"target", "work", "note"}),
    EventKind.REPLACED_BY: frozenset({"by", "date", "case", "body", "note"}),
    EventKind.REPEALED: frozenset({"date", "case", "body", "note"}),
}
REQUIRED: dict[EventKind, tuple[str, ...]] = {
    EventKind.ADOPTED: ("date",),
    EventKind.STARTED: (),
    EventKind.POSTPONED: ("to", "date"),
    EventKind.CANCELLED: ("date",),
    EventKind.PLANNED: ("target",),
    EventKind.REPLACED_BY: ("by",),
    EventKind.REPEALED: ("date",),
}
ALL_FIELDS = frozenset({"plan", "event"}).union(*FIELDS.values())

#: What the decision says when the planner gives no note. Register data, so always in bokmål,
#: as the register's own words (gjeldende, vedtatt) are.
NOTES: dict[EventKind, str] = {
    EventKind.ADOPTED: "Vedtatt",
    EventKind.POSTPONED: "Utsatt til {to}",
    EventKind.CANCELLED: "Revisjonen avlyst",
    EventKind.REPLACED_BY: "Erstattet av {by}",
    EventKind.REPEALED: "Opphevet",
}

# "K-sak 12/25", "PS 25/40", "sak 41/17", "2025/1234": the case number is the digits.
_CASE = re.compile(r"^(?:[A-Za-zÆØÅæøå]+(?:[- ]?sak)?\.?\s*)?([0-9]{1,4}/[0-9]{2,4})$")
_WORK = re.compile(r"^\s*([0-9]{4})\s*(?:[-–]\s*([0-9]{4})\s*)?$")


class Refused(Exception):
    """The event cannot be recorded: a message ``code`` with its params, and the field it is about."""

    def __init__(self, code: str, about: str | None = None, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.field = about
        self.params = params

    @property
    def message(self) -> str:
        return t(self.code, **self.params)


@dataclass(frozen=True)
class Event:
    """One decision about one plan, read and checked for form (not yet against the register)."""

    plan: str
    kind: EventKind
    date: int | dt.date | None = None  # the decision's date, or its year when no date is known
    case: str | None = None
    body: Body | None = None
    to: int | dt.date | None = None  # postponed: the new target
    target: int | dt.date | None = None  # planned: the new revision's target
    work: tuple[int, int] | None = None  # planned: first and last year of work
    year: int | None = None  # started: the year work started
    by: str | None = None  # replaced-by: the plan that replaces it
    valid_from: int | None = None
    valid_to: int | None = None
    revision: int | None = None  # which revision, by its target year
    note: str | None = None


@dataclass(frozen=True)
class Context:
    """What an event is judged against: the day, the council terms and the plans as they are now."""

    today: dt.date
    calendar: Calendar
    plans: Mapping[str, Plan]


# -- reading the fields ------------------------------------------------------------------------------


def event_kind(value: object) -> EventKind:
    """``adopted`` or ``vedtatt`` (any case); Refused with the known words otherwise."""
    word = str(value).strip().lower().replace("_", "-")
    if word in ALIASES:
        return ALIASES[word]
    try:
        return EventKind(word)
    except ValueError:
        known = [kind.value for kind in EventKind]
        close = difflib.get_close_matches(word, known + list(ALIASES), n=1, cutoff=0.6)
        hint = t("did-you-mean", name=close[0]) if close else ""
        raise Refused("record-unknown-event", "event", value=str(value), hint=hint, known=", ".join(known)) from None


def event_from_fields(
    fields: Mapping[str, object], shown: Callable[[str], str] = str, defaults: Mapping[str, object] | None = None
) -> Event:
    """The event the fields describe. ``shown`` names a field as the planner wrote it (``--to``, ``to``);
    ``defaults`` (a meeting's date and body) fill the fields the event takes and the row leaves out."""
    for name in fields:
        if name not in ALL_FIELDS:
            close = difflib.get_close_matches(name, sorted(ALL_FIELDS), n=1, cutoff=0.6)
            hint = t("did-you-mean", name=shown(close[0])) if close else ""
            raise Refused("record-unknown-field", name, field=name, hint=hint)
    plan = fields.get("plan")
    if plan is None or not str(plan).strip():
        raise Refused("record-missing", "plan", field=shown("plan"), event="record")
    if fields.get("event") is None:
        raise Refused("record-missing", "event", field=shown("event"), event=str(plan))
    kind = event_kind(fields["event"])
    given = {name: value for name, value in fields.items() if name not in ("plan", "event") and value is not None}
    for name, value in (defaults or {}).items():
        if name in FIELDS[kind] and given.get(name) is None:
            given[name] = value
    for name in given:
        if name not in FIELDS[kind]:
            raise Refused("record-not-for", name, field=shown(name), event=kind.value)
    for name in REQUIRED[kind]:
        if name not in given:
            raise Refused("record-missing", name, field=shown(name), event=kind.value)
    values: dict[str, Any] = {}
    for name, value in given.items():
        values[name] = _READERS[name](value, name)
    return Event(plan=str(plan).strip(), kind=kind, **values)


def _when(value: object, name: str) -> int | dt.date:
    """A year or a date: 2025, 2025-06-19 or 19.06.2025 (YAML gives ints and dates, options text)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) or (isinstance(value, int) and not isinstance(value, bool)):
        when: int | dt.date = value
    else:
        try:
            when = scaffold.parse_adopted(str(value))
        except ValueError:
            raise Refused("record-bad-date", name, value=str(value)) from None
    year = when.year if isinstance(when, dt.date) else when
    if not 1900 <= year <= 2100:
        raise Refused("record-bad-date", name, value=str(value))
    return when


def _year(value: object, name: str) -> int:
    when = _when(value, name)
    if isinstance(when, dt.date):
        raise Refused("record-bad-year", name, value=str(value))
    return when


def _case(value: object, name: str) -> str:
    match = _CASE.match(str(value).strip())
    if match is None:
        raise Refused("record-bad-case", name, value=str(value))
    return match.group(1)


def _body(value: object, name: str) -> Body:
    try:
        return Body(str(value).strip().lower())
    except ValueError:
        raise Refused("record-bad-body", name, value=str(value), known=", ".join(b.value for b in Body)) from None


def _work(value: object, name: str) -> tuple[int, int]:
    match = _WORK.match(str(value))
    if match is None:
        raise Refused("record-bad-work", name, value=str(value))
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if last < first:
        raise Refused("record-bad-work", name, value=str(value))
    return first, last


def _slug(value: object, name: str) -> str:
    return str(value).strip()


def _text(value: object, name: str) -> str:
    text = str(value).strip()
    if not text:
        raise Refused("record-missing", name, field=name, event="note")
    return text


_READERS: dict[str, Callable[[object, str], Any]] = {
    "date": _when,
    "case": _case,
    "body": _body,
    "to": _when,
    "target": _when,
    "work": _work,
    "year": _year,
    "by": _slug,
    "valid_from": _year,
    "valid_to": _year,
    "revision": _year,
    "note": _text,
}


# -- judging against the register -------------------------------------------------------------------


def _known(plan_id: str, context: Context, field: str) -> Plan:
    plan = context.plans.get(plan_id)
    if plan is None:
        close = difflib.get_close_matches(plan_id, sorted(context.plans), n=3, cutoff=0.5)
        hint = t("record.closest", ids=", ".join(close)) if close else ""
        raise Refused("record-unknown-plan", field, id=plan_id, hint=hint)
    return plan


def _shown_when(value: int | dt.date) -> str:
    return date_text(value) if isinstance(value, dt.date) else str(value)


def _year_of(value: int | dt.date) -> int:
    return value.year if isinstance(value, dt.date) else value


def _terms(context: Context) -> tuple[CouncilTerm, CouncilTerm]:
    """The sitting council's term and the one before it."""
    sitting = context.calendar.term_of_date(context.today)
    return sitting, CouncilTerm(sitting.election_year - TERM_YEARS)


def _check_decided(when: int | dt.date, context: Context) -> None:
    """A decision is recorded after the meeting, by the sitting council or the one before it."""
    today = context.today
    if (isinstance(when, dt.date) and when > today) or _year_of(when) > today.year:
        raise Refused("record-date-future", "date", date=_shown_when(when), today=date_text(today))
    sitting, earlier = _terms(context)
    found = When.of(when).terms(context.calendar)
    if not found & {sitting, earlier}:
        term = min(found)
        raise Refused(
            "record-date-outside-term",
            "date",
            date=_shown_when(when),
            term=term.label(),
            sitting=sitting.label(),
            earlier=earlier.label(),
        )


def _check_ahead(when: int | dt.date, context: Context, field: str) -> None:
    """A target lies from this year to the end of the next council's term."""
    sitting, _ = _terms(context)
    first, last = context.today.year, sitting.last_year + TERM_YEARS
    if not first <= _year_of(when) <= last:
        raise Refused("record-year-out-of-range", field, year=_shown_when(when), first=first, last=last)


def _decision(event: Event, note: str) -> dict[str, Any]:
    """The decision as the file writes it, keys in the model's order."""
    decision: dict[str, Any] = {}
    if event.case is not None:
        decision["case"] = event.case
    if isinstance(event.date, dt.date):
        decision["date"] = event.date
    elif event.date is not None:
        decision["year"] = event.date
    if event.body is not None:
        decision["body"] = event.body.value
    decision["note"] = note
    return decision


def _note(event: Event, **params: object) -> str:
    return event.note or NOTES[event.kind].format(**params)


def _pending(plan: Plan, event: Event, *, states: frozenset[RevisionState] | None = None) -> int:
    """The index of the revision the event is about: ``revision``, else the one in progress, else the earliest."""
    candidates = [
        (index, revision)
        for index, revision in enumerate(plan.revisions)
        if revision.pending and (states is None or revision.state in states)
    ]
    if event.revision is not None:
        chosen = [index for index, revision in candidates if revision.year == event.revision]
        if not chosen:
            years = ", ".join(str(r.year) for _, r in candidates) or t("record.none")
            raise Refused("record-no-revision-in", "revision", id=plan.id, year=event.revision, years=years)
        return chosen[0]
    if not candidates:
        if states is not None and any(r.state is RevisionState.PAGAR for r in plan.revisions):
            raise Refused("record-already-started", "plan", id=plan.id)
        raise Refused("record-no-revision", "plan", id=plan.id, event=event.kind.value)
    in_progress = [index for index, revision in candidates if revision.state is RevisionState.PAGAR]
    if in_progress:
        return in_progress[0]
    return min(candidates, key=lambda item: When.of(item[1].target).key)[0]


def edits(event: Event, context: Context) -> dict[str, list[Edit]]:
    """The edits of each plan file the event changes (by plan id, the event's own plan first)."""
    plan = _known(event.plan, context, "plan")
    if plan.status in (Status.UTGATT, Status.ERSTATTET):
        raise Refused("record-repealed", "event", id=plan.id, status=plan.status.value, event=event.kind.value)
    if event.date is not None:
        _check_decided(event.date, context)
        _check_new(event, plan)
    return _BUILDERS[event.kind](event, plan, context)


def _check_new(event: Event, plan: Plan) -> None:
    """The same meeting's decision (date and case) recorded twice is a mistake, not a second decision."""
    date = event.date if isinstance(event.date, dt.date) else None
    year = event.date if not isinstance(event.date, dt.date) else None
    for decision in plan.decisions:
        if (decision.date, decision.year, decision.case) == (date, year, event.case):
            raise Refused("record-already-recorded", "date", id=plan.id, date=_shown_when(event.date or 0))


def _adopted(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    assert event.date is not None
    decision = _decision(event, _note(event))
    changes: list[Edit] = []
    if any(r.pending for r in plan.revisions) or event.revision is not None:
        index = _pending(plan, event)
        where = ("revisions", index)
        changes += [
            Set((*where, "state"), RevisionState.VEDTATT.value),
            Set((*where, "decision"), decision),
            Remove((*where, "postponed_from")),
        ]
    changes.append(Set(("adopted",), event.date))
    if event.body is not None:
        changes.append(Set(("adopted_by",), event.body.value))
    changes.append(Append(("decisions",), decision))
    if event.valid_from is not None:
        changes.append(Set(("valid_from",), event.valid_from))
    if event.valid_to is not None:
        changes.append(Set(("valid_to",), event.valid_to))
    if plan.status in (Status.UTKAST, Status.UNDER_REVISJON):
        changes.append(Set(("status",), Status.GJELDENDE.value))
    stated = {"adopted"} | ({"adopted_by"} if event.body is not None else set())
    inferred = [value.value for value in plan.inferred if value.value not in stated]
    if len(inferred) != len(plan.inferred):  # what the minutes now say is no longer an inference
        changes.append(Set(("inferred",), inferred) if inferred else Remove(("inferred",)))
    return {plan.id: changes}


def _started(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    year = event.year if event.year is not None else context.today.year
    _, earlier = _terms(context)
    if not earlier.first_year <= year <= context.today.year:
        raise Refused("record-year-out-of-range", "year", year=year, first=earlier.first_year, last=context.today.year)
    index = _pending(plan, event, states=frozenset({RevisionState.PLANLAGT, RevisionState.UTSATT}))
    revision = plan.revisions[index]
    changes: list[Edit] = [Set(("revisions", index, "state"), RevisionState.PAGAR.value)]
    if year < revision.first_work_year:
        changes.append(Set(("revisions", index, "work_from"), year))
    if event.note is not None:
        changes.append(Set(("revisions", index, "note"), event.note))
    if plan.status is Status.GJELDENDE:
        changes.append(Set(("status",), Status.UNDER_REVISJON.value))
    return {plan.id: changes}


def _postponed(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    assert event.to is not None
    index = _pending(plan, event)
    revision = plan.revisions[index]
    if not When.of(event.to).after(When.of(revision.target)):
        raise Refused(
            "record-not-later", "to", id=plan.id, to=_shown_when(event.to), target=_shown_when(revision.target)
        )
    _check_ahead(event.to, context, "to")
    decision = _decision(event, _note(event, to=_shown_when(event.to)))
    where = ("revisions", index)
    changes: list[Edit] = [
        Set((*where, "target"), event.to),
        Set((*where, "state"), RevisionState.UTSATT.value),
        Set((*where, "decision"), decision),
        Set((*where, "postponed_from"), revision.target),
        Append(("decisions",), decision),
    ]
    return {plan.id: changes}


def _cancelled(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    index = _pending(plan, event)
    decision = _decision(event, _note(event))
    where = ("revisions", index)
    changes: list[Edit] = [
        Set((*where, "state"), RevisionState.AVLYST.value),
        Set((*where, "decision"), decision),
        Remove((*where, "postponed_from")),
        Append(("decisions",), decision),
    ]
    others = [r for i, r in enumerate(plan.revisions) if i != index and r.state is RevisionState.PAGAR]
    if plan.status is Status.UNDER_REVISJON and not others:
        changes.append(Set(("status",), Status.GJELDENDE.value))
    return {plan.id: changes}


def _planned(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    assert event.target is not None
    _check_ahead(event.target, context, "target")
    year = _year_of(event.target)
    if any(r.pending and r.year == year for r in plan.revisions):
        raise Refused("record-already-planned", "target", id=plan.id, year=year)
    revision: dict[str, Any] = {"target": event.target}
    if event.work is not None:
        first, last = event.work
        if first != year:
            revision["work_from"] = first
        if last != year:
            revision["work_to"] = last
    if event.note is not None:
        revision["note"] = event.note
    return {plan.id: [Append(("revisions",), revision)]}


def _replaced_by(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    assert event.by is not None
    if event.by == plan.id:
        raise Refused("record-same-plan", "by", id=plan.id)
    new = _known(event.by, context, "by")
    changes: list[Edit] = [Set(("status",), Status.ERSTATTET.value), Set(("superseded_by",), new.id)]
    if event.date is not None or event.case is not None:
        changes.append(Append(("decisions",), _decision(event, _note(event, by=new.title))))
    other: list[Edit] = [] if plan.id in new.supersedes else [Append(("supersedes",), plan.id)]
    return {plan.id: changes, new.id: other}


def _repealed(event: Event, plan: Plan, context: Context) -> dict[str, list[Edit]]:
    return {plan.id: [Set(("status",), Status.UTGATT.value), Append(("decisions",), _decision(event, _note(event)))]}


_BUILDERS: dict[EventKind, Callable[[Event, Plan, Context], dict[str, list[Edit]]]] = {
    EventKind.ADOPTED: _adopted,
    EventKind.STARTED: _started,
    EventKind.POSTPONED: _postponed,
    EventKind.CANCELLED: _cancelled,
    EventKind.PLANNED: _planned,
    EventKind.REPLACED_BY: _replaced_by,
    EventKind.REPEALED: _repealed,
}
