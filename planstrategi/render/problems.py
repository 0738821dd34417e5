"""Problems as text for people and editors, JSON for scripts, and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from planstrategi.i18n import t, tn
from planstrategi.model.problems import Problem, Severity


def _where(problem: Problem) -> str:
    if problem.line:
        return f"{problem.path}:{problem.line}:{problem.column}"
    return problem.path


def line(problem: Problem) -> str:
    """``path:line:col: error: message [code]``, the form editors and CI understand."""
    return f"{_where(problem)}: {t('severity.' + problem.severity.value)}: {problem.message} [{problem.code}]"


def text(problems: Sequence[Problem], files: int) -> str:
    """One ``line`` per problem, then a summary."""
    return "\n".join([*map(line, problems), summary(problems, files)]) + "\n"


def summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many files were checked and how many errors and warnings were found."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if not problems:
        return t("summary.ok", files=tn("count.files", files))
    warnings = len(problems) - errors
    return t(
        "summary.problems",
        files=tn("count.files", files),
        errors=tn("count.errors", errors),
        warnings=tn("count.warnings", warnings),
    )


def as_json(problems: Sequence[Problem], files: int) -> str:
    """``{"files": N, "errors": N, "warnings": N, "problems": [{path, line, column, severity, code, message}]}``."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    document = {
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.to_dict() for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    # GitHub's workflow-command escaping: the message is data, the properties are stricter.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


#: GitHub shows at most 10 error and 10 warning annotations per step (50 per job) and drops the rest,
#: so the tool emits no more than that: the most important first, the others as plain lines.
ANNOTATIONS_PER_SEVERITY = 10


def _by_importance(problems: Sequence[Problem]) -> list[Problem]:
    """Errors before warnings; within each, one problem per file before a second from any file (so
    ten broken files get an annotation each rather than one file ten), then by position."""
    seen: dict[tuple[str, Severity], int] = {}
    keyed: list[tuple[tuple[bool, int, tuple[str, int, int, str]], Problem]] = []
    for p in sorted(problems, key=Problem.sort_key):
        rank = seen[p.path, p.severity] = seen.get((p.path, p.severity), -1) + 1  # its place in its file
        keyed.append(((p.severity is not Severity.ERROR, rank, p.sort_key()), p))
    return [p for _, p in sorted(keyed, key=lambda pair: pair[0])]


def _annotation(p: Problem) -> str:
    command = "error" if p.severity is Severity.ERROR else "warning"
    props = [f"file={_escape_property(p.path)}"]
    if p.line:
        props += [f"line={p.line}", f"col={p.column}"]
    props.append(f"title={_escape_property(p.code)}")
    return f"::{command} {','.join(props)}::{_escape_data(p.message)}"


def github(problems: Sequence[Problem], files: int) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` for the most important problems, at most
    ``ANNOTATIONS_PER_SEVERITY`` errors and as many warnings (see ``_by_importance``); then every other
    problem as a plain ``path:line:col`` line under a count for its file, then the summary."""
    annotated: list[Problem] = []
    plain: list[Problem] = []
    for p in _by_importance(problems):
        same = sum(a.severity is p.severity for a in annotated)
        (annotated if same < ANNOTATIONS_PER_SEVERITY else plain).append(p)
    lines = [_annotation(p) for p in annotated]
    rest: dict[str, list[Problem]] = {}
    for p in sorted(plain, key=lambda p: (p.path, p.severity is not Severity.ERROR, p.line, p.column, p.code)):
        rest.setdefault(p.path, []).append(p)
    for path, group in rest.items():
        lines.append(t("ci.more-annotations", path=path, count=len(group)))
        lines += [line(p) for p in group]
    return "\n".join([*lines, summary(problems, files)]) + "\n"


def _sarif(problems: Sequence[Problem], files: int) -> str:
    from planstrategi.render.sarif import sarif  # only ``--format sarif`` pays for it

    return sarif(problems, files)


RENDERERS = {"text": text, "json": as_json, "github": github, "sarif": _sarif}
