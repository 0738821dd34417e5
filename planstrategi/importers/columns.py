"""What a plan overview's columns mean: headings and their synonyms, year columns, and the x marks.

Headings are matched without regard to case, spacing, dots or a trailing colon, in bokmål,
nynorsk or English (``HEADINGS``). A year column is headed ``24``, ``2024``, ``2024/25`` or ``2024–2025``
(the first year counts). A heading that means nothing here is not an error: its cells go into
the plan's remarks as ``Heading: value`` and the import warns once, at the heading.

The x marks (``Marks``) mean what the table's legend says; ``--marks`` chooses:

* ``revision`` (the default): each run of adjacent marked years is one revision, worked on in
  those years and to be adopted in the last of them; a lone x is a revision adopted that year.
  This is how the bundled register reads Os kommune's table, whose legend says "X – forventet
  behandlet / er behandlet" (expected to be, or already, decided) and whose only rows with two
  x's side by side mean one piece of work over both years (the samfunnsdel: "Revideres i 24 og
  25"). A yearly plan (an økonomiplan, a kind ``budsjett``, or a remark saying "årlig" or
  "hvert år") has a round every marked year instead, and cadence ``årlig``.
* ``work``: the marks are work years only; the table says nothing of the decision, so the target
  is taken as the last work year and the plan lists ``revisions`` under ``inferred``.
* ``decision``: every x is a year a decision is expected: one revision each, no work years.
* ``deadline``: every x is a deadline to revise by: one revision each, with a note saying so.

A year cell may hold a word instead of an x: ``vedtatt``/``behandlet`` (that revision is
adopted) or ``pågår``/``under arbeid``/``oppstart`` (work has started).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from planstrategi.i18n import t
from planstrategi.model import Kind, RevisionState

HEADINGS: dict[str, frozenset[str]] = {
    "id": frozenset({"id", "planid", "plan-id"}),
    "title": frozenset(
        {"navn", "namn", "tittel", "title", "name", "plan", "planer", "planar", "plandokument", "plandokumenter"}
        | {"dokument", "plannavn", "plannamn"}
    ),
    "adopted": frozenset(
        {"vedtatt", "adopted", "vedtaksår", "vedtatt år", "år vedtatt", "vedtaksdato", "dato vedtatt", "vedtatt dato"}
        | {"vedteke", "vedteke år", "år vedteke", "dato vedteke", "vedteke dato"}
    ),
    "case": frozenset({"sak", "saksnr", "sak nr", "saksnummer", "vedtakssak", "case", "case number"}),
    "responsible": frozenset(
        {"ansvarlig", "ansvar", "enhet", "ansvarlig enhet", "avdeling", "sektor", "responsible", "unit"}
        | {"ansvarleg", "eining", "ansvarleg eining"}
    ),
    "body": frozenset(
        {"utvalg", "politisk utvalg", "utval", "politisk utval", "organ", "vedtaksorgan", "committee", "body"}
    ),
    "legal_basis": frozenset({"lovgrunnlag", "hjemmel", "lovhjemmel", "lov", "legal basis", "legal_basis"}),
    "new_or_revised": frozenset({"ny/revidert", "ny eller revidert", "ny/rev", "new/revised", "ny / revidert"}),
    "status": frozenset({"status", "tilstand"}),
    "remarks": frozenset(
        {"merknad", "merknader", "merknadar", "kommentar", "kommentarer", "kommentarar", "remark", "remarks", "note"}
        | {"notat"}
    ),
    "category": frozenset({"kategori", "category", "gruppe", "group", "område", "tjenesteområde"}),
    "kind": frozenset({"type", "kind", "dokumenttype", "art", "plantype"}),
}
_YEAR = re.compile(r"^((?:19|20)?[0-9]{2})(?:\s*[/–-]\s*(?:19|20)?[0-9]{2})?$")
MARKS = frozenset({"x", "✓", "✔", "ja", "yes", "*"})
_ADOPTED_WORDS = frozenset({"vedtatt", "behandlet", "ferdig", "adopted", "done", "vedteke", "behandla", "handsama"})
_WORK_WORDS = frozenset({"pågår", "under arbeid", "oppstart", "startet", "starta", "in progress", "started"})
_STATUS_WORDS = {
    "gjeldende": "gjeldende",
    "gjeldande": "gjeldende",
    "aktiv": "gjeldende",
    "under revisjon": "under-revisjon",
    "under-revisjon": "under-revisjon",
    "revideres": "under-revisjon",
    "utkast": "utkast",
    "ny": "utkast",
    "utgått": "utgått",
    "opphevet": "utgått",
    "oppheva": "utgått",
    "erstattet": "erstattet",
    "erstatta": "erstattet",
}
#: Words in a title that tell the kind of document, most specific first (kommunedelplan before kommuneplan).
_KIND_WORDS: list[tuple[re.Pattern[str], Kind]] = [
    (re.compile(r"\bkommunedelplan"), Kind.KOMMUNEDELPLAN),
    (re.compile(r"\bkommuneplan|samfunnsdel|arealdel"), Kind.KOMMUNEPLAN),
    (re.compile(r"handlingsplan|handlingsprogram"), Kind.HANDLINGSPLAN),
    (re.compile(r"retningslin"), Kind.RETNINGSLINJE),  # retningslinje, nynorsk retningsline
    (re.compile(r"reglement"), Kind.REGLEMENT),
    (re.compile(r"strategi(?:en|er|ene)?\b"), Kind.STRATEGI),  # not "strategisk næringsplan"
    (re.compile(r"vedtekt"), Kind.VEDTEKT),
    (re.compile(r"rutine"), Kind.RUTINE),
    (re.compile(r"melding"), Kind.MELDING),
    (re.compile(r"analyse"), Kind.ANALYSE),
    (re.compile(r"avtale"), Kind.AVTALE),
    (re.compile(r"budsjett"), Kind.BUDSJETT),
    (re.compile(r"\btemaplan"), Kind.TEMAPLAN),
]
_YEARLY = re.compile(r"\bårl[ie]g|\bhvert år|\bkvart år|\bannual|\byearly|\bevery year")


class Marks(StrEnum):
    """What an x in a year column means (``--marks``)."""

    REVISION = "revision"
    WORK = "work"
    DECISION = "decision"
    DEADLINE = "deadline"


def heading(cell: str) -> str:
    """A heading as compared: lower case, one space, no dots or colon at the ends."""
    return " ".join(cell.replace("\ufeff", "").split()).strip(" .:").lower()


def field_of(cell: str) -> str | None:
    """The field a heading names (``Ansvarlig`` -> ``responsible``), or None."""
    name = heading(cell)
    return next((key for key, names in HEADINGS.items() if name in names), None)


def year_of(cell: str) -> int | None:
    """The year a column heading names: ``24`` -> 2024, ``2024/25`` -> 2024; None for any other heading."""
    match = _YEAR.match(heading(cell))
    if match is None:
        return None
    first = match.group(1)
    return int(first) if len(first) == 4 else 2000 + int(first)


def guess_kind(title: str, default: str) -> str:
    """The kind a title names (…strategi, …reglement, kommunedelplan, handlingsplan), else ``default``."""
    lowered = title.lower()
    return next((kind.value for pattern, kind in _KIND_WORDS if pattern.search(lowered)), default)


def is_yearly(kind: str, remarks: str) -> bool:
    """A plan made every year: a budget, or one whose remark says so ("Revideres årlig")."""
    return kind == Kind.BUDSJETT.value or bool(_YEARLY.search(remarks.lower()))


def status_of(word: str) -> str | None:
    """The status a status cell's word names (``under revisjon`` -> ``under-revisjon``), else None."""
    return _STATUS_WORDS.get(heading(word))


def mark_state(cell: str) -> tuple[bool, RevisionState | None]:
    """Whether a year cell marks the year, and the state its word says; ValueError for anything else."""
    word = heading(cell)
    if not word:
        return False, None
    if word in MARKS:
        return True, None
    if word in _ADOPTED_WORDS:
        return True, RevisionState.VEDTATT
    if word in _WORK_WORDS:
        return True, RevisionState.PAGAR
    raise ValueError(cell)


def _runs(years: Iterable[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs


def revisions(marked: dict[int, RevisionState | None], meaning: Marks, *, yearly: bool) -> list[dict[str, object]]:
    """The revisions the marked years make, as plan-file data in the model's key order."""
    result: list[dict[str, object]] = []
    if meaning in (Marks.REVISION, Marks.WORK) and not yearly:
        groups = _runs(marked)
    else:
        groups = [[year] for year in sorted(marked)]
    for run in groups:
        revision: dict[str, object] = {"target": run[-1]}
        if len(run) > 1:
            revision["work_from"] = run[0]
        last = marked[run[-1]]
        if last is not None:
            revision["state"] = last.value
        elif any(marked[year] is not None for year in run):
            revision["state"] = RevisionState.PAGAR.value  # work has started on a revision not yet decided
        if meaning is Marks.DEADLINE:
            revision["note"] = t("importx.note-deadline")
        result.append(revision)
    return result
