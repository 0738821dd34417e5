"""Benchmark: planstrategi against check-jsonschema, yamllint and a bare libyaml parse.

For each size (plan files in a synthetic register shaped like Os kommune's, see ``generate.py``)
every tool runs as a child process, once untimed to warm the caches and then ``--runs`` times, in
turns; the table gives the median wall time, its ratio to check-jsonschema and to the bare parse,
and the peak memory (RSS) of the run.

    python bench/run.py                  # data/, 60, 5,000 and 36,000 files, 5 runs; writes BENCHMARKS.md
    python bench/run.py --quick          # data/ and 2,000 files, 3 runs; prints only
    python bench/run.py --smoke          # 60 files once: does every tool run? (the test suite's check)

The tools (``pip install ".[bench]"``): ``planstrategi validate``; ``planstrategi due 2025`` when
that command exists; ``check-jsonschema --schemafile <plan schema>`` on the plan files, the schema
exported by ``planstrategi.schema`` (else ``Plan.model_json_schema()``); ``yamllint -d relaxed`` on
the plan folder; ``yaml.load(…, Loader=CSafeLoader)`` of every plan file in one process pinned
to one core; the same parse in two processes, one per half of the files (``PARSE_FLOOR`` in
``floors.py``: the floor ``validate`` on two cores is measured against), and with ``yaml_rs``, a
Rust YAML 1.2 parser, where it is installed; ``due 2025 --format csv`` (the same answer without
the terminal table); and two start-up floors: a one-argument Typer command that does nothing,
and the same after importing the libraries ``due`` needs (pydantic, PyYAML, rich): the least any
command of this CLI can cost. A tool that is not installed is reported as missing, not timed. From
5,000 files on, ``diff`` with 10 files changed (``generate.diff_scenario``) beside ``validate``.

A second table is the rendering budget: ``show`` and ``table`` on the bundled register with one
plan's remarks a block of 240,000 lines (``--render-lines``), and ``list`` on a generated register
of 36,000 plans (``--render-plans``), each with its ratio to ``validate`` on the same register.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floors import PARSE_FLOOR, RUST_FLOOR, TYPER_FLOOR  # sibling scripts, not a package
from generate import BUNDLED, diff_scenario, generate

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-06-01"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BARE = (
    "import glob, os, sys, yaml\n"
    "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
    "for name in sorted(glob.glob(os.path.join(sys.argv[1], '*.yaml'))):\n"
    "    with open(name, 'rb') as stream:\n"
    "        yaml.load(stream, Loader=yaml.CSafeLoader)\n"
)
# check-jsonschema takes files only; 36,000 names would overflow the command line, so its own
# entry point gets them from a glob inside the process (what the console script does after argv).
CHECK_JSONSCHEMA = (
    "import glob, sys\n"
    "from check_jsonschema import main\n"
    "sys.argv = ['check-jsonschema', '--schemafile', sys.argv[1], *sorted(glob.glob(sys.argv[2] + '/*.yaml'))]\n"
    "main()\n"
)
# The second floor also imports the other libraries `due` needs: PyYAML and rich (pydantic is in
# already, through Typer).
FLOOR = "import yaml, pydantic, rich.console, rich.table\n" + TYPER_FLOOR
PARSE_FLOOR_NAME = "bare CSafeLoader, 2 processes"
RUST_FLOOR_NAME = "bare yaml_rs (Rust, YAML 1.2), 2 processes"
PACKAGES = (
    "planstrategi",
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "typer",
    "rich",
    "check-jsonschema",
    "yamllint",
    "yaml_rs",
)


@dataclass
class Tool:
    name: str
    argv: list[str]
    ok: tuple[int, ...] = (0,)


@dataclass
class Measure:
    times: list[float] = field(default_factory=list)
    rss_max_kb: int = 0  # largest single process (wait4)
    rss_tree_kb: int = 0  # all processes of the run together, sampled
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def _command(name: str) -> list[str] | None:
    """The console script next to this interpreter, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return [str(local)]
    found = shutil.which(name)
    return [found] if found else None


def _has_module(module: str) -> bool:
    probe = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, check=False)
    return probe.returncode == 0


def export_schema(target: Path) -> str:
    """Write the plan schema to ``target``; returns where it came from."""
    code = (
        "import json, sys\n"
        "try:\n"
        "    from planstrategi.store.schema import build, render\n"
        "    sys.stdout.write(render(build('plan.schema.json'))); print('planstrategi.schema', file=sys.stderr)\n"
        "except ImportError:\n"
        "    from planstrategi.model import Plan\n"
        "    json.dump(Plan.model_json_schema(), sys.stdout); print('Plan.model_json_schema()', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True)
    target.write_text(result.stdout, encoding="utf-8")
    return result.stderr.strip()


def tools(register: Path, schema: Path) -> tuple[list[Tool], list[str]]:
    """The tools to time on ``register``, and the names of those that are missing."""
    planstrategi = _command("planstrategi") or [sys.executable, "-m", "planstrategi"]
    found = [Tool("planstrategi validate", [*planstrategi, "validate", "--data", str(register), "--as-of", AS_OF])]
    missing = []
    due = subprocess.run([*planstrategi, "due", "--help"], capture_output=True, check=False)
    if due.returncode == 0:
        found.append(Tool("planstrategi due 2025", [*planstrategi, "due", "2025", "--data", str(register)]))
        csv = [*planstrategi, "due", "2025", "--data", str(register), "--format", "csv"]
        found.append(Tool("planstrategi due 2025 --format csv", csv))
    else:
        missing.append("planstrategi due")
    plans = str(register / "plans")
    if _has_module("check_jsonschema"):
        found.append(Tool("check-jsonschema", [sys.executable, "-c", CHECK_JSONSCHEMA, str(schema), plans]))
    else:
        missing.append("check-jsonschema")
    yamllint = _command("yamllint")
    if yamllint:
        found.append(Tool("yamllint -d relaxed", [*yamllint, "-d", "relaxed", plans], ok=(0, 1)))
    else:
        missing.append("yamllint")
    found.append(Tool("bare CSafeLoader, 1 core", [sys.executable, "-c", BARE, plans]))
    found.append(Tool(PARSE_FLOOR_NAME, [sys.executable, "-c", PARSE_FLOOR, plans]))
    if _has_module("yaml_rs"):
        found.append(Tool(RUST_FLOOR_NAME, [sys.executable, "-c", RUST_FLOOR, plans]))
    else:
        missing.append("yaml_rs")
    if _has_module("typer"):
        found.append(Tool("start-up floor: a Typer command", [sys.executable, "-c", TYPER_FLOOR]))
        found.append(Tool("start-up floor: Typer + pydantic + PyYAML + rich", [sys.executable, "-c", FLOOR]))
    return found, missing


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, from /proc (0 where /proc is missing)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="utf-8") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{current}/task/{current}/children", encoding="utf-8") as children:
                stack += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_once(tool: Tool, measure: Measure) -> None:
    """One timed run: wall time, the child's peak RSS (wait4) and the tree's, sampled every 10 ms."""
    start = time.perf_counter()
    child = subprocess.Popen(tool.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.01):
            peak = max(peak, _tree_rss_kb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    if child.returncode not in tool.ok:
        measure.failure = f"exit {child.returncode}: {stderr.strip()[-300:]}"
    measure.times.append(elapsed)
    measure.rss_max_kb = max(measure.rss_max_kb, usage.ru_maxrss)
    measure.rss_tree_kb = max(measure.rss_tree_kb, peak, usage.ru_maxrss)


def in_turns(found: list[Tool], runs: int) -> dict[str, Measure]:
    """Each tool once untimed (files in the page cache, bytecode compiled), then ``runs`` times in
    turns, so that a slow moment of the machine does not hit one tool only."""
    measures = {tool.name: Measure() for tool in found}
    for tool in found:
        run_once(tool, Measure())
    for _ in range(runs):
        for tool in found:
            run_once(tool, measures[tool.name])
    return measures


def bench_size(size: str, runs: int, workdir: Path) -> tuple[dict[str, Measure], list[str], str]:
    """Time every tool on a register of ``size`` plan files, or on the bundled one (``bundled``)."""
    if size == "bundled":
        register = workdir / "register-bundled"
        shutil.copytree(BUNDLED, register)
    else:
        register = workdir / f"register-{size}"
        generate(int(size), register)
    schema = workdir / "plan.schema.json"
    schema_source = export_schema(schema)
    found, missing = tools(register, schema)
    measures = in_turns(found, runs)
    shutil.rmtree(register)
    return measures, missing, schema_source


# --- the diff budget (issue #21): 10 files changed of many cost at most 0.2x validate

#: The smallest register the diff budget is measured on: below it, start-up is all there is.
DIFF_FROM = 5000


def bench_diff(size: int, runs: int, workdir: Path) -> dict[str, Measure]:
    """``diff`` of 10 changed files (``generate.diff_scenario``) in a git repository of ``size`` plan
    files, against the working tree and between two commits, beside ``validate`` on the same files."""
    repo = workdir / f"diff-{size}"
    repo.mkdir()
    base, head = diff_scenario(size, repo)
    planstrategi = _command("planstrategi") or [sys.executable, "-m", "planstrategi"]
    data = ["--data", str(repo / "data")]
    found = [
        # a deleted or renamed plan may leave a reference behind: exit 1 is an answer, not a failure
        Tool("planstrategi validate", [*planstrategi, "validate", *data, "--as-of", AS_OF], ok=(0, 1)),
        Tool("planstrategi diff BASE (working tree), 10 files changed", [*planstrategi, "diff", base, *data]),
        Tool("planstrategi diff BASE HEAD, 10 files changed", [*planstrategi, "diff", base, head, *data]),
    ]
    measures = in_turns(found, runs)
    shutil.rmtree(repo)
    return measures


def diff_table(results: dict[str, dict[str, Measure]], runs: int) -> str:
    lines = [
        "Diff budget: `diff` with 10 files changed ≤ 0.2× `validate` on the same register.",
        "",
        f"| files | command | median of {runs} (s) | min (s) | ÷ validate |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for size, measures in results.items():
        validate = measures.get("planstrategi validate")
        for name, m in measures.items():
            if m.failure:
                lines.append(f"| {_label(size)} | {name} | failed: {m.failure.splitlines()[0][:80]} | | |")
                continue
            lines.append(
                f"| {_label(size)} | {name} | {m.median:.3f} | {min(m.times):.3f} | {_ratio(m.median, validate)} |"
            )
    return "\n".join(lines)


# --- the rendering budget (issue #20): show, table and list within 3x validate on the same register


def remarks_register(workdir: Path, lines: int) -> tuple[Path, str]:
    """The bundled register with one plan's remarks made a block of ``lines`` one-word lines (under
    the 1 MB a file may have); returns the register and that plan's id."""
    register = workdir / "register-remarks"
    shutil.copytree(BUNDLED, register)
    path = register / "plans" / "helse-og-omsorgsplan.yaml"
    kept, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        skipping = line.startswith("remarks:") or (skipping and line.startswith(" "))
        if not skipping:
            kept.append(line)
    path.write_text("\n".join([*kept, "remarks: |", *["  a"] * lines]) + "\n", encoding="utf-8")
    return register, path.stem


def rendering_tools(planstrategi: list[str], register: Path, commands: list[list[str]]) -> list[Tool]:
    base = ["--data", str(register), "--as-of", AS_OF]
    found = [Tool("planstrategi validate", [*planstrategi, "validate", *base])]
    for command in commands:
        found.append(Tool(f"planstrategi {' '.join(command)}", [*planstrategi, *command, *base]))
    return found


def bench_rendering(runs: int, workdir: Path, lines: int, plans: int) -> dict[str, dict[str, Measure]]:
    """``show`` and ``table`` on a plan with a ``lines``-line remarks block, ``list`` on ``plans`` plans,
    each beside ``validate`` on the same register (the terminal table, at 100 columns)."""
    planstrategi = _command("planstrategi") or [sys.executable, "-m", "planstrategi"]
    remarks, plan_id = remarks_register(workdir, lines)
    large = workdir / "register-list"
    generate(plans, large)
    cases = {
        f"bundled + {lines:,}-line remarks": rendering_tools(planstrategi, remarks, [["show", plan_id], ["table"]]),
        f"{plans:,} plans": rendering_tools(planstrategi, large, [["list"]]),
    }
    results: dict[str, dict[str, Measure]] = {}
    os.environ["COLUMNS"] = "100"
    for label, found in cases.items():
        print(f"rendering, {label}: {runs} runs …", file=sys.stderr, flush=True)
        results[label] = in_turns(found, runs)
    shutil.rmtree(remarks)
    shutil.rmtree(large)
    return results


def rendering_table(results: dict[str, dict[str, Measure]], runs: int) -> str:
    lines = [
        "Rendering budget: `show`, `table` and `list` should stay within 3× `validate` on the same register.",
        "",
        f"| register | command | median of {runs} (s) | min (s) | ÷ validate | peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, measures in results.items():
        validate = measures.get("planstrategi validate")
        for name, m in measures.items():
            if m.failure:
                lines.append(f"| {label} | {name} | failed: {m.failure.splitlines()[0][:80]} | | | |")
                continue
            lines.append(
                f"| {label} | {name} | {m.median:.3f} | {min(m.times):.3f} | {_ratio(m.median, validate)} "
                f"| {m.rss_max_kb / 1024:.0f} |"
            )
    return "\n".join(lines)


def _ratio(value: float, base: Measure | None) -> str:
    return f"{value / base.median:.2f}×" if base and base.times and not base.failure else "–"


def _label(size: str) -> str:
    return "bundled `data/`" if size == "bundled" else f"{int(size):,}"


def table(results: dict[str, dict[str, Measure]], runs: int) -> str:
    lines = [
        f"| files | tool | median of {runs} (s) | min (s) | ÷ check-jsonschema | ÷ bare parse "
        "| ÷ 2-process floor | peak RSS, largest process (MB) | peak RSS, all processes (MB) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, measures in results.items():
        cjs = measures.get("check-jsonschema")
        bare = measures.get("bare CSafeLoader, 1 core")
        floor = measures.get(PARSE_FLOOR_NAME)
        for name, m in measures.items():
            if m.failure:
                lines.append(f"| {_label(size)} | {name} | failed: {m.failure.splitlines()[0][:80]} | | | | | | |")
                continue
            lines.append(
                f"| {_label(size)} | {name} | {m.median:.3f} | {min(m.times):.3f} | {_ratio(m.median, cjs)} "
                f"| {_ratio(m.median, bare)} | {_ratio(m.median, floor)} "
                f"| {m.rss_max_kb / 1024:.0f} | {m.rss_tree_kb / 1024:.0f} |"
            )
    return "\n".join(lines)


def machine(load: tuple[float, float, float]) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    git = subprocess.run(
        ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.strip()
    return (
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; code: {git or 'not a git checkout'}\n"
        f"- CPU: {cpu}, {cores} cores available; {platform.system()} {platform.release()}\n"
        f"- Python {platform.python_version()} ({platform.python_implementation()}); libyaml "
        f"{'yes' if _has_module('yaml._yaml') else 'no'}\n"
        f"- Packages: {', '.join(versions)}\n"
        f"- Load average before the run (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in load)}"
    )


def write_markdown(path: Path, report: str) -> None:
    """Replace the generated part of ``path`` (between the bench markers), keeping the prose around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n{report}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="bundled,60,5000,36000", help="plan files per register, comma-separated; bundled = data/"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool per size (the median is shown)")
    parser.add_argument("--quick", action="store_true", help="60 and 2,000 files, 3 runs, print only")
    parser.add_argument("--smoke", action="store_true", help="60 files, one run, print only; exit 1 if a tool fails")
    parser.add_argument(
        "--render-lines", type=int, default=240_000, help="lines of the remarks block that show and table lay out"
    )
    parser.add_argument("--render-plans", type=int, default=36_000, help="plans in the register that list lays out")
    parser.add_argument(
        "--diff-from", type=int, default=DIFF_FROM, help="smallest register the diff of 10 changed files is timed on"
    )
    parser.add_argument("--scale-files", type=int, default=36_000, help="plan files of the big-outputs table")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="the Markdown file to update")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",")]
    runs = args.runs
    write = not args.no_write
    render_lines, render_plans = args.render_lines, args.render_plans
    if args.quick:
        sizes, runs, write = ["bundled", "2000"], 3, False
        render_plans = 2000
    if args.smoke:
        sizes, runs, write = ["60"], 1, False
        render_lines, render_plans = 2_400, 60

    load = os.getloadavg()  # other work on the machine shows in the times; say how much there was
    results: dict[str, dict[str, Measure]] = {}
    missing: list[str] = []
    schema_source = ""
    diffs: dict[str, dict[str, Measure]] = {}
    with tempfile.TemporaryDirectory(prefix="planstrategi-bench-") as tmp:
        for size in sizes:
            print(f"{_label(size)}: {runs} runs …", file=sys.stderr, flush=True)
            results[size], missing, schema_source = bench_size(size, runs, Path(tmp))
            if size.isdigit() and int(size) >= args.diff_from:
                print(f"diff, {_label(size)}: {runs} runs …", file=sys.stderr, flush=True)
                diffs[size] = bench_diff(int(size), runs, Path(tmp))
        rendering = bench_rendering(runs, Path(tmp), render_lines, render_plans)
    import scale  # bench/scale.py: list, table, due and report beside validate (not with --quick)

    big, big_failed = scale.for_run(args.scale_files, runs, smoke=args.smoke, quick=args.quick)
    report = "\n\n".join(
        [
            machine(load),
            table(results, runs),
            f"Schema for check-jsonschema: {schema_source}."
            + (f" Not installed, not timed: {', '.join(missing)}." if missing else ""),
            rendering_table(rendering, runs),
            *([diff_table(diffs, runs)] if diffs else []),
        ]
    )
    print(f"{report}\n\n{big}" if big else report)
    failed = big_failed + [
        f"{size}: {name}: {m.failure}"
        for size, ms in [*results.items(), *rendering.items(), *diffs.items()]
        for name, m in ms.items()
        if m.failure
    ]
    if write:
        write_markdown(args.output, report)
        scale.write_section(args.output, big)
        print(f"\nwritten to {args.output}", file=sys.stderr)
    if failed:
        print("\n".join(["", "failed:", *failed]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
