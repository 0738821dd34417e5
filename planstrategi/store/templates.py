"""The pre-commit configuration and the GitHub Actions workflow ``planstrategi init`` gives a new register.

They mirror this project's own ``.pre-commit-config.yaml`` and ``.github/workflows/validate.yml``,
except that a register repository installs planstrategi instead of building it from source.
"""

from __future__ import annotations

from planstrategi import __version__

PRE_COMMIT_CONFIG = """\
# Checks the register before each commit. Once: pip install pre-commit && pre-commit install
# The hook runs the planstrategi installed on this machine (pip install planstrategi). Once
# planstrategi is in a git repository you can reach, its own hook works without that:
#   - repo: <address of the planstrategi repository>
#     rev: <a tag>
#     hooks:
#       - id: planstrategi-validate
repos:
  - repo: local
    hooks:
      - id: planstrategi-validate
        name: planstrategi validate
        entry: planstrategi validate
        language: system
        pass_filenames: false
        files: \\.ya?ml$
"""

_WORKFLOW = """\
# Checks the register on every push and pull request; on a pull request it also writes what
# changed, in a planner's terms, into the job summary and as a comment on the pull request.
name: validate

on:
  pull_request:
  push:

permissions:
  contents: read

env:
  # Where to install planstrategi from; a git address works too ("planstrategi @ git+https://…").
  PLANSTRATEGI: "planstrategi=={version}"

jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - run: planstrategi validate --format github

  diff:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write  # only this job comments
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # planstrategi diff needs the base branch and its history
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - name: What changed
        env:
          BASE_REF: ${{{{ github.base_ref }}}}
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


def workflow() -> str:
    """The workflow for a register repository, pinned to this version of planstrategi."""
    return _WORKFLOW.format(version=__version__)
