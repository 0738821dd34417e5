"""Values that read as valid YAML but must not reach a report: control characters and non-numbers.

``yamlio`` refuses a control character typed into the file, but a double-quoted YAML string can
still write one as an escape (``"\\e[2J"``, ``"\\0"``, ``"\\x07"``, ``"\\u202e"``), and YAML has
words for numbers that are not numbers (``.nan``, ``.inf``, ``-.inf``, and ``1.0e+400``, which
overflows to infinity). Each passes the model, then clears a terminal, hides a link or reorders
text in the output, or becomes ``NaN`` in JSON that strict parsers reject. This module finds them
in the loaded data, each at its value's line and column with a hint. Newline and tab are text
(a block scalar holds them) and stay allowed.

The renderers make every text safe anyway (``render/safety.py``); this tells the planner, in
``validate`` and in CI, that the file says something other than what it shows.
"""

from __future__ import annotations

import math
import re
from typing import Any

from planstrategi.i18n import t
from planstrategi.model.problems import Problem, Severity
from planstrategi.store.yamlio import MAX_DEPTH, MAX_PROBLEMS_PER_FILE, Document, Loc

# What may not stand in a text value: C0 controls but tab and newline, DEL, C1, the bidirectional
# marks, embeddings, overrides and isolates, the line and paragraph separators, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
# A file can only hold such a value through an escape (a backslash) or a character YAML lets be
# typed (C1's NEL, the bidi marks, U+2028), and a non-number only through YAML's six spellings of
# .nan and .inf or a float with a signed exponent (1.0e+400: YAML 1.1 wants the sign). Most files
# have none of them and are not walked at all; the look is a few substring searches, as loading
# runs it on every file. (A float of more than 308 digits and no exponent also overflows; it is
# not looked for, and the JSON writer still prints it as null.)
_TYPED = re.compile("[\\\\\x85\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NON_NUMBERS = (".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF")
_EXPONENT = re.compile("[eE][-+][0-9]{3}")


def _maybe(text: str) -> bool:
    """Could ``text`` hold a control character in a value or a number that is not finite?"""
    if _TYPED.search(text) or any(word in text for word in _NON_NUMBERS):
        return True
    return ("e+" in text or "e-" in text or "E+" in text or "E-" in text) and _EXPONENT.search(text) is not None


def check(document: Document) -> tuple[list[Problem], int]:
    """The control characters in text values and the non-finite numbers of a parsed document, at
    most MAX_PROBLEMS_PER_FILE of them, and how many more were found (counted, not made)."""
    if document.data is None or (document.text is not None and not _maybe(document.text)):
        return [], 0
    found: list[tuple[Loc, str, dict[str, object]]] = []
    hidden = 0
    stack: list[tuple[Any, Loc]] = [(document.data, ())]
    while stack:
        value, loc = stack.pop()
        finding = _finding(value, loc)
        if finding is not None:
            if len(found) < MAX_PROBLEMS_PER_FILE:
                found.append(finding)
            else:
                hidden += 1
        if len(loc) >= MAX_DEPTH:  # yamlio refuses deeper data; an alias loop ends here too
            continue
        if isinstance(value, dict):
            stack.extend((child, (*loc, key)) for key, child in reversed(value.items()) if isinstance(key, str | int))
        elif isinstance(value, list):
            stack.extend((child, (*loc, index)) for index, child in reversed(list(enumerate(value))))
    problems = []
    for loc, code, params in found:
        line, column = document.where(loc)
        problems.append(Problem(document.path, line, column, Severity.ERROR, code, t(code, **params)))
    return problems, hidden


def _finding(value: Any, loc: Loc) -> tuple[Loc, str, dict[str, object]] | None:
    key = ".".join(str(step) for step in loc) or "(fil)"
    if isinstance(value, str):
        bad = _UNSAFE.search(value)
        if bad is None:
            return None
        char = bad.group()
        code = "control-in-text"
        return loc, code, {"key": key, "char": f"U+{ord(char):04X}", "escape": ascii(char)[1:-1]}
    if isinstance(value, float) and not math.isfinite(value):
        code = "not-finite"
        return loc, code, {"key": key, "value": ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")}
    return None
