"""Why a plan is due (planstrategi.rules.engine), without Typer or files.

The tests named after a defect are the ones issue #13 listed; each failed on version 0.1.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planstrategi.model import Plan, Requirement
from planstrategi.rules import engine
from planstrategi.rules.engine import Context, Ground, Mark, Reason, ReasonCode, Urgency
from planstrategi.rules.terms import Calendar


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


def requirement(rule: str, **cadence: Any) -> Requirement:
    return Requirement.model_validate(
        {
            "id": "krav",
            "title": "Krav",
            "legal_basis": [{"law": "forskrift om kommunal beredskapsplikt", "section": "§ 4"}],
            "strength": "forskrift",
            "cadence": {"rule": rule, **cadence},
            "summary": "Et krav.",
            "verified": True,
        }
    )


def codes(p: Plan, year: int, context: Context = engine.NO_CONTEXT) -> list[tuple[str, int]]:
    return [(r.code.value, r.year) for r in engine.due_reasons(p, year, context)]


def texts(p: Plan, year: int, context: Context = engine.NO_CONTEXT) -> list[str]:
    return [r.text() for r in engine.due_reasons(p, year, context)]


def on(day: dt.date, **calendar: dt.date) -> Context:
    return Context(calendar=Calendar({int(k[1:]): v for k, v in calendar.items()}), today=day)


# --- the schedule: revisions as pieces of work --------------------------------------------------


def test_a_revision_planned_this_year_is_due() -> None:
    assert codes(plan(adopted=2017, revisions=[{"target": 2025}]), 2025) == [("planned", 2025)]
    assert texts(plan(adopted=2017, revisions=[{"target": 2025}]), 2025) == ["planlagt 2025 – revisjonsplan"]


def test_defect_a_revision_over_two_years_is_one_piece_of_work_not_two_deadlines() -> None:
    """ "Revideres i 24 og 25" (§1.6 x x): due in both years, late only after 2025."""
    p = plan(adopted=2015, revisions=[{"work_from": 2024, "target": 2025}])
    assert codes(p, 2024) == [("in-work", 2025)]
    assert texts(p, 2024) == ["under arbeid, vedtak planlagt 2025 – revisjonsplan"]
    assert codes(p, 2025) == [("planned", 2025)]
    assert codes(p, 2026) == [("overdue", 2025)]
    assert engine.urgency(engine.due_reasons(p, 2025)) is Urgency.DUE


def test_defect_work_started_in_2023_toward_2024_is_not_overdue_in_2023() -> None:
    p = plan(adopted=2008, revisions=[{"work_from": 2023, "target": 2024, "state": "pågår"}])
    assert codes(p, 2023) == [("in-work", 2024)]
    assert codes(p, 2024) == [("in-progress", 2024)]
    assert texts(p, 2024) == ["pågår, vedtak ventet 2024 – revisjonsplan"]
    assert codes(p, 2025) == [("overdue-in-progress", 2024)]


def test_a_target_date_is_overdue_the_day_after() -> None:
    p = plan(adopted=2015, revisions=[{"target": dt.date(2025, 6, 19)}])
    assert codes(p, 2025, on(dt.date(2025, 6, 19))) == [("planned", 2025)]
    assert codes(p, 2025, on(dt.date(2025, 6, 20))) == [("overdue", 2025)]
    assert texts(p, 2025, on(dt.date(2025, 6, 20))) == ["forfalt siden 19.06.2025 – revisjonsplan"]


def test_an_earlier_revision_not_adopted_is_overdue_since_the_earliest_target() -> None:
    p = plan(adopted=2015, revisions=[{"target": 2023}, {"target": 2024}, {"target": 2025}])
    assert codes(p, 2025) == [("overdue", 2023), ("planned", 2025)]


def test_adopted_and_cancelled_revisions_are_never_due() -> None:
    p = plan(
        adopted=2015,
        revisions=[
            {"target": 2024, "state": "vedtatt", "decision": {"date": dt.date(2024, 6, 13), "case": "24/30"}},
            {"target": 2025, "state": "avlyst", "decision": {"year": 2025, "note": "Droppet"}},
        ],
    )
    assert codes(p, 2025) == []
    assert codes(p, 2030) == []


def test_a_postponed_revision_is_due_at_its_new_target_and_says_so() -> None:
    p = plan(
        adopted=2021,
        revisions=[
            {
                "target": 2026,
                "state": "utsatt",
                "decision": {"date": dt.date(2024, 1, 25), "body": "kommunestyret"},
                "note": "Eierskapsmelding utsettes til 2026",
            }
        ],
    )
    assert codes(p, 2024) == []
    assert texts(p, 2026) == ["utsatt til 2026 – revisjonsplan"]
    assert codes(p, 2027) == [("overdue", 2026)]


def test_a_later_adoption_settles_an_old_planned_entry() -> None:
    assert codes(plan(adopted=2024, revisions=[{"target": 2024}]), 2026) == []
    revised = plan(adopted=2015, revisions=[{"target": 2024}, {"target": 2025, "state": "vedtatt"}])
    assert codes(revised, 2026) == []


# --- validity -----------------------------------------------------------------------------------


def test_validity_that_has_run_out_is_reported() -> None:
    p = plan(adopted=2017, valid_to=2020)
    assert codes(p, 2025) == [("expired", 2020)]
    assert texts(p, 2025) == ["gyldighet utløpt 2020 – gyldighetsperiode"]
    assert codes(plan(adopted=2015, valid_to=2025), 2025) == []


def test_defect_a_plan_adopted_after_its_validity_ran_out_is_expired_as_validate_says() -> None:
    assert codes(plan(adopted=2024, valid_to=2023), 2025) == [("expired", 2023)]


def test_a_revision_adopted_in_the_last_year_of_validity_renews_it() -> None:
    assert codes(plan(adopted=2015, valid_to=2025, revisions=[{"target": 2025, "state": "vedtatt"}]), 2027) == []


@pytest.mark.parametrize("status", ["utgått", "erstattet"])
def test_retired_plans_are_never_due(status: str) -> None:
    p = plan(status=status, adopted=2010, valid_to=2015, revisions=[{"target": 2020}], cadence={"rule": "årlig"})
    assert codes(p, 2025) == []


# --- cadence ------------------------------------------------------------------------------------


def test_annual_is_due_in_a_year_without_a_round() -> None:
    p = plan(adopted=2023, cadence={"rule": "årlig"}, revisions=[{"target": 2025}])
    assert codes(p, 2023) == []  # adopted that year
    assert codes(p, 2024) == [("annual", 2024)]
    assert texts(p, 2024) == ["årlig – planens hyppighet"]


def test_defect_annual_escalates_the_year_after_a_missed_round() -> None:
    p = plan(adopted=2022, cadence={"rule": "årlig"})
    assert codes(p, 2023) == [("annual", 2023)]
    assert codes(p, 2024) == [("annual-missed", 2023)]
    assert texts(p, 2024) == ["årlig, ikke revidert i 2023 – planens hyppighet"]
    assert codes(p, 2025) == [("annual-missed", 2023)]
    assert texts(p, 2025) == ["årlig, ikke revidert på 2 år (sist 2022) – planens hyppighet"]
    assert engine.urgency(engine.due_reasons(p, 2025)) is Urgency.OVERDUE
    caught_up = plan(adopted=2022, cadence={"rule": "årlig"}, revisions=[{"target": 2024, "state": "vedtatt"}])
    assert codes(caught_up, 2025) == [("annual", 2025)]


def test_term_cadence_is_due_in_a_term_without_a_revision() -> None:
    p = plan(adopted=2020, cadence={"rule": "valgperiode"})
    assert codes(p, 2021) == []  # adopted in the term 2019–2023
    assert codes(p, 2024) == [("term", 2027)]
    assert texts(p, 2024) == ["hver valgperiode – planens hyppighet"]


def test_defect_a_term_that_passed_without_a_revision_is_remembered() -> None:
    p = plan(adopted=2016, cadence={"rule": "valgperiode"})
    assert codes(p, 2025) == [("term-missed", 2019), ("term", 2027)]
    assert texts(p, 2025)[0] == "ikke revidert i valgperioden 2019–2023 – planens hyppighet"
    assert engine.urgency(engine.due_reasons(p, 2025)) is Urgency.OVERDUE
    older = plan(adopted=2008, cadence={"rule": "valgperiode"})
    assert texts(older, 2025)[0] == "ikke revidert i 3 valgperioder (sist 2019–2023) – planens hyppighet"
    revised = plan(adopted=2016, cadence={"rule": "valgperiode"}, revisions=[{"target": 2024, "state": "vedtatt"}])
    assert codes(revised, 2025) == []


def test_term_cadence_within_one_year_is_counted_from_the_constitution_date() -> None:
    p = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1})
    assert codes(p, 2024, on(dt.date(2024, 3, 1))) == [("term-within", 2024)]
    assert texts(p, 2024, on(dt.date(2024, 3, 1))) == [
        "hver valgperiode, innen 01.10.2024 (regnet fra antatt konstitueringsdato) – planens hyppighet"
    ]
    assert codes(p, 2024, on(dt.date(2024, 10, 2))) == [("term-overdue", 2024)]
    known = on(dt.date(2024, 10, 10), y2023=dt.date(2023, 10, 19))
    assert texts(p, 2024, known) == ["hver valgperiode, innen 19.10.2024 – planens hyppighet"]
    assert codes(p, 2024, on(dt.date(2024, 10, 20), y2023=dt.date(2023, 10, 19))) == [("term-overdue", 2024)]
    assert codes(p, 2025) == [("term-overdue", 2024)]


def test_defect_a_december_revision_by_the_new_council_counts_for_the_new_term() -> None:
    delegation = plan(
        adopted=2020,
        cadence={"rule": "valgperiode", "within_years": 1},
        revisions=[{"target": 2023, "state": "vedtatt", "decision": {"date": dt.date(2023, 12, 14)}}],
    )
    assert codes(delegation, 2025) == []


def test_defect_a_plan_adopted_by_the_new_council_owed_nothing_in_the_old_term() -> None:
    p = plan(adopted=dt.date(2023, 11, 15), cadence={"rule": "valgperiode", "within_years": 1})
    assert codes(p, 2023) == []
    assert codes(p, 2025) == []
    assert codes(plan(adopted=dt.date(2023, 6, 1), cadence={"rule": "valgperiode"}), 2025) == [("term", 2027)]


def test_a_revision_planned_after_the_legal_window_does_not_hide_the_deadline() -> None:
    late = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1}, revisions=[{"target": 2026}])
    assert codes(late, 2025) == [("term-overdue", 2024)]
    inside = plan(adopted=2020, cadence={"rule": "valgperiode", "within_years": 1}, revisions=[{"target": 2024}])
    assert codes(inside, 2024) == [("planned", 2024)]


def test_interval_is_due_n_years_after_the_last_adoption() -> None:
    p = plan(
        adopted=2018,
        cadence={"rule": "intervall", "interval_years": 4},
        revisions=[{"target": 2020, "state": "vedtatt"}],
    )
    assert codes(p, 2023) == []
    assert codes(p, 2024) == [("interval", 2024)]
    assert codes(p, 2026) == [("interval-overdue", 2024)]
    assert texts(p, 2026) == ["hvert 4. år, forfalt siden 2024 – planens hyppighet"]


def test_defect_a_revision_planned_late_does_not_hide_an_interval_deadline() -> None:
    late = plan(adopted=2018, cadence={"rule": "intervall", "interval_years": 4}, revisions=[{"target": 2027}])
    assert codes(late, 2022) == [("interval", 2022)]
    assert codes(late, 2025) == [("interval-overdue", 2022)]
    in_time = plan(adopted=2018, cadence={"rule": "intervall", "interval_years": 4}, revisions=[{"target": 2022}])
    assert codes(in_time, 2022) == [("planned", 2022)]


@pytest.mark.parametrize("rule", ["løpende", "ingen"])
def test_continuous_and_no_cadence_are_never_due_by_cadence(rule: str) -> None:
    assert codes(plan(adopted=2000, cadence={"rule": rule}), 2025) == []


def test_cadence_does_not_apply_before_the_plan_existed() -> None:
    assert codes(plan(adopted=2021, cadence={"rule": "årlig"}), 2019) == []


def test_a_plan_never_adopted_is_due_every_term_without_a_memory() -> None:
    assert codes(plan(status="utkast", cadence={"rule": "valgperiode"}), 2025) == [("term", 2027)]


# --- requirements: the law's cadence is inherited ------------------------------------------------


def test_defect_a_plan_inherits_its_requirements_cadence() -> None:
    """The overall beredskapsplan: no cadence of its own, a yearly duty in the law."""
    p = plan(adopted=dt.date(2022, 4, 22), requirements=["krav"])
    context = Context(requirements={"krav": requirement("årlig")})
    assert codes(p, 2025) == []  # without the requirement: never due
    reasons = engine.due_reasons(p, 2025, context)
    assert [(r.code, r.ground, r.requirements) for r in reasons] == [
        (ReasonCode.ANNUAL_MISSED, Ground.REQUIREMENT, ("krav",))
    ]
    assert reasons[0].text() == "årlig, ikke revidert på 2 år (sist 2022) – forskrift om kommunal beredskapsplikt § 4"


def test_the_stricter_of_the_plans_and_the_requirements_cadence_decides() -> None:
    context = Context(requirements={"krav": requirement("valgperiode")})
    yearly = plan(adopted=2024, cadence={"rule": "årlig"}, requirements=["krav"])
    assert [(r.code, r.ground) for r in engine.due_reasons(yearly, 2025, context)] == [
        (ReasonCode.ANNUAL, Ground.CADENCE)
    ]
    same = plan(adopted=2020, cadence={"rule": "valgperiode"}, requirements=["krav"])
    assert [r.ground for r in engine.due_reasons(same, 2025, context)] == [Ground.REQUIREMENT]  # said once


def test_a_requirements_view_keeps_the_schedule_validity_and_its_own_cadence() -> None:
    context = Context(requirements={"krav": requirement("valgperiode")})
    p = plan(adopted=2020, cadence={"rule": "årlig"}, valid_to=2022, requirements=["krav"])
    reasons = engine.due_reasons(p, 2025, context)
    assert {r.ground for r in reasons} == {Ground.CADENCE, Ground.VALIDITY, Ground.REQUIREMENT}
    assert {r.ground for r in engine.for_requirement(reasons, "krav")} == {Ground.VALIDITY, Ground.REQUIREMENT}


def test_english_reasons() -> None:
    from planstrategi import i18n

    i18n.set_language("en")
    assert Reason(ReasonCode.OVERDUE, 2024, Ground.SCHEDULE).text() == "overdue since 2024 – schedule"
    assert (
        Reason(ReasonCode.TERM_OVERDUE, 2024, Ground.REQUIREMENT, dt.date(2024, 10, 1), basis="pbl § 10-1").text()
        == "every council term, was due by 2024-10-01 – pbl § 10-1"
    )


# --- the revision table's marks -----------------------------------------------------------------


def test_marks_cover_the_work_years_and_show_what_is_late() -> None:
    p = plan(
        adopted=2015,
        revisions=[
            {"target": 2023, "state": "vedtatt"},
            {"target": 2024},
            {"work_from": 2025, "target": 2026, "state": "pågår"},
            {"target": 2031},
        ],
    )
    marks = engine.revision_marks(p, range(2023, 2028), 2025)
    assert marks == {2023: Mark.DONE, 2024: Mark.OVERDUE, 2025: Mark.IN_PROGRESS, 2026: Mark.PLANNED}


# --- properties ---------------------------------------------------------------------------------

targets = st.one_of(st.integers(2000, 2040), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
revisions = st.fixed_dictionaries(
    {"target": targets, "state": st.sampled_from(["planlagt", "pågår", "vedtatt", "utsatt", "avlyst"])},
    optional={"work_from": st.integers(1995, 2040)},
).map(lambda r: r | ({"decision": {"year": 2030}} if r["state"] in ("utsatt", "avlyst") else {}))
cadences = st.one_of(
    st.just({"rule": "årlig"}),
    st.just({"rule": "valgperiode"}),
    st.just({"rule": "valgperiode", "within_years": 1}),
    st.integers(1, 12).map(lambda n: {"rule": "intervall", "interval_years": n}),
    st.just({"rule": "løpende"}),
)
plans = st.builds(
    lambda adopted, cadence, revs, valid_to: plan(
        adopted=adopted, cadence=cadence, revisions=revs, **({"valid_to": valid_to} if valid_to else {})
    ),
    st.one_of(st.none(), targets),
    cadences,
    st.lists(revisions, max_size=4),
    st.one_of(st.none(), st.integers(2000, 2040)),
)


@given(plans, st.integers(2000, 2040), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
def test_reasons_are_sorted_by_urgency_and_each_names_its_ground(p: Plan, year: int, today: dt.date) -> None:
    reasons = engine.due_reasons(p, year, Context(today=today))
    assert [r.urgency for r in reasons] == sorted(r.urgency for r in reasons)
    for reason in reasons:
        assert reason.text().endswith(reason.ground_text())


@given(plans, st.integers(2001, 2040))
def test_adopting_every_pending_revision_leaves_nothing_overdue_on_the_schedule(p: Plan, year: int) -> None:
    decided = p.model_copy(
        update={"revisions": [r.model_copy(update={"state": "vedtatt"}) if r.pending else r for r in p.revisions]}
    )
    assert not [r for r in engine.due_reasons(decided, year) if r.ground is Ground.SCHEDULE]


def _late_on_schedule(p: Plan, year: int) -> bool:
    return any(r.urgency is Urgency.OVERDUE and r.ground is Ground.SCHEDULE for r in engine.due_reasons(p, year))


@given(plans, st.integers(2000, 2039))
def test_overdue_on_the_schedule_stays_overdue_until_decided(p: Plan, year: int) -> None:
    assert _late_on_schedule(p, year) <= _late_on_schedule(p, year + 1)


def test_two_requirements_saying_the_same_give_one_reason_naming_both_laws() -> None:
    budget = requirement("årlig")
    plan_law = Requirement.model_validate(
        budget.model_dump()
        | {"id": "handlingsdel", "legal_basis": [{"law": "plan- og bygningsloven", "section": "§ 11-1"}]}
    )
    context = Context(requirements={"krav": budget, "handlingsdel": plan_law})
    reasons = engine.due_reasons(plan(adopted=2023, requirements=["krav", "handlingsdel"]), 2025, context)
    assert [(r.code, r.requirements) for r in reasons] == [(ReasonCode.ANNUAL_MISSED, ("krav", "handlingsdel"))]
    assert reasons[0].text().endswith("– forskrift om kommunal beredskapsplikt § 4, plan- og bygningsloven § 11-1")
    assert engine.for_requirement(reasons, "handlingsdel") == reasons


def test_a_term_duty_is_not_met_by_a_revision_only_planned() -> None:
    duty = requirement("valgperiode")
    p = plan(adopted=2021, requirements=["krav"], revisions=[{"target": 2026}])
    context = Context(requirements={"krav": duty})
    assert codes(p, 2025, context) == []  # nothing to do in 2025: due stays silent
    assert [(r.code, r.year) for r in engine.unmet_term(p, 2025, context, duty)] == [(ReasonCode.TERM_SCHEDULED, 2026)]
    done = plan(adopted=2024, requirements=["krav"])
    assert engine.unmet_term(done, 2025, context, duty) == []


def test_a_plan_whose_revision_the_planning_strategy_decides_is_never_due_by_that_cadence() -> None:
    context = Context(requirements={"krav": requirement("planstrategi")})
    assert codes(plan(adopted=2008, requirements=["krav"]), 2025, context) == []


far = st.one_of(st.integers(1900, 2100), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))


@given(far, far, st.integers(1900, 2100), cadences)
def test_dates_far_outside_the_asked_years_do_not_break_the_rules(
    adopted: int | dt.date, target: int | dt.date, year: int, cadence: dict[str, Any]
) -> None:
    """An adoption in 1850 or a target in 2150 is data the model accepts; the engine must answer."""
    p = plan(adopted=adopted, cadence=cadence, revisions=[{"target": target}])
    engine.due_reasons(p, year, Context(requirements={"krav": requirement("valgperiode", within_years=1)}))
    engine.unmet_term(p, year, Context(), requirement("valgperiode"))
    engine.revision_marks(p, range(year, min(year + 4, 2100) + 1), year)
