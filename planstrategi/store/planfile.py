"""One plan file as the commands that rewrite it in place see it: its byte-order mark, and the
check of a new text exactly as ``validate`` checks a plan file (the loader, the model, the rules
between its fields)."""

from __future__ import annotations

import codecs
from pathlib import Path

from planstrategi.model import Plan
from planstrategi.model.problems import Problem
from planstrategi.store import modelcheck, plancheck, yamlio


def byte_order_mark(path: Path) -> bytes:
    """The UTF-8 byte-order mark the file starts with, or b"" (yamlio drops it when it decodes)."""
    with path.open("rb") as stream:
        return codecs.BOM_UTF8 if stream.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8 else b""


def check(text: str, shown: str) -> tuple[Plan | None, list[Problem]]:
    """The plan the text holds and every problem validate would report in it (errors and warnings)."""
    document = yamlio.parse(text, shown)
    plan, problems = modelcheck.check(document, Plan)
    found = document.problems + problems
    if plan is not None:
        found += plancheck.check(document, plan)
    return plan, sorted(found, key=Problem.sort_key)
