"""``import --preview``: what each row of the table becomes, two lines per plan, at any width.

The first line gives where the row is, the title, and the file it becomes with what happens to
it (new, changed by ``--update``, unchanged); the second the group, kind, adoption and
revisions. Plain text, so a narrow terminal, a pipe and a Word document all show it the same.
"""

from __future__ import annotations

from typing import Any

from planstrategi.i18n import t
from planstrategi.model.problems import printable


def revisions_text(revisions: list[dict[str, Any]]) -> str:
    """``2024–2025, 2027 (vedtatt)``: each revision's work years and target, and a state other than planned."""
    parts = []
    for revision in revisions:
        first = revision.get("work_from")
        years = f"{first}–{revision['target']}" if first is not None else str(revision["target"])
        state = revision.get("state")
        parts.append(f"{years} ({state})" if state else years)
    return ", ".join(parts)


def preview(rows: list[tuple[str, str, dict[str, Any], str]]) -> str:
    """The preview of ``rows``: (place in the file, plan file, plan data, what happens to the file)."""
    width = max((len(place) for place, _, _, _ in rows), default=0)
    lines: list[str] = []
    for place, file, data, what in rows:
        title = printable(str(data.get("title", "")), 120)
        lines.append(f"{place.ljust(width)}  {title}  ->  {file} ({what})")
        parts = [t("importx.preview-category", category=data.get("category") or "–"), str(data.get("kind", ""))]
        adopted = data.get("adopted")
        parts.append(
            t("importx.preview-adopted", adopted=adopted) if adopted is not None else t("importx.preview-draft")
        )
        revisions = revisions_text(data.get("revisions", []))
        if revisions:
            parts.append(t("importx.preview-revisions", revisions=revisions))
        cadence = data.get("cadence", {}).get("rule")
        if cadence:
            parts.append(str(cadence))
        lines.append(" " * (width + 2) + " · ".join(parts))
    return "".join(line + "\n" for line in lines)
