"""Inside GitHub Actions: annotations by default, the ten most important per severity, all in the summary."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.render import ci

# Four errors and a warning (line 7) in one file: more than the per-file annotation cap.
MANY_PROBLEMS = """\
id: mange
title: Mange feil
category: helse-og-omsorgg
kind: plan
municipality: "9999"
partners: ["5025", "8888"]
valid_to: 2019
status: gjeldende
part_of: finnes-ikke
"""
# Data that would be HTML, break a Markdown table or notify someone if it were not escaped.
HOSTILE = """\
id: fiendtlig
title: Fiendtlig
category: helse-og-omsorg
kind: plan
municipality: "3430"
status: gjeldende
"@kommunestyret|<img src=x>": 1
"""


@pytest.fixture
def actions(base_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A GitHub Actions environment around the base register; returns the step summary file."""
    monkeypatch.chdir(base_register.parent)
    summary = tmp_path / "step_summary.md"
    for name, value in {
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_REPOSITORY": "os-kommune/planer",
        "GITHUB_SHA": "0123abc",
        "GITHUB_WORKSPACE": str(base_register.parent),
    }.items():
        monkeypatch.setenv(name, value)
    return summary


def _validate(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["validate", "--data", "data", "--as-of", "2025-06-01", *args], catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


def test_github_format_is_chosen_inside_actions(base_register: Path, actions: Path) -> None:
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    code, out, _ = _validate()
    assert code == 1
    assert out.splitlines()[0].startswith("::error file=data/plans/mange.yaml,line=")


def test_outside_actions_the_default_stays_text(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_register.parent)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    _, out, _ = _validate()
    assert out.startswith("data/plans/mange.yaml:3:11: feil: gruppen «helse-og-omsorgg» finnes ikke")


def test_an_explicit_format_wins_and_writes_no_summary(base_register: Path, actions: Path) -> None:
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    code, out, _ = _validate("--format", "text")
    assert code == 1
    assert "::error" not in out
    assert not actions.exists()


def test_annotations_errors_first_one_per_file_first(base_register: Path, actions: Path) -> None:
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    (base_register / "plans" / "andre.yaml").write_text(
        MANY_PROBLEMS.replace("id: mange", "id: andre"), encoding="utf-8"
    )
    _, out, _ = _validate()
    annotations = [line.split(",title=")[0] for line in out.splitlines() if line.startswith("::")]
    # the first error of each file, then the second of each, …; warnings after every error
    assert annotations == [
        "::error file=data/plans/andre.yaml,line=3,col=11",
        "::error file=data/plans/mange.yaml,line=3,col=11",
        "::error file=data/plans/andre.yaml,line=5,col=15",
        "::error file=data/plans/mange.yaml,line=5,col=15",
        "::error file=data/plans/andre.yaml,line=6,col=20",
        "::error file=data/plans/mange.yaml,line=6,col=20",
        "::error file=data/plans/andre.yaml,line=9,col=10",
        "::error file=data/plans/mange.yaml,line=9,col=10",
        "::warning file=data/plans/andre.yaml,line=7,col=11",
        "::warning file=data/plans/mange.yaml,line=7,col=11",
    ]


def test_at_most_10_annotations_per_severity_the_rest_as_lines_and_in_the_summary(
    base_register: Path, actions: Path
) -> None:
    for i in range(12):  # 12 files of 4 errors and a warning: 48 errors, 12 warnings
        text = MANY_PROBLEMS.replace("id: mange", f"id: mange-{i:02}")
        (base_register / "plans" / f"mange-{i:02}.yaml").write_text(text, encoding="utf-8")
    _, out, _ = _validate()
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 10
    # ten files' first errors (the most important of each), not one file's four
    assert [e.split(",")[0] for e in errors] == [f"::error file=data/plans/mange-{i:02}.yaml" for i in range(10)]
    assert all(",line=3,col=11," in e for e in errors)
    assert lines.index(warnings[0]) > lines.index(errors[-1])
    plain = [line for line in lines if not line.startswith("::")]
    assert plain[0] == (
        "data/plans/mange-00.yaml: 3 problem(er) til står uten merknad her under og i sammendraget for jobben"
    )
    assert sum(": feil: " in line for line in plain) == 48 - 10
    assert sum(": advarsel: " in line for line in plain) == 12 - 10
    assert plain[-1] == "17 filer kontrollert: 48 feil, 12 advarsler"  # with the base register's five
    assert actions.read_text(encoding="utf-8").count("| feil |") == 48  # the summary has every one


def test_the_summary_lists_every_problem_with_links(base_register: Path, actions: Path) -> None:
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    _validate()
    summary = actions.read_text(encoding="utf-8")
    url = "https://github.com/os-kommune/planer/blob/0123abc/data/plans/mange.yaml"
    assert summary.startswith("## planstrategi validate\n\n6 filer kontrollert: 4 feil, 1 advarsel\n")
    assert f"### [data/plans/mange.yaml]({url})" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| [")]
    assert [row.split(")")[0] for row in rows] == [
        f"| [3:11]({url}#L3",
        f"| [5:15]({url}#L5",
        f"| [6:20]({url}#L6",
        f"| [7:11]({url}#L7",
        f"| [9:10]({url}#L9",
    ]
    assert "| advarsel | `expired-unplanned` |" in rows[3]


def test_the_summary_is_appended_not_overwritten(base_register: Path, actions: Path) -> None:
    actions.write_text("# Earlier step\n", encoding="utf-8")
    _validate()
    text = actions.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## planstrategi validate\n")
    assert "ingen feil" in text


def test_the_summary_escapes_html_pipes_and_mentions(base_register: Path, actions: Path) -> None:
    (base_register / "plans" / "fiendtlig.yaml").write_text(HOSTILE, encoding="utf-8")
    _validate()
    row = next(line for line in actions.read_text(encoding="utf-8").splitlines() if "unknown-key" in line)
    assert "<img" not in row and "&lt;img src=x&gt;" in row
    assert "@kommunestyret" not in row and "@&#8203;kommunestyret" in row
    assert row.count(" | ") == 3  # the pipe in the data did not add a column
    assert "\\|" in row


@pytest.mark.parametrize("problem", ["unset", "unwritable"])
def test_a_summary_that_cannot_be_written_warns_and_keeps_the_result(
    base_register: Path, actions: Path, monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    if problem == "unset":
        monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    else:
        actions.mkdir()  # a folder where the file should be
    (base_register / "plans" / "mange.yaml").write_text(MANY_PROBLEMS, encoding="utf-8")
    code, out, err = _validate()
    assert code == 1
    assert out.splitlines()[-1] == "6 filer kontrollert: 4 feil, 1 advarsel"
    assert err.startswith("planstrategi: ")
    assert "resultatet over gjelder" in err


def test_a_clean_register_in_actions_exits_0_with_a_summary(base_register: Path, actions: Path) -> None:
    code, out, err = _validate()
    assert (code, out, err) == (0, "5 filer kontrollert, ingen feil\n", "")
    assert "5 filer kontrollert, ingen feil" in actions.read_text(encoding="utf-8")


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_only_at_a_terminal_outside_ci_for_many_files() -> None:
    assert ci.wants_progress(5000, _Stream(tty=True), env={})
    assert not ci.wants_progress(5000, _Stream(tty=False), env={})  # piped
    assert not ci.wants_progress(5000, _Stream(tty=True), env={"CI": "true"})
    assert not ci.wants_progress(5000, _Stream(tty=True), env={"GITHUB_ACTIONS": "true"})
    assert not ci.wants_progress(10, _Stream(tty=True), env={})  # done before a bar would help

    def count() -> int:
        raise AssertionError("files counted for nobody to see")

    assert not ci.wants_progress(count, _Stream(tty=False), env={})  # piped: not even counted
    assert ci.wants_progress(lambda: 5000, _Stream(tty=True), env={})


def test_no_progress_bar_when_piped(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_register.parent)
    for name in ("CI", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(ci, "PROGRESS_THRESHOLD", 0)  # a bar for any number of files, were stderr a terminal
    code, out, err = _validate()
    assert (code, err) == (0, "")
    assert out == "5 filer kontrollert, ingen feil\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_diff_adds_its_markdown_to_the_summary_unless_markdown_is_the_output(
    base_register: Path, actions: Path, output_format: str
) -> None:
    repo = base_register.parent
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.name=P", "-c", "user.email=p@example.invalid", "add", "-A")
    _git(
        repo,
        "-c",
        "user.name=P",
        "-c",
        "user.email=p@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-qm",
        "r",
    )
    plan = base_register / "plans" / "helseplan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("  - target: 2025\n", "  - target: 2026\n"), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["diff", "HEAD", "--format", output_format], catch_exceptions=False)
    assert result.exit_code == 0
    if output_format == "markdown":
        assert not actions.exists()  # the workflow appends that output itself
    else:
        summary = actions.read_text(encoding="utf-8")
        assert "`helseplan`" in summary
        assert "revisjonen er flyttet fra 2025 til 2026" in summary


@pytest.fixture(scope="module")
def large_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More plan files than the progress threshold: a run long enough to deserve a bar."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import importlib

    generate = importlib.import_module("generate").generate

    root = tmp_path_factory.mktemp("large") / "data"
    generate(ci.PROGRESS_THRESHOLD + 60, root)
    return root


def _validate_process(root: Path, stderr: int) -> subprocess.Popen[bytes]:
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    command = [sys.executable, "-m", "planstrategi", "validate", "--data", str(root), "--as-of", "2025-06-01"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env)


def test_a_real_pipe_gets_no_progress_bar(large_register: Path) -> None:
    process = _validate_process(large_register, subprocess.PIPE)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0
    assert err == b""
    assert out.decode("utf-8").endswith(" filer kontrollert: 0 feil, 50 advarsler\n")


def test_a_terminal_gets_a_progress_bar_on_stderr_only(large_register: Path) -> None:
    import os
    import pty

    leader, follower = pty.openpty()
    with _validate_process(large_register, follower) as process:
        os.close(follower)
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            screen += chunk
        out, _ = process.communicate(timeout=120)  # about 10 kB: fits in the pipe meanwhile
    os.close(leader)
    assert process.returncode == 0
    assert "Kontrollerer filer" in screen.decode("utf-8", "replace")
    assert b"Kontrollerer" not in out  # the report itself stays clean


def test_a_summary_too_large_for_github_is_cut_at_a_file_with_a_count() -> None:
    from planstrategi.model.problems import Problem, Severity
    from planstrategi.render import summary

    problems = [
        Problem(f"data/plans/p{i:03}.yaml", line, 1, Severity.ERROR, "unknown-key", "ukjent felt «x»")
        for i in range(100)
        for line in (2, 3)
    ]
    full = summary.markdown(problems, 100, "planstrategi validate")
    assert full.count("`unknown-key`") == 200 and "får plass" not in full
    cut = summary.markdown(problems, 100, "planstrategi validate", limit=len(full.encode("utf-8")) // 2)
    assert len(cut.encode("utf-8")) <= len(full.encode("utf-8")) // 2 + 200
    shown = cut.count("`unknown-key`")
    assert 0 < shown < 200 and shown % 2 == 0  # whole files only
    assert cut.endswith(
        f"… og {200 - shown} problem(er) til, som ikke får plass her (GitHub tar høyst 1 MiB); alle står i loggen\n\n"
    )


KLIMAPLAN = """\
id: klimaplan
title: Klima- og energiplan
category: klima
kind: plan
municipality: "3430"
partners: ["5025", "5099"]
valid_to: 2019
status: gjeldende
part_of: kommuneplan
"""


def _readme_block(after: str) -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    rest = readme.split(after, 1)[1]
    return rest.split("```", 2)[1].split("\n", 1)[1]


def test_the_readme_shows_what_actions_gets(
    base_register: Path, actions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_SHA", "4f2c9e1")
    (base_register / "plans" / "klimaplan.yaml").write_text(KLIMAPLAN, encoding="utf-8")
    code, out, _ = _validate()
    assert code == 1
    assert out == _readme_block("A log in GitHub Actions, for a plan with three errors and a warning:")
    summary = actions.read_text(encoding="utf-8")
    assert summary.rstrip("\n") == _readme_block("and what it adds to the job summary:").rstrip("\n")
