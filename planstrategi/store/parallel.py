"""Loading many files fast: listing folders, and spreading large registers over every core.

A register of a few hundred files loads in one process: starting workers would cost more than
it saves. From ``PARALLEL_THRESHOLD`` files on, the sorted paths are cut into chunks and loaded
by a ``ProcessPoolExecutor`` (forked, so the workers inherit the imported models and compiled
validators). Results come back in the order of the paths, whatever order the workers finish
in, so the output of a run never depends on timing.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from planstrategi.store.safeio import resolved

if TYPE_CHECKING:
    from planstrategi.model.problems import Problem
    from planstrategi.store.register import Facts, Loaded

M = TypeVar("M", bound=BaseModel)

SUFFIX = ".yaml"
#: Below this many files, one process is as fast as a pool (measured: even at about 800 files).
PARALLEL_THRESHOLD = 1000
#: Files per task: large enough that pickling and scheduling stay small next to the work.
CHUNK_SIZE = 500


def yaml_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` files directly in ``folder``, sorted by name; none if it is not a folder."""
    try:  # iterdir builds each child path without parsing it again, unlike folder / name
        return sorted((path for path in folder.iterdir() if path.name.endswith(SUFFIX)), key=lambda path: path.name)
    except OSError:  # missing, not a folder, unreadable, a link loop: register.folder_problems says which
        return []


def count_files(root: Path, folders: tuple[str, ...] = ("plans", "goals")) -> int:
    """How many files a load of ``root`` will read from ``folders`` (for a progress bar's total)."""
    return sum(len(yaml_files(root / folder)) for folder in folders)


def inside_flags(paths: list[Path], real_root: Path) -> list[bool]:
    """For each path: does it lie in ``real_root`` once symbolic links are followed?

    The same answer as ``path.resolve().is_relative_to(real_root)``, at one ``lstat`` per file
    instead of one per path component: each folder is resolved once, and a file that is not a
    link lies where its folder really is. Only links are resolved one by one.
    """
    folders: dict[str, bool] = {}
    flags = []
    for path in paths:
        folder = os.path.dirname(path)
        if folder not in folders:
            folders[folder] = Path(os.path.realpath(folder or ".")).is_relative_to(real_root)
        if not folders[folder]:
            flags.append(False)
        elif os.path.islink(path):
            real = resolved(path)  # a link loop reads as "inside": reading it then reports the loop
            flags.append(real is None or real.is_relative_to(real_root))
        else:
            flags.append(True)
    return flags


def workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    """Forked workers inherit the loaded models; where there is no fork (Windows), one process."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


@functools.cache
def _list_adapter(model: type[M]) -> TypeAdapter[list[M]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


#: What a worker sends back for one chunk: per file the path as shown, its problems, whether a
#: model loaded, the problems past the cap and a plan's ``Facts``; then the loaded models as plain
#: data (``model_dump``), or none when the caller keeps no models (``validate``). Unpickling 36,000
#: pydantic models costs the parent seconds; plain data and one ``validate_python`` of the list (in
#: Rust) cost a fraction of that, and give the same models (tests/test_bench_smoke.py).
_Chunk = tuple[list[str], list[list["Problem"]], list[bool], list[dict[str, Any]], list[int], list["Facts | None"]]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector: loading makes many short-lived containers and few cycles, and
    the collector's passes over 36,000 loaded models cost more than the cycles it would free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_chunk(paths: list[Path], model: type[M], real_root: Path, models: bool = True) -> _Chunk:
    from planstrategi.store.register import load_file

    with _no_gc():
        flags = inside_flags(paths, real_root)
        loaded = [load_file(path, model, real_root, inside=flag) for path, flag in zip(paths, flags, strict=True)]
        data = (
            [item.model.model_dump(exclude_unset=True) for item in loaded if item.model is not None] if models else []
        )
    return (
        [item.shown for item in loaded],
        [item.problems for item in loaded],
        [models and item.model is not None for item in loaded],
        data,
        [item.hidden for item in loaded],
        [item.facts for item in loaded],
    )


def _unpack(paths: list[Path], model: type[M], chunk: _Chunk) -> list[Loaded]:
    from planstrategi.store.register import Loaded

    shown, problems, has_model, data, hidden, facts = chunk
    models = iter(_list_adapter(model).validate_python(data) if data else ())
    return [
        Loaded(path, shown[i], next(models) if has_model[i] else None, problems[i], hidden[i], facts[i])
        for i, path in enumerate(paths)
    ]


def load_many(
    paths: list[Path],
    model: type[M],
    real_root: Path,
    progress: Callable[[int], None] | None = None,
    *,
    models: bool = True,
) -> Iterator[Loaded]:
    """``register.load_file`` for every path, in the order given; on every core for many files.

    ``models=False``: the workers send no models back (each ``Loaded.model`` is None), only the
    problems and each plan's ``Facts``; one process keeps the models it has anyway."""
    from planstrategi.store.register import load_file

    cores = workers()
    if len(paths) < PARALLEL_THRESHOLD or cores < 2 or not _can_fork():
        for path, flag in zip(paths, inside_flags(paths, real_root), strict=True):
            yield load_file(path, model, real_root, inside=flag)
            if progress is not None:
                progress(1)
        return
    import multiprocessing  # here, not at the top: a small register never starts a pool
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[i : i + CHUNK_SIZE] for i in range(0, len(paths), CHUNK_SIZE)]
    # The collector stays off for the whole load: switched on between chunks, it would walk every
    # model loaded so far each time (measured: over a second at 36,000 files).
    context = multiprocessing.get_context("fork")
    with _no_gc(), ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        results = pool.map(
            _load_chunk, chunks, [model] * len(chunks), [real_root] * len(chunks), [models] * len(chunks)
        )
        for chunk_paths, result in zip(chunks, results, strict=True):
            yield from _unpack(chunk_paths, model, result)
            if progress is not None:
                progress(len(chunk_paths))


#: The files a forked worker checks for ``check_many``: set before the pool forks, so the bytes
#: reach the workers by inheritance instead of through a pipe.
_PENDING: list[tuple[bytes | None, str, type[BaseModel], list[Problem]]] = []

_Checked = tuple["BaseModel | None", list["Problem"]]


def _check_one(
    raw: bytes | None, shown: str, model: type[M], problems: list[Problem]
) -> tuple[M | None, list[Problem]]:
    from planstrategi.store.snapshot import check_bytes

    if raw is None:
        return None, problems
    return check_bytes(raw, shown, model)


def _check_chunk(start: int, stop: int) -> list[tuple[dict[str, Any] | None, list[Problem]]]:
    with _no_gc():
        checked = [_check_one(*item) for item in _PENDING[start:stop]]
        return [
            (None if instance is None else instance.model_dump(exclude_unset=True), found)
            for instance, found in checked
        ]


def check_many(items: list[tuple[bytes | None, str, type[BaseModel], list[Problem]]]) -> list[_Checked]:
    """``snapshot.check_bytes`` of each (bytes, shown path, model, problems if no bytes), in order;
    on every core for many files. The diff's counterpart of ``load_many``."""
    global _PENDING
    cores = workers()
    if len(items) < PARALLEL_THRESHOLD or cores < 2 or not _can_fork():
        return [_check_one(*item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    bounds = [(i, min(i + CHUNK_SIZE, len(items))) for i in range(0, len(items), CHUNK_SIZE)]
    results: list[_Checked] = []
    _PENDING = items
    try:
        context = multiprocessing.get_context("fork")
        with _no_gc(), ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
            for (start, stop), chunk in zip(
                bounds, pool.map(_check_chunk, [b[0] for b in bounds], [b[1] for b in bounds]), strict=True
            ):
                for (_, _, model, _), (data, found) in zip(items[start:stop], chunk, strict=True):
                    results.append((None if data is None else model.model_validate(data), found))
    finally:
        _PENDING = []
    return results
