"""Where in a file's structure a problem sits: the key path at a line and column, and where it ends.

A problem carries a path, line and column; a position moves whenever a line is added above it. The
key path (``revisions/0/target``) does not, so SARIF fingerprints are made from it (see
``render/sarif.py``). The file is read as ``validate`` reads it (``yamlio``: the same limits, the
same cached node tree); a file that does not parse has no key paths, and every lookup says None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planstrategi.store import yamlio


@dataclass(frozen=True)
class Spot:
    """The node a problem points at: its key path and, for a single key or value, where it ends (1-based,
    the column just after its last character, as SARIF's ``endColumn``)."""

    key_path: tuple[str, ...]
    end_line: int | None = None
    end_column: int | None = None

    @property
    def text(self) -> str:
        """``revisions/0/target``; empty for the document itself."""
        return "/".join(self.key_path)


class Finder:
    """Looks problems up file by file; each file is read once per Finder (one per rendering, so a file
    changed between two runs is read afresh)."""

    def __init__(self) -> None:
        self._files: dict[str, dict[tuple[int, int], Spot]] = {}

    def spot(self, path: str, line: int, column: int) -> Spot | None:
        """The node at ``line``:``column`` (1-based) of the file at ``path`` (as shown), or None."""
        if line < 1:
            return None
        if path not in self._files:
            self._files[path] = _index(path)
        return self._files[path].get((line, column))


def _index(path: str) -> dict[tuple[int, int], Spot]:
    """Every node's start in one file -> its Spot."""
    text, problems = yamlio.read_text(Path(path), path)
    if text is None or problems:
        return {}
    return {start: Spot(*place) for start, place in yamlio.node_places(text).items()}
