"""Council terms and the dates the law counts from: pure functions, never the clock.

Council terms (valgperioder)
    Municipal elections are held every fourth year: 2023, 2027, 2031, … (years ≡ 2023 mod 4; the
    arithmetic holds from 1900 to 2100). The term elected in 2023, "valgperioden 2023–2027", plans
    for the years 2024–2027.

When a term begins
    The new council takes over at its constituent meeting (konstituerende møte), which the
    kommunelov puts before the end of October of the election year. A register gives the real
    date of each meeting in ``municipalities.yaml`` (``terms``); a term it does not list is taken
    to begin on 1 October, the earliest day it can, and every answer that rests on that default
    says the date is assumed ("antatt").

Which term a decision belongs to
    * A *date* on or after the term's constituent meeting belongs to the new term; a date before
      it to the outgoing one (a decision of 14 December 2023 is the new council's).
    * A *year* alone, where no date is known, belongs to the term that plans that year (2024 →
      2023–2027). An election year is split between two councils, so a year alone in an election
      year counts for both: the rules never call a plan late on evidence that cannot tell.

Deadlines counted in years from a date ("within one year of the constitution", pbl § 10-1) run to
the same day N years later (29 February to 28 February). A deadline known only as a year runs to
the end of that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planstrategi.i18n import t
from planstrategi.model import MAX_YEAR, MIN_YEAR

if TYPE_CHECKING:
    from planstrategi.model import TermStart

FIRST_ELECTION = 2023  # any election year will do: terms repeat every TERM_YEARS
TERM_YEARS = 4
DEFAULT_CONSTITUTION = (10, 1)  # 1 October: the earliest day a new council can meet


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

    @property
    def next(self) -> CouncilTerm:
        return CouncilTerm(self.election_year + TERM_YEARS)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first_year <= year <= self.last_year

    def label(self) -> str:
        """ "valgperioden 2023–2027" (the election year and the last planning year)."""
        return t("term.label", start=self.election_year, end=self.last_year)


class YearOutOfRange(ValueError):
    """A question needs a year outside the 1900–2100 the term arithmetic covers (a usage error at the CLI)."""

    def __init__(self, year: int) -> None:
        super().__init__(f"{year} is outside {MIN_YEAR}–{MAX_YEAR}")
        self.year, self.low, self.high = year, MIN_YEAR, MAX_YEAR


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise YearOutOfRange(year)


def _election_for_year(year: int) -> int:
    return year - 1 - (year - 1 - FIRST_ELECTION) % TERM_YEARS


def term_of_year(year: int) -> CouncilTerm:
    """The term whose planning years contain ``year`` (2024–2027 → 2023; 2023 → 2019)."""
    _check_year(year)
    return CouncilTerm(_election_for_year(year))


def add_years(date: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


@dataclass(frozen=True)
class Calendar:
    """The dates the home council's terms began: the known ones, else 1 October of the election year."""

    known: Mapping[int, dt.date] = field(default_factory=dict)

    @classmethod
    def of(cls, starts: Iterable[TermStart]) -> Calendar:
        return cls({s.election_year: s.constituted for s in starts})

    def constituted(self, term: CouncilTerm) -> dt.date:
        """The day ``term``'s council was (or is taken to be) constituted."""
        known = self.known.get(term.election_year)
        return known if known is not None else dt.date(term.election_year, *DEFAULT_CONSTITUTION)

    def assumed(self, term: CouncilTerm) -> bool:
        """True when the constitution date of ``term`` is the default, not a date the register gives."""
        return term.election_year not in self.known

    def term_of_date(self, date: dt.date) -> CouncilTerm:
        """The term sitting on ``date``: from its constituent meeting on, the newly elected one."""
        _check_year(date.year)
        return self.sitting(date)

    def sitting(self, date: dt.date) -> CouncilTerm:
        """``term_of_date`` for any date: the data's dates (an adoption in 1850) are not held to the
        years a question may ask about, and the arithmetic holds for them too."""
        if is_election_year(date.year) and date >= self.constituted(CouncilTerm(date.year)):
            return CouncilTerm(date.year)
        return CouncilTerm(_election_for_year(date.year))

    def deadline(self, term: CouncilTerm, within_years: int | None) -> dt.date:
        """The last day of the window: ``within_years`` after the constitution, else the term's last day."""
        if within_years is not None:
            return add_years(self.constituted(term), within_years)
        return self.constituted(term.next) - dt.timedelta(days=1)


DEFAULT_CALENDAR = Calendar()


def term_of_date(date: dt.date, calendar: Calendar = DEFAULT_CALENDAR) -> CouncilTerm:
    """The term sitting on ``date`` (see ``Calendar.term_of_date``)."""
    return calendar.term_of_date(date)


@dataclass(frozen=True)
class When:
    """When something happened or is to happen: a year, and the day where it is known."""

    year: int
    date: dt.date | None = None

    @property
    def key(self) -> dt.date:
        """For sorting: the day, or for a year alone its last day (it may be as late as that)."""
        return self.date if self.date is not None else dt.date(self.year, 12, 31)

    @classmethod
    def of(cls, value: int | dt.date) -> When:
        return cls(value.year, value) if isinstance(value, dt.date) else cls(value)

    def terms(self, calendar: Calendar) -> frozenset[CouncilTerm]:
        """The terms this belongs to: one for a date, two for a year alone in an election year."""
        if self.date is not None:
            return frozenset({calendar.sitting(self.date)})
        terms = {CouncilTerm(_election_for_year(self.year))}
        if is_election_year(self.year):
            terms.add(CouncilTerm(self.year))
        return frozenset(terms)

    def by(self, deadline: dt.date) -> bool:
        """On or before ``deadline``; a year alone is in time in the deadline's year."""
        return self.date <= deadline if self.date is not None else self.year <= deadline.year

    def after(self, moment: When) -> bool:
        """Later than ``moment``; with a year alone on either side, a later year."""
        if self.date is not None and moment.date is not None:
            return self.date > moment.date
        return self.year > moment.year
