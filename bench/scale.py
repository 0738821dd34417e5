"""Big outputs at scale: ``list``, ``table``, ``due`` and ``report`` beside ``validate`` on one
generated register (36,000 plan files unless told otherwise), issue #21's budget.

Each command runs as a child process with stdout a pipe (to /dev/null, as in CI or ``| less``),
``--as-of 2025-06-01``; all of them in turns, run by run, so a slow moment of the machine hits
them alike; one untimed round first (page cache, bytecode, and the register cache the questions
use). The table gives each command's median, its ratio to ``validate``'s median, and the peak
resident memory of all its processes together (``validate``'s workers included). Budget: every
command ≤ 1.5× ``validate`` and ≤ 300 MB.

    python bench/scale.py                    # 36,000 files, 5 runs, a Markdown table on stdout
    python bench/scale.py --files 5000 --runs 3
    python bench/scale.py --extra            # also --no-cache, overdue and the other formats
    python bench/scale.py --write BENCHMARKS.md   # and put the table there (what run.py does)

``bench/run.py`` calls ``measure()`` and ``table()`` (``--scale-files``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # sibling scripts, not a package: run.py's Tool, Measure and run_once
from generate import generate

AS_OF = "2025-06-01"
BUDGET_RATIO = 1.5
BUDGET_MB = 300
VALIDATE = "validate"

#: (label, arguments after ``planstrategi``); ``validate`` first, the one the others are divided by.
COMMANDS: list[tuple[str, list[str]]] = [
    (VALIDATE, ["validate"]),
    ("list", ["list"]),
    ("table --term 2023", ["table", "--term", "2023"]),
    ("due 2025", ["due", "2025"]),
    ("report --format html", ["report", "--format", "html", "-o", "{tmp}/report.html", "--force"]),
]
#: More of the same outputs, with ``--extra``: other formats, and the questions without their cache.
EXTRA: list[tuple[str, list[str]]] = [
    ("overdue", ["overdue"]),
    ("report --format markdown", ["report", "--format", "markdown"]),
    ("list --format csv", ["list", "--format", "csv"]),
    ("list --format json", ["list", "--format", "json"]),
    ("list --format markdown", ["list", "--format", "markdown"]),
    ("list --format html", ["list", "--format", "html"]),
    ("due 2025 --format csv", ["due", "2025", "--format", "csv"]),
    ("due 2025 --format json", ["due", "2025", "--format", "json"]),
    ("list --no-cache", ["list", "--no-cache"]),
    ("table --term 2023 --no-cache", ["table", "--term", "2023", "--no-cache"]),
    ("due 2025 --no-cache", ["due", "2025", "--no-cache"]),
]


def _planstrategi() -> list[str]:
    local = Path(sys.executable).parent / "planstrategi"
    return [str(local)] if local.exists() else [sys.executable, "-m", "planstrategi"]


def tools(register: Path, tmp: Path, extra: bool = False) -> list[run.Tool]:
    base = ["--data", str(register), "--as-of", AS_OF]
    chosen = COMMANDS + (EXTRA if extra else [])
    return [
        run.Tool(label, [*_planstrategi(), *[a.replace("{tmp}", str(tmp)) for a in argv], *base])
        for label, argv in chosen
    ]


def measure(
    files: int, runs: int, *, extra: bool = False, timed: bool = True, register: Path | None = None
) -> dict[str, run.Measure]:
    """Every command on a generated register of ``files`` plan files (or on ``register``): ``runs``
    rounds in turns after an untimed one (with ``timed`` false, only that one: does every command run?)."""
    with tempfile.TemporaryDirectory(prefix="planstrategi-scale-") as name:
        tmp = Path(name)
        if register is None:
            register = tmp / "register"
            generate(files, register)
        before = os.environ.get("XDG_CACHE_HOME")
        os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")  # a cache of this register only, warmed below
        try:
            found = tools(register, tmp, extra)
            measures = {tool.name: run.Measure() for tool in found}
            for tool in found:
                run.run_once(tool, measures[tool.name] if not timed else run.Measure())
            for index in range(runs if timed else 0):
                print(f"scale, {files:,} files: round {index + 1} of {runs} …", file=sys.stderr, flush=True)
                for tool in found:
                    run.run_once(tool, measures[tool.name])
        finally:
            if before is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = before
    return measures


def table(measures: dict[str, run.Measure], files: int, runs: int) -> str:
    """The Markdown table: median, ÷ validate, peak RSS of all processes, and the budget met or not."""
    validate = measures.get(VALIDATE)
    lines = [
        f"| {files:,} files | median of {runs} (s) | ÷ validate | peak RSS, all processes (MB) "
        f"| budget ≤ {BUDGET_RATIO}× and ≤ {BUDGET_MB} MB |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, m in measures.items():
        if m.failure:
            lines.append(f"| `{name}` | failed: {m.failure.splitlines()[0][:80]} | | | not met |")
            continue
        mb = m.rss_tree_kb / 1024
        ratio = m.median / validate.median if validate and validate.times and not validate.failure else None
        met = mb <= BUDGET_MB and (name == VALIDATE or (ratio is not None and ratio <= BUDGET_RATIO))
        shown = "1.00×" if name == VALIDATE else (f"{ratio:.2f}×" if ratio is not None else "–")
        lines.append(f"| `{name}` | {m.median:.3f} | {shown} | {mb:.0f} | {'met' if met else 'not met'} |")
    return "\n".join(lines)


START, END = "<!-- scale:start -->", "<!-- scale:end -->"
HEADING = "## Big outputs at 36,000 files"
SMOKE_FILES = 60


def for_run(files: int, runs: int, *, smoke: bool = False, quick: bool = False) -> tuple[str, list[str]]:
    """What ``bench/run.py`` prints and writes: the table (empty with ``--quick``), and the failures.
    With ``--smoke``, every command once on a register of 60 files, untimed."""
    if quick:
        return "", []
    if smoke:
        files, runs = SMOKE_FILES, 1
    print(f"big outputs, {files:,} files: {runs} runs …", file=sys.stderr, flush=True)
    load = os.getloadavg()
    measures = measure(files, runs, timed=not smoke)
    failed = [f"scale {files}: {name}: {m.failure}" for name, m in measures.items() if m.failure]
    said = f"Load average before these runs (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in load)}."
    return f"{table(measures, files, runs)}\n\n{said}", failed


def write_section(path: Path, text: str) -> None:
    """Put ``text`` between this table's markers in ``path``, under its own heading (added at the end
    the first time); the prose around the markers stays."""
    if not text:
        return
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START not in old or END not in old:
        old = old.rstrip("\n") + f"\n\n{HEADING}\n\n{START}\n{END}\n"
    before, rest = old.split(START, 1)
    path.write_text(f"{before}{START}\n{text}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=36_000, help="plan files in the generated register")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (the median is shown)")
    parser.add_argument("--extra", action="store_true", help="also other formats, overdue and --no-cache")
    parser.add_argument("--register", type=Path, help="an existing register instead of a generated one")
    parser.add_argument("--write", type=Path, help="also put the table in this Markdown file (BENCHMARKS.md)")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    measures = measure(args.files, args.runs, extra=args.extra, register=args.register)
    said = f"Load average before these runs (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in load)}."
    text = f"{table(measures, args.files, args.runs)}\n\n{said}"
    print(text)
    if args.write:
        write_section(args.write, text)
    return 1 if any(m.failure for m in measures.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
