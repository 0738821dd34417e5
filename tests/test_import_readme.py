"""The README's "Starting from your own table": its ``import`` examples are what the command prints.

Run in a new register for Os (``init``) with ``tests/csv/oversikt.csv``, an excerpt of the
seed's appendix 2 saved as Norwegian Excel does (Windows-1252, a comment line, an unknown column);
the ``--update`` example with next year's table, made here from it. ``UPDATE_README=1`` rewrites
the blocks.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from import_tables import cli, new_register

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ planstrategi (?P<args>import [^\n]*)\n(?P<out>.*?)```\n", re.DOTALL)


def next_years_table(folder: Path) -> None:
    text = (ROOT / "tests/csv/oversikt.csv").read_bytes().decode("cp1252")
    old = "BTI - strategi;2017;;x;x;;;;Bedre tverrfaglig innsats- oppdateres til mestringsteam"
    assert old in text
    text = text.replace(old, "BTI - strategi;2017;;x;x;;x;;Oppdatert til mestringsteam")
    (folder / "oversikt-2025.csv").write_bytes(text.encode("cp1252"))


def test_the_readme_shows_what_import_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = new_register(tmp_path / "os-planer", "3430")
    shutil.copy(ROOT / "tests/csv/oversikt.csv", root / "oversikt.csv")
    next_years_table(root)
    monkeypatch.chdir(root)
    text = README.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert [m.group("args") for m in blocks] == [
        "import oversikt.csv --preview",
        "import oversikt-2025.csv --update --dry-run",
    ]
    printed = []
    for block in blocks:
        if "--update" in block.group("args"):  # next year: the table was imported once already
            assert cli("import", "oversikt.csv").exit_code == 0
        result = cli(*shlex.split(block.group("args")))
        assert result.exit_code == 0, result.output
        printed.append(result.output)
    if os.environ.get("UPDATE_README"):
        for block, output in sorted(zip(blocks, printed, strict=True), key=lambda pair: -pair[0].start()):
            text = text[: block.start("out")] + output + text[block.end("out") :]
        README.write_text(text, encoding="utf-8")
        return
    assert [m.group("out") for m in blocks] == printed, "README import example is stale: UPDATE_README=1"
