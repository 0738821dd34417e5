"""What the models are without pydantic: the closed sets of words (enums), the year range, and the
properties derived from a revision's and a plan's fields.

The models in ``common``, ``plan``, ``catalogue`` and ``goals`` use these; they live apart so that
the question commands, answering from the register cache (``store/cache.py``) with plain objects,
can compare a plan's status or ask a revision's year without loading pydantic (its import and the
model classes cost more than the rest of a ``due`` run). Import them from ``planstrategi.model``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

MIN_YEAR = 1900
MAX_YEAR = 2100


class Body(StrEnum):
    """Who adopts (vedtar) a document or a decision."""

    KOMMUNESTYRET = "kommunestyret"
    FORMANNSKAPET = "formannskapet"
    UTVALG = "utvalg"
    KONTROLLUTVALGET = "kontrollutvalget"
    ADMINISTRATIVT = "administrativt"
    INTERKOMMUNALT = "interkommunalt"
    STATEN = "staten"


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
    """Where one revision stands: a piece of work from planned to decided."""

    PLANLAGT = "planlagt"  # planned: work has not started
    PAGAR = "pågår"  # in progress: work has started
    VEDTATT = "vedtatt"  # adopted: the decision closed it
    UTSATT = "utsatt"  # postponed by a decision; target is the new target
    AVLYST = "avlyst"  # cancelled (droppet) by a decision: it will not happen


PENDING_STATES = frozenset({RevisionState.PLANLAGT, RevisionState.PAGAR, RevisionState.UTSATT})


class CadenceRule(StrEnum):
    """How often the document is to be revised."""

    VALGPERIODE = "valgperiode"  # once every council term
    ARLIG = "årlig"  # every year
    INTERVALL = "intervall"  # every N years (interval_years)
    LOPENDE = "løpende"  # continuously, as needed
    PLANSTRATEGI = "planstrategi"  # whether to revise is decided in each planning strategy (pbl § 10-1)
    INGEN = "ingen"  # no fixed cadence


class Inferable(StrEnum):
    """The fields of a plan whose value may be an inference from the source rather than stated in it."""

    ADOPTED = "adopted"
    ADOPTED_BY = "adopted_by"
    VALID_FROM = "valid_from"
    VALID_TO = "valid_to"
    REVISIONS = "revisions"
    STATUS = "status"


class LanguageForm(StrEnum):
    """The language form the register's output is written in (målform)."""

    BOKMAL = "nb"
    NYNORSK = "nn"
    ENGLISH = "en"


class OfficialLanguageForm(StrEnum):
    """A municipality's own decision on its written language (språkvedtak, språklova § 11)."""

    BOKMAL = "bokmål"
    NYNORSK = "nynorsk"
    NOYTRAL = "nøytral"  # neutral: the state may write to it in either


class Strength(StrEnum):
    """How binding a requirement is (hjemmelsstyrke), strongest first."""

    LOV = "lov"  # an act of parliament
    FORSKRIFT = "forskrift"  # a regulation
    NASJONAL_RETNINGSLINJE = "nasjonal-retningslinje"  # a national guideline or circular
    TILSKUDDSVILKAR = "tilskuddsvilkår"  # a condition for a state grant
    ANBEFALING = "anbefaling"  # a recommendation


class Comparison(StrEnum):
    """How a target value is to be read."""

    ENDRING = "endring"  # change in per cent from the baseline year
    HOYST = "høyst"  # at most
    MINST = "minst"  # at least
    HOLDE = "holde"  # keep at the value


class RevisionFacts:
    """The properties of a revision (``model.Revision`` and the cache's plain revision share them)."""

    __slots__ = ()

    if TYPE_CHECKING:
        target: int | dt.date
        work_from: int | None
        work_to: int | None
        state: RevisionState

        @property
        def decision(self) -> DecisionFacts | None: ...

    @property
    def year(self) -> int:
        """The target's year: the year the revision is to be (or was meant to be) adopted."""
        return self.target.year if isinstance(self.target, dt.date) else self.target

    @property
    def first_work_year(self) -> int:
        return self.work_from if self.work_from is not None else min(self.year, self.work_to or self.year)

    @property
    def last_work_year(self) -> int:
        return self.work_to if self.work_to is not None else self.year

    @property
    def decided_on(self) -> int | dt.date:
        """When it was decided: the decision's date or year, else the target."""
        decision = self.decision
        if decision is not None and decision.date is not None:
            return decision.date
        if decision is not None and decision.year is not None:
            return decision.year
        return self.target

    @property
    def pending(self) -> bool:
        """Not yet decided: planlagt, pågår or utsatt."""
        return self.state in PENDING_STATES


class DecisionFacts(Protocol):
    """What ``RevisionFacts.decided_on`` reads of a decision (for the type checker)."""

    @property
    def date(self) -> dt.date | None: ...

    @property
    def year(self) -> int | None: ...


class PlanFacts:
    """The properties of a plan (``model.Plan`` and the cache's plain plan share them)."""

    __slots__ = ()

    if TYPE_CHECKING:
        adopted: int | dt.date | None

    @property
    def adopted_year(self) -> int | None:
        if isinstance(self.adopted, dt.date):
            return self.adopted.year
        return self.adopted
