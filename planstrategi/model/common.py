"""What every file of the register shares: strict scalars, the base model, who decides and a decision."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

from planstrategi.model.plain import MAX_YEAR as MAX_YEAR  # re-exported: defined without pydantic
from planstrategi.model.plain import MIN_YEAR as MIN_YEAR
from planstrategi.model.plain import Body as Body

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MUNICIPALITY_PATTERN = r"^[0-9]{4}$"
CASE_PATTERN = r"^[0-9]{1,4}/[0-9]{2,4}$"
LINK_PATTERN = r"^(https?://|mailto:)\S+$"

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


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Decision(StrictModel):
    """A political or administrative decision about the plan (vedtak)."""

    case: Annotated[str, Strict(), StringConstraints(pattern=CASE_PATTERN)] | None = Field(
        default=None, description='Case number as written in the minutes, e.g. "41/17" or "22/363".'
    )
    date: dt.date | None = Field(default=None, description="Date of the meeting, YYYY-MM-DD.")
    year: Year | None = Field(default=None, description="The year, when no full date is known.")
    body: Body | None = Field(default=None, description="Who decided: kommunestyret, formannskapet, …")
    note: Text | None = Field(default=None, description="What was decided, in a few words.")
