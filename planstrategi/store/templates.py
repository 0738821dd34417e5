"""The pre-commit configuration and the GitHub Actions workflows ``planstrategi init`` gives a new register.

They mirror this project's own ``.pre-commit-config.yaml`` and ``.github/workflows/validate.yml``,
except that a register repository installs planstrategi instead of building it from source: the
same planstrategi that runs ``init`` (``store/install.py`` finds out which). The reminders
workflow has no counterpart here: it runs ``planstrategi remind`` once a month and applies the
actions it prints with ``gh``.
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


#: The official GitHub Pages actions, pinned the same way (read off their repositories at the tag).
UPLOAD_PAGES = "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9  # v5.0.0"
DEPLOY_PAGES = "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128  # v5.0.0"
CONFIGURE_PAGES = "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b  # v5.0.0"
#: The file ``init`` writes the Pages workflow to.
PAGES_PATH = ".github/workflows/planstrategi-site.yml"

_PAGES_WORKFLOW = """\
# Publishes the plan overview as a web site on GitHub Pages (planstrategi site) on every push to
# main. Turn it on once: Settings > Pages > Build and deployment > Source: GitHub Actions.
name: site

on:
  push:
    branches: [main]
  workflow_dispatch:  # and by hand: Actions > site > Run workflow

# Least privilege: nothing at the top; each job asks for what it needs and no more.
permissions: {{}}

# One deployment at a time, each finished: a newer push waits for the one before it.
concurrency:
  group: ${{{{ github.workflow }}}}-${{{{ github.ref }}}}
  cancel-in-progress: false

env:
  # The planstrategi that wrote this file (planstrategi init --install chooses another).
  PLANSTRATEGI: {requirement}

# Actions are pinned to full commit SHAs (a tag can be moved; a commit cannot), the version beside.
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read  # to check out the repository
      pages: read  # to ask Pages for the site's address (its own domain, if it has one)
    steps:
      - uses: {checkout}
        with:
          persist-credentials: false  # no later step pushes; leave no token in .git/config
      - uses: {setup_python}
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - id: pages
        uses: {configure_pages}
      # A register with errors is not published: site prints the problems and the job fails.
      # The address makes each event in planer.ics link to its plan's page on the site.
      - run: planstrategi site --output _site --base-url "$BASE_URL"
        env:
          BASE_URL: ${{{{ steps.pages.outputs.base_url }}}}
      - uses: {upload_pages}
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pages: write  # to publish the site
      id-token: write  # to prove to Pages that this run is this repository's
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: {deploy_pages}
"""


def pages_workflow(install: Install) -> str:
    """The workflow that publishes ``planstrategi site`` on GitHub Pages on every push to main."""
    return _PAGES_WORKFLOW.format(
        requirement=_quoted(install.requirement),
        checkout=CHECKOUT,
        setup_python=SETUP_PYTHON,
        upload_pages=UPLOAD_PAGES,
        deploy_pages=DEPLOY_PAGES,
        configure_pages=CONFIGURE_PAGES,
    )


#: The file ``init`` writes the reminders workflow to, and the day of the month it runs by default.
REMINDERS_PATH = ".github/workflows/planstrategi-reminders.yml"
DEFAULT_REMIND_DAY = 1

_REMINDERS = """\
# Once a month, keeps one GitHub issue per plan that needs action (overdue, expired, due by law
# this year, a deadline within three months): opened, updated, reopened or closed as the
# register says. planstrategi remind decides; this workflow only applies its actions with gh.
# An issue is the plan's by a hidden marker in its body; issues without one are never touched.
name: reminders

on:
  schedule:
    - cron: "17 6 {day} * *"  # 06:17 UTC on day {day} of each month (planstrategi init --remind-day)
  workflow_dispatch:  # and by hand: Actions > reminders > Run workflow

# Least privilege: nothing at the top; the job asks for what it needs and no more.
permissions: {{}}

# One run at a time; a run half-way through its actions finishes, and the next one waits.
concurrency:
  group: ${{{{ github.workflow }}}}-${{{{ github.ref }}}}
  cancel-in-progress: false

env:
  # The planstrategi that wrote this file (planstrategi init --install chooses another).
  PLANSTRATEGI: {requirement}

# Actions are pinned to full commit SHAs (a tag can be moved; a commit cannot), the version beside.
jobs:
  reminders:
    name: Reminder issues
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read  # to check out the register
      issues: write  # to open, edit, reopen, comment on and close the reminder issues
    env:
      GH_TOKEN: ${{{{ github.token }}}}
      GH_REPO: ${{{{ github.repository }}}}
    steps:
      - uses: {checkout}
        with:
          persist-credentials: false  # nothing is pushed; gh gets its token from GH_TOKEN
      - uses: {setup_python}
        with:
          python-version: "3.11"
      - run: python -m pip install "$PLANSTRATEGI"
      - name: The label
        env:
          DESCRIPTION: {description}
        run: gh label create {label} --color 0e8a16 --description "$DESCRIPTION" --force
      - name: What the reminders should be
        shell: bash
        run: |
          set -euo pipefail
          today="$(date -u +%Y-%m-%d)"
          gh issue list --label {label} --state all --limit 1000 \\
            --json number,title,body,state,assignees,labels > "$RUNNER_TEMP/existing.json"
          planstrategi remind --format json --existing "$RUNNER_TEMP/existing.json" --as-of "$today" \\
            > "$RUNNER_TEMP/actions.json"
          # The same in words for the log; plan titles in it come from the register, so the runner
          # is told to take no workflow commands from it.
          token="$(openssl rand -hex 16)"
          echo "::stop-commands::$token"
          planstrategi remind --existing "$RUNNER_TEMP/existing.json" --as-of "$today"
          echo "::$token::"
      - name: Apply them
        shell: bash
        # Every value from the register (titles, bodies, comments) goes from the JSON to gh through
        # files and quoted variables, never into this script's text.
        run: |
          set -uo pipefail
          cd "$RUNNER_TEMP"
          apply() {{
            local kind number title label login url
            kind="$(jq -r '.action' action.json)"
            number="$(jq -r '.number // ""' action.json)"
            title="$(jq -r '.title // ""' action.json)"
            jq -r '.body // ""' action.json > body.md
            jq -r '.comment // ""' action.json > comment.md
            case "$kind" in
              create)
                local args=(--title="$title" --body-file body.md)
                while read -r label; do args+=(--label="$label"); done < <(jq -r '.add_labels[]' action.json)
                url="$(gh issue create "${{args[@]}}")" || return 1
                number="${{url##*/}}"
                ;;
              update)
                if [ -n "$title" ]; then gh issue edit "$number" --title="$title" || return 1; fi
                if [ "$(jq '.body != null' action.json)" = true ]; then
                  gh issue edit "$number" --body-file body.md || return 1
                fi
                while read -r label; do
                  gh issue edit "$number" --add-label="$label" || return 1
                done < <(jq -r '.add_labels[]' action.json)
                ;;
              reopen)
                gh issue reopen "$number" || return 1
                gh issue comment "$number" --body-file comment.md || return 1
                ;;
              close)
                gh issue comment "$number" --body-file comment.md || return 1
                if [ "$(jq -r '.why' action.json)" = no-longer-due ]; then
                  gh issue close "$number" --reason completed || return 1
                else
                  gh issue close "$number" --reason "not planned" || return 1
                fi
                ;;
              *) return 0 ;;
            esac
            # An assignee GitHub refuses (not a collaborator) is worth a warning, not a failed run.
            while read -r login; do
              gh issue edit "$number" --add-assignee="$login" || echo "::warning::#$number: cannot assign $login"
            done < <(jq -r '.add_assignees[]' action.json)
            while read -r login; do
              gh issue edit "$number" --remove-assignee="$login" || echo "::warning::#$number: cannot unassign $login"
            done < <(jq -r '.remove_assignees[]' action.json)
          }}
          failed=0
          count="$(jq '.actions | length' actions.json)"
          for ((i = 0; i < count; i++)); do
            jq ".actions[$i]" actions.json > action.json
            if ! apply; then
              echo "::error::action $i ($(jq -r '.action + " " + .plan' action.json)) failed"
              failed=1
            fi
          done
          exit "$failed"
"""


def reminders_workflow(install: Install, day: int = DEFAULT_REMIND_DAY, label: str = "planstrategi") -> str:
    """The monthly reminders workflow, run on ``day`` (1-28, so every month has it) at 06:17 UTC."""
    from planstrategi.i18n import t

    if not 1 <= day <= 28:
        raise ValueError(day)
    return _REMINDERS.format(
        day=day,
        label=label,
        requirement=_quoted(install.requirement),
        description=_quoted(t("remind.label-description")),
        checkout=CHECKOUT,
        setup_python=SETUP_PYTHON,
    )
