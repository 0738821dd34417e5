"""Fuzzing the loader and ``validate`` with Hypothesis: random bytes, random YAML, and mutated
copies of real plan files must give Problems or a model, never an uncaught exception.

The ``ci`` profile (the default, see ``conftest.py``) runs about 200 examples per test; for a real
search run ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py`` (10,000 per test).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.i18n import CATALOGUE
from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan
from planstrategi.model.problems import Problem
from planstrategi.render.problems import RENDERERS
from planstrategi.store import modelcheck, register, yamlio

TESTS = Path(__file__).resolve().parent
BASE = TESTS / "cases" / "_base"
BUNDLED = TESTS.parent / "data"
MODELS = (Plan, GoalSet, MunicipalityFile, CategoryFile)
# Fixtures are set up once per test, not per example: the loader choice and the register copy
# are meant to be shared by the examples (each example rewrites the one file it mutates).
SHARED_FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def seed_files() -> dict[str, str]:
    """Real files to mutate, by their place in a register: the base register's and the bundled ones."""
    files = {str(p.relative_to(BASE)): p.read_text(encoding="utf-8") for p in sorted(BASE.rglob("*.yaml"))}
    for path in sorted(BUNDLED.glob("plans/*.yaml"))[:20] + sorted(BUNDLED.glob("goals/*.yaml"))[:5]:
        files.setdefault(str(path.relative_to(BUNDLED)), path.read_text(encoding="utf-8"))
    return files


SEEDS = seed_files()


def assert_well_formed(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.code in CATALOGUE
        assert problem.line >= 0 and problem.column >= 0
        assert (problem.line == 0) == (problem.column == 0)
        assert problem.message and "\n" not in problem.message and "\x1b" not in problem.message


def check_everything(raw: bytes, models: tuple[type, ...] = MODELS) -> None:
    """The whole per-file pipeline on ``raw``: decode, parse, each model; Problems or a model."""
    text, problems = yamlio.decode(raw, "f.yaml")
    assert_well_formed(problems)
    if text is None:
        assert problems
        return
    document = yamlio.parse(text, "f.yaml")
    assert_well_formed(document.problems)
    if document.data is None:
        assert document.problems
        return
    for model in models:
        instance, found = modelcheck.check(document, model)
        assert_well_formed(found)
        assert instance is None or isinstance(instance, model)
        assert instance is None or not found


# --- random input ----------------------------------------------------------------------------

YAMLISH = st.text(alphabet="-:[]{}&*!|>'\"#%@`,?~. \n\t\r0123456789abnoyesxæø<=\\/+_", max_size=400)


@SHARED_FIXTURES
@given(raw=st.one_of(st.binary(max_size=600), YAMLISH.map(str.encode), st.text(max_size=300).map(str.encode)))
def test_random_bytes(raw: bytes, loader: str) -> None:
    check_everything(raw)


# NEL and the Unicode line separators are line breaks to YAML 1.1; PyYAML's emitter writes them
# raw inside quotes and its reader then folds them to spaces: a dumper quirk, not a loader one.
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029"), max_size=30)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    TEXT,
    st.sampled_from(["no", "yes", "1:20", "017", "0301", "2017-13-45", "~", "<<", "=", "!x", "*a", "&a", "- x"]),
    st.dates(min_value=dt.date(1, 1, 1)),
)
KEYS = st.one_of(st.sampled_from(["id", "title", "plan", "goals", "year", "date", "revisions", "categories"]), TEXT)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)),
    max_leaves=20,
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isinf(a) and a == b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@SHARED_FIXTURES
@given(data=documents)
def test_random_yaml_reads_back_without_false_alarms(data: Any, loader: str) -> None:
    # Whatever yaml.safe_dump writes (it quotes "no", "1:20", "017"), the strict loader must read
    # back unchanged and without a single problem: no trap may fire on well-written YAML.
    raw = yaml.safe_dump(data, allow_unicode=True).encode()
    check_everything(raw)
    text, problems = yamlio.decode(raw, "f.yaml")
    assert problems == [] and text is not None
    document = yamlio.parse(text, "f.yaml")
    if data is None:
        assert [p.code for p in document.problems] == ["empty-file"]
    else:
        assert document.problems == []
        assert _same(document.data, data)


@SHARED_FIXTURES
@given(data=st.dictionaries(st.sampled_from(sorted(Plan.model_fields)), st.one_of(scalars, documents), max_size=10))
def test_random_plans(data: dict[str, Any], loader: str) -> None:
    check_everything(yaml.safe_dump(data, allow_unicode=True).encode(), (Plan,))


# --- mutations of real files -----------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real file with lines deleted, duplicated, swapped, or random characters put in."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    lines = SEEDS[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            position = draw(st.integers(0, len(lines[i])))
            noise = draw(st.one_of(YAMLISH.filter(bool).map(lambda s: s[:5]), st.text(min_size=1, max_size=3)))
            cut = position + (1 if action == "replace" else 0)
            lines[i] = lines[i][:position] + noise + lines[i][cut:]
    return name, "".join(lines).encode("utf-8", errors="surrogatepass")


@SHARED_FIXTURES
@given(case=mutated())
def test_mutated_files(case: tuple[str, bytes], loader: str) -> None:
    check_everything(case[1])


@pytest.fixture
def spoilt_register(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # CliRunner rebuilds the whole click command tree on every invoke (most of a run's time);
    # build it once for the examples of this test.
    command = typer.main.get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: command)
    return base_register


@SHARED_FIXTURES
@given(case=mutated())
def test_validate_on_a_mutated_register(case: tuple[str, bytes], spoilt_register: Path) -> None:
    name, raw = case
    target = spoilt_register / name
    target.parent.mkdir(parents=True, exist_ok=True)
    original = (BASE / name).read_bytes() if (BASE / name).exists() else None
    target.write_bytes(raw)
    try:
        result = CliRunner().invoke(
            app, ["validate", "--data", str(spoilt_register), "--format", "json"], catch_exceptions=False
        )
        assert result.exit_code in (0, 1)
        assert result.stderr == ""
        report = json.loads(result.stdout)
        assert report["errors"] == sum(p["severity"] == "error" for p in report["problems"])
        assert (result.exit_code == 1) == (report["errors"] > 0)

        loaded = register.load(spoilt_register)
        problems = loaded.sorted_problems()
        assert_well_formed(problems)
        for render in RENDERERS.values():  # every output format copes with whatever came out
            assert render(problems, loaded.files).endswith("\n")
        # The untouched base plans always load, whatever happened to the mutated file (unless
        # it now claims one of their ids and is named after it).
        untouched = {p.stem for p in (BASE / "plans").glob("*.yaml")} - {Path(name).stem}
        assert untouched <= set(loaded.plans) or any(p.code == "duplicate-id" for p in problems)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


def test_the_seeds_are_there() -> None:
    assert {"plans/helseplan.yaml", "goals/helseplan.yaml", "municipalities.yaml", "categories.yaml"} <= set(SEEDS)
    for text in SEEDS.values():
        assert yamlio.parse(text, "f.yaml").problems == []


def test_a_shared_register_copy_is_restored(base_register: Path) -> None:
    # The validate fuzzer reuses one register copy; it must start from the valid base each time.
    shutil.rmtree(base_register / "goals")
    shutil.copytree(BASE / "goals", base_register / "goals")
    assert register.load(base_register).problems == []
