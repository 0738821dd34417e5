"""Reading the register as it was at a git revision, through the real ``git`` command.

Only ``planstrategi diff`` uses this. Besides the files of a tree and their contents it asks git
which files differ (blob ids of two trees, or ``git diff`` against the working tree) and which
unchanged files mention a word (``git grep``), so that a diff reads what changed, not everything.

Every git failure becomes a ``GitError`` with a message key (not a repository, a bad revision, a
shallow clone without the base, no git at all); the command turns it into a usage error (exit 2).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """git could not answer; ``code`` is a message key and ``params`` fill it in."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Blob:
    """One file in a revision's tree: its path relative to the register folder and its size."""

    name: str
    object_id: str
    size: int


def run(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """git's standard output; GitError("git.failed") with git's own message if it fails."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, env=_environment()
        )
    except FileNotFoundError:
        raise GitError("git.missing") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError("git.failed", command=" ".join(["git", *args]), detail=message[-1] if message else "")
    return result.stdout


def _environment() -> dict[str, str]:
    # Plain, untranslated output and no pager or prompts, whatever the user's settings.
    return {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}


def toplevel(folder: Path) -> Path:
    """The root of the working tree that holds ``folder``; GitError("git.not-a-repository") if none."""
    try:
        out = run(folder, "rev-parse", "--show-toplevel")
    except GitError as exc:
        if exc.code == "git.missing":
            raise
        raise GitError("git.not-a-repository", path=folder) from None
    return Path(out.decode("utf-8").strip())


def is_shallow(root: Path) -> bool:
    return run(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def resolve(root: Path, revision: str) -> str:
    """The commit id ``revision`` names; GitError("git.bad-revision" or "git.shallow") if none."""
    if revision.startswith("-"):  # never let a revision be read as an option
        raise GitError("git.bad-revision", revision=revision)
    try:
        return (
            run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}").decode().strip()
        )
    except GitError:
        if is_shallow(root):
            raise GitError("git.shallow", revision=revision) from None
        raise GitError("git.bad-revision", revision=revision) from None


def default_base(root: Path) -> tuple[str, str]:
    """(commit, name): the merge-base of HEAD with the default branch (origin/HEAD, else main, master)."""
    candidates = []
    with contextlib.suppress(GitError):  # no remote, or no origin/HEAD: try the usual names
        candidates.append(run(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD").decode().strip())
    candidates += ["main", "master", "origin/main", "origin/master"]
    for name in candidates:
        try:
            run(root, "rev-parse", "--verify", "--quiet", name + "^{commit}")
        except GitError:
            continue
        try:
            base = run(root, "merge-base", "HEAD", name).decode().strip()
        except GitError:
            if is_shallow(root):
                raise GitError("git.shallow", revision=name) from None
            raise GitError("git.no-merge-base", revision=name) from None
        return base, name
    raise GitError("git.no-default-branch")


def list_files(root: Path, commit: str, folder: PurePosixPath) -> dict[str, Blob] | None:
    """The files under ``folder`` (relative to the repository root) at ``commit``; None if no such folder."""
    whole = folder == PurePosixPath(".")
    spec = [] if whole else ["--", folder.as_posix() + "/"]
    out = run(root, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, *spec)
    blobs: dict[str, Blob] = {}
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, object_id, size = meta.split()
        if kind != b"blob" or mode == b"120000":  # links are not followed out of the tree
            continue
        path = PurePosixPath(raw_path.decode("utf-8", "surrogateescape"))
        name = path.as_posix() if whole else path.relative_to(folder).as_posix()
        blobs[name] = Blob(name, object_id.decode(), int(size))
    if not blobs and not whole and not run(root, "ls-tree", "--full-tree", commit, "--", folder.as_posix()).strip():
        return None
    return blobs


@dataclass(frozen=True)
class Entry:
    """One file in a revision's tree, without its size (asking for sizes makes git open every object)."""

    name: str
    object_id: str


def list_entries(root: Path, commit: str, folder: PurePosixPath) -> dict[str, Entry] | None:
    """Like ``list_files`` without the sizes: the files under ``folder`` at ``commit``; None if no such folder."""
    whole = folder == PurePosixPath(".")
    spec = [] if whole else ["--", folder.as_posix() + "/"]
    out = run(root, "ls-tree", "-r", "-z", "--full-tree", commit, *spec)
    entries: dict[str, Entry] = {}
    prefix = len(folder.as_posix()) + 1
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, object_id = meta.split()
        if kind != b"blob" or mode == b"120000":  # links are not followed out of the tree
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        name = path if whole else path[prefix:]
        entries[name] = Entry(name, object_id.decode())
    if not entries and not whole and not run(root, "ls-tree", "--full-tree", commit, "--", folder.as_posix()).strip():
        return None
    return entries


def sizes(root: Path, entries: list[Entry]) -> list[Blob]:
    """``entries`` with their sizes, from one ``git cat-file --batch-check``."""
    if not entries:
        return []
    request = "".join(f"{entry.object_id}\n" for entry in entries).encode()
    lines = run(root, "cat-file", "--batch-check", stdin=request).splitlines()
    return [Blob(entry.name, entry.object_id, int(line.split()[2])) for entry, line in zip(entries, lines, strict=True)]


def changed_in_worktree(root: Path, commit: str, folder: PurePosixPath) -> set[str]:
    """Paths under ``folder`` (relative to it) whose working-tree file differs from ``commit``, as git sees it.

    Tracked files only: an untracked file is told apart by its absence from the commit's tree.
    Any status counts (modified, deleted, type changed, removed from the index but still there).
    """
    return start_changed_in_worktree(root, commit, folder).result()


def start_changed_in_worktree(root: Path, commit: str, folder: PurePosixPath) -> Pending:
    """``changed_in_worktree`` started in the background: git compares the working tree (a stat of
    every file) while the caller lists the trees; ``result()`` waits for the answer."""
    spec = [] if folder == PurePosixPath(".") else [folder.as_posix() + "/"]
    args = ["diff", "-z", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", "--ignore-submodules"]
    return Pending(root, [*args, commit, "--", *spec], 0 if not spec else len(folder.as_posix()) + 1)


class Pending:
    """A git command that lists paths, running in the background; ``result`` waits for it and gives
    the paths (``prefix`` characters cut off each), ``close`` ends it unread."""

    def __init__(self, cwd: Path, args: list[str], prefix: int) -> None:
        self.args, self.prefix = args, prefix
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environment()
            )
        except FileNotFoundError:
            self.process = None

    def result(self) -> set[str]:
        if self.process is None:
            raise GitError("git.missing")
        out, err = self.process.communicate()
        if self.process.returncode != 0:
            message = err.decode("utf-8", "replace").strip().splitlines()
            raise GitError("git.failed", command=" ".join(["git", *self.args]), detail=message[-1] if message else "")
        return {raw.decode("utf-8", "surrogateescape")[self.prefix :] for raw in out.split(b"\0") if raw}

    def close(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            self.process.communicate()


def mentioning(
    root: Path, commit: str, folder: PurePosixPath, subfolders: tuple[str, ...], words: set[str]
) -> set[str]:
    """Paths (relative to ``folder``) of the files in ``subfolders`` at ``commit`` that contain one of
    ``words`` anywhere, or a backslash (a double-quoted YAML value can spell a word in escapes).

    Fixed strings, so git searches fast; the caller narrows the hits to whole words.
    """
    base = "" if folder == PurePosixPath(".") else folder.as_posix() + "/"
    args = [arg for word in ["\\", *sorted(words)] for arg in ("-e", word)]
    spec = [f"{base}{sub}/" for sub in subfolders]
    command = ["grep", "-l", "-z", "-F", "--full-name", "--no-color", "--no-textconv", *args, commit, "--", *spec]
    try:
        result = subprocess.run(["git", *command], cwd=root, capture_output=True, check=False, env=_environment())
    except FileNotFoundError:
        raise GitError("git.missing") from None
    if result.returncode == 1 and not result.stderr:
        return set()  # nothing matches
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError("git.failed", command="git grep", detail=message[-1] if message else "")
    lead = len(commit) + 1 + len(base)  # each name is "<commit>:<path>"
    return {raw.decode("utf-8", "surrogateescape")[lead:] for raw in result.stdout.split(b"\0") if raw}


def read_blobs(root: Path, blobs: list[Blob]) -> dict[str, bytes]:
    """The contents of ``blobs``, read with one ``git cat-file --batch``."""
    if not blobs:
        return {}
    request = "".join(f"{blob.object_id}\n" for blob in blobs).encode()
    out = run(root, "cat-file", "--batch", stdin=request)
    contents: dict[str, bytes] = {}
    offset = 0
    for blob in blobs:
        end = out.index(b"\n", offset)
        size = int(out[offset:end].split()[2])
        contents[blob.name] = out[end + 1 : end + 1 + size]
        offset = end + 1 + size + 1  # the content is followed by a newline
    return contents
