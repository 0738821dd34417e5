"""Where ``init`` tells CI and pre-commit to get planstrategi: the same planstrategi that runs it.

The rules of ``store/install.py`` are tested on made-up distributions (PEP 610 ``direct_url.json``
as pip writes it); then the pre-commit configuration ``init`` writes is run by the real pre-commit
against a local clone of this repository, offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from planstrategi import __version__
from planstrategi.cli import app
from planstrategi.store import install, templates
from planstrategi.store.install import Install, Source

ROOT = Path(__file__).resolve().parent.parent


class FakeDistribution(metadata.Distribution):
    """An installed planstrategi as importlib.metadata sees it: a version and maybe a direct_url.json."""

    def __init__(self, direct_url: dict[str, Any] | None, version: str = "0.2.0") -> None:
        self.files_ = {"METADATA": f"Metadata-Version: 2.1\nName: planstrategi\nVersion: {version}\n"}
        if direct_url is not None:
            self.files_["direct_url.json"] = json.dumps(direct_url)

    def read_text(self, filename: str) -> str | None:
        return self.files_.get(filename)

    def locate_file(self, path: str | os.PathLike[str]) -> Path:
        raise NotImplementedError


@pytest.fixture
def site_packages(tmp_path: Path) -> Path:
    """A package folder as in an installed wheel: no pyproject.toml beside it."""
    package = tmp_path / "site-packages" / "planstrategi"
    package.mkdir(parents=True)
    return package


def test_from_the_index_the_same_version(site_packages: Path) -> None:
    chosen = install.detect(FakeDistribution(None, "0.2.0"), site_packages)
    assert chosen == Install("planstrategi==0.2.0", Source.INDEX)


def test_from_git_the_same_commit_and_the_hook_repository(site_packages: Path) -> None:
    direct = {
        "url": "https://github.com/example/planstrategi.git",
        "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "main"},
    }
    chosen = install.detect(FakeDistribution(direct), site_packages)
    assert chosen == Install(
        f"planstrategi @ git+https://github.com/example/planstrategi.git@{'a' * 40}",
        Source.VCS,
        "https://github.com/example/planstrategi.git",
        "a" * 40,
    )


def test_from_git_in_a_subdirectory_no_hook_repository(site_packages: Path) -> None:
    direct = {
        "url": "https://example.org/x.git",
        "vcs_info": {"vcs": "git", "commit_id": "b" * 40},
        "subdirectory": "py",
    }
    chosen = install.detect(FakeDistribution(direct), site_packages)
    assert chosen == Install(f"planstrategi @ git+https://example.org/x.git@{'b' * 40}#subdirectory=py", Source.VCS)


def test_from_a_wheel_at_an_address(site_packages: Path) -> None:
    url = "https://example.org/dist/planstrategi-0.2.0-py3-none-any.whl"
    chosen = install.detect(FakeDistribution({"url": url, "archive_info": {}}), site_packages)
    assert chosen == Install(f"planstrategi @ {url}", Source.URL)


@pytest.mark.parametrize(
    "direct",
    [
        {"url": "file:///home/planner/planstrategi", "dir_info": {"editable": True}},
        {"url": "file:///home/planner/planstrategi", "dir_info": {}},
        {"url": "file:///tmp/planstrategi-0.2.0-py3-none-any.whl", "archive_info": {}},
        {"url": "file:///home/planner/clone", "vcs_info": {"vcs": "git", "commit_id": "c" * 40}},
    ],
)
def test_from_this_machine_only_the_user_can_say(direct: dict[str, Any], site_packages: Path) -> None:
    with pytest.raises(install.Unreachable) as raised:
        install.detect(FakeDistribution(direct), site_packages)
    assert raised.value.where.startswith("file:///")


def test_a_source_tree_is_unreachable(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "planstrategi").mkdir()
    with pytest.raises(install.Unreachable):
        install.detect(FakeDistribution(None), tmp_path / "planstrategi")


@pytest.mark.parametrize(
    ("value", "repo", "rev"),
    [
        ("planstrategi==0.2.0", None, None),
        ("planstrategi>=0.2,<0.3", None, None),
        ("planstrategi", None, None),
        ("planstrategi @ git+https://example.org/p.git@v0.2.0", "https://example.org/p.git", "v0.2.0"),
        ("planstrategi@git+ssh://git@example.org/p.git@" + "d" * 40, "ssh://git@example.org/p.git", "d" * 40),
        ("planstrategi @ git+https://example.org/p.git", None, None),  # no revision: nothing to pin pre-commit to
        ("planstrategi @ git+https://example.org/p.git@v1#subdirectory=py", None, None),
        ("planstrategi @ https://example.org/planstrategi-0.2.0-py3-none-any.whl", None, None),
    ],
)
def test_install_option(value: str, repo: str | None, rev: str | None) -> None:
    assert install.from_option(value) == Install(value, Source.OPTION, repo, rev)


@pytest.mark.parametrize(
    "value",
    ["requests", "planstrategi==0.2.0\nrun: evil", 'planstrategi @ git+https://x/"$(id)"', "planstrategi @ nowhere"],
)
def test_install_option_refuses_what_is_not_a_requirement_for_planstrategi(value: str) -> None:
    with pytest.raises(install.BadRequirement):
        install.from_option(value)


def test_init_from_a_checkout_asks_for_install(tmp_path: Path) -> None:
    # The tests run from this checkout: a source tree CI cannot reach.
    result = CliRunner().invoke(app, ["init", str(tmp_path / "r"), "--municipality", "5025"], catch_exceptions=False)
    assert result.exit_code == 2
    # «ROOT» when the checkout's copy is imported; file:///… when an installed copy of it (pip install .) is
    assert result.stderr.startswith("planstrategi: denne planstrategi kommer fra «")
    assert "», som CI ikke når; si hvor CI skal hente den med --install" in result.stderr
    assert f'--install "planstrategi=={__version__}"' in result.stderr
    assert not (tmp_path / "r").exists()


def test_init_with_a_bad_install_writes_nothing(tmp_path: Path) -> None:
    args = ["init", str(tmp_path / "r"), "--municipality", "5025", "--install", "requests", "--lang", "en"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("planstrategi: 'requests' is not a pip requirement for planstrategi;")
    assert not (tmp_path / "r").exists()


def test_init_says_what_it_chose_and_both_files_install_it(tmp_path: Path) -> None:
    requirement = "planstrategi @ git+https://example.org/planstrategi.git@v0.2.0"
    args = ["init", str(tmp_path / "r"), "--municipality", "5025", "--install", requirement, "--lang", "en"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"CI and pre-commit install {requirement} (from --install)\n" in result.stdout
    workflow = yaml.safe_load((tmp_path / "r/.github/workflows/validate.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["PLANSTRATEGI"] == requirement
    config = yaml.safe_load((tmp_path / "r/.pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"] == [
        {"repo": "https://example.org/planstrategi.git", "rev": "v0.2.0", "hooks": [{"id": "planstrategi-validate"}]}
    ]


def test_without_a_hook_repository_a_local_hook_installs_the_requirement() -> None:
    config = yaml.safe_load(templates.pre_commit_config(Install("planstrategi==0.2.0", Source.INDEX)))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert (hook["id"], hook["language"], hook["entry"]) == ("planstrategi-validate", "python", "planstrategi validate")
    assert hook["additional_dependencies"] == ["planstrategi==0.2.0"]
    assert hook["pass_filenames"] is False and hook["files"] == r"\.ya?ml$"


# --- the real pre-commit, offline ----------------------------------------------------------------


def _closure(name: str) -> Iterator[metadata.Distribution]:
    """``name``'s installed distribution and those it depends on (no extras), each once."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    todo = [name]
    while todo:
        current = canonicalize_name(todo.pop())
        if current in seen:
            continue
        seen.add(current)
        distribution = metadata.distribution(current)
        yield distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)


def _wheel_from_installed(distribution: metadata.Distribution, folder: Path) -> None:
    """The installed distribution packed back into a wheel (its files as RECORD lists them), so
    pip can install it again with no index. Scripts are left out: pip writes them anew."""
    info = next(p for p in distribution.files or [] if p.parts[0].endswith(".dist-info"))
    info_dir = info.parts[0]
    wheel_text = distribution.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip().split("-") for line in wheel_text.splitlines() if line.startswith("Tag:")]
    tag = "-".join(".".join(dict.fromkeys(part[i] for part in tags)) for i in range(3))  # py2.py3-none-any
    target = folder / f"{info_dir.removesuffix('.dist-info')}-{tag}.whl"
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    with zipfile.ZipFile(target, "w") as wheel:
        records = []
        for path in distribution.files or []:
            if path.parts[0] == ".." or "__pycache__" in path.parts:
                continue
            if path.parts[0] == info_dir and path.name in skip:
                continue
            source = Path(str(distribution.locate_file(path)))
            if source.is_file():
                wheel.write(source, path.as_posix())
                records.append(f"{path.as_posix()},,")
        records.append(f"{info_dir}/RECORD,,")
        wheel.writestr(f"{info_dir}/RECORD", "\n".join(records) + "\n")


def _seed_wheels() -> list[Path]:
    """The pip and setuptools wheels that virtualenv (a dependency of pre-commit) ships."""
    import virtualenv

    return sorted((Path(virtualenv.__file__).parent / "seed" / "wheels" / "embed").glob("*.whl"))


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True, env=env)
    return done.stdout.strip()


def test_the_generated_pre_commit_config_runs_with_real_pre_commit(tmp_path: Path) -> None:
    """init's pre-commit configuration, pointed at a local clone of this repository (as it would be at
    its address), run by pre-commit: it clones the hook repository, pip-installs planstrategi from
    it into an environment of its own and runs the hook. No network: pip gets the dependencies from a
    folder of wheels packed from this environment (``PIP_NO_INDEX``)."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and this repository's history")
    clone = tmp_path / "planstrategi"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    commit = _git(clone, "rev-parse", "HEAD")
    register = tmp_path / "register"
    requirement = f"planstrategi @ git+{clone.as_uri()}@{commit}"
    args = ["init", str(register), "--municipality", "5025", "--install", requirement]
    assert CliRunner().invoke(app, args, catch_exceptions=False).exit_code == 0
    config = yaml.safe_load((register / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["repo"] == clone.as_uri() and config["repos"][0]["rev"] == commit

    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for distribution in _closure("planstrategi"):
        if distribution.metadata["Name"].lower() != "planstrategi":
            _wheel_from_installed(distribution, wheels)
    for seed in _seed_wheels():
        shutil.copy(seed, wheels)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_CONFIG_FILE": os.devnull,  # none of this machine's indexes or folders
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
    }
    env.pop("GITHUB_ACTIONS", None)  # the hook's own output format: the plain text lines
    _git(register, "init", "-q")
    _git(register, "add", ".")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    passed = subprocess.run(command, cwd=register, env=env, capture_output=True, text=True, encoding="utf-8")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "planstrategi validate" in passed.stdout and "Passed" in passed.stdout

    (register / "data/plans/feil.yaml").write_text("id: feil\ntitle: Feil\n", encoding="utf-8")
    _git(register, "add", ".")
    failed = subprocess.run(command, cwd=register, env=env, capture_output=True, text=True, encoding="utf-8")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "data/plans/feil.yaml:1:1: feil: " in failed.stdout
