"""What the council and the public read: ``calendar``, the plan overview as an iCalendar feed.

The command loads the register, picks the plans (``--owner``), asks ``render.ics`` for the events
and writes the feed to standard output or, through ``safeio``, to ``--output`` (never over a file
without ``--force``). It is a report: exit 0 whatever it finds.
"""

from __future__ import annotations

from planstrategi.commands.options import (
    AsOfOption,
    DataOption,
    ForceOption,
    LangOption,
    OutputOption,
    deliver,
    today,
    use_language,
)
from planstrategi.commands.questions import OwnerOption, load_register, parse_filters


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
    deliver(feed, output, force)
