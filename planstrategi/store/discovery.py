"""Finding the register, the way git finds a repository.

In order: ``--data``; else ``PLANSTRATEGI_DATA``; else the nearest folder, from the working folder
upward, that is a register or holds ``data/`` that is one. So ``cd data/plans && planstrategi
validate`` works, and so does running it from a sibling of ``data/`` such as ``docs/``.

A register is a folder with ``plans/`` and ``municipalities.yaml`` or ``categories.yaml`` (what
``planstrategi init`` makes). The walk stops at the top of the git repository it starts in (the
folder that holds ``.git``), after looking there: a register in a folder above the repository
belongs to something else. Without git it goes on to the root of the file system. As the last
resort, a ``data/`` folder in the working folder is taken as it is, so that ``validate`` can say
which of a half-made register's files are missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from planstrategi.i18n import t

ENV = "PLANSTRATEGI_DATA"
DATA_DIR = "data"
_MARKS = ("municipalities.yaml", "categories.yaml")


class RegisterNotFound(Exception):
    """No register where one was asked for or looked for (a usage error, not a data problem)."""

    def __init__(self, path: Path, message: str | None = None) -> None:
        super().__init__(str(path))
        self.path = path
        self.message = message if message is not None else t("no-register", path=path)


def is_register(folder: Path) -> bool:
    """Does ``folder`` look like a register: ``plans/`` beside municipalities.yaml or categories.yaml?"""
    try:
        return (folder / "plans").is_dir() and any((folder / mark).is_file() for mark in _MARKS)
    except OSError:  # a folder we may not look into is not a register we can read
        return False


def resolve_root(data: Path | None, *, start: Path | None = None) -> Path:
    """The register folder (see the module's docstring). Raises RegisterNotFound."""
    if data is not None:
        if not data.is_dir():
            raise RegisterNotFound(data)
        return data
    named = os.environ.get(ENV)
    if named:
        root = Path(named)
        if not root.is_dir():
            raise RegisterNotFound(root, t("no-register-env", path=root, env=ENV))
        return root
    here = Path.cwd() if start is None else start
    found = find_upward(here)
    if found is not None:
        return _shown(found, here.absolute()) if start is None else found
    if (here / DATA_DIR).is_dir():
        return Path(DATA_DIR) if start is None else here / DATA_DIR
    stop = _stop(here)
    key = "no-register-found-here" if stop == here.absolute() else "no-register-found"
    raise RegisterNotFound(here, t(key, start=here, stop=stop) if key == "no-register-found" else t(key, start=here))


def find_upward(start: Path) -> Path | None:
    """The nearest register at or above ``start`` (itself, or its ``data/``), within its git
    repository, as an absolute path; None if there is none."""
    here = start.absolute()
    for folder in (here, *here.parents):
        for candidate in (folder, folder / DATA_DIR):
            if is_register(candidate):
                return candidate
        if _is_repository_top(folder):
            return None
    return None


def _shown(found: Path, here: Path) -> Path:
    """A register in the working folder as before the walk (``data``, ``.``), so messages keep
    their short paths; one found higher up stays absolute."""
    if found == here:
        return Path(".")
    if found == here / DATA_DIR:
        return Path(DATA_DIR)
    return found


def _is_repository_top(folder: Path) -> bool:
    return os.path.lexists(folder / ".git")  # a folder, or a file in a worktree or submodule


def _stop(start: Path) -> Path:
    """Where the walk from ``start`` ends: the top of its git repository, else the file-system root."""
    here = start.absolute()
    for folder in (here, *here.parents):
        if _is_repository_top(folder):
            return folder
    return Path(here.anchor)
