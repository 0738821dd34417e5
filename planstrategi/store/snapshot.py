"""One side of a diff: the register as it is in a git revision or in the working tree.

Each file goes through the same path as ``planstrategi validate`` (``yamlio`` to read and parse,
``modelcheck`` to check against the model), so a file that does not load on one side is reported
with the same message validate gives, never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pydantic import BaseModel

from planstrategi.i18n import t
from planstrategi.model import GoalSet, Plan
from planstrategi.model.problems import Problem, Severity
from planstrategi.store import gitrev, modelcheck, safeio, yamlio
from planstrategi.store.register import (
    CATEGORIES_FILE,
    GOALS_DIR,
    MUNICIPALITIES_FILE,
    PLANS_DIR,
    SUFFIX,
    display_path,
    folder_problems,
)

M = TypeVar("M", bound=BaseModel)
TOP_FILES = (CATEGORIES_FILE, MUNICIPALITIES_FILE)


@dataclass
class Snapshot:
    """What loaded on one side, keyed by plan id, and what did not.

    ``revision`` is what the user named (None: the working tree), ``commit`` the commit it is.
    """

    folder: str
    revision: str | None = None
    commit: str | None = None
    present: bool = True
    plans: dict[str, Plan] = field(default_factory=dict)
    goals: dict[str, GoalSet] = field(default_factory=dict)
    failed: dict[str, list[Problem]] = field(default_factory=dict)  # shown path -> problems
    top: dict[str, bytes] = field(default_factory=dict)  # categories.yaml, municipalities.yaml

    def failed_stems(self, folder: str) -> set[str]:
        """Stems of the files in ``folder`` (plans or goals) that did not load."""
        return {PurePosixPath(path).stem for path in self.failed if PurePosixPath(path).parent.name == folder}

    def unlisted(self, folder: str) -> bool:
        """True when ``folder`` (plans or goals) is there but could not be listed: nothing is known of it."""
        return (PurePosixPath(self.folder) / folder).as_posix() in self.failed


def _kind(name: str) -> str | None:
    """Which part of the register a path (relative to the register folder) belongs to."""
    parts = PurePosixPath(name).parts
    if len(parts) == 1 and name in TOP_FILES:
        return "top"
    if len(parts) == 2 and parts[1].endswith(SUFFIX) and parts[0] in (PLANS_DIR, GOALS_DIR):
        return parts[0]
    return None


def check_bytes(raw: bytes, shown: str, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Decode, parse and check one file's bytes as ``register.load_file`` does with a file on disk."""
    text, problems = yamlio.decode(raw, shown)
    if text is None:
        return None, problems
    document = yamlio.parse(text, shown)
    if document.data is None:
        return None, document.problems
    instance, model_problems, hidden = modelcheck.check_counted(document, model)
    if any(p.severity is Severity.ERROR for p in document.problems):
        instance = None  # a duplicate key or a YAML trap: the data is not what was written
    return instance, yamlio.cap(document.problems + model_problems, hidden + document.hidden)


def _add(snapshot: Snapshot, name: str, shown: str, raw: bytes | None, problems: list[Problem]) -> None:
    kind = _kind(name)
    if kind == "top":
        snapshot.top[name] = raw or b""
        return
    model: type[BaseModel] = Plan if kind == PLANS_DIR else GoalSet
    instance: BaseModel | None = None
    if raw is not None:
        instance, problems = check_bytes(raw, shown, model)
    if isinstance(instance, Plan):
        snapshot.plans.setdefault(instance.id, instance)
    elif isinstance(instance, GoalSet):
        snapshot.goals.setdefault(instance.plan, instance)
    else:
        snapshot.failed[shown] = [p for p in problems if p.severity is Severity.ERROR] or problems


def _too_large(shown: str, size: int) -> Problem:
    message = t("too-large", size=size, limit=yamlio.MAX_FILE_BYTES)
    return Problem(shown, 0, 0, Severity.ERROR, "too-large", message)


def from_git(repo: Path, revision: str, commit: str, folder: PurePosixPath) -> Snapshot:
    """The register under ``folder`` (relative to the repository root) at ``commit``."""
    snapshot = Snapshot(folder.as_posix(), revision, commit)
    blobs = gitrev.list_files(repo, commit, folder)
    if blobs is None:
        snapshot.present = False
        return snapshot
    wanted = [blob for blob in blobs.values() if _kind(blob.name)]
    small = [blob for blob in wanted if blob.size <= yamlio.MAX_FILE_BYTES]
    contents = gitrev.read_blobs(repo, small)
    for blob in sorted(wanted, key=lambda b: b.name):
        shown = display_path(Path((folder / blob.name).as_posix()))  # a name with "\n" or 0xff, escaped
        if blob.name in contents:
            _add(snapshot, blob.name, shown, contents[blob.name], [])
        else:
            _add(snapshot, blob.name, shown, None, [_too_large(shown, blob.size)])
    return snapshot


def from_disk(repo: Path, folder: PurePosixPath) -> Snapshot:
    """The register under ``folder`` in the working tree, as the files are now."""
    snapshot = Snapshot(folder.as_posix())
    root = repo / folder
    if not root.is_dir():
        snapshot.present = False
        return snapshot
    real_root = root.resolve()
    names = [name for name in TOP_FILES if (root / name).is_file()]
    for sub in (PLANS_DIR, GOALS_DIR):
        unlisted = folder_problems(root / sub)  # a link loop or no permission: say so, not "all removed"
        for problem in unlisted:
            snapshot.failed[(folder / sub).as_posix()] = [replace(problem, path=(folder / sub).as_posix())]
        if not unlisted and (root / sub).is_dir():
            names += sorted(f"{sub}/{path.name}" for path in (root / sub).glob("*" + SUFFIX))
    for name in names:
        path = root / name
        shown = display_path(Path((folder / name).as_posix()))
        real = safeio.resolved(path)  # None: a link loop, which read_text reports
        if real is not None and not real.is_relative_to(real_root):
            _add(snapshot, name, shown, None, [Problem(shown, 0, 0, Severity.ERROR, "outside-data", t("outside-data"))])
            continue
        text, problems = yamlio.read_text(path, shown)
        _add(snapshot, name, shown, text.encode("utf-8") if text is not None else None, problems)
    return snapshot
