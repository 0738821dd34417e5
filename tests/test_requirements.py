"""Statutory requirements: the bundled requirements.yaml, loading and the cross-file check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planstrategi import register as reg
from planstrategi.messages import set_language
from planstrategi.models import Strength

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
