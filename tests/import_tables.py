"""Tables for the import tests, built the way municipalities keep them: Word, Excel, ODS and CSV.

``APPENDIX`` is part of Os kommune's appendix 2 (seed lines 465-790: "Vedlegg - tabell over
planer, strategier og reglementer"): group heading rows, then one row per plan with the year it
was adopted, x's in the columns 23-27 and a remark in the last, unnamed column. Where the PDF's
text leaves an x's column in doubt, the year is the one the bundled register's file gives
(``data/plans/<id>.yaml``, which explains its reading). ``OVERARCHING`` is the table of §1.6
(seed lines 386-401, "Revisjoner av overordna planer"): no heading over the titles, 24-27.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HEADING = ["Plandokumenter", "Vedtatt", "23", "24", "25", "26", "27", ""]
YEARS = [2023, 2024, 2025, 2026, 2027]


def row(title: str, adopted: str, marks: tuple[int, ...] = (), remark: str = "") -> list[str]:
    return [title, adopted, *("x" if year in marks else "" for year in YEARS), remark]


APPENDIX: list[list[str] | str] = [
    "Politisk styring",
    row("Politisk delegeringsreglement", "2020", (2024,), "Oppdateres i hver k-styreperiode"),
    row("Reglement for saksbehandling i politiske organ", "2017", (2024,), "Oppdateres i hver k-styreperiode"),
    row("Etisk reglement", "", (), "Oppdateres i hver k-styreperiode"),
    "Kommunikasjon",
    row("Kommunikasjonsstrategi", "2022", (), "Vedtatt i ledermøte - rutine i Compilo"),
    "Kommuneplan og økonomiplan",
    row("Samfunnsdel i OS 2015-2025", "2015", (2024, 2025), "Revideres i 24 og 25"),
    row("Kommuneplanens arealdel- revisjon", "2008", (2023, 2024), "Er i sluttfasen"),
    row("Økonomiplan og årsbudsjett", "2023", (2023, 2024, 2025, 2026, 2027)),
    "Samfunn- tverrfaglige planer og strategier",
    row("BTI - strategi", "2017", (2024, 2025), "Bedre tverrfaglig innsats- oppdateres til mestringsteam"),
    row("Boligstrategi", "2023", (), "Erstatter bolig sosial plan"),
    row("Smittevernplan", "2019", (2025,)),
    "Samfunn - kultur, næring og teknisk",
    row("Eierskapsmelding", "2021", (2026,), "Vedtatt i sak 28/21- mai/ revidert"),
    row("Handlingsplan for idrettsanlegg og områder i Os kommune", "", (2023, 2024, 2025, 2026), "Revideres årlig"),
    "Helse og omsorg",
    row("Alkoholpolitisk plan", "18.11.2021", (), "Vedtatt med presisering 18.11.21"),
    row("Helse-og-omsorgsplan", "2017", (2025,), "Revideres i 2025"),
    "Interkommunalt samarbeid ROH- overordna samarbeidsavtale vedtatt i sak 22/178",
    row("IT strategi – Røros, Os og Holtålen", "2019", (2024,), "I sak 19/19- vedtatt 25.04.2019.Må oppdateres"),
    "Vedtekter og reglementer økonomi",
    row("Økonomireglementet", "2022", (), "Vedtatt 23.juni 22. Sak 22/363"),
]
PLANS_IN_APPENDIX = 16

OVERARCHING_HEADING = ["", "24", "25", "26", "27"]
OVERARCHING = [
    ["Alkoholpolitisk plan", "x", "", "", ""],
    ["Folkehelseplan", "", "", "x", ""],
    ["Helse og omsorgsplan", "", "x", "x", ""],
    ["Kommuneplan- samfunnsdel", "x", "x", "", ""],
    ["Rus og psykiatriplan", "", "x", "x", ""],
    ["Smittevernplan", "", "x", "", ""],
]


def appendix_rows() -> list[list[str]]:
    """The appendix as plain rows: a heading is its name followed by empty cells."""
    return [[item, *[""] * (len(HEADING) - 1)] if isinstance(item, str) else item for item in APPENDIX]


def csv_text(rows: list[list[str]], separator: str = ";") -> str:
    def cell(text: str) -> str:
        return f'"{text}"' if separator in text or '"' in text or "\n" in text else text

    return "".join(separator.join(cell(c) for c in line) + "\r\n" for line in rows)


def write_cp1252_csv(path: Path) -> Path:
    """Norwegian Excel's "CSV (semikolondelt)": Windows-1252, semicolons, CRLF, comment lines first."""
    comments = "# kilde: Os kommune, kommunal planstrategi 2024–2027, vedlegg 2\r\n# lagret fra Excel\r\n"
    path.write_bytes((comments + csv_text([HEADING, *appendix_rows()])).encode("cp1252"))
    return path


def write_docx(path: Path, *, with_overarching: bool = True) -> Path:
    """The planning strategy as Word has it: §1.6's table, some text, then appendix 2's table, whose
    group headings are merged across the row; two rows share one remark cell merged down."""
    from docx import Document

    document = Document()
    if with_overarching:
        document.add_paragraph("1.6. Revisjoner av overordna planer i perioden 2024-2027")
        document.add_paragraph("Oppdatert etter kommunestyre 25012024")
        table = document.add_table(rows=0, cols=len(OVERARCHING_HEADING))
        for cells in [OVERARCHING_HEADING, *OVERARCHING]:
            for target, text in zip(table.add_row().cells, cells, strict=True):
                target.text = text
    document.add_paragraph("2. Vedlegg - tabell over planer, strategier og reglementer")
    table = document.add_table(rows=0, cols=len(HEADING))
    for target, text in zip(table.add_row().cells, HEADING, strict=True):
        target.text = text
    for item in APPENDIX:
        cells = table.add_row().cells
        if isinstance(item, str):
            merged = cells[0].merge(cells[-1])
            merged.text = item
            continue
        for target, text in zip(cells, item, strict=True):
            target.text = text
    # The two rows with the same remark share one cell merged down: it is each row's remark.
    first, second = table.rows[2].cells[-1], table.rows[3].cells[-1]
    first.merge(second).text = "Oppdateres i hver k-styreperiode"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def write_xlsx(path: Path, *, sheet: str = "Planer") -> Path:
    """The appendix in Excel: headings merged across the row, a real date, years as numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    worksheet.append(["Plandokumenter", "Vedtatt", 2023, 2024, 2025, 2026, 2027, "Merknad"])
    for item in APPENDIX:
        if isinstance(item, str):
            worksheet.append([item])
            number = worksheet.max_row
            worksheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(HEADING))
            continue
        values: list[object] = list(item)
        if item[1] == "18.11.2021":
            values[1] = dt.datetime(2021, 11, 18)
        elif item[1]:
            values[1] = int(item[1])
        worksheet.append(values)
    workbook.save(path)
    return path


def write_ods(path: Path, rows: list[list[str]], sheet: str = "Planer") -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (mimetype first, stored)."""
    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}</text:p></table:table-cell>'
            if cell
            else "<table:table-cell/>"
            for cell in cells
        )
        + "</table:table-row>"
        for cells in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


# --- registers to import into ---------------------------------------------------------------------


def cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from planstrategi.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def new_register(folder: Path, number: str = "5025") -> Path:
    """A register made by ``planstrategi init`` (installing from the index, as a planner would)."""
    result = cli("init", str(folder), "--municipality", number, "--install", "planstrategi==0.2.0")
    assert result.exit_code == 0, result.output
    return folder


def plan_files(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "data" / "plans").iterdir() if path.name != ".gitkeep")
