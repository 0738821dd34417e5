"""Start-up budget: ``planstrategi due 2025`` on the bundled register beside a do-nothing Typer command.

The floor is the least a command of a Typer CLI costs on this machine and this Typer version: start
Python, import Typer, let it parse one argument and do nothing (``TYPER_FLOOR`` in
``bench/floors.py``, which ``bench/run.py`` uses too). Beside it, interleaved run by run so that a
slow moment of the machine hits all of them alike, ``due 2025 --format table`` on a copy of
``data/`` (stdout a pipe, as in CI):

- warm cache: the register cache (``store/cache.py``) written by an earlier run and still valid;
- cold cache: the cache folder emptied before each run (the run loads the files and writes it);
- no cache: ``--no-cache`` (what ``due`` cost before the cache).

Each row gives the median of ``--runs`` runs and its ratio to the floor's median (budget: warm ≤ 1.3×).

    python bench/startup.py               # 21 runs each, a Markdown table on stdout
    python bench/startup.py --runs 15
    python bench/startup.py --floor-python /tmp/typer028/bin/python   # and the floor under another Typer

``--floor-python`` adds the floor run by another interpreter (a virtual environment with another
Typer version installed), so the question "would pinning Typer pay?" is measured in the same turns.

``bench/run.py`` can call ``measure()`` and ``rows()``; ``main()`` prints them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floors import TYPER_FLOOR  # a sibling script, not a package

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
AS_OF = "2025-06-01"
FLOOR = "start-up floor: a Typer command"


@dataclass
class Case:
    name: str
    argv: list[str]
    before: list[Path] = field(default_factory=list)  # folders emptied before each run (the cold cache)
    times: list[float] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def _planstrategi() -> list[str]:
    local = Path(sys.executable).parent / "planstrategi"
    return [str(local)] if local.exists() else [sys.executable, "-m", "planstrategi"]


def _typer_version(python: str) -> str:
    probe = [python, "-c", "from importlib.metadata import version; print(version('typer'))"]
    return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


def cases(register: Path, cache_home: Path, other_floors: Sequence[str] = ()) -> list[Case]:
    due = [*_planstrategi(), "due", "2025", "--data", str(register), "--as-of", AS_OF]
    return [
        Case(FLOOR, [sys.executable, "-c", TYPER_FLOOR]),
        *(Case(f"{FLOOR}, typer {_typer_version(p)}", [p, "-c", TYPER_FLOOR]) for p in other_floors),
        Case("planstrategi due 2025, warm cache", due),
        Case("planstrategi due 2025, cold cache", due, before=[cache_home / "planstrategi"]),
        Case("planstrategi due 2025 --no-cache", [*due, "--no-cache"]),
    ]


def _run(case: Case, env: dict[str, str], *, timed: bool = True) -> None:
    for folder in case.before:
        shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        case.failure = f"exit {done.returncode}: {done.stderr.decode('utf-8', 'replace').strip()[-200:]}"
    if timed:
        case.times.append(elapsed)


def measure(runs: int = 21, other_floors: Sequence[str] = ()) -> list[Case]:
    """Every case ``runs`` times, in turns, after one untimed run each (bytecode compiled, files cached)."""
    with tempfile.TemporaryDirectory(prefix="planstrategi-startup-") as tmp:
        register = Path(tmp) / "register"
        shutil.copytree(BUNDLED, register)
        cache_home = Path(tmp) / "cache"
        env = {k: v for k, v in os.environ.items() if k not in ("PLANSTRATEGI_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
        env["XDG_CACHE_HOME"] = str(cache_home)
        found = cases(register, cache_home, other_floors)
        for case in found:
            _run(case, env, timed=False)
        for _ in range(runs):
            for case in found:
                _run(case, env)
    return found


def rows(found: list[Case]) -> list[str]:
    """Markdown rows: the case, its median, and its ratio to the floor."""
    floor = next(case for case in found if case.name == FLOOR)
    runs = len(floor.times)
    lines = [f"| start-up | median of {runs} (ms) | ÷ {FLOOR} |", "| --- | ---: | ---: |"]
    for case in found:
        if case.failure:
            lines.append(f"| {case.name} | failed: {case.failure.splitlines()[0][:80]} | |")
            continue
        lines.append(f"| {case.name} | {case.median * 1000:.0f} | {case.median / floor.median:.2f}× |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs of each case, in turns (at least 15)")
    parser.add_argument(
        "--floor-python",
        action="append",
        default=[],
        metavar="PYTHON",
        help="also time the floor with this interpreter (another Typer version); may be repeated",
    )
    args = parser.parse_args(argv)
    found = measure(max(args.runs, 1), args.floor_python)
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("typer", "pydantic"))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, {versions}; load average before/after: {load}\n")
    print("\n".join(rows(found)))
    return 1 if any(case.failure for case in found) else 0


if __name__ == "__main__":
    raise SystemExit(main())
