"""The JSON Schema files: in step with the models, and in agreement with ``planstrategi validate``.

The schemas are checked with the independent ``jsonschema`` package, fed the data the way
check-jsonschema and editors feed it: YAML parsed, dates as strings. Where a schema can express
a rule, the two must agree on every bad-input case in ``tests/cases/`` and ``tests/schema_cases/``;
where it cannot (see ``planstrategi/store/schema.py``), the schema must at least not refuse a file
validate accepts.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.model.problems import Severity
from planstrategi.store import register, schema

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SCHEMA_CASES = ROOT / "tests" / "schema_cases"
DATA = ROOT / "data"

# What validate reports that a schema can say too: the shape of one file.
EXPRESSIBLE = frozenset(
    {"unknown-key", "missing-key", "wrong-type", "invalid-value", "year-range", "date-as-year", "not-a-mapping"}
)
# What only validate can say, though the file's data fits the schema: rules across files.
ACROSS_FILES = frozenset(
    {
        "id-mismatch",
        "duplicate-id",
        "duplicate-goals",
        "unknown-plan",
        "unknown-category",
        "unknown-municipality",
        "unknown-requirement",
        "missing-file",
        "github-user-twice",
        # and rules between fields of one file (store/plancheck.py)
        "work-after-target",
        "work-ends-before-start",
        "decision-missing",
        "postponed-not-utsatt",
        "adopted-after-validity",
    }
)
# The 0.1 form (a revision's ``year``): validate still reads it, with a warning to upgrade; the
# schema describes 0.2 only, so an editor already flags the key upgrade renames.
OLD_FORM = frozenset({"revision-year"})
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


class _AsCheckJsonschema(yaml.SafeLoader):
    """Parses like check-jsonschema: timestamps stay strings (JSON has no dates)."""


_AsCheckJsonschema.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def schema_for(relative: Path) -> str | None:
    """Which schema checks a file, by its place in the register; None for files outside it."""
    if relative.parent.name == register.PLANS_DIR:
        return schema.PLAN_SCHEMA
    if relative.parent.name == register.GOALS_DIR:
        return schema.GOALS_SCHEMA
    names = {
        register.CATEGORIES_FILE: schema.CATEGORIES_SCHEMA,
        register.MUNICIPALITIES_FILE: schema.MUNICIPALITIES_SCHEMA,
        "requirements.yaml": schema.REQUIREMENTS_SCHEMA,
        register.GITHUB_USERS_FILE: schema.GITHUB_USERS_SCHEMA,
    }
    return names.get(relative.name) if relative.parent == Path(".") else None


def validator(name: str) -> jsonschema.Draft202012Validator:
    committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(committed)
    return jsonschema.Draft202012Validator(committed, format_checker=jsonschema.FormatChecker())


def schema_errors(path: Path, relative: Path) -> list[str] | None:
    """The schema's complaints about one file; None when the file cannot be parsed at all."""
    name = schema_for(relative)
    assert name is not None, relative
    try:
        data = yaml.load(path.read_bytes(), Loader=_AsCheckJsonschema)  # a SafeLoader subclass
    except Exception:  # PyYAML raises KeyError, ValueError, … for odd input: the file is not YAML data
        return None
    try:
        return [error.message for error in validator(name).iter_errors(data)]
    except ValueError:  # jsonschema formats a 0xfff… integer past Python's int-to-str limit, and fails
        return None


def validate_codes(root: Path) -> dict[Path, set[str]]:
    """validate's error codes per file (relative to the register), with the warning for the 0.1 form."""
    loaded = register.load(root)
    codes: dict[Path, set[str]] = {}
    for problem in loaded.problems:
        if problem.severity is Severity.ERROR or problem.code in OLD_FORM:
            path = Path(problem.path)
            path = path.relative_to(root) if path.is_absolute() else path.resolve().relative_to(root.resolve())
            codes.setdefault(path, set()).add(problem.code)
    return codes


def yaml_files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*.yaml") if p.is_file() and schema_for(p.relative_to(root)))


def agree(root: Path) -> list[str]:
    """Where the schema and validate disagree about the files of the register at ``root``."""
    codes = validate_codes(root)
    disagreements = []
    for relative in yaml_files(root):
        errors = schema_errors(root / relative, relative)
        found = codes.get(relative, set())
        if errors is None:
            continue  # not YAML at all: validate reports the syntax, a schema never sees the file
        if found & EXPRESSIBLE and not errors:
            disagreements.append(f"{relative}: validate says {sorted(found)}, the schema accepts it")
        if found <= ACROSS_FILES and errors and not found & OLD_FORM:
            disagreements.append(f"{relative}: validate accepts its shape, the schema says {errors}")
    return disagreements


def test_committed_schemas_are_in_step_with_the_models(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--output", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    generated = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").iterdir()}
    assert generated == committed, "run: planstrategi schema --force"


def test_generation_is_deterministic() -> None:
    assert schema.generate() == schema.generate()
    assert list(json.loads(schema.generate()["plan.schema.json"])) == sorted(
        json.loads(schema.generate()["plan.schema.json"])
    )


def test_schema_head_and_descriptions() -> None:
    plan = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert plan["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert plan["$id"] == "urn:planstrategi:plan.schema.json"
    assert plan["title"].startswith("planstrategi: one plan")
    assert plan["properties"]["title"]["description"] == "The title as the municipality writes it."
    assert plan["additionalProperties"] is False
    adopted = {json.dumps(option, sort_keys=True) for option in plan["properties"]["adopted"]["anyOf"]}
    assert adopted == {
        '{"maximum": 2100, "minimum": 1900, "type": "integer"}',
        '{"format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "type": "string"}',
        '{"type": "null"}',
    }


def test_check_flag_reports_a_stale_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["schema", "--output", str(tmp_path)], catch_exceptions=False)
    (tmp_path / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--output", str(tmp_path), "--check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{tmp_path / 'plan.schema.json'} er ikke à jour; kjør planstrategi schema --force" in result.output
    assert (tmp_path / "plan.schema.json").read_text(encoding="utf-8") == "{}\n"  # --check writes nothing


def test_a_changed_schema_is_overwritten_only_with_force(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--output", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "finnes allerede og blir ikke overskrevet; bruk --force" in result.stderr
    result = runner.invoke(app, ["schema", "--output", str(tmp_path), "--force"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "plan.schema.json").read_text(encoding="utf-8") == schema.generate()["plan.schema.json"]


@pytest.mark.parametrize("root", [DATA, CASES / "_base"], ids=["data", "_base"])
def test_valid_registers_pass_the_schemas(root: Path) -> None:
    files = yaml_files(root)
    assert files
    for relative in files:
        assert schema_errors(root / relative, relative) == [], relative


def test_modelines_point_at_the_committed_schemas() -> None:
    for relative in yaml_files(DATA):
        first = (DATA / relative).read_text(encoding="utf-8").splitlines()[0]
        match = _MODELINE.match(first)
        if relative.parent.name in (register.PLANS_DIR, register.GOALS_DIR):
            assert match, f"{relative} must start with its yaml-language-server header"
        if match:
            target = ((DATA / relative).parent / match.group(1)).resolve()
            assert target == ROOT / "schemas" / schema_for(relative), relative  # type: ignore[operator]


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_")))
def test_schema_agrees_with_validate_on_the_bad_inputs(name: str, base_register: Path) -> None:
    for source in (CASES / name).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = base_register / source.relative_to(CASES / name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    assert agree(base_register) == []


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMA_CASES.glob("*.yaml")))
def test_schema_refuses_what_validate_refuses(name: str, base_register: Path) -> None:
    shutil.copyfile(SCHEMA_CASES / name, base_register / "plans" / name)
    codes = validate_codes(base_register).get(Path("plans") / name, set())
    assert codes & EXPRESSIBLE, codes
    assert schema_errors(base_register / "plans" / name, Path("plans") / name)
    assert agree(base_register) == []


def test_rules_a_schema_cannot_express(base_register: Path) -> None:
    """Duplicate keys and rules across files: validate refuses, the schema has no way to."""
    plan = base_register / "plans" / "helseplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "status: utgått\n", encoding="utf-8")  # a duplicate key
    (base_register / "plans" / "kopi.yaml").write_text(
        (base_register / "plans" / "delegeringsreglement.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )  # id differs from the file name
    codes = validate_codes(base_register)
    assert "duplicate-key" in codes[Path("plans/helseplan.yaml")]
    assert "id-mismatch" in codes[Path("plans/kopi.yaml")]
    assert schema_errors(plan, Path("plans/helseplan.yaml")) == []
    assert schema_errors(base_register / "plans" / "kopi.yaml", Path("plans/kopi.yaml")) == []
