"""The register cache of the read-only questions (``store/cache.py``): used while nothing changed,
never once something did, and never a reason for a command to fail.

Each test answers a question once (which writes the cache), changes something, and asks again: the
answer must be the one the files give now. Whether an answer came from the cache is seen by
doctoring the cached title of a plan: a question that prints the doctored title answered from it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.store import cache

DATA = Path(__file__).resolve().parent.parent / "data"
PLAN = "it-strategi"
TITLE = "IT strategi – Røros, Os og Holtålen"
DOCTORED = "Doktorert tittel fra hurtiglageret"


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled register, with the cache in a folder of its own."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return root


def ask(root: Path, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--data", str(root), "--as-of", "2025-06-01"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def show(root: Path, *extra: str) -> str:
    return ask(root, "show", PLAN, *extra)


def cache_files(root: Path) -> list[Path]:
    return sorted((cache.folder()).glob("*.json"))


def doctor() -> None:
    """Give the cached plan another title (the cache stays valid JSON of the right shape)."""
    (path,) = cache_files(Path())
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["register"]["plans"][PLAN]["title"] = DOCTORED
    path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")


def cached(root: Path) -> None:
    """Answer once (writing the cache), check the answer came from the files, and doctor the cache."""
    assert TITLE in show(root)
    doctor()


def test_an_unchanged_register_is_answered_from_the_cache(register: Path) -> None:
    cached(register)
    assert DOCTORED in show(register)  # the doctored cache was used: the tests below can see a use
    assert DOCTORED in ask(register, "list", "--format", "json")


def test_the_cache_answers_as_the_files_do(register: Path) -> None:
    for args in (["due", "2025"], ["overdue"], ["table", "--term", "2023"], ["list", "--all"], ["show", PLAN]):
        for output_format in ("table", "json", "csv"):
            fresh = ask(register, *args, "--format", output_format, "--no-cache")
            ask(register, *args, "--format", output_format)  # cold: written
            assert ask(register, *args, "--format", output_format) == fresh  # warm
    assert len(cache_files(register)) == 1


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Same size, and the modification time set back to what it was."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old.encode()) == len(new.encode()) and old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_an_edit_of_the_same_size_with_the_time_set_back_is_seen(register: Path) -> None:
    cached(register)
    edit_in_place(register / "plans" / f"{PLAN}.yaml", "Røros, Os", "Os, Røros")
    assert "IT strategi – Os, Røros og Holtålen" in show(register)


def test_an_edit_the_file_times_do_not_show_is_seen_by_its_hash(register: Path) -> None:
    """A file system whose clock did not tick between the cache and the edit: the stat the cache
    holds is the stat after the edit, and only the content hash of the recently changed file tells."""
    cached(register)
    path = register / "plans" / f"{PLAN}.yaml"
    edit_in_place(path, "Røros, Os", "Os, Røros")
    (saved_path,) = cache_files(register)
    saved = json.loads(saved_path.read_text(encoding="utf-8"))
    saved["files"][f"plans/{PLAN}.yaml"] = cache._stat(str(path))  # as if nothing had moved
    assert f"plans/{PLAN}.yaml" in saved["hashes"]  # copied just now: racily clean, so hashed
    saved_path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    assert "IT strategi – Os, Røros og Holtålen" in show(register)


def test_a_file_replaced_by_rename_is_seen(register: Path) -> None:
    cached(register)
    path = register / "plans" / f"{PLAN}.yaml"
    spare = register / f"{PLAN}.new"
    spare.write_text(path.read_text(encoding="utf-8").replace("Røros, Os", "Os, Røros"), encoding="utf-8")
    os.replace(spare, path)
    assert "IT strategi – Os, Røros og Holtålen" in show(register)


def test_a_deleted_file_is_seen(register: Path) -> None:
    cached(register)
    (register / "plans" / f"{PLAN}.yaml").unlink()
    result = CliRunner().invoke(app, ["show", PLAN, "--data", str(register)])
    assert result.exit_code == 1
    assert DOCTORED not in result.output


def test_an_added_file_is_seen(register: Path) -> None:
    cached(register)
    text = (register / "plans" / f"{PLAN}.yaml").read_text(encoding="utf-8")
    (register / "plans" / "ny-strategi.yaml").write_text(
        text.replace(f"id: {PLAN}", "id: ny-strategi").replace(TITLE, "Ny strategi"), encoding="utf-8"
    )
    listed = ask(register, "list", "--format", "json")
    assert "Ny strategi" in listed and DOCTORED not in listed


def test_an_added_file_of_another_kind_is_seen(register: Path) -> None:
    """A notes.txt in plans/ is a warning of validate's; the listing of the folder is part of the key."""
    cached(register)
    (register / "plans" / "notes.txt").write_text("x\n", encoding="utf-8")
    assert TITLE in show(register)


def test_a_changed_categories_file_is_seen(register: Path) -> None:
    cached(register)
    path = register / "categories.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Politisk styring", "Politisk leiing"), encoding="utf-8")
    listed = ask(register, "list")
    assert "Politisk leiing" in listed and DOCTORED not in listed


def test_another_package_version_does_not_use_the_cache(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(register)
    monkeypatch.setattr(cache, "__version__", "99.0.0")
    assert TITLE in show(register)


def test_another_cache_format_is_ignored(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(register)
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert TITLE in show(register)


def test_each_language_and_working_folder_has_its_own_cache(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached(register)
    assert "IT strategi" in show(register, "--lang", "en") and DOCTORED not in show(register, "--lang", "en")
    monkeypatch.chdir(tmp_path)
    assert TITLE in show(register)
    assert len(cache_files(register)) == 3


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x00\xff garbage", b"[]", b'{"format": 1}', b"{" * 100_000, b'{"format": 1, "register": "\\ud800"}'],
)
def test_a_cache_file_with_garbage_is_ignored_and_replaced(register: Path, garbage: bytes) -> None:
    fresh = show(register)
    (path,) = cache_files(register)
    path.write_bytes(garbage)
    assert show(register) == fresh
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == cache.FORMAT  # written anew


def test_a_cache_of_the_right_shape_with_wrong_types_is_ignored(register: Path) -> None:
    show(register)
    (path,) = cache_files(register)
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["register"]["plans"][PLAN] = {"$m": "Category", "id": PLAN}  # not a plan
    path.write_text(json.dumps(saved), encoding="utf-8")
    assert TITLE in show(register)


def test_a_cache_folder_that_cannot_be_written_is_no_problem(register: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    os.environ["XDG_CACHE_HOME"] = str(blocker)  # the fixture's monkeypatch restores it
    result = CliRunner().invoke(app, ["show", PLAN, "--data", str(register)], catch_exceptions=False)
    assert result.exit_code == 0 and TITLE in result.stdout and result.stderr == ""


def test_a_cache_folder_others_can_write_is_not_trusted(register: Path) -> None:
    cached(register)
    cache.folder().chmod(0o777)
    assert TITLE in show(register)  # not read
    cache.folder().chmod(0o700)
    assert DOCTORED in show(register)  # and nothing was written while it was open to others


def test_a_cache_file_that_is_a_link_is_not_followed(register: Path, tmp_path: Path) -> None:
    cached(register)
    (path,) = cache_files(register)
    elsewhere = tmp_path / "elsewhere.json"
    shutil.move(path, elsewhere)
    path.symlink_to(elsewhere)
    assert TITLE in show(register)


def test_no_cache_option_and_environment(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(register)
    assert TITLE in show(register, "--no-cache")
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    assert TITLE in show(register)
    monkeypatch.setenv(cache.NO_CACHE_ENV, "0")
    assert DOCTORED in show(register)


def test_validate_never_reads_the_cache(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    show(register)

    def refuse(*args: object) -> None:
        raise AssertionError("validate read the cache")

    monkeypatch.setattr(cache, "read", refuse)
    result = CliRunner().invoke(app, ["validate", "--data", str(register), "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output


def test_the_cache_folder_keeps_the_latest_files_only(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    for lang in ("nb", "nn", "en"):
        show(register, "--lang", lang)
    assert len(cache_files(register)) == 2


def test_the_cache_file_is_private(register: Path) -> None:
    show(register)
    (path,) = cache_files(register)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.folder().stat().st_mode) == 0o700
