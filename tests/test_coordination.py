"""Inter-municipal coordination: which plans are shared, the partner filter, the years they need
joint priority in, the ``coordination`` command on small registers and on the bundled one (golden).

Regenerate the golden files after a deliberate change: ``UPDATE_GOLDEN=1 python -m pytest tests/test_coordination.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.rules import coordination
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2025-03-01"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

MUNICIPALITIES = """\
home: "3430"
municipalities:
  - {number: "3430", name: Os}
  - {number: "5025", name: Røros}
  - {number: "5026", name: Holtålen}
cooperations:
  - {id: landbruk, title: Landbruk, kind: vertskommune, host: "3430", partners: ["3430", "5025", "5026"]}
  - {id: nav, title: NAV, kind: vertskommune, partners: ["3430", "5025"]}
  - {id: museum, title: Museum, kind: avtale}
"""
CATEGORIES = """\
categories:
  - {id: politisk-styring, name: Politisk styring}
  - {id: landbruk, name: Landbruk}
"""


def plan(plan_id: str, category: str = "politisk-styring", **fields: str) -> str:
    lines = [f"id: {plan_id}", f"title: Plan {plan_id}", f"category: {category}", "kind: plan", "status: gjeldende"]
    fields.setdefault("municipality", '"3430"')
    return "\n".join(lines + [f"{key}: {value}" for key, value in fields.items()]) + "\n"


PLANS = {
    "egen": plan("egen", revisions="[{target: 2025}]"),  # Os alone: not shared
    "felles": plan("felles", partners='["5025", "5026"]', revisions="[{target: 2025}]"),
    "vert": plan("vert", host='"5026"', adopted="2022"),  # Holtålen hosts; no work in the term
    "roros": plan("roros", municipality='"5025"', revisions="[{target: 2026}]"),  # Røros's own
    "beite": plan("beite", category="landbruk", revisions="[{target: 2024}]"),  # in the landbruk cooperation
    "utgatt": plan("utgatt", partners='["5025"]').replace("gjeldende", "utgått"),
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "plans").mkdir(parents=True)
    (root / "municipalities.yaml").write_text(MUNICIPALITIES, encoding="utf-8")
    (root / "categories.yaml").write_text(CATEGORIES, encoding="utf-8")
    for name, text in PLANS.items():
        (root / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def test_shared_plans_and_what_they_involve(small: Path) -> None:
    loaded = reg.load(small)
    assert loaded.problems == []
    shared = coordination.shared_plans(loaded)
    assert [p.id for p in shared] == ["beite", "felles", "roros", "utgatt", "vert"]
    involved = {p.id: coordination.involved(loaded, p) for p in shared}
    assert involved["beite"] == ["3430", "5025", "5026"]  # through the landbruk cooperation
    assert involved["roros"] == ["5025"]  # another municipality's plan, shared by being there
    assert involved["vert"] == ["3430", "5026"]


def test_partner_filter_keeps_plans_and_arrangements_involving_it(small: Path) -> None:
    loaded = reg.load(small)
    assert [p.id for p in coordination.shared_plans(loaded, "5026")] == ["beite", "felles", "vert"]
    assert [c.id for c in coordination.arrangements(loaded, "5026")] == ["landbruk"]
    assert [c.id for c in coordination.arrangements(loaded)] == ["landbruk", "nav"]  # museum names no one


def test_years_of_joint_priority_and_the_idle_ones(small: Path) -> None:
    result = coordination.coordinate(reg.load(small), range(2024, 2028), 2025)
    by_year = {year: [(i.plan.id, i.source.value) for i in items] for year, items in result.years}
    assert by_year == {
        2024: [("beite", "revision")],
        2025: [("beite", "backlog"), ("felles", "revision")],
        2026: [("roros", "revision")],
        2027: [],
    }
    assert [p.id for p in result.idle] == ["vert"]  # retired plans are not idle, they are gone


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_command_for_one_year_and_partner(small: Path) -> None:
    code, out, err = run("coordination", "2025", "--data", str(small), "--as-of", "2025-06-01", "-f", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["years"] == [2025]
    assert [(r["id"], r["source"], r["partners"]) for r in document["rows"]] == [
        ("beite", "backlog", ["Røros", "Holtålen"]),
        ("felles", "revision", ["Røros", "Holtålen"]),
    ]
    code, out, _ = run("coordination", "2025", "--data", str(small), "--as-of", "2025-06-01", "--partner", "Røros")
    assert code == 0
    assert out.splitlines()[0] == "Felles planer som må prioriteres i fellesskap, 2025"


def test_a_register_with_no_shared_plans_says_so(small: Path) -> None:
    for name in ("felles", "vert", "beite", "utgatt", "roros"):
        (small / "plans" / f"{name}.yaml").unlink()
    (small / "municipalities.yaml").write_text(MUNICIPALITIES.split("cooperations:")[0], encoding="utf-8")
    code, out, _ = run("coordination", "2025", "--data", str(small), "--as-of", "2025-06-01")
    assert code == 0
    assert "Registeret har ingen felles planer (planer med samarbeidskommuner) å vise." in out
    assert "Alle felles planer har arbeid i perioden." not in out


def test_unknown_partner_is_a_usage_error(small: Path) -> None:
    code, out, err = run("coordination", "--data", str(small), "--partner", "Rørøs")
    assert (code, out) == (2, "")
    assert "Røros" in err


GOLDEN_RUNS = {
    "coordination.txt": ["coordination"],
    "coordination-2026-partner-5026.md": ["coordination", "2026", "--partner", "Holtålen", "-f", "markdown"],
    "coordination.json": ["coordination", "-f", "json"],
    "coordination.en.txt": ["coordination", "2025", "--lang", "en"],
}


@pytest.mark.parametrize("name", list(GOLDEN_RUNS))
def test_golden_on_the_bundled_register(name: str) -> None:
    result = CliRunner().invoke(
        app,
        [*GOLDEN_RUNS[name], "--data", str(ROOT / "data"), "--as-of", AS_OF],
        catch_exceptions=False,
        env={"COLUMNS": "100"},
    )
    assert (result.exit_code, result.stderr) == (0, "")
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(result.stdout_bytes)
    assert result.stdout_bytes.decode("utf-8") == path.read_text(encoding="utf-8")
