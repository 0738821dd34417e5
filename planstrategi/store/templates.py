"""The pre-commit configuration and the GitHub Actions workflow ``planstrategi init`` gives a new register.

They mirror this project's own ``.pre-commit-config.yaml`` and ``.github/workflows/validate.yml``,
except that a register repository installs planstrategi instead of building it from source: the
same planstrategi that runs ``init`` (``store/install.py`` finds out which).
"""

from __future__ import annotations

import json

from planstrategi.store.install import Install

_PRE_COMMIT_HOOK_REPO = """\
# Checks the register before each commit. Once: pip install pre-commit && pre-commit install
# pre-commit installs planstrategi itself from its own hook repository, at the commit or tag
# below (the one planstrategi init chose and named); nothing else needs to be installed.
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: planstrategi-validate
"""

_PRE_COMMIT_LOCAL = """\
# Checks the register before each commit. Once: pip install pre-commit && pre-commit install
# pre-commit installs planstrategi itself into an environment of its own, from the requirement
# below (the one planstrategi init chose and named).
repos:
  - repo: local
    hooks:
      - id: planstrategi-validate
        name: planstrategi validate
        entry: planstrategi validate
        language: python
        additional_dependencies: [{requirement}]
        pass_filenames: false
        files: \\.ya?ml$
"""


def pre_commit_config(install: Install) -> str:
    """The pre-commit configuration: the project's hook repository when the install names one, else
    a local hook that pip-installs the same requirement as the workflow."""
    if install.hook_repo and install.hook_rev:
        return _PRE_COMMIT_HOOK_REPO.format(repo=_quoted(install.hook_repo), rev=_quoted(install.hook_rev))
    return _PRE_COMMIT_LOCAL.format(requirement=_quoted(install.requirement))


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


#: The actions the workflow uses, pinned to full commit SHAs (a tag can be moved, a commit cannot);
#: the same as in this project's own workflow. Each was read off the action's repository at that tag.
CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1  # v7.0.1"
SETUP_PYTHON = "actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97  # v7.0.0"

_WORKFLOW = """\
# Checks the register on every push and pull request; on a pull request it also writes what
# changed, in a planner's terms, into the job summary and as a comment on the pull request.
name: validate

on:
  pull_request:
  push:

# Least privilege: nothing at the top; each job asks for what it needs and no more.
permissions: {{}}

# A newer push to the same branch or pull request makes the older run pointless.
concurrency:
  group: ${{{{ github.workflow }}}}-${{{{ github.ref }}}}
  cancel-in-progress: true

env:
  # The planstrategi that wrote this file (planstrategi init --install chooses another).
  PLANSTRATEGI: {requirement}

# Actions are pinned to full commit SHAs (a tag can be moved; a commit cannot), the version beside.
jobs:
  validate:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read  # to check out the repository
    steps:
      - uses: {checkout}
        with:
          persist-credentials: false  # no later step pushes; leave no token in .git/config
      - uses: {setup_python}
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - run: planstrategi validate --format github

  diff:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read  # to check out the repository
      pull-requests: write  # only this job comments
    steps:
      - uses: {checkout}
        with:
          fetch-depth: 0  # planstrategi diff needs the base branch and its history
          persist-credentials: false  # gh gets its token from GH_TOKEN below, not from git
      - uses: {setup_python}
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - name: What changed
        env:
          BASE_REF: ${{{{ github.base_ref }}}}  # through the environment, never pasted into the script
        run: |
          planstrategi diff "origin/$BASE_REF" --format markdown > diff.md
          cat diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment on the pull request
        # A pull request from a fork gets a read-only token: the job summary has the diff.
        if: github.event.pull_request.head.repo.full_name == github.repository
        env:
          GH_TOKEN: ${{{{ github.token }}}}
          PR: ${{{{ github.event.pull_request.number }}}}
        run: gh pr comment "$PR" --edit-last --body-file diff.md || gh pr comment "$PR" --body-file diff.md
"""


def workflow(install: Install) -> str:
    """The workflow for a register repository, installing the planstrategi ``install`` names."""
    return _WORKFLOW.format(requirement=_quoted(install.requirement), checkout=CHECKOUT, setup_python=SETUP_PYTHON)
