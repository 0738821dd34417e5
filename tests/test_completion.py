"""Shell completion (issue #15): ``planstrategi completion bash|zsh|fish`` prints a script that
works, and the Tab key offers commands, options, plan ids, group ids and municipality numbers from
the register, cheaply, and nothing (never a traceback) when the register is missing or broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.commands import completion

COMMAND = shutil.which("planstrategi") or shutil.which("planstrategi", path=os.path.dirname(sys.executable))


def ctx(data: Path | None = None) -> Any:
    return SimpleNamespace(params={"data": data})  # what Click hands a callback: the options parsed so far


def test_plan_ids_come_from_the_file_names(base_register: Path) -> None:
    (base_register / "plans" / "helsefremmende.yaml").write_text("id: [\n", encoding="utf-8")  # broken: still a name
    (base_register / "plans" / "notat.txt").write_text("x", encoding="utf-8")
    assert completion.plan_ids(ctx(base_register), "") == ["delegeringsreglement", "helsefremmende", "helseplan"]
    assert completion.plan_ids(ctx(base_register), "helse") == ["helsefremmende", "helseplan"]


def test_group_ids_and_municipality_numbers_with_their_names(base_register: Path) -> None:
    assert completion.group_ids(ctx(base_register), "") == [
        ("politisk-styring", "Politisk styring"),
        ("helse-og-omsorg", "Helse og omsorg"),
    ]
    assert completion.group_ids(ctx(base_register), "h") == [("helse-og-omsorg", "Helse og omsorg")]
    assert completion.municipality_numbers(ctx(base_register), "50") == [("5025", "Røros")]


def test_the_register_is_found_as_the_commands_find_it(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_register / "goals")
    assert completion.plan_ids(ctx(), "del") == ["delegeringsreglement"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("categories.yaml", "categories: [\n"),
        ("categories.yaml", "- id: x\n"),
        ("categories.yaml", "categories:\n  - id: [1, 2]\n  - just text\n"),
        ("municipalities.yaml", "municipalities: 3430\n"),
        ("municipalities.yaml", "municipalities:\n  - number: 3430\n"),
    ],
)
def test_a_broken_file_offers_nothing_and_does_not_fail(base_register: Path, name: str, text: str) -> None:
    (base_register / name).write_text(text, encoding="utf-8")
    groups = [("politisk-styring", "Politisk styring"), ("helse-og-omsorg", "Helse og omsorg")]
    assert completion.group_ids(ctx(base_register), "") == ([] if name == "categories.yaml" else groups)
    assert completion.municipality_numbers(ctx(base_register), "") == (
        [] if name == "municipalities.yaml" else [("3430", "Os"), ("5025", "Røros")]
    )


def test_no_register_offers_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert completion.plan_ids(ctx(), "") == []
    assert completion.group_ids(ctx(), "") == []
    assert completion.municipality_numbers(ctx(tmp_path / "borte"), "") == []


# --- the scripts and the protocol, through the real command ---


def complete(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    assert COMMAND, "the planstrategi script is not installed"
    return subprocess.run(
        [COMMAND],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_bash_protocol_completes_commands_and_plan_ids(base_register: Path) -> None:
    words = {"_PLANSTRATEGI_COMPLETE": "complete_bash"}
    result = complete({**words, "COMP_WORDS": "planstrategi va", "COMP_CWORD": "1"}, base_register)
    assert (result.returncode, result.stdout.split(), result.stderr) == (0, ["validate"], "")
    result = complete({**words, "COMP_WORDS": "planstrategi show helse", "COMP_CWORD": "2"}, base_register / "plans")
    assert result.stdout.split() == ["helseplan"]
    result = complete({**words, "COMP_WORDS": "planstrategi due --fail", "COMP_CWORD": "2"}, base_register)
    assert result.stdout.split() == ["--fail-if-overdue"]


def test_zsh_protocol_completes_groups_with_their_names(base_register: Path) -> None:
    env = {"_PLANSTRATEGI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "planstrategi list --category "}
    result = complete(env, base_register)
    assert result.returncode == 0
    assert '"politisk-styring":"Politisk styring"' in result.stdout
    assert '"helse-og-omsorg":"Helse og omsorg"' in result.stdout


def test_fish_protocol_completes_municipality_numbers_given_data(base_register: Path, tmp_path: Path) -> None:
    args = f"planstrategi due --data {base_register} --partner "
    env = {"_PLANSTRATEGI_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = complete({**env, "_TYPER_COMPLETE_ARGS": args}, tmp_path)
    assert result.stdout.splitlines() == ["3430\tOs", "5025\tRøros"]


def test_the_protocol_without_a_register_prints_nothing_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    env = {"_PLANSTRATEGI_COMPLETE": "complete_bash", "COMP_WORDS": "planstrategi show ", "COMP_CWORD": "2"}
    result = complete(env, tmp_path)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_script_for_each_shell(shell: str) -> None:
    result = CliRunner().invoke(app, ["completion", shell], catch_exceptions=False)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == f"# Tab-fullføring for planstrategi i {shell}. Slå den på for godt med:"
    assert "_PLANSTRATEGI_COMPLETE=complete_" + shell in result.stdout
    english = CliRunner().invoke(app, ["completion", shell, "--lang", "en"], catch_exceptions=False)
    assert english.stdout.startswith(f"# Tab completion for planstrategi in {shell}.")


def test_zsh_script_loads_compinit_when_the_user_has_not() -> None:
    text = CliRunner().invoke(app, ["completion", "zsh"], catch_exceptions=False).stdout
    assert "autoload -Uz compinit && compinit" in text
    assert text.index("compinit") < text.index("compdef _planstrategi_completion planstrategi")


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["completion", "powershell"], catch_exceptions=False)
    assert result.exit_code == 2


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_bash_really_completes_with_the_script(base_register: Path) -> None:
    assert COMMAND
    script = CliRunner().invoke(app, ["completion", "bash"], catch_exceptions=False).stdout
    program = (
        f"{script}\n"
        "COMP_WORDS=(planstrategi show dele); COMP_CWORD=2\n"
        "_planstrategi_completion planstrategi\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        cwd=base_register,
        env={**os.environ, "PATH": os.path.dirname(COMMAND) + os.pathsep + os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert (result.stdout.split(), result.stderr) == (["delegeringsreglement"], "")
