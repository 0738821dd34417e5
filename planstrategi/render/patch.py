"""A change to a file as a unified diff (``diff -u``), the form ``git apply`` and reviewers read.

``upgrade`` and ``record`` print one for every file they change, before they write it.
"""

from __future__ import annotations

import difflib


def unified_diff(old: str, new: str, shown: str) -> str:
    """``diff -u`` of the two texts, labelled a/<path> and b/<path> as git labels them."""
    lines = []
    for line in difflib.unified_diff(_lines(old), _lines(new), f"a/{shown}", f"b/{shown}"):
        lines.append(line)
        if not line.endswith("\n"):
            lines.append("\n\\ No newline at end of file\n")  # the marker patch and git apply expect
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """Lines split at ``\\n`` only (str.splitlines also splits at characters YAML keeps inside a value)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
