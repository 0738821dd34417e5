"""Validate one document against its model and say what is wrong in the planner's words.

Pydantic's errors are translated into Problems with a code, a message from the catalogue and the
line and column of the offending key or value (looked up only when something is wrong). A value is
named by where it stands (``revisjon 1, år``); a misspelt key is one problem, with the field it
most likely means (``hints``), and the "missing key" for that field is not said as well.
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from planstrategi.i18n import CATALOGUE, t
from planstrategi.model import common
from planstrategi.model.github import GITHUB_LOGIN_PATTERN
from planstrategi.model.problems import Problem, Severity, printable
from planstrategi.store import hints, yamlio
from planstrategi.store.yamlio import Document, Loc

M = TypeVar("M", bound=BaseModel)

_YEAR_KEYS = frozenset(
    {"year", "adopted", "valid_from", "valid_to", "work_from", "work_to", "election_year"}
    | {"baseline_year", "target_year", "population_year"}
)


def check(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The model instance, or None and the problems that stop it (at most MAX_PROBLEMS_PER_FILE, then
    one that counts the rest)."""
    instance, problems, hidden = check_counted(document, model)
    return instance, yamlio.cap(problems, hidden) if hidden else problems


def check_counted(document: Document, model: type[M]) -> tuple[M | None, list[Problem], int]:
    """As ``check``, with the problems past the cap counted instead of made: (instance, problems, hidden).

    Only the first problems are translated and placed; the rest cost one step each, so a file of
    100,000 wrong values is as quick to report as one of a hundred.
    """
    data = document.data
    if not isinstance(data, dict):
        actual = _describe(data)
        problem = Problem(document.path, 1, 1, Severity.ERROR, "not-a-mapping", t("not-a-mapping", actual=actual))
        return None, [problem], 0
    try:
        return model.model_validate(data), [], 0
    except ValidationError as exc:
        problems, hidden = _translate(document, model, exc)
        return None, problems, hidden


def _translate(document: Document, model: type[BaseModel], exc: ValidationError) -> tuple[list[Problem], int]:
    already = document.found_at | {(p.line, p.column) for p in document.problems}  # a trap the loader reported
    room = yamlio.MAX_PROBLEMS_PER_FILE - len(document.problems)
    seen: set[Loc] = set()
    errors: list[tuple[Loc, Any]] = []
    for error in exc.errors(include_url=False):
        loc = _data_loc(document.data, error["loc"], error["type"])
        if loc not in seen:  # a union reports one error per member; one message is enough
            seen.add(loc)
            errors.append((loc, error))
    meant = _meant_fields(model, errors)
    problems: list[Problem] = []
    hidden = 0
    for loc, error in errors:
        if error["type"] == "missing" and loc in meant.values():
            continue  # the misspelt key's "did you mean" says it: one problem, not two
        if len(problems) >= room:  # counted, not made; placed only to tell a trap already reported
            if not document.found_at or document.where(loc) not in already:
                hidden += 1
            continue
        code, message = _message(model, loc, error, meant)
        line, column = document.where(loc, key=code in {"unknown-key", "missing-key"})
        if code == "missing-key":
            line, column = document.where(loc[:-1])
        if (line, column) in already:
            continue
        problems.append(Problem(document.path, line, column, Severity.ERROR, code, message))
    return problems, hidden


#: How many unknown keys are matched against the missing fields; past that, a file is not a slip.
_MATCHED_KEYS = 200


def _meant_fields(model: type[BaseModel], errors: list[tuple[Loc, Any]]) -> dict[Loc, Loc]:
    """For each unknown key that stands for a missing field (``categroy`` for ``category``, ``tittel``
    for ``title``): the key's location -> the missing field's location."""
    missing = {loc for loc, error in errors if error["type"] == "missing" and loc}
    if not missing:
        return {}
    parents = {loc[:-1] for loc in missing}
    meant: dict[Loc, Loc] = {}
    unknown = [loc for loc, e in errors if e["type"] in _UNKNOWN and loc and loc[:-1] in parents]
    for loc in unknown[:_MATCHED_KEYS]:
        field = hints.field_for_key(str(loc[-1]), _fields_at(model, loc[:-1]))
        if field is None:
            continue
        target: Loc = (*loc[:-1], field)
        if target in missing and target not in meant.values():
            meant[loc] = target
    return meant


def _data_loc(data: Any, raw: tuple[str | int, ...], kind: str) -> Loc:
    """Pydantic's error location with the steps that are not in the file left out.

    Pydantic adds union members and validator names ("constrained-int", "date") to a location;
    following the data tells them from keys, so a field that is really called ``date`` is kept.
    """
    loc: list[str | int] = []
    current = data
    for index, step in enumerate(raw):
        in_dict = isinstance(current, dict) and step in current
        in_list = isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current)
        if in_dict or in_list:
            current = current[step]
        elif not (kind == "missing" and index == len(raw) - 1):
            continue
        loc.append(step)
    return tuple(loc)


_UNKNOWN = frozenset({"extra_forbidden", "invalid_key"})  # invalid_key: a key that is not text, such as 1
_DATE_KEYS = frozenset({"adopted", "target", "postponed_from", "date", "constituted"})  # may be a date
_TAKES_DATE = frozenset({"adopted"})  # a year field that takes a whole date too: no date-as-year for it


def _message(model: type[BaseModel], loc: Loc, error: Any, meant: dict[Loc, Loc]) -> tuple[str, str]:
    kind: str = error["type"]
    key = place(loc)
    name = next((str(step) for step in reversed(loc) if isinstance(step, str)), key)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in _UNKNOWN:
        hint = _field_hint(model, loc, meant.get(loc))
        return "unknown-key", t("unknown-key", key=printable(name), hint=hint)
    if kind == "missing":
        return "missing-key", t("missing-key", key=name)
    if isinstance(value, dt.date) and name in _YEAR_KEYS and name not in _TAKES_DATE:
        return "date-as-year", t("date-as-year", key=key, value=value.isoformat(), year=value.year)
    if kind in {"greater_than_equal", "less_than_equal"} and name in _YEAR_KEYS:
        return "year-range", t("year-range", key=key, value=value, low=common.MIN_YEAR, high=common.MAX_YEAR)
    if kind.endswith("_type") or kind.startswith("date_"):
        expected = _expected("date_type" if kind.startswith("date_") else kind, name)
        hint = t("hint.quote", value=value) if kind == "string_type" and isinstance(value, int | float) else ""
        return "wrong-type", t("wrong-type", key=key, expected=expected, actual=_describe(value)) + (
            hint or _date_hint(name, value)
        )
    why = _why(kind, ctx, error) + (_enum_hint(value, ctx) if kind == "enum" else "")
    return "invalid-value", t("invalid-value", key=key, value=_show(value), why=why)


def _date_hint(name: str, value: Any) -> str:
    """``18.11.2021`` where a date belongs: "write it as 2021-11-18"; where a year belongs: "write 2021"."""
    date = hints.norwegian_date(value)
    if date is None or (name not in _DATE_KEYS and name not in _YEAR_KEYS):
        return ""
    if name in _DATE_KEYS:
        return t("hint.iso-date", date=date.isoformat())
    return t("hint.year-of-date", year=date.year)


def _enum_hint(value: Any, ctx: dict[str, Any]) -> str:
    allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    found = hints.allowed_value(value, allowed)
    if found is None:
        return ""
    how, wanted = found
    return t({"case": "hint.lower-case", "form": "hint.write-as", "close": "did-you-mean"}[how], name=wanted)


def place(loc: Loc) -> str:
    """Where a value stands, in the planner's words: a key at the top of the file as it is written
    (``adopted``), a value further in by what holds it (``revisjon 1, år``, not ``revisions.0.year``)."""
    if not loc:
        return t("place.the-file")
    if len(loc) == 1:
        return printable(str(loc[0]))
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            if parts:
                parts[-1] = f"{parts[-1]} {step + 1}"
            else:
                parts.append(str(step + 1))
            continue
        label = f"place.{step}"
        parts.append(t(label) if label in CATALOGUE else printable(str(step)))
    return ", ".join(parts)


def _expected(kind: str, name: str) -> str:
    if name in {"adopted", "target", "postponed_from"}:
        return t("type.year-or-date")
    if kind == "int_type" and name in _YEAR_KEYS:
        return t("type.year")
    table = {
        "string_type": "type.text",
        "int_type": "type.int",
        "float_type": "type.number",
        "bool_type": "type.bool",
        "list_type": "type.list",
        "dict_type": "type.mapping",
        "model_type": "type.mapping",
        "model_attributes_type": "type.mapping",
        "date_type": "type.date",
    }
    return t(table.get(kind, "type.other"))


def _why(kind: str, ctx: dict[str, Any], error: Any) -> str:
    if kind == "enum":
        return t("why.enum", allowed=str(ctx.get("expected", "")).replace(" or ", ", "))
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        for source, why in (
            (common.SLUG_PATTERN, "why.slug"),
            (common.MUNICIPALITY_PATTERN, "why.municipality"),
            (common.CASE_PATTERN, "why.case"),
            (common.LINK_PATTERN, "why.link"),
            (GITHUB_LOGIN_PATTERN, "why.github-login"),
        ):
            if pattern == source:
                return t(why)
    if kind == "string_too_short":
        return t("why.empty")
    if kind == "string_too_long":
        return t("why.too-long", max=ctx.get("max_length", 0))
    if kind == "too_short":
        return t("why.too-short", min=ctx.get("min_length", 1))
    if kind in {"greater_than_equal", "greater_than"}:  # pydantic names only the bound that was broken
        return t("why.at-least", low=ctx.get("ge", ctx.get("gt")))
    if kind in {"less_than_equal", "less_than"}:
        return t("why.at-most", high=ctx.get("le", ctx.get("lt")))
    return t("why.other", detail=error.get("msg", kind))


def _field_hint(model: type[BaseModel], loc: Loc, meant: Loc | None) -> str:
    fields = _fields_at(model, loc[:-1])
    if not fields:
        return ""
    field = str(meant[-1]) if meant else hints.field_for_key(str(loc[-1]), fields) if loc else None
    if field:
        return t("did-you-mean", name=field)
    return t("allowed-fields", names=", ".join(fields))


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model found by following ``loc`` through nested models and lists."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        info = current.model_fields.get(step) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if info is None:
            return []
        current = _model_in(info.annotation)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _describe(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f"{value.isoformat(sep=' ')} ({t('type.datetime')})"
    if value is None:
        return t("type.empty")
    if isinstance(value, bool):
        return f"{str(value).lower()} ({t('type.bool')})"
    if isinstance(value, dict):
        return t("type.mapping")
    if isinstance(value, list):
        return t("type.list")
    if isinstance(value, dt.date):
        return f"{value.isoformat()} ({t('type.date')})"
    if isinstance(value, int):
        return f"{value} ({t('type.int')})"
    if isinstance(value, float):
        return f"{value} ({t('type.number')})"
    return _show(value)


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 40, 40  # a deep or huge value must not blow up a message


def _show(value: Any) -> str:
    return t("quoted", text=printable(value)) if isinstance(value, str) else printable(_REPR.repr(value))
