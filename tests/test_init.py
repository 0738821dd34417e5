"""``planstrategi init``: a useful register for any of the 357 municipalities, from its number alone.

The list of every municipality (package data) is checked against its sources' figures; ``init`` is
run through the CLI for a bokmål-neutral, a nynorsk and an unknown number, and with ``--example
os``; partners given by number alone get their names when the register loads. Last, a wheel is
built from this checkout and run outside it, as a planner who installed it with pip would.
"""

from __future__ import annotations

import collections
import os
import shutil
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from planstrategi import __version__
from planstrategi.cli import app
from planstrategi.model.catalogue import OfficialLanguageForm
from planstrategi.store import municipalities, register, scaffold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

#: The counties of 2024 (the first two digits of a municipality number).
COUNTIES_2024 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}

#: Språkrådet's table "Språkvedtak" (sprakradet.no/spraklova/norsk-sprak/sprakvedtak/): per county,
#: municipalities in all, bokmål, nynorsk, nøytral. Rogaland is left out: its row (2, 9, 12) and the
#: list the data file is made from (2, 8, 13) disagree, so its neutral ones are left empty there.
SPRAKRADET = {
    "Østfold": (12, 11, 0, 1),
    "Akershus": (21, 14, 0, 7),
    "Buskerud": (18, 10, 3, 5),
    "Oslo": (1, 0, 0, 1),
    "Innlandet": (46, 22, 7, 17),
    "Vestfold": (6, 3, 0, 3),
    "Telemark": (17, 2, 8, 7),
    "Agder": (25, 7, 6, 12),
    "Vestland": (43, 0, 41, 2),
    "Møre og Romsdal": (27, 0, 15, 12),
    "Trøndelag": (38, 7, 0, 31),
    "Nordland": (41, 20, 0, 21),
    "Troms": (21, 7, 0, 14),
    "Finnmark": (18, 14, 0, 4),
}


def cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def assert_valid(data: Path) -> None:
    result = cli("validate", "--data", str(data))
    assert result.exit_code == 0, result.output


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def installed_from_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """``init`` as a user who installed planstrategi from the package index runs it (the tests run
    from a checkout, which ``init`` refuses to name in CI without --install; see tests/test_install.py)."""
    from planstrategi.store import install

    index = install.Install(f"planstrategi=={__version__}", install.Source.INDEX)
    monkeypatch.setattr(install, "detect", lambda: index)


# --- the list of every municipality -----------------------------------------------------------


def test_the_list_has_the_357_municipalities_of_2024() -> None:
    every = municipalities.every_municipality()
    assert len(every) == 357
    assert all(number == m.number for number, m in every.items())  # each number once
    for m in every.values():
        assert COUNTIES_2024[m.number[:2]] == m.county, m
    assert {"1508", "1580"} <= set(every)  # Haram split from Ålesund in 2024
    assert every["1580"].name == "Haram" and every["1508"].name == "Ålesund"
    assert "3001" not in every and "5401" not in every  # Viken's and Troms og Finnmark's numbers are gone
    assert every["5612"].name == "Guovdageaidnu - Kautokeino"  # the official Sami form, as SSB writes it
    assert (every["3430"].name, every["3430"].county) == ("Os", "Innlandet")
    assert every["1515"].name == "Herøy (Møre og Romsdal)" and every["1818"].name == "Herøy (Nordland)"


def test_language_forms_agree_with_spraakraadet_county_by_county() -> None:
    every = municipalities.every_municipality().values()
    by_county: dict[str, collections.Counter[OfficialLanguageForm | None]] = collections.defaultdict(
        collections.Counter
    )
    for m in every:
        by_county[m.county][m.language] += 1
    for county, (total, bokmal, nynorsk, neutral) in SPRAKRADET.items():
        counted = by_county[county]
        assert sum(counted.values()) == total, county
        assert counted[OfficialLanguageForm.BOKMAL] == bokmal, county
        assert counted[OfficialLanguageForm.NYNORSK] == nynorsk, county
        assert counted[OfficialLanguageForm.NOYTRAL] == neutral, county
        assert counted[None] == 0, county
    rogaland = by_county["Rogaland"]
    assert rogaland[OfficialLanguageForm.NOYTRAL] == 0  # not verified, so not given
    assert rogaland[None] == 13 and sum(rogaland.values()) == 23


def test_the_list_names_its_sources() -> None:
    header = (Path(scaffold.PACKAGE_DATA) / municipalities.LIST_FILE).read_text(encoding="utf-8").split("\n  - ")[0]
    for source in (
        "https://www.ssb.no/klass/klassifikasjoner/131",
        "2024-01-01",
        "hogne67/321skole-translate",
        "navikt/paw-arbeidssoekerregisteret-for-personbruker",
        "aprestmo/norway-geodata",
        "https://sprakradet.no/spraklova/norsk-sprak/sprakvedtak/",
    ):
        assert source in header


# --- init for a municipality ----------------------------------------------------------------------


def test_init_needs_nothing_but_the_number(tmp_path: Path) -> None:
    target = tmp_path / "roros"
    result = cli("init", str(target), "--municipality", "5025")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        f"Nytt register for Røros - Rosse (5025) i {target}. Videre: cd {target} && git init, "
        'så planstrategi new "Tittel" --category … eller planstrategi import oversikt.csv\n'
    )
    assert (target / "data/municipalities.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/municipalities.schema.json\n"
        'home: "5025"\n'
        "# Kommunen er språklig nøytral (språkvedtak meldt til Språkrådet), så utskriftene er på bokmål.\n"
        "# Skriv «language: nn» her for nynorsk eller «language: nb» for bokmål; --lang overstyrer.\n"
        "municipalities:\n"
        '- number: "5025"\n'
        "  name: Røros - Rosse\n"
        "  county: Trøndelag\n"
    )
    # The national requirements catalogue, as the tool ships it
    assert (target / "data/requirements.yaml").read_bytes() == (DATA / "requirements.yaml").read_bytes()
    categories = yaml.safe_load((target / "data/categories.yaml").read_text(encoding="utf-8"))
    assert categories == {"categories": scaffold.DEFAULT_CATEGORIES}
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Oversikt over planer – Røros - Rosse kommune\n")
    assert "planstrategi validate" in readme and "planstrategi record" in readme and "planstrategi due" in readme
    assert_valid(target / "data")
    args = ["requirements", "--data", str(target / "data"), "--year", "2025"]
    duties = CliRunner().invoke(app, args, catch_exceptions=False, env={"COLUMNS": "160"})
    assert duties.exit_code == 0, duties.output
    assert "Kommunal planstrategi" in duties.stdout and "plan- og bygningsloven § 10-1" in duties.stdout
    assert "Ingen krav å vise" not in duties.stdout


def test_the_default_groups_are_those_of_the_seed_made_general() -> None:
    bundled = yaml.safe_load((DATA / "categories.yaml").read_text(encoding="utf-8"))["categories"]
    ours = {c["id"] for c in scaffold.DEFAULT_CATEGORIES}
    seeds = {c["id"] for c in bundled}
    assert seeds - ours == {"interkommunalt-roh"}  # Os's own cooperation with Røros and Holtålen
    assert ours - seeds == {"interkommunalt"}
    assert [c["id"] for c in scaffold.DEFAULT_CATEGORIES if c["id"] in seeds] == [
        c["id"] for c in bundled if c["id"] in ours
    ]  # in the seed's order


def test_a_nynorsk_municipality_gets_nynorsk_output_and_readme(tmp_path: Path) -> None:
    assert cli("init", str(tmp_path / "voss"), "--municipality", "4621").exit_code == 0
    text = (tmp_path / "voss/data/municipalities.yaml").read_text(encoding="utf-8")
    assert 'home: "4621"\nlanguage: nn\nmunicipalities:\n' in text
    assert "#" not in text.split("\n", 1)[1]  # nothing to explain: the language form is set
    readme = (tmp_path / "voss/README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Oversikt over planar – Voss kommune\n")
    assert "Etter eit kommunestyremøte" in readme
    assert_valid(tmp_path / "voss" / "data")


def test_a_bokmal_municipality_gets_language_nb(tmp_path: Path) -> None:
    assert cli("init", str(tmp_path / "k"), "--municipality", "5612").exit_code == 0  # Kautokeino: bokmål
    assert "language: nb\n" in (tmp_path / "k/data/municipalities.yaml").read_text(encoding="utf-8")


def test_english_readme_with_lang_en(tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "v"), "--municipality", "4621", "--lang", "en")
    assert result.exit_code == 0
    assert (tmp_path / "v/README.md").read_text(encoding="utf-8").startswith("# Plan overview – Voss municipality\n")


def test_name_overrides_the_list(tmp_path: Path) -> None:
    assert cli("init", str(tmp_path / "r"), "--municipality", "5025", "--name", "Røros").exit_code == 0
    listed = yaml.safe_load((tmp_path / "r/data/municipalities.yaml").read_text(encoding="utf-8"))
    assert listed["municipalities"] == [{"number": "5025", "name": "Røros", "county": "Trøndelag"}]


def test_a_number_no_municipality_has_needs_a_name(tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "x"), "--municipality", "5099")
    assert result.exit_code == 2
    assert result.stderr == "planstrategi: kjenner ikke navnet på kommune 5099; oppgi det med --name\n"
    assert not (tmp_path / "x").exists()
    assert cli("init", str(tmp_path / "x"), "--municipality", "5099", "--name", "Prøve").exit_code == 0
    text = (tmp_path / "x/data/municipalities.yaml").read_text(encoding="utf-8")
    assert "# Kommunens målform er ikke kjent fra en offentlig kilde planstrategi har" in text
    assert "county" not in text
    assert_valid(tmp_path / "x" / "data")


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
    assert (tmp_path / "README.md").read_text(encoding="utf-8").startswith("# Oversikt over planer – Røros - Rosse")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--municipality", "50"], "kommunenummer er fire sifre"),
        ([], "oppgi kommunenummeret med --municipality"),
        (["--example", "os", "--municipality", "5025"], "ta bort --municipality"),
        (
            ["--example", "bergen"],
            "eksempelregisteret «bergen» finnes ikke i denne installasjonen; kjente eksempler: os",
        ),
    ],
)
def test_init_usage_errors_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    result = cli("init", str(tmp_path / "x"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
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


# --- init --example os --------------------------------------------------------------------------


def test_example_os_is_the_bundled_register(tmp_path: Path) -> None:
    target = tmp_path / "os"
    result = cli("init", str(target), "--example", "os")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        f"Nytt register for Os (3430) i {target}. Videre: cd {target} && git init, "
        'så planstrategi new "Tittel" --category … eller planstrategi import oversikt.csv\n'
    )
    assert files_under(target / "data") == files_under(DATA)
    assert (target / "README.md").read_text(encoding="utf-8").startswith("# Oversikt over planer – Os kommune\n")
    assert (target / ".github/workflows/validate.yml").is_file() and (target / ".pre-commit-config.yaml").is_file()
    assert_valid(target / "data")


# --- partners by number alone -------------------------------------------------------------------


def test_partners_given_by_number_alone_show_their_names(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data/municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    for old in ('  - number: "5025"\n    name: Røros\n', '  - number: "5026"\n    name: Holtålen\n'):
        assert old in text
        text = text.replace(old, old.split("\n")[0] + "\n")
    path.write_text(text, encoding="utf-8")
    assert_valid(tmp_path / "data")
    loaded = register.load(tmp_path / "data")
    assert loaded.municipality_name("5026") == "Holtålen"
    assert loaded.municipality_name("5025") == "Røros - Rosse"
    assert loaded.municipalities is not None
    assert {m.number: m.county for m in loaded.municipalities.municipalities}["5026"] == "Trøndelag"
    shown = cli("show", "holtalen-beitebruksplan", "--data", str(tmp_path / "data"))
    assert shown.exit_code == 0, shown.output
    assert "Holtålen (5026)" in shown.stdout


# --- the README templates ----------------------------------------------------------------------


def test_the_register_readmes_say_the_same_in_each_language() -> None:
    texts = {
        lang: (scaffold.PACKAGE_DATA / f"register-readme.{lang}.md").read_text(encoding="utf-8")
        for lang in ("nb", "nn", "en")
    }
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f} for lang, text in texts.items()}
    assert fields["nb"] == fields["nn"] == fields["en"] == {"name", "number"}
    commands = {
        lang: [line.strip() for line in text.splitlines() if line.startswith("    planstrategi")]
        for lang, text in texts.items()
    }
    assert [c.split()[1] for c in commands["nb"]] == [c.split()[1] for c in commands["nn"]]
    assert [c.split()[1] for c in commands["nb"]] == [c.split()[1] for c in commands["en"]]
    assert [c.split()[1] for c in commands["nb"]] == ["validate", "new", "record", "due", "requirements"]


# --- from a wheel, outside the checkout ------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout built into a wheel (offline, no build isolation) and unpacked, as pip would install it."""
    import setuptools

    if tuple(int(part) for part in setuptools.__version__.split(".")[:2]) < (70, 1):
        pytest.skip("building a wheel needs setuptools >= 70.1 (the test extra)")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("planstrategi", "data"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    done = subprocess.run([*command, "-q", "-w", str(built), str(source)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    [archive] = built.glob("planstrategi-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(site)
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "PLANSTRATEGI_LANG": "nb", "COLUMNS": "160"}
    env.pop("PLANSTRATEGI_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "planstrategi", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_the_wheel_carries_the_list_and_the_os_register_once(wheel: Path) -> None:
    package = wheel / "planstrategi" / "data"
    assert (package / municipalities.LIST_FILE).is_file()
    assert files_under(package / "os") == files_under(DATA)
    assert not (wheel / "data").exists()  # nothing outside the package


def test_from_the_wheel_init_for_5025_needs_nothing_else(wheel: Path, tmp_path: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import planstrategi; print(planstrategi.__file__)"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(wheel)},
        capture_output=True,
        text=True,
    )
    assert probe.stdout.strip().startswith(str(wheel))  # the wheel's copy runs, not the checkout's
    made = run_installed(wheel, tmp_path, "init", "roros-planer", "--municipality", "5025")
    assert made.returncode == 0, made.stderr
    assert f"CI og pre-commit installerer planstrategi=={__version__}" in made.stdout
    assert "Nytt register for Røros - Rosse (5025) i roros-planer." in made.stdout
    checked = run_installed(wheel, tmp_path, "validate", "--data", "roros-planer/data")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    duties = run_installed(wheel, tmp_path, "requirements", "--data", "roros-planer/data", "--year", "2025")
    assert duties.returncode == 0, duties.stderr
    assert "Kommunal planstrategi" in duties.stdout and "mangler" in duties.stdout


def test_from_the_wheel_example_os_equals_the_checkouts_data(wheel: Path, tmp_path: Path) -> None:
    made = run_installed(wheel, tmp_path, "init", "os-planer", "--example", "os")
    assert made.returncode == 0, made.stderr
    assert files_under(tmp_path / "os-planer" / "data") == files_under(DATA)
    checked = run_installed(wheel, tmp_path, "validate", "--data", "os-planer/data")
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- the README's example -----------------------------------------------------------------------


def _section_sessions() -> list[list[tuple[str, list[str]]]]:
    """The ```text blocks of the README section on init, each as (command, printed lines) pairs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Starting a register for a new municipality\n", 1)[1].split(
        "\n### `planstrategi new", 1
    )[0]
    sessions = []
    for block in section.split("```text\n")[1:]:
        steps: list[tuple[str, list[str]]] = []
        for line in block.split("```", 1)[0].splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        sessions.append(steps)
    return sessions


def test_the_readme_example_is_what_init_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    monkeypatch.chdir(tmp_path)
    sessions = [s for s in _section_sessions() if s and s[0][0].startswith("planstrategi init")]
    assert sessions, "the README shows init"
    for steps in sessions:
        for command, shown in steps:
            words = shlex.split(command)
            if words[0] == "planstrategi":
                result = cli(*words[1:])
                assert result.exit_code == 0, result.output
                printed = result.stdout.splitlines()
            elif words[0] == "cat":
                printed = Path(words[1]).read_text(encoding="utf-8").splitlines()
            else:
                assert words[0] == "head" and words[1].startswith("-")
                printed = Path(words[2]).read_text(encoding="utf-8").splitlines()[: int(words[1][1:])]
            assert printed == shown, f"README example '$ {command}' is stale"
