"""The glossary: the Norwegian words a planner uses, and the identifiers the register writes for them.

One source of truth for two readers: a person learning the model (``python -m pydoc
planstrategi.model.glossary``, or this file), and ``validate``, which turns a Norwegian key in a
file (``merknad:``) into "did you mean «remarks»?". Each ``Term`` gives the Norwegian words, the
field a key would be called (empty for a concept that is not one key), and what the term means.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """Norwegian ``words`` for one thing; ``field`` is the key a file writes for it ("" if none)."""

    words: tuple[str, ...]
    field: str
    meaning: str = ""


TERMS: tuple[Term, ...] = (
    Term(("planstrategi", "kommunal planstrategi"), "", "planning strategy (the document this register replaces)"),
    Term(("tittel", "navn på planen", "plannavn"), "title"),
    Term(("gruppe", "kategori", "tema"), "category", "group in the plan overview"),
    Term(("type", "dokumenttype", "plantype"), "kind", "plan, strategi, reglement, retningslinje … (Kind)"),
    Term(("kommunenummer", "kommune", "kommunenr"), "municipality", 'four digits, "3430"'),
    Term(("vertskommune",), "host", "host municipality"),
    Term(("samarbeidskommuner", "samarbeidskommune", "partnere"), "partners"),
    Term(("vedtatt", "vedtaksdato", "vedtaksår"), "adopted"),
    Term(("vedtatt av", "vedtatt i", "vedtaksorgan"), "adopted_by"),
    Term(("vedtak",), "decisions", "decisions (Decision): case, date, body"),
    Term(("saksnummer", "saksnr", "sak"), "case", "Decision.case, as in sak 41/17"),
    Term(("dato", "møtedato"), "date"),
    Term(("organ", "vedtatt av organ"), "body", "who decided (Body)"),
    Term(("gyldig fra", "gjelder fra"), "valid_from"),
    Term(("gyldig til", "gjelder til", "gyldighet"), "valid_to", "last year it applies"),
    Term(("revisjon", "revisjoner", "rullering"), "revisions", "a piece of work toward a target (Revision)"),
    Term(("frist", "måldato", "målår", "revideres"), "target", "when the revision is to be adopted"),
    Term(("arbeid fra", "oppstart"), "work_from"),
    Term(("arbeid til",), "work_to"),
    Term(
        ("tilstand", "revisjonsstatus"),
        "state",
        "planlagt / pågår / vedtatt / utsatt / avlyst (droppet) (RevisionState)",
    ),
    Term(("utsatt fra",), "postponed_from"),
    Term(("hyppighet", "revisjonshyppighet", "syklus"), "cadence", "how often it is revised (Cadence)"),
    Term(("regel",), "rule"),
    Term(("intervall", "antall år"), "interval_years"),
    Term(("overordna", "overordnet", "overordna plan", "overordnet plan"), "overarching"),
    Term(("del av", "delplan av"), "part_of"),
    Term(("plassering", "rekkefølge", "nummer"), "position"),
    Term(("kommunenummer", "nummer"), "number", "Municipality.number"),
    Term(("antatt",), "inferred"),
    Term(("ansvarlig", "ansvar"), "responsible"),
    Term(("lenke", "lenker", "nettside"), "links"),
    Term(("hjemmel", "lovhjemmel"), "legal_basis"),
    Term(("lovkrav", "krav"), "requirements", "statutory requirements (Requirement)"),
    Term(("erstatter",), "supersedes"),
    Term(("erstattet av",), "superseded_by"),
    Term(("merknad", "merknader", "kommentar"), "remarks", "the overview's last column"),
    Term(("notat", "beskrivelse av revisjonen"), "note"),
    Term(("status",), "status", "gjeldende, under-revisjon, utkast, utgått or erstattet"),
    Term(("konstituerende møte",), "constituted", "the start of a council term (TermStart)"),
    Term(("valgperiode", "kommunestyreperiode"), "", "council term (see rules/terms.py)"),
    Term(("valgår",), "election_year"),
    Term(("hjemkommune", "egen kommune"), "home"),
    Term(("kommuner",), "municipalities"),
    Term(("navn",), "name"),
    Term(("fylke",), "county"),
    Term(("folketall", "innbyggere", "innbyggertall"), "population"),
    Term(("framskrivinger", "befolkningsframskriving"), "projections"),
    Term(("interkommunalt samarbeid", "samarbeid"), "cooperations"),
    Term(("mål",), "goals", "goals (Goal), with strategies (Strategy) and measures (Measure)"),
    Term(("strategier",), "strategies"),
    Term(("tiltak",), "measures"),
    Term(("visjon",), "vision"),
    Term(("kilde",), "source"),
    Term(("indikator", "målverdi", "målverdier"), "targets", "measurable targets (Target)"),
    Term(("beskrivelse",), "description"),
    Term(("grupper", "kategorier"), "categories"),
    Term(("hjemmelsstyrke", "styrke"), "strength", "lov, forskrift, … (Strength)"),
    Term(("sammendrag",), "summary"),
    Term(("kontrollert", "verifisert"), "verified"),
    Term(("lov",), "law"),
    Term(("paragraf",), "section"),
)


def _normal(word: str) -> str:
    """A key as a planner might write it, reduced to compare: case, ``_``/``-`` and spaces ignored."""
    return " ".join(word.lower().replace("_", " ").replace("-", " ").split())


_BY_WORD: dict[str, list[str]] = {}
for _term in TERMS:
    for _word in _term.words:
        if _term.field:
            _BY_WORD.setdefault(_normal(_word), []).append(_term.field)


def fields_for(word: str) -> list[str]:
    """The fields a Norwegian ``word`` (a key in a file: ``merknad``, ``Vedtatt_av``) may stand for."""
    return list(_BY_WORD.get(_normal(word), ()))


def words() -> list[str]:
    """Every Norwegian word that stands for a field, compared as ``fields_for`` compares them."""
    return list(_BY_WORD)
