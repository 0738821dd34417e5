"""The tool's list of every Norwegian municipality, and names filled in from it.

The list is package data (``planstrategi/data/norwegian-municipalities.yaml``: number, name, county
and language decision, with its sources in the file's header). ``init`` takes the name and county
from it, and a partner in a register's ``municipalities.yaml`` may be given by number alone: the
register gets the name from here when it loads. The list is read once, and only when asked.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from planstrategi.model import Municipality, MunicipalityFile
from planstrategi.model.catalogue import KnownMunicipality, LanguageForm, MunicipalityList, OfficialLanguageForm
from planstrategi.store import modelcheck, yamlio

LIST_FILE = "norwegian-municipalities.yaml"

#: The output language a municipality's own language decision asks for; nøytral asks for none.
OUTPUT_LANGUAGE: dict[OfficialLanguageForm, LanguageForm] = {
    OfficialLanguageForm.BOKMAL: LanguageForm.BOKMAL,
    OfficialLanguageForm.NYNORSK: LanguageForm.NYNORSK,
}


class BrokenList(Exception):
    """The packaged list does not read: a broken installation, not a user's mistake."""


@cache
def every_municipality() -> dict[str, KnownMunicipality]:
    """Number -> entry, for all 357 municipalities."""
    source = resources.files("planstrategi.data").joinpath(LIST_FILE)
    text = source.read_text(encoding="utf-8")
    document = yamlio.parse(text, f"planstrategi/data/{LIST_FILE}")
    listed, problems = modelcheck.check(document, MunicipalityList)
    if listed is None or problems or document.problems:
        raise BrokenList(LIST_FILE)
    return {m.number: m for m in listed.municipalities}


def lookup(number: str) -> KnownMunicipality | None:
    """The municipality with this number, or None if there is none."""
    return every_municipality().get(number)


def output_language(number: str) -> LanguageForm | None:
    """The output language for the municipality's register: nb or nn where its decision says so."""
    known = lookup(number)
    if known is None or known.language is None:
        return None
    return OUTPUT_LANGUAGE.get(known.language)


def unnamed(municipalities: MunicipalityFile) -> list[int]:
    """The positions of the municipalities given by number alone."""
    return [index for index, m in enumerate(municipalities.municipalities) if m.name is None]


def with_names(municipalities: MunicipalityFile) -> tuple[MunicipalityFile, list[int]]:
    """The file with every name the list knows filled in, and the positions it could not name."""
    missing = unnamed(municipalities)
    if not missing:
        return municipalities, []
    filled: list[Municipality] = list(municipalities.municipalities)
    unknown: list[int] = []
    for index in missing:
        known = lookup(filled[index].number)
        if known is None:
            unknown.append(index)
            continue
        county = filled[index].county or known.county
        filled[index] = filled[index].model_copy(update={"name": known.name, "county": county})
    return municipalities.model_copy(update={"municipalities": filled}), unknown
