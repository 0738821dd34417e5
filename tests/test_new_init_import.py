"""``planstrategi new`` and ``init``: files a planner would write by hand, written for them.

Each command runs through the CLI on a fresh register and on a copy of the bundled one, and the
result must pass ``planstrategi validate``. ``import`` is tested in ``tests/test_import*.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
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


# --- init --------------------------------------------------------------------------------------


def test_init_lays_out_a_register_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "ny"
    result = cli("init", str(target), "--municipality", "3401", "--name", "Kongsvinger", "--lang", "en")
    assert result.exit_code == 0
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == [
        ".github/workflows/validate.yml",
        ".pre-commit-config.yaml",
        "README.md",
        "data/categories.yaml",
        "data/goals/.gitkeep",
        "data/municipalities.yaml",
        "data/plans/.gitkeep",
        "schemas/categories.schema.json",
        "schemas/goals.schema.json",
        "schemas/municipalities.schema.json",
        "schemas/plan.schema.json",
        "schemas/requirements.schema.json",
    ]
    assert result.output.endswith(
        f"New register for Kongsvinger (3401) in {target}. Next: cd {target} && git init, "
        'then planstrategi new "Title" --category … or planstrategi import overview.csv\n'
    )
    assert (target / "data/municipalities.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/municipalities.schema.json\n"
        'home: "3401"\nmunicipalities:\n- number: "3401"\n  name: Kongsvinger\n'
    )
    categories = yaml.safe_load((target / "data/categories.yaml").read_text(encoding="utf-8"))
    bundled = yaml.safe_load((ROOT / "data/categories.yaml").read_text(encoding="utf-8"))
    assert categories == bundled
    assert (target / "README.md").read_text(encoding="utf-8").startswith("# Plan overview – Kongsvinger municipality\n")
    for name in (".github/workflows/validate.yml", ".pre-commit-config.yaml"):
        assert isinstance(yaml.safe_load((target / name).read_text(encoding="utf-8")), dict)
    assert_valid(target / "data")


def test_init_without_the_bundled_register_uses_the_built_in_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planstrategi.store import scaffold

    monkeypatch.setattr(scaffold, "BUNDLED_DATA", tmp_path / "nowhere")
    result = cli("init", str(tmp_path / "ny"), "--municipality", "5025")
    assert result.exit_code == 2
    assert result.stderr == "planstrategi: kjenner ikke navnet på kommune 5025; oppgi det med --name\n"
    assert cli("init", str(tmp_path / "ny"), "--municipality", "5025", "--name", "Røros").exit_code == 0
    categories = yaml.safe_load((tmp_path / "ny/data/categories.yaml").read_text(encoding="utf-8"))
    assert [c["id"] for c in categories["categories"]][:2] == ["politisk-styring", "kommunikasjon"]
    assert_valid(tmp_path / "ny" / "data")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    result = cli("init", str(tmp_path), "--municipality", "5025")
    assert result.exit_code == 1
    assert result.stderr == (
        f"planstrategi: mappen «{tmp_path}» er ikke tom; velg en ny mappe, eller bruk --force for å skrive "
        "over filene med samme navn\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
    assert cli("init", str(tmp_path), "--municipality", "5025", "--force").exit_code == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8").startswith("# Oversikt over planer – Røros kommune")


def test_init_checks_the_number(tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "x"), "--municipality", "50")
    assert result.exit_code == 2
    assert "kommunenummer er fire sifre" in result.stderr
    assert not (tmp_path / "x").exists()


def test_init_new_validate_as_real_processes(tmp_path: Path) -> None:
    """The installed command, as a planner runs it: init, then new, then validate."""
    run = [sys.executable, "-m", "planstrategi"]
    target = tmp_path / "os"
    subprocess.run(
        [*run, "init", str(target), "--municipality", "3430", "--install", f"planstrategi=={__version__}"],
        check=True,
        capture_output=True,
    )
    new = subprocess.run(
        [*run, "new", "Boligstrategi", "--category", "samfunn-tverrfaglig", "--data", str(target / "data")],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert new.stdout.strip().endswith("data/plans/boligstrategi.yaml")
    subprocess.run([*run, "validate", "--data", str(target / "data")], check=True, capture_output=True)
