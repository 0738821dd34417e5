"""Terminal tables never lose text: every word of every cell is printed whole, at any width.

The reports are the real ones on the bundled register (captured where the commands hand them to
the renderer) and tables Hypothesis makes up; widths from 40 to 200. Then the width and colour
rules of ``render.terminal``: ``COLUMNS``, a terminal on stderr when stdout is a pipe, ``/dev/tty``,
100; ``NO_COLOR`` over ``FORCE_COLOR``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.commands import intelligence as intelligence_commands
from planstrategi.commands import questions
from planstrategi.render import OutputFormat, terminal
from planstrategi.render.report import Column, Report, Table
from planstrategi.render.table import LONG_WORD, cells, render, wrap

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "due": ["due", "2025"],
    "overdue": ["overdue"],
    "table": ["table", "--term", "2023"],
    "list": ["list"],
    "requirements": ["requirements"],
    "workload": ["workload", "--details"],
    "coordination": ["coordination"],
    "show": ["show", "kommuneplanens-samfunnsdel"],
    "show-goals": ["show", "helse-og-omsorgsplan"],
}


def _capture(args: list[str]) -> Report:
    reports: list[Report] = []

    def keep(report: Report, output_format: OutputFormat) -> None:
        reports.append(report)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(questions, "emit", keep)
        patch.setattr(intelligence_commands, "emit", keep)
        args = [*args, "--data", str(ROOT / "data"), "--as-of", "2025-03-01"]
        result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return reports[0]


REPORTS = {name: _capture(args) for name, args in COMMANDS.items()}


def expected_words(report: Report) -> Iterator[tuple[str, set[str]]]:
    """Each word the report must show, with the words that may stand for it (a mark's spoken form)."""
    for table in report.tables:
        yield from ((word, {word}) for word in table.caption.split())
        if not table.rows:
            yield from ((word, {word}) for word in table.empty.split())
            continue
        for note in table.notes:
            yield from ((word, {word}) for word in note.split())
        columns = table.columns_for("table")
        for row in table.rows:
            if table.group is not None:
                yield from ((word, {word}) for word in table.group.text(row).split())
            for column in columns:
                text = column.text(row)
                spoken = set(column.spoken.get(text, text).split())
                yield from ((word, {word, *spoken}) for word in text.split())


def check_whole(report: Report, width: int) -> None:
    text = render(report, width=width, color=False, unicode=True)
    printed = set(text.split())
    for word, forms in expected_words(report):
        assert printed & {*forms, *(f + ":" for f in forms)}, f"{word!r} is not printed whole at width {width}"
    for line in text.splitlines():
        before, _, last = line.rpartition(" ")
        assert cells(line) <= width or (cells(before) < width and cells(last) > LONG_WORD), (width, line)


@pytest.mark.parametrize("name", list(REPORTS))
@settings(max_examples=40)  # 161 widths; the layouts change at a few of them, and the goldens pin four
@given(width=st.integers(min_value=40, max_value=200))
def test_every_word_of_every_report_is_printed_whole(name: str, width: int) -> None:
    check_whole(REPORTS[name], width)


# No "::": a word starting a line with it is escaped for the Actions log (render/safety.py, tested in
# tests/test_safety.py), so it is printed, but not as written.
_WORD = st.text(
    alphabet=st.sampled_from("abcæøåABCÆØÅ0123456789-–§().,;:/«»"), min_size=1, max_size=LONG_WORD + 12
).filter(lambda word: "::" not in word)
_CELL = st.lists(_WORD, max_size=12).map(" ".join)


@st.composite
def tables(draw: st.DrawFn) -> Report:
    count = draw(st.integers(min_value=1, max_value=9))
    columns = [
        Column(
            f"c{i}",
            draw(_CELL.filter(bool)),
            align=draw(st.sampled_from(["left", "right", "center"])),
            no_wrap=draw(st.booleans()) and i > 0,
            min_width=draw(st.none() | st.integers(min_value=1, max_value=40)),
        )
        for i in range(count)
    ]
    rows = draw(st.lists(st.fixed_dictionaries({f"c{i}": _CELL for i in range(count)} | {"g": st.sampled_from("ab")})))
    table = Table("rows", draw(_CELL), columns, rows, group=Column("g", "G"), notes=[draw(_CELL)], empty="-")
    return Report("test", table.caption, [table])


@given(report=tables(), width=st.integers(min_value=40, max_value=200))
def test_every_word_of_any_table_is_printed_whole(report: Report, width: int) -> None:
    check_whole(report, width)


def test_a_table_too_wide_for_its_words_is_stacked_with_the_headings_as_labels() -> None:
    text = render(REPORTS["table"], width=60, color=False)
    assert "\n Plan:    Politisk delegeringsreglement\n Vedtatt: 2020   2024: forfalt\n" in text
    assert "Merknad: Oppdateres i hver k-styreperiode." in text
    wide = render(REPORTS["table"], width=140, color=False)
    assert "Vedtatt   2023   2024   2025   2026   2027   Merknad" in wide


def test_at_a_wide_terminal_short_columns_are_not_wrapped() -> None:
    text = render(REPORTS["due"], width=140, color=False)
    assert " Samfunn – tverrfaglige planer og strategier " in text
    assert max(cells(line) for line in text.splitlines()) <= 140


def test_wrap_breaks_between_words_and_keeps_the_indent() -> None:
    assert wrap("Reglement for saksbehandling\n  reglement-for-saksbehandling", 16) == [
        "Reglement for",
        "saksbehandling",
        "  reglement-for-saksbehandling",
    ]
    assert wrap("", 10) == [""]
    assert cells("ååå") == 3 and cells("日本") == 4


def test_a_huge_remark_is_laid_out_whole() -> None:
    remark = "\n".join(f"linje {i} tekst" for i in range(20_000))
    table = Table("rows", "T", [Column("a", "Plan"), Column("b", "Merknad")], [{"a": "P", "b": remark}])
    text = render(Report("t", "T", [table]), width=80, color=False)
    assert "linje 19999 tekst" in text and text.count("\n") > 20_000


# --- width and colour ---------------------------------------------------------------------------


def test_the_width_is_columns_then_a_terminal_on_any_stream_then_100(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "73")
    assert terminal.width() == 73
    monkeypatch.delenv("COLUMNS")
    sizes = {2: os.terminal_size((88, 24))}  # stdout a pipe, stderr the terminal: `planstrategi list | less`

    def size(fd: int) -> os.terminal_size:
        if fd in sizes:
            return sizes[fd]
        raise OSError("not a terminal")

    monkeypatch.setattr(terminal.os, "get_terminal_size", size)
    monkeypatch.setattr(terminal, "_tty_width", lambda: None)
    assert terminal.width() == 88
    sizes.clear()
    assert terminal.width() == 100
    monkeypatch.setattr(terminal, "_tty_width", lambda: 132)  # all three redirected, the terminal still there
    assert terminal.width() == 132
    monkeypatch.setenv("COLUMNS", "nonsense")
    assert terminal.width() == 132


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_needs_a_terminal_or_force_color_and_no_color_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(terminal.sys, "stdout", io.StringIO())
    assert not terminal.colour()
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert terminal.colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not terminal.colour()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setattr(terminal.sys, "stdout", _Terminal())
    assert terminal.colour()
    monkeypatch.setenv("TERM", "dumb")
    assert not terminal.colour()


def test_urgency_is_coloured_and_still_said_in_words() -> None:
    text = render(REPORTS["due"], width=100, color=True)
    assert "\x1b[1;31mForfalt\x1b[0m" in text
    assert "\x1b[1;33mTil revisjon i 2025\x1b[0m" in text
    stacked = render(REPORTS["table"], width=60, color=True)
    assert "\x1b[1;31mforfalt\x1b[0m" in stacked


def test_forced_colour_reaches_a_pipe_and_no_color_keeps_it_out() -> None:
    args = ["overdue", "--data", str(ROOT / "data"), "--as-of", "2025-03-01"]
    forced = CliRunner().invoke(app, args, env={"FORCE_COLOR": "1", "NO_COLOR": None}, catch_exceptions=False)
    assert "\x1b[1;31mForfalt\x1b[0m" in forced.stdout
    plain = CliRunner().invoke(app, args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}, catch_exceptions=False)
    assert "\x1b[" not in plain.stdout and " Forfalt\n" in plain.stdout
