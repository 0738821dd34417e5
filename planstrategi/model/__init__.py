"""The register's data model: what a plan, its goals and the municipalities are.

Pydantic v2 models, one per kind of YAML file, in ``common``, ``plan``, ``goals`` and
``catalogue``; this package gathers them, so callers import from ``planstrategi.model``.
Unknown keys are errors (a typo must not be dropped silently); closed sets are enums whose
values are the Norwegian words a planner writes. Checks that span several files (unique ids,
references) live in ``store/register.py``, not here.

The glossary (Norwegian term -> identifier) is data, in ``glossary.TERMS``: one list that a
reader looks terms up in and that ``validate`` reads to answer a Norwegian key in a file
(``merknad:``) with "did you mean «remarks»?". A few to begin with: vedtatt ``adopted``,
revisjon ``Revision``, hyppighet ``Cadence``, vertskommune ``host``, merknad ``remarks``.
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
