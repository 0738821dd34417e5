"""The README's example outputs are what the commands print, so they cannot go stale.

Every ```console block of the README that starts with ``$ planstrategi <report>`` (or
``$ COLUMNS=N planstrategi <report>``) on the bundled register is run through the real command,
from the repository's root, at N columns (100 when the block does not say), and compared line by
line (trailing blanks aside; CSV's byte-order mark and CRLF as a terminal shows them). A block whose
last line is ``…`` shows the start of the output: the lines before it are compared. Every example
gives ``--as-of``, so it does not change with the day it is run. After a deliberate change, rewrite
the blocks and read the diff:

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
REPORTS = {"due", "overdue", "table", "list", "show", "requirements", "workload", "coordination", "report", "remind"}
BLOCK = re.compile(
    r"```console\n\$ (?:COLUMNS=(?P<width>\d+) )?planstrategi (?P<args>[^\n]*)\n(?P<out>.*?)```\n", re.DOTALL
)
ANY_BLOCK = re.compile(r"```(?P<lang>[a-z]*)[^\n]*\n\$ (?:COLUMNS=\d+ )?planstrategi (?P<command>\S+)")
EXCERPT = "…\n"
UPDATE = bool(os.environ.get("UPDATE_README"))


def _blocks(text: str) -> list[re.Match[str]]:
    return [m for m in BLOCK.finditer(text) if m.group("args").split()[0] in REPORTS]


def _key(block: re.Match[str]) -> str:
    return f"{block.group('width') or 100} {block.group('args')}"


def _run(args: str, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(args), catch_exceptions=False, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_the_readme_has_report_examples() -> None:
    shown = {m.group("args").split()[0] for m in _blocks(README.read_text(encoding="utf-8"))}
    assert shown == REPORTS


def _only_messages(text: str, start: int) -> bool:
    """Whether the block at ``start`` shows only what commands say on stderr (``planstrategi: …``) on a
    register broken on purpose; tests/test_readme_messages.py rebuilds that register and checks them."""
    body = text[text.index("\n", start) + 1 : text.index("```", start + 3)]
    shown = [line for line in body.splitlines() if not line.startswith("$ ")]
    return bool(shown) and all(line.startswith("planstrategi: ") for line in shown)


def test_every_report_example_in_the_readme_is_checked() -> None:
    """A report's output shown in a ```text block, or without --as-of, would go stale unseen."""
    text = README.read_text(encoding="utf-8")
    for block in ANY_BLOCK.finditer(text):
        if block.group("command") in REPORTS and not _only_messages(text, block.start()):
            assert block.group("lang") == "console", f"make '{block.group(0)}' a ```console block"
    for block in _blocks(text):
        assert "--as-of" in block.group("args"), f"give '$ planstrategi {block.group('args')}' an --as-of date"


@pytest.mark.parametrize("key", [_key(m) for m in _blocks(README.read_text(encoding="utf-8"))])
def test_the_readme_example_is_what_the_command_prints(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    block = next(m for m in _blocks(text) if _key(m) == key)
    width, args = int(block.group("width") or 100), block.group("args")
    printed = _run(args, width, monkeypatch)
    shown = "\n".join(line.rstrip() for line in block.group("out").splitlines()) + "\n"
    if shown.endswith("\n" + EXCERPT):
        shown = shown.removesuffix(EXCERPT)
        printed = "".join(printed.splitlines(keepends=True)[: shown.count("\n")])
        replacement = printed + EXCERPT
    else:
        replacement = printed
    if UPDATE and shown != printed:
        README.write_text(text[: block.start("out")] + replacement + text[block.end("out") :], encoding="utf-8")
        return
    assert shown == printed, f"README example '$ planstrategi {args}' at {width} columns is stale: UPDATE_README=1"
