"""The planning strategy's appendix: a safe, self-contained, accessible HTML page (checked with
``html.parser``), Markdown with one title, safe writing to ``--output``, and golden files.

Regenerate the golden files after a deliberate change: ``UPDATE_GOLDEN=1 python -m pytest tests/test_report.py``.
"""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "cases" / "_base"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = "2025-03-01"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SAFE = ("http://", "https://", "mailto:")

HOSTILE = """\
id: hostile
title: <script>alert("x")</script> & plan
category: politisk-styring
kind: plan
municipality: "3430"
status: gjeldende
adopted: 2022
revisions: [{target: 2025}]
links: ["https://example.org/?a=1&b=<2>", "mailto:post@os.kommune.no"]
remarks: "<img src=x onerror=alert(1)> [lenke](javascript:alert(1)) | @alle"
"""


class Page(HTMLParser):
    """Collects what the checks look at: tags, attributes, table structure and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.tables: list[dict[str, list[str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "table":
            self.tables.append({"caption": [], "th": []})
        elif tag == "caption":
            self.tables[-1]["caption"].append(tag)
        elif tag == "th":
            self.tables[-1]["th"].append(attributes.get("scope"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "plans" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return root


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def check_page(text: str) -> Page:
    """The rules the published page must keep, whatever the data says."""
    assert text.startswith("<!DOCTYPE html>\n")
    page = parse(text)
    tags = [tag for tag, _ in page.tags]
    assert ("html", {"lang": "nb"}) in page.tags
    assert "script" not in tags and "iframe" not in tags and "img" not in tags
    assert not [t for t, attrs in page.tags if t in ("link", "source") or "src" in attrs]  # no external assets
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    assert page.tables, "the appendix is tables"
    for table in page.tables:
        assert table["caption"] == ["caption"], "every table has one caption"
        assert table["th"] and all(scope in ("col", "row", "rowgroup") for scope in table["th"])
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    for tag, attrs in page.tags:
        if tag == "a":
            href = attrs.get("href") or ""
            if href.startswith("#"):  # a link inside the page (the skip link) leads to an element on it
                assert href[1:] in ids, attrs
            else:
                assert href.startswith(SAFE), attrs
    return page


def test_html_is_self_contained_accessible_and_escaped(hostile: Path) -> None:
    code, out, err = run("report", "--data", str(hostile), "--as-of", AS_OF)
    assert (code, err) == (0, "")
    page = check_page(out)
    text = "".join(page.text)
    assert '<script>alert("x")</script> & plan' in text  # shown as text, not run
    assert "<img src=x onerror=alert(1)>" in text
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert "https://example.org/?a=1&b=<2>" in hrefs  # attribute escaped, decoded back by the parser
    assert not [h for h in hrefs if "javascript" in (h or "")]


def test_bundled_appendix_html_keeps_the_rules() -> None:
    code, out, _ = run("report", "--data", str(ROOT / "data"), "--as-of", AS_OF, "--term", "2023")
    assert code == 0
    page = check_page(out)
    captions = [c for c in page.text if c.startswith(("Planer, strategier", "Oversikt", "Mål", "Revisjoner", "Lov"))]
    assert captions[:1] == ["Planer, strategier og reglementer – valgperioden 2023–2027"]
    assert "Lovpålagte og anbefalte planer, status 2025" in page.text


def test_markdown_has_one_title_and_escapes(hostile: Path) -> None:
    code, out, _ = run("report", "--data", str(hostile), "--as-of", AS_OF, "-f", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Os kommune – vedlegg til kommunal planstrategi 2024–2027"
    assert sum(line.startswith("# ") for line in lines) == 1
    assert "&lt;script&gt;" in out and "<script>" not in out
    assert "@&#8203;alle" in out


def test_output_is_written_safely(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "ut" / "vedlegg.html"
    args = ["report", "--data", str(hostile), "--as-of", AS_OF, "--output", str(target)]
    code, out, err = run(*args)
    assert (code, out) == (0, "")
    assert err == f"skrev {target}\n"
    first = target.read_text(encoding="utf-8")
    check_page(first)
    target.write_text("endret\n", encoding="utf-8")
    code, _, err = run(*args)
    assert code == 1
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "endret\n"  # refused: nothing changed
    code, _, _ = run(*args, "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") == first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "json"], "html eller markdown"),
        (["-f", "table"], "html eller markdown"),
        (["--term", "2024"], "valgår"),
    ],
)
def test_usage_errors(hostile: Path, args: list[str], message: str) -> None:
    code, out, err = run("report", "--data", str(hostile), *args)
    assert (code, out) == (2, "")
    assert message in err


def test_english_page_says_so() -> None:
    code, out, _ = run("report", "--data", str(ROOT / "data"), "--as-of", AS_OF, "--lang", "en")
    assert code == 0
    assert '<html lang="en">' in out
    assert "<h1>Os municipality – appendix to the municipal planning strategy 2024–2027</h1>" in out


@pytest.mark.parametrize("name", ["report.html", "report.md"])
def test_golden_on_the_bundled_register(name: str) -> None:
    output_format = {"html": "html", "md": "markdown"}[name.rsplit(".", 1)[1]]
    result = CliRunner().invoke(
        app,
        ["report", "-f", output_format, "--data", str(ROOT / "data"), "--as-of", AS_OF],
        catch_exceptions=False,
    )
    assert (result.exit_code, result.stderr) == (0, "")
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(result.stdout_bytes)
    assert result.stdout_bytes.decode("utf-8") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("output_format", ["html", "markdown"])
def test_the_public_appendix_hides_working_notes_that_internal_shows(output_format: str) -> None:
    """The council and the public read the appendix without the register's working notes (whether a
    requirement was checked against the law, plan ids); ``--internal`` shows them to the planner."""
    base = ("report", "--data", str(ROOT / "data"), "--as-of", AS_OF, "--format", output_format)
    code, public, _ = run(*base)
    assert code == 0
    code, internal, _ = run(*base, "--internal")
    assert code == 0
    assert "Kontrollert" not in public and "Kontrollert" in internal
    assert "kommuneplanens-samfunnsdel" not in public and "kommuneplanens-samfunnsdel" in internal
    assert run(*base, "--public")[1] == public
