"""Many files written as one: staged in a hidden folder inside the target, then moved in.

``import`` writes hundreds of plan files. Written one by one, an interrupted run would leave some
of them, and a ``.tmp`` file. Here every file is first written (through ``safeio``, flushed and
fsynced) into ``<folder>/.import-stage-<random>/``, on the same file system, and only when every
file is there are they moved into place, each by one rename (a new file by a hard link, so a file
that appeared meanwhile is never overwritten). Ctrl-C or SIGTERM while staging removes the stage
and leaves the folder as it was. After a SIGKILL, the stage is left behind: it is hidden, so the
register's loader and ``validate`` pass over it (they read ``*.yaml`` directly in the folder),
and the next ``stage`` in that folder removes it first.

What cannot be made all-or-nothing is the moving itself: a kill in the milliseconds between two
renames leaves the files moved so far, each whole.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from types import FrameType

from planstrategi.store import safeio
from planstrategi.store.safeio import UnsafeWrite

PREFIX = ".import-stage-"


class Interrupted(Exception):
    """SIGTERM arrived while staging; the stage has been removed."""


def leftovers(folder: Path) -> list[Path]:
    """Stages an earlier, killed run left in ``folder``."""
    try:
        return sorted(path for path in folder.iterdir() if path.name.startswith(PREFIX) and path.is_dir())
    except OSError:
        return []


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """While staging, SIGTERM raises Interrupted (as Ctrl-C raises KeyboardInterrupt), so the stage is removed."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Interrupted()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: no handler can be installed, nor is one needed
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_all(root: Path, files: Mapping[str, bytes], *, replace: frozenset[str] = frozenset()) -> list[Path]:
    """Write ``files`` (path relative to ``root`` -> bytes) all at once; the paths in ``replace`` may exist.

    Every path must be directly inside one folder of ``root`` (``plans/x.yaml``). Raises UnsafeWrite
    (nothing written) when a target is unsafe or a new one exists, Interrupted on SIGTERM.
    """
    targets = {relative: safeio.target(root, relative) for relative in files}
    for relative, path in targets.items():
        if relative not in replace and (path.exists() or path.is_symlink()):
            raise UnsafeWrite("write.exists", path)
    folders = {path.parent for path in targets.values()}
    for folder in folders:
        for old in leftovers(folder):
            shutil.rmtree(old, ignore_errors=True)
    stages: dict[Path, Path] = {}
    try:
        with _terminate_as_exception():
            for folder in folders:
                folder.mkdir(parents=True, exist_ok=True)
                stages[folder] = folder / f"{PREFIX}{os.urandom(4).hex()}"
                stages[folder].mkdir()
            for relative, data in files.items():
                path = targets[relative]
                safeio.write_bytes(stages[path.parent], PurePosixPath(path.name), data)
            return _move_all(stages, targets, replace)
    except OSError as exc:
        raise UnsafeWrite("write.failed", root, exc.strerror or type(exc).__name__) from None
    finally:
        for stage in stages.values():
            shutil.rmtree(stage, ignore_errors=True)


def _move_all(stages: dict[Path, Path], targets: dict[str, Path], replace: frozenset[str]) -> list[Path]:
    """Every staged file to its place; if a new one cannot go in, the new ones moved so far go again."""
    moved: list[tuple[str, Path]] = []
    try:
        for relative, path in targets.items():
            moved.append((relative, _move(stages[path.parent] / path.name, path, relative in replace)))
    except UnsafeWrite:
        for relative, path in moved:
            if relative not in replace:
                with contextlib.suppress(OSError):
                    path.unlink()
        raise
    return [path for _, path in moved]


def _move(staged: Path, path: Path, replace: bool) -> Path:
    if replace:
        if path.is_file():
            os.chmod(staged, path.stat().st_mode & 0o7777)
        os.replace(staged, path)
        return path
    try:
        os.link(staged, path)
    except FileExistsError:
        raise UnsafeWrite("write.exists", path) from None
    except OSError:  # no hard links on this file system
        if path.exists():
            raise UnsafeWrite("write.exists", path) from None
        os.replace(staged, path)
    return path
