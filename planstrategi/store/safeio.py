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

And names that cannot be files are refused before anything is written (``check_name``): a name
over 255 bytes of UTF-8 (``write.name-too-long``, a usage error) and a name Windows reserves
(``CON``, ``nul.txt``, ``COM1``, a trailing dot or space: ``write.reserved-name``). ``--force``
replaces only a regular file, never a device, a named pipe or a folder (``write.not-a-file``):
``report -o /dev/null --force`` as root would otherwise have replaced ``/dev/null``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import TypeVar

RelativePath = TypeVar("RelativePath", str, PurePath)


#: Longest file name most file systems take (ext4, APFS, NTFS count 255 bytes or UTF-16 units).
MAX_NAME_BYTES = 255
#: What the temporary file's name adds to the target's: ".", ".", 8 hex digits, ".tmp".
_TEMPORARY_EXTRA = len("..00000000.tmp")
# Names Windows keeps for devices, with any extension and in any case (CON, nul.txt, Com1.yaml).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)

#: The refusals that are the caller's mistake (exit 2), not the file system's.
USAGE_CODES = frozenset({"write.outside", "write.name-too-long", "write.reserved-name"})


class UnsafeWrite(Exception):
    """A write was refused or failed; ``code`` is a message key, ``path`` the file concerned."""

    def __init__(self, code: str, path: Path, reason: str = "") -> None:
        super().__init__(f"{code}: {path}{': ' + reason if reason else ''}")
        self.code = code
        self.path = path
        self.reason = reason


def reserved_name(name: str) -> bool:
    """True for a name Windows cannot have as a file: CON, PRN, AUX, NUL, COM1-9, LPT1-9 (any case,
    any extension), or one that ends in a dot or a space (Windows drops them silently)."""
    return bool(_RESERVED.match(name)) or name.endswith((".", " "))


def check_name(path: Path) -> None:
    """Refuse a file name that cannot be written everywhere: too long, or reserved on Windows."""
    name = path.name
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        raise UnsafeWrite("write.name-too-long", path, str(MAX_NAME_BYTES))
    if reserved_name(name):
        raise UnsafeWrite("write.reserved-name", path)


def _taken(path: Path) -> bool:
    """True when something (a file, a folder, a link, a device) has the name; never raises OSError."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # a folder name on the way is too long
            raise UnsafeWrite("write.name-too-long", path, str(MAX_NAME_BYTES)) from None
        if exc.errno == errno.ENOTDIR:  # a file where a folder on the way should be: mkdir says so
            return False
        raise UnsafeWrite("write.failed", path, exc.strerror or type(exc).__name__) from None
    return True


def _replaceable(path: Path) -> None:
    """With ``--force``: only a regular file (or a link to one) may be replaced."""
    try:
        info = os.stat(path)
    except OSError:
        return  # a dangling link or nothing at all: os.replace puts the new file in its place
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeWrite("write.not-a-file", path)


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
    check_name(path)
    if _taken(path):
        if not force:
            raise UnsafeWrite("write.exists", path)
        _replaceable(path)
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
    # The target's name, cut so the temporary name is not too long where the target's just fits.
    stem = os.fsencode(path.name)[: MAX_NAME_BYTES - _TEMPORARY_EXTRA].decode("utf-8", "ignore")
    for _ in range(100):
        name = str(path.parent / f".{stem}.{os.urandom(4).hex()}.tmp")
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

    ``root`` is made if it is missing. If a write fails part way (a full disk), the files and the
    folders this call created are removed again, ``root`` too if it made it: what was there before
    is all that is left.
    """
    for relative in files:
        path = target(root, relative)
        check_name(path)
        if _taken(path):
            if not force:
                raise UnsafeWrite("write.exists", path)
            _replaceable(path)
    folders = _missing_folders(root, files)
    written: list[tuple[Path, bool]] = []
    try:
        for relative, text in files.items():
            existed = _taken(target(root, relative))
            written.append((write_text(root, relative, text, force=force), existed))
    except UnsafeWrite:
        for path, existed in written:
            if not existed:
                with contextlib.suppress(OSError):
                    path.unlink()
        for folder in folders:  # deepest first; a folder someone filled meanwhile is kept
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return [path for path, _ in written]


def _missing_folders(root: Path, files: Mapping[RelativePath, str]) -> list[Path]:
    """The folders a write of ``files`` would create (``root`` and any under it), deepest first."""
    missing: set[Path] = set()
    for relative in files:
        folder = (root / relative).parent
        while not _taken(folder):
            missing.add(folder)
            if folder == folder.parent:
                break
            folder = folder.parent
    return sorted(missing, key=lambda folder: len(folder.parts), reverse=True)
