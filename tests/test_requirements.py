"""Statutory requirements: the bundled requirements.yaml, loading and the cross-file check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planstrategi.i18n import set_language
from planstrategi.model import Strength
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "cases" / "_base"


@pytest.fixture(autouse=True)
def _norwegian() -> None:
    set_language("nb")


def make_register(tmp_path: Path, requirements: str | None, **plans: str) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    if requirements is not None:
        (root / "requirements.yaml").write_text(requirements, encoding="utf-8")
    for name, text in plans.items():
        (root / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


REQUIREMENTS = """\
requirements:
  - id: delegeringsreglement
    title: Reglement for delegering og innstilling
    legal_basis:
      - law: kommuneloven
        section: § 5-14
        link: https://lovdata.no/lov/2018-06-22-83/§5-14
    strength: lov
    cadence:
      rule: valgperiode
      within_years: 1
    adopted_by: kommunestyret
    summary: Vedtas innen ett år etter konstitueringen.
    verified: false
  - id: eierskapsmelding
    title: Eierskapsmelding
    legal_basis:
      - law: kommuneloven
    strength: lov
    cadence:
      rule: valgperiode
    summary: Minst én gang i valgperioden.
    verified: true
"""

PLAN = """\
id: reglement
title: Reglement
category: politisk-styring
kind: reglement
municipality: "3430"
status: gjeldende
requirements:
  - delegeringsreglement
  - delegeringsreglemnt
"""


def test_bundled_requirements_load_without_problems() -> None:
    loaded = reg.load(ROOT / "data")
    assert not [p for p in loaded.problems if "requirements" in p.path]
    assert "kommunal-planstrategi" in loaded.requirements
    planstrategi = loaded.requirements["kommunal-planstrategi"]
    assert planstrategi.strength is Strength.LOV
    assert planstrategi.cadence.within_years == 1
    # Every requirement says where it comes from; verified ones need no excuse, the others do.
    for requirement in loaded.requirements.values():
        assert requirement.legal_basis
        assert requirement.verified or requirement.note, requirement.id


def test_bundled_requirements_first_line_names_the_schema() -> None:
    first = (ROOT / "data" / "requirements.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/requirements.schema.json"


def test_register_without_requirements_file_has_none_and_no_problem(tmp_path: Path) -> None:
    loaded = reg.load(make_register(tmp_path, None))
    assert loaded.requirements == {}
    assert loaded.problems == []


def test_plan_naming_unknown_requirement_is_an_error_at_its_line(tmp_path: Path) -> None:
    loaded = reg.load(make_register(tmp_path, REQUIREMENTS, reglement=PLAN))
    problems = [(p.path.rsplit("/", 1)[-1], p.line, p.code, p.message) for p in loaded.sorted_problems()]
    assert problems == [
        (
            "reglement.yaml",
            9,
            "unknown-requirement",
            "kravet «delegeringsreglemnt» finnes ikke i data/requirements.yaml; mente du «delegeringsreglement»?",
        )
    ]


def test_plan_naming_a_requirement_without_requirements_file_is_an_error(tmp_path: Path) -> None:
    loaded = reg.load(make_register(tmp_path, None, reglement=PLAN))
    assert [p.code for p in loaded.problems] == ["unknown-requirement", "unknown-requirement"]


def test_duplicate_requirement_id_is_an_error_at_the_second(tmp_path: Path) -> None:
    twice = REQUIREMENTS + REQUIREMENTS.split("requirements:\n", 1)[1].split("  - id: eierskapsmelding")[0]
    loaded = reg.load(make_register(tmp_path, twice))
    assert [(p.code, p.line) for p in loaded.problems] == [("duplicate-requirement", 24)]
    assert list(loaded.requirements) == ["delegeringsreglement", "eierskapsmelding"]


def test_requirement_with_unknown_strength_is_reported(tmp_path: Path) -> None:
    second = REQUIREMENTS.rindex("strength: lov")
    bad = REQUIREMENTS[:second] + REQUIREMENTS[second:].replace("strength: lov", "strength: påbud", 1)
    loaded = reg.load(make_register(tmp_path, bad))
    assert [(p.code, p.line) for p in loaded.problems] == [("invalid-value", 19)]
    assert loaded.requirements == {}


# --- the checklist ------------------------------------------------------------------------------

CHECKED = """\
requirements:
  - id: planstrategi
    title: Kommunal planstrategi
    legal_basis: [{law: plan- og bygningsloven, section: § 10-1, link: "https://lovdata.no/lov/2008-06-27-71/§10-1"}]
    strength: lov
    cadence: {rule: valgperiode, within_years: 1}
    summary: Hver valgperiode, innen ett år.
    verified: true
  - id: eierskap
    title: Eierskapsmelding
    legal_basis: [{law: kommuneloven, section: § 26-1}]
    strength: lov
    cadence: {rule: valgperiode}
    summary: Minst én gang i valgperioden.
    verified: true
  - id: beredskap
    title: Beredskapsplan
    legal_basis: [{law: forskrift om kommunal beredskapsplikt}]
    strength: forskrift
    cadence: {rule: årlig}
    summary: Revideres årlig.
    verified: false
    note: Ikke lest.
  - id: alkohol
    title: Alkoholpolitisk handlingsplan
    legal_basis: [{law: alkoholloven, section: § 1-7d}]
    strength: lov
    cadence: {rule: valgperiode}
    cadence_strength: anbefaling
    summary: Plikt til plan; hver periode er anbefalt.
    verified: false
    note: Hyppigheten er en anbefaling.
"""


def linked(plan_id: str, requirement: str, **fields: str) -> str:
    lines = [
        f"id: {plan_id}",
        f"title: {plan_id.capitalize()}",
        "category: politisk-styring",
        "kind: plan",
        'municipality: "3430"',
        f"requirements: [{requirement}]",
    ]
    fields.setdefault("status", "gjeldende")
    return "\n".join(lines + [f"{key}: {value}" for key, value in fields.items()]) + "\n"


@pytest.fixture
def checked(tmp_path: Path) -> Path:
    return make_register(
        tmp_path,
        CHECKED,
        # adopted in the current term (elected 2023): met.
        strategi=linked("strategi", "planstrategi", adopted="2024-03-01"),
        # adopted in the last term, nothing planned: due by the requirement's cadence in the term.
        eierskapsmelding=linked("eierskapsmelding", "eierskap", adopted="2021"),
        # the 2024 revision was never done: overdue.
        beredskapsplan=linked("beredskapsplan", "beredskap", adopted="2022", revisions="[{target: 2024}]"),
        # a retired plan does not meet anything.
        alkohol=linked("alkohol", "alkohol", adopted="2016", status="utgått"),
    )


def test_statuses_from_the_requirements_cadence(checked: Path) -> None:
    from planstrategi.rules import requirements

    loaded = reg.load(checked)
    assert loaded.problems == []
    result = {c.requirement.id: (c.status.code, [p.plan.id for p in c.plans]) for c in requirements.check(loaded, 2025)}
    assert result == {
        "planstrategi": ("current", ["strategi"]),
        "eierskap": ("due", ["eierskapsmelding"]),
        "beredskap": ("overdue", ["beredskapsplan"]),  # the 2024 revision was never done
        "alkohol": ("missing", []),
    }


def test_best_plan_decides_and_partner_narrows(checked: Path) -> None:
    from planstrategi.rules import requirements

    extra = linked("ny-strategi", "eierskap", adopted="2024")
    (checked / "plans" / "ny-strategi.yaml").write_text(extra, encoding="utf-8")
    loaded = reg.load(checked)
    (eierskap,) = [c for c in requirements.check(loaded, 2025) if c.requirement.id == "eierskap"]
    assert eierskap.status.code == "current"
    assert [p.plan.id for p in eierskap.plans] == ["ny-strategi", "eierskapsmelding"]
    narrowed = requirements.check(loaded, 2025, plans=[loaded.plans["strategi"]])
    assert [c.requirement.id for c in narrowed] == ["planstrategi"]


def run(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from planstrategi.cli import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_command_json(checked: Path) -> None:
    import json

    code, out, err = run("requirements", "--data", str(checked), "--as-of", "2025-06-01", "-f", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["counts"] == {"current": 1, "due": 1, "overdue": 1, "missing": 1}
    first = document["rows"][0]
    assert first["legal_basis"] == [
        {"law": "plan- og bygningsloven", "section": "§ 10-1", "link": "https://lovdata.no/lov/2008-06-27-71/§10-1"}
    ]
    assert first["cadence"] == {"rule": "valgperiode", "within_years": 1}
    assert first["plans"] == [
        {"id": "strategi", "title": "Strategi", "status": "current", "assumed": False, "reasons": []}
    ]
    alkohol = document["rows"][3]
    assert (alkohol["status"], alkohol["strength_text"]) == ("missing", "lov (hyppigheten: anbefaling)")


def test_command_year_and_table(checked: Path) -> None:
    code, out, _ = run("requirements", "--data", str(checked), "--year", "2028", "--as-of", "2025-06-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Lovpålagte og anbefalte planer, status 2028"
    # In 2028 (the next term) the planning strategy is due again, within its first year.
    assert any(line.startswith(" Kommunal ") and "skal behandles" in line for line in lines)
    assert "Ikke kontrollert mot lovteksten: Beredskapsplan; Alkoholpolitisk handlingsplan." in out


GOLDEN_RUNS = {
    "requirements.txt": ["requirements"],
    "requirements.md": ["requirements", "-f", "markdown"],
    "requirements.json": ["requirements", "-f", "json"],
    "requirements.en.txt": ["requirements", "--lang", "en"],
}


@pytest.mark.parametrize("name", list(GOLDEN_RUNS))
def test_golden_on_the_bundled_register(name: str) -> None:
    """Regenerate with ``UPDATE_GOLDEN=1`` after a deliberate change (e.g. plans linked to requirements)."""
    import os

    from typer.testing import CliRunner

    from planstrategi.cli import app

    result = CliRunner().invoke(
        app,
        [*GOLDEN_RUNS[name], "--data", str(ROOT / "data"), "--as-of", "2025-03-01"],
        catch_exceptions=False,
        env={"COLUMNS": "100"},
    )
    assert (result.exit_code, result.stderr) == (0, "")
    path = ROOT / "tests" / "golden" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(result.stdout_bytes)
    assert result.stdout_bytes.decode("utf-8") == path.read_text(encoding="utf-8")


def test_on_the_bundled_register_the_checklist_says_what_rests_on_an_inference() -> None:
    """The strategy's adoption on 25.01.2024 is inferred: the § 10-1 duty is met "(antatt)"; the
    eierskapsmelding only planned for 2026 is not met in 2025; the kommuneplan's parts are judged by
    their schedule, as the law leaves their revision to the planning strategy."""
    import datetime as dt

    from planstrategi.rules import requirements as checklist
    from planstrategi.store import register as store

    loaded = store.load(Path(__file__).resolve().parent.parent / "data")
    checks = {c.requirement.id: c for c in checklist.check(loaded, 2025, today=dt.date(2025, 3, 1))}
    strategy = checks["kommunal-planstrategi"]
    assert (strategy.status.code, strategy.assumed) == ("current", True)
    ownership = checks["eierskapsmelding"]
    assert ownership.status.code == "due"
    assert [r.text(basis=False) for r in ownership.reasons] == [
        "planlagt 2026, ikke vedtatt i valgperioden ennå – lovkrav"
    ]
    land_use = checks["kommuneplanens-arealdel"]
    assert [r.code.value for r in land_use.reasons] == ["overdue-in-progress"]  # the 2024 target has passed
    code, out, _ = run("requirements", "--as-of", "2025-03-01", "--data", str(loaded.root))
    assert code == 0 and "oppfylt (antatt)" in out
