"""Workload per year: which plans count in which year and why, the capacity flag, the breakdowns,
the ``workload`` command on small registers and, pinned as golden files, on the bundled one.

Regenerate the golden files after a deliberate change: ``UPDATE_GOLDEN=1 python -m pytest tests/test_workload.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.commands import intelligence
from planstrategi.rules import engine, workload
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "cases" / "_base"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2025-03-01"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

PLANS = {
    # yearly, with the 2024 round recorded as done: cadence counts it in 2025 and 2026.
    "budsjett": """\
id: budsjett
title: Økonomiplan
category: politisk-styring
kind: budsjett
municipality: "3430"
adopted: 2023
status: gjeldende
cadence: {rule: årlig}
revisions: [{target: 2024, state: vedtatt}]
responsible: Økonomisjef
""",
    # every term within one year, adopted in the old term: due by cadence in 2024 (its deadline).
    "reglement": """\
id: reglement
title: Reglement
category: politisk-styring
kind: reglement
municipality: "3430"
adopted: 2020
status: gjeldende
cadence: {rule: valgperiode, within_years: 1}
""",
    # a planned revision in 2024 never done: counted in 2024, and as backlog in the current year.
    "helse": """\
id: helse
title: Helseplan
category: helse-og-omsorg
kind: plan
municipality: "3430"
partners: ["5025"]
adopted: 2017
status: gjeldende
revisions: [{target: 2024}]
""",
    # retired plans bring no work.
    "gammel": """\
id: gammel
title: Gammel plan
category: helse-og-omsorg
kind: plan
municipality: "3430"
status: utgått
revisions: [{target: 2025}]
""",
    # another municipality's plan.
    "roros": """\
id: roros
title: Røros-plan
category: helse-og-omsorg
kind: plan
municipality: "5025"
host: "3430"
adopted: 2021
status: gjeldende
revisions: [{target: 2026}]
""",
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    for old in (root / "plans").iterdir():
        old.unlink()
    shutil.rmtree(root / "goals")
    for name, text in PLANS.items():
        (root / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def counted(root: Path, years: range, current: int) -> list[tuple[int, str, str]]:
    loaded = reg.load(root)
    assert loaded.problems == []
    return [
        (i.year, i.plan.id, i.source.value)
        for i in workload.items(loaded.plans.values(), years, current, engine.Context.of(loaded))
    ]


def test_each_plan_counts_once_a_year_by_revision_cadence_or_backlog(small: Path) -> None:
    assert counted(small, range(2024, 2028), 2026) == [
        (2024, "budsjett", "revision"),
        (2024, "helse", "revision"),
        (2024, "reglement", "cadence"),
        (2025, "budsjett", "cadence"),
        (2026, "budsjett", "backlog"),  # no round recorded in 2025: a yearly plan is late from 2026
        (2026, "helse", "backlog"),
        (2026, "reglement", "backlog"),
        (2026, "roros", "revision"),
        (2027, "budsjett", "cadence"),
    ]


def test_backlog_lands_only_in_the_current_year(small: Path) -> None:
    # Seen from 2025, the unfinished 2024 work is 2025's backlog and not counted again in 2026.
    years = counted(small, range(2024, 2028), 2025)
    assert (2025, "helse", "backlog") in years
    assert not [y for y in years if y[2] == "backlog" and y[0] != 2025]


def test_capacity_flags_the_years_above_it_and_groups_follow_the_register(small: Path) -> None:
    loaded = reg.load(small)
    result = workload.workload(loaded, loaded.plans.values(), range(2024, 2028), 2026, capacity=2)
    assert [(y.year, y.total, result.over(y)) for y in result.years] == [
        (2024, 3, True),
        (2025, 1, False),
        (2026, 4, True),
        (2027, 1, False),
    ]
    assert result.groups == ("Politisk styring", "Helse og omsorg")  # categories.yaml order
    assert result.years[2].by_group == {"Politisk styring": 2, "Helse og omsorg": 2}


@pytest.mark.parametrize(
    ("by", "groups"),
    [
        (workload.GroupBy.owner, ("Økonomisjef", "(ikke oppgitt)")),
        (workload.GroupBy.municipality, ("Os", "Røros")),
    ],
)
def test_breakdown_by_owner_or_municipality(small: Path, by: workload.GroupBy, groups: tuple[str, ...]) -> None:
    loaded = reg.load(small)
    assert workload.workload(loaded, loaded.plans.values(), range(2024, 2028), 2026, by=by).groups == groups


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def test_command_on_a_small_register(small: Path) -> None:
    code, out, err = run("workload", "--data", str(small), "--as-of", "2026-05-01", "--capacity", "2")
    assert (code, err) == (0, "")
    assert out.splitlines()[:8] == [
        "Revisjoner per år 2024–2027 (kapasitet 2)",
        "",
        " År     Antall   Revisjoner   Kapasitet",
        " ───────────────────────────────────────────",
        " 2024        3   ███          over kapasitet",
        " 2025        1   █",
        " 2026        4   █▒▒▒         over kapasitet",
        " 2027        1   █",
    ]


def test_partner_filter_keeps_the_plans_shared_with_it(small: Path) -> None:
    code, out, _ = run("workload", "--data", str(small), "--as-of", "2026-05-01", "--partner", "Røros", "-f", "json")
    document = json.loads(out)
    assert code == 0
    assert document["filters"] == {"partner": "5025"}
    assert [row["total"] for row in document["years"]] == [1, 0, 2, 0]


def test_json_and_details(small: Path) -> None:
    code, out, _ = run("workload", "--data", str(small), "--as-of", "2026-05-01", "--details", "-f", "json")
    document = json.loads(out)
    assert code == 0
    assert document["over_capacity"] == [2026]
    assert document["years"][0] == {
        "year": 2024,
        "total": 3,
        "revision": 2,
        "cadence": 1,
        "backlog": 0,
        "over": False,
        "bar": "███",
    }
    assert [(i["year"], i["id"], i["source"]) for i in document["items"] if i["year"] == 2026] == [
        (2026, "budsjett", "backlog"),
        (2026, "helse", "backlog"),
        (2026, "reglement", "backlog"),
        (2026, "roros", "revision"),
    ]


@pytest.mark.parametrize("args", [["--from", "2027", "--to", "2024"], ["--from", "2000", "--to", "2040"]])
def test_bad_range_is_a_usage_error(small: Path, args: list[str]) -> None:
    code, out, err = run("workload", "--data", str(small), *args)
    assert (code, out) == (2, "")
    assert "--from" in err


def test_cli_default_capacity_is_the_domain_default() -> None:
    assert intelligence.DEFAULT_CAPACITY == workload.DEFAULT_CAPACITY


GOLDEN_RUNS = {
    "workload.txt": ["workload"],
    "workload-by-owner.md": ["workload", "--by", "owner", "-f", "markdown"],
    "workload-details.json": ["workload", "--from", "2023", "--to", "2028", "--details", "-f", "json"],
    "workload.en.txt": ["workload", "--lang", "en", "--capacity", "10"],
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
