"""``planstrategi validate`` from the outside: exit codes, output formats as exact strings, the
register folder and language from options or the environment, and the installed command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi import __version__
from planstrategi.cli import app
from planstrategi.model.problems import Problem, Severity
from planstrategi.render import problems as render

BROKEN = "id: brudd\ntitle: Plan: del 2\n"
PLAN = 'id: {id}\ntitle: T\ncategory: helse-og-omsorg\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'
MISSPELT = PLAN.format(id="skrivefeil").replace('"3430"', "3430") + "remark: x\n"
EXPIRED = PLAN.format(id="gammel") + "valid_to: 2020\n"


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # Inside GitHub Actions the default format is github; these tests are about the plain default.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (base_register / "plans" / "brudd.yaml").write_text(BROKEN, encoding="utf-8")
    (base_register / "plans" / "skrivefeil.yaml").write_text(MISSPELT, encoding="utf-8")
    monkeypatch.chdir(base_register.parent)  # paths print as data/plans/…
    return base_register


def test_valid_register_exit_0(base_register: Path) -> None:
    assert run("validate", "--data", str(base_register)) == (0, "5 filer kontrollert, ingen feil\n", "")


def test_problems_exit_1_text_exactly(broken: Path) -> None:
    assert run("validate", "--data", "data") == (
        1,
        "data/plans/brudd.yaml:2:12: feil: YAML-syntaksfeil: et kolon («: ») der YAML ikke venter det; sett tekst "
        'som inneholder «: » i anførselstegn, f.eks. title: "Plan: del 2", og sjekk at linjen ikke er rykket for '
        "langt inn [yaml-syntax]\n"
        "data/plans/skrivefeil.yaml:5:15: feil: «municipality» skal være tekst, men er 3430 (et heltall); "
        'skriv "3430" i anførselstegn [wrong-type]\n'
        "data/plans/skrivefeil.yaml:7:1: feil: ukjent felt «remark»; mente du «remarks»? [unknown-key]\n"
        "7 filer kontrollert: 3 feil, 0 advarsler\n",
        "",
    )


def test_english_with_lang(broken: Path) -> None:
    code, out, _ = run("validate", "--data", "data", "--lang", "en")
    assert code == 1
    assert (
        "data/plans/skrivefeil.yaml:7:1: error: unknown field 'remark'; did you mean 'remarks'? [unknown-key]\n" in out
    )
    assert out.endswith("7 files checked: 3 errors, 0 warnings\n")


def test_english_from_the_environment(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANSTRATEGI_LANG", "en")
    _, out, _ = run("validate", "--data", "data")
    assert out.endswith("7 files checked: 3 errors, 0 warnings\n")
    _, out, _ = run("validate", "--data", "data", "--lang", "nb")  # the option wins
    assert out.endswith("7 filer kontrollert: 3 feil, 0 advarsler\n")


def test_unknown_language_is_a_usage_error(base_register: Path) -> None:
    assert run("validate", "--data", str(base_register), "--lang", "de") == (
        2,
        "",
        "planstrategi: ukjent språk «de»; velg nb, nn eller en\n",
    )


def test_json_exactly(broken: Path) -> None:
    code, out, _ = run("validate", "--data", "data", "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert {key: report[key] for key in ("files", "errors", "warnings")} == {"files": 7, "errors": 3, "warnings": 0}
    assert report["problems"][2] == {
        "path": "data/plans/skrivefeil.yaml",
        "line": 7,
        "column": 1,
        "severity": "error",
        "code": "unknown-key",
        "message": "ukjent felt «remark»; mente du «remarks»?",
    }
    assert "«" in out  # UTF-8 as is, not \u00ab


def test_github_exactly(broken: Path) -> None:
    code, out, _ = run("validate", "--data", "data", "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=data/plans/brudd.yaml,line=2,col=12,title=yaml-syntax::YAML-syntaksfeil: et kolon («: ») der "
        'YAML ikke venter det; sett tekst som inneholder «: » i anførselstegn, f.eks. title: "Plan: del 2", og sjekk '
        "at linjen ikke er rykket for langt inn",
        "::error file=data/plans/skrivefeil.yaml,line=5,col=15,title=wrong-type::«municipality» skal være tekst, men "
        'er 3430 (et heltall); skriv "3430" i anførselstegn',
        "::error file=data/plans/skrivefeil.yaml,line=7,col=1,title=unknown-key::ukjent felt «remark»; mente du "
        "«remarks»?",
        "7 filer kontrollert: 3 feil, 0 advarsler",
    ]


def test_github_escaping() -> None:
    problem = Problem("plans/a,b:c%.yaml", 2, 3, Severity.WARNING, "x", "50% ferdig\r\nneste: a, b")
    assert render.github([problem], 1).splitlines()[0] == (
        "::warning file=plans/a%2Cb%3Ac%25.yaml,line=2,col=3,title=x::50%25 ferdig%0D%0Aneste: a, b"
    )


def test_whole_file_problems_have_no_line_in_any_format() -> None:
    problem = Problem("plans/tom.yaml", 0, 0, Severity.ERROR, "empty-file", "tom")
    assert render.text([problem], 1).splitlines()[0] == "plans/tom.yaml: feil: tom [empty-file]"
    assert render.github([problem], 1).splitlines()[0] == "::error file=plans/tom.yaml,title=empty-file::tom"
    assert json.loads(render.as_json([problem], 1))["problems"][0]["line"] == 0


def test_warnings_fail_only_with_strict(base_register: Path) -> None:
    (base_register / "plans" / "gammel.yaml").write_text(EXPIRED, encoding="utf-8")
    code, out, _ = run("validate", "--data", str(base_register), "--as-of", "2025-03-01")
    assert code == 0
    assert out.endswith(
        "gammel.yaml:7:11: advarsel: gyldigheten gikk ut i 2020, og ingen revisjon er planlagt; "
        "legg til en revisjon eller sett status [expired-unplanned]\n"
        "6 filer kontrollert: 0 feil, 1 advarsel\n"
    )
    assert run("validate", "--data", str(base_register), "--as-of", "2025-03-01", "--strict")[0] == 1
    assert run("validate", "--data", str(base_register), "--as-of", "2020-03-01", "--strict")[0] == 0


def test_missing_register_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke"
    assert run("validate", "--data", str(missing)) == (
        2,
        "",
        f"planstrategi: fant ikke registeret «{missing}»; oppgi mappen med --data eller PLANSTRATEGI_DATA\n",
    )


def test_no_data_folder_here_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("validate", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "planstrategi: could not find the register 'data'; give its folder with --data or PLANSTRATEGI_DATA\n"


def test_register_from_the_environment(base_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANSTRATEGI_DATA", str(base_register))
    assert run("validate")[:2] == (0, "5 filer kontrollert, ingen feil\n")


@pytest.mark.parametrize("args", [["--format", "xml"], ["--as-of", "i går"], ["--no-such-option"]])
def test_bad_options_exit_2(base_register: Path, args: list[str]) -> None:
    code, out, err = run("validate", "--data", str(base_register), *args)
    assert (code, out) == (2, "")
    assert "Traceback" not in err and err


def test_version() -> None:
    assert run("--version") == (0, f"planstrategi {__version__}\n", "")


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planstrategi", "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert (result.returncode, result.stdout) == (0, f"planstrategi {__version__}\n")


def test_the_installed_command(broken: Path) -> None:
    command = shutil.which("planstrategi") or shutil.which("planstrategi", path=os.path.dirname(sys.executable))
    if command is None:
        pytest.skip("the planstrategi console script is not installed")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PLANSTRATEGI_", "GITHUB_"))}
    result = subprocess.run(
        [command, "validate", "--data", "data", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "7 files checked: 3 errors, 0 warnings"
    assert "data/plans/brudd.yaml:2:12: error: YAML syntax error" in result.stdout
