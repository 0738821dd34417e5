"""A plan file (``data/plans/<id>.yaml``): the document, its revisions and how often it is revised."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AliasChoices, Field, Strict

from planstrategi.model.common import Body, Decision, Link, MunicipalityNumber, Slug, StrictModel, Text, Year
from planstrategi.model.plain import PENDING_STATES as PENDING_STATES  # re-exported: defined without pydantic
from planstrategi.model.plain import (
    CadenceRule,
    Inferable,
    Kind,
    PlanFacts,
    RevisionFacts,
    RevisionState,
    Status,
)


class Cadence(StrictModel):
    """The revision rhythm a plan follows (hyppighet)."""

    rule: CadenceRule = Field(
        description="valgperiode, årlig, intervall, løpende, planstrategi (whether to revise is decided in "
        "each planning strategy) or ingen."
    )
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


class Revision(RevisionFacts, StrictModel):
    """One revision of the plan: a piece of work with a target and, once it happens, a decision (revisjon).

    "Revideres i 24 og 25" is one revision: ``work_from: 2024``, ``target: 2025``. Version 0.1 files
    wrote only ``year``; it is read as ``target`` and ``planstrategi upgrade`` rewrites it.
    """

    target: Year | dt.date = Field(
        validation_alias=AliasChoices("target", "year"),
        description="When it is to be adopted: a year (2025) or a date (2025-06-19). For a postponed "
        "revision, the new target.",
    )
    work_from: Year | None = Field(
        default=None, description="First year of work on it; empty when the work falls in the target year."
    )
    work_to: Year | None = Field(
        default=None, description="Last year of work on it; empty when the work ends in the target year."
    )
    state: RevisionState = Field(
        default=RevisionState.PLANLAGT, description="planlagt, pågår, vedtatt, utsatt or avlyst."
    )
    decision: Decision | None = Field(
        default=None,
        description="The decision that adopted, postponed or cancelled it: date (or year), case, body.",
    )
    postponed_from: Year | dt.date | None = Field(
        default=None, description="With utsatt: the target it had before the decision moved it."
    )
    note: Text | None = Field(default=None, description="Why, or what the revision covers.")


class Plan(PlanFacts, StrictModel):
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
    part_of: Slug | None = Field(
        default=None, description="Id of the plan this is a part of (delplan); listed under it in the overview."
    )
    position: Annotated[int, Strict()] | None = Field(
        default=None,
        ge=1,
        description="Place in its group, as the plan overview lists it (1, 2, …); plans without one follow, by title.",
    )
    inferred: list[Inferable] = Field(
        default_factory=list,
        description="Fields whose value is an inference from the source, not stated in it (say why in a "
        "comment); reports mark what rests on them «antatt».",
    )
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
