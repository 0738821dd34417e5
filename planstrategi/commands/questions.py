"""The planner's questions: ``due``, ``overdue``, ``table``, ``list`` and ``show``.

Each command loads the register (answering from the files that loaded, with one line on stderr
when some did not), picks the plans, builds a report and writes it in ``--format``. They are
reports, so they exit 0 even when plans are due; ``--fail-if-overdue`` makes ``due`` and
``overdue`` exit 1 when something is overdue or expired, for CI.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planstrategi.commands import completion
from planstrategi.commands.options import (
    AsOfOption,
    DataOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    UsageError,
    deliver,
    today,
    use_language,
)
from planstrategi.i18n import later, t
from planstrategi.render import DocumentFormat, OutputFormat

if TYPE_CHECKING:
    from pathlib import Path

    from planstrategi.render.report import Report
    from planstrategi.rules.query import Filters
    from planstrategi.store.register import Register

MAX_TABLE_YEARS = 30
FIRST_YEAR, LAST_YEAR = 1900, 2100  # model.MIN_YEAR, MAX_YEAR (not imported: pydantic is slow to load)

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help=later("opt.format"))]
TableFormatOption = Annotated[DocumentFormat, typer.Option("--format", "-f", help=later("opt.table-format"))]
CategoryOption = Annotated[
    Optional[str],
    typer.Option("--category", help=later("opt.category"), show_default=False, autocompletion=completion.group_ids),
]
KindOption = Annotated[Optional[str], typer.Option("--kind", help=later("opt.kind"), show_default=False)]
OwnerOption = Annotated[Optional[str], typer.Option("--owner", help=later("opt.owner"), show_default=False)]
MunicipalityOption = Annotated[
    Optional[str],
    typer.Option(
        "--municipality",
        help=later("opt.municipality"),
        show_default=False,
        autocompletion=completion.municipality_numbers,
    ),
]
PartnerOption = Annotated[
    Optional[str],
    typer.Option(
        "--partner", help=later("opt.partner"), show_default=False, autocompletion=completion.municipality_numbers
    ),
]
StatusOption = Annotated[Optional[str], typer.Option("--status", help=later("opt.status"), show_default=False)]
FailOption = Annotated[bool, typer.Option("--fail-if-overdue", help=later("opt.fail-if-overdue"))]
AllOption = Annotated[bool, typer.Option("--all", help=later("opt.all"))]


def _date(as_of: dt.date | None) -> dt.date:
    """``--as-of`` or today, within the years the register and the term arithmetic cover."""
    date = today(as_of)
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise UsageError(t("year-range", key="--as-of", value=date.year, low=FIRST_YEAR, high=LAST_YEAR))
    return date


def load_register(data: Path | None, *, note: bool = True, cache: bool = False) -> Register:
    """The register, and one line on stderr naming the files with errors, if any (never a traceback).

    With ``cache`` (only the read-only questions of this module ask for it), from the register
    cache when no file has changed since it was written. The warnings that depend on the date are
    not worked out: they are ``validate``'s, and no answer or note here shows a warning."""
    from planstrategi.store import register as reg

    loaded = reg.load_cached(reg.resolve_root(data), cache=cache)
    if note:
        broken_note(loaded)
    return loaded


#: How many files the stderr note names before it counts the rest ("… and 4 more").
NAMED_FILES = 3


def broken_note(register: Register) -> None:
    """One line on stderr when some files have errors: how many, and which (the first few by name).

    Files that did not load at all come first: they are the ones the answer leaves out."""
    from planstrategi.model.problems import Severity

    with_errors = {p.path for p in register.problems if p.severity is Severity.ERROR}
    if not with_errors:
        return
    left_out = set(register.broken.values())
    names = sorted(with_errors, key=lambda path: (path not in left_out, path))
    typer.echo(t("report.broken-files", count=len(names), files=named(names)), err=True)


def named(names: list[str], limit: int = NAMED_FILES) -> str:
    """``a, b og c`` or, past ``limit``, ``a, b, c og 4 til`` (``and 4 more`` in English)."""
    if len(names) > limit:
        return t("list.and-more", names=", ".join(names[:limit]), count=len(names) - limit)
    if len(names) == 1:
        return names[0]
    return t("list.and", names=", ".join(names[:-1]), last=names[-1])


def parse_filters(register: Register, **given: str | None) -> Filters:
    """The report filters from the options; an unknown group or municipality is a usage error."""
    from planstrategi.rules import query

    try:
        return query.resolve(register, query.Filters(**given))
    except query.FilterError as exc:
        raise UsageError(exc.message) from None


def emit(report: Report, output_format: OutputFormat) -> None:
    """Print a report in the chosen format."""
    if output_format is OutputFormat.TABLE:
        from planstrategi.render import table as terminal_table

        for piece in terminal_table.pieces(report):  # written as laid out: a long table starts at once
            typer.echo(piece, nl=False, color=True)  # coloured by render.terminal's rules (FORCE_COLOR through a pipe)
        return
    # Files for other programs are UTF-8 whatever the console's code page, and the CSV's CRLF
    # must reach the file as written: bytes, not text-mode stdout.
    sys.stdout.flush()
    if output_format is OutputFormat.JSON:
        from planstrategi.render import json as json_render

        for piece in json_render.pieces(report):  # encoded as it is written: the text is never whole
            sys.stdout.buffer.write(piece.encode("utf-8"))
    else:
        text = output_format.renderer()(report)
        for start in range(0, len(text), ENCODED_PIECE):  # in pieces: never a second copy of a large output
            sys.stdout.buffer.write(text[start : start + ENCODED_PIECE].encode("utf-8"))
    sys.stdout.buffer.flush()


#: Characters of a document encoded and written at a time (``emit``).
ENCODED_PIECE = 1 << 20


def refuse_terminal(output: Path | None) -> None:
    """A Word document is bytes for a file or a pipe: without ``--output`` on a terminal, a usage error
    (before any work, and before a byte reaches the screen)."""
    if output is None and sys.stdout.isatty():
        raise UsageError(t("docx.terminal"))


def emit_document(report: Report, output_format: DocumentFormat, output: Path | None, force: bool) -> None:
    """``report`` as a Word document, or as text to ``--output`` (the terminal table without colour),
    or printed as ``emit`` prints it."""
    text_format = output_format.text_format()
    if text_format is None:
        from planstrategi.render import docx

        deliver(docx.render(report), output, force)
    elif output is None:
        emit(report, text_format)
    elif text_format is OutputFormat.TABLE:
        from planstrategi.render import table as terminal_table

        deliver(terminal_table.render(report, color=False).encode("utf-8"), output, force)
    else:
        deliver(text_format.renderer()(report).encode("utf-8"), output, force)


def _due_or_overdue(
    *,
    year: int | None,
    overdue_only: bool,
    data: Path | None,
    output_format: OutputFormat,
    as_of: dt.date | None,
    fail_if_overdue: bool,
    cache: bool = True,
    **filters: str | None,
) -> None:
    from planstrategi.render import views
    from planstrategi.rules import query

    date = _date(as_of)
    register = load_register(data, cache=cache)
    chosen = parse_filters(register, **filters)
    year = year if year is not None else date.year
    rows = query.due_rows(register, query.select(register, chosen), year, today=date, overdue_only=overdue_only)
    emit(
        views.due_report(rows, year=year, as_of=date, filters=chosen.given(), overdue_only=overdue_only), output_format
    )
    late = any(row["urgency"] != "due" for row in rows)
    raise typer.Exit(1 if fail_if_overdue and late else 0)


def due(
    year: Annotated[
        Optional[int],
        typer.Argument(metavar=later("metavar.year"), min=1900, max=2100, help=later("opt.year"), show_default=False),
    ] = None,
    output_format: FormatOption = OutputFormat.TABLE,
    category: CategoryOption = None,
    kind: KindOption = None,
    owner: OwnerOption = None,
    municipality: MunicipalityOption = None,
    partner: PartnerOption = None,
    status: StatusOption = None,
    fail_if_overdue: FailOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Planer til revisjon i ÅR / plans due in YEAR: overdue, expired and due, with reasons."""
    use_language(lang)
    _due_or_overdue(
        year=year,
        overdue_only=False,
        data=data,
        output_format=output_format,
        as_of=as_of,
        fail_if_overdue=fail_if_overdue,
        cache=not no_cache,
        category=category,
        kind=kind,
        owner=owner,
        municipality=municipality,
        partner=partner,
        status=status,
    )


def overdue(
    output_format: FormatOption = OutputFormat.TABLE,
    category: CategoryOption = None,
    kind: KindOption = None,
    owner: OwnerOption = None,
    municipality: MunicipalityOption = None,
    partner: PartnerOption = None,
    status: StatusOption = None,
    fail_if_overdue: FailOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Forfalte og utløpte planer / only plans overdue or expired (as of today or --as-of)."""
    use_language(lang)
    _due_or_overdue(
        year=None,
        overdue_only=True,
        data=data,
        output_format=output_format,
        as_of=as_of,
        fail_if_overdue=fail_if_overdue,
        cache=not no_cache,
        category=category,
        kind=kind,
        owner=owner,
        municipality=municipality,
        partner=partner,
        status=status,
    )


def table_years(term: int | None, start: int | None, end: int | None, overarching: bool, date: dt.date) -> range:
    """The table's columns: a term's election year and planning years (only the latter with
    ``overarching``, as §1.6 prints them), or ``--from``/``--to``."""
    from planstrategi.rules import terms

    if term is not None and (start is not None or end is not None):
        raise UsageError(t("table.term-and-years"))
    if start is not None or end is not None:
        first = start if start is not None else end - 4  # type: ignore[operator]
        last = end if end is not None else first + 4
        if not 0 <= last - first < MAX_TABLE_YEARS:
            raise UsageError(t("table.bad-range", start=first, end=last, limit=MAX_TABLE_YEARS))
        return range(first, last + 1)
    if term is None:
        term = terms.term_of_date(date).election_year
    elif not terms.is_election_year(term):
        before = terms.term_of_year(term).election_year
        raise UsageError(t("term.not-election-year", year=term, before=before, after=before + 4))
    elected = terms.CouncilTerm(term)
    return range(elected.first_year if overarching else elected.election_year, elected.last_year + 1)


def table(
    term: Annotated[Optional[int], typer.Option("--term", min=1900, max=2100, help=later("opt.term"))] = None,
    start: Annotated[Optional[int], typer.Option("--from", min=1900, max=2100, help=later("opt.from"))] = None,
    end: Annotated[Optional[int], typer.Option("--to", min=1900, max=2100, help=later("opt.to"))] = None,
    overarching: Annotated[bool, typer.Option("--overarching", help=later("opt.overarching"))] = False,
    output_format: TableFormatOption = DocumentFormat.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    category: CategoryOption = None,
    kind: KindOption = None,
    owner: OwnerOption = None,
    municipality: MunicipalityOption = None,
    partner: PartnerOption = None,
    status: StatusOption = None,
    include_all: AllOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Revisjonstabellen / the revision table: plans by group, a column per year."""
    use_language(lang)
    from planstrategi.render import views
    from planstrategi.rules import query, terms

    if output_format is DocumentFormat.DOCX:
        refuse_terminal(output)
    date = _date(as_of)
    years = table_years(term, start, end, overarching, date)
    register = load_register(data, cache=not no_cache)
    chosen = parse_filters(
        register, category=category, kind=kind, owner=owner, municipality=municipality, partner=partner, status=status
    )
    plans = query.select(register, chosen, include_retired=include_all or status is not None)
    if overarching:
        plans = [p for p in plans if p.overarching]
    shown_term = None if start is not None or end is not None else (term or terms.term_of_date(date).election_year)
    rows = query.matrix_rows(register, plans, years, date.year)
    report = views.matrix_report(
        rows, years=years, as_of=date, filters=chosen.given(), term=shown_term, overarching=overarching
    )
    emit_document(report, output_format, output, force)


def list_plans(
    output_format: FormatOption = OutputFormat.TABLE,
    category: CategoryOption = None,
    kind: KindOption = None,
    owner: OwnerOption = None,
    municipality: MunicipalityOption = None,
    partner: PartnerOption = None,
    status: StatusOption = None,
    include_all: AllOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """List planene / list the plans, grouped, with kind, status and next revision."""
    use_language(lang)
    from planstrategi.render import views
    from planstrategi.rules import query

    date = _date(as_of)
    register = load_register(data, cache=not no_cache)
    chosen = parse_filters(
        register, category=category, kind=kind, owner=owner, municipality=municipality, partner=partner, status=status
    )
    plans = query.select(register, chosen, include_retired=include_all or status is not None)
    emit(views.list_report(query.list_rows(register, plans), as_of=date, filters=chosen.given()), output_format)


def show(
    plan_id: Annotated[str, typer.Argument(metavar="ID", help=later("opt.id"), autocompletion=completion.plan_ids)],
    output_format: FormatOption = OutputFormat.TABLE,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Vis én plan / show one plan: every field, revisions, decisions, goals and measures."""
    use_language(lang)
    import difflib

    from planstrategi.render import plan as plan_view

    date = _date(as_of)
    register = load_register(data, note=False, cache=not no_cache)
    wanted = plan_id.strip().lower().removesuffix(".yaml")
    plan = register.plans.get(wanted)
    if plan is None and wanted in register.broken:
        raise UsageError(t("show.broken", id=wanted, path=register.broken[wanted]), code=1)
    if plan is None:
        ids = sorted(register.plans)
        containing = [i for i in ids if wanted and wanted in i]
        close = list(dict.fromkeys([*containing, *difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)]))[:3]
        hint = t("filter.did-you-mean", names=", ".join(close)) if close else ""
        broken_note(register)
        raise UsageError(t("show.unknown-id", id=plan_id, hint=hint), code=1)
    broken_note(register)
    emit(plan_view.show_report(register, plan, as_of=date), output_format)
