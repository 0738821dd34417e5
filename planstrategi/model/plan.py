"""A plan file (``data/plans/<id>.yaml``): the document, its revisions and how often it is revised."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, Strict

from planstrategi.model.common import Body, Decision, Link, MunicipalityNumber, Slug, StrictModel, Text, Year


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


class Cadence(StrictModel):
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


class Revision(StrictModel):
    """One revision of the plan, planned or done (revisjon)."""

    year: Year = Field(description="The year the revision is planned for or was adopted in.")
    state: RevisionState = Field(default=RevisionState.PLANLAGT, description="planlagt, pågår or vedtatt.")
    note: Text | None = Field(default=None, description="Why, or what the revision covers.")


class Plan(StrictModel):
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
