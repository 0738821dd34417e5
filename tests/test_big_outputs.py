"""Big terminal tables: the shortcuts that make them fast give what the plain rules give, and a
long table starts coming out before it is all laid out.

The shortcuts (issue #21): ``cells`` counts only the characters that are not one cell wide; a
column's width after wrapping is searched widest text first, stopping when no text left can be
wider. Each is checked here against the rule it shortcuts, on text Hypothesis makes up (Latin,
Norwegian letters, wide CJK, combining marks, format characters, blanks and newlines).
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from planstrategi.render import table as terminal_table
from planstrategi.render.report import Column, Report, Table
from planstrategi.render.table import cells, wrap


def _each_character(text: str) -> int:
    """The rule ``cells`` states, one character at a time."""
    width = 0
    for char in text:
        if ord(char) < 0x300:
            width += 1
        elif unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        else:
            width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


CHARACTERS = st.sampled_from([*"ab cdæøåÆØÅéü-–—§\n  \t", "漢", "字", "\u0301", "\u200d", "\u00ad", "ｱ", "😀"])
TEXT = st.lists(CHARACTERS, max_size=40).map("".join)
WORD = st.sampled_from(["a", "plan", "revisjon", "æøå", "漢字", "e\u0301", "  ", "\n", "x" * 35])
WORDS = st.lists(WORD, max_size=12)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_cells_counts_as_the_rule_says_character_by_character(text: str) -> None:
    assert cells(text) == _each_character(text)


def _report(cells_of_rows: list[list[str]]) -> Report:
    columns = [Column(f"c{i}", f"Kolonne {i}") for i in range(len(cells_of_rows[0]))]
    rows = [{f"c{i}": text for i, text in enumerate(row)} for row in cells_of_rows]
    return Report("test", "Tabell", [Table("rows", "Tabell", columns, rows)])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(WORDS.map(" ".join), min_size=2, max_size=2), min_size=1, max_size=25),
    st.integers(min_value=1, max_value=60),
)
def test_a_columns_width_after_wrapping_is_the_widest_wrapped_line_of_any_of_its_texts(
    rows: list[list[str]], width: int
) -> None:
    layout = terminal_table._Layout(_report(rows).tables[0])
    for index in range(2):
        texts = [layout.columns[index].heading] + [row[index] for _, group in layout.groups for row in group]
        widest = max(max(cells(line) for line in wrap(text, width)) for text in texts)
        assert layout._widest_used(index, width) == widest


def test_a_long_table_comes_out_in_pieces_of_whole_lines_the_first_before_the_rest_is_laid_out() -> None:
    report = _report([[f"Plan nummer {n} om noe", f"merknad {n} " * (n % 7 + 1)] for n in range(6000)])
    whole = terminal_table.render(report, width=80, color=False, unicode=True)
    pieces = terminal_table.pieces(report, width=80, color=False, unicode=True)
    first = next(pieces)
    assert whole.startswith(first) and first.endswith("\n")
    assert len(first) < len(whole) // 4  # the first screen is written long before the last row is laid out
    rest = list(pieces)
    assert all(piece.endswith("\n") for piece in rest) and first + "".join(rest) == whole


# --- JSON written in pieces ------------------------------------------------------------------------

_PIECES_OF_TEXT = ["a", "æ", "\n", "\r", "\x1b", "\x00", "::", "##[", "#", "[", "\udcff", "NaN", "Infinity", "y", '"']
_HOSTILE_TEXT = st.lists(st.sampled_from(_PIECES_OF_TEXT), max_size=6).map("".join)
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | _HOSTILE_TEXT
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_HOSTILE_TEXT, inner, max_size=4),
    max_leaves=30,
)


@given(_DOCUMENTS)
@settings(max_examples=300)
def test_json_in_pieces_is_the_whole_json_text(document: object) -> None:
    """``--format json`` is written in pieces (never the whole text in memory at once); joined, the
    pieces are exactly ``json_text``'s text, with its invariant: NaN and infinities as null, lone
    surrogates and ``##[`` escaped."""
    from planstrategi.render import safety

    assert "".join(safety.json_pieces(document)) == safety.json_text(document)


def test_a_long_json_answer_comes_in_pieces() -> None:
    from planstrategi.render import json as json_render
    from planstrategi.render import safety

    rows = [{"id": f"plan-{n}", "title": "Plan æ", "year": 2025} for n in range(5_000)]
    report = Report(
        "list", "Planer", [Table(key="rows", caption="Planer", columns=[], rows=rows)], {"report": "list"}, "nb"
    )
    pieces = list(json_render.pieces(report))
    assert len(pieces) > 2 and max(len(p) for p in pieces) < 2 * safety.JSON_PIECE
    assert "".join(pieces) == json_render.render(report)
