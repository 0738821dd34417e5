"""``planstrategi calendar``: the iCalendar feed parsed back with ``icalendar``, event by event
against the engine's answers for the bundled register; stable UIDs; ``--owner``; hostile titles."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.rules import engine, query, requirements, terms
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BASE = ROOT / "tests" / "cases" / "_base"
AS_OF = dt.date(2026, 12, 2)


def feed(*args: str, data: Path = DATA) -> bytes:
    result = CliRunner().invoke(
        app, ["calendar", "--data", str(data), "--as-of", AS_OF.isoformat(), *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def parsed(raw: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(raw)
    found = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))  # no UID twice
    return found


def day(when: int | dt.date) -> dt.date:
    return when if isinstance(when, dt.date) else dt.date(when, 12, 31)


def expected_from_the_engine() -> dict[str, dt.date]:
    """The UIDs and days the bundled register should give, asked of the engine and the checklist."""
    register = reg.load(DATA)
    plans = query.select(register, query.Filters(), include_retired=False)
    wanted: dict[str, dt.date] = {}
    for plan in plans:
        for revision in engine.pending_revisions(plan):
            wanted[f"{plan.id}-revision-{day(revision.target).isoformat()}@planstrategi"] = day(revision.target)
    for year in terms.term_of_date(AS_OF).years:
        for check in requirements.check(register, year, today=AS_OF):
            for judged in check.plans:
                for reason in judged.reasons:
                    if reason.ground is engine.Ground.REQUIREMENT and reason.code not in (
                        engine.ReasonCode.TERM_MISSED,
                        engine.ReasonCode.TERM_SCHEDULED,
                    ):
                        when = day(reason.date or reason.year)
                        wanted[f"{judged.plan.id}-deadline-{when.isoformat()}@planstrategi"] = when
    return wanted


def test_every_event_is_an_answer_of_the_engine() -> None:
    events = parsed(feed())
    wanted = expected_from_the_engine()
    assert wanted  # the bundled register has revisions and open deadlines
    assert sorted(events) == sorted(wanted)
    for uid, event in events.items():
        assert event["dtstart"].dt == wanted[uid]
        assert event["dtend"].dt == wanted[uid] + dt.timedelta(days=1)
        assert event["dtstamp"].dt == dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
        if wanted[uid].month == 12 and wanted[uid].day == 31:
            assert "vist 31. desember" in str(event["description"])


def test_the_feed_names_itself_and_links_each_plan() -> None:
    calendar = icalendar.Calendar.from_ical(feed())
    assert str(calendar["x-wr-calname"]) == "Os kommune – oversikt over planer"
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    plan = events["etiske-retningslinjer-revision-2024-12-31@planstrategi"]
    assert str(plan["summary"]) == "Etiske retningslinjer – Arbeidsreglement, etiske regler: revisjon skal vedtas"
    assert str(plan["url"]).startswith("https://os.kommune.no/")


def test_english() -> None:
    calendar = icalendar.Calendar.from_ical(feed("--lang", "en"))
    assert str(calendar["x-wr-calname"]) == "Os municipality – plan overview"
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert any(s.endswith(": revision to be adopted") for s in summaries)
    assert not any(s.endswith(": revisjon skal vedtas") for s in summaries)


def test_two_runs_give_the_same_bytes() -> None:
    assert feed() == feed()


def test_owner_filters() -> None:
    events = parsed(feed("--owner", "kontrollutvalget"))  # case-blind, as `due --owner`
    assert sorted(events) == ["risiko-og-vesentlighetsvurderinger-revision-2024-12-31@planstrategi"]
    assert set(events) < set(parsed(feed()))


HOSTILE = (
    'id: hostile\ntitle: "Plan, med; tegn\\\\ og \\nny linje og en svært lang tittel som må brettes over flere '
    'linjer i kalenderfilen\\u0007"\ncategory: politisk-styring\nkind: plan\nmunicipality: "3430"\n'
    "status: gjeldende\nadopted: 2022\nrevisions: [{target: 2027-06-17, note: 'Sluttbehandling; juni'}]\n"
    "decisions:\n  - {date: 2027-06-17, case: '12/27', note: 'Kommunestyret, vedtak'}\n"
)


def test_hostile_titles_survive_a_round_trip(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "plans" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    raw = feed(data=root)
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"\x07" not in raw
    events = parsed(raw)
    # The BEL is shown as its escape, as in every sink (render/safety.py's ics_text).
    title = (
        "Plan, med; tegn\\ og \nny linje og en svært lang tittel som må brettes over flere linjer i kalenderfilen\\x07"
    )
    revision = events["hostile-revision-2027-06-17@planstrategi"]
    assert str(revision["summary"]) == f"{title}: revisjon skal vedtas"
    assert "Sluttbehandling; juni" in str(revision["description"])
    assert "31. desember" not in str(revision["description"])  # a day: no year-only note
    decision = events["hostile-decision-2027-06-17@planstrategi"]
    assert str(decision["summary"]) == f"{title}: vedtak planlagt"
    assert str(decision["description"]) == "Kommunestyret, vedtak\nSak 12/27."


def test_output_is_written_safely(tmp_path: Path) -> None:
    target = tmp_path / "planer.ics"
    feed("--output", str(target))
    first = target.read_bytes()
    assert first == feed()
    result = CliRunner().invoke(app, ["calendar", "--data", str(DATA), "--output", str(target)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "finnes" in result.stderr or "exists" in result.stderr
    assert target.read_bytes() == first
    feed("--output", str(target), "--force")


@pytest.mark.parametrize("owner", ["ingen-slik-ansvarlig"])
def test_owner_with_no_plans_gives_an_empty_feed(owner: str) -> None:
    calendar = icalendar.Calendar.from_ical(feed("--owner", owner))
    assert calendar.walk("VEVENT") == []
