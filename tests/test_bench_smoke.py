"""The benchmark runs (smallest size, once, not timed), its registers are valid, and loading on
every core gives exactly what loading in one process gives."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planstrategi.model.problems import Problem
from planstrategi.store import parallel, register

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

generate = importlib.import_module("generate").generate  # a script beside run.py, not a package


def test_generated_register_is_valid_and_references_stay_within_each_copy(tmp_path: Path) -> None:
    paths = generate(150, tmp_path / "data")
    assert len(paths) == 150
    loaded = register.load(tmp_path / "data", as_of=dt.date(2025, 6, 1))
    assert [p for p in loaded.problems if p.severity.value == "error"] == []
    assert len(loaded.plans) == 150
    copies = [plan for plan in loaded.plans.values() if plan.part_of and plan.id.endswith("-2")]
    assert copies and all(plan.part_of.endswith("-2") for plan in copies if plan.part_of)


def test_bench_smoke_run(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 60 |")]
    tools = [row.split(" | ")[1] for row in rows]
    # check-jsonschema and yamllint come with the bench extra, not the test one: when missing, the
    # report names them and leaves them out; everything else always runs.
    missing = re.search(r"Not installed, not timed: (.*)\.", result.stdout)
    absent = set(missing.group(1).split(", ")) if missing else set()
    assert absent <= {"check-jsonschema", "yamllint", "yaml_rs"}
    expected = [
        "planstrategi validate",
        "planstrategi due 2025",
        "planstrategi due 2025 --format csv",
        "check-jsonschema",
        "yamllint -d relaxed",
        "bare CSafeLoader, 1 core",
        "bare CSafeLoader, 2 processes",
        "bare yaml_rs (Rust, YAML 1.2), 2 processes",
        "start-up floor: a Typer command",
        "start-up floor: Typer + pydantic + PyYAML + rich",
    ]
    assert tools == [tool for tool in expected if not absent & set(tool.split()[:2])]
    ratios = 2 if "check-jsonschema" in absent else 3  # ÷ check-jsonschema is "–" without it
    assert all(row.count("×") == ratios for row in rows), rows  # every tool ran and none failed
    assert not (tmp_path / "BENCHMARKS.md").exists()


def _snapshot(root: Path) -> tuple[list[Problem], dict[str, object], int]:
    loaded = register.load(root, as_of=dt.date(2025, 6, 1))
    return loaded.sorted_problems(), {k: v.model_dump() for k, v in loaded.plans.items()}, loaded.files


def test_parallel_loading_equals_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    generate(130, root)
    (root / "plans" / "ukjent.yaml").write_text("id: ukjent\ntitel: Feil\n", encoding="utf-8")
    (root / "plans" / "tom.yaml").write_text("", encoding="utf-8")
    plan = (root / "plans" / "beredskapsplan.yaml").read_text(encoding="utf-8")
    (root / "plans" / "kopi.yaml").write_text(plan, encoding="utf-8")  # the same id twice, misnamed
    (root / "plans" / "delplan.yaml").write_text(
        plan.replace("id: beredskapsplan", "id: delplan") + "part_of: finnes-ikke\n", encoding="utf-8"
    )
    (root / "plans" / "dato.yaml").write_text(
        (root / "plans" / "beredskapsplan.yaml").read_text(encoding="utf-8").replace("id: beredskapsplan", "id: dato"),
        encoding="utf-8",
    )
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 10**9)
    one = _snapshot(root)
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 17)  # many chunks, finished in any order
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    many = _snapshot(root)
    assert many == one
    assert any(p.code == "unknown-key" for p in one[0])
    # validate keeps no models (the workers send back problems and each plan's facts): the same problems
    light = register.load(root, as_of=dt.date(2025, 6, 1), models=False)
    assert (light.sorted_problems(), light.files, light.plans) == (one[0], one[2], {})
    assert {"duplicate-id", "id-mismatch", "unknown-plan", "expired-unplanned"} <= {p.code for p in one[0]}


def test_a_link_out_of_the_register_is_refused_on_every_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    generate(60, root)
    outside = tmp_path / "utenfor.yaml"
    outside.write_text((root / "plans" / "beredskapsplan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "plans" / "lenke.yaml").symlink_to(outside)
    (root / "plans" / "innenfor.yaml").symlink_to(root / "plans" / "beredskapsplan.yaml")
    real = root.resolve()
    paths = parallel.yaml_files(root / "plans")
    expected = [path.resolve().is_relative_to(real) for path in paths]
    assert parallel.inside_flags(paths, real) == expected
    assert expected.count(False) == 1
    linked_folder = tmp_path / "lenket"
    linked_folder.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    assert parallel.inside_flags([linked_folder / "x.yaml"], real) == [False]
    for threshold in (10**9, 1):
        monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", threshold)
        codes = {(p.path.rsplit("/", 1)[-1], p.code) for p in register.load(root).problems}
        assert ("lenke.yaml", "outside-data") in codes
        assert not any(name == "innenfor.yaml" and code == "outside-data" for name, code in codes)


def test_hostile_bench_smoke_run(tmp_path: Path) -> None:
    """bench/hostile.py --smoke: every corpus case and every generated worst case runs once through
    validate (and show, table, list on the big remarks), without a traceback; nothing is written."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "hostile.py"), "--smoke"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    cases = len([p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir() and not p.name.startswith("_")])
    hostile = importlib.import_module("hostile")
    assert f"{cases + len(hostile.GENERATED)} cases and 4 commands ran once; failed: none" in result.stdout
    assert not (tmp_path / "BENCHMARKS.md").exists()


def test_big_outputs_smoke_runs_every_command_and_keeps_the_prose_around_its_table(tmp_path: Path) -> None:
    scale = importlib.import_module("scale")  # bench/scale.py, what `run.py --smoke` runs after the others
    text, failed = scale.for_run(36_000, 5, smoke=True)
    assert failed == []
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [name for name, _ in scale.COMMANDS]
    assert rows[0].split(" | ")[2] == "1.00×"
    assert all(row.endswith("| met |") or row.endswith("| not met |") for row in rows), rows
    assert "| 60 files | median of 1 (s) |" in text  # the tiny register, once: nothing timed
    assert scale.for_run(36_000, 5, quick=True) == ("", [])

    page = tmp_path / "BENCHMARKS.md"
    page.write_text("# Benchmarks\n\nProse before.\n", encoding="utf-8")
    scale.write_section(page, "first table")
    written = page.read_text(encoding="utf-8")
    assert written.index("Prose before.") < written.index(scale.HEADING) < written.index("first table")
    page.write_text(written.replace(scale.END, scale.END + "\n\nProse after."), encoding="utf-8")
    scale.write_section(page, "second table")
    again = page.read_text(encoding="utf-8")
    assert "first table" not in again and "second table" in again
    assert again.count(scale.HEADING) == 1 and again.rstrip().endswith("Prose after.")
