"""Each output format on hostile and ordinary rows: escaping, Excel's CSV, accessible HTML, JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from planstrategi.render import OutputFormat
from planstrategi.render import csv as render_csv
from planstrategi.render import html as render_html
from planstrategi.render import json as render_json
from planstrategi.render import markdown as render_markdown
from planstrategi.render import table as render_table
from planstrategi.render.report import Report
from planstrategi.render.views import due_report, matrix_report

AS_OF = dt.date(2025, 3, 1)
EVIL = "<script>alert(1)</script> | @kari *fet* [x](javascript:alert(1))"


def row(title: str, *, url: str | None = None, reason: str = "planlagt 2025", urgency: str = "due") -> dict[str, Any]:
    return {
        "id": "p",
        "title": title,
        "category": "c",
        "category_name": "Helse og omsorg",
        "kind": "plan",
        "status": "gjeldende",
        "adopted": 2017,
        "adopted_year": 2017,
        "url": url,
        "urgency": urgency,
        "reasons": [{"code": "planned", "year": 2025, "text": reason}],
        "responsible": None,
    }


def report(*rows: dict[str, Any]) -> Report:
    return due_report(list(rows), year=2025, as_of=AS_OF, filters={})


# --- CSV --------------------------------------------------------------------------------------


def test_csv_is_what_norwegian_excel_opens() -> None:
    text = render_csv.render(report(row("Helse- og omsorgsplan"), row("Plan; med semikolon")))
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    assert text.splitlines()[0] == "\ufeffHastegrad;Plan;Gruppe;Grunn;Vedtatt"
    parsed = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert parsed[2] == ["Til revisjon i 2025", "Plan; med semikolon", "Helse og omsorg", "planlagt 2025", "2017"]


@pytest.mark.parametrize("formula", ["=1+2", "+47 99", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_cells_that_excel_would_run(formula: str) -> None:
    text = render_csv.render(report(row(formula, reason=formula)))
    parsed = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert parsed[1][1] == "'" + formula
    assert parsed[1][3] == "'" + formula
    assert render_csv.neutralise("Os 2024") == "Os 2024"


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_escapes_pipes_html_and_mentions() -> None:
    text = render_markdown.render(report(row(EVIL, reason="a\nb")))
    line = next(line for line in text.splitlines() if "alert" in line)
    assert "<script>" not in text and "&lt;script&gt;" in line
    assert "\\|" in line and line.count(" | ") == 3  # only the four real cells are separated
    assert "@&#8203;kari" in line and "@kari" not in line
    assert "\\*fet\\*" in line and "\\[x\\]" in line
    assert "a<br>b" in line


def test_markdown_links_only_safe_addresses() -> None:
    safe = render_markdown.render(report(row("Plan", url="https://os.kommune.no/a_(b).pdf")))
    unsafe = render_markdown.render(report(row("Plan", url="javascript:alert(1)")))
    assert "[Plan](https://os.kommune.no/a_%28b%29.pdf)" in safe
    assert "javascript" not in unsafe


def test_markdown_is_a_github_table() -> None:
    text = render_markdown.render(report(row("A"), row("B", urgency="overdue")))
    assert text.startswith("## Planer til revisjon i 2025 (per 1. mars 2025)\n")
    assert "| Plan | Gruppe | Grunn | Vedtatt |\n| --- | --- | --- | ---: |" in text
    assert text.index("### Til revisjon i 2025") < text.index("| A |")


# --- HTML -------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def test_html_is_one_accessible_self_contained_page() -> None:
    text = render_html.render(report(row("Helse- og omsorgsplan", url="https://os.kommune.no/h.pdf")))
    tags = _tags(text)
    names = [tag for tag, _ in tags]
    assert text.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": "nb"}) in tags
    assert "caption" in names and "script" not in names and "link" not in names and "img" not in names
    scopes = [attrs.get("scope") for tag, attrs in tags if tag == "th"]
    assert set(scopes) == {"col", "row", "rowgroup"}
    assert ("a", {"href": "https://os.kommune.no/h.pdf"}) in tags


def test_html_escapes_everything_and_links_only_safe_addresses() -> None:
    text = render_html.render(report(row(EVIL, url='javascript:alert("x")'), row("B", url='https://x.no/"><b>')))
    tags = _tags(text)
    assert "script" not in [tag for tag, _ in tags] and "b" not in [tag for tag, _ in tags]
    assert "&lt;script&gt;" in text
    hrefs = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert hrefs == ["#main", 'https://x.no/"><b>']  # the skip link, then the one safe address
    assert ("main", {"id": "main", "tabindex": "-1"}) in tags  # the skip link's target is on the page


def test_html_language_follows_the_report() -> None:
    from planstrategi import i18n

    i18n.set_language("en")
    text = render_html.render(report(row("A")))
    assert '<html lang="en">' in text and "<caption>Plans due in 2025 (as of 1 March 2025)</caption>" in text


# --- JSON -------------------------------------------------------------------------------------


def test_json_has_the_documented_shape() -> None:
    document = json.loads(render_json.render(report(row("A"), row("B", urgency="overdue"))))
    assert list(document) == ["report", "as_of", "year", "language", "filters", "counts", "rows"]
    assert document["counts"] == {"overdue": 1, "expired": 0, "due": 1}
    assert document["rows"][0]["reasons"] == [{"code": "planned", "year": 2025, "text": "planlagt 2025"}]


def test_json_of_the_matrix_gives_marks_by_year() -> None:
    rows = [row("A") | {"marks": {"2024": "overdue", "2025": "planned"}, "remarks": None}]
    document = render_json.document(
        matrix_report(rows, years=range(2023, 2028), as_of=AS_OF, filters={}, term=2023, overarching=False)
    )
    assert document["term"] == 2023 and document["years"] == [2023, 2024, 2025, 2026, 2027]
    assert document["rows"][0]["marks"] == {"2024": "overdue", "2025": "planned"}


# --- terminal table ---------------------------------------------------------------------------


def test_table_prints_data_literally_and_plainly() -> None:
    text = render_table.render(report(row("[bold red]Plan[/] :smile:"), row("B")), width=100, color=False)
    assert "[bold red]Plan[/] :smile:" in text
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "\n Til revisjon i 2025\n" in text


def test_table_wraps_between_words_not_inside_them() -> None:
    """rich alone, narrowing the widest columns alike, split "sivilbeskyttelsesloven" at width 100."""
    long_reason = "sivilbeskyttelsesloven § 15; forskrift om kommunal beredskapsplikt §§ 4 og 6"
    rows = [row(f"Overordnet beredskapsplan {n} for Os kommune", reason=long_reason) for n in range(3)]
    rows.append(row("Plan for helsemessig og sosial beredskap"))
    for width in (60, 80, 100):
        text = render_table.render(report(*rows), width=width, color=False)
        assert max(len(line) for line in text.splitlines()) <= width
        words = {word for line in text.splitlines() for word in line.split()}
        assert {"sivilbeskyttelsesloven", "beredskapsplikt", "helsemessig"} <= words, (width, text)
    narrow = render_table.render(report(*rows), width=30, color=False)  # not even the words fit: rich folds
    assert max(len(line) for line in narrow.splitlines()) <= 30


def test_table_keeps_short_cells_on_one_line_beside_a_long_column() -> None:
    title = "Handlingsplan for idrettsanlegg og områder i Os kommune med tiltak og prioriteringer " * 2
    rows = [row(title + str(n)) | {"category_name": "Kultur og idrett"} for n in range(3)]
    text = render_table.render(report(*rows), width=100, color=False)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert all("Kultur og idrett" in line and "planlagt 2025" in line for line in text.splitlines() if "2017" in line)


def test_table_wraps_a_long_group_name_to_the_width() -> None:
    group = "Samfunn – tverrfaglige planer og strategier"
    rows = [row("A") | {"marks": {}, "remarks": None, "category_name": group}]
    for width in (30, 100):
        report = matrix_report(rows, years=range(2024, 2026), as_of=AS_OF, filters={}, term=2023, overarching=True)
        text = render_table.render(report, width=width, color=False)
        assert max(len(line) for line in text.splitlines()) <= width, text
        assert group in " ".join(text.split())  # whole, if on more than one line


def test_table_in_colour_styles_overdue_marks() -> None:
    rows = [row("A") | {"marks": {"2024": "overdue"}, "remarks": None}]
    report = matrix_report(rows, years=range(2024, 2026), as_of=AS_OF, filters={}, term=2023, overarching=True)
    text = render_table.render(report, width=100, color=True)
    assert "\x1b[" in text and re.search(r"\x1b\[[0-9;]*31m *!", text)


def test_table_falls_back_to_ascii_boxes() -> None:
    text = render_table.render(report(row("A")), width=80, color=False, unicode=False)
    assert "─" not in text and "-" in text


def test_an_empty_report_says_so_in_every_format() -> None:
    empty = report()
    for output_format in OutputFormat:
        text = output_format.renderer()(empty)
        if output_format is OutputFormat.JSON:
            assert json.loads(text)["rows"] == []
        elif output_format is OutputFormat.CSV:
            assert text == "\ufeffHastegrad;Plan;Gruppe;Grunn;Vedtatt\r\n"
        else:
            assert "Ingen planer skal revideres i 2025." in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_table_colours_only_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    overdue = report(row("A", urgency="overdue"))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(render_table.terminal.sys, "stdout", _Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in render_table.render(overdue, width=100)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render_table.render(overdue, width=100)
    monkeypatch.setattr(render_table.terminal.sys, "stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" not in render_table.render(overdue, width=100)
