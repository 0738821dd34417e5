"""Every report on the bundled register (Os kommune), as of 2025-03-01, pinned byte for byte.

The expected outputs are in ``tests/golden/``. After a deliberate change to a report or to the
data, regenerate them and read the diff before committing::

    UPDATE_GOLDEN=1 python -m pytest tests/test_reports_golden.py

The last tests check the revision table against the planning strategy itself (appendix 2 and
§1.6), as of the day its table was last updated (the council meeting of 25 January 2024).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.render.table import LONG_WORD, cells

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2025-03-01"
SEED_DATE = "2024-01-25"  # "Oppdatert etter kommunestyre 25012024"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

REPORTS = {
    "due-2025": ["due", "2025"],
    "overdue": ["overdue"],
    "table-term-2023": ["table", "--term", "2023"],
    "table-term-2023-overarching": ["table", "--term", "2023", "--overarching"],
    "list": ["list"],
    "list-partner-5025": ["list", "--partner", "5025"],
    "show-kommuneplanens-samfunnsdel": ["show", "kommuneplanens-samfunnsdel"],
}
EXTENSIONS = {"table": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html"}
ENGLISH = {"due-2025": "table", "table-term-2023-overarching": "markdown", "show-kommuneplanens-samfunnsdel": "table"}


def invoke(*args: str, width: int = 100) -> bytes:
    result = CliRunner().invoke(
        app, [*args, "--data", str(DATA), "--as-of", AS_OF], catch_exceptions=False, env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "", "the bundled register should load without problems"
    return result.stdout_bytes


def check(name: str, output: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(output)
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1 and check it by eye"
    assert output.decode("utf-8") == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("output_format", list(EXTENSIONS))
@pytest.mark.parametrize("report", list(REPORTS))
def test_golden(report: str, output_format: str) -> None:
    check(f"{report}.{EXTENSIONS[output_format]}", invoke(*REPORTS[report], "--format", output_format))


@pytest.mark.parametrize("report", list(ENGLISH))
def test_golden_english(report: str) -> None:
    output_format = ENGLISH[report]
    output = invoke(*REPORTS[report], "--format", output_format, "--lang", "en")
    check(f"{report}.en.{EXTENSIONS[output_format]}", output)


# --- the terminal tables at the widths people have -------------------------------------------

#: Every terminal report, at 60, 80, 100 and 140 columns: a phone or a split pane, the classic
#: terminal, the default when nothing says otherwise, and a wide window.
TERMINAL_REPORTS = {
    "due-2025": ["due", "2025"],
    "overdue": ["overdue"],
    "table-term-2023": ["table", "--term", "2023"],
    "list": ["list"],
    "requirements": ["requirements"],
    "workload": ["workload"],
    "show-kommuneplanens-samfunnsdel": ["show", "kommuneplanens-samfunnsdel"],
}
WIDTHS = (60, 80, 100, 140)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("report", list(TERMINAL_REPORTS))
def test_golden_terminal_width(report: str, width: int) -> None:
    output = invoke(*TERMINAL_REPORTS[report], "--format", "table", width=width)
    check(f"{report}.w{width}.txt", output)
    for line in output.decode("utf-8").splitlines():
        # wider only where one long word (an address) ends the line, in the last column or a stacked field
        before, _, word = line.rpartition(" ")
        assert cells(line) <= width or (cells(before) < width and cells(word) > LONG_WORD), line


# --- the revision table against the seed ------------------------------------------------------


def marks(*args: str, as_of: str = SEED_DATE) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(
        app, ["table", *args, "--data", str(DATA), "--as-of", as_of, "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return {row["id"]: row["marks"] for row in document["rows"]}


def years(row: dict[str, str]) -> list[int]:
    return sorted(int(year) for year in row)


def test_the_term_table_shows_the_seeds_marks() -> None:
    table = marks("--term", "2023")
    assert table["eierskapsmelding"] == {"2026": "planned"}
    assert table["strategisk-naeringsplan"] == {"2024": "planned"}
    assert table["kommuneplanens-samfunnsdel"] == {"2024": "planned", "2025": "planned"}
    # appendix 2: "Økonomiplan og årsbudsjett 2023 x x x x x", the 2023 round adopted
    assert table["okonomiplan-og-arsbudsjett"] == {
        "2023": "done",
        "2024": "planned",
        "2025": "planned",
        "2026": "planned",
        "2027": "planned",
    }
    assert years(table["handlingsplan-for-idrettsanlegg"]) == [2023, 2024, 2025, 2026]
    assert years(table["personalhandbok"]) == [2024, 2025]
    assert table["etisk-reglement"] == {} and table["kommunikasjonsstrategi"] == {}


def test_the_overarching_table_is_section_1_6() -> None:
    table = marks("--term", "2023", "--overarching")
    assert {plan: years(row) for plan, row in table.items()} == {
        "alkoholpolitisk-plan": [2024],
        "beredskapsplan": [2026],
        "eierskapsmelding": [2026],
        "folkehelseplan": [2026],
        "helse-og-omsorgsplan": [2025, 2026],
        "strategisk-naeringsplan": [2024],
        "kommuneplanens-samfunnsdel": [2024, 2025],
        # 25 from the §1.6 table (seed line 403); 24 from appendix 2's "Vedtatt 2024" (seed line 725),
        # read as an expected adoption like every "Vedtatt 2024" row (§1.6, seed lines 409-411)
        "os-bestandsplan-for-hjortevilt": [2024, 2025],
        "rus-og-psykiatriplan": [2025, 2026],
        "smittevernplan": [2025],
    }


def test_a_year_later_the_unfinished_2024_revisions_are_overdue() -> None:
    table = marks("--term", "2023", as_of=AS_OF)
    assert table["strategisk-naeringsplan"] == {"2024": "overdue"}
    # "Revideres i 24 og 25" is one revision toward 2025: not late while its work goes on
    assert table["kommuneplanens-samfunnsdel"] == {"2024": "planned", "2025": "planned"}
    assert table["eierskapsmelding"] == {"2026": "planned"}
