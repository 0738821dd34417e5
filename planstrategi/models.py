"""The register's data model: what a plan, its goals and the municipalities are.

Pydantic v2 models, one per kind of YAML file. Unknown keys are errors (a typo must not be
dropped silently); closed sets are enums whose values are the Norwegian words a planner writes.
Checks that span several files (unique ids, references) live in ``register.py``, not here.

Glossary (Norwegian term -> identifier):

    planstrategi ............ planning strategy (the document this register replaces)
    plan / strategi / reglement / retningslinje ... ``Kind``
    vedtatt ................. ``adopted``          vedtatt av ... ``adopted_by``
    saksnummer (sak 41/17) .. ``Decision.case``
    gyldighet / gjelder til . ``valid_from`` / ``valid_to``
    revisjon ................ ``Revision``         planlagt / pågår / vedtatt ... ``RevisionState``
    valgperiode / kommunestyreperiode ... council term (see ``rules.py``)
    hyppighet ............... ``Cadence``
    overordna plan .......... ``overarching``
    vertskommune ............ ``host`` (host municipality)
    samarbeidskommuner ...... ``partners``
    kommunenummer ........... municipality number, four digits ("3430")
    mål / strategi / tiltak . ``Goal`` / ``Strategy`` / ``Measure``
    ansvarlig ............... ``responsible``
    indikator / målverdi .... ``Target``
    hjemmel ................. ``legal_basis``
    merknad ................. ``remarks``
    lovkrav / krav .......... ``Requirement``     hjemmelsstyrke ... ``Strength``
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MUNICIPALITY_PATTERN = r"^[0-9]{4}$"
CASE_PATTERN = r"^[0-9]{1,4}/[0-9]{2,4}$"
LINK_PATTERN = r"^(https?://|mailto:)\S+$"
MIN_YEAR = 1900
MAX_YEAR = 2100

# Strict scalars: YAML's own types are taken as they are. A bare `no` is a bool and is not
# quietly turned into text; `2021.5` is not a year. Enums stay lax so that the text a planner
# writes ("gjeldende") is accepted as the enum member.
Slug = Annotated[str, Strict(), StringConstraints(pattern=SLUG_PATTERN)]
MunicipalityNumber = Annotated[str, Strict(), StringConstraints(pattern=MUNICIPALITY_PATTERN)]
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
Link = Annotated[str, Strict(), StringConstraints(pattern=LINK_PATTERN)]
Year = Annotated[int, Strict(), Field(ge=MIN_YEAR, le=MAX_YEAR)]
Count = Annotated[int, Strict(), Field(ge=0)]
Number = Annotated[float, Strict()]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kind(StrEnum):
    """What sort of document it is (dokumenttype)."""

    PLAN = "plan"
    KOMMUNEPLAN = "kommuneplan"
    KOMMUNEDELPLAN = "kommunedelplan"
    TEMAPLAN = "temaplan"
    STRATEGI = "strategi"
    HANDLINGSPLAN = "handlingsplan"
    REGLEMENT = "reglement"
    RETNINGSLINJE = "retningslinje"
    MELDING = "melding"
    ANALYSE = "analyse"
    RUTINE = "rutine"
    VEDTEKT = "vedtekt"
    AVTALE = "avtale"
    BUDSJETT = "budsjett"


class Status(StrEnum):
    """Where the document stands today."""

    GJELDENDE = "gjeldende"
    UNDER_REVISJON = "under-revisjon"
    UTKAST = "utkast"
    UTGATT = "utgått"
    ERSTATTET = "erstattet"


class Body(StrEnum):
    """Who adopts (vedtar) a document or a decision."""

    KOMMUNESTYRET = "kommunestyret"
    FORMANNSKAPET = "formannskapet"
    UTVALG = "utvalg"
    KONTROLLUTVALGET = "kontrollutvalget"
    ADMINISTRATIVT = "administrativt"
    INTERKOMMUNALT = "interkommunalt"
    STATEN = "staten"


class RevisionState(StrEnum):
    """The state of one planned revision."""

    PLANLAGT = "planlagt"
    PAGAR = "pågår"
    VEDTATT = "vedtatt"


class CadenceRule(StrEnum):
    """How often the document is to be revised."""

    VALGPERIODE = "valgperiode"  # once every council term
    ARLIG = "årlig"  # every year
    INTERVALL = "intervall"  # every N years (interval_years)
    LOPENDE = "løpende"  # continuously, as needed
    INGEN = "ingen"  # no fixed cadence


class Comparison(StrEnum):
    """How a target value is to be read."""

    ENDRING = "endring"  # change in per cent from the baseline year
    HOYST = "høyst"  # at most
    MINST = "minst"  # at least
    HOLDE = "holde"  # keep at the value


class Cadence(_Model):
    """The revision rhythm a plan follows (hyppighet)."""

    rule: CadenceRule = Field(description="valgperiode, årlig, intervall, løpende or ingen.")
    within_years: Annotated[int, Strict()] | None = Field(
        default=None,
        ge=1,
        le=4,
        description="With valgperiode: revised within this many years of the council's constitution "
        "(the planning strategy: 1).",
    )
    interval_years: Annotated[int, Strict()] | None = Field(
        default=None, ge=1, le=12, description="With intervall: the number of years between revisions."
    )


class Revision(_Model):
    """One revision of the plan, planned or done (revisjon)."""

    year: Year = Field(description="The year the revision is planned for or was adopted in.")
    state: RevisionState = Field(default=RevisionState.PLANLAGT, description="planlagt, pågår or vedtatt.")
    note: Text | None = Field(default=None, description="Why, or what the revision covers.")


class Decision(_Model):
    """A political or administrative decision about the plan (vedtak)."""

    case: Annotated[str, Strict(), StringConstraints(pattern=CASE_PATTERN)] | None = Field(
        default=None, description='Case number as written in the minutes, e.g. "41/17" or "22/363".'
    )
    date: dt.date | None = Field(default=None, description="Date of the meeting, YYYY-MM-DD.")
    year: Year | None = Field(default=None, description="The year, when no full date is known.")
    body: Body | None = Field(default=None, description="Who decided: kommunestyret, formannskapet, …")
    note: Text | None = Field(default=None, description="What was decided, in a few words.")


class Plan(_Model):
    """One plan, strategy, regulation or guideline: one file in ``data/plans/``."""

    id: Slug = Field(description="Identifier; lower-case slug, equal to the file name without .yaml.")
    title: Text = Field(description="The title as the municipality writes it.")
    category: Slug = Field(description="Group in the plan overview; an id from data/categories.yaml.")
    kind: Kind = Field(description="plan, strategi, reglement, retningslinje, melding, … (see Kind).")
    municipality: MunicipalityNumber = Field(
        description='Kommunenummer of the municipality that owns the document, e.g. "3430" for Os.'
    )
    host: MunicipalityNumber | None = Field(
        default=None, description="Kommunenummer of the host municipality (vertskommune) that runs the work."
    )
    partners: list[MunicipalityNumber] = Field(
        default_factory=list, description="Kommunenummer of the municipalities the plan is shared with."
    )
    adopted: Year | dt.date | None = Field(
        default=None, description="When it was adopted: a year (2021) or a date (2021-11-18); empty if not yet."
    )
    adopted_by: Body | None = Field(default=None, description="Who adopted it: kommunestyret, administrativt, …")
    decisions: list[Decision] = Field(default_factory=list, description="Decisions with case numbers and dates.")
    valid_from: Year | None = Field(default=None, description="First year of the validity period.")
    valid_to: Year | None = Field(default=None, description='Last year it applies ("gjelder til og med").')
    revisions: list[Revision] = Field(default_factory=list, description="Planned and completed revisions.")
    cadence: Cadence = Field(default=Cadence(rule=CadenceRule.INGEN), description="How often it is to be revised.")
    status: Status = Field(description="gjeldende, under-revisjon, utkast, utgått or erstattet.")
    overarching: Annotated[bool, Strict()] = Field(
        default=False, description="An overarching plan (overordna plan), as in the planning strategy's §1.6."
    )
    part_of: Slug | None = Field(default=None, description="Id of the plan this is a part of (delplan).")
    responsible: Text | None = Field(default=None, description="Who is responsible (ansvarlig).")
    links: list[Link] = Field(default_factory=list, description="Addresses of the document (http, https, mailto).")
    legal_basis: list[Text] = Field(
        default_factory=list, description='Legal basis, e.g. "plan- og bygningsloven § 10-1".'
    )
    requirements: list[Slug] = Field(
        default_factory=list, description="Ids of the statutory requirements (data/requirements.yaml) it meets."
    )
    supersedes: list[Slug] = Field(default_factory=list, description="Ids of the plans it replaces.")
    superseded_by: Slug | None = Field(default=None, description="Id of the plan that replaces it.")
    remarks: Text | None = Field(default=None, description="Remarks (merknad), as in the overview's last column.")

    @property
    def adopted_year(self) -> int | None:
        if isinstance(self.adopted, dt.date):
            return self.adopted.year
        return self.adopted


class Target(_Model):
    """A measurable target of a goal (målbart mål)."""

    indicator: Text = Field(description="What is measured, e.g. direct greenhouse-gas emissions.")
    comparison: Comparison = Field(description="endring (per cent change), høyst, minst or holde.")
    value: Number = Field(description="The target value, e.g. -33 for a 33 % reduction.")
    unit: Text = Field(description='Unit of the value, e.g. "%" or "% per femårsperiode".')
    baseline_year: Year | None = Field(default=None, description="Year the change is measured from.")
    baseline_value: Number | None = Field(default=None, description="Value in the baseline year, if known.")
    target_year: Year | None = Field(default=None, description="Year the target is to be met.")


class Measure(_Model):
    """A measure (tiltak) that carries out a goal or strategy."""

    title: Text = Field(description="The measure.")
    description: Text | None = Field(default=None, description="More about the measure.")
    responsible: Text | None = Field(default=None, description="Who is responsible (ansvarlig), as the plan says.")
    status: Text | None = Field(default=None, description='Progress as the plan reports it, e.g. "Gjennomført i 2023".')


class Strategy(_Model):
    """A strategy (strategi) towards a goal."""

    title: Text = Field(description="The strategy.")
    measures: list[Measure] = Field(default_factory=list, description="Measures under the strategy.")


class Goal(_Model):
    """A goal (mål) or focus area (innsatsområde, tema) of a plan."""

    title: Text = Field(description="The goal or focus area.")
    description: Text | None = Field(default=None, description="The goal's wording, when the title is short.")
    targets: list[Target] = Field(default_factory=list, description="Measurable targets.")
    strategies: list[Strategy] = Field(default_factory=list, description="Strategies towards the goal.")
    measures: list[Measure] = Field(
        default_factory=list, description="Measures not tied to one strategy (innspill til tiltak, handlingsprogram)."
    )


class GoalSet(_Model):
    """The goals of one plan: one file in ``data/goals/``."""

    plan: Slug = Field(description="Id of the plan the goals belong to.")
    vision: Text | None = Field(default=None, description="The plan's vision (visjon), if it has one.")
    source: Text | None = Field(default=None, description="Where the goals are taken from.")
    goals: list[Goal] = Field(min_length=1, description="The goals, in the plan's order.")


class Projection(_Model):
    """A population projection (befolkningsframskriving)."""

    year: Year = Field(description="The year projected.")
    population: Count = Field(description="Projected number of inhabitants.")
    source: Text = Field(description='Who made the projection, e.g. "SSB".')


class Municipality(_Model):
    """A municipality the register mentions (kommune)."""

    number: MunicipalityNumber = Field(description='Kommunenummer, four digits as a string, e.g. "3430".')
    name: Text = Field(description="The municipality's name.")
    county: Text | None = Field(default=None, description="County (fylke).")
    population: Count | None = Field(default=None, description="Number of inhabitants.")
    population_year: Year | None = Field(default=None, description="Year the population figure is from.")
    projections: list[Projection] = Field(default_factory=list, description="Population projections.")


class Cooperation(_Model):
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


class MunicipalityFile(_Model):
    """``data/municipalities.yaml``: the municipalities and their cooperation."""

    home: MunicipalityNumber = Field(description="Kommunenummer of the municipality that keeps this register.")
    municipalities: list[Municipality] = Field(min_length=1, description="Every municipality the register names.")
    cooperations: list[Cooperation] = Field(default_factory=list, description="Inter-municipal arrangements.")


class Category(_Model):
    """A group of the plan overview (gruppe i planoversikten)."""

    id: Slug = Field(description="Identifier used by plans' category.")
    name: Text = Field(description="Name in Norwegian, as in the overview.")
    name_en: Text | None = Field(default=None, description="Name in English.")


class CategoryFile(_Model):
    """``data/categories.yaml``: the groups, in the order the overview shows them."""

    categories: list[Category] = Field(min_length=1, description="The groups, in display order.")


class Strength(StrEnum):
    """How binding a requirement is (hjemmelsstyrke), strongest first."""

    LOV = "lov"  # an act of parliament
    FORSKRIFT = "forskrift"  # a regulation
    NASJONAL_RETNINGSLINJE = "nasjonal-retningslinje"  # a national guideline or circular
    TILSKUDDSVILKAR = "tilskuddsvilkår"  # a condition for a state grant
    ANBEFALING = "anbefaling"  # a recommendation


class LegalBasis(_Model):
    """Where a requirement comes from (hjemmel): the law and section, with a link."""

    law: Text = Field(description='The law or regulation, e.g. "plan- og bygningsloven".')
    section: Text | None = Field(default=None, description='The section, e.g. "§ 10-1".')
    link: Link | None = Field(default=None, description="Address of the text, preferably on lovdata.no.")


class Requirement(_Model):
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


class RequirementFile(_Model):
    """``data/requirements.yaml``: the statutory and recommended plans."""

    requirements: list[Requirement] = Field(min_length=1, description="The requirements, in display order.")
