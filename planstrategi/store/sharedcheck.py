"""Checks inside the register's shared files that the model's field types cannot express.

``categories.yaml`` and ``municipalities.yaml`` are lists keyed by an id or a number, and the model
takes a list as it comes. A pull request could then slip in a second group ``helse-og-omsorg``
(whose name would win in some places and not in others) or a second ``"3430"``, or set ``home`` to
a municipality the file does not list. Each is an error at the second occurrence (or at ``home``),
naming the line of the first; the file stays loaded, so the rest of the register is still checked.
"""

from __future__ import annotations

from collections.abc import Iterable

from planstrategi.i18n import t
from planstrategi.model import CategoryFile, MunicipalityFile
from planstrategi.model.problems import Problem, Severity, printable
from planstrategi.store.yamlio import Document, Loc


def check(document: Document, shared: CategoryFile | MunicipalityFile) -> list[Problem]:
    """Every duplicate id or number in ``shared``, and a ``home`` it does not list."""
    if isinstance(shared, CategoryFile):
        ids = ((("categories", i, "id"), c.id) for i, c in enumerate(shared.categories))
        return _duplicates(document, ids, "duplicate-category")
    numbers = [(("municipalities", i, "number"), m.number) for i, m in enumerate(shared.municipalities)]
    problems = _duplicates(document, numbers, "duplicate-municipality")
    if shared.home not in {number for _, number in numbers}:
        line, column = document.where(("home",))
        message = t("unknown-home", number=shared.home)
        problems.append(Problem(document.path, line, column, Severity.ERROR, "unknown-municipality", message))
    return problems


def _duplicates(document: Document, keyed: Iterable[tuple[Loc, str]], code: str) -> list[Problem]:
    first: dict[str, Loc] = {}
    problems = []
    for loc, value in keyed:
        if value not in first:
            first[value] = loc  # placed only when a second one turns up
            continue
        line, column = document.where(loc)
        message = t(code, id=printable(value), line=document.where(first[value])[0])
        problems.append(Problem(document.path, line, column, Severity.ERROR, code, message))
    return problems
