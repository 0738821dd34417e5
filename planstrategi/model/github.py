"""``data/github-users.yaml``: who a plan's ``responsible`` is on GitHub, for the reminder issues.

The file is optional. Each entry maps one ``responsible`` value, as the plan files write it, to a
GitHub user name (login); ``planstrategi remind`` assigns a plan's reminder issue to that user. A
responsible with no entry gets no assignee. Whether each name is used, and used once, is checked
across files in ``store/register.py``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict, StringConstraints

from planstrategi.model.common import StrictModel, Text

#: A GitHub user name: letters, digits and single hyphens inside, at most 39 characters.
GITHUB_LOGIN_PATTERN = r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$"
GITHUB_LOGIN_MAX = 39

GitHubLogin = Annotated[str, Strict(), StringConstraints(pattern=GITHUB_LOGIN_PATTERN, max_length=GITHUB_LOGIN_MAX)]


class GitHubUser(StrictModel):
    """One responsible (ansvarlig) and the GitHub user who gets the reminders for its plans."""

    responsible: Text = Field(description='The responsible exactly as the plan files write it, e.g. "Kommunedirektør".')
    login: GitHubLogin = Field(description='The GitHub user name, e.g. "kari-nordmann" (without @).')


class GitHubUserFile(StrictModel):
    """``data/github-users.yaml``: the plans' responsibles and their GitHub users."""

    users: list[GitHubUser] = Field(min_length=1, description="One entry per responsible.")
