"""What the council and the public read: ``calendar``, the plan overview as an iCalendar feed.

The command loads the register, picks the plans (``--owner``), asks ``render.ics`` for the events
and writes the feed to standard output or, through ``safeio``, to ``--output`` (never over a file
without ``--force``). It is a report: exit 0 whatever it finds.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, today, use_language
from planstrategi.commands.questions import OwnerOption, load_register, parse_filters
from planstrategi.i18n import later, t

OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help=later("opt.output"), show_default=False)]
ForceOption = Annotated[bool, typer.Option("--force", help=later("opt.force"))]


def write_file(output: Path, data: bytes, force: bool) -> None:
    """Through ``safeio``: atomic, inside the folder named, never over a file without ``--force``."""
    from planstrategi.commands.review import write_error
    from planstrategi.store import safeio

    folder = output.parent if str(output.parent) else Path()
    try:
        safeio.write_bytes(folder, output.name, data, force=force)
    except safeio.UnsafeWrite as exc:
        raise write_error(exc) from None
    typer.echo(t("appendix.written", path=output), err=True)


def calendar(
    owner: OwnerOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Kalender / revision targets, legal deadlines and planned decisions as an iCalendar feed."""
    use_language(lang)
    from planstrategi.render import ics
    from planstrategi.rules import query

    date = today(as_of)
    register = load_register(data, date)
    chosen = parse_filters(register, owner=owner)
    plans = query.select(register, chosen, include_retired=False)
    feed = ics.render(
        ics.events(register, plans, date, filtered=chosen.given() != {}), name=ics.calendar_name(register), as_of=date
    )
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(feed)
        sys.stdout.buffer.flush()
        return
    write_file(output, feed, force)
