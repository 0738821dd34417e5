"""``planstrategi import --update``: next year's table merged into the plan files, every comment kept.

New rows become new files, changed cells change fields, nothing is deleted; the change is printed
in the words of ``planstrategi diff``, and ``--dry-run`` writes nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from import_tables import HEADING, appendix_rows, cli, csv_text, new_register, plan_files

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A register for Røros with the appendix's first rows imported, one file then edited by hand."""
    root = new_register(tmp_path / "roros")
    monkeypatch.chdir(root)
    source = tmp_path / "2024.csv"
    source.write_text(csv_text([HEADING, *appendix_rows()[:8]]), encoding="utf-8")
    assert cli("import", str(source)).exit_code == 0
    path = root / "data/plans/politisk-delegeringsreglement.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("adopted: 2020\n", "adopted: 2020  # k-sak 12/20\n# Sjekket av planleggeren.\n")
    path.write_text(text, encoding="utf-8")
    return root


def next_year(tmp_path: Path) -> Path:
    """The same table a year on: a remark changed, a new x, a new plan; one row left out."""
    rows = appendix_rows()[:8]
    rows[1] = ["Politisk delegeringsreglement", "2020", "", "x", "", "x", "", "Revidert 2024; neste i 2026"]
    del rows[3]  # Etisk reglement: not in this year's table, and not deleted
    rows.append(["Kommunikasjonsstrategi for Røros", "2025", "", "", "", "", "x", ""])
    source = tmp_path / "2025.csv"
    source.write_text(csv_text([HEADING, *rows]), encoding="utf-8")
    return source


def test_dry_run_prints_the_change_and_writes_nothing(imported: Path, tmp_path: Path) -> None:
    before = {name: (imported / "data/plans" / name).read_bytes() for name in plan_files(imported)}
    source = next_year(tmp_path)
    result = cli("import", str(source), "--update", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Endringer i oversikten over planer fra data til {source}: 1 ny plan, 1 endret\n"
        "\n"
        "+ kommunikasjonsstrategi-for-roros «Kommunikasjonsstrategi for Røros»: ny plan\n"
        "~ politisk-delegeringsreglement «Politisk delegeringsreglement»: endret\n"
        "    ny revisjon i 2026\n"
        "    remarks: «Oppdateres i hver k-styreperiode» → «Revidert 2024; neste i 2026»\n"
    )
    assert result.stderr == "--dry-run: 2 filer ville blitt skrevet; ingen problemer\n"
    assert {name: (imported / "data/plans" / name).read_bytes() for name in plan_files(imported)} == before


def test_update_changes_only_the_changed_cells_and_keeps_every_comment(imported: Path, tmp_path: Path) -> None:
    source = next_year(tmp_path)
    result = cli("import", str(source), "--update")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("import: 1 ny planfil, 1 endret; ingen problemer\n")
    text = (imported / "data/plans/politisk-delegeringsreglement.yaml").read_text(encoding="utf-8")
    assert "adopted: 2020  # k-sak 12/20\n# Sjekket av planleggeren.\n" in text
    data = yaml.safe_load(text)
    assert data["revisions"] == [{"target": 2024}, {"target": 2026}]
    assert data["remarks"] == "Revidert 2024; neste i 2026"
    assert "etisk-reglement.yaml" in plan_files(imported)  # left out of the table, not deleted
    assert "kommunikasjonsstrategi-for-roros.yaml" in plan_files(imported)
    assert cli("validate", "--data", str(imported / "data")).exit_code == 0
    again = cli("import", str(source), "--update")  # the same table again: nothing to do
    assert again.exit_code == 0
    assert again.stdout.startswith(f"Endringer i oversikten over planer fra data til {source}: ingen endringer\n")
    assert again.stdout.endswith("import: 0 nye planfiler, 0 endret; ingen problemer\n")


def test_without_update_an_existing_plan_is_a_problem_that_names_update(imported: Path, tmp_path: Path) -> None:
    result = cli("import", str(next_year(tmp_path)))
    assert result.exit_code == 1
    assert (
        "data/plans/politisk-delegeringsreglement.yaml finnes allerede; bruk --update for å flette tabellen inn i den"
        in result.stderr
    )


def test_update_matches_the_bundled_register_by_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Os kommune's hand-written files, with their long comments: a row is matched by its title."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    before = (tmp_path / "data/plans/bti-strategi.yaml").read_text(encoding="utf-8")
    source = tmp_path / "2025.csv"
    source.write_text(
        "Plandokumenter;Vedtatt;25;26;27;Ansvarlig\n"
        "Samfunn – tverrfaglige planer og strategier;;;;;\n"
        "BTI – strategi;2017;;;x;Oppvekst\n",
        encoding="utf-8",
    )
    result = cli("import", str(source), "--update")
    assert result.exit_code == 0, result.output
    assert "~ bti-strategi «BTI – strategi»: endret\n    ny revisjon i 2027\n" in result.stdout
    after = (tmp_path / "data/plans/bti-strategi.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.split("status:")[0].rstrip("\n").rsplit("\n", 1)[0])  # comments kept
    assert '# "2017  x x   Bedre …"' in after
    data = yaml.safe_load(after)
    assert data["responsible"] == "Oppvekst"
    assert [r["target"] for r in data["revisions"]] == [2025, 2027]
    assert cli("validate", "--data", str(tmp_path / "data")).exit_code == 0
