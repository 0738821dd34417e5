"""Council terms and their dates (planstrategi.rules.terms), without Typer or files."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planstrategi.model import MAX_YEAR, MIN_YEAR
from planstrategi.rules import terms
from planstrategi.rules.terms import Calendar, CouncilTerm, When

years = st.integers(MIN_YEAR, MAX_YEAR)
dates = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))
elections = st.integers(MIN_YEAR + 4, MAX_YEAR - 4).filter(terms.is_election_year)
autumn = st.dates(dt.date(2000, 9, 1), dt.date(2000, 12, 31))


@given(years)
def test_every_year_belongs_to_exactly_one_term(year: int) -> None:
    term = terms.term_of_year(year)
    assert year in term
    neighbours = [CouncilTerm(term.election_year + 4 * k) for k in (-2, -1, 1, 2)]
    assert not any(year in other for other in neighbours)


@given(years)
def test_a_term_plans_for_the_four_years_after_its_election(year: int) -> None:
    term = terms.term_of_year(year)
    assert terms.is_election_year(term.election_year)
    assert list(term.years) == [term.election_year + k for k in (1, 2, 3, 4)]
    assert term.next.election_year == term.election_year + 4


@given(dates)
def test_by_default_a_date_from_1_october_of_an_election_year_belongs_to_the_new_council(date: dt.date) -> None:
    term = terms.term_of_date(date)
    if terms.is_election_year(date.year) and date.month >= 10:
        assert term.election_year == date.year
    else:
        assert term == terms.term_of_year(date.year)


@given(elections, autumn, autumn)
def test_the_constitution_date_given_decides_which_council_a_decision_belongs_to(
    election: int, constituted: dt.date, decided: dt.date
) -> None:
    """Constitution before or after 1 October, decisions from September to December: the date decides."""
    meeting = constituted.replace(year=election)
    decision = decided.replace(year=election)
    calendar = Calendar({election: meeting})
    assert calendar.term_of_date(decision).election_year == (election if decision >= meeting else election - 4)
    assert not calendar.assumed(CouncilTerm(election))
    assert calendar.assumed(CouncilTerm(election).next)


def test_the_term_elected_in_2023() -> None:
    term = terms.term_of_date(dt.date(2025, 3, 1))
    assert term == CouncilTerm(2023)
    assert term.label() == "valgperioden 2023–2027"
    assert terms.term_of_year(2023) == CouncilTerm(2019)
    assert terms.term_of_date(dt.date(2023, 12, 14)) == CouncilTerm(2023)  # a December decision: the new council
    assert terms.term_of_date(dt.date(2023, 9, 12)) == CouncilTerm(2019)
    late = Calendar({2023: dt.date(2023, 10, 19)})
    assert late.term_of_date(dt.date(2023, 10, 10)) == CouncilTerm(2019)  # the old council's last meeting
    assert late.term_of_date(dt.date(2023, 10, 19)) == CouncilTerm(2023)


def test_within_one_year_of_the_constitution_is_counted_from_the_day() -> None:
    assert Calendar().deadline(CouncilTerm(2023), 1) == dt.date(2024, 10, 1)
    assert Calendar({2023: dt.date(2023, 10, 19)}).deadline(CouncilTerm(2023), 1) == dt.date(2024, 10, 19)
    # without a window, the term runs until the day before the next council is constituted
    assert Calendar().deadline(CouncilTerm(2023), None) == dt.date(2027, 9, 30)
    assert Calendar({2027: dt.date(2027, 10, 14)}).deadline(CouncilTerm(2023), None) == dt.date(2027, 10, 13)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2096, 12, 31)), st.integers(1, 4))
def test_adding_years_keeps_the_day_and_turns_29_february_into_28(date: dt.date, n: int) -> None:
    later = terms.add_years(date, n)
    assert (later.year, later.month) == (date.year + n, date.month)
    leap_day_lost = (date.month, date.day) == (2, 29) and later.day != 29
    assert later.day == (28 if leap_day_lost else date.day)


def test_leap_days() -> None:
    assert terms.add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert terms.add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    assert terms.add_years(dt.date(2100, 2, 28), 0) == dt.date(2100, 2, 28)


@given(elections)
def test_a_year_alone_in_an_election_year_counts_for_both_councils(election: int) -> None:
    assert When(election).terms(Calendar()) == {CouncilTerm(election - 4), CouncilTerm(election)}
    assert When(election + 1).terms(Calendar()) == {CouncilTerm(election)}
    assert When(election, dt.date(election, 12, 1)).terms(Calendar()) == {CouncilTerm(election)}


def test_a_year_alone_is_in_time_for_a_deadline_in_the_same_year() -> None:
    assert When(2024).by(dt.date(2024, 10, 1))
    assert not When(2024, dt.date(2024, 10, 2)).by(dt.date(2024, 10, 1))
    assert not When(2025).by(dt.date(2024, 10, 1))


def test_years_outside_the_register_and_non_election_terms_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        terms.term_of_year(1899)
    with pytest.raises(ValueError, match="outside"):
        terms.term_of_date(dt.date(2101, 1, 1))
    with pytest.raises(ValueError, match="not an election year"):
        CouncilTerm(2024)
