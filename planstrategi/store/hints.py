"""The "did you mean" of ``validate``: what a planner most likely meant to write.

Three kinds of slip, each answered from data rather than guessed at:

* a key that is not a field: a Norwegian word the glossary knows (``merknad`` -> ``remarks``),
  else the closest field name (``categroy`` -> ``category``), else a near Norwegian word;
* a date written the Norwegian way (``18.11.2021``, ``18. november 2021``) -> ``2021-11-18``;
* a closed value in the wrong case or with spaces (``Gjeldende``, ``under revisjon``), or close
  to one (``utgatt``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence

from planstrategi.model import glossary

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jan"),
            ("februar", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$")
_WORDED = re.compile(r"^\s*(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\s*$")


def field_for_key(key: str, fields: Sequence[str]) -> str | None:
    """The field of ``fields`` that ``key`` most likely stands for, or None."""
    if not fields:
        return None
    for candidate in glossary.fields_for(key):
        if candidate in fields:
            return candidate
    close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
    if close:
        return close[0]
    lowered = key.lower()
    if lowered in fields:
        return lowered
    for word in difflib.get_close_matches(lowered.replace("_", " "), glossary.words(), n=3, cutoff=0.8):
        for candidate in glossary.fields_for(word):
            if candidate in fields:
                return candidate
    return None


def norwegian_date(value: object) -> dt.date | None:
    """The date in ``18.11.2021``, ``18/11/2021`` or ``18. november 2021``, or None.

    Only with a four-digit year: ``18.11.21`` could be 1921 or 2021, and a guess would be worse than
    the plain "write it as YYYY-MM-DD" the message already gives."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    numeric = _NUMERIC.match(value)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
    else:
        worded = _WORDED.match(value.lower())
        if not worded or worded.group(2) not in _MONTHS:
            return None
        day, month, year = int(worded.group(1)), _MONTHS[worded.group(2)], int(worded.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def allowed_value(value: object, allowed: Sequence[str]) -> tuple[str, str] | None:
    """How ``value`` comes close to one of ``allowed``: ("case", v), ("form", v), ("close", v) or None.

    "case": the same word in other letters' case (``Gjeldende``); "form": the same once spaces and
    underscores are hyphens (``Under revisjon``); "close": a near spelling (``utgatt``)."""
    if not isinstance(value, str) or not allowed or len(value) > 60:
        return None
    if value.strip().lower() in allowed:
        return "case", value.strip().lower()
    formed = "-".join(value.strip().lower().replace("_", " ").split())
    if formed in allowed:
        return "form", formed
    close = difflib.get_close_matches(formed, list(allowed), n=1, cutoff=0.7)
    return ("close", close[0]) if close else None
