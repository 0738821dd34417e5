"""Planning intelligence: ``requirements``, ``workload``, ``coordination`` and ``report``.

They load the register, pick plans with the same filters as ``due`` and ``table`` (``--partner``),
ask ``requirements``, ``workload``, ``coordination`` or ``report`` and write the answer in
``--format`` through the shared renderers. They are reports: exit 0 whatever they find.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from planstrategi.commands.options import (
    AsOfOption,
    DataOption,
    ForceOption,
    LangOption,
    OutputOption,
    UsageError,
    deliver,
    today,
    use_language,
)
from planstrategi.commands.questions import (
    FormatOption,
    PartnerOption,
    emit,
    load_register,
    parse_filters,
    refuse_terminal,
    table_years,
)
from planstrategi.i18n import later, t
from planstrategi.render import DocumentFormat, OutputFormat

if TYPE_CHECKING:
    from planstrategi.model import Plan
    from planstrategi.rules.query import Filters
    from planstrategi.store.register import Register

MAX_YEARS = 30
#: The same as ``workload.DEFAULT_CAPACITY`` (a test holds them equal); repeated here so that
#: ``--help`` does not import the domain.
DEFAULT_CAPACITY = 3


class By(StrEnum):
    """``--by``: the names of ``workload.GroupBy``, without importing it for ``--help``."""

    category = "category"
    owner = "owner"
    municipality = "municipality"


CapacityOption = Annotated[int, typer.Option("--capacity", min=0, help=later("opt.capacity", default=DEFAULT_CAPACITY))]
YearArgument = Annotated[
    Optional[int], typer.Argument(min=1900, max=2100, help=later("opt.coordination-year"), show_default=False)
]


def _plans(register: Register, chosen: Filters) -> list[Plan] | None:
    """The plans the filters let through, or None when no filter is given (every plan counts)."""
    from planstrategi.rules import query

    return query.select(register, chosen, include_retired=False) if chosen.given() else None


def requirements(
    year: Annotated[
        Optional[int],
        typer.Option("--year", min=1900, max=2100, help=later("opt.requirements-year"), show_default=False),
    ] = None,
    output_format: FormatOption = OutputFormat.TABLE,
    partner: PartnerOption = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Lovpålagte planer / statutory and recommended plans: met by which plans, and met or not."""
    use_language(lang)
    from planstrategi.render import intelligence
    from planstrategi.rules import requirements as checklist

    date = today(as_of)
    register = load_register(data)
    chosen = parse_filters(register, partner=partner)
    year = year if year is not None else date.year
    checks = checklist.check(register, year, plans=_plans(register, chosen), today=date)
    emit(intelligence.requirements_report(checks, year=year, as_of=date, filters=chosen.given()), output_format)


def workload(
    start: Annotated[Optional[int], typer.Option("--from", min=1900, max=2100, help=later("opt.from"))] = None,
    end: Annotated[Optional[int], typer.Option("--to", min=1900, max=2100, help=later("opt.to"))] = None,
    capacity: CapacityOption = DEFAULT_CAPACITY,
    by: Annotated[By, typer.Option("--by", help=later("opt.by"))] = By.category,
    details: Annotated[bool, typer.Option("--details", help=later("opt.details"))] = False,
    output_format: FormatOption = OutputFormat.TABLE,
    partner: PartnerOption = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Arbeidsmengde per år / revisions per year against the capacity, by group, owner or municipality."""
    use_language(lang)
    from planstrategi.i18n import language
    from planstrategi.render import intelligence
    from planstrategi.rules import query
    from planstrategi.rules import workload as load

    date = today(as_of)
    years = _span(start, end, date)
    register = load_register(data)
    chosen = parse_filters(register, partner=partner)
    plans = query.select(register, chosen, include_retired=False)
    grouping = load.GroupBy(by.value)
    result = load.workload(
        register, plans, years, date.year, by=grouping, capacity=capacity, lang=language(), today=date
    )
    emit(intelligence.workload_report(result, as_of=date, filters=chosen.given(), details=details), output_format)


def _span(start: int | None, end: int | None, date: dt.date) -> range:
    """``--from``/``--to``, else the four planning years of the council term sitting on the date."""
    from planstrategi.rules import terms

    if start is None and end is None:
        return terms.term_of_date(date).years
    first = start if start is not None else end - 3  # type: ignore[operator]
    last = end if end is not None else first + 3
    if not 0 <= last - first < MAX_YEARS:
        raise UsageError(t("workload.bad-range", start=first, end=last, limit=MAX_YEARS))
    return range(first, last + 1)


def coordination(
    year: YearArgument = None,
    output_format: FormatOption = OutputFormat.TABLE,
    partner: PartnerOption = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Felles planer / plans shared with the partner municipalities, to be prioritised jointly, by year."""
    use_language(lang)
    from planstrategi.render import intelligence
    from planstrategi.rules import coordination as shared
    from planstrategi.rules import terms

    date = today(as_of)
    register = load_register(data)
    chosen = parse_filters(register, partner=partner)
    years = range(year, year + 1) if year is not None else terms.term_of_date(date).years
    result = shared.coordinate(register, years, date.year, partner=chosen.partner, today=date)
    emit(intelligence.coordination_report(register, result, as_of=date, filters=chosen.given()), output_format)


def report(
    term: Annotated[Optional[int], typer.Option("--term", min=1900, max=2100, help=later("opt.term"))] = None,
    output_format: Annotated[
        DocumentFormat, typer.Option("--format", "-f", help=later("opt.report-format"))
    ] = DocumentFormat.HTML,
    output: OutputOption = None,
    force: ForceOption = False,
    capacity: CapacityOption = DEFAULT_CAPACITY,
    public: Annotated[bool, typer.Option("--public/--internal", help=later("opt.audience"))] = True,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Planstrategiens vedlegg / the planning strategy's appendix as one HTML, Markdown or Word document."""
    use_language(lang)
    from planstrategi.render import appendix
    from planstrategi.rules import terms

    if output_format not in (DocumentFormat.HTML, DocumentFormat.MARKDOWN, DocumentFormat.DOCX):
        raise UsageError(t("appendix.formats", format=output_format.value))
    if output_format is DocumentFormat.DOCX:
        refuse_terminal(output)
    date = today(as_of)
    years = table_years(term, None, None, True, date)  # the same term checks as ``table --term``
    register = load_register(data)
    audience = "public" if public else "internal"
    document = appendix.appendix(register, terms.term_of_year(years[0]), date, capacity=capacity, audience=audience)
    text_format = output_format.text_format()
    if text_format is None:
        from planstrategi.render import docx

        deliver(docx.render(document), output, force)
    else:
        deliver(appendix.render(document, text_format).encode("utf-8"), output, force)
