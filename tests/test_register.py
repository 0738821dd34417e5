"""The register: every file loaded, problems gathered across files, checks that span files,
warnings that depend on the date, and the order problems are reported in."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from planstrategi.model.problems import Problem, Severity, has_errors
from planstrategi.store import register as reg

PLAN = 'id: {id}\ntitle: T\ncategory: helse-og-omsorg\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'


def codes(register: reg.Register) -> list[tuple[str, int, str]]:
    root = register.root
    return [(str(Path(p.path).relative_to(root)), p.line, p.code) for p in register.sorted_problems()]


def write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_the_base_register_is_valid(base_register: Path) -> None:
    register = reg.load(base_register, as_of=dt.date(2025, 1, 1))
    assert register.problems == []
    assert set(register.plans) == {"delegeringsreglement", "helseplan"}
    assert set(register.goals) == {"helseplan"}
    assert register.files == 5
    assert register.category_order() == ["politisk-styring", "helse-og-omsorg"]
    assert register.municipality_name("5025") == "Røros"


def test_a_bad_file_does_not_stop_the_others(base_register: Path) -> None:
    write(base_register, "plans/a-broken.yaml", "id: [\n")
    write(base_register, "plans/b-valid.yaml", PLAN.format(id="b-valid"))
    write(base_register, "plans/c-broken.yaml", "id: c\ntitle: no\n")
    register = reg.load(base_register)
    assert set(register.plans) == {"b-valid", "delegeringsreglement", "helseplan"}
    assert [(path, code) for path, _, code in codes(register)] == [
        ("plans/a-broken.yaml", "yaml-syntax"),
        *[("plans/c-broken.yaml", "missing-key")] * 4,
        ("plans/c-broken.yaml", "truthy"),
    ]
    assert register.files == 8


def test_a_loader_problem_keeps_the_file_out_even_if_the_model_would_accept_it(base_register: Path) -> None:
    write(base_register, "plans/dobbel.yaml", PLAN.format(id="dobbel") + "title: T2\n")
    register = reg.load(base_register)
    assert "dobbel" not in register.plans
    assert codes(register) == [("plans/dobbel.yaml", 7, "duplicate-key")]


@pytest.mark.parametrize("name", ["categories.yaml", "municipalities.yaml"])
def test_missing_top_level_file(base_register: Path, name: str) -> None:
    (base_register / name).unlink()
    register = reg.load(base_register)
    assert codes(register) == [(name, 0, "missing-file")]
    assert set(register.plans) == {"delegeringsreglement", "helseplan"}  # and no unknown-category noise


def test_unknown_plan_suggests_the_close_one(base_register: Path) -> None:
    write(base_register, "plans/del.yaml", PLAN.format(id="del") + "part_of: helseplann\nsuperseded_by: ny-plan\n")
    register = reg.load(base_register)
    assert codes(register) == [("plans/del.yaml", 7, "unknown-plan"), ("plans/del.yaml", 8, "unknown-plan")]
    first, second = register.sorted_problems()
    assert first.message == (
        "«part_of» viser til planen «helseplann», som ikke finnes i plans/; rett id-en eller legg til planen; "
        "mente du «helseplan»?"
    )
    assert second.message.endswith("rett id-en eller legg til planen")


def test_unknown_municipality_as_host_and_partner(base_register: Path) -> None:
    write(base_register, "plans/ikt.yaml", PLAN.format(id="ikt") + 'host: "3401"\npartners: ["5025", "3401"]\n')
    assert codes(reg.load(base_register)) == [
        ("plans/ikt.yaml", 7, "unknown-municipality"),
        ("plans/ikt.yaml", 8, "unknown-municipality"),
    ]


def test_two_goals_files_for_one_plan(base_register: Path) -> None:
    shutil.copy(base_register / "goals" / "helseplan.yaml", base_register / "goals" / "helseplan-2.yaml")
    register = reg.load(base_register)
    # goals/helseplan-2.yaml sorts first and is kept; the second file is the one reported.
    assert codes(register) == [("goals/helseplan.yaml", 1, "duplicate-goals")]
    assert "goals/helseplan-2.yaml" in register.problems[0].message


@pytest.mark.parametrize("copy", ["aaa", "helseplan-kopi", "zzz"])
def test_a_misnamed_copy_is_blamed_whichever_sorts_first(base_register: Path, copy: str) -> None:
    shutil.copy(base_register / "plans" / "helseplan.yaml", base_register / "plans" / f"{copy}.yaml")
    register = reg.load(base_register)
    assert codes(register) == [(f"plans/{copy}.yaml", 1, "duplicate-id"), (f"plans/{copy}.yaml", 1, "id-mismatch")]
    assert register.plan_paths["helseplan"].name == "helseplan.yaml"
    duplicate, mismatch = register.sorted_problems()
    assert duplicate.message.startswith("id «helseplan» er også brukt i ")
    assert duplicate.message.endswith("plans/helseplan.yaml; hver plan må ha sin egen id")
    assert mismatch.message == (
        f"id «helseplan» er ikke lik filnavnet «{copy}», og helseplan.yaml finnes fra før; sett id: {copy}, "
        "eller slett filen hvis den er en kopi"
    )


def test_two_misnamed_files_with_one_id(base_register: Path) -> None:
    write(base_register, "plans/a.yaml", PLAN.format(id="c"))
    write(base_register, "plans/b.yaml", PLAN.format(id="c"))
    register = reg.load(base_register)
    assert codes(register) == [
        ("plans/a.yaml", 1, "id-mismatch"),
        ("plans/b.yaml", 1, "duplicate-id"),
        ("plans/b.yaml", 1, "id-mismatch"),
    ]
    assert register.problems[0].message == "id «c» er ikke lik filnavnet «a»; gi filen navnet c.yaml eller sett id: a"


# --- warnings that depend on the date --------------------------------------------------------


def test_expired_without_a_planned_revision_is_a_warning(base_register: Path) -> None:
    write(base_register, "plans/gammel.yaml", PLAN.format(id="gammel") + "valid_to: 2020\n")
    register = reg.load(base_register, as_of=dt.date(2025, 3, 1))
    [problem] = register.problems
    assert (problem.line, problem.code, problem.severity) == (7, "expired-unplanned", Severity.WARNING)
    assert not has_errors(register.problems)
    assert has_errors(register.problems, strict=True)


def test_no_date_no_date_warnings(base_register: Path) -> None:
    write(base_register, "plans/gammel.yaml", PLAN.format(id="gammel") + "valid_to: 2020\n")
    assert reg.load(base_register).problems == []


@pytest.mark.parametrize(
    "extra",
    ["valid_to: 2025\n", "valid_to: 2020\nrevisions:\n  - target: 2026\n", "valid_to: 2020\nstatus: utgått\n"],
)
def test_not_expired_or_taken_care_of(base_register: Path, extra: str) -> None:
    text = PLAN.format(id="gammel") + extra
    if "status: utgått" in extra:
        text = text.replace("status: gjeldende\n", "")
    write(base_register, "plans/gammel.yaml", text)
    assert reg.load(base_register, as_of=dt.date(2025, 3, 1)).problems == []


# --- order, paths, the register folder -------------------------------------------------------


def test_problems_sort_by_file_then_position_then_code() -> None:
    def problem(path: str, line: int, column: int, code: str) -> Problem:
        return Problem(path, line, column, Severity.ERROR, code, "m")

    shuffled = [
        problem("plans/b.yaml", 1, 1, "a"),
        problem("plans/a.yaml", 10, 1, "a"),
        problem("plans/a.yaml", 2, 5, "a"),
        problem("plans/a.yaml", 2, 1, "z"),
        problem("plans/a.yaml", 2, 1, "b"),
        problem("plans/a.yaml", 0, 0, "missing-file"),
        problem("goals/a.yaml", 3, 1, "a"),
    ]
    register = reg.Register(root=Path("."), problems=shuffled)
    assert [(p.path, p.line, p.column, p.code) for p in register.sorted_problems()] == [
        ("goals/a.yaml", 3, 1, "a"),
        ("plans/a.yaml", 0, 0, "missing-file"),
        ("plans/a.yaml", 2, 1, "b"),
        ("plans/a.yaml", 2, 1, "z"),
        ("plans/a.yaml", 2, 5, "a"),
        ("plans/a.yaml", 10, 1, "a"),
        ("plans/b.yaml", 1, 1, "a"),
    ]


def test_display_path_is_relative_inside_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert reg.display_path(tmp_path / "data" / "plans" / "x.yaml") == os.path.join("data", "plans", "x.yaml")
    assert reg.display_path(Path("/elsewhere/x.yaml")) == "/elsewhere/x.yaml"


def test_display_path_escapes_control_characters() -> None:
    assert reg.display_path(Path("plans/a\n::error file=x::pwned.yaml")) == "plans/a\\n::error file=x::pwned.yaml"
    assert reg.display_path(Path("plans/\x1b[31mred.yaml")) == "plans/\\x1b[31mred.yaml"


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX thing")
def test_file_name_that_is_not_utf8(base_register: Path) -> None:
    name = os.fsdecode(b"plans/b\xff.yaml")
    write(base_register, name, PLAN.format(id="b"))
    [problem] = reg.load(base_register).problems
    assert problem.code == "id-mismatch"
    assert problem.path.endswith("plans/b\\udcff.yaml")
    problem.path.encode("utf-8")  # printable: no lone surrogate left to crash the output


def test_resolve_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(reg.RegisterNotFound):
        reg.resolve_root(None)  # no ./data here
    (tmp_path / "data").mkdir()
    (tmp_path / "other").mkdir()
    assert reg.resolve_root(None) == Path("data")
    monkeypatch.setenv("PLANSTRATEGI_DATA", str(tmp_path / "other"))
    assert reg.resolve_root(None) == tmp_path / "other"
    assert reg.resolve_root(Path("data")) == Path("data")  # --data beats the environment
    with pytest.raises(reg.RegisterNotFound) as caught:
        reg.resolve_root(Path("missing"))
    assert caught.value.path == Path("missing")


def test_a_yml_file_is_not_silently_ignored(base_register: Path) -> None:
    shutil.copyfile(base_register / "plans" / "helseplan.yaml", base_register / "plans" / "kopi.yml")
    write(base_register, "goals/notat.txt", "husk å oppdatere\n")
    write(base_register, "plans/.gitkeep", "")
    register = reg.load(base_register)
    assert codes(register) == [("goals/notat.txt", 0, "ignored-file"), ("plans/kopi.yml", 0, "ignored-file")]
    assert all(p.severity is Severity.WARNING for p in register.problems)
    assert "kopi.yaml" in register.sorted_problems()[1].message
    assert not has_errors(register.problems) and has_errors(register.problems, strict=True)


def test_a_revision_that_contradicts_itself_is_an_error_but_the_plan_stays_known(base_register: Path) -> None:
    """The goals of a plan with a self-contradicting revision are not reported as orphans."""
    path = base_register / "plans" / "helseplan.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - target: 2027\n    state: avlyst\n", encoding="utf-8")
    register = reg.load(base_register)
    assert [c for _, _, c in codes(register)] == ["decision-missing"]
    assert "helseplan" in register.plans


# --- issue #15: a file that fails to load is still known by its id ---


def test_a_broken_plan_is_known_by_its_file_name_and_references_to_it_are_not_reported(base_register: Path) -> None:
    write(base_register, "plans/helseplan.yaml", 'id: helseplan\ntitle: "Helse\ncategory: helse-og-omsorg\n')
    write(base_register, "plans/del.yaml", PLAN.format(id="del") + "part_of: helseplan\nsupersedes: [helseplan]\n")
    register = reg.load(base_register)
    assert register.broken == {"helseplan": str(base_register / "plans" / "helseplan.yaml")}
    assert "helseplan" not in register.plans
    # The goals of helseplan and del's two references would each have said "does not exist".
    assert [code for _, _, code in codes(register)] == ["yaml-syntax"]


def test_a_reference_to_a_plan_that_really_is_missing_is_still_reported(base_register: Path) -> None:
    write(base_register, "plans/helseplan.yaml", "id: [\n")
    write(base_register, "plans/del.yaml", PLAN.format(id="del") + "part_of: helseplann\n")
    register = reg.load(base_register)
    assert codes(register) == [("plans/del.yaml", 7, "unknown-plan"), ("plans/helseplan.yaml", 2, "yaml-syntax")]


def test_a_broken_requirements_file_does_not_make_every_requirement_unknown(base_register: Path) -> None:
    write(base_register, "requirements.yaml", "requirements: [\n")
    write(base_register, "plans/del.yaml", PLAN.format(id="del") + "requirements: [kommunal-planstrategi]\n")
    register = reg.load(base_register)
    assert [(path, code) for path, _, code in codes(register)] == [("requirements.yaml", "yaml-syntax")]


# --- issue #20: the shared files' lists hold each id once ---


def test_a_group_listed_twice_names_the_first_line(base_register: Path) -> None:
    text = (base_register / "categories.yaml").read_text(encoding="utf-8")
    write(base_register, "categories.yaml", text + "  - id: helse-og-omsorg\n    name: Helse\n")
    register = reg.load(base_register)
    [problem] = register.problems
    assert (problem.path, problem.line, problem.column, problem.code) == (
        str(base_register / "categories.yaml"),
        8,
        9,
        "duplicate-category",
    )
    assert problem.message == "gruppen «helse-og-omsorg» står allerede på linje 5; hver gruppe må ha sin egen id"
    assert register.category_order() == ["politisk-styring", "helse-og-omsorg", "helse-og-omsorg"]  # still loaded


def test_a_municipality_listed_twice_and_a_home_not_listed(base_register: Path) -> None:
    text = 'home: "3431"\nmunicipalities:\n  - number: "3430"\n    name: Os\n  - number: "3430"\n    name: Os\n'
    write(base_register, "municipalities.yaml", text)
    register = reg.load(base_register)
    assert codes(register)[:2] == [
        ("municipalities.yaml", 1, "unknown-municipality"),
        ("municipalities.yaml", 5, "duplicate-municipality"),
    ]
    messages = [p.message for p in register.sorted_problems()]
    assert messages[0].startswith("hjemkommunen «3431» står ikke blant kommunene i denne filen")
    assert messages[1] == "kommunenummer «3430» står allerede på linje 3; hver kommune skal stå bare én gang"


# --- issue #15: finding the register like git finds a repository ---


def test_the_register_is_found_from_inside_it_and_from_a_sibling_folder(
    base_register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (base_register.parent / ".git").mkdir()  # the repository holding data/
    (base_register.parent / "docs").mkdir()
    for start in (base_register / "plans", base_register / "goals", base_register.parent / "docs"):
        monkeypatch.chdir(start)
        assert reg.resolve_root(None) == base_register
    monkeypatch.chdir(base_register.parent)
    assert reg.resolve_root(None) == Path("data")  # in the working folder: short paths, as before
    monkeypatch.chdir(base_register)
    assert reg.resolve_root(None) == Path(".")


def test_the_walk_stops_at_the_top_of_the_git_repository(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = base_register.parent / "annet-prosjekt"
    (project / ".git").mkdir(parents=True)
    (project / "src").mkdir()
    monkeypatch.chdir(project / "src")
    with pytest.raises(reg.RegisterNotFound) as caught:
        reg.resolve_root(None)  # the register above the repository belongs to something else
    assert caught.value.message == (
        f"fant ikke noe register i {project / 'src'} eller mappene over den (til og med {project}). Et register er en "
        "mappe med plans/ og municipalities.yaml, eller en mappe med et slikt register i data/. Gå til registermappen "
        "med cd, eller oppgi den med --data MAPPE eller PLANSTRATEGI_DATA=MAPPE"
    )


def test_a_folder_of_plans_alone_is_not_a_register(base_register: Path) -> None:
    from planstrategi.store import discovery

    assert not discovery.is_register(base_register / "plans")
    assert discovery.is_register(base_register)
    assert reg.resolve_root(None, start=base_register / "plans") == base_register


def test_the_option_and_the_environment_come_before_the_walk(
    base_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "annet"
    other.mkdir()
    monkeypatch.chdir(base_register / "plans")
    monkeypatch.setenv("PLANSTRATEGI_DATA", str(other))
    assert reg.resolve_root(None) == other
    assert reg.resolve_root(base_register) == base_register
    monkeypatch.setenv("PLANSTRATEGI_DATA", str(tmp_path / "borte"))
    with pytest.raises(reg.RegisterNotFound) as caught:
        reg.resolve_root(None)
    assert caught.value.message.startswith(f"PLANSTRATEGI_DATA peker på «{tmp_path / 'borte'}», som ikke er en mappe")


def test_validate_from_inside_the_plans_folder(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from planstrategi.cli import app

    (base_register / "plans" / "helseplan.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.chdir(base_register / "plans")
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.startswith("helseplan.yaml:2:1: feil: YAML-syntaksfeil")  # relative to where we stand


def test_no_register_anywhere_is_a_usage_error_that_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from planstrategi.cli import app

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["due", "2025", "--lang", "en"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planstrategi: found no register in {tmp_path}, where the search stops")
    assert "--data DIR or PLANSTRATEGI_DATA=DIR" in result.stderr
