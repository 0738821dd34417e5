"""Hostile input that a committed file cannot hold (issue 20): symbolic link loops, huge files, pipes.

Each test is a regression test for one hole: before the fix the command raised a traceback, hung
or took minutes. Nothing here is a timing budget: assertions are on counts and sizes, and a
subprocess timeout is only a guard against a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def problems(root: Path) -> set[tuple[str, int, str]]:
    code, out, err = run("validate", "--data", str(root), "--format", "json")
    assert (code, err) == (1, "")
    return {(Path(p["path"]).relative_to(root).as_posix(), p["line"], p["code"]) for p in json.loads(out)["problems"]}


@pytest.mark.parametrize("command", ["validate", "due", "overdue", "table", "list", "requirements", "report"])
def test_a_plan_that_links_to_itself_is_a_problem_in_every_command(base_register: Path, command: str) -> None:
    (base_register / "plans" / "x.yaml").symlink_to("x.yaml")
    code, out, err = run(command, "--data", str(base_register))
    assert "Traceback" not in out + err
    assert code in (0, 1)
    assert problems(base_register) == {("plans/x.yaml", 0, "link-loop")}


def test_two_links_that_point_at_each_other(base_register: Path) -> None:
    (base_register / "plans" / "a.yaml").symlink_to("b.yaml")
    (base_register / "plans" / "b.yaml").symlink_to("a.yaml")
    assert problems(base_register) == {("plans/a.yaml", 0, "link-loop"), ("plans/b.yaml", 0, "link-loop")}


def test_a_goals_folder_that_links_to_itself(base_register: Path) -> None:
    for path in (base_register / "goals").iterdir():
        path.unlink()
    (base_register / "goals").rmdir()
    (base_register / "goals").symlink_to("goals")
    assert problems(base_register) == {("goals", 0, "link-loop")}


def test_a_top_file_that_links_to_itself_is_not_called_missing(base_register: Path) -> None:
    (base_register / "categories.yaml").unlink()
    (base_register / "categories.yaml").symlink_to("categories.yaml")
    found = problems(base_register)
    assert ("categories.yaml", 0, "link-loop") in found
    assert all(code != "missing-file" for _, _, code in found)


def test_plans_as_a_file_is_reported(base_register: Path) -> None:
    for path in (base_register / "plans").iterdir():
        path.unlink()
    (base_register / "plans").rmdir()
    (base_register / "plans").write_text("id: x\n", encoding="utf-8")
    assert ("plans", 0, "not-a-folder") in problems(base_register)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_goals_folder_is_reported(base_register: Path) -> None:
    (base_register / "goals").chmod(0)
    try:
        assert ("goals", 0, "unreadable-folder") in problems(base_register)
    finally:
        (base_register / "goals").chmod(0o755)


def test_report_output_through_a_link_loop_is_refused(base_register: Path, tmp_path: Path) -> None:
    loop = tmp_path / "r.html"
    loop.symlink_to("r.html")
    for extra in ([], ["--force"]):
        code, out, err = run("report", "--data", str(base_register), "--output", str(loop), *extra)
        assert code == 1
        assert "Traceback" not in out + err
        assert "r.html" in err


def test_schema_output_through_a_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.schema.json").symlink_to("plan.schema.json")
    (tmp_path / "lp").symlink_to("lp")
    for folder in (tmp_path, tmp_path / "lp"):
        for extra in ([], ["--force"]):
            code, out, err = run("schema", "--output", str(folder), *extra)
            assert code == 1, (folder, extra)
            assert "Traceback" not in out + err


def test_new_into_a_link_loop_is_refused(base_register: Path) -> None:
    (base_register / "plans" / "ny-plan.yaml").symlink_to("ny-plan.yaml")
    args = ("new", "Ny plan", "--category", "politisk-styring", "--data", str(base_register))
    for extra in ([], ["--force"]):
        code, out, err = run(*args, *extra)
        assert code in (1, 2)
        assert "Traceback" not in out + err
    assert (base_register / "plans" / "ny-plan.yaml").is_symlink()


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def test_diff_with_a_link_loop_in_the_working_tree(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = base_register.parent
    _git(repo, "init", "-q")
    _git(repo, "add", "data")
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "base")
    (base_register / "plans" / "x.yaml").symlink_to("x.yaml")
    goals = base_register / "goals"
    goals.rename(repo / "goals-moved")
    goals.symlink_to("goals")
    monkeypatch.chdir(repo)
    code, out, err = run("diff", "HEAD", "--format", "json")
    assert "Traceback" not in out + err
    assert code in (0, 1)
    report = json.loads(out)
    text = json.dumps(report, ensure_ascii=False)
    assert "data/plans/x.yaml" in text
    assert "data/goals" in text


# --- resource exhaustion: a cap on problems per file, positions found without rescanning --------


def _plan(root: Path, name: str, body: str) -> Path:
    path = root / "plans" / f"{name}.yaml"
    head = f'id: {name}\ntitle: Plan\ncategory: politisk-styring\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'
    path.write_text(head + body, encoding="utf-8")
    return path


def _report(root: Path) -> list[dict[str, object]]:
    code, out, err = run("validate", "--data", str(root), "--format", "json")
    assert (code, err) == (1, "")
    found: list[dict[str, object]] = json.loads(out)["problems"]
    return found


def _in(found: list[dict[str, object]], name: str) -> list[dict[str, object]]:
    return [p for p in found if str(p["path"]).endswith(f"plans/{name}.yaml")]


@pytest.mark.parametrize(
    ("name", "body", "code", "total"),
    [
        ("ukjente", "".join(f"k{i}: 1\n" for i in range(20_000)), "unknown-key", 20_000),
        ("feiltype", "partners: [" + ", ".join(["1"] * 50_000) + "]\n", "wrong-type", 50_000),
        ("aliaser", "partners: &a [" + ", ".join(["1"] * 20_000) + "]\n" + "supersedes: *a\n", None, 40_000),
        ("ja-nei", "revisions: [" + ", ".join(["yes"] * 5_000) + "]\n", "truthy", 5_000),
    ],
)
def test_a_file_with_thousands_of_problems_reports_the_first_and_counts_the_rest(
    base_register: Path, monkeypatch: pytest.MonkeyPatch, name: str, body: str, code: str | None, total: int
) -> None:
    from planstrategi.store import yamlio

    _plan(base_register, name, body)
    composed = []
    real_compose = yamlio.yaml.compose
    monkeypatch.setattr(yamlio.yaml, "compose", lambda *a, **k: composed.append(1) or real_compose(*a, **k))
    found = _in(_report(base_register), name)
    assert len(found) == yamlio.MAX_PROBLEMS_PER_FILE + 1
    assert found[-1]["code"] == "more-problems"
    if code is not None:
        assert {p["code"] for p in found[:-1]} == {code}
    assert f"{total - yamlio.MAX_PROBLEMS_PER_FILE} " in str(found[-1]["message"])
    assert composed == []  # the failing file's own node tree placed every problem: it was not composed again


def test_references_across_files_are_capped_too(base_register: Path) -> None:
    from planstrategi.store import yamlio

    refs = ", ".join(f"finnes-ikke-{i}" for i in range(3_000))
    _plan(base_register, "mange-lenker", f"adopted: 2020\nsupersedes: [{refs}]\n")
    found = _in(_report(base_register), "mange-lenker")
    assert len(found) == yamlio.MAX_PROBLEMS_PER_FILE + 1
    assert {p["code"] for p in found[:-1]} == {"unknown-plan"}
    assert found[-1]["code"] == "more-problems"
    assert "2900 " in str(found[-1]["message"])


def test_diff_caps_a_file_the_same_way() -> None:
    from planstrategi.model import Plan
    from planstrategi.store import snapshot, yamlio

    raw = ("id: x\n" + "".join(f"k{i}: 1\n" for i in range(5_000))).encode()
    _, found = snapshot.check_bytes(raw, "plans/x.yaml", Plan)
    assert len(found) == yamlio.MAX_PROBLEMS_PER_FILE + 1
    assert found[-1].code == "more-problems"


def test_a_nested_merge_key_bomb_stops_at_the_alias_limit() -> None:
    # With PyYAML 6.0.0-6.0.3 this 1 kB file took 40 s and 6 GB before the alias limit tripped
    # (flatten_mapping copied the merged pairs first); pyproject.toml asks for 6.0.4.
    from planstrategi.store import yamlio

    lines = ["a0: &a0 {x: 1}"]
    lines += [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}], y{i}: 1}}" for i in range(1, 25)]
    for loader in {yamlio.LOADER, yamlio.PURE_LOADER}:
        document = yamlio.parse("\n".join(lines) + "\n", "bomb.yaml")
        assert [p.code for p in document.problems] == ["too-many-aliases"], loader


def test_pyyaml_is_asked_for_at_the_version_that_counts_merged_aliases() -> None:
    import importlib.metadata
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "pyyaml>=6.0.4" in pyproject["project"]["dependencies"]
    installed = tuple(int(part) for part in importlib.metadata.version("pyyaml").split(".")[:3])
    assert installed >= (6, 0, 4)


# --- import: only a regular file, and never more than the limit ---------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_import_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import sys

    pipe = tmp_path / "planer.csv"
    os.mkfifo(pipe)
    script = (
        "import sys; from pathlib import Path; from planstrategi.importers import csv\n"
        "try:\n    csv.read_source(Path(sys.argv[1]))\nexcept csv.Refused as exc:\n    print(exc.code)\n"
    )
    # Only a guard against a hang: reading the pipe would wait for a writer forever.
    done = subprocess.run([sys.executable, "-c", script, str(pipe)], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "import.not-a-file", done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_import_refuses_a_device_instead_of_reading_it_until_memory_runs_out() -> None:
    from planstrategi.importers import csv

    with pytest.raises(csv.Refused) as refused:
        csv.read_source(Path("/dev/zero"))
    assert refused.value.code == "import.not-a-file"
    result = csv.read_file(Path("/dev/zero"), categories=[], municipality="3430")
    assert (result.plans, len(result.problems)) == ([], 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_the_import_command_refuses_a_pipe_and_a_device(base_register: Path, tmp_path: Path) -> None:
    import sys

    pipe = tmp_path / "planer.csv"
    os.mkfifo(pipe)
    before = sorted(p.name for p in (base_register / "plans").iterdir())
    # A real process, so that a hang is a timeout, not a test run that never ends.
    done = subprocess.run(
        [sys.executable, "-m", "planstrategi", "import", str(pipe), "--data", str(base_register)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    if Path("/dev/zero").exists():
        code, _, err = run("import", "/dev/zero", "--data", str(base_register))
        assert code == 1 and err.startswith("planstrategi: ")
    assert sorted(p.name for p in (base_register / "plans").iterdir()) == before  # nothing written


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_record_from_a_named_pipe_is_refused_without_waiting(base_register: Path, tmp_path: Path) -> None:
    import sys

    pipe = tmp_path / "vedtak.csv"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "planstrategi", "record", "--from", str(pipe), "--data", str(base_register)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,  # only a guard against a hang
    )
    assert done.returncode == 1 and "[import.not-a-file]" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_import_reads_at_most_the_limit(tmp_path: Path) -> None:
    from planstrategi.importers import csv
    from planstrategi.store import yamlio

    big = tmp_path / "stor.csv"
    big.write_bytes(b"Tittel\n" + b"x" * yamlio.MAX_FILE_BYTES)
    with pytest.raises(csv.Refused) as refused:
        csv.read_source(big)
    assert refused.value.code == "too-large"
    small = tmp_path / "liten.csv"
    small.write_bytes(b"Tittel\nPlan\n")
    assert csv.read_source(small) == b"Tittel\nPlan\n"


# --- huge valid content: the terminal lays it out whole, in linear time; JSON keeps it too -------


def test_a_huge_remark_is_shown_whole_in_the_terminal_and_in_json(base_register: Path) -> None:
    lines = "".join(f"  linje {i} tekst\n" for i in range(40_000))
    with (base_register / "plans" / "helseplan.yaml").open("a", encoding="utf-8") as stream:
        stream.write("remarks: |\n" + lines)
    code, out, err = run("show", "helseplan", "--data", str(base_register))
    assert (code, err) == (0, "")
    assert "linje 0 tekst" in out and "linje 39999 tekst" in out  # nothing cut
    code, out, _ = run("show", "helseplan", "--data", str(base_register), "--format", "json")
    assert code == 0
    assert "linje 39999 tekst" in out
