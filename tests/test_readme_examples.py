"""The README's example outputs are what the commands print, so they cannot go stale.

Every ```console block of the README that starts with ``$ planstrategi <report>`` on the bundled
register is run through the real command at 100 columns, from the repository's root, and compared
line by line (trailing blanks aside; CSV's byte-order mark and CRLF as a terminal shows them).
After a deliberate change, rewrite the blocks and read the diff:

    UPDATE_README=1 python -m pytest tests/test_readme_examples.py
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REPORTS = {"due", "overdue", "table", "list", "show", "requirements", "workload", "coordination", "remind"}
BLOCK = re.compile(r"```console\n\$ planstrategi (?P<args>[^\n]*)\n(?P<out>.*?)```\n", re.DOTALL)
UPDATE = bool(os.environ.get("UPDATE_README"))


def _blocks(text: str) -> list[re.Match[str]]:
    return [m for m in BLOCK.finditer(text) if m.group("args").split()[0] in REPORTS]


def _run(args: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(args), catch_exceptions=False, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_the_readme_has_report_examples() -> None:
    assert len(_blocks(README.read_text(encoding="utf-8"))) >= 6


@pytest.mark.parametrize("args", [m.group("args") for m in _blocks(README.read_text(encoding="utf-8"))])
def test_the_readme_example_is_what_the_command_prints(args: str, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = _run(args, monkeypatch)
    text = README.read_text(encoding="utf-8")
    block = next(m for m in _blocks(text) if m.group("args") == args)
    if UPDATE and block.group("out") != printed:
        README.write_text(text[: block.start("out")] + printed + text[block.end("out") :], encoding="utf-8")
        return
    shown = "\n".join(line.rstrip() for line in block.group("out").splitlines()) + "\n"
    assert shown == printed, f"README example '$ planstrategi {args}' is stale: UPDATE_README=1"
