"""Safe writes: atomic, never over an existing file without force, never outside the folder, UTF-8 with \\n."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planstrategi.store import safeio


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_utf8_with_newlines(tmp_path: Path) -> None:
    path = safeio.write_text(tmp_path, "plans/røros.yaml", "title: Røros\r\nid: roros\n")
    assert path == tmp_path / "plans" / "røros.yaml"
    assert path.read_bytes() == b"title: R\xc3\xb8ros\nid: roros\n"
    assert leftovers(tmp_path / "plans") == []


def test_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = safeio.write_text(tmp_path, "a.yaml", "x: 1\n")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("old\n", encoding="utf-8")
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(tmp_path, "a.yaml", "new\n")
    assert caught.value.code == "write.exists"
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_overwrites_with_force_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    safeio.write_text(tmp_path, "a.yaml", "new\n", force=True)
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_file_created_after_the_check_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The no-overwrite promise holds even if another program creates the file mid-write."""
    real_fsync = os.fsync

    def racing_fsync(fd: int) -> None:
        real_fsync(fd)
        if not (tmp_path / "a.yaml").exists():
            (tmp_path / "a.yaml").write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(safeio.os, "fsync", racing_fsync)
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(tmp_path, "a.yaml", "ours\n")
    assert caught.value.code == "write.exists"
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "theirs\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("stage", ["fsync", "replace"])
def test_a_failed_write_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safeio.os, stage, disk_full)
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(tmp_path, "a.yaml", "new\n", force=True)
    assert (caught.value.code, caught.value.reason) == ("write.failed", "No space left on device")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("relative", ["../utenfor.yaml", "plans/../../utenfor.yaml", "/tmp/utenfor.yaml"])
def test_refuses_paths_out_of_the_folder(tmp_path: Path, relative: str) -> None:
    root = tmp_path / "register"
    root.mkdir()
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(root, relative, "x\n")
    assert caught.value.code == "write.outside"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register"]


def test_refuses_a_linked_folder_leading_out(tmp_path: Path) -> None:
    root = tmp_path / "register"
    outside = tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    (root / "plans").symlink_to(outside)
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(root, "plans/x.yaml", "x\n")
    assert caught.value.code == "write.outside"
    assert list(outside.iterdir()) == []


def test_refuses_a_linked_file_leading_out_even_with_force(tmp_path: Path) -> None:
    root = tmp_path / "register"
    root.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    (root / "x.yaml").symlink_to(victim)
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_text(root, "x.yaml", "x\n", force=True)
    assert caught.value.code == "write.outside"
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_write_all_writes_nothing_if_one_file_exists(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("old\n", encoding="utf-8")
    with pytest.raises(safeio.UnsafeWrite) as caught:
        safeio.write_all(tmp_path, {"a.yaml": "a\n", "b.yaml": "b\n", "c.yaml": "c\n"})
    assert caught.value.path == tmp_path / "b.yaml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]


def test_write_all_removes_what_it_wrote_when_a_later_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = safeio._publish

    def fail_third(temporary: Path, path: Path, *, force: bool) -> None:
        calls.append(path.name)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        real(temporary, path, force=force)

    monkeypatch.setattr(safeio, "_publish", fail_third)
    with pytest.raises(safeio.UnsafeWrite):
        safeio.write_all(tmp_path, {"a.yaml": "a\n", "b.yaml": "b\n", "c.yaml": "c\n"})
    assert list(tmp_path.iterdir()) == []
