"""``planstrategi import`` from CSV: what Excel saves, read the way the planner meant it.

UTF-8 with and without a byte-order mark, Windows-1252 (Norwegian Excel's "CSV (semikolondelt)"),
comment lines, commas or semicolons, CR-only line ends; columns by their Norwegian headings,
unknown columns kept as remarks; group names for --category; kinds guessed from titles; the
meaning of the x marks. Every broken row is ``file:row:column: …`` and nothing is written.
The CSV fixtures that do not come from the seed's tables are in ``tests/csv/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from import_tables import (
    HEADING,
    PLANS_IN_APPENDIX,
    appendix_rows,
    cli,
    csv_text,
    new_register,
    plan_files,
    write_cp1252_csv,
)

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "tests" / "csv"
HEADER = "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A register made by ``planstrategi init`` for Røros; the working folder is its root."""
    new_register(tmp_path / "roros")
    monkeypatch.chdir(tmp_path / "roros")
    return tmp_path / "roros"


def plan(root: Path, pid: str) -> dict[str, object]:
    data = yaml.safe_load((root / "data" / "plans" / f"{pid}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def assert_valid(root: Path) -> None:
    result = cli("validate", "--data", str(root / "data"))
    assert result.exit_code == 0, result.output


# --- the planning strategy's appendix, as a planner saves it ---------------------------------------


def test_import_the_planning_strategy_appendix(fresh: Path) -> None:
    """Semicolons, a byte-order mark, CRLF, group heading rows, 23–27 columns, an unnamed remark column."""
    result = cli("import", str(CSV / "vedlegg2.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "data/plans/politisk-delegeringsreglement.yaml\n"
        "data/plans/reglement-for-saksbehandling-i-politiske-organ.yaml\n"
        "data/plans/etisk-reglement.yaml\n"
        "data/plans/kommunikasjonsstrategi.yaml\n"
        "data/plans/okonomiplan-og-arsbudsjett.yaml\n"
        "data/plans/alkoholpolitisk-plan.yaml\n"
        "import: 6 nye planfiler, 0 endret; ingen problemer\n"
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
    budget = plan(fresh, "okonomiplan-og-arsbudsjett")
    assert (budget["category"], budget["kind"]) == ("kommuneplan-og-okonomiplan", "budsjett")
    # an x in every year of a budget is a yearly round, not one revision over five years
    assert budget["revisions"] == [{"target": year} for year in range(2023, 2028)]
    assert budget["cadence"] == {"rule": "årlig"}
    ethics = plan(fresh, "etisk-reglement")
    assert (ethics["status"], "adopted" in ethics) == ("utkast", False)
    assert_valid(fresh)


def test_import_named_columns_with_commas(fresh: Path) -> None:
    result = cli("import", str(CSV / "kolonner.csv"), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.endswith("import: 2 new plan files, 0 changed; no problems\n")
    climate = plan(fresh, "klima-og-energiplan")
    assert climate["kind"] == "kommunedelplan"
    assert climate["remarks"] == "Mål: 33 % kutt, se vedlegg"
    farming = plan(fresh, "landbruksplan")
    assert (farming["category"], farming["revisions"]) == ("landbruk", [{"target": 2025}])  # group by its name
    assert_valid(fresh)


def test_windows_1252_with_comment_lines_is_read_and_said_so(fresh: Path, tmp_path: Path) -> None:
    """Norwegian Excel's "CSV (semikolondelt)": æøå in Windows-1252, a "# kilde:" line before the heading."""
    source = write_cp1252_csv(tmp_path / "vedlegg2.csv")
    result = cli("import", str(source))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"{source}: lest som Windows-1252 (Excels «CSV (semikolondelt)»), ikke UTF-8; sjekk at æ, ø og å ser riktige ut"
    )
    assert "kilde" not in " ".join(plan_files(fresh))  # the comment is no heading and no plan
    assert plan(fresh, "okonomireglementet")["title"] == "Økonomireglementet"  # not "Ã˜konomireglementet"
    it = plan(fresh, "it-strategi-roros-os-og-holtalen")
    assert (it["title"], it["category"]) == ("IT strategi – Røros, Os og Holtålen", "interkommunalt")
    assert len(plan_files(fresh)) == PLANS_IN_APPENDIX
    assert_valid(fresh)
    due = cli("due", "2025", "--data", str(fresh / "data"), "--as-of", "2025-01-15", "--format", "csv")
    assert due.exit_code == 0, due.output
    assert "Samfunnsdel i OS 2015-2025" in due.stdout and "BTI - strategi" in due.stdout


def test_a_file_neither_utf8_nor_windows_1252_is_refused_at_its_byte(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "ukjent.csv"
    source.write_bytes(b"Navn;Vedtatt\nPlan for \x81 noe;2020\n")  # 0x81 is not a Windows-1252 character
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}:2:10: filen er verken UTF-8 eller Windows-1252 (byte 0x81)")
    assert plan_files(fresh) == []


@pytest.mark.parametrize("ends", ["\r", "\n", "\r\n"])
def test_line_ends_of_any_kind_and_a_comma_file(fresh: Path, tmp_path: Path, ends: str) -> None:
    """An old Mac export ends its lines in CR alone; the csv module refused it (``_csv.Error``)."""
    source = tmp_path / "mac.csv"
    source.write_text(ends.join(["Navn,Vedtatt,2025", "Plan for friluftsliv,2020,x", ""]), encoding="utf-8", newline="")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 0, result.output
    assert plan(fresh, "plan-for-friluftsliv")["revisions"] == [{"target": 2025}]


# --- columns: known by their usual names, unknown ones kept --------------------------------------------


def test_an_unknown_column_goes_into_the_remarks_with_a_warning(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "oversikt.csv"
    source.write_text(
        "Plan;Vedtatt;Ansvarlig;Lovgrunnlag;Sak;Kostnad (kr);Merknad\n"
        "Trafikksikkerhetsplan;2022;Teknisk enhet;trafikksikkerhetsloven;22/101;50 000;Utkast i 23\n",
        encoding="utf-8",
    )
    result = cli("import", str(source), "--category", "Samfunn – tverrfaglige planer og strategier")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{source}:1:6: advarsel: kolonnen «Kostnad (kr)» er ukjent; innholdet blir lagt i merknaden som "
        "«Kostnad (kr): …»\n"
    )
    written = plan(fresh, "trafikksikkerhetsplan")
    assert written["category"] == "samfunn-tverrfaglig"  # --category by the group's name
    assert written["responsible"] == "Teknisk enhet"
    assert written["legal_basis"] == ["trafikksikkerhetsloven"]
    assert written["decisions"] == [{"case": "22/101", "year": 2022}]
    assert written["remarks"] == "Utkast i 23 Kostnad (kr): 50 000"
    assert_valid(fresh)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Kommuneplanens samfunnsdel", "kommuneplan"),
        ("Kommunedelplan for Savalen", "kommunedelplan"),
        ("Boligsosial handlingsplan", "handlingsplan"),
        ("Etiske retningslinjer", "retningslinje"),
        ("Økonomireglementet", "reglement"),
        ("Eierskapsmelding", "melding"),
        ("Kommunikasjonsstrategi", "strategi"),
        ("Strategisk næringsplan", "plan"),  # "strategisk" names no strategy
    ],
)
def test_the_kind_is_guessed_from_the_title(fresh: Path, tmp_path: Path, title: str, kind: str) -> None:
    source = tmp_path / "en.csv"
    source.write_text(f"Navn;Vedtatt\n{title};2020\n", encoding="utf-8")
    assert cli("import", str(source), "--category", "samfunn-tverrfaglig").exit_code == 0
    assert plan(fresh, plan_files(fresh)[0].removesuffix(".yaml"))["kind"] == kind


@pytest.mark.parametrize(
    ("marks", "revisions", "inferred"),
    [
        ("revision", [{"target": 2025, "work_from": 2024}, {"target": 2027}], None),
        ("work", [{"target": 2025, "work_from": 2024}, {"target": 2027}], ["revisions"]),
        ("decision", [{"target": 2024}, {"target": 2025}, {"target": 2027}], None),
        (
            "deadline",
            [{"target": y, "note": "Frist for revisjonen (x i tabellen)."} for y in (2024, 2025, 2027)],
            None,
        ),
    ],
)
def test_what_the_x_marks_mean(
    fresh: Path, tmp_path: Path, marks: str, revisions: list[dict[str, object]], inferred: list[str] | None
) -> None:
    source = tmp_path / "x.csv"
    source.write_text("Navn;Vedtatt;2024/25;2025/26;2026/27;2027/28\nBTI-strategi;2017;x;x;;x\n", encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig", "--marks", marks)
    assert result.exit_code == 0, result.output
    written = plan(fresh, "bti-strategi")
    assert written["revisions"] == revisions
    assert written.get("inferred") == inferred
    assert_valid(fresh)


def test_status_words_in_the_year_columns(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "ord.csv"
    source.write_text(
        "Navn;Vedtatt;23;24;25\nBeitebruksplan;2015;pågår;x;\nVannplan;2015;vedtatt;;\n", encoding="utf-8"
    )
    assert cli("import", str(source), "--category", "landbruk").exit_code == 0
    assert plan(fresh, "beitebruksplan")["revisions"] == [{"target": 2024, "work_from": 2023, "state": "pågår"}]
    assert plan(fresh, "vannplan")["revisions"] == [{"target": 2023, "state": "vedtatt"}]
    assert_valid(fresh)


def test_a_nynorsk_table_is_read_by_its_headings_and_words(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "planar.csv"
    source.write_text(
        "Namn;Vedteke;Ansvarleg eining;Merknadar;23;24;25\n"
        "Beitebruksplan;2015;Landbruk;Rullerast årleg;starta;x;\n"
        "Vassplan;2015;Teknisk;;vedteke;;\n",
        encoding="utf-8",
    )
    result = cli("import", str(source), "--category", "landbruk")
    assert result.exit_code == 0, result.output
    assert "ukjent" not in result.output.lower()  # no heading went into the remarks as unknown
    grazing = plan(fresh, "beitebruksplan")
    assert (grazing["adopted"], grazing["responsible"], grazing["remarks"]) == (2015, "Landbruk", "Rullerast årleg")
    # "årleg" (nynorsk for årlig) makes it a yearly plan: a round for each marked year
    assert grazing["cadence"] == {"rule": "årlig"}
    assert grazing["revisions"] == [{"target": 2023, "state": "pågår"}, {"target": 2024}]
    assert plan(fresh, "vassplan")["revisions"] == [{"target": 2023, "state": "vedtatt"}]
    assert_valid(fresh)


def test_an_unknown_marks_meaning_is_a_usage_error(fresh: Path) -> None:
    result = cli("import", str(CSV / "vedlegg2.csv"), "--marks", "years")
    assert result.exit_code == 2
    assert result.stderr == "planstrategi: --marks years er ukjent; velg en av revision, work, decision, deadline\n"


def test_an_unknown_group_is_a_usage_error_with_a_hint(fresh: Path) -> None:
    result = cli("import", str(CSV / "vedlegg2.csv"), "--category", "skule")
    assert result.exit_code == 2
    assert "gruppen «skule» finnes ikke" in result.stderr


# --- broken rows: every one reported at its cell, nothing written ------------------------------------


BROKEN = [
    "3:2: «i fjor» under vedtatt er verken et årstall (2021) eller en dato (18.11.2021)",
    "4:3: «ja takk» i kolonnen for 2024: skriv x (eller vedtatt, pågår) der revisjonen er, ellers ingenting",
    "5:6: gruppen «skole» finnes ikke i",
    "6:1: raden har ikke noe plannavn",
    "7:1: gir samme plan (boligstrategi) som raden på 2:1; gi planene ulike navn, eller slett den ene raden",
    "8:1: «adopted» er 1850, men årstall må ligge mellom 1900 og 2100; sjekk for skrivefeil",
]


def test_every_broken_row_is_reported_at_its_cell_and_nothing_is_written(fresh: Path) -> None:
    source = str(CSV / "brudd.csv")
    result = cli("import", source)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(BROKEN) + 1
    for line, expected in zip(lines, BROKEN, strict=False):
        assert line.startswith(f"{source}:{expected}"), line
    assert lines[-1] == "ingen filer er skrevet (6 problemer); rett radene, eller bruk --skip-bad for å skrive resten"
    assert plan_files(fresh) == []


def test_skip_bad_writes_the_good_rows_and_never_overwrites(fresh: Path) -> None:
    source = str(CSV / "brudd.csv")
    result = cli("import", source, "--skip-bad")
    assert result.exit_code == 1
    assert result.stdout == "data/plans/boligstrategi.yaml\nimport: 1 ny planfil, 0 endret; 6 problemer\n"
    before = (fresh / "data/plans/boligstrategi.yaml").read_text(encoding="utf-8")
    again = cli("import", source, "--partial")  # the old name of --skip-bad
    assert (
        f"{source}:2:1: data/plans/boligstrategi.yaml finnes allerede; bruk --update for å flette tabellen inn i "
        "den (import skriver aldri over)" in again.stderr.splitlines()
    )
    assert again.stdout == "import: 0 nye planfiler, 0 endret; 7 problemer\n"
    assert (fresh / "data/plans/boligstrategi.yaml").read_text(encoding="utf-8") == before
    assert_valid(fresh)


def test_an_unbalanced_quote_that_glues_rows_together_is_found(fresh: Path, tmp_path: Path) -> None:
    """The quote opened in row 3 closes in row 5: the csv module would make rows 3-5 one silent row."""
    source = tmp_path / "sitat.csv"
    source.write_text(
        'Navn;Vedtatt;2024\nBoligstrategi;2023;\n"Kulturplan;2019;x\nSkoleplan;2018;\nIdrettsplan";2020;x\n',
        encoding="utf-8",
    )
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}:3:1: cellen går fra linje 3 til 5 og har skilletegnet ; inni seg; trolig mangler et "
        'anførselstegn ("), så flere rader er limt sammen: rett det og lagre på nytt'
    )
    assert plan_files(fresh) == []


def test_a_quote_left_open_to_the_end_of_the_file(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "apen.csv"
    source.write_text('Navn;Vedtatt\nBoligstrategi;2023\n"Kulturplan;2019\n', encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}:3:1: CSV-filen kan ikke leses videre fra linje 3 (")
    assert "Traceback" not in result.output and plan_files(fresh) == []


def test_a_cell_larger_than_the_csv_module_allows_is_read(fresh: Path, tmp_path: Path) -> None:
    """131,072 characters is the csv module's default limit (``_csv.Error: field larger than field limit``)."""
    source = tmp_path / "stor.csv"
    remark = "Lang merknad. " * 12_000
    source.write_text(f"Navn;Vedtatt;Merknad\nBoligstrategi;2023;{remark}\n", encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 0, result.output
    assert len(str(plan(fresh, "boligstrategi")["remarks"])) == len(remark.strip())


def test_a_300_character_title_gives_a_file_name_that_fits(fresh: Path, tmp_path: Path) -> None:
    """A file name of 300 characters is refused by the file system (OSError: name too long)."""
    title = "Plan for " + " og ".join(f"tiltak nummer {n}" for n in range(1, 19))
    assert len(title) > 300
    source = tmp_path / "lang.csv"
    source.write_text(f"Navn;Vedtatt\n{title};2021\n", encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 0, result.output
    [name] = plan_files(fresh)
    assert len(name) <= 80 + len(".yaml") and name.startswith("plan-for-tiltak-nummer-1-og-")
    assert plan(fresh, name.removesuffix(".yaml"))["title"] == title  # the title is kept whole
    assert_valid(fresh)


def test_a_bad_year_heading_is_kept_as_a_remark_not_a_revision(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "aar.csv"
    source.write_text("Navn;Vedtatt;2024;2O25\nSkoleplan;2018;x;x\n", encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 0
    assert f"{source}:1:4: advarsel: kolonnen «2O25» er ukjent" in result.stderr
    written = plan(fresh, "skoleplan")
    assert (written["revisions"], written["remarks"]) == ([{"target": 2024}], "2O25: x")


def test_a_file_of_another_format_is_refused(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "oversikt.pdf"
    source.write_bytes(b"%PDF-1.4")
    result = cli("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"planstrategi: {source}: import leser .csv, .xlsx, .docx og .ods, ikke «.pdf»")


def test_a_heading_row_without_a_title_column(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "uten.csv"
    source.write_text(csv_text([["Hva", "Når"], ["Boligstrategi", "2023"]]), encoding="utf-8")
    result = cli("import", str(source), "--category", "samfunn-tverrfaglig")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}:1:1: fant ingen kolonne med plannavnet")


# --- preview -------------------------------------------------------------------------------------


def test_preview_shows_each_row_and_writes_nothing(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "vedlegg2.csv"
    source.write_text(csv_text([HEADING, *appendix_rows()[:4]]), encoding="utf-8")
    result = cli("import", str(source), "--preview")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "3:1  Politisk delegeringsreglement  ->  data/plans/politisk-delegeringsreglement.yaml (ny)\n"
        "     gruppe politisk-styring · reglement · vedtatt 2020 · revisjon 2024\n"
        "4:1  Reglement for saksbehandling i politiske organ  ->  "
        "data/plans/reglement-for-saksbehandling-i-politiske-organ.yaml (ny)\n"
        "     gruppe politisk-styring · reglement · vedtatt 2017 · revisjon 2024\n"
        "5:1  Etisk reglement  ->  data/plans/etisk-reglement.yaml (ny)\n"
        "     gruppe politisk-styring · reglement · ikke vedtatt (utkast)\n"
    )
    assert result.stderr == "forhåndsvisning: 3 planer, ingen problemer; ingenting er skrevet\n"
    assert plan_files(fresh) == []
