"""``site``: the plan overview as a static web site for the public, as a set of files.

``files`` returns every file of the site as relative path -> text (or bytes for the calendar);
the command writes them. Nothing here reads the clock or writes a file. The pages:

* ``index.html``: the overview ("Oversikt over planer"), grouped as the appendix is, with links to
  the filtered overviews, which are pages of their own so they work without JavaScript:
  ``gruppe/<group>.html``, ``type/<kind>.html``, ``status/<status>.html`` and ``til-revisjon.html``
  (what ``planstrategi due`` answers for this year: overdue, expired and due);
* ``plan/<id>.html``: one plan's facts, links, revisions, decisions and goals (``render.plan``);
* ``revisjon.html``: the term's revision table and the workload; ``krav.html``: the checklist;
* ``planer.ics``: the calendar feed (``render.ics``), each event linking the plan's page when the
  site's address is known; ``style.css``: the one stylesheet (``render.html.STYLESHEET``).

Every page comes from ``render.html.page``. ``audience="public"`` leaves out the planners'
working detail (ids, "Kontrollert", the notes on unverified requirements); "internal" keeps it.
The work is linear in the number of plans: each table row is built once per page it is on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from planstrategi.i18n import date_text, language, t
from planstrategi.model import Plan
from planstrategi.render import html, ics, views
from planstrategi.render.appendix import appendix
from planstrategi.render.plan import show_report
from planstrategi.render.report import AUDIENCES, Row, Table
from planstrategi.rules import query, terms, workload
from planstrategi.store.register import Register

STYLESHEET = "style.css"
CALENDAR = "planer.ics"
INDEX = "index.html"
DUE = "til-revisjon.html"
REVISIONS = "revisjon.html"
REQUIREMENTS = "krav.html"
# The folders of the filtered overviews and the plans' pages.
GROUP, KIND, STATUS, PLAN = "gruppe", "type", "status", "plan"

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


def file_part(value: str) -> str:
    """A value as part of a file name: a slug as it is, "utgått" as "utgatt"."""
    return _NOT_SLUG.sub("-", value.lower().translate(_LETTERS)).strip("-") or "x"


def plan_page(plan_id: str) -> str:
    return f"{PLAN}/{file_part(plan_id)}.html"


def _href(source: str, target: str) -> str:
    """The relative link from the page ``source`` to ``target`` (at most one folder deep)."""
    return f"../{target}" if "/" in source else target


def _dated(value: Any) -> Any:
    """An ISO date from the data as the short Norwegian form (``date_text``); anything else as it is."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


class _Site:
    def __init__(self, register: Register, as_of: dt.date, term: terms.CouncilTerm, audience: str, capacity: int):
        self.register = register
        self.as_of = as_of
        self.audience = audience
        self.plans = query.select(register, query.Filters(), include_retired=False)
        self.document = appendix(register, term, as_of, capacity=capacity, audience=audience)
        home = register.municipalities.home if register.municipalities else ""
        self.name = t("site.name", name=register.municipality_name(home)) if home else ""
        self.title = t("site.title")
        rows = query.list_rows(register, self.plans)
        self.rows = [{**row, "page": plan_page(row["id"])} for row in rows]
        self.groups = _ordered((row["category"], row["category_name"]) for row in self.rows)
        self.kinds = _ordered((row["kind"], t(f"kind.{row['kind']}")) for row in self.rows)
        self.statuses = _ordered((row["status"], t(f"status.{row['status']}")) for row in self.rows)
        listed = views.list_report(self.rows, as_of=as_of, filters={}).tables[0]
        columns = [replace(c, get=self.next_revision) if c.key == "next_revision" else c for c in listed.columns]
        self.list_table = replace(listed, columns=columns)

    def next_revision(self, row: Row) -> Any:
        """The year of the next revision, said to be past in words (not by colour alone) when it is."""
        year = row["next_revision"]
        return t("site.next-overdue", year=year) if year is not None and year < self.as_of.year else year

    # --- the shell of every page ---------------------------------------------------------------

    def page(self, path: str, title: str, main: list[str]) -> str:
        return html.page(
            title=title,
            language=language(),
            main=main,
            site_name=self.name,
            as_of=self.as_of,
            nav=self.pages_nav(path),
            stylesheet=_href(path, STYLESHEET),
        )

    def pages_nav(self, path: str) -> list[str]:
        links = [
            (INDEX, self.title),
            (DUE, t("site.due", year=self.as_of.year)),
            (REVISIONS, t("site.revisions")),
            (REQUIREMENTS, t("site.requirements")),
            (CALENDAR, t("site.calendar")),
        ]
        return ["<ul>", *(_item(path, target, text) for target, text in links), "</ul>"]

    def filters_nav(self, path: str) -> list[str]:
        lines = [f'<nav aria-label="{html.escape(t("site.filters"))}">', f"<h2>{html.escape(t('site.filters'))}</h2>"]
        for heading, folder, values in (
            (t("col.category"), GROUP, self.groups),
            (t("col.kind"), KIND, self.kinds),
            (t("col.status"), STATUS, self.statuses),
        ):
            # A closed <details> per facet keeps the list short on a phone, and needs no script.
            targets = [f"{folder}/{file_part(value)}.html" for value, _ in values]
            is_open = " open" if path in targets else ""
            lines += [f"<details{is_open}>", f"<summary>{html.escape(heading)}</summary>", "<ul>"]
            lines += [_item(path, target, _capital(text)) for target, (_, text) in zip(targets, values, strict=True)]
            lines += ["</ul>", "</details>"]
        lines += [
            "<ul>",
            _item(path, INDEX, t("site.all")),
            _item(path, DUE, t("site.due", year=self.as_of.year)),
            "</ul>",
            "</nav>",
        ]
        return lines

    # --- tables --------------------------------------------------------------------------------

    def linked(self, table: Table, path: str) -> Table:
        """``table`` with each plan's title linking the plan's page (relative to ``path``)."""
        columns = [
            replace(c, link="page", local=True) if c.key == "title" and c.link == "url" else c for c in table.columns
        ]
        rows = [{**row, "page": _href(path, plan_page(row["id"]))} for row in table.rows] if table.rows else []
        return replace(table, columns=columns, rows=rows).for_audience(self.audience)

    def overview(self, path: str, title: str, rows: Sequence[Row]) -> str:
        table = replace(self.list_table, rows=list(rows), caption=t("list.caption", count=len(rows)))
        main = [*self.filters_nav(path), *html.table(self.linked(table, path), "t0-")]
        return self.page(path, title, main)

    # --- the pages -----------------------------------------------------------------------------

    def files(self, base_url: str | None) -> dict[str, str | bytes]:
        out: dict[str, str | bytes] = {STYLESHEET: html.STYLESHEET + "\n"}
        out[INDEX] = self.overview(INDEX, self.title, self.rows)
        for folder, key, values in (
            (GROUP, "category", self.groups),
            (KIND, "kind", self.kinds),
            (STATUS, "status", self.statuses),
        ):
            for value, text in values:
                path = f"{folder}/{file_part(value)}.html"
                rows = [row for row in self.rows if row[key] == value]
                out[path] = self.overview(path, t("site.filtered", title=self.title, filter=text), rows)
        # The answer of ``planstrategi due`` for this year (overdue, expired, due), from the one engine.
        year = self.as_of.year
        due_ids = {row["id"] for row in query.due_rows(self.register, self.plans, year, today=self.as_of)}
        due = [row for row in self.rows if row["id"] in due_ids]
        out[DUE] = self.overview(DUE, t("site.due", year=self.as_of.year), due)
        out[REVISIONS] = self.revisions()
        out[REQUIREMENTS] = self.requirements()
        for plan in self.plans:
            out[plan_page(plan.id)] = self.plan(plan)
        out[CALENDAR] = self.calendar(base_url)
        return out

    def revisions(self) -> str:
        # The appendix's tables: the revision table first, the checklist last, the workload between.
        main: list[str] = html.table(self.linked(self.document.tables[0], REVISIONS), "t0-")
        load = [table for table in self.document.tables if table.key in ("years", "groups")]
        for index, table in enumerate(load, start=1):
            main += html.table(table, f"t{index}-")
        return self.page(REVISIONS, t("site.revisions"), main)

    def requirements(self) -> str:
        table = self.document.tables[-1]
        return self.page(REQUIREMENTS, t("site.requirements"), html.table(table, "t0-"))

    def plan(self, plan: Plan) -> str:
        path = plan_page(plan.id)
        report = show_report(self.register, plan, as_of=self.as_of)
        main = [f'<p><a href="{_href(path, INDEX)}">{html.escape(t("site.back"))}</a></p>']
        for index, table in enumerate(report.tables):
            rows: list[Row] = [{key: _dated(value) for key, value in row.items()} for row in table.rows]
            if table.key == "fields" and self.audience == "public":  # no slugs: the id left out, requirements by title
                rows = [self.public_field(row) for row in rows if row.get("field") != "id"]
            main += html.table(replace(table, rows=rows), f"t{index}-")
        return self.page(path, plan.title, main)

    def public_field(self, row: Row) -> Row:
        """A plan's fact as the public reads it: the requirements it answers by their titles."""
        if row.get("field") != "requirements" or not isinstance(row.get("value"), list | tuple):
            return row
        known = self.register.requirements
        return {**row, "value": [known[r].title if r in known else r for r in row["value"]]}

    def calendar(self, base_url: str | None) -> bytes:
        events = ics.events(self.register, self.plans, self.as_of, filtered=False)
        if base_url:
            root = base_url.rstrip("/")
            events = [replace(event, url=f"{root}/{plan_page(event.plan)}") for event in events]
        return ics.render(events, name=ics.calendar_name(self.register), as_of=self.as_of)


def _ordered(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The distinct (value, text) pairs in the order they come (the overview's order)."""
    seen: dict[str, str] = {}
    for value, text in pairs:
        seen.setdefault(value, text)
    return list(seen.items())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _item(source: str, target: str, text: str) -> str:
    current = ' aria-current="page"' if source == target else ""
    return f'<li><a href="{html.escape(_href(source, target))}"{current}>{html.escape(text)}</a></li>'


def files(
    register: Register,
    as_of: dt.date,
    term: terms.CouncilTerm,
    *,
    audience: str = "public",
    base_url: str | None = None,
    capacity: int = workload.DEFAULT_CAPACITY,
) -> dict[str, str | bytes]:
    """Every file of the site, by its path inside the site's folder."""
    if audience not in AUDIENCES:
        raise ValueError(audience)
    return _Site(register, as_of, term, audience, capacity).files(base_url)
