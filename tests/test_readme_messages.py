"""The README's examples of validate's messages, broken files and a register not found (issue #15)
are what the commands print: each is rebuilt here from the README's own text and run for real."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("#### What the messages say\n", 1)[1].split("\n### Shell completion", 1)[0]


def blocks(kind: str) -> list[str]:
    return re.findall(rf"^ *```{kind}\n(.*?)^ *```", SECTION, flags=re.MULTILINE | re.DOTALL)


def transcript(block: str) -> list[tuple[str, str]]:
    """``$ command`` lines with the output under each."""
    runs: list[tuple[str, str]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], ""))
        else:
            command, out = runs[-1]
            runs[-1] = (command, out + line + "\n")
    return runs


def run(command: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(cwd)
    args = shlex.split(command)
    assert args[0] == "planstrategi"
    result = CliRunner().invoke(app, args[1:], catch_exceptions=False, env={"COLUMNS": "100"})
    return result.stdout + result.stderr


@pytest.fixture
def spoilt(tmp_path: Path) -> Path:
    """A copy of the bundled register with the README's example file added."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "plans" / "skrivefeil.yaml").write_text(blocks("yaml")[0], encoding="utf-8")
    return tmp_path


def test_the_validate_example(spoilt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [(command, shown)] = transcript(blocks("text")[0])
    assert run(command, spoilt, monkeypatch) == shown


def test_the_broken_file_example(spoilt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = spoilt / "data" / "plans" / "alkoholpolitisk-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('municipality: "3430"', "municipality: 3430"), "utf-8")
    runs = transcript(blocks("text")[1])
    assert [command for command, _ in runs] == ["planstrategi show alkoholpolitisk-plan", "planstrategi due 2025"]
    show, due = runs
    assert run(show[0], spoilt, monkeypatch) == show[1]
    printed = run(due[0] + " --as-of 2025-03-01", spoilt, monkeypatch)
    assert printed.endswith(due[1])  # the report on stdout, then the note on stderr


def test_the_no_register_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [(command, shown)] = transcript(blocks("text")[2])
    folder = tmp_path / "Dokumenter"
    folder.mkdir()
    expected = shown.replace("/home/planlegger/Dokumenter", str(folder))
    assert run(command.removeprefix("cd ~/Dokumenter && "), folder, monkeypatch) == expected
