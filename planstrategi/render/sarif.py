"""Problems as SARIF 2.1.0, the format GitHub code scanning (``upload-sarif``) reads.

One run, one rule per problem code (``id`` = the code, short description and help from the
catalogue), one result per problem. Paths are made relative to the repository root and given
against ``%SRCROOT%``, so code scanning can place them on the right file and line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from planstrategi import __version__
from planstrategi.i18n import CATALOGUE, t
from planstrategi.model.problems import Problem, Severity
from planstrategi.render.ci import Env, blob_url, repo_relative, repository_root

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def information_uri(env: Env | None = None) -> str | None:
    """Where to read about the rules: the README of the repository being checked (the tool lives in it),
    else the project's Homepage from the installed package's metadata."""
    url = blob_url("README.md", env=env)
    if url is not None:
        return url
    from importlib import metadata

    try:
        urls = metadata.metadata("planstrategi").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return next((u.split(",", 1)[1].strip() for u in urls if u.lower().startswith("homepage,")), None)


def _rule_text(prefix: str, code: str) -> str:
    key = f"{prefix}.{code}"
    return t(key) if key in CATALOGUE else code  # a code without catalogue text still gets a rule


def _rule(code: str, severity: Severity) -> dict[str, Any]:
    short = _rule_text("rule", code)
    help_text = _rule_text("rule-help", code)
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _level(severity)},
    }


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _result(problem: Problem, rule_index: int, env: Env | None) -> dict[str, Any]:
    relative = repo_relative(problem.path, env)
    if relative is not None:
        artifact = {"uri": quote(relative), "uriBaseId": "%SRCROOT%"}
    else:  # outside the repository: an absolute file URI, which needs no base
        artifact = {"uri": Path(problem.path).absolute().as_uri()}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if problem.line > 0:  # line 0 means "the whole file"; SARIF then has no region at all
        region: dict[str, int] = {"startLine": problem.line}
        if problem.column > 0:
            region["startColumn"] = problem.column
        physical["region"] = region
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": _level(problem.severity),
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": physical}],
    }


def sarif_log(problems: Sequence[Problem], env: Env | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    severity: dict[str, Severity] = {}
    for p in problems:  # a code is an error if any of its problems is
        if severity.get(p.code) is not Severity.ERROR:
            severity[p.code] = p.severity
    codes = sorted(severity)
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, Any] = {"name": "planstrategi", "version": __version__, "semanticVersion": __version__}
    uri = information_uri(env)
    if uri is not None:
        driver["informationUri"] = uri
    driver["rules"] = [_rule(code, severity[code]) for code in codes]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                # Where %SRCROOT% is on this machine, for viewers other than GitHub's.
                "originalUriBaseIds": {"%SRCROOT%": {"uri": repository_root(env).as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(p, index[p.code], env) for p in problems],
            }
        ],
    }


def sarif(problems: Sequence[Problem], files: int) -> str:
    """The renderer ``--format sarif`` uses: the SARIF log as indented JSON."""
    return json.dumps(sarif_log(problems), ensure_ascii=False, indent=2) + "\n"
