"""Where a new register repository gets planstrategi from: the same planstrategi that runs ``init``.

The workflow and the pre-commit configuration ``init`` writes must install a planstrategi that
exists wherever they run. This module finds out where the running copy came from:

- installed from a VCS URL (``pip install "planstrategi @ git+https://…"``): PEP 610's
  ``direct_url.json`` names the repository and the commit, and both files install exactly that
  commit; pre-commit uses the project's own hook repository (``repo:`` the URL, ``rev:`` the commit);
- installed from an archive at a remote URL: that URL;
- installed from a package index (no ``direct_url.json``, not a source tree): ``planstrategi==X``;
- anything else (a source tree, a local folder or file, an editable install) cannot be reached
  from CI, so the user must say where with ``init --install``.

``--install`` takes a pip requirement for planstrategi; a ``git+`` one with a commit or tag also
gives pre-commit the hook repository.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import Any

from planstrategi import __version__

DISTRIBUTION = "planstrategi"


class Source(StrEnum):
    """Which rule chose the requirement; ``init`` names it."""

    INDEX = "index"
    VCS = "vcs"
    URL = "url"
    OPTION = "option"


@dataclass(frozen=True)
class Install:
    """What pip installs in CI (``requirement``), and the hook repository for pre-commit if there is one."""

    requirement: str
    source: Source
    hook_repo: str | None = None
    hook_rev: str | None = None


class Unreachable(Exception):
    """The running planstrategi came from somewhere CI cannot reach; ``where`` says from where."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


class BadRequirement(ValueError):
    """``--install`` is not a pip requirement for planstrategi (or holds characters no requirement has)."""


# A requirement for planstrategi: a bare name, a version specifier, or a direct reference.
# Quotes, spaces inside the URL, ``$`` and newlines are refused: the value goes into YAML and a shell.
_REQUIREMENT = re.compile(
    r"planstrategi(\[[a-z0-9,_-]+\])?\s*("
    r"(?P<spec>[=<>!~]=?\s*[0-9A-Za-z.*+!_-]+(\s*,\s*[=<>!~]=?\s*[0-9A-Za-z.*+!_-]+)*)"
    r"|@\s*(?P<url>[A-Za-z0-9+.-]+://[^\s\"'`$\\]+)"
    r")?",
    re.IGNORECASE,
)


def from_option(value: str) -> Install:
    """``--install``: a pip requirement for planstrategi, e.g. ``planstrategi==0.2.0`` or
    ``planstrategi @ git+https://example.org/planstrategi.git@v0.2.0``."""
    value = value.strip()
    match = _REQUIREMENT.fullmatch(value)
    if match is None:
        raise BadRequirement(value)
    url = match.group("url")
    repo, rev = _git_repo_and_rev(url) if url else (None, None)
    return Install(value, Source.OPTION, repo, rev)


def _git_repo_and_rev(url: str) -> tuple[str | None, str | None]:
    """``git+URL@REV`` (no subdirectory) -> (URL, REV); otherwise no hook repository."""
    if not url.startswith("git+"):
        return None, None
    address, _, fragment = url[len("git+") :].partition("#")
    if "subdirectory=" in fragment:
        return None, None  # .pre-commit-hooks.yaml is at the repository's root, not the subdirectory's
    head, at, rev = address.rpartition("@")
    if not at or "/" in rev or not rev or head.endswith(":"):
        return None, None  # no revision (an @ in user@host is not one)
    return head, rev


def detect(distribution: metadata.Distribution | None = None, package_dir: Path | None = None) -> Install:
    """Where the running planstrategi came from, as a requirement CI can install; ``Unreachable`` if
    it cannot be told. ``distribution`` and ``package_dir`` are for tests."""
    package_dir = package_dir or Path(__file__).resolve().parents[1]
    if distribution is None:
        try:
            distribution = metadata.distribution(DISTRIBUTION)
        except metadata.PackageNotFoundError:
            raise Unreachable(str(package_dir.parent)) from None
    direct = _direct_url(distribution)
    vcs = direct.get("vcs_info") if direct else None
    if direct and isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        url, commit = str(direct["url"]), str(vcs["commit_id"])
        if not url.startswith(("https://", "http://", "ssh://", "git@")):
            raise Unreachable(url)  # a clone on this machine (file://): CI cannot reach it
        subdirectory = direct.get("subdirectory")
        requirement = f"{DISTRIBUTION} @ git+{url}@{commit}"
        if subdirectory:
            return Install(f"{requirement}#subdirectory={subdirectory}", Source.VCS)
        return Install(requirement, Source.VCS, url, commit)
    # A source tree (a checkout, editable or run in place): its files are on this machine only.
    if (package_dir.parent / "pyproject.toml").is_file():
        raise Unreachable(str(package_dir.parent))
    if direct:
        url = str(direct.get("url", ""))
        if "archive_info" in direct and url.startswith(("https://", "http://")):
            return Install(f"{DISTRIBUTION} @ {url}", Source.URL)
        raise Unreachable(url or str(package_dir.parent))
    return Install(f"{DISTRIBUTION}=={distribution.version or __version__}", Source.INDEX)


def _direct_url(distribution: metadata.Distribution) -> dict[str, Any] | None:
    text = distribution.read_text("direct_url.json")
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "url" in data else None
