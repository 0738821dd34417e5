"""Why a plan is due: the one engine every report asks, a pure function of a plan, a year and a context.

``due_reasons(plan, year, context)`` gives every reason the plan is due in ``year``, most urgent
first. The context holds the requirements, the council's calendar and ``today`` (the CLI's
``--as-of``, never the clock). ``today`` only matters inside its own year, for deadlines
that fall on a day: asked on 1 November 2024, a deadline of 1 October 2024 has passed. A year after
today is a forecast: what will be due if nothing changes. The register's current state is what
counts: a revision already ``vedtatt`` is never due, even when one asks about a past year.

Every reason names its ground:

* **schedule** – the plan's own revisions;
* **validity** – ``valid_to``;
* **cadence** – the plan's own ``cadence``;
* **requirement** – the cadence of a statutory requirement the plan meets (``requirements``),
  with its legal basis. A plan inherits each requirement's cadence: both its own and the
  requirement's are judged, so the stricter one decides. Where they are the same rhythm, only
  the requirement's is reported (it names the law).

Revisions (the schedule)
    A revision is a piece of work: work years (``work_from``–``work_to``, by default the target's
    year), a ``target`` (a year or a date) and, once it happens, a decision. ``utsatt`` means a
    decision moved it: its ``target`` is the new one. ``avlyst`` revisions never count.
    A pending revision (planlagt, pågår, utsatt) is *settled*, and never late, when the plan was
    adopted or revised in the target's year or later: an entry left as planned after the work was
    done is not a late revision. Of the unsettled ones, in year Y:

    * target before Y (or a target date in Y that ``today`` has passed): *overdue*, "forfalt
      siden 2024", from the earliest such target; "(pågår)" when work has started;
    * target in Y: *due*, "planlagt 2025", "pågår, vedtak ventet 2025", "utsatt til 2026";
    * work in Y toward a later target: *due*, "under arbeid, vedtak planlagt 2025". So
      "Revideres i 24 og 25" is due in 2024 and 2025 and late only after 2025.

What counts as done
    The plan's ``adopted`` and every ``vedtatt`` revision, at its decision's date (or year), else
    its target. Work does not count until it is decided.

Validity
    ``valid_to`` before Y is *expired* ("gyldighet utløpt 2023") unless a revision was adopted in
    the last year of validity or later. The plan's own ``adopted`` does not renew it: a plan
    adopted after its validity ran out needs a new ``valid_to`` (``validate`` warns the same).

Cadence (the plan's own, or a requirement's), only once the plan exists (adopted, or valid from)
    * ``årlig``: done in Y, nothing to say. A year before Y without a round is a missed round, and
      the plan is *overdue* until the next one ("ikke revidert i 2024"). Otherwise it is *due*
      ("årlig") unless a revision for Y is scheduled (the schedule then speaks).
    * ``valgperiode``: the term that plans Y must see a revision; with ``within_years`` N, within N
      years of the council's constitution (the planning strategy and the delegation rules: 1).
      Done in the term, even late, settles it; a revision only planned settles it when its target
      is inside the window, so a plan scheduled after its legal deadline still shows as late.
      Past the window: *overdue* ("skulle vært revidert innen 01.10.2024"); before it, *due*.
      A term that ended without a revision since the plan's last one is remembered: *overdue*,
      "ikke revidert i valgperioden 2019–2023", until the next revision is adopted. A plan adopted
      after a term's window owed nothing in that term.
    * ``intervall`` N: due N years after the last time it was done and overdue after that, unless
      a revision is scheduled by then; one scheduled later does not hide the deadline.
    * ``løpende`` and ``ingen`` are never due by cadence; nor is ``planstrategi``, where the law
      asks each planning strategy to decide whether to revise (the kommuneplan, pbl § 10-1).

The statutory checklist asks one thing more (``unmet_term``): a duty once per term is not met by a
revision only scheduled in the term; until it is decided, the checklist says "planlagt 2026, ikke
vedtatt i valgperioden ennå".

``utgått`` and ``erstattet`` plans are never due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

from planstrategi.i18n import date_text, t
from planstrategi.model import CadenceRule, RevisionState, Status
from planstrategi.rules.terms import DEFAULT_CALENDAR, Calendar, CouncilTerm, When, term_of_year

if TYPE_CHECKING:  # the model classes for the type checker only: the register cache gives plain objects
    from planstrategi.model import Cadence, Plan, Requirement, Revision
    from planstrategi.store.register import Register

RETIRED = frozenset({Status.UTGATT, Status.ERSTATTET})


class Urgency(IntEnum):
    """How pressing a reason is; the value is the order reports list them in."""

    OVERDUE = 0
    EXPIRED = 1
    DUE = 2

    @property
    def code(self) -> str:
        return self.name.lower()


class Ground(StrEnum):
    """What a reason rests on."""

    SCHEDULE = "schedule"
    VALIDITY = "validity"
    CADENCE = "cadence"
    REQUIREMENT = "requirement"


class ReasonCode(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    POSTPONED = "postponed"
    IN_WORK = "in-work"
    OVERDUE = "overdue"
    OVERDUE_IN_PROGRESS = "overdue-in-progress"
    EXPIRED = "expired"
    ANNUAL = "annual"
    ANNUAL_MISSED = "annual-missed"
    TERM = "term"
    TERM_WITHIN = "term-within"
    TERM_OVERDUE = "term-overdue"
    TERM_MISSED = "term-missed"
    TERM_SCHEDULED = "term-scheduled"
    INTERVAL = "interval"
    INTERVAL_OVERDUE = "interval-overdue"


_URGENCY = {
    ReasonCode.OVERDUE: Urgency.OVERDUE,
    ReasonCode.OVERDUE_IN_PROGRESS: Urgency.OVERDUE,
    ReasonCode.ANNUAL_MISSED: Urgency.OVERDUE,
    ReasonCode.TERM_OVERDUE: Urgency.OVERDUE,
    ReasonCode.TERM_MISSED: Urgency.OVERDUE,
    ReasonCode.INTERVAL_OVERDUE: Urgency.OVERDUE,
    ReasonCode.EXPIRED: Urgency.EXPIRED,
}
FRESH = frozenset({ReasonCode.ANNUAL, ReasonCode.TERM, ReasonCode.TERM_WITHIN, ReasonCode.INTERVAL})
"""Cadence reasons that say a round falls due now (not a backlog)."""


@dataclass(frozen=True)
class Reason:
    """One reason a plan is due: what, the year (and day) it speaks of, and its ground.

    ``n`` is the interval for ``intervall`` and the count of missed years or terms; ``basis`` the
    requirement's legal basis; ``assumed`` says a deadline rests on an assumed constitution date.
    """

    code: ReasonCode
    year: int
    ground: Ground
    date: dt.date | None = None
    n: int | None = None
    requirements: tuple[str, ...] = ()
    basis: str | None = None
    assumed: bool = False

    @property
    def urgency(self) -> Urgency:
        return _URGENCY.get(self.code, Urgency.DUE)

    def text(self, *, basis: bool = True) -> str:
        """The reason in the planner's words with its ground: "forfalt siden 2024 – revisjonsplan".

        ``basis=False`` names a requirement's ground as "lovkrav" only, where the legal basis stands
        beside it already (the statutory checklist)."""
        when = date_text(self.date) if self.date is not None else str(self.year)
        if self.assumed:
            when = t("reason.assumed-date", date=when)
        key = f"reason.{self.code.value}"
        if self.code in (ReasonCode.ANNUAL_MISSED, ReasonCode.TERM_MISSED) and (self.n or 0) > 1:
            key += "-many"
        main = t(key, year=self.year, when=when, n=self.n or 0, end=self.year + 4, last=self.year - 1)
        return t("reason.with-ground", reason=main, ground=self.ground_text(basis=basis))

    def ground_text(self, *, basis: bool = True) -> str:
        if self.ground is Ground.REQUIREMENT:
            return (self.basis if basis else None) or t("ground.requirement")
        return t(f"ground.{self.ground.value}")

    def to_dict(self, *, basis: bool = True) -> dict[str, object]:
        return {
            "code": self.code.value,
            "year": self.year,
            "date": self.date.isoformat() if self.date else None,
            "ground": self.ground.value,
            "requirements": list(self.requirements),
            "text": self.text(basis=basis),
        }


@dataclass(frozen=True)
class Context:
    """What the engine needs beside the plan: the requirements it may meet, the council's calendar,
    and the day the question is asked (``--as-of``; None for a question about years only)."""

    requirements: Mapping[str, Requirement] = field(default_factory=dict)
    calendar: Calendar = DEFAULT_CALENDAR
    today: dt.date | None = None

    @classmethod
    def of(cls, register: Register, today: dt.date | None = None) -> Context:
        terms = register.municipalities.terms if register.municipalities is not None else []
        return cls(register.requirements, Calendar.of(terms), today)


NO_CONTEXT = Context()


def decided(revision: Revision) -> When:
    """When a revision was decided: its decision's date or year, else its target."""
    return When.of(revision.decided_on)


def done(plan: Plan) -> list[When]:
    """Every time the plan was adopted: ``adopted`` and each ``vedtatt`` revision, oldest first."""
    points = [decided(r) for r in plan.revisions if r.state is RevisionState.VEDTATT]
    if plan.adopted is not None:
        points.append(When.of(plan.adopted))
    return sorted(points, key=lambda p: p.key)


def is_settled(plan: Plan, revision: Revision, points: list[When] | None = None) -> bool:
    """A pending revision is settled when the plan was adopted or revised in its target's year or later."""
    points = done(plan) if points is None else points
    return bool(points) and points[-1].year >= revision.year  # oldest first: the last is the latest year


def pending_revisions(plan: Plan, points: list[When] | None = None) -> list[Revision]:
    """Revisions not yet decided (planlagt, pågår, utsatt) and not settled by a later adoption.
    ``points`` (``done(plan)``) saves working it out again where the caller has it."""
    points = done(plan) if points is None else points
    return [r for r in plan.revisions if r.pending and not is_settled(plan, r, points)]


def _passed(target: int | dt.date, year: int, today: dt.date | None) -> bool:
    """Whether a target (a year, or a day) lies behind us when looking at ``year``."""
    if isinstance(target, dt.date):
        return target.year < year or (
            target.year == year and today is not None and today.year == year and today > target
        )
    return target < year


def due_reasons(plan: Plan, year: int, context: Context = NO_CONTEXT) -> list[Reason]:
    """Every reason ``plan`` is due in ``year``, most urgent first; empty when it is not due."""
    if plan.status in RETIRED:
        return []
    today = context.today
    points = done(plan)  # worked out once: every ground below reads it
    pending = pending_revisions(plan, points)
    reasons = _schedule(pending, year, today)
    expired = _expired(plan, year)
    if expired is not None:
        reasons.append(expired)
    for cadence, ground, requirement in _cadences(plan, context):
        reasons.extend(_cadence(plan, points, pending, year, today, context.calendar, cadence, ground, requirement))
    reasons = _merge(reasons)
    return sorted(reasons, key=lambda r: (r.urgency, r.year))


def _merge(reasons: list[Reason]) -> list[Reason]:
    """One reason where several requirements say the same (the økonomiplan's two laws, say): bases joined."""
    merged: dict[tuple[object, ...], Reason] = {}
    for reason in reasons:
        key = (reason.code, reason.year, reason.date, reason.ground is Ground.REQUIREMENT or id(reason))
        first = merged.get(key)
        if first is None:
            merged[key] = reason
        else:
            basis = ", ".join(b for b in (first.basis, reason.basis) if b)
            merged[key] = replace(first, requirements=first.requirements + reason.requirements, basis=basis or None)
    return list(merged.values())


def urgency(reasons: Iterable[Reason]) -> Urgency | None:
    """The most pressing urgency among ``reasons``, or None when there are none."""
    return min((r.urgency for r in reasons), default=None)


def for_requirement(reasons: Iterable[Reason], requirement_id: str) -> list[Reason]:
    """The reasons that bear on one requirement: the schedule, validity and that requirement's cadence."""
    return [
        r
        for r in reasons
        if r.ground in (Ground.SCHEDULE, Ground.VALIDITY)
        or (r.ground is Ground.REQUIREMENT and requirement_id in r.requirements)
    ]


def _schedule(pending: list[Revision], year: int, today: dt.date | None) -> list[Reason]:
    reasons: list[Reason] = []
    late: list[Revision] = []
    for revision in pending:
        target = revision.target
        date = target if isinstance(target, dt.date) else None
        if _passed(target, year, today):
            late.append(revision)
        elif revision.year == year:
            code = {
                RevisionState.PAGAR: ReasonCode.IN_PROGRESS,
                RevisionState.UTSATT: ReasonCode.POSTPONED,
            }.get(revision.state, ReasonCode.PLANNED)
            reasons.append(Reason(code, year, Ground.SCHEDULE, date))
        elif revision.first_work_year <= year <= revision.last_work_year:
            reasons.append(Reason(ReasonCode.IN_WORK, revision.year, Ground.SCHEDULE, date))
    if late:
        first = min(late, key=lambda r: When.of(r.target).key)
        started = any(r.state is RevisionState.PAGAR for r in late)
        code = ReasonCode.OVERDUE_IN_PROGRESS if started else ReasonCode.OVERDUE
        target = first.target
        reasons.append(Reason(code, first.year, Ground.SCHEDULE, target if isinstance(target, dt.date) else None))
    return reasons


def _expired(plan: Plan, year: int) -> Reason | None:
    end = plan.valid_to
    if end is None or end >= year:
        return None
    if any(decided(r).year >= end for r in plan.revisions if r.state is RevisionState.VEDTATT):
        return None  # revised in its last year of validity or later
    return Reason(ReasonCode.EXPIRED, end, Ground.VALIDITY)


def _cadences(plan: Plan, context: Context) -> list[tuple[Cadence, Ground, Requirement | None]]:
    """The plan's own cadence and each requirement's, the own one left out where a requirement has the same."""
    linked = [context.requirements[r] for r in plan.requirements if r in context.requirements]
    found: list[tuple[Cadence, Ground, Requirement | None]] = [(r.cadence, Ground.REQUIREMENT, r) for r in linked]
    if all(r.cadence != plan.cadence for r in linked):
        found.insert(0, (plan.cadence, Ground.CADENCE, None))
    return found


@dataclass(frozen=True)
class _Rhythm:
    """One cadence being judged: where the reasons it gives come from."""

    ground: Ground
    requirement: Requirement | None

    def reason(self, code: ReasonCode, year: int, **extra: object) -> Reason:
        requirement = self.requirement
        basis = None
        if requirement is not None:
            first = requirement.legal_basis[0]
            basis = f"{first.law} {first.section}" if first.section else first.law
        return Reason(
            code,
            year,
            self.ground,
            requirements=(requirement.id,) if requirement else (),
            basis=basis,
            **extra,  # type: ignore[arg-type]
        )


def _cadence(
    plan: Plan,
    points: list[When],
    pending: list[Revision],
    year: int,
    today: dt.date | None,
    calendar: Calendar,
    cadence: Cadence,
    ground: Ground,
    requirement: Requirement | None,
) -> list[Reason]:
    if plan.adopted is None and plan.valid_from is not None:
        points = sorted([When(plan.valid_from), *points], key=lambda p: p.key)
    if points and points[0].year > year:
        return []  # the plan did not exist yet
    rhythm = _Rhythm(ground, requirement)
    if cadence.rule is CadenceRule.ARLIG:
        return _annual(pending, year, points, rhythm)
    if cadence.rule is CadenceRule.VALGPERIODE:
        return _term(pending, year, today, calendar, cadence.within_years, points, rhythm)
    if cadence.rule is CadenceRule.INTERVALL and cadence.interval_years is not None:
        return _interval(pending, year, cadence.interval_years, points, rhythm)
    return []  # løpende, ingen


def _annual(pending: list[Revision], year: int, points: list[When], rhythm: _Rhythm) -> list[Reason]:
    years = {p.year for p in points}  # empty for a plan never adopted: due every year
    if year in years:
        return []
    last = max((y for y in years if y < year), default=None)
    if last is not None and last < year - 1:
        return [rhythm.reason(ReasonCode.ANNUAL_MISSED, last + 1, n=year - 1 - last)]
    if any(r.year == year for r in pending):
        return []  # this year's round is scheduled: the schedule speaks
    return [rhythm.reason(ReasonCode.ANNUAL, year)]


def _term(
    pending: list[Revision],
    year: int,
    today: dt.date | None,
    calendar: Calendar,
    within: int | None,
    points: list[When],
    rhythm: _Rhythm,
) -> list[Reason]:
    term = term_of_year(year)
    reasons: list[Reason] = []
    missed = _missed_terms(term, calendar, points) if points else []  # never adopted: nothing to remember
    if missed:
        reasons.append(rhythm.reason(ReasonCode.TERM_MISSED, missed[-1].election_year, n=len(missed)))
    deadline = calendar.deadline(term, within)
    if points and not points[0].by(deadline):
        return reasons  # adopted after this term's window: nothing owed in it
    if any(term in p.terms(calendar) for p in points):
        return reasons
    if any(term in When.of(r.target).terms(calendar) and When.of(r.target).by(deadline) for r in pending):
        return reasons  # scheduled inside the window: the schedule speaks
    assumed = within is not None and calendar.assumed(term)
    if _passed(deadline, year, today):
        reasons.append(rhythm.reason(ReasonCode.TERM_OVERDUE, deadline.year, date=deadline, assumed=assumed))
    else:
        code = ReasonCode.TERM_WITHIN if within else ReasonCode.TERM
        reasons.append(rhythm.reason(code, deadline.year, date=deadline if within else None, assumed=assumed))
    return reasons


def _missed_terms(term: CouncilTerm, calendar: Calendar, points: list[When]) -> list[CouncilTerm]:
    """The terms before ``term`` since the plan was last done that ended without a revision."""
    last = points[-1]
    newest = max(t.election_year for t in last.terms(calendar))
    missed = []
    earlier = CouncilTerm(newest).next
    while earlier < term:
        missed.append(earlier)
        earlier = earlier.next
    return missed


def _interval(pending: list[Revision], year: int, n: int, points: list[When], rhythm: _Rhythm) -> list[Reason]:
    if not points:
        return []  # never adopted: no interval to count from
    due = points[-1].year + n
    if any(r.year <= due for r in pending):
        return []  # scheduled in time: the schedule speaks
    if year == due:
        return [rhythm.reason(ReasonCode.INTERVAL, due, n=n)]
    if year > due:
        return [rhythm.reason(ReasonCode.INTERVAL_OVERDUE, due, n=n)]
    return []


def unmet_term(plan: Plan, year: int, context: Context, requirement: Requirement) -> list[Reason]:
    """For a duty once per council term: the revision scheduled in the term but not yet decided.

    ``due`` stays silent about such a plan until its year comes (the schedule is in order); the
    statutory checklist must not call the duty met before it is done, so it shows this reason.
    """
    cadence = requirement.cadence
    if cadence.rule is not CadenceRule.VALGPERIODE or plan.status in RETIRED:
        return []
    calendar = context.calendar
    term = term_of_year(year)
    points = done(plan)
    if any(term in p.terms(calendar) for p in points):
        return []
    if points and not points[0].by(calendar.deadline(term, cadence.within_years)):
        return []  # adopted after the window: nothing owed in this term
    scheduled = [r for r in pending_revisions(plan, points) if term in When.of(r.target).terms(calendar)]
    if not scheduled:
        return []
    first = min(scheduled, key=lambda r: When.of(r.target).key)
    target = first.target
    date = target if isinstance(target, dt.date) else None
    return [_Rhythm(Ground.REQUIREMENT, requirement).reason(ReasonCode.TERM_SCHEDULED, first.year, date=date)]


class Mark(StrEnum):
    """What the revision table shows for one plan in one year."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    OVERDUE = "overdue"


_MARK_RANK = {Mark.PLANNED: 0, Mark.IN_PROGRESS: 1, Mark.OVERDUE: 2, Mark.DONE: 3}


def revision_marks(plan: Plan, years: range, current_year: int) -> dict[int, Mark]:
    """The table's mark per year in ``years``: each work year and the target of a pending revision,
    the decision's year of an adopted one; a target before ``current_year`` not reached is overdue."""
    marks: dict[int, Mark] = {}

    def put(year: int, mark: Mark) -> None:
        if year in years and (year not in marks or _MARK_RANK[mark] > _MARK_RANK[marks[year]]):
            marks[year] = mark

    points = done(plan)
    for revision in plan.revisions:
        if revision.state is RevisionState.VEDTATT:
            put(decided(revision).year, Mark.DONE)
        elif revision.pending:
            late = revision.year < current_year and not is_settled(plan, revision, points)
            started = revision.state is RevisionState.PAGAR
            for work_year in range(revision.first_work_year, revision.year + 1):
                put(work_year, Mark.IN_PROGRESS if started and work_year <= current_year else Mark.PLANNED)
            if late:
                put(revision.year, Mark.OVERDUE)
    return marks


def work_years(revision: Revision) -> range:
    """The years a revision takes work: its work years, through the target (or the decision, once decided)."""
    last = decided(revision).year if revision.state is RevisionState.VEDTATT else revision.year
    return range(min(revision.first_work_year, last), max(revision.last_work_year, last) + 1)
