"""The bad-input corpus: each folder in ``tests/cases/`` is one test (check-jsonschema style).

A case folder holds the bad file(s) laid out as in a register and ``expected.txt``, one expected
problem per line as ``relative/path:line:code`` (line 0 for a whole-file problem), or as
``relative/path:line:column:code`` where the column is pinned too; an empty ``expected.txt``
means the files must be accepted. Each case is copied over ``tests/cases/_base``
and checked with ``planstrategi validate --format json``, with libyaml and with the pure-Python
loader. Inputs too big or too odd to commit (50 MB, symlinks, a folder named .yaml) are made here.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.store import register
from planstrategi.store.yamlio import MAX_FILE_BYTES

CASES = Path(__file__).resolve().parent / "cases"
BASE = CASES / "_base"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
BASE_PLANS = {p.stem for p in (BASE / "plans").glob("*.yaml")}
# A hang guard, not a speed test (speed is bench/run.py's): a run over six small files takes a few
# hundredths of a second alone, and up to 3 s beside the rest of the suite on two busy cores; an
# alias bomb or a hang takes tens of seconds or for ever.
SECONDS = 15.0

Found = set[tuple[str, int, str]]


def expected(case: Path) -> Found:
    return {(path, line, code) for path, line, _, code in expected_rows(case)}


def expected_rows(case: Path) -> list[tuple[str, int, int | None, str]]:
    """``expected.txt`` as (path, line, column or None, code)."""
    rows: list[tuple[str, int, int | None, str]] = []
    for text in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        head, code = text.strip().rsplit(":", 1)
        parts = head.rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            rows.append((parts[0], int(parts[1]), int(parts[2]), code))
        else:
            path, number = head.rsplit(":", 1)
            rows.append((path, int(number), None, code))
    return rows


def found_columns(report: dict[str, object]) -> set[tuple[str, int, int, str]]:
    problems = report["problems"]
    assert isinstance(problems, list)
    return {(p["path"], p["line"], p["column"], p["code"]) for p in problems}


def overlay(case: Path, root: Path) -> None:
    """The case's files over the base register (a case file with a base file's name replaces it)."""
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = root / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def validate(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, object], str, float]:
    """Run ``planstrategi validate --format json`` inside the register: exit code, JSON, stderr, seconds."""
    monkeypatch.chdir(root)  # paths are then printed relative to the register, as in expected.txt
    runner = CliRunner()
    start = time.perf_counter()
    result = runner.invoke(app, ["validate", "--data", ".", "--format", "json"], catch_exceptions=False)
    elapsed = time.perf_counter() - start
    return result.exit_code, json.loads(result.stdout), result.stderr, elapsed


def found(report: dict[str, object]) -> Found:
    problems = report["problems"]
    assert isinstance(problems, list)
    return {(p["path"], p["line"], p["code"]) for p in problems}


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str, base_register: Path, loader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES / name
    overlay(case, base_register)
    before = snapshot(base_register)

    code, report, stderr, elapsed = validate(base_register, monkeypatch)

    want = expected(case)
    assert found(report) == want
    pinned = {(path, line, column, code) for path, line, column, code in expected_rows(case) if column is not None}
    assert pinned <= found_columns(report)
    assert code == (1 if want else 0)
    assert stderr == ""
    assert "Traceback" not in json.dumps(report)
    assert elapsed < SECONDS
    # Validating writes nothing (a !!python/object tag that ran would have left pwned.txt).
    assert snapshot(base_register) == before
    # The other files were still checked and loaded: a bad file does not hide the good ones.
    replaced = {p.stem for p in (case / "plans").glob("*.yaml")} if (case / "plans").is_dir() else set()
    assert BASE_PLANS - replaced <= set(register.load(base_register).plans)


def test_every_case_has_expected_problems() -> None:
    for name in NAMES:
        assert (CASES / name / "expected.txt").is_file(), name
    assert len(NAMES) >= 30


def test_too_large_file_is_refused_without_reading_it(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = base_register / "plans" / "stor.yaml"
    with big.open("wb") as stream:  # 50 MB of a valid-looking plan: the size alone is the problem
        stream.write(b"id: stor\nremarks: ")
        stream.write(b"x" * 50_000_000)
    code, report, _, elapsed = validate(base_register, monkeypatch)
    assert found(report) == {("plans/stor.yaml", 0, "too-large")}
    assert str(MAX_FILE_BYTES) in report["problems"][0]["message"]  # type: ignore[index]
    assert code == 1
    assert elapsed < SECONDS
    assert set(register.load(base_register).plans) >= BASE_PLANS


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_out_of_the_register_is_not_read(
    base_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: hemmelig\ntitle: PASSORD-4711 [\n", encoding="utf-8")  # broken YAML: would be quoted
    (base_register / "plans" / "lenke.yaml").symlink_to(secret)
    (base_register / "goals" / "lenke.yaml").symlink_to(secret)

    monkeypatch.chdir(base_register)
    for fmt in ("text", "json", "github"):
        result = CliRunner().invoke(app, ["validate", "--data", ".", "--format", fmt], catch_exceptions=False)
        assert result.exit_code == 1
        assert "PASSORD-4711" not in result.output
        assert "hemmelig" not in result.output
    _, report, _, _ = validate(base_register, monkeypatch)
    assert found(report) == {("plans/lenke.yaml", 0, "outside-data"), ("goals/lenke.yaml", 0, "outside-data")}


def test_symlink_inside_the_register_is_read(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (base_register / "plans" / "helseplan.yaml").rename(base_register / "helseplan.yaml")
    (base_register / "plans" / "helseplan.yaml").symlink_to(base_register / "helseplan.yaml")
    code, report, _, _ = validate(base_register, monkeypatch)
    assert (code, found(report)) == (0, set())


def test_folder_named_like_a_plan(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (base_register / "plans" / "mappe.yaml").mkdir()
    code, report, _, _ = validate(base_register, monkeypatch)
    assert (code, found(report)) == (1, {("plans/mappe.yaml", 0, "not-a-file")})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_does_not_hang(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(base_register / "plans" / "ror.yaml")  # reading it would wait for a writer forever
    code, report, _, elapsed = validate(base_register, monkeypatch)
    assert (code, found(report)) == (1, {("plans/ror.yaml", 0, "not-a-file")})
    assert elapsed < SECONDS


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = base_register / "plans" / "laast.yaml"
    locked.write_text("id: laast\n", encoding="utf-8")
    locked.chmod(0)
    code, report, _, _ = validate(base_register, monkeypatch)
    assert (code, found(report)) == (1, {("plans/laast.yaml", 0, "unreadable")})
