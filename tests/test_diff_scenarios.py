"""``planstrategi diff`` reads what changed, and says what reading everything said.

Each scenario commits a register on main (the small one, sometimes with extra files), changes it,
and runs ``diff main`` against the working tree and, committed, ``diff main HEAD``. The answer
must be byte for byte what the whole-register reading gives (``snapshot.from_git`` and
``snapshot.from_disk``, the way diff read both sides before), in all three formats.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.render import diff as render
from planstrategi.rules import diff as compare
from planstrategi.store import gitrev, parallel, snapshot

BASE = Path(__file__).resolve().parent / "cases" / "_base"
FORMATS = ("text", "markdown", "json")
PLAN = 'id: {id}\ntitle: {title}\ncategory: helse-og-omsorg\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n'


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def make_repo(root: Path, folder: str = "data") -> Path:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Planlegger")
    git(root, "config", "user.email", "planlegger@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    shutil.copytree(BASE, root / folder, dirs_exist_ok=True)
    return root


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    write(path, text.replace(old, new))


def reference(repo: Path, folder: str, head: str | None) -> dict[str, str]:
    """What diff said when it read every file on both sides."""
    relative = PurePosixPath(folder)
    before = snapshot.from_git(repo, "main", gitrev.resolve(repo, "main"), relative)
    if head is None:
        after = snapshot.from_disk(repo, relative)
    else:
        after = snapshot.from_git(repo, head, gitrev.resolve(repo, head), relative)
    changes = compare.compare(before, after)
    return {name: render.RENDERERS[name](changes) for name in FORMATS}


def answers(folder: str, head: str | None) -> dict[str, str]:
    args = ["diff", "main", *([head] if head else []), "--data", folder]
    found = {}
    for name in FORMATS:
        result = CliRunner().invoke(app, [*args, "--format", name], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        found[name] = result.output
    return found


# --- the scenarios: (set-up committed on main, change) on the register folder ----------------------


def nothing(data: Path) -> None:
    pass


def rename(data: Path) -> None:
    text = (data / "plans" / "delegeringsreglement.yaml").read_text(encoding="utf-8")
    (data / "plans" / "delegeringsreglement.yaml").unlink()
    write(
        data / "plans" / "politisk-delegeringsreglement.yaml",
        text.replace("id: delegeringsreglement", "id: politisk-delegeringsreglement"),
    )


def rename_with_goals_left_behind(data: Path) -> None:
    text = (data / "plans" / "helseplan.yaml").read_text(encoding="utf-8")
    (data / "plans" / "helseplan.yaml").unlink()
    write(data / "plans" / "helse-og-omsorgsplan.yaml", text.replace("id: helseplan", "id: helse-og-omsorgsplan"))


def delete(data: Path) -> None:
    (data / "plans" / "delegeringsreglement.yaml").unlink()
    (data / "goals" / "helseplan.yaml").unlink()


def add(data: Path) -> None:
    write(data / "plans" / "klimaplan.yaml", PLAN.format(id="klimaplan", title="Klimaplan"))


def add_plan_whose_goals_were_there(data: Path) -> None:
    write(data / "plans" / "klimaplan.yaml", PLAN.format(id="klimaplan", title="Klimaplan"))


def goals_for_a_missing_plan(data: Path) -> None:
    write(data / "goals" / "klimaplan.yaml", "plan: klimaplan\ngoals:\n  - title: Mindre utslipp\n")


def referenced(data: Path) -> None:
    write(
        data / "plans" / "rusplan.yaml",
        PLAN.format(id="rusplan", title="Rusplan") + "part_of: helseplan\nsupersedes: [delegeringsreglement]\n",
    )


def change_referenced(data: Path) -> None:
    edit(data / "plans" / "helseplan.yaml", "status: gjeldende", "status: under-revisjon")
    edit(data / "plans" / "delegeringsreglement.yaml", "title: Politisk", "title: Kommunalt")


def categories(data: Path) -> None:
    edit(data / "categories.yaml", "Politisk styring", "Politikk")


def municipalities_removed(data: Path) -> None:
    (data / "municipalities.yaml").unlink()


def goals_changed(data: Path) -> None:
    goals = data / "goals" / "helseplan.yaml"
    write(goals, goals.read_text(encoding="utf-8") + "  - title: Trygghet i hjemmet\n")


def broken_on_head(data: Path) -> None:
    write(data / "plans" / "helseplan.yaml", "id: helseplan\ntitle: [uavsluttet\n")
    write(data / "goals" / "helseplan.yaml", "plan: helseplan\ngoals: 12\n")


def broken_on_base(data: Path) -> None:
    write(data / "plans" / "delegeringsreglement.yaml", "id: delegeringsreglement\nid: to ganger\n")


def mend(data: Path) -> None:
    write(data / "plans" / "delegeringsreglement.yaml", PLAN.format(id="delegeringsreglement", title="Mended"))


def still_broken(data: Path) -> None:
    write(data / "plans" / "delegeringsreglement.yaml", "id: delegeringsreglement\ntitle: [\n")


def odd_names(data: Path) -> None:
    write(data / "plans" / "med mellomrom.yaml", PLAN.format(id="med-mellomrom", title="Med mellomrom"))
    write(data / "plans" / "linje\nskift.yaml", PLAN.format(id="linjeskift", title="Linjeskift"))
    name = os.fsdecode(b"bytes-\xff.yaml")
    write(data / "plans" / name, PLAN.format(id="bytes", title="Ikke UTF-8"))
    write(data / "plans" / ".skjult.yaml", PLAN.format(id="skjult", title="Skjult"))


def change_odd_names(data: Path) -> None:
    edit(data / "plans" / "med mellomrom.yaml", "Med mellomrom", "Med to mellomrom")
    (data / "plans" / "linje\nskift.yaml").unlink()
    name = os.fsdecode(b"bytes-\xff.yaml")
    edit(data / "plans" / name, "Ikke UTF-8", "Fortsatt ikke UTF-8")
    edit(data / "plans" / ".skjult.yaml", "Skjult", "Fortsatt skjult")


def links(data: Path) -> None:
    (data / "plans" / "lenke.yaml").symlink_to("delegeringsreglement.yaml")
    (data / "goals" / "lenke.yaml").symlink_to("../../outside.yaml")


def change_through_links(data: Path) -> None:
    edit(data / "plans" / "delegeringsreglement.yaml", "adopted: 2020", "adopted: 2021")
    (data / "plans" / "ny-lenke.yaml").symlink_to("helseplan.yaml")
    (data / "plans" / "ring.yaml").symlink_to("ring.yaml")


def duplicate_ids(data: Path) -> None:
    # Unchanged files that hold a changed plan's id (or its goals) under another name.
    write(data / "plans" / "a-kopi.yaml", PLAN.format(id="helseplan", title="Kopi av helseplanen"))
    write(data / "goals" / "a-mal.yaml", "plan: delegeringsreglement\ngoals:\n  - title: Raskere saker\n")
    write(data / "plans" / "escaped.yaml", PLAN.format(id='"\\x6blimaplan"', title="Escaped"))


def change_duplicates(data: Path) -> None:
    edit(data / "plans" / "helseplan.yaml", "status: gjeldende", "status: utgatt")
    write(data / "goals" / "delegeringsreglement.yaml", "plan: delegeringsreglement\ngoals:\n  - title: Annet\n")
    write(data / "plans" / "klimaplan.yaml", PLAN.format(id="klimaplan", title="Klimaplan"))


def stem_of_a_broken_file(data: Path) -> None:
    write(data / "plans" / "x.yaml", PLAN.format(id="delegeringsreglement", title="Under feil navn"))


def remove_the_file_a_broken_stem_shadows(data: Path) -> None:
    (data / "plans" / "x.yaml").unlink()
    write(data / "plans" / "delegeringsreglement.yaml", "id: [\n")


def typechanges(data: Path) -> None:
    (data / "plans" / "delegeringsreglement.yaml").unlink()
    (data / "plans" / "delegeringsreglement.yaml").mkdir()
    write(data / "plans" / "untracked.yaml", PLAN.format(id="untracked", title="Ikke i git"))
    write(data / "plans" / "notes.txt", "not a plan\n")


def untracked_in_base(data: Path) -> None:
    repo = data.parent
    git(repo, "rm", "-q", "--cached", "data/plans/helseplan.yaml")
    edit(data / "plans" / "delegeringsreglement.yaml", "title: Politisk", "title: Nytt")


SCENARIOS: dict[str, tuple[Callable[[Path], None], Callable[[Path], None]]] = {
    "no change": (nothing, nothing),
    "rename": (nothing, rename),
    "rename with its goals left behind": (nothing, rename_with_goals_left_behind),
    "delete": (nothing, delete),
    "add": (nothing, add),
    "add a plan whose goals were there": (goals_for_a_missing_plan, add_plan_whose_goals_were_there),
    "change of a referenced plan": (referenced, change_referenced),
    "categories.yaml": (nothing, categories),
    "municipalities.yaml removed": (nothing, municipalities_removed),
    "goals of an unchanged plan": (nothing, goals_changed),
    "broken on head": (nothing, broken_on_head),
    "broken on base, mended": (broken_on_base, mend),
    "broken on both sides": (broken_on_base, still_broken),
    "spaces, newlines, not UTF-8, hidden": (odd_names, change_odd_names),
    "links": (links, change_through_links),
    "duplicate ids in unchanged files": (duplicate_ids, change_duplicates),
    "a broken file's stem": (stem_of_a_broken_file, remove_the_file_a_broken_stem_shadows),
    "a folder, an untracked file": (nothing, typechanges),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_same_answer_as_reading_everything(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup, change = SCENARIOS[name]
    repo = make_repo(tmp_path / "repo")
    write(tmp_path / "outside.yaml", "plan: helseplan\n")
    setup(repo / "data")
    commit(repo, "base")
    git(repo, "switch", "-q", "-c", "change")
    change(repo / "data")
    monkeypatch.chdir(repo)
    assert answers("data", None) == reference(repo, "data", None)
    commit(repo, "change")
    assert answers("data", "HEAD") == reference(repo, "data", "HEAD")


def test_an_untracked_copy_of_a_committed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    commit(repo, "base")
    untracked_in_base(repo / "data")
    monkeypatch.chdir(repo)
    assert answers("data", None) == reference(repo, "data", None)


def test_the_register_at_the_top_of_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo", folder=".")
    duplicate_ids(repo)
    commit(repo, "base")
    change_duplicates(repo)
    rename(repo)
    monkeypatch.chdir(repo)
    assert answers(".", None) == reference(repo, ".", None)


def test_a_file_that_stayed_broken_is_left_to_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one difference from reading everything: an unchanged file that does not load is not listed."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "data" / "plans" / "gammel.yaml", "id: gammel\ntitle: [\n")
    commit(repo, "base")
    edit(repo / "data" / "plans" / "helseplan.yaml", "status: gjeldende", "status: under-revisjon")
    monkeypatch.chdir(repo)
    document = json.loads(answers("data", None)["json"])
    assert document["unreadable"] == []
    assert [plan["id"] for plan in document["plans"]] == ["helseplan"]
    everything = json.loads(reference(repo, "data", None)["json"])
    assert [entry["path"] for entry in everything["unreadable"]] == ["data/plans/gammel.yaml"] * 2
    assert everything["plans"] == document["plans"]


def test_many_changed_files_are_checked_on_every_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    plans = repo / "data" / "plans"
    count = parallel.PARALLEL_THRESHOLD + 20
    for number in range(count):
        write(plans / f"plan-{number}.yaml", PLAN.format(id=f"plan-{number}", title=f"Plan {number}"))
    commit(repo, "base")
    for number in range(count):
        if number % 7 == 0:
            write(plans / f"plan-{number}.yaml", "id: [\n")
        else:
            edit(plans / f"plan-{number}.yaml", f"Plan {number}", f"Plan nummer {number}")
    monkeypatch.chdir(repo)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert answers("data", None) == reference(repo, "data", None)
