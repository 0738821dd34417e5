"""``planstrategi import`` from Word, Excel and LibreOffice: the tables as the municipality has them.

The fixtures are built here (``tests/import_tables.py``): the seed's appendix 2 and §1.6 as a
.docx laid out like the planning strategy (group headings merged across the row, a remark cell
merged down, §1.6's table before the appendix), as an .xlsx with merged headings and a real date,
and as an .ods. Each register imported must pass ``validate`` and answer ``due``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from import_tables import (
    HEADING,
    PLANS_IN_APPENDIX,
    appendix_rows,
    cli,
    new_register,
    plan_files,
    write_docx,
    write_ods,
    write_xlsx,
)


@pytest.fixture
def os_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty register for Os (3430), with the bundled register's eleven groups."""
    new_register(tmp_path / "os", "3430")
    monkeypatch.chdir(tmp_path / "os")
    return tmp_path / "os"


def plan(root: Path, pid: str) -> dict[str, object]:
    data = yaml.safe_load((root / "data" / "plans" / f"{pid}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def assert_validates_and_answers_due(root: Path, expected: list[str]) -> None:
    checked = cli("validate", "--data", str(root / "data"))
    assert checked.exit_code == 0, checked.output
    due = cli("due", "2025", "--data", str(root / "data"), "--as-of", "2025-01-15", "--format", "csv")
    assert due.exit_code == 0, due.output
    for title in expected:
        assert title in due.stdout, (title, due.stdout)


def test_the_planning_strategy_as_word_has_it(os_register: Path, tmp_path: Path) -> None:
    """Both tables of the document: §1.6 first, then the appendix; a plan in both is one plan."""
    source = write_docx(tmp_path / "planstrategi.docx")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    # 16 plans in the appendix, and three only in §1.6 (they take --category)
    assert len(plan_files(os_register)) == PLANS_IN_APPENDIX + 3
    health = plan(os_register, "helse-og-omsorgsplan")
    # §1.6 ("x x" in 25 and 26) gives the revision; the appendix the group, adoption and remark
    assert health["title"] == "Helse og omsorgsplan"
    assert health["revisions"] == [{"target": 2026, "work_from": 2025}]
    assert (health["category"], health["adopted"], health["remarks"]) == ("helse-og-omsorg", 2017, "Revideres i 2025")
    # a group heading merged across the row is a heading, not a plan
    assert "politisk-styring.yaml" not in plan_files(os_register)
    assert plan(os_register, "it-strategi-roros-os-og-holtalen")["category"] == "interkommunalt"
    # a remark cell merged down over two rows is each row's remark
    for pid in ("politisk-delegeringsreglement", "reglement-for-saksbehandling-i-politiske-organ"):
        assert plan(os_register, pid)["remarks"] == "Oppdateres i hver k-styreperiode"
    core = plan(os_register, "samfunnsdel-i-os-2015-2025")
    assert (core["kind"], core["revisions"]) == ("kommuneplan", [{"target": 2025, "work_from": 2024}])
    assert plan(os_register, "folkehelseplan")["category"] == "samfunn-tverrfaglig"
    assert_validates_and_answers_due(os_register, ["Samfunnsdel i OS 2015-2025", "Helse og omsorgsplan"])


def test_a_word_problem_names_the_table_row_and_column(os_register: Path, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=0, cols=3)
    for cells in (["Plan", "Vedtatt", "2025"], ["Boligstrategi", "i fjor", ""], ["Kulturplan", "2019", "kanskje"]):
        for target, text in zip(table.add_row().cells, cells, strict=True):
            target.text = text
    source = tmp_path / "brudd.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    source.write_bytes(buffer.getvalue())
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}:tabell 1, rad 2, kolonne 2: «i fjor» under vedtatt er verken et årstall (2021) eller en dato "
        "(18.11.2021)",
        f"{source}:tabell 1, rad 3, kolonne 3: «kanskje» i kolonnen for 2025: skriv x (eller vedtatt, pågår) der "
        "revisjonen er, ellers ingenting",
        "ingen filer er skrevet (2 problemer); rett radene, eller bruk --skip-bad for å skrive resten",
    ]
    assert plan_files(os_register) == []


def test_the_appendix_as_an_excel_workbook(os_register: Path, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "oversikt.xlsx")
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    assert len(plan_files(os_register)) == PLANS_IN_APPENDIX
    assert plan(os_register, "alkoholpolitisk-plan")["adopted"].isoformat() == "2021-11-18"  # type: ignore[attr-defined]
    assert plan(os_register, "bti-strategi")["revisions"] == [{"target": 2025, "work_from": 2024}]
    sports = plan(os_register, "handlingsplan-for-idrettsanlegg-og-omrader-i-os-kommune")
    assert (sports["kind"], sports["cadence"]) == ("handlingsplan", {"rule": "årlig"})  # "Revideres årlig"
    assert sports["revisions"] == [{"target": year} for year in (2023, 2024, 2025, 2026)]
    assert_validates_and_answers_due(os_register, ["BTI - strategi", "Smittevernplan"])


def test_an_excel_problem_names_the_sheet_and_the_cell(os_register: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Ark1"
    for values in (["Navn", "Vedtatt", 2024, 2025], ["Boligstrategi", 2023, None, "x"], ["Skoleplan", 1850, "x", None]):
        sheet.append(values)
    source = tmp_path / "brudd.xlsx"
    workbook.save(source)
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"{source}:Ark1!A3: «adopted» er 1850")
    assert plan_files(os_register) == []


def test_a_file_that_only_looks_like_a_workbook(os_register: Path, tmp_path: Path) -> None:
    for suffix in (".xlsx", ".docx", ".ods"):
        source = tmp_path / f"falsk{suffix}"
        source.write_text("Navn;Vedtatt\nBoligstrategi;2023\n", encoding="utf-8")
        result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"{source}: filen kan ikke leses som {suffix[1:]} ("), result.stderr
        assert "Traceback" not in result.output
    assert plan_files(os_register) == []


def test_the_appendix_as_a_libreoffice_spreadsheet(os_register: Path, tmp_path: Path) -> None:
    source = write_ods(tmp_path / "oversikt.ods", [HEADING, *appendix_rows()])
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    assert len(plan_files(os_register)) == PLANS_IN_APPENDIX
    assert plan(os_register, "kommunikasjonsstrategi")["remarks"] == "Vedtatt i ledermøte - rutine i Compilo"
    assert_validates_and_answers_due(os_register, ["Helse-og-omsorgsplan"])


def test_an_ods_problem_names_the_sheet_and_the_cell(os_register: Path, tmp_path: Path) -> None:
    source = write_ods(
        tmp_path / "brudd.ods", [["Navn", "Vedtatt", "24"], ["Boligstrategi", "2023", "ja takk"]], "Ark1"
    )
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}:Ark1!C2: «ja takk» i kolonnen for 2024")
