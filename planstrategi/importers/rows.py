"""From tables to plans: the one path every format takes, and every problem with its place.

In each table the heading row is the first row with a title heading (``columns.HEADINGS``), or
with year columns and an unnamed first column (the layout of a planning strategy's table of
overarching plans). A table without one continues the table before it when it has as many
columns (Word splits a long table at a page break); otherwise it is passed over with a warning.

Under the heading, a row whose first cell names a group of ``categories.yaml`` (by id or name,
also "Interkommunalt samarbeid ROH – overordna samarbeidsavtale …") and has no adoption and no
marks is a heading: the rows under it belong to that group. The same plan in two tables (the
appendix and §1.6) is one plan: the first row gives each field, later rows fill what it left
empty. Every other problem is a row's: ``file:row:column: what and how to fix it``.

Nothing is written here: ``read`` gives ``Draft`` plans, each checked as ``validate`` checks a
file, and the problems; the command decides what to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planstrategi.i18n import t
from planstrategi.importers import columns
from planstrategi.importers.columns import Marks
from planstrategi.importers.tables import Cell, Place, Refused, Source, Table, read_tables
from planstrategi.model import Body, Category, Kind, Plan
from planstrategi.model.common import CASE_PATTERN
from planstrategi.model.problems import Severity
from planstrategi.store import scaffold

#: The longest id (and file name stem) an import makes: a 300-character title still gives a file
#: name every file system takes; the title itself is kept whole.
MAX_ID = 80
_ORDER = list(Plan.model_fields)


@dataclass
class Draft:
    """One plan read from the table: where its row is, its id, its data and its file text."""

    place: Place
    id: str
    data: dict[str, Any]
    text: str = ""
    given: set[str] = field(default_factory=set)  # the fields a cell of the row stated (``--update`` compares these)


@dataclass
class Imported:
    """The plans read, the problems (place, message, severity) and notes about the file."""

    shown: str
    plans: list[Draft] = field(default_factory=list)
    problems: list[tuple[Place, str, Severity]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: int = 0

    def problem(self, place: Place, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append((place, message, severity))

    @property
    def errors(self) -> list[tuple[Place, str, Severity]]:
        return [p for p in self.problems if p[2] is Severity.ERROR]

    def lines(self) -> list[str]:
        """``file:row:column: message`` (warnings say so), in the file's order."""
        return [
            f"{place}: {message}" if severity is Severity.ERROR else f"{place}: {t('importx.warning', message=message)}"
            for place, message, severity in sorted(self.problems, key=lambda p: p[0])
        ]


@dataclass
class _Layout:
    """Which column holds what, from a table's heading row."""

    fields: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)  # column index -> year
    others: dict[int, str] = field(default_factory=dict)  # column index -> heading, read into remarks
    width: int = 0


@dataclass
class Options:
    """What the command says about rows the table leaves open: groups, municipality, defaults, marks."""

    categories: list[Category]
    municipality: str
    default_category: str | None
    default_kind: str
    marks: Marks


def find_category(value: str, categories: list[Category]) -> str | None:
    """The id of the group ``value`` names: its id, its name (either language), or the name with more after it."""
    wanted = value.strip().casefold()
    slug = scaffold.slugify(value)
    for category in categories:
        if wanted in {category.id, category.name.casefold(), (category.name_en or "").casefold()}:
            return category.id
        if slug == scaffold.slugify(category.name) or slug == category.id:
            return category.id
    for category in categories:
        if slug.startswith(scaffold.slugify(category.name) + "-"):
            return category.id
    return None


def plan_id(title: str) -> str:
    """The id for a title, at most MAX_ID characters, cut at a hyphen."""
    slug = scaffold.slugify(title)
    if len(slug) <= MAX_ID:
        return slug
    cut = slug[:MAX_ID]
    return cut[: cut.rfind("-")] if "-" in cut else cut


def read_file(
    path: Path,
    shown: str,
    *,
    categories: list[Category],
    municipality: str,
    default_category: str | None = None,
    default_kind: str = Kind.PLAN.value,
    marks: Marks = Marks.REVISION,
) -> Imported:
    """The plans in the file at ``path``; a file that cannot be read at all is one problem."""
    try:
        source = read_tables(path, shown)
    except Refused as exc:
        result = Imported(shown)
        result.problem(Place(shown, 0), exc.message)
        return result
    return read(source, shown, Options(categories, municipality, default_category, default_kind, marks))


def read(source: Source, shown: str, options: Options) -> Imported:
    """The plans in the tables a reader gave, and every problem with its place."""
    result = Imported(shown, notes=list(source.notes))
    for place, message in source.problems:
        result.problem(place, message)
    if result.errors:
        return result
    layout: _Layout | None = None
    by_id: dict[str, Draft] = {}
    tables: dict[str, int] = {}
    unread: list[Table] = []
    for number, table in enumerate(source.tables):
        layout, start = _find_layout(table, layout, result)
        if layout is None:
            unread += [table] if table.rows else []
            continue
        current = options.default_category
        for row in table.rows[start:]:
            current = _row(row, layout, current, options, number, by_id, tables, result)
    if unread and len(unread) == len([table for table in source.tables if table.rows]):
        result.problems.clear()  # no table had a heading: that is the one problem, at the first row
        result.problem(unread[0].rows[0][0].place, t("import.no-title-column"))
    elif unread:
        for table in unread:
            where = table.rows[0][0].place
            result.problem(where, t("importx.no-heading", table=table.name or "1"), Severity.WARNING)
    if not result.plans and not result.problems:
        result.problem(Place(shown, 0), t("import.empty"))
    for draft in result.plans:
        if draft.data.get("category") is None:
            result.problem(draft.place, t("import.no-category"))
            continue
        draft.data.setdefault("status", "gjeldende" if draft.data.get("adopted") is not None else "utkast")
        ordered = {key: draft.data[key] for key in _ORDER if draft.data.get(key) not in (None, [], "")}
        draft.data = ordered
        draft.text, problems = scaffold.render_plan(ordered, str(scaffold.plan_path(draft.id)))
        for problem in problems:
            result.problem(draft.place, problem.message)
        if problems:
            draft.text = ""  # not to be written
    return result


def _find_layout(table: Table, previous: _Layout | None, result: Imported) -> tuple[_Layout | None, int]:
    """The heading row's layout and the index of the first row under it."""
    for index, row in enumerate(table.rows[:10]):
        layout = _layout(row, result if _is_heading(row) else None)
        if layout is not None:
            return layout, index + 1
    if previous is not None and table.rows and len(table.rows[0]) == previous.width:
        return previous, 0
    return None, 0


def _is_heading(row: list[Cell]) -> bool:
    names = [columns.heading(cell.text) for cell in row]
    has_title = any(columns.field_of(name) == "title" for name in names)
    has_years = sum(columns.year_of(name) is not None for name in names) >= 2
    return has_title or (has_years and not names[0])


def _layout(row: list[Cell], result: Imported | None) -> _Layout | None:
    if result is None:
        return None
    layout = _Layout(width=len(row))
    unnamed: list[int] = []
    for index, cell in enumerate(row):
        name = columns.field_of(cell.text)
        year = columns.year_of(cell.text)
        if name is not None and name not in layout.fields:
            layout.fields[name] = index
        elif year is not None and year not in layout.years.values():
            layout.years[index] = year
        elif not columns.heading(cell.text):
            unnamed.append(index)
        else:
            layout.others[index] = " ".join(cell.text.split())
            result.problem(cell.place, t("importx.unknown-column", name=layout.others[index]), Severity.WARNING)
    if "title" not in layout.fields:
        if not unnamed or unnamed[0] != 0:
            result.problem(row[0].place, t("import.no-title-column"))
            return None
        layout.fields["title"] = unnamed.pop(0)
    if "remarks" not in layout.fields and unnamed and unnamed[-1] > max(layout.years, default=-1):
        layout.fields["remarks"] = unnamed[-1]  # the overview's last column has no heading
    return layout


def _cell(row: list[Cell], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return " ".join(row[index].text.split())


def _place(row: list[Cell], index: int | None) -> Place:
    return row[index].place if index is not None and index < len(row) else row[0].place


def _row(
    row: list[Cell],
    layout: _Layout,
    current: str | None,
    options: Options,
    table: int,
    by_id: dict[str, Draft],
    tables: dict[str, int],
    result: Imported,
) -> str | None:
    """Read one row; returns the group the next rows belong to."""
    fields = layout.fields
    title = _cell(row, fields["title"])
    marked, mark_problems = _marks(row, layout)
    adopted_text = _cell(row, fields.get("adopted"))
    if not title:
        if any(_cell(row, i) for i in range(len(row))):
            result.problem(_place(row, fields["title"]), t("import.no-title"))
        return current
    group = find_category(title, options.categories)
    if group is not None and not adopted_text and not marked and not mark_problems:
        return group
    result.rows += 1
    data: dict[str, Any] = {"title": title, "municipality": options.municipality}
    problems: list[tuple[Place, str]] = list(mark_problems)
    if adopted_text:
        try:
            data["adopted"] = scaffold.parse_adopted(adopted_text)
        except ValueError:
            problems.append((_place(row, fields.get("adopted")), t("import.bad-adopted", value=adopted_text)))
    category_text = _cell(row, fields.get("category"))
    data["category"] = current
    if category_text:
        data["category"] = find_category(category_text, options.categories)
        if data["category"] is None:
            known = [c.id for c in options.categories]
            hint = scaffold.category_hint(category_text, known)
            problems.append((_place(row, fields.get("category")), t("unknown-category", id=category_text, hint=hint)))
    kind = _cell(row, fields.get("kind")).lower() or columns.guess_kind(title, options.default_kind)
    data["kind"] = kind
    remarks = [_cell(row, fields.get("remarks"))]
    remarks += [f"{name}: {_cell(row, index)}" for index, name in layout.others.items() if _cell(row, index)]
    _extras(row, layout, data, remarks, problems)
    text = " ".join(part for part in remarks if part)
    yearly = columns.is_yearly(kind, text)
    data["revisions"] = columns.revisions(marked, options.marks, yearly=yearly)
    if data["revisions"] and yearly:
        data["cadence"] = {"rule": "årlig"}
    if data["revisions"] and options.marks is Marks.WORK:
        data["inferred"] = ["revisions"]
    data["remarks"] = text or None
    identifier = _cell(row, fields.get("id")) or plan_id(title)
    if not identifier:
        problems.append((_place(row, fields["title"]), t("new.no-slug", title=title)))
    if problems:
        for place, message in problems:
            result.problem(place, message)
        return current
    data["id"] = identifier
    given = {key for key, value in data.items() if value not in (None, [], "")} - {"municipality", "id"}
    if not category_text and current == options.default_category:  # --category is no cell of the table
        given.discard("category")
    if not _cell(row, fields.get("kind")):
        given.discard("kind")
    place = _place(row, fields["title"])
    if identifier in by_id:
        earlier = by_id[identifier]
        if tables[identifier] == table:
            result.problem(place, t("importx.same-id", id=identifier, place=earlier.place.short()))
        else:
            for key, value in data.items():  # a field the earlier row left empty, or took from --category
                if earlier.data.get(key) in (None, [], "") or (key in given and key not in earlier.given):
                    earlier.data[key] = value
                    earlier.given |= {key} & given
        return current
    draft = Draft(place, identifier, data, given=given)
    by_id[identifier] = draft
    tables[identifier] = table
    result.plans.append(draft)
    return current


def _marks(row: list[Cell], layout: _Layout) -> tuple[dict[int, Any], list[tuple[Place, str]]]:
    marked: dict[int, Any] = {}
    problems: list[tuple[Place, str]] = []
    for index, year in layout.years.items():
        value = _cell(row, index)
        try:
            is_marked, state = columns.mark_state(value)
        except ValueError:
            problems.append((_place(row, index), t("importx.bad-mark", value=value, year=year)))
            continue
        if is_marked:
            marked[year] = state
    return marked, problems


def _extras(
    row: list[Cell], layout: _Layout, data: dict[str, Any], remarks: list[str], problems: list[tuple[Place, str]]
) -> None:
    """The columns beyond title, adoption, marks and remarks: responsible, legal basis, case, body, status."""
    fields = layout.fields
    responsible = _cell(row, fields.get("responsible"))
    if responsible:
        data["responsible"] = responsible
    legal = _cell(row, fields.get("legal_basis"))
    if legal:
        data["legal_basis"] = [part.strip() for part in re.split(r";|\n", legal) if part.strip()]
    case = _cell(row, fields.get("case"))
    if case:
        found = re.search(r"[0-9]{1,4}/[0-9]{2,4}", case)
        if found is None or not re.fullmatch(CASE_PATTERN, found.group()):
            problems.append((_place(row, fields.get("case")), t("importx.bad-case", value=case)))
        else:
            decision: dict[str, Any] = {"case": found.group()}
            if isinstance(data.get("adopted"), int):
                decision["year"] = data["adopted"]
            elif data.get("adopted") is not None:
                decision["date"] = data["adopted"]
            data["decisions"] = [decision]
    body = _cell(row, fields.get("body"))
    if body:
        known = {member.value for member in Body}
        if body.lower() in known:
            data["adopted_by"] = body.lower()
        else:
            remarks.append(t("importx.remark-body", body=body))
    new_or_revised = _cell(row, fields.get("new_or_revised"))
    if new_or_revised:
        remarks.append(t("importx.remark-new", value=new_or_revised))
    status = _cell(row, fields.get("status"))
    if status:
        word = columns.status_of(status)
        if word is not None:
            data["status"] = word
        else:
            remarks.append(t("importx.remark-status", value=status))
