"""The one type for everything that can be wrong with the data: ``Problem``.

Every check (YAML syntax, models, cross-file references) reports Problems; nothing raises for bad
data. Problems sort by file and position, the way an editor or CI annotation reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at a line and column where the file has them (1-based)."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def printable(text: str, limit: int = 60) -> str:
    """``text`` safe to put in a message: control characters escaped (no terminal escapes, one line), shortened."""
    # A quoted YAML scalar can hold "\e[31m" or a newline; printed raw it would recolour the
    # terminal or break the one-problem-per-line output that editors and CI parse.
    safe = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def has_errors(problems: list[Problem], *, strict: bool = False) -> bool:
    """True when the problems should fail a run: any error, or with ``strict`` any warning too."""
    return any(p.severity is Severity.ERROR or strict for p in problems)
