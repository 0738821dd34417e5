"""The GitHub Actions job summary: every problem as Markdown, grouped by file, linked to its line.

Annotations are capped by GitHub (10 errors and 10 warnings per step, 50 per job); the summary
is not, so it carries the full list. Everything from the data passes ``safety.markdown``: HTML,
the table's ``|``, Markdown punctuation, line breaks (CR too), control characters and bytes of a
file name that are not UTF-8, and ``@`` (so a value like ``@kommunestyret`` notifies nobody).
``append`` writes it to ``$GITHUB_STEP_SUMMARY``; a failure to write is reported, never raised,
so it cannot hide the result of the run.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from planstrategi.i18n import t, tn
from planstrategi.model.problems import Problem
from planstrategi.render import safety
from planstrategi.render.ci import Env, blob_url, step_summary_path
from planstrategi.render.problems import summary as summary_line


def escape(text: str) -> str:
    """Text from the data made inert in GitHub Markdown (no HTML, no tables broken, no @mentions)."""
    return safety.markdown(text)


def _link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


#: GitHub refuses a step summary over 1 MiB (and then shows none); stop short of it.
SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024


def markdown(
    problems: Sequence[Problem], files: int, title: str, env: Env | None = None, limit: int = SUMMARY_LIMIT
) -> str:
    """The summary: a heading, the one-line count, then one table per file with every problem.

    Should the tables outgrow ``limit`` bytes (tens of thousands of problems), the rest is counted
    in a last line instead; the log has every problem anyway.
    """
    parts = [f"## {escape(title)}", "", safety.markdown(summary_line(problems, files), block=True), ""]
    size = sum(len(part.encode("utf-8")) + 1 for part in parts)
    header = (
        f"| {t('ci.summary-line')} | {t('ci.summary-severity')} | {t('ci.summary-code')} | {t('ci.summary-message')} |"
    )
    ordered = sorted(problems, key=Problem.sort_key)
    shown = 0
    for path, group in itertools.groupby(ordered, key=lambda p: p.path):
        file_url = blob_url(path, env=env)
        block = [f"### {_link(escape(path), file_url)}", "", header, "| ---: | --- | --- | --- |"]
        for p in group:
            where = f"{p.line}:{p.column}" if p.line else "–"
            if p.line and file_url:
                where = f"[{where}]({file_url}#L{p.line})"
            block.append(f"| {where} | {t('severity.' + p.severity.value)} | `{p.code}` | {escape(p.message)} |")
        block.append("")
        block_size = sum(len(line.encode("utf-8")) + 1 for line in block)
        if size + block_size > limit:
            break
        parts += block
        size += block_size
        shown += len(block) - 5
    if shown < len(ordered):
        parts += [safety.markdown(tn("ci.summary-truncated", len(ordered) - shown), block=True), ""]
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
