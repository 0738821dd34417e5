"""JSON for scripts: one object with the report's metadata and its rows, stable key order.

Shape (documented in the README)::

    {"report": "due", "as_of": "2025-03-01", "year": 2025, "language": "nb", "filters": {},
     "counts": {...}, "rows": [{"id": …, "title": …, "urgency": "overdue", "reasons": […]}, …]}

Keys are English; values are as in the data ("gjeldende", "reglement"); texts meant for people
(``reasons[].text``, ``category_name``) are in the report's language. ``show`` writes the plan
as in its file under ``plan`` instead of rows. Strict JSON (``safety.json_text``): no NaN, valid UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planstrategi.render import safety
from planstrategi.render.report import Report


def document(report: Report) -> dict[str, Any]:
    """The report as one JSON-ready dict."""
    body: dict[str, Any] = dict(report.meta)
    if report.data is not None:
        body.update(report.data)
    else:
        for table in report.tables:
            # The rows as they are when they are dicts already (a copy of 36,000 is memory for nothing).
            body[table.key] = [row if type(row) is dict else dict(row) for row in table.rows]
    return body


def render(report: Report) -> str:
    return safety.json_text(document(report)) + "\n"


def pieces(report: Report) -> Iterator[str]:
    """``render(report)`` in pieces, for a large report written as it is encoded."""
    yield from safety.json_pieces(document(report))
    yield "\n"
