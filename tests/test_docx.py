"""The Word appendix (``report --format docx``) and one table as a document (``table --format docx``),
read back with python-docx as Word would read them: headings in the outline, tables with their
header rows repeated and rows kept whole, the bundled register's rows, the language form,
landscape where the year columns need it; and the refusals (a terminal, a path that cannot be
written) as one line each. Where LibreOffice is installed, the document converts to PDF.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.render import safety

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
README = ROOT / "README.md"
AS_OF = "2026-12-02"
SAFE = ("http://", "https://", "mailto:")

CAPTIONS = [
    "Planer, strategier og reglementer – valgperioden 2023–2027",
    "Oversikt over planer (61)",
    "Mål og målbare mål i vedtatte planer",
    "Revisjoner per år 2024–2027 (kapasitet 3)",
    "Revisjoner per år, fordelt på gruppe",
    "Lovpålagte og anbefalte planer, status 2026",
]
HEADERS = [
    ["Plan", "Vedtatt", "2023", "2024", "2025", "2026", "2027", "Merknad"],
    ["Plan", "Type", "Status", "Vedtatt", "Neste revisjon"],
    ["Tekst", "Målbart mål"],
    ["År", "Antall", "Revisjon", "Hyppighet", "Etterslep", "Kapasitet"],
    ["Gruppe", "2024", "2025", "2026", "2027", "Sum"],
    ["Krav", "Hjemmel", "Styrke", "Hyppighet", "Oppfylt av", "Status", "Grunn"],
]


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


def appendix_bytes(*extra: str, data: Path = DATA) -> bytes:
    code, out, err = run("report", "--format", "docx", "--data", str(data), "--as-of", AS_OF, *extra)
    assert (code, err) == (0, ""), err
    return out


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def appendix() -> Document:
    return read(appendix_bytes())


def headings(document: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def outline_level(document: Document, style: str) -> str | None:
    level = document.styles[style].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    return None if level is None else level.get(qn("w:val"))


def is_header(row: Any) -> bool:
    return row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def spans(row: Any) -> int:
    span = row._tr.find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return 1 if span is None else int(span.get(qn("w:val")))


def orientations(document: Document) -> list[str]:
    """For each table, in order: "landscape" or "portrait", from the section it is in."""
    found: list[str] = []
    pending = 0
    sections = iter(document.sections)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending += 1
        ends_section = child.tag == qn("w:sectPr") or child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        if ends_section:
            section = next(sections)
            landscape = section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
            found += ["landscape" if landscape else "portrait"] * pending
            pending = 0
    return found


def text_of(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def rows_of(table: Any) -> Iterator[list[str]]:
    for row in table.rows[1:]:
        yield [cell.text for cell in row.cells]


# --- the appendix as the council receives it ----------------------------------------------------


def test_the_title_and_the_captions_are_headings_in_the_outline(appendix: Document) -> None:
    assert headings(appendix) == [
        ("Heading 1", "Os kommune – vedlegg til kommunal planstrategi 2024–2027"),
        *(("Heading 2", caption) for caption in CAPTIONS),
    ]
    assert (outline_level(appendix, "Heading 1"), outline_level(appendix, "Heading 2")) == ("0", "1")


def test_the_date_is_written_in_norwegian(appendix: Document) -> None:
    assert appendix.paragraphs[1].text == "Per 2. desember 2026."
    assert AS_OF not in text_of(appendix)


def test_every_table_has_a_repeated_header_row_and_rows_kept_whole(appendix: Document) -> None:
    assert [[cell.text for cell in table.rows[0].cells] for table in appendix.tables] == HEADERS
    for table, caption in zip(appendix.tables, CAPTIONS, strict=True):
        assert table.style.name == "Table Grid"
        assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == caption  # alt text
        assert [is_header(row) for row in table.rows] == [True] + [False] * (len(table.rows) - 1)
        assert all(row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in table.rows)


def test_the_revision_table_has_the_bundled_register_by_group(appendix: Document) -> None:
    code, out, _ = run("table", "--format", "json", "--data", str(DATA), "--as-of", AS_OF, "--term", "2023")
    assert code == 0
    expected: list[list[str]] = []
    group = None
    marks = {"planned": "x", "in-progress": "x", "done": "v", "overdue": "!"}
    for row in json.loads(out)["rows"]:
        if row["category_name"] != group:
            group = row["category_name"]
            expected.append([group] * 8)  # one cell spanning the row: python-docx repeats it
        title = f"* {row['title']}" if row["part_of"] else row["title"]
        adopted = "" if row["adopted_year"] is None else str(row["adopted_year"])
        if "adopted" in row.get("inferred", []):
            adopted += " (antatt)"
        years = [marks.get(row["marks"].get(str(year), ""), "") for year in range(2023, 2028)]
        expected.append([title, adopted, *years, row["remarks"] or ""])
    table = appendix.tables[0]
    assert list(rows_of(table)) == expected
    assert [spans(row) for row in table.rows[1:] if row.cells[0].text == row.cells[-1].text != ""][:3] == [8, 8, 8]
    assert expected[1][:4] == ["Politisk delegeringsreglement", "2020", "", "!"]


def test_overdue_marks_are_bold_and_red_beside_the_legend_before_the_table(appendix: Document) -> None:
    row = appendix.tables[0].rows[2]
    run = row.cells[3].paragraphs[0].runs[0]
    assert (run.text, run.bold, str(run.font.color.rgb)) == ("!", True, "C00000")
    legend = "x = planlagt eller pågår, v = vedtatt, ! = forfalt (ikke vedtatt i planlagt år)"
    texts = [p.text for p in appendix.paragraphs]
    assert texts.index(legend) == texts.index(CAPTIONS[0]) + 1  # read before the 60 rows, not after


def test_the_titles_link_to_the_plans(appendix: Document) -> None:
    links = [r.target_ref for r in appendix.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert "https://os.kommune.no/barne-og-ungdomsplan/" in links
    assert links and all(link.startswith(SAFE) for link in links)


def test_landscape_for_the_year_columns_and_the_checklist_portrait_otherwise(appendix: Document) -> None:
    assert orientations(appendix) == ["landscape", "portrait", "portrait", "portrait", "portrait", "landscape"]
    for section in appendix.sections:
        assert sorted([round(section.page_width.cm, 1), round(section.page_height.cm, 1)]) == [21.0, 29.7]  # A4
        assert round(section.left_margin.cm, 1) == round(section.top_margin.cm, 1) == 2.0


def test_the_workload_is_counts_not_bars(appendix: Document) -> None:
    code, out, _ = run("workload", "--format", "json", "--data", str(DATA), "--as-of", AS_OF)
    assert code == 0
    expected = [
        [str(y["year"]), str(y["total"]), str(y["revision"]), str(y["cadence"]), str(y["backlog"])]
        for y in json.loads(out)["years"]
    ]
    assert [row[:5] for row in rows_of(appendix.tables[3])] == expected
    assert not {"█", "▒"} & set(text_of(appendix))


def test_no_working_text_for_the_register_keepers(appendix: Document) -> None:
    text = text_of(appendix)
    assert "data/requirements.yaml" not in text and "Kontrollert" not in text
    assert "politisk-delegeringsreglement" not in text  # ids
    assert "5 oppfylt" in text.replace("\n", " ") or "oppfylt" in text  # the checklist's tally stays


def test_the_document_speaks_the_language_form(appendix: Document) -> None:
    assert appendix.core_properties.language == "nb-NO"
    assert appendix.core_properties.title == "Os kommune – vedlegg til kommunal planstrategi 2024–2027"
    langs = [lang.get(qn("w:val")) for lang in appendix.styles.element.iter(qn("w:lang"))]
    assert langs and set(langs) == {"nb-NO"}
    for style in ("Normal", "Heading 1", "Heading 2"):
        lang = appendix.styles[style].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:val")) == "nb-NO"


def _markdown_headings(lang: str) -> list[str]:
    code, out, _ = run("report", "--format", "markdown", "--data", str(DATA), "--as-of", AS_OF, "--lang", lang)
    assert code == 0
    return [line.split(" ", 1)[1] for line in out.decode("utf-8").splitlines() if re.match("^##? ", line)]


@pytest.mark.parametrize(("lang", "tag", "per"), [("nn", "nn-NO", "Per 2. desember 2026."), ("en", "en-GB", "")])
def test_nynorsk_and_english_headings(lang: str, tag: str, per: str) -> None:
    document = read(appendix_bytes("--lang", lang))
    assert [text for _, text in headings(document)] == _markdown_headings(lang)
    assert document.core_properties.language == tag
    assert {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))} == {tag}
    if lang == "en":
        assert headings(document)[0] == (
            "Heading 1",
            "Os municipality – appendix to the municipal planning strategy 2024–2027",
        )
        assert document.paragraphs[1].text == "As of 2 December 2026."
    else:
        assert document.paragraphs[1].text == per


def test_the_same_day_gives_the_same_bytes() -> None:
    first = appendix_bytes()
    assert appendix_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2026, 12, 2)}
    assert read(first).core_properties.created.date().isoformat() == AS_OF  # type: ignore[union-attr]


# --- one table --------------------------------------------------------------------------------------


def test_table_as_a_document(tmp_path: Path) -> None:
    target = tmp_path / "tabell.docx"
    args = ["table", "--format", "docx", "--data", str(DATA), "--as-of", AS_OF, "--overarching", "-o", str(target)]
    code, out, err = run(*args)
    assert (code, out, err.strip()) == (0, b"", f"skrev {target}")
    document = read(target.read_bytes())
    assert headings(document) == [("Heading 1", "Revisjoner av overordna planer i perioden 2024–2027")]
    assert [p.text for p in document.paragraphs[1:3]] == [
        "Per 2. desember 2026.",
        "x = planlagt eller pågår, v = vedtatt, ! = forfalt (ikke vedtatt i planlagt år)",
    ]
    assert len(document.tables) == 1
    assert [cell.text for cell in document.tables[0].rows[0].cells] == [
        "Plan", "Vedtatt", "2024", "2025", "2026", "2027", "Merknad"
    ]  # fmt: skip
    assert is_header(document.tables[0].rows[0])


def test_a_table_with_no_rows_says_so() -> None:
    code, out, _ = run("table", "-f", "docx", "--data", str(DATA), "--as-of", AS_OF, "--status", "utgått")
    assert code == 0
    document = read(out)
    assert [p.text for p in document.paragraphs] == [
        "Planer, strategier og reglementer – valgperioden 2023–2027",
        "Per 2. desember 2026.",
        "Ingen planer passer til filtrene.",
    ]
    assert document.tables == [] and orientations(document) == []


def test_table_output_for_a_text_format_is_the_printed_text(tmp_path: Path) -> None:
    target = tmp_path / "tabell.md"
    args = ["table", "--format", "markdown", "--data", str(DATA), "--as-of", AS_OF]
    code, printed, _ = run(*args)
    assert run(*args, "--output", str(target))[0] == code == 0
    assert target.read_bytes() == printed


# --- refusals ---------------------------------------------------------------------------------------


def _installed() -> str:
    found = shutil.which("planstrategi", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("planstrategi is not installed beside this Python")
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
@pytest.mark.parametrize("command", ["report", "table"])
def test_a_document_is_not_written_to_a_terminal(command: str) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [_installed(), command, "--format", "docx", "--data", str(DATA), "--as-of", AS_OF],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
            env={**os.environ, "PLANSTRATEGI_LANG": "nb"},
        )
        os.set_blocking(leader, False)
        try:
            shown = os.read(leader, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2
    assert shown == b""
    assert done.stderr.decode("utf-8").splitlines() == [
        "planstrategi: et Word-dokument kan ikke vises på skjermen: gi --output FIL.docx, eller send det til "
        "en fil (> vedlegg.docx)"
    ]


@pytest.mark.parametrize("command", ["report", "table"])
def test_a_path_that_cannot_be_written_is_one_line(command: str, tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe\n", encoding="utf-8")
    code, out, err = run(command, "-f", "docx", "--data", str(DATA), "--as-of", AS_OF, "-o", str(blocker / "v.docx"))
    assert (code, out) == (1, b"")
    assert len(err.splitlines()) == 1 and err.startswith(f"planstrategi: kunne ikke skrive {blocker / 'v.docx'}")
    existing = tmp_path / "v.docx"
    existing.write_bytes(b"endret")
    code, _, err = run(command, "-f", "docx", "--data", str(DATA), "--as-of", AS_OF, "-o", str(existing))
    assert (code, existing.read_bytes()) == (1, b"endret")
    assert len(err.splitlines()) == 1 and "--force" in err


def test_report_names_the_formats_it_writes() -> None:
    code, out, err = run("report", "--format", "csv", "--data", str(DATA))
    assert (code, out) == (2, b"")
    assert err == "planstrategi: rapporten skrives som html eller markdown, eller som Word-dokument (docx), ikke csv\n"


# --- hostile text -----------------------------------------------------------------------------------

HOSTILE = """\
id: hostile
title: "Plan \\e[2J med \\0 og \\u202e snudd <w:p> & </w:t>"
category: politisk-styring
kind: plan
municipality: "3430"
status: gjeldende
adopted: 2022
revisions: [{target: 2025}]
links: ["https://example.org/?a=1&b=<2>"]
remarks: "linje 1\\nlinje 2\\tmed tab \\x07"
"""


def test_hostile_text_is_shown_not_obeyed(base_register: Path) -> None:
    (base_register / "plans" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    code, out, _ = run("report", "--format", "docx", "--data", str(base_register), "--as-of", "2025-03-01")
    assert code == 0
    document = read(out)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Plan \\x1b[2J med \\x00 og \\u202e snudd <w:p> & </w:t>" in cells
    assert "linje 1\nlinje 2\tmed tab \\x07" in cells  # a line break and a tab, as Word writes them
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert "https://example.org/?a=1&b=<2>" in links  # an attribute lxml escapes, read back as written


@given(st.text())
def test_any_text_can_be_written_to_a_document(text: str) -> None:
    paragraph = docx.Document().add_paragraph(safety.docx(text))  # python-docx raises on what XML forbids
    assert "\x00" not in paragraph.text and "\u202e" not in paragraph.text


# --- LibreOffice, where installed ---------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_appendix_to_pdf(tmp_path: Path) -> None:
    source = tmp_path / "vedlegg.docx"
    source.write_bytes(appendix_bytes())
    profile = tmp_path / "profile"  # a profile of its own: no clash with a running LibreOffice
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "vedlegg.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


# --- the README's picture of the document -------------------------------------------------------------


def outline(document: Document) -> str:
    """What Word's navigation pane and page layout show: the headings, the «Per» line, and under
    each table its page, its header row (marked when it repeats) and how many rows and groups."""
    shown: list[str] = []
    tables = iter(zip(document.tables, orientations(document), strict=True))
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = next(p for p in document.paragraphs if p._p is child)
            name = paragraph.style.name
            if name == "Heading 1":
                shown.append(f"# {paragraph.text}")
            elif name == "Heading 2":
                shown.append(f"## {paragraph.text}")
            elif paragraph.text.startswith("Per "):
                shown.append(paragraph.text)
        elif child.tag == qn("w:tbl"):
            table, page = next(tables)
            header = " | ".join(cell.text for cell in table.rows[0].cells)
            width = len(table.columns)
            groups = sum(1 for row in table.rows[1:] if width > 1 and spans(row) == width)
            rows = len(table.rows) - 1 - groups
            counted = f"{rows} rows in {groups} groups" if groups else f"{rows} rows"
            repeated = "; header row on every page" if is_header(table.rows[0]) else ""
            shown += [f"   A4 {page}, {counted}{repeated}", f"   {header}"]
    return "\n".join(shown) + "\n"


OUTLINE_BLOCK = re.compile(r"(<!-- docx outline: (?P<args>[^>]*) -->\n```text\n)(?P<out>.*?)(```\n)", re.DOTALL)


def test_the_readme_shows_the_document_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    blocks = list(OUTLINE_BLOCK.finditer(text))
    assert blocks, "README: the Word appendix section shows the document's outline"
    for block in blocks:
        monkeypatch.chdir(ROOT)
        code, out, err = run(*block.group("args").split())
        assert (code, err) == (0, ""), err
        printed = outline(read(out))
        if os.environ.get("UPDATE_README") and block.group("out") != printed:
            README.write_text(text[: block.start("out")] + printed + text[block.end("out") :], encoding="utf-8")
            continue
        assert block.group("out") == printed, "README's docx outline is stale: UPDATE_README=1"
