"""Shared fixtures: a fresh copy of the small valid register, the CLI runner, both YAML loaders,
and the Hypothesis profiles (``HYPOTHESIS_PROFILE=long`` for the long fuzzing run)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from planstrategi import i18n
from planstrategi.store import yamlio

TESTS = Path(__file__).resolve().parent
BASE = TESTS / "cases" / "_base"

# ci: the default, quick enough for every run of the suite. long: a real search, run by hand:
#   HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in Norwegian, whatever the environment or an earlier --lang said."""
    monkeypatch.delenv("PLANSTRATEGI_LANG", raising=False)
    monkeypatch.delenv("PLANSTRATEGI_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "100")  # tables are laid out for the terminal the tests run in otherwise
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture
def base_register(tmp_path: Path) -> Path:
    """A copy of ``tests/cases/_base`` (valid: two plans, one goals file) to spoil at will."""
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with libyaml's loader and again with the pure-Python fallback."""
    if request.param == "libyaml":
        if not yamlio.yaml.__with_libyaml__:
            pytest.skip("PyYAML was built without libyaml")
        monkeypatch.setattr(yamlio, "LOADER", yamlio.make_loader(yamlio.yaml.CSafeLoader))
    else:
        monkeypatch.setattr(yamlio, "LOADER", yamlio.PURE_LOADER)
    return str(request.param)
