"""The questions when some files are broken (issue #15): ``show`` names a broken plan's file
instead of saying no such plan exists, and the note on stderr names the files with errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

PLAN = 'id: {id}\ntitle: T\ncategory: helse-og-omsorg\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, [*args, "--data", str(root), "--as-of", "2025-03-01"], catch_exceptions=False, env={"COLUMNS": "100"}
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base register with helseplan.yaml spoilt: its municipality number unquoted."""
    monkeypatch.chdir(base_register.parent)
    path = base_register / "plans" / "helseplan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('municipality: "3430"', "municipality: 3430"), "utf-8")
    return base_register


def test_show_names_the_broken_file_instead_of_not_found(broken: Path) -> None:
    code, out, err = run(broken, "show", "helseplan")
    assert (code, out) == (1, "")
    assert err == (
        "planstrategi: filen data/plans/helseplan.yaml har feil, så planen «helseplan» kan ikke vises; "
        "kjør «planstrategi validate» for å se hva som må rettes\n"
    )


def test_show_of_a_broken_plan_in_english(broken: Path) -> None:
    _, _, err = run(broken, "show", "helseplan.yaml", "--lang", "en")
    assert err.startswith("planstrategi: the file data/plans/helseplan.yaml has errors, so the plan 'helseplan'")


def test_show_of_a_healthy_plan_notes_the_broken_one(broken: Path) -> None:
    code, out, err = run(broken, "show", "delegeringsreglement")
    assert code == 0 and "Politisk delegeringsreglement" in out
    assert "(data/plans/helseplan.yaml)" in err


@pytest.mark.parametrize("command", [["due", "2025"], ["overdue"], ["table"], ["list"]])
def test_the_note_names_the_broken_file(broken: Path, command: list[str]) -> None:
    code, _, err = run(broken, *command)
    assert code == 0
    assert err == (
        "planstrategi: 1 av registerets filer har feil (data/plans/helseplan.yaml); svaret bygger på filene som "
        "kunne leses. Kjør «planstrategi validate» for detaljer\n"
    )


def test_the_note_names_three_files_then_counts_the_rest(broken: Path) -> None:
    for name in ("a", "b", "c", "d"):
        (broken / "plans" / f"{name}.yaml").write_text("id: [\n", encoding="utf-8")
    (broken / "plans" / "e.yaml").write_text(PLAN.format(id="e") + "part_of: ukjent\n", encoding="utf-8")
    _, _, err = run(broken, "list", "--lang", "en")
    # The files left out of the answer first, then a file that loaded with an error of its own.
    assert err.startswith(
        "planstrategi: problems in 6 of the register's files (data/plans/a.yaml, data/plans/b.yaml, "
        "data/plans/c.yaml and 3 more); this answer uses"
    )


def test_two_files_are_joined_with_and(broken: Path) -> None:
    (broken / "plans" / "a.yaml").write_text("id: [\n", encoding="utf-8")
    _, _, err = run(broken, "due", "2025")
    assert "(data/plans/a.yaml og data/plans/helseplan.yaml)" in err


def test_the_broken_plan_is_left_out_and_the_others_answer(broken: Path) -> None:
    _, out, _ = run(broken, "list", "--format", "csv")
    assert "delegeringsreglement" in out and "helseplan" not in out
