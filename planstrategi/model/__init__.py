"""The register's data model: what a plan, its goals and the municipalities are.

Pydantic v2 models, one per kind of YAML file, in ``common``, ``plan``, ``goals`` and
``catalogue``; this package gathers them, so callers import from ``planstrategi.model``. The enums
and the year range are in ``plain`` (no pydantic), and the models are imported on first use.
Unknown keys are errors (a typo must not be dropped silently); closed sets are enums whose
values are the Norwegian words a planner writes. Checks that span several files (unique ids,
references) live in ``store/register.py``, not here.

The glossary (Norwegian term -> identifier) is data, in ``glossary.TERMS``: one list that a
reader looks terms up in and that ``validate`` reads to answer a Norwegian key in a file
(``merknad:``) with "did you mean «remarks»?". A few to begin with: vedtatt ``adopted``,
revisjon ``Revision``, hyppighet ``Cadence``, vertskommune ``host``, merknad ``remarks``.
"""

from typing import TYPE_CHECKING, Any

# The words and the year range are plain Python; the pydantic models are imported when first asked
# for (``from planstrategi.model import Plan``), so that code reading only enums never loads pydantic.
from planstrategi.model.plain import (
    MAX_YEAR,
    MIN_YEAR,
    PENDING_STATES,
    Body,
    CadenceRule,
    Comparison,
    Inferable,
    Kind,
    LanguageForm,
    RevisionState,
    Status,
    Strength,
)

if TYPE_CHECKING:
    from planstrategi.model.catalogue import (
        Category,
        CategoryFile,
        Cooperation,
        LegalBasis,
        Municipality,
        MunicipalityFile,
        Projection,
        Requirement,
        RequirementFile,
        TermStart,
    )
    from planstrategi.model.common import (
        CASE_PATTERN,
        LINK_PATTERN,
        MUNICIPALITY_PATTERN,
        SLUG_PATTERN,
        Count,
        Decision,
        Link,
        MunicipalityNumber,
        Number,
        Slug,
        Text,
        Year,
    )
    from planstrategi.model.goals import Goal, GoalSet, Measure, Strategy, Target
    from planstrategi.model.plan import Cadence, Plan, Revision

_LAZY = {
    "catalogue": (
        "Category",
        "CategoryFile",
        "Cooperation",
        "LegalBasis",
        "Municipality",
        "MunicipalityFile",
        "Projection",
        "Requirement",
        "RequirementFile",
        "TermStart",
    ),
    "common": (
        "CASE_PATTERN",
        "LINK_PATTERN",
        "MUNICIPALITY_PATTERN",
        "SLUG_PATTERN",
        "Count",
        "Decision",
        "Link",
        "MunicipalityNumber",
        "Number",
        "Slug",
        "Text",
        "Year",
    ),
    "goals": ("Goal", "GoalSet", "Measure", "Strategy", "Target"),
    "plan": ("Cadence", "Plan", "Revision"),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    """A pydantic model (or a pattern of ``common``), imported on first use."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"planstrategi.model.{module}"), name)
    globals()[name] = value
    return value


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
