"""Model checking: each kind of pydantic error becomes one Problem with a code, a message in the
planner's words (Norwegian, or English with ``--lang en``) and the position of the key or value."""

from __future__ import annotations

import pytest

from planstrategi.i18n import set_language
from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan
from planstrategi.store import modelcheck, yamlio

PLAN = 'id: x\ntitle: T\ncategory: c\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'


def check(text: str, model: type = Plan) -> list[tuple[int, int, str, str]]:
    document = yamlio.parse(text, "f.yaml")
    instance, found = modelcheck.check(document, model)
    assert (instance is None) == bool(found)
    return [(p.line, p.column, p.code, p.message) for p in found]


def test_a_valid_plan_gives_the_model() -> None:
    instance, found = modelcheck.check(yamlio.parse(PLAN, "f.yaml"), Plan)
    assert found == []
    assert isinstance(instance, Plan) and instance.municipality == "3430"


def test_unknown_key_with_did_you_mean() -> None:
    assert check(PLAN + "remark: x\n") == [(7, 1, "unknown-key", "ukjent felt «remark»; mente du «remarks»?")]


def test_unknown_key_nested_suggests_from_the_nested_model() -> None:
    assert check(PLAN + "decisions:\n  - cas: 41/17\n") == [
        (8, 5, "unknown-key", "ukjent felt «cas»; mente du «case»?")
    ]


def test_unknown_key_with_nothing_close_lists_the_fields() -> None:
    [(line, column, code, message)] = check(PLAN + "cadence:\n  rule: ingen\n  zzz: 1\n")
    assert (line, column, code) == (9, 3, "unknown-key")
    assert message == "ukjent felt «zzz»; tillatte felt: rule, within_years, interval_years"


def test_a_key_that_is_a_number() -> None:
    [(line, column, code, message)] = check(PLAN + "2024: revidert\n")
    assert (line, column, code) == (7, 1, "unknown-key")
    assert message.startswith("ukjent felt «2024»; tillatte felt: id, title,")


def test_a_key_called_date_at_the_top_is_unknown_where_it_stands() -> None:
    assert check(PLAN + "date: 2017-06-22\n")[0][:3] == (7, 1, "unknown-key")


def test_a_field_called_date_keeps_its_name() -> None:
    # Pydantic also calls a union member "date"; the field of that name must not be dropped.
    assert check(PLAN + "decisions:\n  - date: 22. juni\n") == [
        (8, 11, "wrong-type", "«vedtak 1, dato» skal være en dato (ÅÅÅÅ-MM-DD), men er «22. juni»")
    ]


def test_missing_key_points_at_its_mapping() -> None:
    assert check(PLAN.replace("status: gjeldende\n", "")) == [
        (1, 1, "missing-key", "mangler det påkrevde feltet «status»; legg til en linje «status: …»")
    ]


def test_missing_key_in_a_list_item() -> None:
    text = 'home: "3430"\nmunicipalities:\n  - number: "3430"\n    name: Os\n  - name: Røros\n'
    assert [row[:3] for row in check(text, MunicipalityFile)] == [(5, 5, "missing-key")]


def test_wrong_type_for_text_suggests_quotes() -> None:
    assert check(PLAN.replace('"3430"', "3430")) == [
        (5, 15, "wrong-type", '«municipality» skal være tekst, men er 3430 (et heltall); skriv "3430" i anførselstegn')
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("valid_to: 2020.5\n", "«valid_to» skal være et årstall, men er 2020.5 (et tall)"),
        ('partners: "5025"\n', "«partners» skal være en liste (linjer som starter med «- »), men er «5025»"),
        ("cadence: valgperiode\n", "«cadence» skal være felt på formen «nøkkel: verdi», men er «valgperiode»"),
        ("overarching: 'no'\n", "«overarching» skal være true eller false, men er «no»"),
        ("responsible: [a]\n", "«responsible» skal være tekst, men er en liste (linjer som starter med «- »)"),
    ],
)
def test_wrong_type(extra: str, message: str) -> None:
    [(line, _, code, text)] = check(PLAN + extra)
    assert (line, code, text) == (7, "wrong-type", message)


def test_empty_required_text() -> None:
    assert check(PLAN.replace("title: T", "title:")) == [(2, 7, "wrong-type", "«title» skal være tekst, men er tom")]


def test_union_reports_once() -> None:
    # adopted is a year or a date: pydantic reports one error per member; the planner sees one.
    assert check(PLAN + "adopted: snart\n") == [
        (7, 10, "wrong-type", "«adopted» skal være et årstall eller en dato (ÅÅÅÅ-MM-DD), men er «snart»")
    ]


def test_union_with_a_year_out_of_range_says_so() -> None:
    assert check(PLAN + "adopted: 20250\n") == [
        (7, 10, "year-range", "«adopted» er 20250, men årstall må ligge mellom 1900 og 2100; sjekk for skrivefeil")
    ]


def test_date_with_a_time_of_day() -> None:
    [(_, _, code, message)] = check(PLAN + "adopted: 2017-06-22 10:00:00\n")
    assert code == "wrong-type"
    assert message.endswith("men er 2017-06-22 10:00:00 (dato med klokkeslett)")


def test_date_where_a_year_belongs() -> None:
    assert check(PLAN + "valid_from: 2021-06-17\n") == [
        (7, 13, "date-as-year", "«valid_from» leses som datoen 2021-06-17, men her skal det stå et årstall; skriv 2021")
    ]


def test_year_out_of_range_nested() -> None:
    assert check(PLAN + "revisions:\n  - year: 20250\n") == [
        (
            8,
            11,
            "year-range",
            "«revisjon 1, år» er 20250, men årstall må ligge mellom 1900 og 2100; sjekk for skrivefeil",
        )
    ]


@pytest.mark.parametrize(
    ("extra", "where", "message"),
    [
        (
            "kind: planen\n",
            (6, 7),  # the kind line moved to the end
            "«kind» har en ugyldig verdi «planen»: tillatte verdier: 'plan', 'kommuneplan', 'kommunedelplan', "
            "'temaplan', 'strategi', 'handlingsplan', 'reglement', 'retningslinje', 'melding', 'analyse', 'rutine', "
            "'vedtekt', 'avtale', 'budsjett'; mente du «plan»?",
        ),
        (
            "links: [ftp://x]\n",
            (7, 9),
            "«lenke 1» har en ugyldig verdi «ftp://x»: lenker må begynne med http://, https:// eller mailto:",
        ),
        (
            "partners: ['12']\n",
            (7, 12),
            "«samarbeidskommune 1» har en ugyldig verdi «12»: "
            'kommunenummer er fire sifre i anførselstegn, f.eks. "3430"',
        ),
        (
            "decisions:\n  - case: 41-17\n",
            (8, 11),
            '«vedtak 1, saksnummer» har en ugyldig verdi «41-17»: saksnummer skrives som løpenummer/år, f.eks. "41/17"',
        ),
        ("remarks: ' '\n", (7, 10), "«remarks» har en ugyldig verdi « »: teksten kan ikke være tom"),
        (
            "cadence:\n  rule: intervall\n  interval_years: 0\n",
            (9, 19),
            "«hyppighet, intervall» har en ugyldig verdi 0: må være minst 1",
        ),
        (
            "cadence:\n  rule: valgperiode\n  within_years: 9\n",
            (9, 17),
            "«hyppighet, innen år» har en ugyldig verdi 9: kan være høyst 4",
        ),
    ],
)
def test_invalid_value(extra: str, where: tuple[int, int], message: str) -> None:
    text = PLAN.replace("kind: plan\n", "") if extra.startswith("kind") else PLAN
    [(line, column, code, found)] = check(text + extra)
    assert ((line, column), code, found) == (where, "invalid-value", message)


def test_slug_rule() -> None:
    text = "categories:\n  - id: Helse\n    name: Helse\n"
    [(line, column, code, message)] = check(text, CategoryFile)
    assert (line, column, code) == (2, 9, "invalid-value")
    assert "små bokstaver a–z" in message


def test_empty_list_where_one_is_needed() -> None:
    assert check("plan: x\ngoals: []\n", GoalSet) == [
        (2, 8, "invalid-value", "«goals» har en ugyldig verdi []: må ha minst 1 element")
    ]


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("- a\n", "en liste (linjer som starter med «- »)"),
        ("bare tekst\n", "«bare tekst»"),
        ("2024\n", "2024 (et heltall)"),
    ],
)
def test_not_a_mapping(text: str, actual: str) -> None:
    assert check(text) == [
        (
            1,
            1,
            "not-a-mapping",
            f"filen skal inneholde felt på formen «nøkkel: verdi», men inneholder {actual}; "
            "skriv feltene på øverste nivå, uten «- » foran",
        )
    ]


def test_several_problems_in_one_file_all_come_back() -> None:
    text = PLAN.replace("kind: plan\n", "kind: planen\n").replace('"3430"', "3430") + "remark: x\n"
    assert [row[2] for row in check(text)] == ["invalid-value", "wrong-type", "unknown-key"]


def test_a_trap_the_loader_reported_is_not_reported_again() -> None:
    document = yamlio.parse(PLAN + "responsible: no\n", "f.yaml")
    instance, found = modelcheck.check(document, Plan)
    assert [p.code for p in document.problems] == ["truthy"]
    assert found == []  # "should be text, but is false" at the same place would only repeat it
    assert instance is None


def test_control_characters_in_a_value_are_escaped() -> None:
    [(_, _, _, message)] = check(PLAN.replace("kind: plan", 'kind: "\\e[31mplan\\nx"'))
    assert "\x1b" not in message and "\n" not in message
    assert "«\\x1b[31mplan\\nx»" in message


def test_deep_and_huge_values_make_short_messages() -> None:
    [(_, _, _, message)] = check(PLAN.replace("kind: plan", "kind: " + "[" * 90 + "]" * 90))
    assert "[[[[...]]]]" in message
    [(_, _, _, message)] = check(PLAN.replace("kind: plan", "kind: [" + ", ".join(["1"] * 5000) + "]"))
    assert len(message) < 400


def test_english() -> None:
    set_language("en")
    assert sorted(check(PLAN + "remark: x\nvalid_to: 20250\n")) == [
        (7, 1, "unknown-key", "unknown field 'remark'; did you mean 'remarks'?"),
        (8, 11, "year-range", "'valid_to' is 20250, but years must lie between 1900 and 2100; check for a typo"),
    ]


# --- issue #15: one problem per slip, in the planner's words ---


def test_a_misspelt_key_is_one_problem_with_the_field_it_means() -> None:
    text = PLAN.replace("category: c\n", "categroy: c\n")
    assert check(text) == [(3, 1, "unknown-key", "ukjent felt «categroy»; mente du «category»?")]


def test_a_norwegian_key_is_matched_to_its_field_through_the_glossary() -> None:
    text = PLAN.replace("title: T\n", "tittel: T\n") + "merknad: Se vedlegg\n"
    assert check(text) == [
        (2, 1, "unknown-key", "ukjent felt «tittel»; mente du «title»?"),
        (7, 1, "unknown-key", "ukjent felt «merknad»; mente du «remarks»?"),
    ]


def test_a_norwegian_key_inside_a_revision_is_matched_to_the_revision_s_field() -> None:
    assert check(PLAN + "revisions:\n  - frist: 2025\n")[0][2:] == (
        "unknown-key",
        "ukjent felt «frist»; mente du «target»?",
    )


def test_a_missing_key_not_covered_by_a_slip_is_still_reported() -> None:
    text = PLAN.replace("category: c\n", "").replace("title: T\n", "titel: T\n")
    assert [(line, code) for line, _, code, _ in check(text)] == [(1, "missing-key"), (2, "unknown-key")]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "adopted: 18.11.2021\n",
            "«adopted» skal være et årstall eller en dato (ÅÅÅÅ-MM-DD), men er «18.11.2021»; "
            "skriv datoen som 2021-11-18",
        ),
        (
            "decisions:\n  - date: 22. juni 2017\n",
            "«vedtak 1, dato» skal være en dato (ÅÅÅÅ-MM-DD), men er «22. juni 2017»; skriv datoen som 2017-06-22",
        ),
        (
            "valid_to: 31.12.2027\n",
            "«valid_to» skal være et årstall, men er «31.12.2027»; her skal det stå et årstall: skriv 2027",
        ),
        ("adopted: 31.02.2021\n", "«adopted» skal være et årstall eller en dato (ÅÅÅÅ-MM-DD), men er «31.02.2021»"),
        ("adopted: 18.11.21\n", "«adopted» skal være et årstall eller en dato (ÅÅÅÅ-MM-DD), men er «18.11.21»"),
    ],
)
def test_a_norwegian_date_is_offered_in_iso_form(extra: str, message: str) -> None:
    assert check(PLAN + extra)[0][3] == message


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("Gjeldende", "; skriv det med små bokstaver: gjeldende"),
        ("Under revisjon", "; skriv det som under-revisjon"),
        ("utgatt", "; mente du «utgått»?"),
        ("ukjent", ""),
    ],
)
def test_an_enum_value_near_an_allowed_one_says_how_to_write_it(value: str, hint: str) -> None:
    [(_, _, code, message)] = check(PLAN.replace("status: gjeldende", f"status: {value}"))
    assert code == "invalid-value"
    assert message == (
        f"«status» har en ugyldig verdi «{value}»: tillatte verdier: 'gjeldende', 'under-revisjon', 'utkast', "
        f"'utgått', 'erstattet'{hint}"
    )


def test_paths_are_named_in_the_planner_s_words_in_both_languages() -> None:
    text = PLAN + "revisions:\n  - target: 2025\n  - year: 20x\n"
    assert check(text)[0][3] == "«revisjon 2, år» skal være et årstall, men er «20x»"
    set_language("en")
    assert check(text)[0][3] == "'revision 2, year' should be a year, but is '20x'"


def test_a_deep_path_names_every_level() -> None:
    goals = "plan: x\ngoals:\n  - title: G\n    strategies:\n      - title: S\n        measures:\n"
    goals += "          - title: 5\n"
    assert check(goals, GoalSet)[0][3] == (
        '«mål 1, strategi 1, tiltak 1, tittel» skal være tekst, men er 5 (et heltall); skriv "5" i anførselstegn'
    )


def test_every_glossary_field_is_a_field_of_the_model() -> None:
    from planstrategi.model import glossary
    from planstrategi.model.catalogue import (
        Category,
        Cooperation,
        LegalBasis,
        Municipality,
        Projection,
        Requirement,
        RequirementFile,
        TermStart,
    )
    from planstrategi.model.common import Decision
    from planstrategi.model.goals import Goal, Measure, Strategy, Target
    from planstrategi.model.plan import Cadence, Revision

    models = [Plan, GoalSet, MunicipalityFile, CategoryFile, Revision, Decision, Cadence, Goal, Measure, Strategy]
    models += [Target, Cooperation, Projection, Requirement, TermStart, Category, LegalBasis, Municipality]
    models += [RequirementFile]
    fields = {name for model in models for name in model.model_fields} | {"year"}  # year: the 0.1 revision form
    assert {term.field for term in glossary.TERMS if term.field} <= fields
