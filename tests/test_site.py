"""``planstrategi site``: the files it writes, what the public sees and what only the planners see,
safe links, the page language, ``--force``, and a broken register (problems printed, nothing written).
The same pages in a real browser: tests/test_site_browser.py."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BASE = ROOT / "tests" / "cases" / "_base"
AS_OF = "2026-12-02"

HOSTILE = """\
id: fiendtlig
title: <script>alert("x")</script> & plan
category: helse-og-omsorg
kind: plan
municipality: "3430"
status: gjeldende
adopted: 2021-03-04
links:
  - "https://example.org/?a=1&b=<2>"
  - mailto:post@os.kommune.no
"""


def site(*args: str, data: Path = DATA) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["site", "--data", str(data), "--as-of", AS_OF, *args], catch_exceptions=False)
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch("h[1-6]", tag):
            self._heading = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def hrefs(page: Page) -> list[str]:
    return [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "plans" / "fiendtlig.yaml").write_text(HOSTILE, encoding="utf-8")
    return root


def test_the_site_has_an_index_filters_a_page_per_plan_the_tables_and_the_calendar(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, stdout, err = site("--output", str(out))
    assert (code, stdout) == (0, "")
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert {"index.html", "style.css", "planer.ics", "revisjon.html", "krav.html", "til-revisjon.html"} <= set(files)
    assert f"({len(files) - 1} " in err  # all but the manifest, which it keeps beside them
    plan_pages = [f for f in files if f.startswith("plan/")]
    assert "plan/kommuneplanens-arealdel.html" in plan_pages and len(plan_pages) == 61  # the plans in force
    assert "gruppe/landbruk.html" in files and "type/reglement.html" in files and "status/utkast.html" in files
    index = parse(out / "index.html")
    assert index.headings[0] == ("h1", "Oversikt over planer")
    links = hrefs(index)
    assert "planer.ics" in links and "gruppe/landbruk.html" in links and "til-revisjon.html" in links
    assert "plan/kommuneplanens-arealdel.html" in links
    # Every link inside the site leads to a file it wrote; the one stylesheet, no other asset.
    for name in files:
        if name.endswith(".html"):
            page = parse(out / name)
            for href in hrefs(page):
                if not href.startswith(("http", "mailto:", "#")):
                    assert (out / name).parent.joinpath(href).resolve().is_file(), (name, href)
            assert [a["href"] for tag, a in page.tags if tag == "link"] == [
                "../style.css" if "/" in name else "style.css"
            ]
            assert not [tag for tag, _ in page.tags if tag in ("script", "img", "iframe")]
    calendar = (out / "planer.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "@media print" in (out / "style.css").read_text(encoding="utf-8")


def test_the_checklist_and_the_plan_pages_are_sectioned_with_headings(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert site("--output", str(out))[0] == 0
    plan = parse(out / "plan" / "helse-og-omsorgsplan.html")
    levels = [tag for tag, _ in plan.headings]
    assert levels[0] == "h1" and levels.count("h1") == 1 and "h2" in levels
    revisions = parse(out / "revisjon.html")
    assert [tag for tag, _ in revisions.headings].count("h2") >= 2  # the revision table and the workload
    html = (out / "revisjon.html").read_text(encoding="utf-8")
    assert html.index('class="legend"') < html.index("<table")  # the marks explained before the table
    assert 'class="sr">' in html  # the marks and bars are spelled out for screen readers


def test_the_public_site_hides_ids_the_checked_column_and_the_working_notes(tmp_path: Path) -> None:
    public, internal = tmp_path / "public", tmp_path / "internal"
    assert site("--output", str(public))[0] == 0
    assert site("--output", str(internal), "--internal")[0] == 0
    for folder, shown in ((public, False), (internal, True)):
        checklist = (folder / "krav.html").read_text(encoding="utf-8")
        index = (folder / "index.html").read_text(encoding="utf-8")
        plan = (folder / "plan" / "kommuneplanens-arealdel.html").read_text(encoding="utf-8")
        assert ("Kontrollert" in checklist) is shown
        assert ("Ikke kontrollert mot lovteksten" in checklist) is shown
        assert (">kommuneplanens-arealdel<" in index) is shown  # the id column
        assert (">kommuneplanens-arealdel<" in plan) is shown  # the id among the facts
        assert "Kommuneplanens arealdel" in index and "Kommuneplanens arealdel" in plan


def test_links_are_escaped_and_only_http_https_mailto_or_the_site_s_own(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = site("--output", str(out), data=hostile)
    assert code == 0, err
    page = parse(out / "plan" / "fiendtlig.html")
    links = hrefs(page)
    assert "https://example.org/?a=1&b=<2>" in links and "mailto:post@os.kommune.no" in links
    assert all(h.startswith(("https://", "http://", "mailto:", "#", "../")) for h in links), links
    text = "".join(page.text)
    assert '<script>alert("x")</script> & plan' in text
    raw = (out / "plan" / "fiendtlig.html").read_text(encoding="utf-8")
    assert "<script" not in raw and "&lt;script&gt;" in raw
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and 'href="plan/fiendtlig.html"' in index


def test_nynorsk_pages_say_so_and_speak_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert site("--output", str(out), "--lang", "nn")[0] == 0
    index = parse(out / "index.html")
    assert ("html", {"lang": "nn"}) in index.tags
    assert index.headings[0] == ("h1", "Oversikt over planar")
    text = "".join(index.text)
    assert "2. desember 2026" in text  # the date in Norwegian form
    assert "planer" not in re.sub(r"planer\.ics", "", " ".join(t for _, t in index.headings)).lower()


def test_an_existing_folder_is_replaced_only_with_force_and_only_if_site_wrote_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert site("--output", str(out))[0] == 0
    before = (out / "index.html").read_bytes()
    code, _, err = site("--output", str(out))
    assert code == 1 and "--force" in err and (out / "index.html").read_bytes() == before
    assert site("--output", str(out), "--force")[0] == 0
    stranger = tmp_path / "theirs"
    stranger.mkdir()
    (stranger / "index.html").write_text("their own page", encoding="utf-8")
    code, _, err = site("--output", str(stranger), "--force")
    assert code == 1 and (stranger / "index.html").read_text(encoding="utf-8") == "their own page"
    assert sorted(p.name for p in stranger.iterdir()) == ["index.html"]


def test_a_broken_register_is_reported_by_line_and_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    shutil.copy(ROOT / "tests" / "cases" / "date-as-year" / "plans" / "dato.yaml", data / "plans" / "dato.yaml")
    out = tmp_path / "site"
    code, stdout, err = site("--output", str(out), data=data)
    assert code == 1
    assert re.search(r"plans/dato\.yaml:7:[0-9]+: feil: .*\[date-as-year\]", stdout), stdout
    assert "Traceback" not in stdout + err and not out.exists()


def test_the_readme_example_lists_what_site_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```console\n\$ planstrategi site (?P<args>[^\n]*)\n\$ ls -F _site\n(?P<out>.*?)```", readme, re.S
    )
    assert block is not None, "the README shows `planstrategi site` and `ls -F _site`"
    monkeypatch.chdir(tmp_path)
    args = block.group("args").split()
    result = CliRunner().invoke(app, ["site", *args, "--data", str(DATA)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    listing = sorted(p.name + ("/" if p.is_dir() else "") for p in (tmp_path / "_site").iterdir() if p.name[0] != ".")
    assert block.group("out").splitlines() == listing


def test_a_next_revision_in_a_past_year_is_said_to_be_overdue_in_words(tmp_path: Path) -> None:
    """A resident reading the index in December 2026 sees that a revision due in 2024 is overdue, in
    words (a screen reader and a printout get it too); this year's and later years stand as they are."""
    out = tmp_path / "site"
    assert site("--output", str(out))[0] == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    row = index[index.index("plan/politisk-delegeringsreglement.html") :]
    row = row[: row.index("</tr>")]
    assert "2024 (forfalt)" in row
    assert "2026 (forfalt)" not in index and "2027 (forfalt)" not in index
    assert ">2026<" in index or ">2027<" in index  # a year not past is shown as the year alone
    assert site("--output", str(tmp_path / "en"), "--lang", "en")[0] == 0
    assert "2024 (overdue)" in (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
