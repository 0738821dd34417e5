"""Problems as SARIF 2.1.0, the format GitHub code scanning (``upload-sarif``) reads.

One run. The rules are the same in every run: one per problem code the tool has (``id`` = the
code; short description and help from the catalogue, in the user's language; a help URI into the
README's list of codes), so an alert keeps its rule when a run has none of it. One result per
problem, each with a region (line 1 for a problem with the whole file; the end where the node is a
single key or value) and a ``partialFingerprints`` entry made from the file, the code and the key
path the problem sits at, so an alert stays the same alert when lines above it move. Paths are
relative to the repository root, given against ``%SRCROOT%``. Written as strict JSON by
``safety.json_text`` (valid UTF-8 whatever the file names, no NaN).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from planstrategi import __version__
from planstrategi.i18n import CATALOGUE, t
from planstrategi.model.problems import Problem, Severity
from planstrategi.render import safety
from planstrategi.render.ci import Env, blob_url, repo_relative, repository_root

if TYPE_CHECKING:
    from planstrategi.store.keypaths import Spot

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

#: The codes whose problems are warnings; every other code is an error (a rule's default level).
WARNING_CODES = frozenset(
    {
        "ignored-file",
        "expired-unplanned",
        "revision-year",
        "adopted-after-validity",
        "reserved-file-name",
        "long-file-name",
    }
)

#: The README section that lists every problem code; each rule's ``helpUri`` points there.
CODES_ANCHOR = "problem-codes"

#: The name of the fingerprint in ``partialFingerprints``; the ``/v1`` changes if its recipe does.
FINGERPRINT = "planstrategi/v1"

Locate = Callable[[Problem], "Spot | None"]


def rule_codes(extra: Sequence[str] = ()) -> list[str]:
    """Every problem code with catalogue text, sorted, then any other code in ``extra``."""
    codes = sorted(key.split(".", 1)[1] for key in CATALOGUE if key.startswith("rule."))
    return codes + sorted(set(extra) - set(codes))


def information_uri(env: Env | None = None) -> str | None:
    """Where to read about the rules (planstrategi's README): on GitHub at the commit this copy was
    installed from; else in the repository being checked, when that is planstrategi's own; else the
    project's Homepage from the installed package's metadata."""
    from planstrategi.store import install

    try:
        chosen = install.detect()
    except install.Unreachable:
        chosen = None
    if (
        chosen is not None
        and chosen.hook_repo
        and chosen.hook_rev
        and chosen.hook_repo.startswith("https://github.com/")
    ):
        return f"{chosen.hook_repo.removesuffix('.git')}/blob/{chosen.hook_rev}/README.md"
    if (repository_root(env) / "planstrategi" / "__init__.py").is_file():
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


def _rule(code: str, help_uri: str | None) -> dict[str, Any]:
    short = _rule_text("rule", code)
    help_text = _rule_text("rule-help", code)
    rule: dict[str, Any] = {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": "warning" if code in WARNING_CODES else "error"},
    }
    if help_uri is not None:
        rule["helpUri"] = help_uri
    return rule


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _fingerprint(relative: str, problem: Problem, spot: Spot | None, seen: dict[str, int]) -> str:
    """sha256 of the file, the code and the key path (the position only where the file has no
    structure to name), then ``:n`` for the n-th problem with the same three, as GitHub numbers its own."""
    where = spot.text if spot is not None else ("" if problem.line == 0 else f"@{problem.line}:{problem.column}")
    key = "\0".join((relative, problem.code, where)).encode("utf-8", "surrogateescape")
    digest = hashlib.sha256(key).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _result(
    problem: Problem, rule_index: int, env: Env | None, spot: Spot | None, seen: dict[str, int]
) -> dict[str, Any]:
    relative = repo_relative(problem.path, env)
    if relative is not None:
        artifact = {"uri": quote(relative, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}
    else:  # outside the repository: an absolute file URI, which needs no base
        artifact = {"uri": Path(problem.path).absolute().as_uri()}
    # Every result has a region: GitHub needs one to show it; a problem with the whole file is on line 1.
    region: dict[str, int] = {"startLine": max(problem.line, 1)}
    if problem.column > 0:
        region["startColumn"] = problem.column
    if spot is not None and spot.end_line is not None and spot.end_column is not None:
        region["endLine"] = spot.end_line
        region["endColumn"] = spot.end_column
    result: dict[str, Any] = {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": _level(problem.severity),
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {FINGERPRINT: _fingerprint(relative or artifact["uri"], problem, spot, seen)},
    }
    return result


def sarif_log(problems: Sequence[Problem], env: Env | None = None, locate: Locate | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict; ``locate`` finds each problem's node (none: no key paths)."""
    codes = rule_codes([p.code for p in problems])
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, Any] = {"name": "planstrategi", "version": __version__, "semanticVersion": __version__}
    uri = information_uri(env)
    if uri is not None:
        driver["informationUri"] = uri
    help_uri = f"{uri}#{CODES_ANCHOR}" if uri is not None and uri.endswith("README.md") else None
    driver["rules"] = [_rule(code, help_uri) for code in codes]
    seen: dict[str, int] = {}
    results = [_result(p, index[p.code], env, locate(p) if locate else None, seen) for p in problems]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                # Where %SRCROOT% is on this machine, for viewers other than GitHub's.
                "originalUriBaseIds": {"%SRCROOT%": {"uri": repository_root(env).as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def sarif(problems: Sequence[Problem], files: int) -> str:
    """The renderer ``--format sarif`` uses: the SARIF log as indented JSON, key paths read from the files."""
    from planstrategi.store import keypaths

    finder = keypaths.Finder()
    log = sarif_log(problems, locate=lambda p: finder.spot(p.path, p.line, p.column))
    return safety.json_text(log) + "\n"
