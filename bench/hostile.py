"""Benchmark: the per-file budget for hostile input (issue #20).

The budget, as the README's guarantees section states it: any single file under the size limit
the loader enforces (``yamlio.MAX_FILE_BYTES``) is validated in under 1 s and 200 MB, whatever it
holds; and ``show``, ``table`` and ``list`` on a register stay within 3x ``validate`` on it.

The corpus: every case of the bad-input corpus in ``tests/cases/`` (each laid over
``tests/cases/_base`` as ``tests/test_cases.py`` does), and the worst cases the issue names,
generated here because they are too big to commit, each one file just under the size limit in a
copy of ``_base``. For each, ``planstrategi validate --format json`` runs as a child process (the
cache off, so every run reads the files); the table gives the median wall time of ``--runs`` runs
and the peak RSS of the process (``wait4``'s ``ru_maxrss``), against the budget. A second table
runs ``show``, ``table`` and ``list`` on the register with the 240,000-line remarks block, each
with its ratio to ``validate`` on that register.

    python bench/hostile.py             # 3 runs each; prints the tables
    python bench/hostile.py --write     # the same, and puts them into BENCHMARKS.md
    python bench/hostile.py --smoke     # every case once, untimed: does each run without a traceback?

Exit 1 when a case misses the budget (not with ``--smoke``) or a run fails (a traceback, a hang,
an exit code other than 0 or 1).
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
BASE = CASES / "_base"
BENCHMARKS = ROOT / "BENCHMARKS.md"
START, END = "<!-- bench-hostile:start -->", "<!-- bench-hostile:end -->"
SECTION = "## Hostile input: the per-file budget"
SECONDS, MEGABYTES, RENDER_RATIO = 1.0, 200, 3.0
HANG = 120  # seconds: a run this long is reported as hung and stopped
ENV = {**os.environ, "PLANSTRATEGI_NO_CACHE": "1", "PLANSTRATEGI_LANG": "nb", "COLUMNS": "100"}
#: Fields every generated plan has, so a file's problems are the ones it was made to have.
HEAD = 'title: T\ncategory: politisk-styring\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'


def limit() -> int:
    sys.path.insert(0, str(ROOT))
    from planstrategi.store.yamlio import MAX_FILE_BYTES

    return MAX_FILE_BYTES


def _fill(head: str, item: str, tail: str, room: int) -> str:
    """``head`` + as many ``item``s as fit in ``room`` bytes with ``tail``."""
    count = (room - len(head.encode()) - len(tail.encode())) // len(item.encode())
    return head + item * count + tail


def _key(index: int) -> str:
    """A short unique key of letters (``abb``, ``abc`` …): 3-4 bytes, so 127,000 of them fit in 1 MB."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    text = ""
    index += 26 * 27  # skip the one- and two-letter keys: some are fields (id) or YAML 1.1 words (no, on)
    while index:
        index, digit = divmod(index, 26)
        text = letters[digit] + text
    return text


def unknown_keys(room: int) -> str:
    lines = ["id: x", *HEAD.splitlines()]
    size = sum(len(line) + 1 for line in lines)
    index = 0
    while True:
        line = f"{_key(index)}: 0"
        if size + len(line) + 1 > room:
            break
        lines.append(line)
        size += len(line) + 1
        index += 1
    return "\n".join(lines) + "\n"


def seven_aliases(room: int) -> str:
    aliases = "".join(f"{key}: *l\n" for key in ("partners", "links", "requirements", "inferred", "legal_basis"))
    aliases += "revisions: *l\nresponsible: *l\n"  # seven aliases to one list (the limit is 10)
    return f"id: x\n{HEAD}supersedes: &l [" + "0, " * 89_999 + "0]\n" + aliases


def wrong_types(room: int) -> str:
    return _fill(f"id: x\n{HEAD}partners: [", "0,", "0]\n", room)


def merge_bomb(room: int) -> str:
    lines = ["id: x", *HEAD.splitlines(), "a0: &a0 {x: 1}"]
    lines += [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}], y{i}: 1}}" for i in range(1, 25)]
    return "\n".join(lines) + "\n"


def big_remarks(room: int) -> str:
    return _fill(f"id: x\n{HEAD}remarks: |\n", "  a\n", "", room)


def deep_nesting(room: int) -> str:
    depth = 5_000
    return f"id: x\n{HEAD}revisions: " + "[" * depth + "]" * depth + "\n"


def huge_integers(room: int) -> str:
    digits = "9" * 5_000  # past Python's 4,300-digit int-to-str limit
    return f"id: x\n{HEAD.replace('title: T', f'title: {digits}')}adopted: {digits}\nvalid_to: 0x{'f' * 5_000}\n"


def duplicate_keys(room: int) -> str:
    return _fill(f"id: x\n{HEAD}", "kind: plan\n", "", room)


def unknown_nested(room: int) -> str:
    return _fill(f"id: x\n{HEAD}revisions:\n", "  - {tgt: 1}\n", "", room)


def keys_at_limit(room: int) -> str:
    return f"id: x\n{HEAD}" + "".join(f"{_key(i)}: 0\n" for i in range(9_990))


def list_at_limit(room: int) -> str:
    return f"id: x\n{HEAD}partners: [" + "0," * 19_979 + "0]\n"


def aliases_at_limit(room: int) -> str:
    keys = ("partners", "links", "requirements", "inferred", "legal_basis", "revisions", "responsible", "remarks")
    keys += ("superseded_by", "part_of")
    aliases = "".join(f"{key}: *l\n" for key in keys)  # ten aliases, the most the loader takes
    return f"id: x\n{HEAD}supersedes: &l [" + "0, " * 1_799 + "0]\n" + aliases


#: name, what it is, how it is made (given the room: the size limit less a little)
GENERATED: list[tuple[str, str, Callable[[int], str]]] = [
    ("unknown-keys", "127,000 unknown keys", unknown_keys),
    ("seven-aliases", "7 aliases to one 90,000-item list", seven_aliases),
    ("wrong-types", "a 499,000-item list of wrong types", wrong_types),
    ("merge-key-bomb", "nested merge keys (`<<`), 4 aliases a level", merge_bomb),
    ("big-remarks", "a 249,700-line remarks block (valid)", big_remarks),
    ("deep-nesting", "lists nested 5,000 deep", deep_nesting),
    ("huge-integers", "5,000-digit numbers in title, adopted, valid_to", huge_integers),
    ("duplicate-keys", "90,800 duplicate keys", duplicate_keys),
    ("unknown-nested", "76,800 revisions with an unknown key", unknown_nested),
    ("keys-at-limit", "9,990 unknown keys (just under `MAX_NODES`)", keys_at_limit),
    ("list-at-limit", "a 19,980-item list of wrong types (just under)", list_at_limit),
    ("aliases-at-limit", "10 aliases to a 1,800-item list of wrong types (just under)", aliases_at_limit),
]


@dataclass
class Result:
    name: str
    what: str
    size: int
    times: list[float] = field(default_factory=list)
    rss_kb: int = 0
    failure: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else 0.0

    @property
    def within(self) -> bool:
        return not self.failure and self.median < SECONDS and self.rss_kb < MEGABYTES * 1024


def planstrategi() -> list[str]:
    local = Path(sys.executable).parent / "planstrategi"
    return [str(local)] if local.exists() else [sys.executable, "-m", "planstrategi"]


def run_once(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """One run as a child process: wall time, peak RSS in kB (``wait4``), and a failure or ''."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + HANG
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            return HANG, 0, f"hung: stopped after {HANG} s"
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    failure = ""
    if code not in (0, 1) or "Traceback" in stderr:
        failure = f"exit {code}: {stderr.strip()[-200:]}"
    return elapsed, usage.ru_maxrss, failure


def overlay(case: Path, register: Path) -> None:
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = register / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def registers(workdir: Path) -> list[tuple[str, str, Path, int]]:
    """(name, what, register, size of its largest file) for every case of the corpus."""
    room = limit() - 1_000
    made = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_")):
        register = workdir / f"case-{case.name}"
        shutil.copytree(BASE, register)
        overlay(case, register)
        files = [p for p in case.rglob("*") if p.is_file() and p.name != "expected.txt"]
        made.append((case.name, "tests/cases/", register, max((p.stat().st_size for p in files), default=0)))
    for name, what, make in GENERATED:
        register = workdir / f"gen-{name}"
        shutil.copytree(BASE, register)
        text = make(room)
        (register / "plans" / "x.yaml").write_text(text, encoding="utf-8")
        made.append((name, what, register, len(text.encode("utf-8"))))
    return made


def bench_validate(made: list[tuple[str, str, Path, int]], runs: int) -> list[Result]:
    results = []
    for name, what, register, size in made:
        result = Result(name, what, size)
        argv = [*planstrategi(), "validate", "--data", str(register), "--format", "json"]
        for _ in range(runs):
            elapsed, rss, failure = run_once(argv, register.parent)
            result.times.append(elapsed)
            result.rss_kb = max(result.rss_kb, rss)
            result.failure = result.failure or failure
        results.append(result)
        print(f"{name}: {result.median:.3f} s, {result.rss_kb // 1024} MB {result.failure}", file=sys.stderr)
    return results


def bench_rendering(register: Path, runs: int) -> list[tuple[str, float, int, str]]:
    """validate, show, table and list on one register, in turns; (command, median s, peak kB, failure)."""
    commands = [["validate"], ["show", "x"], ["table"], ["list"]]
    times: dict[str, list[float]] = {" ".join(c): [] for c in commands}
    rss: dict[str, int] = dict.fromkeys(times, 0)
    failures: dict[str, str] = dict.fromkeys(times, "")
    for _ in range(runs):
        for command in commands:
            label = " ".join(command)
            elapsed, peak, failure = run_once([*planstrategi(), *command, "--data", str(register)], register.parent)
            times[label].append(elapsed)
            rss[label] = max(rss[label], peak)
            failures[label] = failures[label] or failure
    return [(label, statistics.median(times[label]), rss[label], failures[label]) for label in times]


def validate_table(results: list[Result], runs: int) -> str:
    rows = [
        "| case | what | bytes | median (s) | peak RSS (MB) | within budget |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        verdict = "yes" if r.within else f"**no**{': ' + r.failure if r.failure else ''}"
        median = "–" if not r.times else f"{r.median:.3f}"
        rows.append(f"| {r.name} | {r.what} | {r.size:,} | {median} | {r.rss_kb / 1024:.0f} | {verdict} |")
    return "\n".join(rows)


def rendering_table(rows: list[tuple[str, float, int, str]]) -> str:
    base = rows[0][1]
    lines = [
        "| command (240,000-line remarks) | median (s) | ÷ validate | peak RSS (MB) | within 3× |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, median, peak, failure in rows:
        ratio = median / base if base else 0.0
        verdict = "**no**: " + failure if failure else ("yes" if ratio <= RENDER_RATIO else "**no**")
        lines.append(f"| `{label}` | {median:.3f} | {ratio:.2f}× | {peak / 1024:.0f} | {verdict} |")
    return "\n".join(lines)


def environment(runs: int) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"- Date: {when}; code: {commit or 'unknown'}; {runs} runs per case, median\n"
        f"- {platform.python_implementation()} {platform.python_version()}, {cores} cores, {platform.system()}"
        f" {platform.release()}; load average before the run: {load}"
    )


def write_markdown(path: Path, report: str) -> None:
    """Put ``report`` between this script's markers in ``path``; the section and its prose must be there."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n{report}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per case (median)")
    parser.add_argument("--write", action="store_true", help="put the tables into BENCHMARKS.md")
    parser.add_argument("--smoke", action="store_true", help="every case once, untimed; exit 1 if one fails")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else args.runs
    with tempfile.TemporaryDirectory(prefix="planstrategi-hostile-") as tmp:
        made = registers(Path(tmp))
        results = bench_validate(made, runs)
        remarks = next(register for name, _, register, _ in made if name == "big-remarks")
        rendering = bench_rendering(remarks, runs)
    failed = [r.name for r in results if r.failure] + [label for label, _, _, failure in rendering if failure]
    if args.smoke:
        print(f"{len(results)} cases and {len(rendering)} commands ran once; failed: {', '.join(failed) or 'none'}")
        return 1 if failed else 0
    missed = [r.name for r in results if not r.within]
    base = rendering[0][1]
    missed += [label for label, median, _, _ in rendering[1:] if base and median / base > RENDER_RATIO]
    report = "\n\n".join(
        [
            environment(runs),
            validate_table(results, runs),
            rendering_table(rendering),
            f"Cases: {len(results)}; outside the budget: {', '.join(missed) or 'none'}.",
        ]
    )
    print(report)
    if args.write:
        write_markdown(BENCHMARKS, report)
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
