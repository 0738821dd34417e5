"""Output safety (issue #20): no injection through the data into any sink the output lands in.

Three layers. The sink functions of ``render/safety.py`` each keep their invariant on any text
(Hypothesis). The holes the issue names are regression tests of their own, run through the real
commands: a forged annotation from a title, a file name or an ignored file; a CR that made a
heading; a file name that is not UTF-8, in every format of ``validate`` and in the job summary,
under a UTF-8 and a C locale. And a property over every output format of every command that
prints data: a register whose texts are hostile, each output checked against its sink's invariant.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.model.problems import has_errors
from planstrategi.render import html as render_html
from planstrategi.render import safety
from planstrategi.store import register

BASE = Path(__file__).resolve().parent / "cases" / "_base"
AS_OF = "2025-03-01"

# The pieces the issue names, and a few more that mean something to one sink or another.
TOKENS = [
    "\n", "\r", "\r\n", "\x1b", "\x1b[2J", "\x1b]8;;https://evil.example\x1b\\", "\x00", "\x07", "\x85",
    "\u202e", "\u2028", "\t", "::", "::error file=README.md,line=1::Forged annotation", "::stop-commands::x",
    "##[error]", "|", "<", ">", "<script>alert(1)</script>", "=", "=HYPERLINK(\"x\")", "+", "-", "@", "@kari",
    "#", "# HEADING", "---", "`", "[", "]", "(", ")", "*", "_", "~", "&", "&lt;", '"', "'", "%", "%0A", ",",
    ";", "\\", " ", "a", "Æøå", "1.",
]  # fmt: skip
hostile = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6).map("".join)
anything = st.text(max_size=40)

C0_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
COMMAND_LINE = re.compile(r"^[ \t]*::", re.MULTILINE)


def no_commands(text: str) -> None:
    """Nothing the Actions runner reads as a workflow command: no line starting ``::``, no ``##[``."""
    assert not COMMAND_LINE.search(text), [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert "##[" not in text


def terminal_ok(text: str) -> None:
    assert not C0_BUT_NEWLINE.search(text), repr(C0_BUT_NEWLINE.findall(text))
    no_commands(text)


# --- the sink functions, on any text ------------------------------------------------------------


@given(st.one_of(hostile, anything))
def test_terminal_keeps_no_control_character_and_no_command(text: str) -> None:
    out = safety.terminal(text)
    terminal_ok(out)
    assert "\n" not in out
    terminal_ok(safety.terminal(text, newlines=True))
    assert safety.terminal(text, newlines=True).count("\n") == text.count("\n")


def test_terminal_shows_what_it_escapes() -> None:
    assert safety.terminal("Os\x1b[2J") == "Os\\x1b[2J"
    assert safety.terminal("a\u202eb\x00") == "a\\u202eb\\x00"
    assert safety.terminal("x\udcff") == "x\\udcff"  # a byte of a file name that is not UTF-8
    assert safety.terminal("a\nb") == "a\\nb"
    assert safety.terminal("::error::x") == "\\::error::x"
    assert safety.terminal("Plan for Os sentrum") == "Plan for Os sentrum"


@given(st.one_of(hostile, anything))
def test_workflow_data_and_properties_stay_on_their_line(text: str) -> None:
    data, prop = safety.workflow_data(text), safety.workflow_property(text)
    for out in (data, prop):
        assert "\n" not in out and "\r" not in out and "\x1b" not in out and "##[" not in out
    assert ":" not in prop and "," not in prop


def test_workflow_escaping_is_github_s() -> None:
    assert safety.workflow_data("100%\r\nx") == "100%25%0D%0Ax"
    assert safety.workflow_property("plans/a,b:c.yaml") == "plans/a%2Cb%3Ac.yaml"


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


@given(st.one_of(hostile, anything), st.booleans(), st.booleans())
def test_markdown_text_is_one_inline_run(text: str, breaks: bool, block: bool) -> None:
    out = safety.markdown(text, breaks=breaks, block=block)
    assert "\n" not in out and "\r" not in out
    assert "<" not in out.replace("<br>", "") and ">" not in out.replace("<br>", "")
    assert _unescaped_pipes(out) == 0
    assert not C0_BUT_NEWLINE.search(out)
    assert not re.match(r"[ ]*(#|::)", out)
    if block:
        assert not re.match(r"[ ]*([-+=]|[0-9]+[.)]( |$))", out)


def test_a_carriage_return_makes_no_heading_in_markdown() -> None:
    # The issue: escape_markdown replaced \n but not \r, and GitHub reads a lone CR as a line break.
    from planstrategi.render.diff import escape_markdown

    out = escape_markdown("Plan\r# HEADING\r---")
    assert "\r" not in out and "\n" not in out
    assert out == "Plan \\# HEADING ---"


@given(st.one_of(hostile, anything))
def test_a_csv_cell_never_starts_a_formula(text: str) -> None:
    out = safety.csv_cell(text)
    assert not out.startswith(("=", "+", "@", "\t", "\r")) or re.fullmatch(r"[-+]?[0-9]+([.,][0-9]+)?", out)
    assert not out.startswith("-") or re.fullmatch(r"-[0-9]+([.,][0-9]+)?", out)
    no_commands(out)


def test_a_plain_number_stays_a_number_in_csv() -> None:
    assert safety.csv_cell("-33") == "-33"
    assert safety.csv_cell("+2,5") == "+2,5"
    assert safety.csv_cell("-2+3") == "'-2+3"
    assert safety.csv_cell("=1+2") == "'=1+2"


@given(st.one_of(hostile, anything))
def test_html_text_has_no_markup(text: str) -> None:
    out = safety.html(text)
    assert not set("<>\"'") & set(out)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
    no_commands(out)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "https://x y", "https://x\x1b", "https://x\u202e", "ftp://x"]
)
def test_only_plain_web_and_mail_addresses_become_links(url: str) -> None:
    assert safety.link(url) is None
    assert safety.link("https://os.kommune.no/plan.pdf") == "https://os.kommune.no/plan.pdf"
    assert safety.link("mailto:post@os.kommune.no") == "mailto:post@os.kommune.no"


ICS_LINE = re.compile(rb"[A-Z][A-Z0-9-]*[:;].*| .*")  # a property, or a folded line going on with a space


def ics_ok(raw: bytes) -> None:
    """The feed's own shape: CRLF lines of at most 75 octets, each a property or a folded
    continuation, no control character in any, and nothing the Actions runner reads as a command."""
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        assert len(line) <= 75, line
        assert ICS_LINE.fullmatch(line), line
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line  # no bare CR or LF, no ESC
    no_commands(raw.decode("utf-8"))


def x_text(value: Any) -> str:
    """An X- property read back as a calendar client reads TEXT (icalendar leaves it escaped)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))


def _one_event_feed(summary: str, description: str, name: str) -> bytes:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("x-wr-calname", icalendar.vText(safety.ics_text(name)))  # as render/ics.py does
    event = icalendar.Event()
    event.add("uid", "x@planstrategi")
    event.add("summary", safety.ics_text(summary))
    event.add("description", safety.ics_text(description))
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


@given(st.one_of(hostile, anything), st.one_of(hostile, anything), st.one_of(hostile, anything))
@example("\\N", "a\\Nb", "\\n")  # a backslash and N: icalendar reads it as a line break (found by this test)
def test_ics_text_stays_in_its_property_and_reads_back_as_the_sink_wrote_it(
    summary: str, description: str, name: str
) -> None:
    import icalendar

    raw = _one_event_feed(summary, description, name)
    ics_ok(raw)
    calendar = icalendar.Calendar.from_ical(raw)
    assert [c.name for c in calendar.walk()] == ["VCALENDAR", "VEVENT"]  # no event forged
    (event,) = calendar.walk("VEVENT")
    assert sorted(event) == ["DESCRIPTION", "SUMMARY", "UID"]  # no property forged
    assert sorted(calendar) == ["X-WR-CALNAME"]
    assert str(event["summary"]) == safety.ics_text(summary)
    assert str(event["description"]) == safety.ics_text(description)
    assert x_text(calendar["x-wr-calname"]) == safety.ics_text(name)


def test_ics_text_shows_what_it_escapes() -> None:
    assert safety.ics_text("a\r\nb\rc\nd") == "a\nb\nc\nd"  # one kind of line break, escaped by icalendar
    assert safety.ics_text("\x1b[2J\x00\u202e\u2028\x85") == "\\x1b[2J\\x00\\u202e\\u2028\\x85"
    assert safety.ics_text("C:\\Nye planer") == "C:\\x5cNye planer"  # icalendar would read \\N as a line break
    assert safety.ics_text("::stop-commands::x") == ":\\:stop-commands:\\:x"
    assert safety.ics_text(":::") == ":\\:\\:"
    assert safety.ics_text("##[error]") == "##\\[error]"
    assert safety.ics_text("tab\there; a, b \\ c | <d> =e") == "tab\there; a, b \\ c | <d> =e"  # icalendar's to escape
    raw = _one_event_feed("x\r\nATTENDEE:mailto:evil@example.invalid\nEND:VEVENT\nBEGIN:VEVENT", "d", "n")
    assert b"\r\nATTENDEE" not in raw and b"\r\nBEGIN:VEVENT\r\nUID" not in raw


@pytest.mark.parametrize(
    "url",
    [
        "https://x/::error file=a::x",
        "https://x/##[error]",
        "javascript:alert(1)",
        "https://x\x1b",
        "https://os.kommune.no/\\,",
    ],
)
def test_an_address_that_could_forge_a_command_in_the_feed_is_left_out(url: str) -> None:
    assert safety.ics_link(url) is None
    assert safety.ics_link("https://os.kommune.no/plan.pdf") == "https://os.kommune.no/plan.pdf"


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"not JSON: {name}")

    text.encode("utf-8")  # no lone surrogate: valid UTF-8
    return json.loads(text, parse_constant=refuse)


@given(st.recursive(st.none() | st.floats() | st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_json_is_strict_whatever_the_values(value: Any) -> None:
    text = safety.json_text({"value": value, "name": "x\udcff.yaml"})
    strict_json(text)
    assert "##[" not in text


def test_json_writes_a_non_number_as_null_and_a_raw_byte_visibly() -> None:
    document = strict_json(safety.json_text({"a": float("nan"), "b": [float("inf")], "c": "n\udcffo"}))
    assert document == {"a": None, "b": [None], "c": "n\\udcffo"}


# --- the holes of the issue, through the commands ------------------------------------------------


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@contextmanager
def repository(root: Path) -> Iterator[Path]:
    """A git repository at ``root`` with the small register committed under data/; the working folder."""
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(BASE, root / "data")
    git(root, "add", "-A")
    git(
        root,
        "-c",
        "user.email=t@example.invalid",
        "-c",
        "user.name=t",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-qm",
        "r",
    )
    here = os.getcwd()
    os.chdir(root)
    try:
        yield root / "data"
    finally:
        os.chdir(here)


def _set_title(data: Path, title: str) -> None:
    path = data / "plans" / "helseplan.yaml"
    text = path.read_text(encoding="utf-8").replace("title: Helse- og omsorgsplan\n", f"title: {json.dumps(title)}\n")
    path.write_text(text, encoding="utf-8")


FORGED = "Helse\n::error file=README.md,line=1::Forged annotation\n::stop-commands::tok\r# HEADING\r---"


def test_diff_text_prints_no_forged_annotation(tmp_path: Path) -> None:
    with repository(tmp_path) as data:
        _set_title(data, FORGED)
        code, out, _ = invoke("diff", "HEAD")
        assert code == 0
        no_commands(out)
        assert "Forged annotation" in out  # shown, on the plan's own line
        assert not any(line.startswith(("::", "# ")) for line in out.splitlines())
        _, markdown, _ = invoke("diff", "HEAD", "--format", "markdown")
        assert not any(line.startswith(("::", "#", "---")) for line in markdown.splitlines()[1:])
        strict_json(invoke("diff", "HEAD", "--format", "json")[1])


def test_diff_shows_a_git_file_name_with_a_newline_and_a_raw_byte_safely(tmp_path: Path) -> None:
    with repository(tmp_path) as data:
        name = "x\n::error file=README.md::Forged\udcff.yaml"  # \udcff: the byte 0xff, not UTF-8
        (data / "plans" / name).write_bytes(b"id: [\n")
        git(tmp_path, "add", "-A")
        git(tmp_path, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "odd name")
        for fmt in ("text", "markdown", "json"):
            code, out, err = invoke("diff", "HEAD~1", "HEAD", "--format", fmt)
            assert code == 0 and "Traceback" not in err
            no_commands(out)
            assert "\udcff" not in out and "\\udcff" in out
        unreadable = strict_json(invoke("diff", "HEAD~1", "HEAD", "--format", "json")[1])["unreadable"]
        assert [entry["path"] for entry in unreadable] == ["data/plans/x\\n::error file=README.md::Forged\\udcff.yaml"]


def test_diff_does_not_drop_every_goal_when_goals_cannot_be_read(tmp_path: Path) -> None:
    with repository(tmp_path) as data:
        shutil.rmtree(data / "goals")
        (data / "goals").symlink_to("goals")  # a loop: the folder is there but cannot be listed
        document = strict_json(invoke("diff", "HEAD", "--format", "json")[1])
    assert document["plans"] == []
    assert [entry["path"] for entry in document["unreadable"]] == ["data/goals"]


def _ignored_name(folder: Path) -> None:
    (folder / "plans" / "notat\n::error file=README.md,line=1::Forged\x1b[2J.txt").write_text("x", encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_an_ignored_file_cannot_forge_an_annotation(base_register: Path, fmt: str) -> None:
    _ignored_name(base_register)
    code, out, _ = invoke("validate", "--data", str(base_register), "--format", fmt)
    assert code == 0
    data_lines = [
        line for line in out.splitlines() if not re.match(r"::warning file=[^:\n]*,title=ignored-file::", line)
    ]
    no_commands("\n".join(data_lines))
    assert "\x1b" not in out and "Forged" in out
    if fmt in ("json", "sarif"):
        strict_json(out)


# --- a file name that is not UTF-8, under a UTF-8 and a C locale ---------------------------------


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def _run_installed(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planstrategi", *args], capture_output=True, env=env, timeout=120, check=False
    )


@pytest.mark.parametrize("locale", ["C.UTF-8", "C", "strict"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(
    base_register: Path, tmp_path: Path, locale: str
) -> None:
    # "strict": stdout as under nb_NO.UTF-8 (which this machine may lack), where Python refuses to
    # write a lone surrogate; under C and C.UTF-8 it writes the raw byte, which breaks JSON instead.
    plans = os.fsencode(base_register / "plans")
    with open(plans + b"/ny\xffplan.yaml", "wb") as stream:  # committed by someone on another system
        stream.write(b"id: nyplan\n")
    with open(plans + b"/notat\xfe.txt", "wb") as stream:
        stream.write(b"x")
    summary = tmp_path / "summary.md"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    if locale == "strict":
        env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", PYTHONIOENCODING="utf-8:strict")
    else:
        env.update(LC_ALL=locale, LANG=locale)
    for fmt in ("text", "json", "github", "sarif"):
        actions = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)} if fmt == "github" else {}
        done = _run_installed(["validate", "--data", str(base_register), "--format", fmt], {**env, **actions})
        assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in done.stderr
        out = done.stdout.decode("utf-8")  # valid UTF-8, whatever the locale
        if fmt in ("json", "sarif"):
            out = "\n".join(unquote(value) for value in strings(strict_json(out)))
        assert "ny\\udcffplan.yaml" in out and "notat\\udcfe" in out
    text = summary.read_text(encoding="utf-8")
    assert "ny\\\\udcffplan.yaml" in text  # the backslash itself escaped for Markdown


# --- every output of every command, with hostile data --------------------------------------------


def _plan(title: str, text: str, link: str) -> dict[str, Any]:
    return {
        "id": "fiendtlig",
        "title": title,
        "category": "helse-og-omsorg",
        "kind": "plan",
        "municipality": "3430",
        "adopted": 2017,
        "status": "gjeldende",
        "valid_to": 2024,
        "responsible": text,
        "links": [link],
        "legal_basis": [text],
        "decisions": [{"case": "41/17", "year": 2017, "body": "kommunestyret", "note": text}],
        "revisions": [{"target": 2025, "note": text}],
        "remarks": text + "\n" + title,
        "partners": ["5025"],
    }


def _goals(text: str) -> dict[str, Any]:
    target = {"indicator": text, "comparison": "minst", "value": 90, "unit": text, "target_year": 2030}
    measure = {"title": text, "responsible": text}
    return {
        "plan": "fiendtlig",
        "goals": [
            {
                "title": text,
                "description": text,
                "targets": [target],
                "strategies": [{"title": text, "measures": [measure]}],
            }
        ],
    }


def _broken(text: str) -> dict[str, Any]:
    """A plan that does not load: its hostile values reach the output only through validate's messages."""
    return {"id": "ødelagt", "title": text, "category": text, "kind": text, "municipality": text, "status": text,
            "decisions": [{"case": text, "body": text}], text: text}  # fmt: skip


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build(data: Path, title: str, text: str, name: str) -> None:
    """The small register, with a plan, its goals, a group and a broken file whose texts are hostile."""
    categories = yaml.safe_load((data / "categories.yaml").read_text(encoding="utf-8"))
    categories["categories"][1]["name"] = text
    _dump(data / "categories.yaml", categories)
    link = "https://os.kommune.no/" + "".join(c for c in title if not c.isspace()) or "https://os.kommune.no/"
    _dump(data / "plans" / "fiendtlig.yaml", _plan(title, text, link))
    _dump(data / "goals" / "fiendtlig.yaml", _goals(text))
    _dump(data / "plans" / "odelagt.yaml", _broken(text))
    (data / "plans" / (name.replace("/", "_").replace("\0", "_")[:100] + ".txt")).write_text("x", encoding="utf-8")


REPORTS = ["due", "overdue", "table", "list", "requirements", "workload", "coordination"]
FORMATS = ["table", "markdown", "csv", "json", "html"]
ANNOTATION = re.compile(r"::(error|warning) file=[^:,\n]*(,line=[0-9]+,col=[0-9]+)?,title=[a-z-]+::[^\r\n]*$")


class _Tags(HTMLParser):
    ALLOWED = frozenset(
        {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "table", "caption", "thead"}
        | {"tbody", "tr", "th", "td", "a", "p", "br", "span", "header", "nav", "footer", "ul", "li", "strong"}
        | {"details", "summary", "link"}
    )
    ATTRIBUTES = frozenset(
        {"lang", "charset", "name", "content", "scope", "class", "colspan", "href", "aria-hidden"}
        | {"id", "headers", "data-label", "tabindex", "title", "aria-label", "aria-current", "rel", "open"}
    )

    def __init__(self, *, site: bool = False) -> None:
        super().__init__()
        self.site = site  # a page of ``site``: links to its own pages and its stylesheet are allowed
        self.ids: set[str] = set()
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in self.ALLOWED, tag
        if tag == "link":  # only the site's own stylesheet
            assert self.site and dict(attrs).get("rel") == "stylesheet", attrs
        for name, value in attrs:
            assert name in self.ATTRIBUTES, name
            if name == "id":
                assert value and re.fullmatch("[a-z0-9-]+", value), value
                self.ids.add(value)
            if name == "href":
                if value is not None and value.startswith("#"):
                    self.anchors.append(value[1:])
                elif self.site and render_html.local_link(value) is not None:
                    assert ".." not in (value or "").split("/")[1:], value
                else:
                    assert safety.link(value) == value


def html_ok(text: str, *, site: bool = False) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    parser = _Tags(site=site)
    parser.feed(text)
    parser.close()
    assert set(parser.anchors) <= parser.ids, parser.anchors  # a link inside the page leads to an element on it
    assert text.count("<script") == 0
    no_commands(text)


def csv_ok(text: str) -> None:
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    width = None
    for row in rows:
        if not row:  # between the tables of show
            width = None
            continue
        width = width or len(row)
        assert len(row) == width, row
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or re.fullmatch(r"-[0-9]+([.,][0-9]+)?", cell), cell
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]", cell)
    no_commands(text)


def markdown_ok(text: str, headings: Callable[[str], bool]) -> None:
    """Each table row has its header's cells, and every heading is one the renderer writes."""
    cells = None
    for line in text.splitlines():
        assert "\r" not in line
        if line.startswith("|"):
            cells = cells if cells is not None else _unescaped_pipes(line)
            assert _unescaped_pipes(line) == cells, line
        else:
            cells = None
        if re.match(r" {0,3}#", line):
            assert headings(line), line
        assert not re.fullmatch(r" {0,3}(-{3,}|={3,}|\*{3,}|_{3,})\s*", line), line
        assert not re.match(r" {0,3}(>|```|~~~|<)", line), line
    assert not C0_BUT_NEWLINE.search(text)
    no_commands(text)


def _our_heading(line: str) -> bool:
    # The renderers' headings: "#"s, a space, then text that starts with no Markdown of its own.
    return re.match(r"#{1,6} [^#]", line) is not None


def check(fmt: str, out: str) -> None:
    if fmt in ("table", "text"):
        terminal_ok(out)
    elif fmt == "markdown":
        markdown_ok(out, _our_heading)
    elif fmt == "csv":
        csv_ok(out)
    elif fmt in ("json", "sarif"):
        strict_json(out)
        no_commands(out)
    elif fmt == "html":
        html_ok(out)
    elif fmt == "github":
        lines = out.splitlines()
        no_commands("\n".join(line for line in lines if not ANNOTATION.match(line)))
        assert not C0_BUT_NEWLINE.search(out)
    else:  # pragma: no cover
        raise AssertionError(fmt)


def runs() -> list[tuple[list[str], str]]:
    commands = [([report, "--format", fmt], fmt) for report in REPORTS for fmt in FORMATS]
    commands += [(["show", "fiendtlig", "--format", fmt], fmt) for fmt in FORMATS]
    commands += [(["report", "--format", fmt], fmt) for fmt in ("html", "markdown")]
    commands += [(["diff", "HEAD", "--format", fmt], fmt) for fmt in ("text", "markdown", "json")]
    commands += [(["validate", "--format", fmt], fmt) for fmt in ("text", "github", "json", "sarif")]
    return commands


GROUPS = {
    "reports": [run for run in runs() if run[0][0] in REPORTS[:4]],
    "intelligence": [run for run in runs() if run[0][0] in REPORTS[4:]],
    "show-report-diff-validate": [run for run in runs() if run[0][0] not in REPORTS],
    "site": [],  # planstrategi site: every page it writes (site_ok)
}


def site_ok(folder: Path, data: Path, env: dict[str, str]) -> None:
    """``site`` refuses the register with its broken file (problems printed, nothing written); without
    it, every page it writes keeps the html invariants, with links only to its own pages."""
    out_dir = folder / "site"
    code, out, err = invoke("site", "--output", str(out_dir), "--data", str(data), "--as-of", AS_OF, env=env)
    assert code == 1 and not out_dir.exists(), (code, err)
    terminal_ok(out)
    terminal_ok(err)
    (data / "plans" / "odelagt.yaml").unlink()
    broken = has_errors(register.load(data).sorted_problems(), strict=False)  # a hostile text can be an error too
    for audience in ("--public", "--internal"):
        code, out, err = invoke(
            "site", "--output", str(out_dir), audience, "--force", "--data", str(data), "--as-of", AS_OF, env=env
        )
        terminal_ok(out)
        terminal_ok(err)
        if broken:
            assert code == 1 and not out_dir.exists(), (code, err)
            continue
        assert code == 0, err
        pages = sorted(out_dir.rglob("*.html"))
        assert out_dir / "plan" / "fiendtlig.html" in pages
        for page in pages:
            html_ok(page.read_text(encoding="utf-8"), site=True)
        assert "<" not in (out_dir / "style.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_output_keeps_its_sink_s_invariant(group: str) -> None:
    # Each example runs every command of its group in every format: a handful of examples is a
    # real search (HYPOTHESIS_PROFILE=long runs a hundred times as many).
    @settings(max_examples=max(5, settings.default.max_examples // 40), suppress_health_check=[HealthCheck.too_slow])
    @given(title=hostile, text=hostile, name=hostile)
    def examples(title: str, text: str, name: str) -> None:
        title = title if title.strip() else title + "P"
        text = text if text.strip() else text + "T"
        with tempfile.TemporaryDirectory() as folder, repository(Path(folder)) as data:
            build(data, title, text, name)
            loaded = register.load(data)
            assert "fiendtlig" in loaded.plans and "fiendtlig" in loaded.goals  # the hostile texts are in the reports
            summary = Path(folder) / "summary.md"
            env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "COLUMNS": "100"}
            if group == "site":
                site_ok(Path(folder), data, env)
            for args, fmt in GROUPS[group]:
                extra = [] if args[0] in ("validate", "diff") else ["--as-of", AS_OF]
                code, out, err = invoke(*args, "--data", "data", *extra, env=env)
                assert code in (0, 1), (args, err)
                check(fmt, out)
                terminal_ok(err)
            if summary.exists():  # the job summary of validate --format github and of diff
                markdown_ok(summary.read_text(encoding="utf-8"), _our_heading)

    examples()


REQUIREMENT = {
    "id": "krav",
    "legal_basis": [{"law": "plan- og bygningsloven", "section": "§ 10-1"}],
    "strength": "lov",
    "cadence": {"rule": "intervall", "interval_years": 4},
    "adopted_by": "kommunestyret",
    "summary": "Krav.",
    "verified": False,
}


def test_every_field_of_the_calendar_feed_keeps_the_ics_sink_s_invariant() -> None:
    """The calendar feed of a register whose texts are hostile: the feed's name (the municipality),
    the summary and description of a revision, a decision and a deadline (the plan's title, notes,
    the requirement's title) and the URL, parsed back with icalendar."""
    import datetime as dt

    import icalendar

    from planstrategi.render import ics
    from planstrategi.rules import query

    as_of = dt.date.fromisoformat(AS_OF)

    @settings(max_examples=max(10, settings.default.max_examples // 10), suppress_health_check=[HealthCheck.too_slow])
    @given(title=hostile, text=hostile, name=hostile)
    def examples(title: str, text: str, name: str) -> None:
        title = title if title.strip() else title + "P"
        text = text if text.strip() else text + "T"
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data"
            shutil.copytree(BASE, data)
            build(data, title, text, name)
            plan = yaml.safe_load((data / "plans" / "fiendtlig.yaml").read_text(encoding="utf-8"))
            plan["decisions"].append({"case": "12/26", "year": 2026, "body": "kommunestyret", "note": text})
            plan["requirements"] = ["krav"]
            _dump(data / "plans" / "fiendtlig.yaml", plan)
            _dump(data / "requirements.yaml", {"requirements": [{**REQUIREMENT, "title": title}]})
            municipalities = yaml.safe_load((data / "municipalities.yaml").read_text(encoding="utf-8"))
            municipalities["municipalities"][0]["name"] = name if name.strip() else name + "M"
            _dump(data / "municipalities.yaml", municipalities)

            code, _, err = invoke("calendar", "--data", str(data), "--as-of", AS_OF)
            result = CliRunner().invoke(app, ["calendar", "--data", str(data), "--as-of", AS_OF])
            assert code == 0, err
            raw = result.stdout_bytes
            loaded = register.load(data)
            plans = query.select(loaded, query.Filters(), include_retired=False)
            wanted = {e.uid: e for e in ics.events(loaded, plans, as_of, filtered=False)}

        ics_ok(raw)
        calendar = icalendar.Calendar.from_ical(raw)
        assert {c.name for c in calendar.walk()} == {"VCALENDAR", "VEVENT"}
        assert sorted(calendar) == ["CALSCALE", "PRODID", "VERSION", "X-WR-CALNAME"]
        assert x_text(calendar["x-wr-calname"]) == safety.ics_text(ics.calendar_name(loaded))
        events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
        assert set(events) == set(wanted)  # no event forged, none lost
        kinds = {w.kind for w in wanted.values() if w.plan == "fiendtlig"}
        assert kinds == {"revision", "decision", "deadline"}  # the hostile texts reach every kind
        for uid, event in events.items():
            fields = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES", "TRANSP"}
            url = safety.ics_link(wanted[uid].url)
            assert set(event) == fields | ({"URL"} if url else set())  # no property forged
            assert str(event["summary"]) == safety.ics_text(wanted[uid].summary)
            assert str(event["description"]) == safety.ics_text(wanted[uid].description)
            if url:
                assert str(event["url"]) == url

    examples()


def test_a_municipality_name_with_a_newline_does_not_break_the_calendar(base_register: Path) -> None:
    import icalendar

    # icalendar wrote the X-WR-CALNAME raw and then refused its own line: an AssertionError traceback.
    municipalities = yaml.safe_load((base_register / "municipalities.yaml").read_text(encoding="utf-8"))
    municipalities["municipalities"][0]["name"] = "Os\nkommune\r::error::x"
    _dump(base_register / "municipalities.yaml", municipalities)
    result = CliRunner().invoke(app, ["calendar", "--data", str(base_register), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    ics_ok(result.stdout_bytes)
    name = x_text(icalendar.Calendar.from_ical(result.stdout_bytes)["x-wr-calname"])
    assert name == "Os\nkommune\n:\\:error:\\:x kommune – oversikt over planer"
