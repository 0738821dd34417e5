"""The README keeps up with the tool (sqlite-utils ``test_docs.py``): every command has help text
and a place in the README, and the Quick start's test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from pydantic import BaseModel
from typer.core import TyperGroup

from planstrategi import model as model_package
from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app)
assert isinstance(COMMANDS, TyperGroup)


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, flags=re.MULTILINE | re.DOTALL)
    assert match, f"README has no section '## {title}'"
    return match.group(1)


def quick_start_commands() -> list[str]:
    blocks = re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```", _section("Quick start"), flags=re.MULTILINE | re.DOTALL)
    return [
        line.strip() for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")
    ]


@pytest.mark.parametrize("name", sorted(COMMANDS.commands))
def test_every_command_has_help(name: str) -> None:
    command = COMMANDS.commands[name]
    assert (command.help or command.short_help or "").strip(), f"planstrategi {name} has no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS.commands))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"planstrategi {name}" in README, f"README.md does not mention `planstrategi {name}`"


def test_quick_start_has_exactly_two_commands() -> None:
    assert len(quick_start_commands()) == 2, quick_start_commands()


def test_ci_runs_the_second_quick_start_command_verbatim() -> None:
    second = quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert second in [line.strip() for line in ci if not line.lstrip().startswith("#")]


def test_the_readme_states_the_loader_limits() -> None:
    from planstrategi.store import yamlio

    for name in ("MAX_FILE_BYTES", "MAX_ALIASES", "MAX_DEPTH", "MAX_PROBLEMS_PER_FILE"):
        value = f"{getattr(yamlio, name):,}".replace(",", " ")
        assert re.search(rf"^\| `{name}` \| {value} \|", README, flags=re.MULTILINE), f"README: {name} = {value}"


def test_the_readme_shows_how_to_run_the_long_fuzzing_profile() -> None:
    assert "HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py" in README


def _models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(model_package).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__.startswith(f"{model_package.__name__}.")
        and not value.__name__.startswith("_")
    ]


def field_table(model: type[BaseModel]) -> str:
    """The README's table of one model's fields, as the model describes them."""
    summary = (model.__doc__ or "").strip().splitlines()[0].replace("``", "`")
    lines = [f"`{model.__name__}` — {summary}", "", "| field | required | meaning |", "| --- | --- | --- |"]
    for name, field in model.model_fields.items():
        lines.append(f"| `{name}` | {'yes' if field.is_required() else ''} | {field.description} |")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.__name__)
def test_every_field_is_described_in_the_model_and_the_readme(model: type[BaseModel]) -> None:
    files = _section("The register's files")
    for name, field in model.model_fields.items():
        assert (field.description or "").strip(), f"{model.__name__}.{name} has no description"
    assert field_table(model) in files, f"README: the table of {model.__name__} differs from the model"


def test_the_changelog_records_the_current_version() -> None:
    from planstrategi import __version__

    changelog = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, flags=re.MULTILINE)
    assert "## [Unreleased]" in changelog
