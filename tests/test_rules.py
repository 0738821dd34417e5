"""Council terms and the reasons a plan is due (planstrategi.rules), without Typer or files."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planstrategi.model import MAX_YEAR, MIN_YEAR, Plan
from planstrategi.rules import engine
from planstrategi.rules.engine import CouncilTerm, Mark, Reason, ReasonCode, Urgency

years = st.integers(MIN_YEAR, MAX_YEAR)
dates = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))


def plan(**fields: Any) -> Plan:
    base: dict[str, Any] = {
        "id": "p",
        "title": "P",
        "category": "c",
        "kind": "plan",
        "municipality": "3430",
        "status": "gjeldende",
    }
    return Plan.model_validate(base | fields)


def codes(p: Plan, year: int) -> list[tuple[str, int]]:
    return [(r.code.value, r.year) for r in engine.due_reasons(p, year)]


# --- council terms ----------------------------------------------------------------------------


@given(years)
def test_every_year_belongs_to_exactly_one_term(year: int) -> None:
    term = engine.term_of_year(year)
    assert year in term
    neighbours = [CouncilTerm(term.election_year + 4 * k) for k in (-2, -1, 1, 2)]
    assert not any(year in other for other in neighbours)


@given(years)
def test_a_term_plans_for_the_four_years_after_its_election(year: int) -> None:
    term = engine.term_of_year(year)
    assert engine.is_election_year(term.election_year)
    assert (term.election_year - 2023) % 4 == 0
    assert list(term.years) == [term.election_year + k for k in (1, 2, 3, 4)]
    assert all(engine.term_of_year(y) == term for y in term.years if MIN_YEAR <= y <= MAX_YEAR)


@given(dates)
def test_a_date_from_october_of_an_election_year_belongs_to_the_new_council(date: dt.date) -> None:
    term = engine.term_of_date(date)
    if engine.is_election_year(date.year) and date.month >= 10:
        assert term.election_year == date.year
    else:
        assert term == engine.term_of_year(date.year)
        assert date.year in term


@given(st.integers(MIN_YEAR, MAX_YEAR - 1).filter(engine.is_election_year))
def test_september_and_october_of_an_election_year_are_in_different_terms(year: int) -> None:
    before = engine.term_of_date(dt.date(year, 9, 30))
    after = engine.term_of_date(dt.date(year, 10, 1))
    assert after.election_year == before.election_year + 4 == year


def test_the_term_elected_in_2023() -> None:
    term = engine.term_of_date(dt.date(2025, 3, 1))
    assert term == CouncilTerm(2023)
    assert list(term.years) == [2024, 2025, 2026, 2027]
    assert term.label() == "valgperioden 2023–2027"
    assert engine.term_of_year(2023) == CouncilTerm(2019)
    assert engine.term_of_date(dt.date(2023, 11, 15)) == CouncilTerm(2023)
    assert engine.term_of_date(dt.date(2023, 9, 12)) == CouncilTerm(2019)


def test_years_outside_the_register_and_non_election_terms_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        engine.term_of_year(1899)
    with pytest.raises(ValueError, match="outside"):
        engine.term_of_date(dt.date(2101, 1, 1))
    with pytest.raises(ValueError, match="not an election year"):
        CouncilTerm(2024)


# --- explicit revisions -----------------------------------------------------------------------


def test_a_revision_planned_this_year_is_due() -> None:
    assert codes(plan(adopted=2017, revisions=[{"year": 2025}]), 2025) == [("planned", 2025)]
    assert engine.Reason(ReasonCode.PLANNED, 2025).text() == "planlagt 2025"


def test_a_revision_in_progress_this_year_says_so() -> None:
    p = plan(adopted=2017, revisions=[{"year": 2025, "state": "pågår"}])
    assert codes(p, 2025) == [("in-progress", 2025)]
    assert engine.due_reasons(p, 2025)[0].text() == "pågår"


def test_an_earlier_revision_not_adopted_is_overdue_since_the_earliest_year() -> None:
    p = plan(adopted=2015, revisions=[{"year": 2023}, {"year": 2024}, {"year": 2025}])
    assert codes(p, 2025) == [("overdue", 2023), ("planned", 2025)]
    assert engine.due_reasons(p, 2025)[0].text() == "forfalt siden 2023"
    assert engine.urgency(engine.due_reasons(p, 2025)) is Urgency.OVERDUE


def test_an_overdue_revision_in_progress_says_so() -> None:
    p = plan(adopted=2008, revisions=[{"year": 2023, "state": "pågår"}])
    assert codes(p, 2025) == [("overdue-in-progress", 2023)]
    assert engine.due_reasons(p, 2025)[0].text() == "forfalt siden 2023 (pågår)"


def test_an_adopted_revision_is_never_due() -> None:
    p = plan(adopted=2015, revisions=[{"year": 2024, "state": "vedtatt"}, {"year": 2025, "state": "vedtatt"}])
    assert codes(p, 2025) == []
    assert codes(p, 2030) == []


def test_a_later_adoption_settles_an_old_planned_entry() -> None:
    revised = plan(adopted=2015, revisions=[{"year": 2024}, {"year": 2025, "state": "vedtatt"}])
    readopted = plan(adopted=2024, revisions=[{"year": 2024}])
    assert codes(revised, 2026) == []
    assert codes(readopted, 2026) == []


def test_a_future_revision_is_not_due_yet() -> None:
    assert codes(plan(adopted=2021, revisions=[{"year": 2026}]), 2025) == []


# --- validity ---------------------------------------------------------------------------------


def test_validity_that_has_run_out_is_reported() -> None:
    p = plan(adopted=2017, valid_to=2020)
    assert codes(p, 2025) == [("expired", 2020)]
    assert engine.due_reasons(p, 2025)[0].text() == "gyldighet utløpt 2020"
    assert engine.due_reasons(p, 2025)[0].urgency is Urgency.EXPIRED


def test_validity_runs_to_the_end_of_its_last_year() -> None:
    assert codes(plan(adopted=2015, valid_to=2025), 2025) == []
    assert codes(plan(adopted=2015, valid_to=2025), 2026) == [("expired", 2025)]


def test_a_revision_adopted_in_the_last_year_of_validity_renews_it() -> None:
    assert codes(plan(adopted=2015, valid_to=2025, revisions=[{"year": 2025, "state": "vedtatt"}]), 2027) == []
    assert codes(plan(adopted=2017, valid_to=2020, revisions=[{"year": 2019, "state": "vedtatt"}]), 2025) == [
        ("expired", 2020)
    ]


def test_expired_and_planned_are_both_given_most_urgent_first() -> None:
    p = plan(adopted=2017, valid_to=2020, revisions=[{"year": 2025}])
    assert codes(p, 2025) == [("expired", 2020), ("planned", 2025)]


@pytest.mark.parametrize("status", ["utgått", "erstattet"])
def test_retired_plans_are_never_due(status: str) -> None:
    p = plan(status=status, adopted=2010, valid_to=2015, revisions=[{"year": 2020}], cadence={"rule": "årlig"})
    assert codes(p, 2025) == []


# --- cadence ----------------------------------------------------------------------------------


def test_annual_is_due_every_year_without_a_revision_of_its_own() -> None:
    p = plan(adopted=2023, cadence={"rule": "årlig"}, revisions=[{"year": 2026}])
    assert codes(p, 2024) == [("annual", 2024)]
    assert codes(p, 2023) == []  # adopted that year
    assert codes(p, 2026) == [("planned", 2026)]  # the revision says it, once
    assert Reason(ReasonCode.ANNUAL, 2024).text() == "årlig"


def test_term_cadence_is_due_in_a_term_without_a_revision() -> None:
    p = plan(adopted=2020, cadence={"rule": "valgperiode"})
    assert codes(p, 2021) == []  # adopted in the term 2019–2023
    assert codes(p, 2024) == [("term", 2027)]
    assert codes(p, 2027) == [("term", 2027)]
    assert engine.due_reasons(p, 2024)[0].text() == "hver valgperiode"


def test_term_cadence_without_an_adoption_year_is_due_every_term() -> None:
    assert codes(plan(cadence={"rule": "valgperiode"}), 2025) == [("term", 2027)]


def test_term_cadence_within_one_year_becomes_overdue_after_the_first_year() -> None:
    p = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1})
    assert codes(p, 2024) == [("term-within", 2024)]
    assert engine.due_reasons(p, 2024)[0].text() == "hver valgperiode, innen 2024"
    assert codes(p, 2025) == [("term-overdue", 2024)]
    assert engine.due_reasons(p, 2025)[0].urgency is Urgency.OVERDUE
    assert codes(p, 2028) == [("term-within", 2028)]  # a new council, a new window


def test_a_revision_in_the_term_satisfies_the_term_cadence() -> None:
    planned = plan(adopted=2020, cadence={"rule": "valgperiode"}, revisions=[{"year": 2026}])
    assert codes(planned, 2025) == []  # the planner's schedule: 2026, inside the term
    assert codes(planned, 2026) == [("planned", 2026)]


def test_a_revision_planned_after_the_legal_window_does_not_hide_the_deadline() -> None:
    # The planning strategy must be adopted within a year of the constitution: planning it for
    # 2026 leaves it late from 2025 on; adopting it late settles the term.
    late = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1}, revisions=[{"year": 2026}])
    assert codes(late, 2024) == [("term-within", 2024)]
    assert codes(late, 2025) == [("term-overdue", 2024)]
    done_late = plan(
        adopted=2020,
        cadence={"rule": "valgperiode", "within_years": 1},
        revisions=[{"year": 2026, "state": "vedtatt"}],
    )
    assert codes(done_late, 2027) == []
    inside = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1}, revisions=[{"year": 2024}])
    assert codes(inside, 2024) == [("planned", 2024)]


def test_an_adoption_after_the_constitution_counts_for_the_new_term() -> None:
    p = plan(adopted=dt.date(2023, 11, 20), cadence={"rule": "valgperiode", "within_years": 1})
    assert codes(p, 2025) == []
    assert codes(plan(adopted=dt.date(2023, 6, 1), cadence={"rule": "valgperiode"}), 2025) == [("term", 2027)]


def test_an_adoption_date_outside_the_registers_years_does_not_break_the_rules() -> None:
    assert codes(plan(adopted=dt.date(1850, 5, 1), cadence={"rule": "valgperiode"}), 2025) == [("term", 2027)]


def test_interval_is_due_n_years_after_the_last_adoption() -> None:
    p = plan(
        adopted=2018, cadence={"rule": "intervall", "interval_years": 4}, revisions=[{"year": 2020, "state": "vedtatt"}]
    )
    assert codes(p, 2023) == []
    assert codes(p, 2024) == [("interval", 2024)]
    assert engine.due_reasons(p, 2024)[0].text() == "hvert 4. år"
    assert codes(p, 2026) == [("interval-overdue", 2024)]
    assert engine.due_reasons(p, 2026)[0].text() == "forfalt siden 2024 (hvert 4. år)"


def test_interval_gives_way_to_a_planned_revision() -> None:
    p = plan(adopted=2018, cadence={"rule": "intervall", "interval_years": 4}, revisions=[{"year": 2027}])
    assert codes(p, 2024) == []


@pytest.mark.parametrize("rule", ["løpende", "ingen"])
def test_continuous_and_no_cadence_are_never_due_by_cadence(rule: str) -> None:
    assert codes(plan(adopted=2000, cadence={"rule": rule}), 2025) == []
    assert codes(plan(adopted=2000, cadence={"rule": rule}, revisions=[{"year": 2025}]), 2025) == [("planned", 2025)]


def test_cadence_does_not_apply_before_the_plan_existed() -> None:
    assert codes(plan(adopted=2021, cadence={"rule": "årlig"}), 2019) == []


def test_english_reasons() -> None:
    from planstrategi import i18n

    i18n.set_language("en")
    assert Reason(ReasonCode.OVERDUE, 2024).text() == "overdue since 2024"
    assert Reason(ReasonCode.EXPIRED, 2023).text() == "validity ran out 2023"
    assert CouncilTerm(2023).label() == "the council term 2023–2027"


# --- the revision table's marks ---------------------------------------------------------------


def test_marks_planned_done_in_progress_and_overdue() -> None:
    p = plan(
        adopted=2015,
        revisions=[
            {"year": 2023, "state": "vedtatt"},
            {"year": 2024},
            {"year": 2025, "state": "pågår"},
            {"year": 2026},
            {"year": 2031},
        ],
    )
    marks = engine.revision_marks(p, range(2023, 2028), 2025)
    assert marks == {2023: Mark.DONE, 2024: Mark.OVERDUE, 2025: Mark.IN_PROGRESS, 2026: Mark.PLANNED}
