"""A goals file (``data/goals/<plan-id>.yaml``): goals, strategies, measures and measurable targets."""

from __future__ import annotations

from pydantic import Field

from planstrategi.model.common import Number, Slug, StrictModel, Text, Year
from planstrategi.model.plain import Comparison


class Target(StrictModel):
    """A measurable target of a goal (målbart mål)."""

    indicator: Text = Field(description="What is measured, e.g. direct greenhouse-gas emissions.")
    comparison: Comparison = Field(description="endring (per cent change), høyst, minst or holde.")
    value: Number = Field(description="The target value, e.g. -33 for a 33 % reduction.")
    unit: Text = Field(description='Unit of the value, e.g. "%" or "% per femårsperiode".')
    baseline_year: Year | None = Field(default=None, description="Year the change is measured from.")
    baseline_value: Number | None = Field(default=None, description="Value in the baseline year, if known.")
    target_year: Year | None = Field(default=None, description="Year the target is to be met.")


class Measure(StrictModel):
    """A measure (tiltak) that carries out a goal or strategy."""

    title: Text = Field(description="The measure.")
    description: Text | None = Field(default=None, description="More about the measure.")
    responsible: Text | None = Field(default=None, description="Who is responsible (ansvarlig), as the plan says.")
    status: Text | None = Field(default=None, description='Progress as the plan reports it, e.g. "Gjennomført i 2023".')


class Strategy(StrictModel):
    """A strategy (strategi) towards a goal."""

    title: Text = Field(description="The strategy.")
    measures: list[Measure] = Field(default_factory=list, description="Measures under the strategy.")


class Goal(StrictModel):
    """A goal (mål) or focus area (innsatsområde, tema) of a plan."""

    title: Text = Field(description="The goal or focus area.")
    description: Text | None = Field(default=None, description="The goal's wording, when the title is short.")
    targets: list[Target] = Field(default_factory=list, description="Measurable targets.")
    strategies: list[Strategy] = Field(default_factory=list, description="Strategies towards the goal.")
    measures: list[Measure] = Field(
        default_factory=list, description="Measures not tied to one strategy (innspill til tiltak, handlingsprogram)."
    )


class GoalSet(StrictModel):
    """The goals of one plan: one file in ``data/goals/``."""

    plan: Slug = Field(description="Id of the plan the goals belong to.")
    vision: Text | None = Field(default=None, description="The plan's vision (visjon), if it has one.")
    source: Text | None = Field(default=None, description="Where the goals are taken from.")
    goals: list[Goal] = Field(min_length=1, description="The goals, in the plan's order.")
