"""``planstrategi new`` and ``import``: files a planner would write by hand, written for them (``init``: test_init.py).

Each command runs through the CLI on a fresh register and on a copy of the bundled one, and the
result must pass ``planstrategi validate``. The CSV fixtures are in ``tests/csv/``.
"""

from __future__ import annotations

import shutil
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


# --- import ------------------------------------------------------------------------------------


def test_import_the_planning_strategy_appendix(fresh: Path) -> None:
    """Semicolons, a byte-order mark, CRLF, group heading rows, 23–27 columns, an unnamed remark column."""
    result = cli("import", str(CSV / "vedlegg2.csv"))
    assert result.exit_code == 0
    assert result.stdout == (
        "data/plans/politisk-delegeringsreglement.yaml\n"
        "data/plans/reglement-for-saksbehandling-i-politiske-organ.yaml\n"
        "data/plans/etisk-reglement.yaml\n"
        "data/plans/kommunikasjonsstrategi.yaml\n"
        "data/plans/okonomiplan-og-arsbudsjett.yaml\n"
        "data/plans/alkoholpolitisk-plan.yaml\n"
        "planfiler skrevet: 6; problemer: 0\n"
    )
    assert (fresh / "data/plans/alkoholpolitisk-plan.yaml").read_text(encoding="utf-8") == HEADER + (
        "id: alkoholpolitisk-plan\n"
        "title: Alkoholpolitisk plan\n"  # the line break inside the cell is gone
        "category: helse-og-omsorg\n"
        "kind: plan\n"
        'municipality: "5025"\n'
        "adopted: 2021-11-18\n"
        "revisions:\n"
        "- target: 2024\n"
        "status: gjeldende\n"
        "remarks: Vedtatt med presisering\n"
    )
    budget = yaml.safe_load((fresh / "data/plans/okonomiplan-og-arsbudsjett.yaml").read_text(encoding="utf-8"))
    assert (budget["category"], budget["kind"]) == ("kommuneplan-og-okonomiplan", "budsjett")
    assert budget["revisions"] == [{"target": year} for year in range(2023, 2028)]
    ethics = yaml.safe_load((fresh / "data/plans/etisk-reglement.yaml").read_text(encoding="utf-8"))
    assert (ethics["status"], "adopted" in ethics) == ("utkast", False)
    assert_valid(fresh / "data")


def test_import_named_columns_with_commas(fresh: Path) -> None:
    result = cli("import", str(CSV / "kolonner.csv"), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.endswith("plan files written: 2; problems: 0\n")
    climate = yaml.safe_load((fresh / "data/plans/klima-og-energiplan.yaml").read_text(encoding="utf-8"))
    assert climate["kind"] == "kommunedelplan"
    assert climate["remarks"] == "Mål: 33 % kutt, se vedlegg"
    farming = yaml.safe_load((fresh / "data/plans/landbruksplan.yaml").read_text(encoding="utf-8"))
    assert (farming["category"], farming["revisions"]) == ("landbruk", [{"target": 2025}])  # group by its name
    assert_valid(fresh / "data")


BROKEN = [
    "rad 1: kolonnen «Ansvarlig» er ukjent og blir ikke lest; kjente kolonner: navn, vedtatt, 23 … 27, merknad, "
    "kategori, type",
    "rad 3: «i fjor» under vedtatt er verken et årstall (2021) eller en dato (18.11.2021)",
    "rad 4: «ja takk» i kolonnen for 2024: skriv x der revisjonen er planlagt, ellers ingenting",
    "rad 5: gruppen «skole» finnes ikke i",
    "rad 6: raden har ikke noe plannavn",
    "rad 7: gir samme fil (boligstrategi.yaml) som rad 2; gi planene ulike navn",
    "rad 8: «adopted» er 1850, men årstall må ligge mellom 1900 og 2100; sjekk for skrivefeil",
]


def test_import_reports_every_broken_row_and_writes_nothing(fresh: Path) -> None:
    source = str(CSV / "brudd.csv")
    result = cli("import", source)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(BROKEN) + 1
    for line, expected in zip(lines, BROKEN, strict=False):
        assert line.startswith(f"{source}:{expected}"), line
    assert lines[-1] == "ingen filer er skrevet (7 problemer); rett radene, eller bruk --partial for å skrive resten"
    assert sorted(p.name for p in (fresh / "data/plans").iterdir()) == [".gitkeep"]


def test_import_partial_writes_the_good_rows_and_never_overwrites(fresh: Path) -> None:
    source = str(CSV / "brudd.csv")
    result = cli("import", source, "--partial")
    assert result.exit_code == 1
    assert result.stdout == "data/plans/boligstrategi.yaml\nplanfiler skrevet: 1; problemer: 7\n"
    before = (fresh / "data/plans/boligstrategi.yaml").read_text(encoding="utf-8")
    again = cli("import", source, "--partial")
    assert (
        f"{source}:rad 2: data/plans/boligstrategi.yaml finnes allerede; import skriver aldri over en planfil"
        in again.stderr.splitlines()
    )
    assert again.stdout == "planfiler skrevet: 0; problemer: 8\n"
    assert (fresh / "data/plans/boligstrategi.yaml").read_text(encoding="utf-8") == before
    assert_valid(fresh / "data")


def test_import_refuses_a_file_that_is_not_utf8(fresh: Path, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Navn;Vedtatt\nBoligstrategi for Røros;2023\n".encode("latin-1"))
    result = cli("import", str(latin1), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{latin1}:rad 2: filen er ikke gyldig UTF-8 (byte 0xf8)")


def test_import_with_a_default_group_into_the_bundled_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "nye.csv"
    source.write_text("Navn;Vedtatt;24;25\nPlan for friluftsliv;2020;;x\n", encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-kultur-naering-teknisk")
    assert result.exit_code == 0
    assert result.stdout.startswith("data/plans/plan-for-friluftsliv.yaml\n")
    assert_valid(tmp_path / "data")
    result = cli("import", str(source), "--category", "skule")
    assert result.exit_code == 2
    assert "gruppen «skule» finnes ikke" in result.stderr
