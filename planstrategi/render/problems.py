"""Problems as text for people and editors, JSON for scripts, and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from planstrategi.i18n import t
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
        return t("summary.ok", files=files)
    return t("summary.problems", files=files, errors=errors, warnings=len(problems) - errors)


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


#: GitHub keeps 10 error and 10 warning annotations per step and drops the rest, so each file
#: gets its first few (errors first); the others are printed as plain lines (and go to the job summary).
ANNOTATIONS_PER_FILE = 3


def _annotation(p: Problem) -> str:
    command = "error" if p.severity is Severity.ERROR else "warning"
    props = [f"file={_escape_property(p.path)}"]
    if p.line:
        props += [f"line={p.line}", f"col={p.column}"]
    props.append(f"title={_escape_property(p.code)}")
    return f"::{command} {','.join(props)}::{_escape_data(p.message)}"


def github(problems: Sequence[Problem], files: int) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` for the first few problems of each file, errors
    before warnings, then every other problem as a plain ``path:line:col`` line, then the summary."""
    annotated: list[str] = []
    plain: list[str] = []
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    for path, group in by_file.items():
        group = sorted(group, key=lambda p: (p.severity is not Severity.ERROR, p.line, p.column, p.code))
        annotated += [_annotation(p) for p in group[:ANNOTATIONS_PER_FILE]]
        rest = group[ANNOTATIONS_PER_FILE:]
        if rest:
            plain.append(t("ci.more-annotations", path=path, count=len(rest)))
            plain += [line(p) for p in rest]
    return "\n".join([*annotated, *plain, summary(problems, files)]) + "\n"


def _sarif(problems: Sequence[Problem], files: int) -> str:
    from planstrategi.render.sarif import sarif  # only ``--format sarif`` pays for it

    return sarif(problems, files)


RENDERERS = {"text": text, "json": as_json, "github": github, "sarif": _sarif}
