"""``planstrategi --version`` and ``--help`` start without importing pydantic, rich, PyYAML or ruamel.

A behaviour test, not a timing test: ``python -X importtime`` lists every module a run imports,
and the heavy ones must not be among them (they cost most of the start-up time).
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

import pytest

HEAVY = ("pydantic", "pydantic_core", "rich", "yaml", "ruamel")


def _imported(*args: str) -> tuple[set[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planstrategi", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    # stderr lines look like "import time:       607 |      24902 |   click"
    modules = {
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    return modules, result.stdout


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_no_heavy_imports(args: tuple[str, ...]) -> None:
    modules, stdout = _imported(*args)
    assert "planstrategi.cli" in modules  # the listing works, so an empty one cannot pass
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []
    assert stdout.strip()


def test_version_output() -> None:
    from planstrategi import __version__

    _, stdout = _imported("--version")
    assert stdout == f"planstrategi {__version__}\n"


def test_the_start_up_benchmark_runs_every_case() -> None:
    """``bench/startup.py`` (not timed here: one run each) times the floor, the warm and the cold
    cache and ``--no-cache``, and every one of them succeeds, so the script cannot rot unseen."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = subprocess.run(
        [sys.executable, os.path.join(root, "bench", "startup.py"), "--runs", "1", "--floor-python", sys.executable],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line.split(" | ")[0].lstrip("| ") for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[2:] == [
        "start-up floor: a Typer command",
        f"start-up floor: a Typer command, typer {metadata.version('typer')}",
        "planstrategi due 2025, warm cache",
        "planstrategi due 2025, cold cache",
        "planstrategi due 2025 --no-cache",
    ]
    assert "failed" not in result.stdout
