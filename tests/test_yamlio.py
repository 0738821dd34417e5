"""The loader: every trap with its code and 1-based position, the limits, and ``locate``.

Tests that take the ``loader`` fixture run twice: with libyaml and with the pure-Python fallback,
which must give the same problems at the same places.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from planstrategi.model.problems import Problem, Severity
from planstrategi.store import yamlio


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in yamlio.parse(text, "f.yaml").problems]


def only(text: str) -> Problem:
    document = yamlio.parse(text, "f.yaml")
    assert len(document.problems) == 1, document.problems
    return document.problems[0]


# --- reading bytes ---------------------------------------------------------------------------


def test_bom_is_dropped_and_positions_count_from_the_first_real_character() -> None:
    text, found = yamlio.decode("\ufeffid: x\ntitle: no\n".encode(), "f.yaml")
    assert found == []
    assert text == "id: x\ntitle: no\n"
    assert problems(text) == [(2, 8, "truthy")]


def test_crlf_counts_lines_like_lf(loader: str) -> None:
    assert problems("id: x\r\nb: 1\r\ntitle: yes\r\n") == [(3, 8, "truthy")]
    assert yamlio.parse("a: 1\r\nb: 2\r\n", "f.yaml").data == {"a": 1, "b": 2}


def test_nul_byte_position_is_one_based() -> None:
    _, found = yamlio.decode(b"id: x\ntitle: a\x00b\n", "f.yaml")
    assert [(p.line, p.column, p.code) for p in found] == [(2, 9, "nul-byte")]


def test_latin1_is_refused_at_the_byte() -> None:
    text, found = yamlio.decode("id: x\nresponsible: miljø\n".encode("latin-1"), "f.yaml")
    assert text is None
    assert [(p.line, p.column, p.code) for p in found] == [(2, 18, "encoding")]
    assert "0xf8" in found[0].message


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\ufffe"])
def test_control_character_is_refused_with_its_position(char: str) -> None:
    text, found = yamlio.decode(f"id: x\ntitle: a{char}b\n".encode(), "f.yaml")
    assert text is None
    assert [(p.line, p.column, p.code) for p in found] == [(2, 9, "control-char")]
    assert f"U+{ord(char):04X}" in found[0].message


def test_tab_and_non_ascii_are_fine_in_text() -> None:
    text, found = yamlio.decode("title: «Plan for æøå»\tdel 2\n".encode(), "f.yaml")
    assert found == []
    assert text is not None


def test_too_large_is_judged_by_size_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 10)
    path = tmp_path / "f.yaml"
    path.write_bytes(b"id: x\ntitle: y\n")
    text, found = yamlio.read_text(path, "f.yaml")
    assert text is None
    assert [(p.line, p.code) for p in found] == [(0, "too-large")]
    assert "15" in found[0].message and "10" in found[0].message


def test_a_file_that_grows_after_stat_is_still_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"id: x\n")
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 10)
    real_stat = Path.stat

    def small_stat(self: Path, **kwargs: bool) -> os.stat_result:
        result = real_stat(self, **kwargs)
        path.write_bytes(b"id: x\ntitle: grown\n")  # grows between stat and read
        return result

    monkeypatch.setattr(Path, "stat", small_stat)
    text, found = yamlio.read_text(path, "f.yaml")
    assert text is None
    assert [p.code for p in found] == ["too-large"]


def test_unreadable_file_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"id: x\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    text, found = yamlio.read_text(path, "f.yaml")
    assert text is None
    assert [(p.line, p.code) for p in found] == [(0, "unreadable")]
    assert "Permission denied" in found[0].message


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    assert [p.code for p in yamlio.read_text(tmp_path / "x.yaml", "x.yaml")[1]] == ["not-a-file"]


# --- YAML traps ------------------------------------------------------------------------------


def test_duplicate_key_points_at_the_second_and_names_the_first(loader: str) -> None:
    problem = only("id: x\ntitle: a\nkind: plan\ntitle: b\n")
    assert (problem.line, problem.column, problem.code) == (4, 1, "duplicate-key")
    assert "«title»" in problem.message and "linje 2" in problem.message
    assert problem.severity is Severity.ERROR


def test_duplicate_key_nested_in_a_list(loader: str) -> None:
    assert problems("revisions:\n  - year: 2024\n    note: a\n    year: 2025\n") == [(4, 5, "duplicate-key")]


def test_same_key_in_two_list_items_is_not_a_duplicate(loader: str) -> None:
    assert problems("revisions:\n  - year: 2024\n  - year: 2025\n") == []


@pytest.mark.parametrize("word", ["no", "No", "NO", "yes", "Yes", "on", "off", "y", "n"])
def test_yaml11_booleans_are_flagged(word: str, loader: str) -> None:
    found = yamlio.parse(f"title: {word}\n", "f.yaml")
    if word in {"y", "n"}:  # PyYAML's resolver does not take y/n as booleans
        assert found.problems == [] and found.data == {"title": word}
        return
    problem = only(f"title: {word}\n")
    assert (problem.line, problem.column, problem.code) == (1, 8, "truthy")
    assert f'"{word}"' in problem.message


@pytest.mark.parametrize("text", ["a: true", "a: false", "a: True", "a: FALSE", 'a: "no"', "a: 'yes'"])
def test_canonical_booleans_and_quoted_words_are_fine(text: str, loader: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize(("text", "number"), [("1:20", 80), ("41:17", 2477), ("1:00:00", 3600)])
def test_sexagesimal(text: str, number: int, loader: str) -> None:
    problem = only(f"case: {text}\n")
    assert (problem.line, problem.column, problem.code) == (1, 7, "sexagesimal")
    assert str(number) in problem.message


@pytest.mark.parametrize(("text", "number"), [("017", 15), ("0301", 193), ("-017", -15)])
def test_octal(text: str, number: int, loader: str) -> None:
    problem = only(f"- {text}\n")
    assert (problem.line, problem.column, problem.code) == (1, 3, "octal")
    assert f"tallet {number} " in problem.message


@pytest.mark.parametrize("text", ["0", "10", "2024", "0o17", "0x1F", "10.5", "1e3", ".inf"])
def test_ordinary_numbers_are_not_traps(text: str, loader: str) -> None:
    assert problems(f"a: {text}\n") == []


@pytest.mark.parametrize(("text", "number"), [("20_25", "2025"), ("1_000", "1000"), ("1_0.5", "10.5"), ("0b1_0", "2")])
def test_a_number_with_an_underscore_is_a_trap(text: str, number: str, loader: str) -> None:
    # YAML 1.1 drops the underscore (20_25 is 2025); YAML 1.2 and JSON Schema tools read text.
    problem = only(f"a: {text}\n")
    assert (problem.line, problem.column, problem.code) == (1, 4, "underscore")
    assert f"tallet {number} " in problem.message


def test_a_base_60_float_is_a_trap(loader: str) -> None:
    problem = only("a: 1:30.0\n")
    assert (problem.line, problem.column, problem.code) == (1, 4, "sexagesimal")
    assert "90.0" in problem.message


def test_a_null_tag_on_text_keeps_the_text_and_says_so(loader: str) -> None:
    document = yamlio.parse("id: x\nremarks: !!null Viktig merknad\n", "f.yaml")
    assert [(p.line, p.column, p.code) for p in document.problems] == [(2, 10, "bad-scalar")]
    assert "Viktig merknad" in document.problems[0].message
    assert document.data["remarks"] == "Viktig merknad"  # not dropped to None


@pytest.mark.parametrize("text", ["a: !!null\n", "a: !!null ~\n", "a: !!null null\n", "a:\n", "a: ~\n"])
def test_a_real_null_is_fine(text: str, loader: str) -> None:
    assert yamlio.parse(text, "f.yaml").data == {"a": None}
    assert problems(text) == []


def test_a_set_keeps_the_order_written(loader: str) -> None:
    # A Python set of strings comes out in a different order in every run (hash randomisation).
    text = "partners: !!set {'5025', '3430', '1111', '0301'}\n"
    assert yamlio.parse(text, "f.yaml").data == {"partners": ["5025", "3430", "1111", "0301"]}


def test_keys_that_are_not_text_stay_the_text_written(loader: str) -> None:
    text = "id: x\nnull: 1\n.inf: 2\n2020-01-01: 3\n12: 4\ntrue: 5\nyes: 6\n~: 7\n"
    document = yamlio.parse(text, "f.yaml")
    assert document.data == {
        "id": "x", "null": 1, ".inf": 2, "2020-01-01": 3, "12": 4, "true": 5, "yes": 6, "~": 7,
    }  # fmt: skip
    assert document.problems == []  # the model check names them, at their own lines (corpus: odd-keys)
    for line, key in enumerate(["null", ".inf", "2020-01-01", "12", "true", "yes", "~"], start=2):
        assert document.where((key,), key=True) == (line, 1)


def test_yes_beside_true_is_not_one_key(loader: str) -> None:
    assert yamlio.parse("yes: 1\ntrue: 2\n", "f.yaml").data == {"yes": 1, "true": 2}


def test_a_set_is_still_a_set_of_its_members(loader: str) -> None:
    assert yamlio.parse("a: !!set {2020, 2021}\n", "f.yaml").data == {"a": [2020, 2021]}


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d\\ude00"])
def test_a_lone_surrogate_escape_is_refused_by_both_loaders(escape: str, loader: str) -> None:
    document = yamlio.parse(f'id: x\ntitle: "Plan {escape}"\n', "f.yaml")
    assert document.data is None
    assert [(p.line, p.column, p.code) for p in document.problems] == [(2, 8, "yaml-syntax")]
    assert "surrogat" in document.problems[0].message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title:\tX\n", (1, 7)),
        ("title: X\t\n", (1, 9)),
        ("a: [1,\t2]\n", (1, 7)),
        ("a:\n  b:\tc\n", (2, 5)),
        ("a: >\t\n  x\n", (1, 5)),
    ],
)
def test_a_tab_between_words_is_refused_by_both_loaders(text: str, where: tuple[int, int], loader: str) -> None:
    document = yamlio.parse(text, "f.yaml")
    assert [(p.line, p.column, p.code) for p in document.problems] == [(*where, "tab")]
    assert "mellomrom" in document.problems[0].message


@pytest.mark.parametrize("text", ['a: "x\ty"\n', "a: 'x\ty'\n", "a: |\n  x\ty\n", "a: 1 # x\ty\n", "# \t\na: 1\n"])
def test_a_tab_in_quoted_text_a_block_or_a_comment_is_fine(text: str, loader: str) -> None:
    assert problems(text) == []


def test_a_tab_in_a_block_texts_indentation_is_refused_by_both_loaders(loader: str) -> None:
    # PyYAML read the tab as part of the text; libyaml refuses it.
    assert problems("a: >\n     \t  f g\n") == [(2, 6, "tab")]


@pytest.mark.parametrize(
    ("value", "line", "column"),
    [("2017-13-45", 2, 4), ("2017-02-30", 2, 4), ("0x_", 2, 4), ("!!int abc", 2, 4), ("!!bool maybe", 2, 4)],
)
def test_values_pyyaml_cannot_construct(value: str, line: int, column: int, loader: str) -> None:
    document = yamlio.parse(f"id: x\nb: {value}\nc: 1\n", "f.yaml")
    assert [(p.line, p.column, p.code) for p in document.problems] == [(line, column, "bad-scalar")]
    assert document.data["c"] == 1  # the rest of the file was still read


def test_five_thousand_digit_number(loader: str) -> None:
    problem = only("a: " + "9" * 5000 + "\n")
    assert problem.code == "bad-scalar"
    assert len(problem.message) < 300


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ('a: !!python/object/apply:os.system ["echo hi"]', "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system", "!!python/name:os.system"),
        ("a: !secret x", "!secret"),
        ("a: !!merge x", "!!merge"),
    ],
)
def test_tags_outside_the_safe_set_are_refused(
    text: str, tag: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> int:
        raise AssertionError("executed")

    monkeypatch.setattr(os, "system", boom)
    problem = only(text + "\n")
    assert (problem.line, problem.code) == (1, "unknown-tag")
    assert f"«{tag}»" in problem.message


def test_several_documents(loader: str) -> None:
    assert problems("a: 1\n---\nb: 2\n") == [(2, 1, "multiple-documents")]


def test_one_document_with_start_and_end_markers_is_fine(loader: str) -> None:
    assert yamlio.parse("---\na: 1\n...\n", "f.yaml").data == {"a": 1}


@pytest.mark.parametrize("text", ["", "\n\n", "# bare en kommentar\n", "---\n", "~\n"])
def test_empty_is_a_whole_file_problem(text: str, loader: str) -> None:
    assert problems(text) == [(0, 0, "empty-file")]


def test_tab_indentation(loader: str) -> None:
    assert problems("cadence:\n\trule: valgperiode\n") == [(2, 1, "tab")]


def test_syntax_error_position_and_hint(loader: str) -> None:
    problem = only("id: x\ntitle: Plan: del 2\n")
    assert (problem.line, problem.code) == (2, "yaml-syntax")
    assert "anførselstegn" in problem.message


def test_unclosed_quote_points_at_the_opening_quote(loader: str) -> None:
    assert problems('id: x\ntitle: "Plan\nkind: plan\n') == [(2, 8, "yaml-syntax")]


SYNTAX = {
    "title: Plan: del 2\n": (1, 12, "et kolon («: ») der YAML ikke venter det"),
    "id: x\n  title: y\n": (2, 8, "et kolon («: ») der YAML ikke venter det"),
    "a:\n  b: 1\n c: 2\n": (3, 2, "innrykket stemmer ikke"),
    "a:\n  - 1\n  b: 2\n": (3, 3, "innrykket stemmer ikke"),
    "id: x\njust text\nkind: y\n": (2, 1, "en linje som verken er «nøkkel: verdi» eller «- verdi»"),
    "a: [1, 2\nb: 3\n": (2, 2, "en liste i [ ] eller felt i { } er ikke lukket"),
    "a: {b: 1\nc: 2\n": (2, 2, "en liste i [ ] eller felt i { } er ikke lukket"),
    "a: @x\n": (1, 4, "et tegn som ikke kan begynne en verdi"),
    "a: ]\n": (1, 4, "et tegn som ikke kan stå her"),
    "a: *nothing\n": (1, 4, "*navn viser til et anker &navn som ikke finnes"),
    "a: &x 1\nb: &x 2\n": (2, 4, "samme anker (&navn) står to ganger"),
    "a: 'x\n": (1, 4, "et anførselstegn er ikke lukket"),
}


@pytest.mark.parametrize("text", list(SYNTAX))
def test_syntax_errors_in_the_planners_words_the_same_from_both_loaders(text: str, loader: str) -> None:
    line, column, start = SYNTAX[text]
    problem = only(text)
    assert (problem.line, problem.column, problem.code) == (line, column, "yaml-syntax")
    assert problem.message.startswith("YAML-syntaksfeil: " + start)


def test_a_syntax_error_without_plain_words_keeps_yamls_own(loader: str) -> None:
    problem = only("%YAML 1.1\n%YAML 1.1\n---\na: 1\n")
    assert (problem.line, problem.code) == (2, "yaml-syntax")
    assert "duplicate" in problem.message and problem.message.endswith("på denne linjen og linjen over")


def test_unhashable_key(loader: str) -> None:
    assert [code for *_, code in problems("? [a, b]\n: 1\n")] == ["yaml-syntax"]


def test_undefined_alias_hint(loader: str) -> None:
    problem = only("a: *nothing\n")
    assert problem.code == "yaml-syntax"
    assert "&navn" in problem.message


# --- limits ----------------------------------------------------------------------------------


def test_limits_are_what_the_readme_says() -> None:
    assert (yamlio.MAX_FILE_BYTES, yamlio.MAX_ALIASES, yamlio.MAX_DEPTH) == (1_000_000, 10, 100)


def _aliases(count: int) -> str:
    return "a: &x [1, 2]\nb: [" + ", ".join(["*x"] * count) + "]\n"


def test_aliases_up_to_the_limit_are_allowed(loader: str) -> None:
    document = yamlio.parse(_aliases(yamlio.MAX_ALIASES), "f.yaml")
    assert document.problems == []
    assert len(document.data["b"]) == yamlio.MAX_ALIASES


def test_one_alias_over_the_limit_stops_loading(loader: str) -> None:
    document = yamlio.parse(_aliases(yamlio.MAX_ALIASES + 1), "f.yaml")
    assert document.data is None
    assert [(p.line, p.column, p.code) for p in document.problems] == [(1, 4, "too-many-aliases")]


def test_billion_laughs_is_stopped_quickly(loader: str) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    document = yamlio.parse("\n".join(lines) + "\n", "f.yaml")
    assert [p.code for p in document.problems] == ["too-many-aliases"]


def _nested(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


def test_nesting_up_to_the_limit_is_allowed(loader: str) -> None:
    # The mapping is level 1, so MAX_DEPTH - 1 lists fit inside it.
    assert yamlio.parse(_nested(yamlio.MAX_DEPTH - 1), "f.yaml").problems == []


def test_nesting_over_the_limit_is_refused_at_the_same_place_by_both_loaders(loader: str) -> None:
    # The first list too many opens at column 4 + MAX_DEPTH - 1.
    assert problems(_nested(yamlio.MAX_DEPTH)) == [(1, 3 + yamlio.MAX_DEPTH, "too-deep")]


@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_of_mappings_is_refused_at_the_same_place_by_both_loaders(style: str, loader: str) -> None:
    # A key is not a level: the first mapping too many is the one at level MAX_DEPTH + 1.
    depth = yamlio.MAX_DEPTH + 20
    if style == "flow":
        assert problems("a: " + "{a: " * depth + "1" + "}" * depth + "\n") == [(1, 4 * yamlio.MAX_DEPTH, "too-deep")]
    else:
        text = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"
        line = yamlio.MAX_DEPTH + 1
        assert problems(text) == [(line, 2 * yamlio.MAX_DEPTH + 1, "too-deep")]


def test_past_libyamls_own_limit_the_place_is_the_same_as_under_it(loader: str) -> None:
    # libyaml stops by itself at 1000 levels, where it says so; the place given is where 100 was passed.
    assert problems(_nested(10_000)) == [(1, 3 + yamlio.MAX_DEPTH, "too-deep")]


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deeper_than_libyaml_goes(style: str, loader: str) -> None:
    # libyaml stops by itself at 1000 levels; block style grows with the square of the depth.
    text = _nested(10000) if style == "flow" else "a:\n" + "".join("  " * level + "-\n" for level in range(1500))
    document = yamlio.parse(text, "f.yaml")
    assert document.data is None
    assert [p.code for p in document.problems] == ["too-deep"]


def test_a_list_that_contains_itself(loader: str) -> None:
    assert problems("id: x\nlegal_basis: &me [*me]\n") == [(2, 14, "recursive-alias")]


def test_a_mapping_that_contains_itself(loader: str) -> None:
    assert [code for *_, code in problems("a: &me {b: *me}\n")] == ["recursive-alias"]


def test_the_fixture_switches_the_loader(loader: str) -> None:
    pure = yamlio.LOADER is yamlio.PURE_LOADER
    assert pure == (loader == "python")


def test_the_pure_python_loader_is_a_real_fallback() -> None:
    assert yamlio.PURE_LOADER.__mro__[1] is yaml.SafeLoader
    assert issubclass(yamlio.LOADER, yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


# --- locate ----------------------------------------------------------------------------------

NESTED = """\
id: x
decisions:
  - case: "41/17"
    date: 2017-06-22
  - case: "22/363"
revisions: [2024, 2025]
"""


@pytest.mark.parametrize(
    ("loc", "key", "where"),
    [
        (("id",), False, (1, 5)),
        (("id",), True, (1, 1)),
        (("decisions", 0, "date"), False, (4, 11)),
        (("decisions", 0, "date"), True, (4, 5)),
        (("decisions", 1), False, (5, 5)),
        (("revisions", 1), False, (6, 19)),
        (("decisions", 1, "body"), False, (5, 5)),  # missing key: its mapping
        (("nothing",), False, (1, 1)),  # missing top-level key: the file's mapping
        (("decisions", 7), False, (3, 3)),  # index past the end: the list
        ((), False, (1, 1)),
    ],
)
def test_locate(loc: tuple[str | int, ...], key: bool, where: tuple[int, int], loader: str) -> None:
    assert yamlio.locate(NESTED, loc, key=key) == where


def test_locate_with_crlf_and_bom_stripped(loader: str) -> None:
    text, _ = yamlio.decode(b"\xef\xbb\xbfid: x\r\nb:\r\n  c: 1\r\n", "f.yaml")
    assert text is not None
    assert yamlio.locate(text, ("b", "c")) == (3, 6)


def test_locate_takes_the_last_of_duplicate_keys_like_the_loader(loader: str) -> None:
    assert yamlio.locate("a: 1\nb: 2\na: 3\n", ("a",)) == (3, 4)


def test_locate_in_broken_yaml_falls_back_to_the_start(loader: str) -> None:
    assert yamlio.locate("a: [\n", ("a",)) == (1, 1)


def test_locate_finds_a_number_key(loader: str) -> None:
    assert yamlio.locate("a: 1\n2024: x\n", (2024,), key=True) == (2, 1)


# --- reading a file --------------------------------------------------------------------------


def test_read_document_shows_the_path_given(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: x\ntitle: no\n", encoding="utf-8")
    document = yamlio.read_document(path, "plans/x.yaml")
    assert [(p.path, p.line, p.code) for p in document.problems] == [("plans/x.yaml", 2, "truthy")]
    assert document.text == "id: x\ntitle: no\n"


def test_dump_quotes_every_trap_so_it_reads_back_the_same(loader: str) -> None:
    data = {"a": "no", "b": "1:20", "c": "017", "d": "2017-13-45", "e": "yes", "f": "æøå"}
    text = yamlio.dump(data)
    document = yamlio.parse(text, "f.yaml")
    assert document.problems == []
    assert document.data == data
    assert "æøå" in text


# --- the two loaders give the same answer (README: "the same whichever loader PyYAML uses") -----

CASES = Path(__file__).resolve().parent / "cases"
_SNIPPETS = [
    "title:\tX\n", 'title: "\\ud800"\n', "a: " + "[" * 150 + "]" * 150 + "\n",
    "a: " + "{a: " * 150 + "1" + "}" * 150 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(150)) + "  " * 150 + "x\n", "a: " + "[" * 2000 + "\n",
    "adopted: 20_25\n", "x: 1_0.5\n", "x: 1:30.0\n", "remarks: !!null x\n", "partners: !!set {b, a, c}\n",
    "id: x\nnull: 1\n.inf: 2\n2020-01-01: 3\n", "true: 1\nyes: 2\n", "a: |\n\tx\n", "a: 'x\n\ty'\n", "? a\n:\tb\n",
]  # fmt: skip
# Small files a tab (alone, after a space, before a '#') is put into at every place.
_TAB_BASES = [
    (CASES / "_base" / "plans" / "helseplan.yaml").read_text(encoding="utf-8"),
    'a: "x y" # c\nb: |\n  l1\n  l2\nc: [1, {d: e}]\n',
    "a:\n  - b: 'q r'\n    c: >\n      f g\n# k\nd: ~\n",
]


def _compared() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CASES.rglob("*.yaml"))] + _SNIPPETS
    for base in _TAB_BASES:
        texts += [base[:i] + tab + base[i:] for i in range(len(base) + 1) for tab in ("\t", " \t", "\t#")]
    return texts


def _answer(text: str, loader: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    monkeypatch.setattr(yamlio, "LOADER", loader)
    yamlio._compose.cache_clear()
    decoded, refused = yamlio.decode(text.encode("utf-8", "surrogatepass"), "f.yaml")
    if decoded is None:
        return tuple((p.line, p.column, p.code) for p in refused), None
    document = yamlio.parse(decoded, "f.yaml")
    return tuple((p.line, p.column, p.code, p.message) for p in document.problems), repr(document.data)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
def test_both_loaders_give_the_same_answer_on_the_corpus_and_on_tabs_everywhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    libyaml = yamlio.make_loader(yaml.CSafeLoader)
    texts = _compared()
    assert len(texts) > 1_000
    pure = yamlio.PURE_LOADER
    differ = [text for text in texts if _answer(text, libyaml, monkeypatch) != _answer(text, pure, monkeypatch)]
    yamlio._compose.cache_clear()
    assert differ == []
