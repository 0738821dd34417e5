"""``planstrategi new``: files a planner would write by hand, written for them (``init``: test_init.py).

Each command runs through the CLI on a fresh register and on a copy of the bundled one, and the
result must pass ``planstrategi validate``. ``import`` is tested in ``tests/test_import*.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from planstrategi import __version__
from planstrategi.cli import app
from planstrategi.store.scaffold import slugify

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "tests" / "csv"
HEADER = "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"


def cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def assert_valid(data: Path) -> None:
    result = cli("validate", "--data", str(data))
    assert result.exit_code == 0, result.output


@pytest.fixture(autouse=True)
def installed_from_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """``init`` as a user who installed planstrategi from the package index runs it (the tests run
    from a checkout, which ``init`` refuses to name in CI without --install; see tests/test_install.py)."""
    from planstrategi.store import install

    index = install.Install(f"planstrategi=={__version__}", install.Source.INDEX)
    monkeypatch.setattr(install, "detect", lambda: index)


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A register made by ``planstrategi init`` for Røros; the working folder is its root."""
    result = cli("init", str(tmp_path / "roros"), "--municipality", "5025")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "roros")
    return tmp_path / "roros"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kommunal planstrategi 2024–2027", "kommunal-planstrategi-2024-2027"),
        ("Ærlig øl på Åsen", "aerlig-ol-pa-asen"),
        ("Plan for «Bygdeby» – Café Ré", "plan-for-bygdeby-cafe-re"),
        ("  BTI - strategi  ", "bti-strategi"),
    ],
)
def test_slug_from_a_norwegian_title(title: str, slug: str) -> None:
    assert slugify(title) == slug


# --- new ---------------------------------------------------------------------------------------


def test_new_writes_a_valid_file_and_prints_its_path(fresh: Path) -> None:
    result = cli("new", "Trafikksikkerhetsplan for Røros", "--category", "samfunn-tverrfaglig", "--adopted", "2022")
    assert result.exit_code == 0
    assert result.output == "data/plans/trafikksikkerhetsplan-for-roros.yaml\n"
    assert (fresh / "data/plans/trafikksikkerhetsplan-for-roros.yaml").read_text(encoding="utf-8") == HEADER + (
        "id: trafikksikkerhetsplan-for-roros\n"
        "title: Trafikksikkerhetsplan for Røros\n"
        "category: samfunn-tverrfaglig\n"
        "kind: plan\n"
        'municipality: "5025"\n'
        "adopted: 2022\n"
        "status: gjeldende\n"
    )
    assert_valid(fresh / "data")


def test_new_refuses_to_overwrite_without_force(fresh: Path) -> None:
    cli("new", "Etisk reglement", "--category", "politisk-styring")
    path = fresh / "data/plans/etisk-reglement.yaml"
    assert "kind: reglement\n" in path.read_text(encoding="utf-8")  # guessed from the title
    result = cli("new", "Etisk reglement", "--category", "politisk-styring", "--kind", "retningslinje")
    assert result.exit_code == 1
    assert result.stderr == (
        "planstrategi: data/plans/etisk-reglement.yaml finnes allerede og blir ikke overskrevet; "
        "bruk --force for å overskrive den\n"
    )
    assert "kind: reglement\n" in path.read_text(encoding="utf-8")
    result = cli("new", "Etisk reglement", "--category", "politisk-styring", "--kind", "retningslinje", "--force")
    assert result.exit_code == 0
    assert "kind: retningslinje\n" in path.read_text(encoding="utf-8")


def test_new_refuses_what_validate_would_refuse(fresh: Path) -> None:
    result = cli("new", "Skoleplan", "--category", "skole", "--kind", "plan")
    assert result.exit_code == 1
    assert "gruppen «skole» finnes ikke" in result.stderr
    result = cli("new", "Skoleplan", "--category", "politisk-styring", "--kind", "skriv")
    assert result.exit_code == 1
    assert result.stderr.startswith("planstrategi: data/plans/skoleplan.yaml ville ikke blitt gyldig")
    assert "tillatte verdier" in result.stderr
    result = cli("new", "Skoleplan", "--category", "politisk-styring", "--municipality", "9999")
    assert result.exit_code == 1
    assert "kommunenummer «9999» finnes ikke" in result.stderr
    result = cli("new", "Skoleplan", "--category", "politisk-styring", "--adopted", "i fjor")
    assert result.exit_code == 2
    assert not (fresh / "data/plans/skoleplan.yaml").exists()


def test_new_on_a_copy_of_the_bundled_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = cli(
        "new",
        "Plan for idrett og fysisk aktivitet",
        "--category",
        "samfunn-kultur-naering-teknisk",
        "--adopted",
        "2024-06-20",
    )
    assert result.exit_code == 0
    text = (tmp_path / "data/plans/plan-for-idrett-og-fysisk-aktivitet.yaml").read_text(encoding="utf-8")
    assert 'municipality: "3430"\nadopted: 2024-06-20\n' in text  # Os, the bundled register's home
    assert_valid(tmp_path / "data")
