"""The fast load path gives what the strict loader gave: the same data, problems and positions.

``yamlio.parse`` builds a plain file's data with ``_quick`` (breadth first, as PyYAML does) and
resolves each plain scalar's tag once per process; ``parse(..., quick=False)`` uses PyYAML's own
constructor. Every file of the bad-input corpus, the schema cases and the bundled register, and
random YAML from Hypothesis, must give equal documents both ways, under both loaders.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from planstrategi.store import yamlio

TESTS = Path(__file__).resolve().parent
CORPUS = sorted(
    path
    for folder in (TESTS / "cases", TESTS / "schema_cases", TESTS.parent / "data")
    for path in folder.rglob("*")
    if path.is_file() and path.suffix in {".yaml", ".yml"}
)


def typed(value: Any) -> Any:
    """``value`` with every scalar's type beside it: ``True == 1`` and ``1 == 1.0`` must not pass."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def same_both_ways(text: str) -> yamlio.Document:
    quick = yamlio.parse(text, "x.yaml")
    strict = yamlio.parse(text, "x.yaml", quick=False)
    assert typed(quick.data) == typed(strict.data)
    assert quick.problems == strict.problems
    assert (quick.hidden, quick.found_at) == (strict.hidden, strict.found_at)
    for loc in _locs(strict.data):  # positions of every value, as the model check asks for them
        assert quick.where(loc) == strict.where(loc)
        assert quick.where(loc, key=True) == strict.where(loc, key=True)
    return quick


def _locs(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [loc]
    if len(loc) < 8 and isinstance(data, dict):
        for key, value in list(data.items())[:20]:
            found += _locs(value, (*loc, key))
    elif len(loc) < 8 and isinstance(data, list):
        for index, value in enumerate(data[:20]):
            found += _locs(value, (*loc, index))
    return found


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) > 100


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_every_corpus_file_reads_the_same_both_ways(path: Path, loader: str) -> None:
    text, _ = yamlio.read_text(path, str(path))
    if text is not None:
        same_both_ways(text)


def test_a_real_plan_takes_the_quick_path() -> None:
    """Without this, the tests above would pass with a ``_quick`` that always gives up."""
    for path in sorted((TESTS.parent / "data" / "plans").glob("*.yaml")):
        loader = yamlio.LOADER(path.read_text(encoding="utf-8"))
        try:
            data = yamlio._quick(loader, loader.get_single_node())
        finally:
            loader.dispose()
        assert isinstance(data, dict) and data["id"] == path.stem


# fmt: off
TRAPS = [
    "no", "yes", "on", "off", "y", "N", "True", "FALSE", "017", "0o17", "0x1f", "0b101", "1:20", "1:30.5",
    "1_000", "1_0.5", "2017-13-45", "2020-02-30", "2021-11-18", "2001-12-14t21:59:43.10-05:00", "~", "null",
    "Null", "", ".nan", ".inf", "-.Inf", "1e3", "1.0e+400", "12", "-0", "+5", "3.14", "'no'", '"017"',
    "!!null x", "!!bool maybe", "!!int x", "!!set {a, b}", "!!omap [a: 1]", "!!binary aGk=", "!x y", "!!str 12",
    "&a x", "*a", "[1, no, {a: 017}]", "{a: 1, a: 2}", "<<: {a: 1}", "=", "|\n  text\n", ">-\n  folded\n",
    '"\\e[2J"', "'\t'", "0x" + "f" * 3000, "9" * 5000,
]
# fmt: on
KEYS = ["id", "title", "a", "a", "no", "12", "null", "2020-01-01", ".inf", "yes", "true", "<<", "? [1]", "'q'"]


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML text of nested block mappings and lists with traps, anchors, tags and duplicate keys."""
    indent = "  " * depth
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        nested = depth < 3 and draw(st.booleans())
        if draw(st.booleans()):
            key = draw(st.sampled_from(KEYS))
            head = f"{indent}{key}:"
        else:
            head = f"{indent}-"
        if nested:
            lines.append(head)
            lines.append(draw(documents(depth + 1)))
        else:
            value = draw(st.sampled_from(TRAPS))
            value = value.replace("\n", "\n" + indent + "  ").rstrip(" ")
            lines.append(f"{head} {value}".rstrip())
    return "\n".join(lines)


@given(text=documents())
def test_random_documents_read_the_same_both_ways(text: str) -> None:
    same_both_ways(text)


@given(text=documents())
def test_random_documents_read_the_same_with_the_pure_python_loader(text: str) -> None:
    original = yamlio.LOADER
    yamlio.LOADER = yamlio.PURE_LOADER
    try:
        same_both_ways(text)
    finally:
        yamlio.LOADER = original


def test_a_duplicate_key_deep_inside_is_found_in_the_same_order() -> None:
    text = "a:\n  b: 1\n  b: 2\nc:\n- x: no\n  x: 017\nd: yes\n"
    document = same_both_ways(text)
    assert [p.code for p in document.problems] == ["truthy", "duplicate-key", "duplicate-key", "truthy", "octal"]
    assert document.data["a"] == {"b": 2}


def test_a_resolved_tag_is_remembered_for_the_text_only() -> None:
    """The same text, plain and quoted, in one file: only the plain one is a YAML 1.1 trap."""
    document = same_both_ways("a: no\nb: 'no'\nc: no\n")
    assert document.data == {"a": False, "b": "no", "c": False}
    assert yaml.load("x: no", Loader=yamlio.LOADER) == {"x": False}
    assert isinstance(yamlio.parse("d: 2021-11-18", "x").data["d"], dt.date)
