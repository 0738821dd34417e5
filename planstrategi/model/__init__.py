"""The register's data model: what a plan, its goals and the municipalities are.

Pydantic v2 models, one per kind of YAML file, in ``common``, ``plan``, ``goals`` and
``catalogue``; this package gathers them, so callers import from ``planstrategi.model``.
Unknown keys are errors (a typo must not be dropped silently); closed sets are enums whose
values are the Norwegian words a planner writes. Checks that span several files (unique ids,
references) live in ``store/register.py``, not here.

Glossary (Norwegian term -> identifier):

    planstrategi ............ planning strategy (the document this register replaces)
    plan / strategi / reglement / retningslinje ... ``Kind``
    vedtatt ................. ``adopted``          vedtatt av ... ``adopted_by``
    saksnummer (sak 41/17) .. ``Decision.case``
    gyldighet / gjelder til . ``valid_from`` / ``valid_to``
    revisjon ................ ``Revision``: a piece of work, ``work_from``–``work_to``, toward a ``target``
    planlagt / pågår / vedtatt / utsatt / avlyst (droppet) ... ``RevisionState``
    konstituerende møte ..... ``TermStart.constituted`` (the start of a council term)
    valgperiode / kommunestyreperiode ... council term (see ``rules/engine.py``)
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

from planstrategi.model.catalogue import (
    Category,
    CategoryFile,
    Cooperation,
    LanguageForm,
    LegalBasis,
    Municipality,
    MunicipalityFile,
    Projection,
    Requirement,
    RequirementFile,
    Strength,
    TermStart,
)
from planstrategi.model.common import (
    CASE_PATTERN,
    LINK_PATTERN,
    MAX_YEAR,
    MIN_YEAR,
    MUNICIPALITY_PATTERN,
    SLUG_PATTERN,
    Body,
    Count,
    Decision,
    Link,
    MunicipalityNumber,
    Number,
    Slug,
    Text,
    Year,
)
from planstrategi.model.goals import Comparison, Goal, GoalSet, Measure, Strategy, Target
from planstrategi.model.plan import (
    PENDING_STATES,
    Cadence,
    CadenceRule,
    Inferable,
    Kind,
    Plan,
    Revision,
    RevisionState,
    Status,
)

__all__ = [
    "CASE_PATTERN",
    "LINK_PATTERN",
    "MAX_YEAR",
    "MIN_YEAR",
    "MUNICIPALITY_PATTERN",
    "PENDING_STATES",
    "SLUG_PATTERN",
    "Body",
    "Cadence",
    "CadenceRule",
    "Category",
    "CategoryFile",
    "Comparison",
    "Cooperation",
    "Count",
    "Decision",
    "Goal",
    "GoalSet",
    "Inferable",
    "Kind",
    "LanguageForm",
    "LegalBasis",
    "Link",
    "Measure",
    "Municipality",
    "MunicipalityFile",
    "MunicipalityNumber",
    "Number",
    "Plan",
    "Projection",
    "Requirement",
    "RequirementFile",
    "Revision",
    "RevisionState",
    "Slug",
    "Status",
    "Strategy",
    "Strength",
    "Target",
    "TermStart",
    "Text",
    "Year",
]
