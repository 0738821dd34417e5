"""Problems as text for people and editors, JSON for scripts, and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from planstrategi.messages import t
from planstrategi.problems import Problem, Severity


def _where(problem: Problem) -> str:
    if problem.line:
        return f"{problem.path}:{problem.line}:{problem.column}"
    return problem.path


def text(problems: Sequence[Problem], files: int) -> str:
    """``path:line:col: error: message [code]``, the form editors and CI understand; then a summary."""
    lines = [f"{_where(p)}: {t('severity.' + p.severity.value)}: {p.message} [{p.code}]" for p in problems]
    return "\n".join([*lines, summary(problems, files)]) + "\n"


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


def github(problems: Sequence[Problem], files: int) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` lines for GitHub Actions."""
    lines = []
    for p in problems:
        command = "error" if p.severity is Severity.ERROR else "warning"
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(p.code)}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(p.message)}")
    return "\n".join([*lines, summary(problems, files)]) + "\n"


RENDERERS = {"text": text, "json": as_json, "github": github}
