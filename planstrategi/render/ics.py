"""The plan overview as an iCalendar feed (RFC 5545): what a planner subscribes to in Outlook.

One all-day event per item, each asked of the rules, never worked out here:

* **revision**: every revision the engine counts as pending (``engine.pending_revisions``), on
  its target day, or on 31 December when the target is a year (the description says so);
* **deadline**: every deadline of a statutory requirement the checklist reports as open
  (``requirements.check``, in each planning year of the council term sitting on the date): the
  engine's reasons on the requirement's ground, on their day, or 31 December of their year;
* **decision**: every decision in a plan file dated after the date asked about (a meeting on the
  agenda).

UIDs are the plan's id, the kind and the date, so a subscribing client updates an event rather
than adding it twice; DTSTAMP is the date asked about (``--as-of``), so the same register on the
same day gives the same bytes. Text from the data goes through the ics sink of ``render/safety.py``
(``safety.ics_text``, ``safety.ics_link`` for the URL); ``icalendar`` escapes commas, semicolons,
backslashes and newlines and folds long lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planstrategi.i18n import t
from planstrategi.model import Plan
from planstrategi.render import safety
from planstrategi.rules import engine, requirements, terms
from planstrategi.store.register import Register

DOMAIN = "planstrategi"
_SKIPPED = frozenset({engine.ReasonCode.TERM_MISSED, engine.ReasonCode.TERM_SCHEDULED})


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day item of the feed."""

    uid: str
    kind: str  # revision, deadline or decision
    plan: str
    day: dt.date
    summary: str
    description: str
    url: str | None = None


def _day(when: int | dt.date) -> tuple[dt.date, bool]:
    """The day an item falls on, and whether it stands for a whole year (31 December)."""
    return (when, False) if isinstance(when, dt.date) else (dt.date(when, 12, 31), True)


def _event(plan: Plan, kind: str, when: int | dt.date, summary: str, lines: list[str]) -> CalendarEvent:
    day, year_only = _day(when)
    if year_only:
        lines.append(t("publish.ics.year-only", year=day.year))
    return CalendarEvent(
        uid=f"{plan.id}-{kind}-{day.isoformat()}@{DOMAIN}",
        kind=kind,
        plan=plan.id,
        day=day,
        summary=summary,
        description="\n".join(lines),
        url=plan.links[0] if plan.links else None,
    )


def _revisions(plan: Plan) -> Iterable[CalendarEvent]:
    for revision in engine.pending_revisions(plan):
        lines = [t("publish.ics.state", state=t(f"state.{revision.state.value}"))]
        if revision.note:
            lines.append(revision.note)
        summary = t("publish.ics.revision", title=plan.title)
        yield _event(plan, "revision", revision.target, summary, lines)


def _decisions(plan: Plan, as_of: dt.date) -> Iterable[CalendarEvent]:
    decisions = [*plan.decisions, *(r.decision for r in plan.revisions if r.decision is not None)]
    for decision in decisions:
        when = decision.date if decision.date is not None else decision.year
        if when is None or _day(when)[0] <= as_of:
            continue
        lines = [decision.note] if decision.note else []
        if decision.case:
            lines.append(t("publish.ics.case", case=decision.case))
        yield _event(plan, "decision", when, t("publish.ics.decision", title=plan.title), lines)


def _deadlines(register: Register, plans: list[Plan] | None, as_of: dt.date) -> Iterable[CalendarEvent]:
    for year in terms.term_of_date(as_of).years:
        for check in requirements.check(register, year, plans=plans, today=as_of):
            requirement = check.requirement
            for judged in check.plans:
                for reason in judged.reasons:
                    if reason.ground is not engine.Ground.REQUIREMENT or reason.code in _SKIPPED:
                        continue
                    if requirement.id not in reason.requirements:
                        continue
                    lines = [reason.text(), t("publish.ics.requirement", requirement=requirement.title)]
                    when: int | dt.date = reason.date or reason.year
                    summary = t("publish.ics.deadline", title=judged.plan.title, requirement=requirement.title)
                    yield _event(judged.plan, "deadline", when, summary, lines)


def events(register: Register, plans: list[Plan], as_of: dt.date, *, filtered: bool) -> list[CalendarEvent]:
    """Every event for ``plans`` (the overview's order), asked on ``as_of``; one per UID, by day.

    ``filtered`` says ``plans`` is a selection, so only its plans' requirement deadlines count."""
    found: dict[str, CalendarEvent] = {}
    for plan in plans:
        for event in (*_revisions(plan), *_decisions(plan, as_of)):
            found.setdefault(event.uid, event)
    wanted = {p.id for p in plans}
    for event in _deadlines(register, plans if filtered else None, as_of):
        if event.plan in wanted:
            found.setdefault(event.uid, event)
    return sorted(found.values(), key=lambda e: (e.day, e.uid))


def render(items: Sequence[CalendarEvent], *, name: str, as_of: dt.date) -> bytes:
    """The feed as RFC 5545 bytes (CRLF, folded at 75 octets)."""
    import icalendar  # only `calendar` pays for it

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//planstrategi//oversikt over planer//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An X- property is of no known type to icalendar, which would write a newline in it raw and
    # then refuse the line: say it is TEXT, so it is escaped as the summary is.
    calendar.add("x-wr-calname", icalendar.vText(safety.ics_text(name)))
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
    for item in items:
        event = icalendar.Event()
        event.add("uid", safety.ics_text(item.uid))  # the plan's id is a slug; the sink all the same
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", safety.ics_text(item.summary))
        event.add("description", safety.ics_text(item.description))
        event.add("categories", [t(f"publish.ics.kind.{item.kind}")])
        event.add("transp", "TRANSPARENT")  # a deadline does not make the planner busy
        url = safety.ics_link(item.url)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def calendar_name(register: Register) -> str:
    home = register.municipalities.home if register.municipalities else ""
    return t("publish.ics.name", name=register.municipality_name(home))
