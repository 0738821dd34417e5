"""``planstrategi diff`` on real git repositories built in tmp_path, compared as exact text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from planstrategi.cli import app

BASE = Path(__file__).resolve().parent / "cases" / "_base"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "--short=7", "HEAD")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the small register committed on main; the working folder is its root."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Planlegger")
    git(root, "config", "user.email", "planlegger@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    shutil.copytree(BASE, root / "data")
    commit(root, "register")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["diff", *args], catch_exceptions=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_register(data: Path) -> None:
    """A planner's afternoon: one plan renamed, one moved and re-statused, goals edited, one plan added."""
    plans = data / "plans"
    edit(plans / "helseplan.yaml", "  - target: 2025\n", "  - target: 2026\n")
    edit(plans / "helseplan.yaml", "status: gjeldende", "status: under-revisjon")
    edit(plans / "helseplan.yaml", "adopted: 2017-06-22", "adopted: 2017-06-23")
    (plans / "helseplan.yaml").write_text(
        (plans / "helseplan.yaml").read_text(encoding="utf-8") + "remarks: Slås sammen med ruspsykiatriplanen\n",
        encoding="utf-8",
    )
    text = (plans / "delegeringsreglement.yaml").read_text(encoding="utf-8")
    (plans / "delegeringsreglement.yaml").unlink()
    (plans / "politisk-delegeringsreglement.yaml").write_text(
        text.replace("id: delegeringsreglement", "id: politisk-delegeringsreglement"), encoding="utf-8"
    )
    (plans / "klimaplan.yaml").write_text(
        "id: klimaplan\ntitle: Klima- og energiplan\ncategory: helse-og-omsorg\nkind: plan\n"
        'municipality: "3430"\nstatus: utkast\n',
        encoding="utf-8",
    )
    goals = data / "goals" / "helseplan.yaml"
    edit(
        goals,
        "          - title: Velferdsteknologi\n",
        "          - title: Velferdsteknologi\n          - title: Digitalt tilsyn\n",
    )
    goals.write_text(goals.read_text(encoding="utf-8") + "  - title: Trygghet i hjemmet\n", encoding="utf-8")


def test_no_changes(repo: Path) -> None:
    sha = git(repo, "rev-parse", "--short=7", "HEAD")
    result = run()
    assert result.exit_code == 0
    assert result.output == f"Endringer i oversikten over planer fra main ({sha}) til arbeidskopien: ingen endringer\n"


def test_text(repo: Path) -> None:
    sha = git(repo, "rev-parse", "--short=7", "HEAD")
    change_register(repo / "data")
    result = run()
    assert result.exit_code == 0
    assert result.output == (
        f"Endringer i oversikten over planer fra main ({sha}) til arbeidskopien: 1 ny plan, 1 omdøpt, 1 endret\n"
        "\n"
        "+ klimaplan «Klima- og energiplan»: ny plan\n"
        "> politisk-delegeringsreglement «Politisk delegeringsreglement»: omdøpt fra delegeringsreglement\n"
        "~ helseplan «Helse- og omsorgsplan»: endret\n"
        "    revisjonen er flyttet fra 2025 til 2026\n"
        "    status: gjeldende → under-revisjon\n"
        "    vedtatt: 2017-06-22 → 2017-06-23\n"
        "    remarks: (tom) → «Slås sammen med ruspsykiatriplanen»\n"
        "    nytt mål: «Trygghet i hjemmet»\n"
        "    nytt tiltak: «Digitalt tilsyn» (under «Hjemmebasert omsorg › Hverdagsrehabilitering»)\n"
    )


def test_markdown_in_english(repo: Path) -> None:
    sha = git(repo, "rev-parse", "--short=7", "HEAD")
    change_register(repo / "data")
    result = run("--format", "markdown", "--lang", "en")
    assert result.output == (
        f"### Changes to the plan overview from main ({sha}) to the working tree\n"
        "\n"
        "1 plan added, 1 renamed, 1 changed\n"
        "\n"
        "- **Added** `klimaplan` 'Klima- og energiplan': new plan\n"
        "- **Renamed** `politisk-delegeringsreglement` 'Politisk delegeringsreglement': "
        "renamed from `delegeringsreglement`\n"
        "- **Changed** `helseplan` 'Helse- og omsorgsplan': changed\n"
        "  - the revision moved from 2025 to 2026\n"
        "  - status: gjeldende → under-revisjon\n"
        "  - adopted: 2017-06-22 → 2017-06-23\n"
        "  - remarks: (empty) → 'Slås sammen med ruspsykiatriplanen'\n"
        "  - goal added: 'Trygghet i hjemmet'\n"
        "  - measure added: 'Digitalt tilsyn' (under 'Hjemmebasert omsorg › Hverdagsrehabilitering')\n"
    )


def test_json(repo: Path) -> None:
    full = git(repo, "rev-parse", "HEAD")
    change_register(repo / "data")
    document = json.loads(run("--format", "json").output)
    assert document["folder"] == "data"
    assert document["base"] == {"revision": "main", "commit": full, "present": True}
    assert document["head"] == {"revision": None, "commit": None, "present": True}
    assert document["summary"] == {"added": 1, "removed": 0, "renamed": 1, "changed": 1}
    assert document["plans"][1] == {
        "change": "renamed",
        "id": "politisk-delegeringsreglement",
        "old_id": "delegeringsreglement",
        "title": "Politisk delegeringsreglement",
        "details": [],
    }
    assert document["plans"][2]["details"][:3] == [
        {"change": "revision-moved", "field": "revisions", "old": 2025, "new": 2026, "where": None},
        {"change": "status", "field": "status", "old": "gjeldende", "new": "under-revisjon", "where": None},
        {"change": "adopted", "field": "adopted", "old": "2017-06-22", "new": "2017-06-23", "where": None},
    ]
    assert document["files"] == [] and document["unreadable"] == []


def test_revisions_added_removed_and_state(repo: Path) -> None:
    plan = repo / "data" / "plans" / "helseplan.yaml"
    edit(plan, "  - target: 2025\n", "  - target: 2025\n    state: pågår\n")
    plan.write_text(plan.read_text(encoding="utf-8") + "  - target: 2029\n", encoding="utf-8")
    edit(repo / "data" / "plans" / "delegeringsreglement.yaml", "revisions:\n  - target: 2024\n", "")
    lines = run().output.splitlines()[2:]
    assert lines == [
        "~ delegeringsreglement «Politisk delegeringsreglement»: endret",
        "    revisjonen i 2024 er fjernet",
        "~ helseplan «Helse- og omsorgsplan»: endret",
        "    revisjonen i 2025: planlagt → pågår",
        "    ny revisjon i 2029",
    ]


def test_a_postponement_shows_its_state_work_years_and_decision(repo: Path) -> None:
    plan = repo / "data" / "plans" / "helseplan.yaml"
    edit(
        plan,
        "  - target: 2025\n",
        "  - target: 2025\n    work_from: 2024\n    state: utsatt\n"
        '    decision:\n      date: 2024-06-13\n      case: "24/30"\n      body: kommunestyret\n',
    )
    lines = run().output.splitlines()[2:]
    assert lines == [
        "~ helseplan «Helse- og omsorgsplan»: endret",
        "    revisjonen i 2025: planlagt → utsatt",
        "    arbeidet med revisjonen i 2025: 2025 → 2024–2025",
        "    vedtaket om revisjonen i 2025: (tom) → 2024-06-13 24/30 kommunestyret",
    ]


def test_removed_plan_and_goal_dropped(repo: Path) -> None:
    (repo / "data" / "plans" / "delegeringsreglement.yaml").unlink()
    goals = repo / "data" / "goals" / "helseplan.yaml"
    edit(goals, "      - title: Hverdagsrehabilitering\n", "      - title: Rehabilitering\n")
    lines = run().output.splitlines()[2:]
    assert lines == [
        "- delegeringsreglement «Politisk delegeringsreglement»: fjernet",
        "~ helseplan «Helse- og omsorgsplan»: endret",
        "    strategi fjernet: «Hverdagsrehabilitering» (under «Hjemmebasert omsorg»)",
        "    ny strategi: «Rehabilitering» (under «Hjemmebasert omsorg»)",
    ]


def test_two_revisions_and_a_feature_branch(repo: Path) -> None:
    first = git(repo, "rev-parse", "--short=7", "HEAD")
    git(repo, "switch", "-q", "-c", "revisjon-2026")
    edit(repo / "data" / "plans" / "helseplan.yaml", "  - target: 2025\n", "  - target: 2026\n")
    second = commit(repo, "helseplan to 2026")
    # main moves on after the branch left it: the default base is still where the branch left.
    git(repo, "switch", "-q", "main")
    edit(repo / "data" / "categories.yaml", "Politisk styring", "Politikk")
    commit(repo, "rename a group")
    git(repo, "switch", "-q", "revisjon-2026")
    assert run().output.splitlines()[0] == (
        f"Endringer i oversikten over planer fra main ({first}) til arbeidskopien: 1 endret"
    )
    both = run("main", "revisjon-2026").output.splitlines()
    main_sha = git(repo, "rev-parse", "--short=7", "main")
    assert both[0] == (
        f"Endringer i oversikten over planer fra main ({main_sha}) til revisjon-2026 ({second}): 1 endret"
    )
    assert both[-1] == "categories.yaml er endret"


def test_a_file_broken_on_one_side_is_reported_not_removed(repo: Path) -> None:
    (repo / "data" / "plans" / "helseplan.yaml").write_text("id: helseplan\ntitle: [uavsluttet\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].endswith("til arbeidskopien: endringer i andre filer")
    assert lines[2].startswith("data/plans/helseplan.yaml:3:1 kan ikke leses i arbeidskopien: YAML-syntaksfeil")


def test_register_missing_on_the_base_side(repo: Path) -> None:
    git(repo, "switch", "-q", "--orphan", "tom")  # a branch with no register in it
    (repo / "README.md").write_text("tom\n", encoding="utf-8")
    empty = commit(repo, "empty")
    git(repo, "switch", "-q", "main")
    result = run("tom")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"Endringer i oversikten over planer fra tom ({empty}) til arbeidskopien: 2 nye planer"
    )
    assert "registermappen data finnes ikke i tom" in result.output
    assert "categories.yaml er lagt til" in result.output


def test_markdown_escapes_html_and_mentions(repo: Path) -> None:
    edit(
        repo / "data" / "plans" / "helseplan.yaml",
        "title: Helse- og omsorgsplan",
        'title: "<b>Plan</b> @kommunedirektør *viktig*"',
    )
    line = run("--format", "markdown").output.splitlines()[4]
    assert line == "- **Endret** `helseplan` «&lt;b&gt;Plan&lt;/b&gt; @&#8203;kommunedirektør \\*viktig\\*»: endret"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["finnes-ikke"], "fant ikke revisjonen «finnes-ikke» i git"),
        (["--upload-pack=x"], "fant ikke revisjonen «--upload-pack=x» i git"),
        (["main", "feil"], "fant ikke revisjonen «feil» i git"),
    ],
)
def test_bad_revisions(repo: Path, args: list[str], message: str) -> None:
    result = run(*args) if not args[0].startswith("-") else run("--", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run()
    assert result.exit_code == 2
    assert (
        result.stderr
        == "planstrategi: «data» er ikke i et git-depot; planstrategi diff sammenligner revisjoner i git\n"
    )


def test_no_default_branch(repo: Path) -> None:
    git(repo, "branch", "-m", "main", "trunk")
    result = run()
    assert result.exit_code == 2
    assert "fant ingen standardgren (origin/HEAD, main eller master)" in result.stderr


def test_shallow_clone_without_the_base(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = git(repo, "rev-parse", "HEAD")
    edit(repo / "data" / "plans" / "helseplan.yaml", "  - target: 2025\n", "  - target: 2026\n")
    commit(repo, "second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    result = run(first)
    assert result.exit_code == 2
    assert "grunn klone" in result.stderr and "fetch-depth: 0" in result.stderr


# --- the hooks and the workflow that run validate and diff --------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def load_yaml(text: str) -> dict[str, object]:
    import yaml

    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def test_pre_commit_hook_for_other_repositories() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["planstrategi-validate"]
    hook = hooks[0]
    assert (hook["language"], hook["entry"], hook["pass_filenames"]) == ("python", "planstrategi validate", False)
    pattern = re.compile(hook["files"])
    assert [bool(pattern.search(p)) for p in ("data/plans/x.yaml", "a.yml", "tool.py")] == [True, True, False]
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = [hook["id"] for repo in own["repos"] for hook in repo["hooks"]]
    assert "ruff" in ids and "planstrategi-validate" in ids


@pytest.mark.parametrize("source", ["project", "init"])
def test_workflow_permissions_and_steps(source: str) -> None:
    from planstrategi.store import install, templates

    text = (
        (ROOT / ".github/workflows/validate.yml").read_text(encoding="utf-8")
        if source == "project"
        else templates.workflow(install.Install("planstrategi==0.2.0", install.Source.INDEX))
    )
    workflow = load_yaml(text)
    assert set(workflow["on"]) == {"pull_request", "push"}  # type: ignore[call-overload]
    assert workflow["permissions"] == {}  # each job asks for its own (tests/test_workflows.py)
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    assert jobs["validate"]["permissions"] == {"contents": "read"}
    assert jobs["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
    steps = [step for job in jobs.values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    assert "planstrategi validate --format github" in runs
    assert any('planstrategi diff "origin/$BASE_REF" --format markdown' in run for run in runs)
    assert all("${{" not in run for run in runs)  # expressions reach scripts through env only
    assert jobs["diff"]["steps"][0]["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert all(step["with"] == {"python-version": "3.11"} for step in steps if "setup-python" in step.get("uses", ""))
    if source == "project":
        assert "python -m pip install ." in runs
        assert "SARIF (code scanning) goes here" in text


def test_the_workflow_diff_step_in_a_pull_request_checkout(repo: Path, tmp_path: Path) -> None:
    """The workflow's own script, run as Actions runs it: a full clone, origin/<base> and the step summary."""
    import os
    import sys

    clone = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    edit(clone / "data" / "plans" / "helseplan.yaml", "  - target: 2025\n", "  - target: 2026\n")
    workflow = load_yaml((ROOT / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    script = next(step["run"] for step in workflow["jobs"]["diff"]["steps"] if step.get("name") == "What changed")  # type: ignore[index]
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run(["bash", "-e", "-c", script], cwd=clone, env=env, check=True)
    sha = git(clone, "rev-parse", "--short=7", "origin/main")
    assert summary.read_text(encoding="utf-8") == (
        f"### Endringer i oversikten over planer fra origin/main ({sha}) til arbeidskopien\n"
        "\n"
        "1 endret\n"
        "\n"
        "- **Endret** `helseplan` «Helse- og omsorgsplan»: endret\n"
        "  - revisjonen er flyttet fra 2025 til 2026\n"
    )


def test_the_readme_example_on_the_bundled_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's example, on a copy of Os kommune's register in a fresh repository."""
    root = tmp_path / "os"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Planlegger")
    git(root, "config", "user.email", "planlegger@example.invalid")
    shutil.copytree(ROOT / "data", root / "data")
    sha = commit(root, "register")
    git(root, "switch", "-q", "-c", "revisjoner")
    monkeypatch.chdir(root)
    edit(root / "data/plans/beredskapsplan.yaml", "  - target: 2026\n", "  - target: 2027\n")
    edit(root / "data/plans/alkoholpolitisk-plan.yaml", "\nstatus: gjeldende\n", "\nstatus: under-revisjon\n")
    added = CliRunner().invoke(
        app,
        [
            "new",
            "Plan for idrett og fysisk aktivitet",
            "--category",
            "samfunn-kultur-naering-teknisk",
            "--adopted",
            "2024",
        ],
        catch_exceptions=False,
    )
    assert added.exit_code == 0
    assert run().output == (
        f"Endringer i oversikten over planer fra main ({sha}) til arbeidskopien: 1 ny plan, 2 endret\n"
        "\n"
        "+ plan-for-idrett-og-fysisk-aktivitet «Plan for idrett og fysisk aktivitet»: ny plan\n"
        "~ alkoholpolitisk-plan «Alkoholpolitisk plan»: endret\n"
        "    status: gjeldende → under-revisjon\n"
        "~ beredskapsplan «Beredskapsplan»: endret\n"
        "    revisjonen er flyttet fra 2026 til 2027\n"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert run().output.replace(sha, "0ae6e39") in readme
    assert run("--format", "markdown").output.replace(sha, "0ae6e39") in readme
