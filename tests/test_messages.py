"""A message for every code a Problem can carry (found by reading the package's source), and the
choice of language. The catalogues themselves: tests/test_i18n_catalogue.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from planstrategi import i18n
from planstrategi.i18n import CATALOGUE, t

PACKAGE = Path(i18n.__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"

# Where each helper that makes a Problem takes its code (positional index).
CODE_ARGUMENT = {"Problem": 4, "_problem": 3, "_error": 3, "_at": 2, "_ref_error": 2, "_Stop": 0, "Refused": 0}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _strings(node: ast.expr) -> set[str]:
    """The string constants an expression can be: "x", or "x" if c else "y"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def problem_codes() -> set[str]:
    """Every code the package's source passes to Problem or its helpers, returns with a message, or records."""
    codes: set[str] = set()
    for module in PACKAGE.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                index = CODE_ARGUMENT.get(_name(node.func) or "")
                if index is not None and len(node.args) > index:
                    codes |= _strings(node.args[index])
                if _name(node.func) == "append" and node.args and isinstance(node.args[0], ast.Tuple):
                    elements = node.args[0].elts  # the loader's findings: (node, "code", params)
                    if len(elements) == 3 and isinstance(elements[0], ast.Name):
                        codes |= _strings(elements[1])
            elif isinstance(node, ast.Assign) and any(_name(target) == "code" for target in node.targets):
                codes |= _strings(node.value)
            elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2:
                code, message = node.value.elts  # modelcheck: return "code", t("code", …) [+ hint]
                if any(isinstance(call, ast.Call) and _name(call.func) == "t" for call in ast.walk(message)):
                    codes |= _strings(code)
    return codes


def corpus_codes() -> set[str]:
    return {
        line.rsplit(":", 1)[1]
        for expected in CASES.glob("*/expected.txt")
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def test_the_source_scan_finds_the_codes() -> None:
    codes = problem_codes()
    # The scan must see every kind of place a code is written, or the next test proves nothing.
    assert {"duplicate-key", "too-deep", "too-large", "wrong-type", "id-mismatch", "expired-unplanned"} <= codes
    assert corpus_codes() <= codes


@pytest.mark.parametrize("code", sorted(problem_codes()))
def test_every_problem_code_has_a_message(code: str) -> None:
    assert code in CATALOGUE


def test_the_language_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    assert t("severity.error") == "feil"
    monkeypatch.setenv("PLANSTRATEGI_LANG", "EN ")
    assert t("severity.error") == "error"
    i18n.set_language("nb")  # --lang beats the environment
    assert t("severity.error") == "feil"
    monkeypatch.setenv("PLANSTRATEGI_LANG", "de")
    i18n.set_language(None)
    assert t("severity.error") == "feil"  # an unknown language in the environment falls back
    with pytest.raises(ValueError, match="de"):
        i18n.set_language("de")
