"""The GitHub Actions job summary: every problem as Markdown, grouped by file, linked to its line.

Annotations are capped by GitHub (10 errors and 10 warnings per step, 50 per job); the summary
is not, so it carries the full list. Everything from the data is escaped: HTML, the table's
``|``, Markdown punctuation, and ``@`` (so a value like ``@kommunestyret`` notifies nobody).
``append`` writes it to ``$GITHUB_STEP_SUMMARY``; a failure to write is reported, never raised,
so it cannot hide the result of the run.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence

from planstrategi.ci import Env, blob_url, step_summary_path
from planstrategi.messages import t
from planstrategi.problems import Problem
from planstrategi.render.problems import summary as summary_line

# Inline Markdown that could change how a message reads; block syntax (#, -, >) cannot start a
# table cell or the lines written here. < and > are HTML-escaped before this.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Text from the data made inert in GitHub Markdown (no HTML, no tables broken, no @mentions)."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))
    escaped = escaped.replace("@", "@&#8203;")  # a zero-width space after @ breaks the mention
    return " ".join(escaped.splitlines())


def _link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


def markdown(problems: Sequence[Problem], files: int, title: str, env: Env | None = None) -> str:
    """The summary: a heading, the one-line count, then one table per file with every problem."""
    parts = [f"## {escape(title)}", "", escape(summary_line(problems, files)), ""]
    header = (
        f"| {t('ci.summary-line')} | {t('ci.summary-severity')} | {t('ci.summary-code')} | {t('ci.summary-message')} |"
    )
    ordered = sorted(problems, key=Problem.sort_key)
    for path, group in itertools.groupby(ordered, key=lambda p: p.path):
        parts += [f"### {_link(escape(path), blob_url(path, env=env))}", "", header, "| ---: | --- | --- | --- |"]
        for p in group:
            where = f"{p.line}:{p.column}" if p.line else "–"
            where = _link(where, blob_url(path, p.line, env)) if p.line else where
            severity = t("severity." + p.severity.value)
            parts.append(f"| {where} | {severity} | `{p.code}` | {escape(p.message)} |")
        parts.append("")
    return "\n".join(parts) + "\n"


def append(text: str, env: Env | None = None) -> str | None:
    """Append ``text`` to ``$GITHUB_STEP_SUMMARY``; None on success, else a warning for stderr."""
    path = step_summary_path(env)
    if path is None:
        return t("ci.summary-unset")
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        return t("ci.summary-failed", path=path, reason=exc.strerror or type(exc).__name__)
    return None
