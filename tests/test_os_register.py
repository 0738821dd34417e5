"""The bundled register in data/: Os kommune's plan overview from its planstrategi 2024–2027.

These tests pin the facts transcribed from the seed (the planning strategy's text, §1.1–§1.6 and
appendices 2 and 3). They read the YAML with ``yaml.safe_load`` and validate with the models
directly, so they do not depend on the register loader.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan, RevisionState, Status

DATA = Path(__file__).resolve().parent.parent / "data"
PLAN_FILES = sorted((DATA / "plans").glob("*.yaml"))
GOAL_FILES = sorted((DATA / "goals").glob("*.yaml"))
PLAN_HEADER = "# yaml-language-server: $schema=../../schemas/plan.schema.json"
GOALS_HEADER = "# yaml-language-server: $schema=../../schemas/goals.schema.json"

# Rows of appendix 2 ("Vedlegg - tabell over planer, strategier og reglementer"), per group.
EXPECTED_PLANS_PER_CATEGORY = {
    # Politisk delegeringsreglement; Reglement for saksbehandling i politiske organ; Etisk reglement
    "politisk-styring": 3,
    # Os kommunes bruk av sosiale medier; Kommunikasjonsstrategi
    "kommunikasjon": 2,
    # Personalhåndbok (its remark runs on to "… arbeidstøy oppdatert juni 2023");
    # Lederprinsipper og arbeidsoppgaver
    "arbeidsgiverpolitikken": 2,
    # Samfunnsdel i OS 2015-2025; Kommuneplanens arealdel – revisjon; Økonomiplan og årsbudsjett
    "kommuneplan-og-okonomiplan": 3,
    # Barne- og ungdomsplan; BTI-strategi; Boligstrategi; Beredskapsplan and its four "*" sub-plans
    # (helsemessig og sosial beredskap, rednings- og beredskapsplan for omsorgstj., ROS-analyse brann
    # og redning, internkontroll og HMS for vann og avløp); Forvaltningsplan for verdensarven;
    # Folkehelseplan; Klima- og energiplan; Overordnet ROS-analyse; Oppvekstplan; Risiko- og
    # vesentlighetsvurderinger; Smittevernplan
    "samfunn-tverrfaglig": 15,
    # Eierskapsmelding; Handlingsplan for idrettsanlegg; Hovedplan for vann og avløp 2020-2025;
    # Idrett og friluftsliv 2016-2020; Kommunedelplan for avfall og miljø; Kulturminneplan;
    # Strategisk næringsplan inkl. landbruk; Saneringsplan for vann og avløp; Trafikksikkerhetsplan
    "samfunn-kultur-naering-teknisk": 9,
    # Alkoholpolitisk plan; Helse- og omsorgsplan; Rus og psykiatriplan 2017-20;
    # Regjeringens handlingsplan for forebygging av selvmord 2020-2025
    "helse-og-omsorg": 4,
    # Barnevern; Brann – forebyggende plan; IT strategi – Røros, Os og Holtålen
    "interkommunalt-roh": 3,
    # Landbruksplan ×3 (Os, Røros, Holtålen); Beitebruksplan ×3; Bestandsplan for hjortevilt ×3;
    # SMIL-tiltaksstrategier; Oppdatering forvaltningsplaner; Os – utvalgte kulturlandskap;
    # Os – retningslinjer for praktisering av jord- og konsesjonsloven
    "landbruk": 13,
    # Anskaffelsesreglement; Finansforvaltning; Retningslinjer for næringsfondet; Økonomireglementet
    "okonomi-reglementer": 4,
    # Etiske retningslinjer (Arbeidsreglement-etiske-regler.pdf); Retningslinjer for jordloven/konsesjonsloven
    "retningslinjer": 2,
}

# Files that are not rows of appendix 2: the planning strategy itself, which the appendix belongs to.
NOT_APPENDIX_ROWS = {"kommunal-planstrategi"}

# Exactly the rows of the §1.6 table "Revisjoner av overordna planer i perioden 2024-2027", so that
# `table --overarching` reproduces it (the arealdel is named only in the text below the table).
OVERARCHING = {
    "alkoholpolitisk-plan",
    "beredskapsplan",
    "eierskapsmelding",
    "folkehelseplan",
    "helse-og-omsorgsplan",
    "strategisk-naeringsplan",
    "kommuneplanens-samfunnsdel",
    "os-bestandsplan-for-hjortevilt",
    "rus-og-psykiatriplan",
    "smittevernplan",
}


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _plans() -> dict[str, Plan]:
    return {path.stem: Plan.model_validate(_load(path)) for path in PLAN_FILES}


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return _plans()


@pytest.fixture(scope="module")
def municipalities() -> MunicipalityFile:
    return MunicipalityFile.model_validate(_load(DATA / "municipalities.yaml"))


def _revision_years(plan: Plan) -> list[int]:
    return [r.year for r in plan.revisions]


# --- every file is valid -------------------------------------------------------------------------


def test_categories_file_validates_in_order() -> None:
    categories = CategoryFile.model_validate(_load(DATA / "categories.yaml")).categories
    assert [c.id for c in categories] == list(EXPECTED_PLANS_PER_CATEGORY)
    assert categories[0].name == "Politisk styring"
    assert categories[-1].name == "Retningslinjer"


def test_municipalities_file_validates(municipalities: MunicipalityFile) -> None:
    assert municipalities.home == "3430"
    assert {m.number: m.name for m in municipalities.municipalities} == {
        "3430": "Os",
        "5025": "Røros",
        "5026": "Holtålen",
    }


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_plan_file_validates_and_id_is_stem(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == PLAN_HEADER
    plan = Plan.model_validate(_load(path))
    assert plan.id == path.stem


@pytest.mark.parametrize("path", GOAL_FILES, ids=lambda p: p.stem)
def test_goal_file_validates_and_names_its_plan(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == GOALS_HEADER
    goals = GoalSet.model_validate(_load(path))
    assert goals.plan == path.stem
    assert (DATA / "plans" / f"{goals.plan}.yaml").exists()


def test_references_between_files_resolve(plans: dict[str, Plan], municipalities: MunicipalityFile) -> None:
    categories = {c.id for c in CategoryFile.model_validate(_load(DATA / "categories.yaml")).categories}
    numbers = {m.number for m in municipalities.municipalities}
    for plan in plans.values():
        assert plan.category in categories, plan.id
        assert {plan.municipality, *plan.partners, *([plan.host] if plan.host else [])} <= numbers, plan.id
        assert plan.part_of is None or plan.part_of in plans, plan.id


# --- counts --------------------------------------------------------------------------------------


def test_one_plan_per_row_of_appendix_2(plans: dict[str, Plan]) -> None:
    rows = [p for p in plans.values() if p.id not in NOT_APPENDIX_ROWS]
    assert Counter(p.category for p in rows) == EXPECTED_PLANS_PER_CATEGORY
    assert len(rows) == 60


def test_beredskapsplan_sub_plans(plans: dict[str, Plan]) -> None:
    subs = {p.id for p in plans.values() if p.part_of == "beredskapsplan"}
    assert subs == {
        "plan-for-helsemessig-og-sosial-beredskap",
        "rednings-og-beredskapsplan-for-omsorgstjenesten",
        "ros-analyse-brann-og-redning",
        "internkontroll-og-hms-for-vann-og-avlop",
    }


def test_landbruk_rows_per_municipality(plans: dict[str, Plan]) -> None:
    landbruk = [p for p in plans.values() if p.category == "landbruk"]
    assert Counter(p.municipality for p in landbruk) == {"3430": 7, "5025": 3, "5026": 3}
    assert all(p.host == "3430" for p in landbruk)  # "Os er vertskommune"


# --- spot checks ---------------------------------------------------------------------------------


def test_overarching_set_is_the_section_1_6_plans(plans: dict[str, Plan]) -> None:
    assert {p.id for p in plans.values() if p.overarching} == OVERARCHING


def test_eierskapsmelding_postponed_to_2026(plans: dict[str, Plan]) -> None:
    plan = plans["eierskapsmelding"]
    assert _revision_years(plan) == [2026]
    assert plan.adopted == 2021
    assert [d.case for d in plan.decisions if d.case] == ["28/21"]
    assert any(d.date == dt.date(2024, 1, 25) and d.body == "kommunestyret" for d in plan.decisions)


def test_naeringsplan_reviewed_2024(plans: dict[str, Plan]) -> None:
    plan = plans["strategisk-naeringsplan"]
    assert _revision_years(plan) == [2024]
    assert plan.adopted == dt.date(2021, 11, 18)


def _work(plan: Plan) -> list[tuple[int, int]]:
    """Each revision as (first work year, target year): "Revideres i 24 og 25" is one, (2024, 2025)."""
    return [(r.first_work_year, r.year) for r in plan.revisions]


def test_samfunnsdel_revised_2024_and_2025(plans: dict[str, Plan]) -> None:
    plan = plans["kommuneplanens-samfunnsdel"]
    assert _work(plan) == [(2024, 2025)]
    assert (plan.adopted, plan.valid_from, plan.valid_to) == (2015, 2015, 2025)


def test_health_and_drugs_plans_revised_together_from_2025(plans: dict[str, Plan]) -> None:
    assert _work(plans["helse-og-omsorgsplan"]) == [(2025, 2026)]
    assert _work(plans["rus-og-psykiatriplan"]) == [(2025, 2026)]


def test_rus_og_psykiatriplan_case_and_period(plans: dict[str, Plan]) -> None:
    plan = plans["rus-og-psykiatriplan"]
    assert [d.case for d in plan.decisions] == ["41/17"]
    assert (plan.adopted, plan.valid_from, plan.valid_to) == (2017, 2017, 2020)


def test_okonomireglement_case_and_date(plans: dict[str, Plan]) -> None:
    plan = plans["okonomireglement"]
    assert plan.adopted == dt.date(2022, 6, 23)
    assert [(d.case, d.date) for d in plan.decisions] == [("22/363", dt.date(2022, 6, 23))]


def test_other_overarching_revision_years(plans: dict[str, Plan]) -> None:
    assert _revision_years(plans["alkoholpolitisk-plan"]) == [2024]
    assert _revision_years(plans["beredskapsplan"]) == [2026]
    assert _revision_years(plans["folkehelseplan"]) == [2026]
    assert _revision_years(plans["smittevernplan"]) == [2025]
    # 2024: the Vedtatt column's "2024" (seed line 725), read as the expected adoption, as on every
    # row whose Vedtatt column says 2024 (§1.6, seed lines 409-411); 2025: §1.6 (seed line 403).
    assert _revision_years(plans["os-bestandsplan-for-hjortevilt"]) == [2024, 2025]


def test_plans_in_their_final_phase(plans: dict[str, Plan]) -> None:
    # §1.6: arealdel, trafikksikkerhetsplan and Os' beitebruksplan come to the council in 2024.
    for plan_id in ("kommuneplanens-arealdel", "trafikksikkerhetsplan", "os-beitebruksplan"):
        plan = plans[plan_id]
        assert any(r.year == 2024 and r.state is RevisionState.PAGAR for r in plan.revisions), plan_id
        assert plan.adopted is None or plan_id == "kommuneplanens-arealdel"
    assert plans["trafikksikkerhetsplan"].status is Status.UTKAST
    assert plans["kommuneplanens-arealdel"].status is Status.UNDER_REVISJON
    assert plans["kommuneplanens-arealdel"].adopted == 2008


def test_vedtatt_2024_is_read_as_an_expected_adoption(plans: dict[str, Plan]) -> None:
    # Every row whose Vedtatt column says 2024 (seed lines 718, 723, 725, 734) is read one way: the
    # strategy was written for the council of 25.01.2024 and §1.6 (seed lines 409-411) still sends
    # the Os beitebruksplan to the council in 2024, so 2024 is a target, not an adoption.
    for plan_id in (
        "os-beitebruksplan",
        "holtalen-beitebruksplan",
        "os-bestandsplan-for-hjortevilt",
        "smil-tiltaksstrategier",
    ):
        plan = plans[plan_id]
        assert plan.adopted is None, plan_id
        assert any(r.year == 2024 for r in plan.revisions), plan_id
    # "2024  x x     Under arbeid" (seed line 718): one piece of work, 23-24, adopted in 2024 (§1.6).
    assert _work(plans["os-beitebruksplan"]) == [(2023, 2024)]
    assert _revision_years(plans["holtalen-beitebruksplan"]) == [2024, 2025]  # x spaced as hjortevilt's 25


def test_only_recorded_revisions_are_vedtatt(plans: dict[str, Plan]) -> None:
    done = {(p.id, r.year) for p in plans.values() for r in p.revisions if r.state is RevisionState.VEDTATT}
    assert done == {
        ("retningslinjer-jordloven-konsesjonsloven", 2023),
        ("okonomiplan-og-arsbudsjett", 2023),
        ("handlingsplan-for-idrettsanlegg", 2023),  # the legend's "er behandlet", marked inferred
    }
    assert "revisions" in plans["handlingsplan-for-idrettsanlegg"].inferred


def test_inferences_are_marked_in_the_data_not_only_in_comments(plans: dict[str, Plan]) -> None:
    assert {p.id: [f.value for f in p.inferred] for p in plans.values() if p.inferred} == {
        "kommunal-planstrategi": ["adopted", "adopted_by"],
        "handlingsplan-for-idrettsanlegg": ["revisions"],
        # "Vedtatt 2024" read as the expected adoption, not a done one (§1.6, seed lines 409-411),
        # and status kept gjeldende without a dated version (seed lines 718, 723, 725, 734)
        "os-beitebruksplan": ["revisions"],  # x x read as 23-24 (seed line 718)
        "holtalen-beitebruksplan": ["revisions", "status"],  # x read as 25 (seed line 723)
        "os-bestandsplan-for-hjortevilt": ["revisions", "status"],
        "smil-tiltaksstrategier": ["revisions", "status"],
        # years from the spacing of the extracted text (seed lines 568, 777)
        "forvaltningsplan-for-verdensarven": ["revisions"],
        "etiske-retningslinjer": ["revisions"],
    }


def test_the_overview_keeps_the_appendix_order_with_the_beredskapsplan_parts_under_it() -> None:
    from planstrategi.rules import query
    from planstrategi.store import register

    loaded = register.load(Path(__file__).resolve().parent.parent / "data")
    order = [p.id for p in query.select(loaded, query.Filters(category="samfunn-tverrfaglig"))]
    assert order[:9] == [
        "barne-og-ungdomsplan",
        "bti-strategi",
        "boligstrategi",
        "beredskapsplan",
        "plan-for-helsemessig-og-sosial-beredskap",
        "rednings-og-beredskapsplan-for-omsorgstjenesten",
        "ros-analyse-brann-og-redning",
        "internkontroll-og-hms-for-vann-og-avlop",
        "forvaltningsplan-for-verdensarven",
    ]


def test_case_numbers(plans: dict[str, Plan]) -> None:
    cases = {p.id: sorted(d.case for d in p.decisions if d.case) for p in plans.values() if p.decisions}
    assert cases["folkehelseplan"] == ["2/21"]
    assert cases["hovedplan-for-vann-og-avlop"] == ["11/21"]
    assert cases["kulturminneplan"] == ["1/21"]
    assert cases["saneringsplan-for-vann-og-avlop"] == ["30/21"]
    assert cases["finansforvaltning"] == ["24/21"]
    assert cases["retningslinjer-for-naeringsfondet"] == ["14/21"]
    assert cases["it-strategi"] == ["19/19"]


def test_adopted_dates_and_bodies(plans: dict[str, Plan]) -> None:
    assert plans["klima-og-energiplan"].adopted == dt.date(2023, 9, 21)
    assert plans["klima-og-energiplan"].adopted_by == "kommunestyret"
    assert plans["beredskapsplan"].adopted == dt.date(2022, 4, 22)
    assert plans["it-strategi"].adopted == dt.date(2019, 4, 25)
    assert plans["bruk-av-sosiale-medier"].adopted_by == "administrativt"
    assert plans["kommunikasjonsstrategi"].adopted_by == "administrativt"
    assert plans["trafikksikkerhetsplan"].adopted is None
    assert plans["etisk-reglement"].adopted is None


def test_cadences(plans: dict[str, Plan]) -> None:
    rules = {p.id: p.cadence.rule.value for p in plans.values() if p.cadence.rule.value != "ingen"}
    assert rules == {
        "politisk-delegeringsreglement": "valgperiode",
        "reglement-for-saksbehandling-i-politiske-organ": "valgperiode",
        "etisk-reglement": "valgperiode",
        "personalhandbok": "løpende",
        "okonomiplan-og-arsbudsjett": "årlig",
        "handlingsplan-for-idrettsanlegg": "årlig",
        "beredskapsplan": "årlig",  # forskrift om kommunal beredskapsplikt § 4
        "kommunal-planstrategi": "årlig",  # §1.3: updated every year with the budget
    }
    assert _revision_years(plans["okonomiplan-og-arsbudsjett"]) == [2023, 2024, 2025, 2026, 2027]


def test_national_suicide_prevention_plan(plans: dict[str, Plan]) -> None:
    plan = plans["handlingsplan-forebygging-av-selvmord"]
    assert plan.adopted_by == "staten"
    assert (plan.valid_from, plan.valid_to) == (2020, 2025)


def test_interkommunale_partners(plans: dict[str, Plan]) -> None:
    for plan_id in ("it-strategi", "barnevern-oppvekstplan", "smil-tiltaksstrategier"):
        assert sorted(plans[plan_id].partners) == ["5025", "5026"], plan_id


def test_responsible_from_remarks(plans: dict[str, Plan]) -> None:
    assert plans["risiko-og-vesentlighetsvurderinger"].responsible == "Kontrollutvalget"
    assert plans["kommunedelplan-for-avfall-og-miljo"].responsible == "FIAS"
    assert plans["brann-forebyggende-plan"].responsible == "Røros kommune"


def test_population_and_projections(municipalities: MunicipalityFile) -> None:
    os_ = next(m for m in municipalities.municipalities if m.number == "3430")
    assert os_.population == 1870
    assert os_.county == "Innlandet"
    assert {(p.year, p.population, p.source) for p in os_.projections} == {(2030, 1774, "SSB"), (2050, 1715, "SSB")}


def test_cooperations(municipalities: MunicipalityFile) -> None:
    coop = {c.id: c for c in municipalities.cooperations}
    hosted = [c for c in coop.values() if c.kind == "vertskommune" and c.region is None]
    assert {c.id for c in hosted} == {
        "brann-og-redning",
        "barnevern",
        "nav",
        "legevakt",
        "ima",
        "regnskap",
        "lonn",
        "landbruk",
    }
    assert {c.id for c in hosted if c.host} == {"landbruk"}
    assert coop["landbruk"].host == "3430"
    assert coop["ppt"].region == "Nord-Østerdal"
    assert coop["digitaliseringsstrategi"].kind == "felles-strategi"
    assert sum(c.kind == "avtale" for c in coop.values()) == 10


# --- goals ---------------------------------------------------------------------------------------


def _goals(plan_id: str) -> GoalSet:
    return GoalSet.model_validate(_load(DATA / "goals" / f"{plan_id}.yaml"))


def test_klima_target_minus_33_percent_2021_to_2030() -> None:
    goal = next(g for g in _goals("klima-og-energiplan").goals if g.title == "Utslippsreduksjon")
    (target,) = goal.targets
    assert (target.comparison.value, target.value, target.unit) == ("endring", -33, "%")
    assert (target.baseline_year, target.target_year) == (2021, 2030)


def test_klima_handlingsprogram_has_twelve_areas() -> None:
    goal = next(g for g in _goals("klima-og-energiplan").goals if g.title == "Handlingsprogram")
    assert len(goal.measures) == 12


def test_naeringsplan_jobs_target_and_action_programme() -> None:
    goals = _goals("strategisk-naeringsplan").goals
    assert goals[0].targets[0].value == 8
    assert goals[0].targets[0].comparison.value == "minst"
    measures = [m for g in goals for m in g.measures]
    assert {m.status for m in measures if m.status} == {"Gjennomført i 2023", "Vedtatt i 2023", "Det jobbes med dette"}


def test_goal_counts() -> None:
    assert len(_goals("kommuneplanens-samfunnsdel").goals) == 4
    assert len(_goals("helse-og-omsorgsplan").goals) == 7
    assert len(_goals("hovedplan-for-vann-og-avlop").goals) == 4
    assert len(_goals("kulturminneplan").goals) == 3
    assert [g.title for g in _goals("folkehelseplan").goals][4:] == [
        "Leve hele livet",
        "Fysisk aktivitet",
        "Redusere ulykker",
        "Forhindre alkoholmisbruk",
    ]
