"""``validate --format sarif``: a SARIF 2.1.0 log that a SARIF model accepts and code scanning can place.

The log is validated against the OASIS SARIF 2.1.0 JSON Schema (``tests/sarif/``, with its source
and licence), read back with ``sarif-pydantic`` (a maintained model of SARIF 2.1.0, from PyPI), and
what GitHub code scanning and the SARIF Multitool ask beyond the schema is asserted one by one: a
region on every result, a stable rule set, fingerprints that survive lines moving.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sarif_pydantic import Sarif
from typer.testing import CliRunner

from planstrategi import __version__
from planstrategi.cli import app
from planstrategi.i18n import CATALOGUE
from planstrategi.render.sarif import rule_codes

TESTS = Path(__file__).resolve().parent

BAD_PLAN = """\
id: feil
title: Feil plan
categry: helse-og-omsorg
kind: plan
municipality: 3430
status: gjeldende
"""
EXPIRED_PLAN = """\
id: gammel
title: Gammel plan
category: helse-og-omsorg
kind: plan
municipality: "3430"
valid_to: 2019
status: gjeldende
"""


@pytest.fixture
def repo(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base register with an erroneous, an expired and an unreadable plan, inside a "repository"."""
    (base_register / "plans" / "feil.yaml").write_text(BAD_PLAN, encoding="utf-8")
    (base_register / "plans" / "gammel.yaml").write_text(EXPIRED_PLAN, encoding="utf-8")
    (base_register / "plans" / "binar.yaml").write_bytes(b"id: binar\x00\n")
    workspace = base_register.parent
    monkeypatch.chdir(workspace)
    for name in ("GITHUB_ACTIONS", "CI", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(workspace))
    monkeypatch.setenv("GITHUB_REPOSITORY", "os-kommune/planer")
    monkeypatch.setenv("GITHUB_SHA", "0123abc")
    return base_register


def _run(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(
        app, ["validate", "--data", "data", "--as-of", "2025-06-01", *args], catch_exceptions=False
    )
    return result.exit_code, json.loads(result.stdout)


def test_the_log_is_valid_against_the_oasis_schema(repo: Path) -> None:
    import jsonschema

    schema = json.loads((TESTS / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    (repo / "plans" / "tom.yaml").write_text("", encoding="utf-8")  # a whole-file problem too
    for lang in ("nb", "en"):
        _, log = _run("--format", "sarif", "--lang", lang)
        jsonschema.Draft4Validator(schema).validate(log)
    # and the schema does catch a broken log (so the check above is not vacuous)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_reads_back_as_a_sarif_2_1_0_log(repo: Path) -> None:
    code, log = _run("--format", "sarif")
    assert code == 1
    model = Sarif.model_validate(log)
    assert model.version == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    [run] = model.runs
    assert run.tool.driver.name == "planstrategi"
    assert run.results
    for result in log["runs"][0]["results"]:
        assert result["level"] in {"none", "note", "warning", "error"}
        assert result["message"]["text"].strip()
        assert 0 <= result["ruleIndex"] < len(log["runs"][0]["tool"]["driver"]["rules"])
        for location in result["locations"]:
            region = location["physicalLocation"]["region"]  # GitHub (GH1003) and the Multitool want one
            assert region["startLine"] >= 1 and region.get("startColumn", 1) >= 1
            if "endLine" in region:
                assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
            assert not location["physicalLocation"]["artifactLocation"]["uri"].startswith("/")


def test_driver_names_the_tool_and_one_rule_per_code_from_the_catalogue(repo: Path) -> None:
    _, log = _run("--format", "sarif")
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("planstrategi", __version__)
    assert "informationUri" not in driver  # a register repository's README is not the tool's
    results = log["runs"][0]["results"]
    rules = [rule["id"] for rule in driver["rules"]]
    assert rules == sorted(key.split(".", 1)[1] for key in CATALOGUE if key.startswith("rule."))
    assert {r["ruleId"] for r in results} <= set(rules)
    unknown_key = next(rule for rule in driver["rules"] if rule["id"] == "unknown-key")
    assert unknown_key["shortDescription"]["text"] == CATALOGUE["rule.unknown-key"]["nb"]
    assert unknown_key["help"]["text"] == CATALOGUE["rule-help.unknown-key"]["nb"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_point_at_repository_paths_lines_and_columns(repo: Path) -> None:
    _, log = _run("--format", "sarif")
    assert log["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.parent.as_uri() + "/"}}
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    location = by_rule["unknown-key"]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "data/plans/feil.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 8},  # the key «categry»
    }
    assert by_rule["unknown-key"]["level"] == "error"
    assert by_rule["unknown-key"]["message"]["text"].startswith("ukjent felt «categry»")
    assert by_rule["expired-unplanned"]["level"] == "warning"
    assert by_rule["expired-unplanned"]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 6,
        "startColumn": 11,
        "endLine": 6,
        "endColumn": 15,  # the value 2019
    }


def test_a_problem_with_the_whole_file_is_on_line_1(repo: Path) -> None:
    (repo / "plans" / "tom.yaml").write_text("", encoding="utf-8")  # empty: the whole file, line 0
    _, log = _run("--format", "sarif")
    empty = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "empty-file")
    assert empty["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "data/plans/tom.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1},
    }


def _fingerprints(log: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (r["ruleId"], r["message"]["text"]): r["partialFingerprints"]["planstrategi/v1"]
        for r in log["runs"][0]["results"]
    }


def test_fingerprints_are_stable_across_runs_and_line_moves(repo: Path) -> None:
    _, first = _run("--format", "sarif")
    _, again = _run("--format", "sarif")
    assert _fingerprints(first) == _fingerprints(again)
    fingerprints = list(_fingerprints(first).values())
    assert len(set(fingerprints)) == len(fingerprints)  # one alert per problem
    # Lines added above every problem: the same alerts, at other lines.
    for name, text in (("feil", BAD_PLAN), ("gammel", EXPIRED_PLAN)):
        (repo / "plans" / f"{name}.yaml").write_text("# a comment\n\n" + text, encoding="utf-8")
    _, moved = _run("--format", "sarif")
    assert _fingerprints(moved) == _fingerprints(first)
    lines = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved["runs"][0]["results"]
    }
    assert lines["unknown-key"] == 5
    # Another key with the same code is another alert.
    (repo / "plans" / "feil.yaml").write_text(BAD_PLAN.replace("categry", "kategori"), encoding="utf-8")
    _, renamed = _run("--format", "sarif")
    unknown = [r for r in renamed["runs"][0]["results"] if r["ruleId"] == "unknown-key"]
    assert unknown[0]["partialFingerprints"] != next(
        r["partialFingerprints"] for r in first["runs"][0]["results"] if r["ruleId"] == "unknown-key"
    )


def test_rules_have_a_help_uri_into_the_readme_when_the_tool_came_from_github(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planstrategi.store import install

    commit = "c" * 40
    chosen = install.Install("x", install.Source.VCS, "https://github.com/example/planstrategi.git", commit)
    monkeypatch.setattr(install, "detect", lambda: chosen)
    _, log = _run("--format", "sarif")
    driver = log["runs"][0]["tool"]["driver"]
    readme = f"https://github.com/example/planstrategi/blob/{commit}/README.md"
    assert driver["informationUri"] == readme
    assert {rule["helpUri"] for rule in driver["rules"]} == {readme + "#problem-codes"}


def test_the_readme_lists_every_rule_under_problem_codes() -> None:
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### Problem codes\n", 1)[1].split("\n#", 1)[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == rule_codes()
    for code in listed:
        assert f"| `{code}` | {CATALOGUE['rule.' + code]['en']} |" in section


def test_a_rule_s_default_level_is_its_problems_level(repo: Path) -> None:
    (repo / "plans" / "notat.txt").write_text("x", encoding="utf-8")  # ignored-file: a warning
    _, log = _run("--format", "sarif")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        if result["ruleId"] != "more-problems":
            assert rules[result["ruleIndex"]]["defaultConfiguration"]["level"] == result["level"], result["ruleId"]


def test_english_rules_with_lang_en(repo: Path) -> None:
    _, log = _run("--format", "sarif", "--lang", "en")
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["unknown-key"]["shortDescription"]["text"] == "Unknown field"


def test_a_valid_register_gives_an_empty_run_and_exit_0(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_register.parent)
    code, log = _run("--format", "sarif")
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == rule_codes()  # the same set


def test_every_rule_has_a_short_description_and_help_in_both_languages() -> None:
    rules = {key.split(".", 1)[1] for key in CATALOGUE if key.startswith("rule.")}
    helps = {key.split(".", 1)[1] for key in CATALOGUE if key.startswith("rule-help.")}
    assert rules == helps
    for code in rules:
        assert code in CATALOGUE, f"rule.{code} names no problem code"
        for key in (f"rule.{code}", f"rule-help.{code}"):
            assert CATALOGUE[key]["nb"] and CATALOGUE[key]["en"]


def test_every_code_in_the_bad_input_corpus_has_a_rule() -> None:
    codes = {
        line.rsplit(":", 1)[-1].strip()
        for expected in (TESTS / "cases").glob("*/expected.txt")
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert codes, "the corpus in tests/cases/ should name problem codes"
    assert sorted(code for code in codes if f"rule.{code}" not in CATALOGUE) == []
