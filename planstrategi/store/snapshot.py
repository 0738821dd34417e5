"""One side of a diff: the register as it is in a git revision or in the working tree.

Each file goes through the same path as ``planstrategi validate`` (``yamlio`` to read and parse,
``modelcheck`` to check against the model), so a file that does not load on one side is reported
with the same message validate gives, never as a traceback.

``pair`` reads both sides of a diff at the cost of what changed: git says which files differ
(blob ids, or ``git diff`` against the working tree), and only those are read on both sides, with
the few unchanged files a change can touch: a plan is known by the id inside it, not by its file
name, so an unchanged file whose id (or whose goals' plan) is one a changed file has or had can
change what the other side means. Such a file holds that id as a whole word (ids are slugs, and a
YAML value spells a slug only literally, or with a backslash escape), which ``git grep`` finds
without parsing; files of the same name stem are read too (a broken file is known by its stem).
Unchanged files are read once and stand on both sides alike. ``from_git`` and ``from_disk`` read a
whole side, as ``pair`` did before; the tests hold the two to the same answers.
"""

from __future__ import annotations

import os
import re
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
    #: Files that did not load on either side and did not change (shown paths): their stems count
    #: as broken, but the diff does not list them (``validate`` does).
    failed_unchanged: set[str] = field(default_factory=set)

    def failed_stems(self, folder: str) -> set[str]:
        """Stems of the files in ``folder`` (plans or goals) that did not load."""
        paths = [*self.failed, *self.failed_unchanged]
        return {PurePosixPath(path).stem for path in paths if PurePosixPath(path).parent.name == folder}

    def unlisted(self, folder: str) -> bool:
        """True when ``folder`` (plans or goals) is there but could not be listed: nothing is known of it."""
        return (PurePosixPath(self.folder) / folder).as_posix() in self.failed


def _kind(name: str) -> str | None:
    """Which part of the register a path (relative to the register folder) belongs to."""
    # Split as text: this runs for every file of both trees (72,000 at 36,000 plans), and a
    # PurePosixPath each cost most of a diff's time. Only an unusual spelling goes through one.
    parts: tuple[str, ...] | list[str] = name.split("/")
    if "" in parts or "." in parts:
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
    _put(snapshot, shown, instance, problems)


def _put(snapshot: Snapshot, shown: str, instance: BaseModel | None, problems: list[Problem]) -> None:
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


# --- both sides at the cost of what changed ------------------------------------------------------

_SUBFOLDERS = (PLANS_DIR, GOALS_DIR)
#: What a plan id is (``model.common.SLUG_PATTERN``), matched whole: no trailing newline let through.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class _Read:
    """One plan or goals file to check: its bytes, or why there are none (too large, unreadable …)."""

    name: str
    shown: str
    raw: bytes | None
    problems: list[Problem]


def pair(
    repo: Path, folder: PurePosixPath, base: tuple[str, str], head: tuple[str, str] | None
) -> tuple[Snapshot, Snapshot]:
    """Both sides of a diff: ``base`` and ``head`` are (revision as named, commit); head None is the
    working tree. Only the files that differ are read on both sides, plus the unchanged files that
    can matter to them (see the module's docstring)."""
    # Against the working tree, git's comparison (a stat of every file) runs while the trees are listed.
    pending = gitrev.start_changed_in_worktree(repo, base[1], folder) if head is None else None
    try:
        return _pair(repo, folder, base, head, pending)
    finally:
        if pending is not None:
            pending.close()


def _pair(
    repo: Path,
    folder: PurePosixPath,
    base: tuple[str, str],
    head: tuple[str, str] | None,
    pending: gitrev.Pending | None,
) -> tuple[Snapshot, Snapshot]:
    before = Snapshot(folder.as_posix(), base[0], base[1])
    after = Snapshot(folder.as_posix(), *(head if head is not None else (None, None)))
    listed = gitrev.list_entries(repo, base[1], folder)
    before.present = listed is not None
    base_files = {name: entry for name, entry in (listed or {}).items() if _kind(name)}
    _git_top(repo, folder, before, base_files)
    if head is not None:
        listed = gitrev.list_entries(repo, head[1], folder)
        after.present = listed is not None
        head_files = {name: entry for name, entry in (listed or {}).items() if _kind(name)}
        _git_top(repo, folder, after, head_files)
        on_head = {name for name in head_files if _kind(name) != "top"}
        changed = {name for name in on_head if base_files.get(name) != head_files[name]}
    else:
        assert pending is not None
        on_head, changed = _disk_side(repo, folder, after, base_files, pending)
        head_files = {}
    on_base = {name for name in base_files if _kind(name) != "top"}
    changed |= on_base - on_head
    unchanged = (on_base & on_head) - changed

    base_read = _git_reads(repo, folder, base_files, sorted(changed & on_base))
    head_read = (
        _git_reads(repo, folder, head_files, sorted(changed & on_head))
        if head is not None
        else [_disk_read(repo, folder, name) for name in sorted(changed & on_head)]
    )
    base_checked = _check(base_read)
    head_checked = _check(head_read)
    words = {PurePosixPath(item.name).stem for item in (*base_read, *head_read)}
    for instance, _ in (*base_checked, *head_checked):
        if isinstance(instance, Plan):
            words.add(instance.id)
        elif isinstance(instance, GoalSet):
            words.add(instance.plan)
    context = _context(repo, folder, base[1], base_files, unchanged, words)
    context_read = _git_reads(repo, folder, base_files, context)
    context_checked = _check(context_read)

    for snapshot, reads, checked in ((before, base_read, base_checked), (after, head_read, head_checked)):
        together = [(item, result, False) for item, result in zip(reads, checked, strict=True)]
        together += [(item, result, True) for item, result in zip(context_read, context_checked, strict=True)]
        for item, (instance, problems), same in sorted(together, key=lambda entry: entry[0].name):
            if same and instance is None:
                snapshot.failed_unchanged.add(item.shown)
                continue
            _put(snapshot, item.shown, instance, problems)
    return before, after


def _shown(folder: PurePosixPath, name: str) -> str:
    return display_path(Path((folder / name).as_posix()))  # a name with "\n" or 0xff, escaped


def _git_top(repo: Path, folder: PurePosixPath, snapshot: Snapshot, files: dict[str, gitrev.Entry]) -> None:
    """categories.yaml and municipalities.yaml: two small files, compared as bytes, always read."""
    blobs = gitrev.sizes(repo, [files[name] for name in sorted(TOP_FILES) if name in files])
    contents = gitrev.read_blobs(repo, [blob for blob in blobs if blob.size <= yamlio.MAX_FILE_BYTES])
    for blob in blobs:
        snapshot.top[blob.name] = contents.get(blob.name, b"")


def _git_reads(repo: Path, folder: PurePosixPath, files: dict[str, gitrev.Entry], names: list[str]) -> list[_Read]:
    blobs = gitrev.sizes(repo, [files[name] for name in names])
    contents = gitrev.read_blobs(repo, [blob for blob in blobs if blob.size <= yamlio.MAX_FILE_BYTES])
    reads = []
    for blob in blobs:
        shown = _shown(folder, blob.name)
        if blob.name in contents:
            reads.append(_Read(blob.name, shown, contents[blob.name], []))
        else:
            reads.append(_Read(blob.name, shown, None, [_too_large(shown, blob.size)]))
    return reads


def _disk_side(
    repo: Path, folder: PurePosixPath, snapshot: Snapshot, base_files: dict[str, gitrev.Entry], pending: gitrev.Pending
) -> tuple[set[str], set[str]]:
    """The working tree's plan and goals files, and which of them may differ from the base.

    What the working tree holds is listed here, as ``from_disk`` lists it; git says which of the
    files it tracks differ. A link or anything but a plain file is always read: git compares the
    link, not what it points at.
    """
    root = repo / folder
    if not root.is_dir():
        snapshot.present = False
        return set(), set()
    real_root = root.resolve()
    for name in TOP_FILES:
        if (root / name).is_file():
            _add_from_disk(snapshot, root, real_root, folder, name)
    names: set[str] = set()
    odd: set[str] = set()
    for sub in _SUBFOLDERS:
        unlisted = folder_problems(root / sub)  # a link loop or no permission: say so, not "all removed"
        for problem in unlisted:
            snapshot.failed[(folder / sub).as_posix()] = [replace(problem, path=(folder / sub).as_posix())]
        if unlisted or not (root / sub).is_dir():
            continue
        linked = (root / sub).is_symlink()
        with os.scandir(root / sub) as entries:
            for entry in entries:
                if entry.name.endswith(SUFFIX):  # what Path.glob("*.yaml") lists, hidden files included
                    name = f"{sub}/{entry.name}"
                    names.add(name)
                    if linked or not entry.is_file(follow_symlinks=False):
                        odd.add(name)
    tracked = names & {name for name in base_files if _kind(name) != "top"}
    changed = (names - tracked) | odd
    if tracked:
        changed |= pending.result() & names
    return names, changed


def _add_from_disk(snapshot: Snapshot, root: Path, real_root: Path, folder: PurePosixPath, name: str) -> None:
    item = _disk_read_at(root, real_root, folder, name)
    _add(snapshot, name, item.shown, item.raw, item.problems)


def _disk_read(repo: Path, folder: PurePosixPath, name: str) -> _Read:
    root = repo / folder
    return _disk_read_at(root, root.resolve(), folder, name)


def _disk_read_at(root: Path, real_root: Path, folder: PurePosixPath, name: str) -> _Read:
    path = root / name
    shown = _shown(folder, name)
    real = safeio.resolved(path)  # None: a link loop, which read_text reports
    if real is not None and not real.is_relative_to(real_root):
        return _Read(name, shown, None, [Problem(shown, 0, 0, Severity.ERROR, "outside-data", t("outside-data"))])
    text, problems = yamlio.read_text(path, shown)
    return _Read(name, shown, text.encode("utf-8") if text is not None else None, problems)


def _context(
    repo: Path,
    folder: PurePosixPath,
    commit: str,
    files: dict[str, gitrev.Entry],
    unchanged: set[str],
    words: set[str],
) -> list[str]:
    """The unchanged files that may hold one of ``words`` as a plan id or goals' plan, or share a stem."""
    if not words or not unchanged:
        return []
    found = {name for name in unchanged if _stem(name) in words}
    slugs = {word for word in words if _SLUG.fullmatch(word)}  # a stem like "a b" is no id; it needs no search
    if slugs:
        hits = sorted(gitrev.mentioning(repo, commit, folder, _SUBFOLDERS, slugs) & (unchanged - found))
        alternatives = b"|".join(re.escape(word.encode()) for word in sorted(slugs))
        whole = re.compile(rb"(?<![a-z0-9-])(?:" + alternatives + rb")(?![a-z0-9-])")
        contents = gitrev.read_blobs(repo, [gitrev.Blob(name, files[name].object_id, 0) for name in hits])
        found |= {name for name in hits if b"\\" in contents[name] or whole.search(contents[name])}
    return sorted(found)


def _stem(name: str) -> str:
    """``PurePosixPath(name).stem`` for ``plans/<id>.yaml``, by string operations (run for every file)."""
    base = name.rsplit("/", 1)[-1]
    return base[: -len(SUFFIX)] if base.endswith(SUFFIX) and len(base) > len(SUFFIX) else PurePosixPath(name).stem


def _check(reads: list[_Read]) -> list[tuple[BaseModel | None, list[Problem]]]:
    """Each file checked as validate checks it, on every core when there are many."""
    from planstrategi.store import parallel

    return parallel.check_many([(item.raw, item.shown, _model(item.name), item.problems) for item in reads])


def _model(name: str) -> type[BaseModel]:
    return Plan if _kind(name) == PLANS_DIR else GoalSet
