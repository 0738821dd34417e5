"""The register cache of the question commands: the validated register as plain data, reused while
no file it came from has changed, so that ``due`` or ``list`` on an unchanged register neither
parses YAML nor loads pydantic.

Only the read-only questions (``due``, ``overdue``, ``list``, ``table``, ``show``) use it, through
``register.load_cached``; ``validate`` and every command that writes never do, so no cache can
make a check pass or a file be written from stale data.

When a cache is used (all of it must hold, else the register is loaded from the files and the cache
written anew):

- the cache format and the package (its version, and the size and times of its own files, so an
  edited checkout counts as another version) are the ones that wrote it;
- the register folder, the working folder (paths are shown relative to it) and the language of
  the messages are the same: each combination has its own cache file;
- every file the load read, and the listings of ``plans/`` and ``goals/``, are as they were when
  the load began: for each file its size, modification and change times (nanoseconds), inode and
  device; a link also by where it points. The change time moves with every write and cannot be set
  back, so an edit that keeps the size and restores the modification time is seen too;
- a file changed within ``RACY_NS`` of the moment its times were taken has a content hash as well,
  compared on use (git's rule for "racily clean" entries): an edit within the same tick of the
  file system's clock, same size, is seen.

The cache lives in ``$XDG_CACHE_HOME/planstrategi/`` (else ``~/.cache/planstrategi/``), never in the
register, so a checkout (a pull request in CI) cannot bring one along. The folder must belong to the
user and be writable by no one else; a cache file is JSON of plain data (no pickle), and anything in
it that is not what this module writes — garbage, another format, a half-written file — is ignored.
It is written atomically (a temporary file renamed into place) and silently not at all when the
folder cannot be written. ``PLANSTRATEGI_NO_CACHE=1`` or ``--no-cache`` turns it off.

A cached register carries the errors of its files (which files have them is what the questions
say on stderr); the warnings, and those that depend on the date, are ``validate``'s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planstrategi import __version__
from planstrategi.model import plain
from planstrategi.model.plain import PlanFacts, RevisionFacts
from planstrategi.model.problems import Problem, Severity

if TYPE_CHECKING:
    from planstrategi.store.register import Register

#: Changed: a new format; caches of the old one are ignored.
FORMAT = 1
#: Files changed this close to the moment their times were taken get a content hash too.
RACY_NS = 3_000_000_000
#: Cache files kept in the folder (one per register, working folder and language); older ones go.
KEEP = 64
NO_CACHE_ENV = "PLANSTRATEGI_NO_CACHE"
_TOP_FILES = ("categories.yaml", "municipalities.yaml", "requirements.yaml", "github-users.yaml")
_FOLDERS = ("plans", "goals")


def enabled() -> bool:
    """False when ``PLANSTRATEGI_NO_CACHE`` is set to anything but empty or 0."""
    return os.environ.get(NO_CACHE_ENV, "").strip() in ("", "0")


def folder() -> Path:
    """Where cache files are kept: ``$XDG_CACHE_HOME/planstrategi`` or ``~/.cache/planstrategi``."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not base or not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "planstrategi"


# --- the key: what the files were when the load began ---------------------------------------------


def _stat(path: str) -> list[Any] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    entry: list[Any] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
    if os.path.islink(path):
        entry.append(os.readlink(path))
    return entry


def _package_stamp() -> list[Any]:
    """The package's own files (code, catalogues, data): their number, total size and latest times."""
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    count = size = latest = 0
    stack = [top]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                    continue
                st = entry.stat()
                count, size = count + 1, size + st.st_size
                latest = max(latest, st.st_mtime_ns, st.st_ctime_ns)
    return [__version__, count, size, latest]


@dataclass
class Snapshot:
    """What the register's files were when a load began, and the name of its cache file."""

    name: str
    taken_ns: int
    files: dict[str, list[Any] | None]  # relative path -> stat entry (None: not there)
    listings: dict[str, list[str]]  # plans/, goals/ -> every name in it, sorted
    package: list[Any]
    hashes: dict[str, str | None]  # the content of the files changed within RACY_NS of taken_ns


def snapshot(root: Path, language: str) -> Snapshot | None:
    """The stat of every file a load of ``root`` reads; None when a folder cannot be listed."""
    import hashlib

    real = os.path.realpath(root)
    taken = time.time_ns()
    files: dict[str, list[Any] | None] = {}
    listings: dict[str, list[str]] = {}
    for name in _TOP_FILES:
        files[name] = _stat(os.path.join(real, name))
    for sub in _FOLDERS:
        path = os.path.join(real, sub)
        if not os.path.lexists(path):
            listings[sub] = []
            continue
        try:
            with os.scandir(path) as entries:
                names = sorted(f"{e.name}/" if e.is_dir(follow_symlinks=False) else e.name for e in entries)
        except OSError:
            return None  # an unreadable folder is a problem the load reports: not cached
        listings[sub] = names
        for entry in names:
            if entry.endswith(".yaml"):
                files[f"{sub}/{entry}"] = _stat(os.path.join(path, entry))
    key = "\0".join([real, os.fspath(root), os.getcwd(), language, sys.version])
    name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"
    # Hashed now, before the load reads them: an edit during the load, within the same tick, then
    # shows as a different hash next time rather than as the content the load read.
    hashes = {n: _content_hash(os.path.join(real, n)) for n, entry in files.items() if _racy(entry, taken)}
    return Snapshot(name, taken, files, listings, _package_stamp(), hashes)


def _content_hash(path: str) -> str | None:
    import hashlib

    try:
        with open(path, "rb") as stream:
            return hashlib.sha256(stream.read()).hexdigest()
    except OSError:
        return None


def _racy(entry: list[Any] | None, taken_ns: int) -> bool:
    return entry is not None and max(entry[1], entry[2]) >= taken_ns - RACY_NS


# --- plain objects the rules and renderers use as they use the models ------------------------------


class Plain:
    """A model's fields as attributes, frozen; compares and dumps as the pydantic model does."""

    def __init__(self, fields: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def model_dump(self, *, mode: str = "json") -> dict[str, Any]:
        """The fields as ``BaseModel.model_dump(mode="json")`` gives them (the only mode asked for)."""
        if mode != "json":
            raise ValueError("a cached model dumps in json mode only")
        return {name: _dump(value) for name, value in self.__dict__.items()}


def _dump(value: Any) -> Any:
    if isinstance(value, Plain):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Revision(RevisionFacts, Plain):
    pass


class Plan(PlanFacts, Plain):
    pass


_MODELS = [
    *("Cadence", "Decision", "Category", "CategoryFile", "Municipality", "MunicipalityFile", "Cooperation"),
    *("TermStart", "Projection", "Requirement", "RequirementFile", "LegalBasis"),
    *("GoalSet", "Goal", "Strategy", "Measure", "Target"),
]
_CLASSES: dict[str, type[Plain]] = {"Plan": Plan, "Revision": Revision}
_CLASSES.update({name: type(name, (Plain,), {"__module__": __name__}) for name in _MODELS})
_ENUMS: dict[str, type[StrEnum]] = {
    cls.__name__: cls
    for cls in (
        plain.Body,
        plain.Kind,
        plain.Status,
        plain.RevisionState,
        plain.CadenceRule,
        plain.Inferable,
        plain.LanguageForm,
        plain.Strength,
        plain.Comparison,
    )
}


def _encode(value: Any) -> Any:
    """A loaded model as JSON data: models, enums and dates marked, so they come back as they were."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        name = type(value).__name__
        if name not in _CLASSES:
            raise TypeError(f"no plain class for {name}")
        return {"$m": name, **{k: _encode(v) for k, v in value.__dict__.items()}}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, StrEnum):
        if _ENUMS.get(type(value).__name__) is not type(value):
            raise TypeError(f"unknown enum {type(value).__name__}")
        return {"$e": type(value).__name__, "v": value.value}
    if isinstance(value, dt.datetime):
        raise TypeError("a datetime in a model")
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    """``json.loads``'s object hook: the marks back to plain objects, enums and dates."""
    if "$m" in obj:
        cls = _CLASSES[obj.pop("$m")]
        return cls(obj)
    if "$e" in obj:
        return _ENUMS[obj["$e"]](obj["v"])
    if "$d" in obj:
        return dt.date.fromisoformat(obj["$d"])
    return obj


# --- reading and writing ---------------------------------------------------------------------------


def _trusted(path: Path) -> bool:
    """Does the cache folder belong to this user, and can no one else write in it?"""
    try:
        st = os.stat(path)
    except OSError:
        return False
    getuid: Callable[[], int] | None = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        return False
    return not st.st_mode & 0o022


def _same(saved: dict[str, Any], now: Snapshot, real_root: str) -> bool:
    if saved.get("package") != now.package or saved.get("listings") != now.listings:
        return False
    files = saved.get("files")
    if not isinstance(files, dict) or files.keys() != now.files.keys():
        return False
    hashes = saved.get("hashes")
    if not isinstance(hashes, dict):
        return False
    for name, entry in now.files.items():
        if files[name] != entry:
            return False
        if name in hashes:
            current = now.hashes[name] if name in now.hashes else _content_hash(os.path.join(real_root, name))
            if current is None or current != hashes[name]:
                return False
    return True


def read(root: Path, language: str) -> tuple[Register | None, Snapshot | None]:
    """The cached register of ``root`` if every file is as it was, else None; and the snapshot taken
    now, for ``write`` after the load (None: do not cache)."""
    now = snapshot(root, language)
    if now is None:
        return None, None
    where = folder()
    if not _trusted(where):
        return None, now
    try:
        fd = os.open(where / now.name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None, now
    try:
        with os.fdopen(fd, "rb") as stream:
            saved = json.loads(stream.read(), object_hook=_decode)
        if not isinstance(saved, dict) or saved.get("format") != FORMAT:
            return None, now
        if not _same(saved, now, os.path.realpath(root)):
            return None, now
        return _register(root, saved["register"]), now
    except Exception:  # anything not written by this module is no cache at all
        return None, now


def _register(root: Path, data: dict[str, Any]) -> Register:
    from planstrategi.store.register import Register

    register = Register(root=root)
    register.plans = data["plans"]
    register.goals = data["goals"]
    register.municipalities = data["municipalities"]
    register.categories = data["categories"]
    register.requirements = data["requirements"]
    register.problems = [
        Problem(path, line, column, Severity(severity), code, message)
        for path, line, column, severity, code, message in data["problems"]
    ]
    register.files = data["files_loaded"]
    register.plan_paths = {k: Path(v) for k, v in data["plan_paths"].items()}
    register.goal_paths = {k: Path(v) for k, v in data["goal_paths"].items()}
    register.github_users = data["github_users"]
    register.broken = data["broken"]
    register.requirements_broken = data["requirements_broken"]
    _check(register)
    return register


def _check(register: Register) -> None:
    """The shape of what came back (a cache edited by hand fails here, and is ignored)."""
    for mapping, cls in ((register.plans, Plan), (register.goals, _CLASSES["GoalSet"])):
        if not isinstance(mapping, dict) or not all(isinstance(v, cls) for v in mapping.values()):
            raise TypeError("not a cached register")
    for value, name in ((register.municipalities, "MunicipalityFile"), (register.categories, "CategoryFile")):
        if value is not None and not isinstance(value, _CLASSES[name]):
            raise TypeError("not a cached register")
    if not all(isinstance(v, _CLASSES["Requirement"]) for v in register.requirements.values()):
        raise TypeError("not a cached register")


def _entries(register: Register) -> Iterator[Any]:
    yield from register.plans.values()
    yield from register.goals.values()
    yield from register.requirements.values()
    yield from (m for m in (register.municipalities, register.categories) if m is not None)


def write(root: Path, register: Register, now: Snapshot | None) -> None:
    """Save ``register`` (loaded from the files as ``now`` found them); silently nothing on any failure."""
    if now is None:
        return
    try:
        data = {
            "plans": {k: _encode(v) for k, v in register.plans.items()},
            "goals": {k: _encode(v) for k, v in register.goals.items()},
            "municipalities": _encode(register.municipalities),
            "categories": _encode(register.categories),
            "requirements": {k: _encode(v) for k, v in register.requirements.items()},
            "problems": [
                [p.path, p.line, p.column, p.severity.value, p.code, p.message]
                for p in register.problems
                if p.severity is Severity.ERROR
            ],
            "files_loaded": register.files,
            "plan_paths": {k: os.fspath(v) for k, v in register.plan_paths.items()},
            "goal_paths": {k: os.fspath(v) for k, v in register.goal_paths.items()},
            "github_users": register.github_users,
            "broken": register.broken,
            "requirements_broken": register.requirements_broken,
        }
        text = json.dumps(
            {
                "format": FORMAT,
                "package": now.package,
                "listings": now.listings,
                "files": now.files,
                "hashes": now.hashes,
                "register": data,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        if not _round_trips(register, text):
            return
        _save(now.name, text.encode("utf-8", "surrogateescape"))
    except Exception:  # a cache is an optimisation: failing to write one is never the user's problem
        return


def _round_trips(register: Register, text: str) -> bool:
    """Do the plain objects read back dump exactly as the models do? (Else the cache would lie.)"""
    back = json.loads(text, object_hook=_decode)["register"]
    restored = _register(register.root, back)
    before, after = list(_entries(register)), list(_entries(restored))
    return len(before) == len(after) and all(
        a.model_dump(mode="json") == b.model_dump(mode="json") for a, b in zip(before, after, strict=True)
    )


def _save(name: str, data: bytes) -> None:
    where = folder()
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _trusted(where):
        return
    temporary = where / f".{name}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, where / name)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _prune(where)


def _prune(where: Path) -> None:
    """Keep the ``KEEP`` most recently written cache files."""
    with os.scandir(where) as entries:
        found = [(e.stat().st_mtime_ns, e.path) for e in entries if e.name.endswith(".json")]
    for _, path in sorted(found, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
