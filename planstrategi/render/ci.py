"""Where the tool runs: GitHub Actions, some other CI, or a person's terminal.

Every decision that depends on the environment (the GitHub format by default, the step summary,
the progress bar) reads it here, from a mapping that tests can pass in instead of ``os.environ``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

Env = Mapping[str, str]


def _env(env: Env | None) -> Env:
    return os.environ if env is None else env


def in_github_actions(env: Env | None = None) -> bool:
    """True inside a GitHub Actions job (the runner sets ``GITHUB_ACTIONS=true``)."""
    return _env(env).get("GITHUB_ACTIONS", "").lower() == "true"


def in_ci(env: Env | None = None) -> bool:
    """True in any CI service that follows the common ``CI`` convention, and in GitHub Actions."""
    value = _env(env).get("CI", "").strip().lower()
    return value not in ("", "0", "false", "no") or in_github_actions(env)


def step_summary_path(env: Env | None = None) -> Path | None:
    """The file GitHub Actions shows as the job summary (``GITHUB_STEP_SUMMARY``), if set."""
    value = _env(env).get("GITHUB_STEP_SUMMARY", "").strip()
    return Path(value) if value else None


def repository_root(env: Env | None = None) -> Path:
    """The repository the files belong to: ``GITHUB_WORKSPACE``, else the nearest folder with ``.git``."""
    workspace = _env(env).get("GITHUB_WORKSPACE", "").strip()
    if workspace:
        return Path(workspace).absolute()
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repo_relative(path: str, env: Env | None = None) -> str | None:
    """``path`` (as shown: relative to the working folder, or absolute) relative to the repository
    root, with ``/``; None when it lies outside the repository."""
    absolute = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    relative = os.path.relpath(absolute, repository_root(env))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return Path(relative).as_posix()


def blob_url(path: str, line: int = 0, env: Env | None = None) -> str | None:
    """A link to ``path`` (relative to the repository root) at ``line`` in the commit being checked.

    None unless ``GITHUB_REPOSITORY`` and ``GITHUB_SHA`` are set (always, inside Actions).
    """
    environ = _env(env)
    repository = environ.get("GITHUB_REPOSITORY", "").strip()
    sha = environ.get("GITHUB_SHA", "").strip()
    if not repository or not sha:
        return None
    server = environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/") or "https://github.com"
    relative = repo_relative(path, environ)
    if relative is None:
        return None
    url = f"{server}/{repository}/blob/{sha}/{quote(relative, errors='surrogateescape')}"
    return f"{url}#L{line}" if line > 0 else url


#: Below this many files validation takes about a second or less: no bar.
PROGRESS_THRESHOLD = 3000


def wants_progress(files: int | Callable[[], int], stream: TextIO, env: Env | None = None) -> bool:
    """A progress bar only where a person watches a long run: a terminal, not CI, many files.

    ``files`` may be a function that counts them; it is called only at a terminal outside CI.
    """
    isatty = getattr(stream, "isatty", None)
    if in_ci(env) or not (isatty and isatty()):
        return False
    return (files() if callable(files) else files) > PROGRESS_THRESHOLD
