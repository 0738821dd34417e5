"""Council terms and why a plan is due: pure functions of a plan and a year (never the clock).

Council terms (valgperioder)
    Municipal elections are held every fourth year: 2023, 2027, 2031, … (years ≡ 2023 mod 4; the
    arithmetic holds from 1900 to 2100). The new council is constituted in October of the election
    year, so the term elected in 2023, "valgperioden 2023–2027", plans for the years 2024–2027.
    A *year* belongs to the term whose four planning years contain it (2023 belongs to 2019–2023).
    A *date* from 1 October of an election year on belongs to the new term, a date before it to the
    previous one (the constituent meeting falls in October; 1 October is taken as the turning point).

Why a plan is due in year Y (``due_reasons``), most urgent first
    * ``utgått`` and ``erstattet`` plans are never due.
    * Explicit revisions. A revision not ``vedtatt`` whose year is before Y is *overdue*
      ("forfalt siden 2024", from the earliest such year; "(pågår)" when work has started); one in
      Y is *due* ("planlagt 2025", or "pågår"). A revision counts as settled, and is never
      overdue, when the plan was adopted in its year or later, or a ``vedtatt`` revision of the
      same year or later exists: an old entry left as ``planlagt`` is not a late revision.
    * Validity. ``valid_to`` before Y, with no ``vedtatt`` revision in ``valid_to`` or later and
      no adoption after it, is *expired* ("gyldighet utløpt 2023"). A revision adopted in the last
      year of validity renews the plan in time.
    * Cadence, only from the year the plan was adopted (or became valid) on:
      ``årlig`` is due every year in which no revision is recorded and it was not adopted;
      ``valgperiode`` is due in a term in which no revision (planned or done) falls and it was not
      adopted; with ``within_years`` N it must happen within N years of the constitution
      (the planning strategy and the delegation rules: 1), and is *overdue* once that window has
      passed, unless it was done in the term; a revision merely planned after the window does
      not count. Without it the window is the whole term. ``intervall`` (``interval_years`` N) is due
      N years after the adoption or the last ``vedtatt`` revision and overdue after that, unless a
      revision is already planned (the planner's schedule wins over the default rhythm).
      ``løpende`` and ``ingen`` are never due by cadence.

The register's current state is what counts: a revision already ``vedtatt`` is never due, even
when one asks about a past year. A year after Y is a forecast: what will be due if nothing changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from planstrategi.i18n import t
from planstrategi.model import MAX_YEAR, MIN_YEAR, CadenceRule, Plan, Revision, RevisionState, Status

FIRST_ELECTION = 2023  # any election year will do: terms repeat every TERM_YEARS
TERM_YEARS = 4
CONSTITUTION_MONTH = 10
RETIRED = frozenset({Status.UTGATT, Status.ERSTATTET})


def is_election_year(year: int) -> bool:
    """True for the years of municipal elections: 2023, 2027, … and 2019, 2015, …"""
    return (year - FIRST_ELECTION) % TERM_YEARS == 0


@dataclass(frozen=True, order=True)
class CouncilTerm:
    """The council term elected in ``election_year``; it plans for the four years that follow."""

    election_year: int

    def __post_init__(self) -> None:
        if not is_election_year(self.election_year):
            raise ValueError(f"{self.election_year} is not an election year")

    @property
    def first_year(self) -> int:
        return self.election_year + 1

    @property
    def last_year(self) -> int:
        return self.election_year + TERM_YEARS

    @property
    def years(self) -> range:
        """The four planning years, e.g. 2024–2027 for the term elected in 2023."""
        return range(self.first_year, self.last_year + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first_year <= year <= self.last_year

    def label(self) -> str:
        """ "valgperioden 2023–2027" (the election year and the last planning year)."""
        return t("term.label", start=self.election_year, end=self.last_year)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{year} is outside {MIN_YEAR}–{MAX_YEAR}")


def _election_for_year(year: int) -> int:
    return year - 1 - (year - 1 - FIRST_ELECTION) % TERM_YEARS


def _election_for_date(date: dt.date) -> int:
    if is_election_year(date.year) and date.month >= CONSTITUTION_MONTH:
        return date.year
    return _election_for_year(date.year)


def term_of_year(year: int) -> CouncilTerm:
    """The term whose planning years contain ``year`` (2024–2027 → 2023; 2023 → 2019)."""
    _check_year(year)
    return CouncilTerm(_election_for_year(year))


def term_of_date(date: dt.date) -> CouncilTerm:
    """The term sitting on ``date``: from October of an election year on, the newly elected one."""
    _check_year(date.year)
    return CouncilTerm(_election_for_date(date))


class Urgency(IntEnum):
    """How pressing a reason is; the value is the order reports list them in."""

    OVERDUE = 0
    EXPIRED = 1
    DUE = 2

    @property
    def code(self) -> str:
        return self.name.lower()


class ReasonCode(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    OVERDUE = "overdue"
    OVERDUE_IN_PROGRESS = "overdue-in-progress"
    EXPIRED = "expired"
    ANNUAL = "annual"
    TERM = "term"
    TERM_WITHIN = "term-within"
    TERM_OVERDUE = "term-overdue"
    INTERVAL = "interval"
    INTERVAL_OVERDUE = "interval-overdue"


_URGENCY = {
    ReasonCode.OVERDUE: Urgency.OVERDUE,
    ReasonCode.OVERDUE_IN_PROGRESS: Urgency.OVERDUE,
    ReasonCode.TERM_OVERDUE: Urgency.OVERDUE,
    ReasonCode.INTERVAL_OVERDUE: Urgency.OVERDUE,
    ReasonCode.EXPIRED: Urgency.EXPIRED,
}


@dataclass(frozen=True)
class Reason:
    """One reason a plan is due: its code, the year it speaks of and, for intervals, N."""

    code: ReasonCode
    year: int
    interval: int | None = None

    @property
    def urgency(self) -> Urgency:
        return _URGENCY.get(self.code, Urgency.DUE)

    def text(self) -> str:
        """The reason in the planner's words: "forfalt siden 2024", "hver valgperiode", …"""
        return t(f"reason.{self.code.value}", year=self.year, n=self.interval or 0)

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "year": self.year, "text": self.text()}


def is_settled(plan: Plan, year: int) -> bool:
    """A revision for ``year`` is settled when the plan was adopted then or later, or revised then or later."""
    adopted = plan.adopted_year
    if adopted is not None and adopted >= year:
        return True
    return any(r.state is RevisionState.VEDTATT and r.year >= year for r in plan.revisions)


def pending_revisions(plan: Plan) -> list[Revision]:
    """Revisions not yet done: not ``vedtatt`` and not settled by a later adoption or revision."""
    return [r for r in plan.revisions if r.state is not RevisionState.VEDTATT and not is_settled(plan, r.year)]


def due_reasons(plan: Plan, year: int) -> list[Reason]:
    """Every reason ``plan`` is due in ``year``, most urgent first; empty when it is not due."""
    if plan.status in RETIRED:
        return []
    pending = pending_revisions(plan)
    reasons: list[Reason] = []
    late = [r for r in pending if r.year < year]
    if late:
        started = any(r.state is RevisionState.PAGAR for r in late)
        code = ReasonCode.OVERDUE_IN_PROGRESS if started else ReasonCode.OVERDUE
        reasons.append(Reason(code, min(r.year for r in late)))
    now = [r for r in pending if r.year == year]
    if now:
        started = any(r.state is RevisionState.PAGAR for r in now)
        reasons.append(Reason(ReasonCode.IN_PROGRESS if started else ReasonCode.PLANNED, year))
    expired = _expired(plan, year)
    if expired is not None:
        reasons.append(expired)
    reasons.extend(_cadence(plan, year, pending))
    return sorted(reasons, key=lambda r: (r.urgency, r.year))


def urgency(reasons: list[Reason]) -> Urgency | None:
    """The most pressing urgency among ``reasons``, or None when there are none."""
    return min((r.urgency for r in reasons), default=None)


def _expired(plan: Plan, year: int) -> Reason | None:
    end = plan.valid_to
    if end is None or end >= year:
        return None
    if (plan.adopted_year or end) > end or any(
        r.state is RevisionState.VEDTATT and r.year >= end for r in plan.revisions
    ):
        return None  # adopted again after it ran out, or revised in its last year or later
    return Reason(ReasonCode.EXPIRED, end)


def _cadence(plan: Plan, year: int, pending: list[Revision]) -> list[Reason]:
    start = plan.adopted_year or plan.valid_from
    if start is not None and start > year:
        return []  # the plan did not exist yet
    rule = plan.cadence.rule
    if rule is CadenceRule.ARLIG:
        if plan.adopted_year == year or any(r.year == year for r in plan.revisions):
            return []
        return [Reason(ReasonCode.ANNUAL, year)]
    if rule is CadenceRule.VALGPERIODE:
        return _term_reasons(plan, year)
    if rule is CadenceRule.INTERVALL:
        return _interval_reasons(plan, year, pending)
    return []  # løpende, ingen


def _adopted_in(plan: Plan, term: CouncilTerm) -> bool:
    if isinstance(plan.adopted, dt.date):  # the data's dates are not held to MIN_YEAR..MAX_YEAR
        return _election_for_date(plan.adopted) == term.election_year
    return plan.adopted in term


def _term_reasons(plan: Plan, year: int) -> list[Reason]:
    term = term_of_year(year)
    within = plan.cadence.within_years
    deadline = term.first_year + (within or TERM_YEARS) - 1
    # Done in the term (even late) settles it; a revision only planned settles it only if it is
    # planned inside the window, or a plan scheduled after its legal deadline would never show as late.
    if _adopted_in(plan, term) or any(
        r.year in term and (r.state is RevisionState.VEDTATT or r.year <= deadline) for r in plan.revisions
    ):
        return []
    if year > deadline:
        return [Reason(ReasonCode.TERM_OVERDUE, deadline)]
    return [Reason(ReasonCode.TERM_WITHIN if within else ReasonCode.TERM, deadline)]


def _interval_reasons(plan: Plan, year: int, pending: list[Revision]) -> list[Reason]:
    n = plan.cadence.interval_years
    done = [r.year for r in plan.revisions if r.state is RevisionState.VEDTATT]
    if plan.adopted_year is not None:
        done.append(plan.adopted_year)
    if n is None or not done or pending:
        return []
    due = max(done) + n
    if year == due:
        return [Reason(ReasonCode.INTERVAL, due, n)]
    if year > due:
        return [Reason(ReasonCode.INTERVAL_OVERDUE, due, n)]
    return []


class Mark(StrEnum):
    """What the revision table shows for one plan in one year."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    OVERDUE = "overdue"


_MARK_RANK = {Mark.PLANNED: 0, Mark.IN_PROGRESS: 1, Mark.OVERDUE: 2, Mark.DONE: 3}


def revision_marks(plan: Plan, years: range, current_year: int) -> dict[int, Mark]:
    """The table's mark per year in ``years``; a revision before ``current_year`` not done is overdue."""
    marks: dict[int, Mark] = {}
    for revision in plan.revisions:
        if revision.year not in years:
            continue
        if revision.state is RevisionState.VEDTATT:
            mark = Mark.DONE
        elif revision.year < current_year and not is_settled(plan, revision.year):
            mark = Mark.OVERDUE
        elif revision.state is RevisionState.PAGAR:
            mark = Mark.IN_PROGRESS
        else:
            mark = Mark.PLANNED
        if revision.year not in marks or _MARK_RANK[mark] > _MARK_RANK[marks[revision.year]]:
            marks[revision.year] = mark
    return marks
