"""JSON Schema files generated from the models, for editors (completion, hover help) and for CI.

``generate()`` gives the text of each schema file; ``planstrategi schema`` writes them to
``schemas/``, where the data files' ``# yaml-language-server: $schema=…`` header points. The text
is deterministic (keys sorted, two-space indent, one trailing newline), so the committed files
can be compared with freshly generated ones.

The schemas see the data the way check-jsonschema and editors do: YAML parsed and dates turned
into strings. So a date is a ``format: date`` string, and ``adopted`` is an integer year or such
a string. Rules a JSON Schema cannot express stay with ``planstrategi validate`` alone:

* duplicate keys (the YAML parser keeps the last one before the schema sees the data);
* the YAML 1.1 traps (``no``, ``1:20``, ``017``): YAML 1.2 parsers read them differently;
* references across files (categories, municipalities, ``part_of``, ``supersedes``, goals' plan);
* ``id`` equal to the file name, and each id used once;
* a year written as ``2021.0`` (JSON Schema counts it as an integer);
* a date without leading zeros (``2021-1-5``), which YAML reads as a date but ``format: date``
  refuses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan, RequirementFile
from planstrategi.model.github import GitHubUserFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

#: File name -> (model, title). The order is the order ``planstrategi schema`` prints them in.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "plan.schema.json": (Plan, "planstrategi: one plan (data/plans/<id>.yaml)"),
    "goals.schema.json": (GoalSet, "planstrategi: the goals of one plan (data/goals/<plan-id>.yaml)"),
    "municipalities.schema.json": (MunicipalityFile, "planstrategi: municipalities (data/municipalities.yaml)"),
    "categories.schema.json": (CategoryFile, "planstrategi: groups of the plan overview (data/categories.yaml)"),
    "requirements.schema.json": (RequirementFile, "planstrategi: statutory requirements (data/requirements.yaml)"),
    "github-users.schema.json": (
        GitHubUserFile,
        "planstrategi: GitHub users of the responsibles (data/github-users.yaml)",
    ),
}

#: Which schema a data file uses, by its place in the register folder.
PLAN_SCHEMA = "plan.schema.json"
GOALS_SCHEMA = "goals.schema.json"
MUNICIPALITIES_SCHEMA = "municipalities.schema.json"
CATEGORIES_SCHEMA = "categories.schema.json"
REQUIREMENTS_SCHEMA = "requirements.schema.json"
GITHUB_USERS_SCHEMA = "github-users.schema.json"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, plus the rules pydantic knows but does not put in the schema."""

    schema_dialect = DIALECT

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        # Text is stripped before its length is checked, so "   " is empty: require a non-space.
        if schema.get("strip_whitespace") and schema.get("min_length") and "pattern" not in json_schema:
            json_schema["pattern"] = r"\S"
        return json_schema

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        # Not every validator asserts "format"; the pattern holds everywhere.
        return {**super().date_schema(schema), "pattern": DATE_PATTERN}

    def generate(self, schema: CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        json_schema = super().generate(schema, mode=mode)
        json_schema["$schema"] = self.schema_dialect
        return json_schema


def build(name: str) -> dict[str, Any]:
    """The schema ``name`` (a key of SCHEMAS) as a dictionary."""
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(schema_generator=_Generator, mode="validation")
    schema["$id"] = f"urn:planstrategi:{name}"
    schema["title"] = title
    return schema


def render(schema: dict[str, Any]) -> str:
    """Stable text: keys sorted, two-space indent, UTF-8 kept, one newline at the end."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate() -> dict[str, str]:
    """File name -> text, for every schema."""
    return {name: render(build(name)) for name in SCHEMAS}


def on_disk(path: Path) -> str | None:
    """The text of a schema file as it lies on disk, to compare with a fresh one; None when there is
    no regular file there or it cannot be read. Bytes that are not UTF-8 are replaced (the file is
    then simply out of date), never a UnicodeDecodeError."""
    try:
        if not path.is_file():  # also False for a link that loops
            return None
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:  # unreadable, or vanished meanwhile: out of date, and the write says why
        return None


def header(schema_name: str, depth: int) -> str:
    """The path a data file's ``yaml-language-server`` header gives for ``schema_name``.

    ``depth`` is how many folders below the repository root the file is: 2 for
    ``data/plans/x.yaml``, 1 for ``data/categories.yaml``.
    """
    return "../" * depth + "schemas/" + schema_name
