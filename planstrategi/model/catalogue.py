"""The register's shared files: the municipalities and their cooperation, the groups, the requirements."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, Strict, StringConstraints

from planstrategi.model.common import Body, Count, Link, MunicipalityNumber, Slug, StrictModel, Text, Year
from planstrategi.model.plain import LanguageForm as LanguageForm  # re-exported: defined without pydantic
from planstrategi.model.plain import OfficialLanguageForm as OfficialLanguageForm
from planstrategi.model.plain import Strength
from planstrategi.model.plan import Cadence


class Projection(StrictModel):
    """A population projection (befolkningsframskriving)."""

    year: Year = Field(description="The year projected.")
    population: Count = Field(description="Projected number of inhabitants.")
    source: Text = Field(description='Who made the projection, e.g. "SSB".')


class Municipality(StrictModel):
    """A municipality the register mentions (kommune)."""

    number: MunicipalityNumber = Field(description='Kommunenummer, four digits as a string, e.g. "3430".')
    name: Text | None = Field(
        default=None,
        description="The municipality's name; left out, it is taken from the tool's list of every municipality.",
    )
    county: Text | None = Field(default=None, description="County (fylke).")
    population: Count | None = Field(default=None, description="Number of inhabitants.")
    population_year: Year | None = Field(default=None, description="Year the population figure is from.")
    projections: list[Projection] = Field(default_factory=list, description="Population projections.")


class Cooperation(StrictModel):
    """An inter-municipal arrangement (interkommunalt samarbeid)."""

    id: Slug = Field(description="Identifier of the arrangement.")
    title: Text = Field(description="The service or field, e.g. Barnevern.")
    kind: Annotated[str, Strict(), StringConstraints(pattern="^(vertskommune|avtale|felles-strategi)$")] = Field(
        description="vertskommune (host-municipality cooperation), avtale (agreement-based) or felles-strategi."
    )
    host: MunicipalityNumber | None = Field(default=None, description="Kommunenummer of the host, if known.")
    partners: list[MunicipalityNumber] = Field(default_factory=list, description="The municipalities taking part.")
    region: Text | None = Field(default=None, description="Region, when the partners are named only as one.")
    note: Text | None = Field(default=None, description="Remark.")


class TermStart(StrictModel):
    """When a council term began: the date of the new council's constituent meeting (konstituerende møte)."""

    election_year: Year = Field(description="The election year of the term, e.g. 2023.")
    constituted: dt.date = Field(
        description="Date of the constituent meeting, YYYY-MM-DD; the law puts it by the end of October."
    )
    note: Text | None = Field(default=None, description="Where the date comes from.")


class KnownMunicipality(StrictModel):
    """One entry in the tool's list of every Norwegian municipality (package data, not a register file)."""

    number: MunicipalityNumber
    name: Text
    county: Text
    language: OfficialLanguageForm | None = None  # None: not verified from a public source


class MunicipalityList(StrictModel):
    """``planstrategi/data/norwegian-municipalities.yaml``: every municipality, by number."""

    municipalities: list[KnownMunicipality] = Field(min_length=1)


class MunicipalityFile(StrictModel):
    """``data/municipalities.yaml``: the municipalities and their cooperation."""

    home: MunicipalityNumber = Field(description="Kommunenummer of the municipality that keeps this register.")
    language: LanguageForm | None = Field(
        default=None,
        description="The language form of the tool's output for this register: nb (bokmål), nn (nynorsk) or en; "
        "--lang and PLANSTRATEGI_LANG override it. Left out: bokmål.",
    )
    municipalities: list[Municipality] = Field(min_length=1, description="Every municipality the register names.")
    cooperations: list[Cooperation] = Field(default_factory=list, description="Inter-municipal arrangements.")
    terms: list[TermStart] = Field(
        default_factory=list,
        description="The home council's constituent meetings; a term not listed is taken to begin 1 October.",
    )


class Category(StrictModel):
    """A group of the plan overview (gruppe i planoversikten)."""

    id: Slug = Field(description="Identifier used by plans' category.")
    name: Text = Field(description="Name in Norwegian, as in the overview.")
    name_en: Text | None = Field(default=None, description="Name in English.")


class CategoryFile(StrictModel):
    """``data/categories.yaml``: the groups, in the order the overview shows them."""

    categories: list[Category] = Field(min_length=1, description="The groups, in display order.")


class LegalBasis(StrictModel):
    """Where a requirement comes from (hjemmel): the law and section, with a link."""

    law: Text = Field(description='The law or regulation, e.g. "plan- og bygningsloven".')
    section: Text | None = Field(default=None, description='The section, e.g. "§ 10-1".')
    link: Link | None = Field(default=None, description="Address of the text, preferably on lovdata.no.")


class Requirement(StrictModel):
    """A plan the municipality must or should have (lovkrav / krav): one entry in requirements.yaml."""

    id: Slug = Field(description="Identifier; plans name it in their requirements list.")
    title: Text = Field(description="The requirement in Norwegian, e.g. Kommunal planstrategi.")
    legal_basis: list[LegalBasis] = Field(min_length=1, description="Where the requirement comes from.")
    strength: Strength = Field(description="lov, forskrift, nasjonal-retningslinje, tilskuddsvilkår or anbefaling.")
    cadence: Cadence = Field(description="How often the plan is to be adopted or revised.")
    cadence_strength: Strength | None = Field(
        default=None, description="How binding the cadence is, when weaker than the requirement itself."
    )
    adopted_by: Body | None = Field(default=None, description="Who must adopt it, where the law says so.")
    summary: Text = Field(description="What the law says, in a sentence or two of our own words.")
    verified: Annotated[bool, Strict()] = Field(
        description="true only when the wording of the law itself was checked; else false with a note."
    )
    note: Text | None = Field(default=None, description="What is uncertain, or how the cadence is to be read.")


class RequirementFile(StrictModel):
    """``data/requirements.yaml``: the statutory and recommended plans."""

    requirements: list[Requirement] = Field(min_length=1, description="The requirements, in display order.")
