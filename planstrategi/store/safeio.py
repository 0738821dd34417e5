"""Safe writes: every file the tool writes goes through here.

Four guarantees, each tested in ``tests/test_safeio.py``:

* atomic: the text goes to a temporary file in the same folder, is flushed and fsynced, and only
  then takes the target's name (``os.replace``), so a crash or a full disk leaves either the old
  file or the new one, never half of one;
* no overwriting: an existing file is kept unless the caller passes ``force=True`` (``--force``);
* no escaping: the target must lie inside the folder the command writes to, after resolving
  symbolic links; ``..`` in a relative path and links that lead out are refused;
* UTF-8 with ``\\n`` line ends on every platform (``write_text``); ``write_bytes`` writes the bytes
  it is given, for a file rewritten in place with its own line ends and byte-order mark kept.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import TypeVar

RelativePath = TypeVar("RelativePath", str, PurePath)


class UnsafeWrite(Exception):
    """A write was refused or failed; ``code`` is a message key, ``path`` the file concerned."""

    def __init__(self, code: str, path: Path, reason: str = "") -> None:
        super().__init__(f"{code}: {path}{': ' + reason if reason else ''}")
        self.code = code
        self.path = path
        self.reason = reason


def target(root: Path, relative: str | PurePath) -> Path:
    """The absolute path of ``relative`` inside ``root``; raises UnsafeWrite if it would lie outside."""
    rel = PurePath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise UnsafeWrite("write.outside", root / rel)
    path = root / rel
    # resolve() follows every link on the way, including one at the target itself.
    real, real_root = resolved(path), resolved(root)
    if real is None or real_root is None:
        raise UnsafeWrite("write.failed", path, LINK_LOOP)
    if not real.is_relative_to(real_root):
        raise UnsafeWrite("write.outside", path)
    return path


#: The reason given when a path cannot be resolved: a symbolic link that leads back to itself.
LINK_LOOP = os.strerror(errno.ELOOP)


def resolved(path: Path) -> Path | None:
    """``path`` with every symbolic link followed, or None when the links go round in a loop.

    ``Path.resolve`` raises RuntimeError for a loop on Python 3.11 and 3.12 and OSError (ELOOP)
    from 3.13 on; a committed ``x.yaml -> x.yaml`` must become a problem, not a traceback.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def make_dirs(root: Path, relative: str | PurePath) -> Path:
    """Create the folder ``relative`` (and its parents) inside ``root``."""
    path = target(root, relative)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnsafeWrite("write.failed", path, exc.strerror or type(exc).__name__) from None
    return path


def write_text(root: Path, relative: str | PurePath, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``root/relative`` atomically; refuse to overwrite unless ``force``."""
    return write_bytes(root, relative, text.replace("\r\n", "\n").encode("utf-8"), force=force)


def write_bytes(root: Path, relative: str | PurePath, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` as it is to ``root/relative``, with the guarantees of ``write_text``."""
    path = target(root, relative)
    if not force and (path.exists() or path.is_symlink()):
        raise UnsafeWrite("write.exists", path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnsafeWrite("write.failed", path, exc.strerror or type(exc).__name__) from None
    descriptor, temporary = _temporary(path)
    try:
        if force and path.is_file():
            os.chmod(temporary, path.stat().st_mode & 0o7777)  # an overwritten file keeps its mode
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(Path(temporary), path, force=force)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UnsafeWrite("write.failed", path, exc.strerror or type(exc).__name__) from None
        raise
    _sync_folder(path.parent)
    return path


def _temporary(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, created with the mode the umask gives (mkstemp's is 0600)."""
    for _ in range(100):
        name = str(path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), name
        except FileExistsError:
            continue
        except OSError as exc:
            raise UnsafeWrite("write.failed", path, exc.strerror or type(exc).__name__) from None
    raise UnsafeWrite("write.failed", path, "no temporary name")


def _publish(temporary: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    # A hard link fails if the name is taken, so a file created since the check above is kept.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise UnsafeWrite("write.exists", path) from None
    except OSError:  # a file system without hard links: the check above must do
        if path.exists():
            raise UnsafeWrite("write.exists", path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable too (POSIX); not possible, and not needed, everywhere."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_all(root: Path, files: Mapping[RelativePath, str], *, force: bool = False) -> list[Path]:
    """Write several files, all or nothing: every target is checked before the first write.

    If a write fails part way, the files this call created are removed again.
    """
    for relative in files:
        path = target(root, relative)
        if not force and (path.exists() or path.is_symlink()):
            raise UnsafeWrite("write.exists", path)
    written: list[tuple[Path, bool]] = []
    try:
        for relative, text in files.items():
            existed = target(root, relative).exists()
            written.append((write_text(root, relative, text, force=force), existed))
    except UnsafeWrite:
        for path, existed in written:
            if not existed:
                with contextlib.suppress(OSError):
                    path.unlink()
        raise
    return [path for path, _ in written]
