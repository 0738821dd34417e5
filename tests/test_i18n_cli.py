"""The command line in the user's language: Typer's and Click's own words (usage, headings, defaults,
ranges, errors) and every help text in nb, nn and en; --lang before or after the command; the
language precedence (--lang, PLANSTRATEGI_LANG, the register's language, nb); dates in either form
and out-of-range values as usage errors (exit 2)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from planstrategi import i18n
from planstrategi.cli import app
from planstrategi.commands.options import parse_date

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ENGLISH_CLICK = ("Usage:", "Options:", "Arguments:", "Show this message", "[default:", "required]", "<int", "<str>")
#: The placeholders of option values in English; Norwegian help says DATO, ÅR, FIL, HENDELSE…
ENGLISH_METAVARS = re.compile(r"\b(?:DATE|YEAR|FILE|FOLDER|TEXT|EVENT|NEW-ID|CASE|BODY)\b|<path>")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env=env, prog_name="planstrategi")
    return result.exit_code, result.stdout, result.stderr


def _commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_has_no_english_in_norwegian(command: str, lang: str) -> None:
    code, out, _ = run(*([command] if command else []), "--help", "--lang", lang)
    assert code == 0
    assert out.startswith("Bruk: planstrategi")
    assert [word for word in ENGLISH_CLICK if word in out] == []
    assert ENGLISH_METAVARS.findall(out) == []
    assert ("Vis denne hjelpa og avslutt." if lang == "nn" else "Vis denne hjelpen og avslutt.") in out
    assert not re.search(r"\b(?:opt|help|metavar|click)\.[a-z-]+\b", out), "a key shown instead of its text"


@pytest.mark.parametrize("command", _commands())
def test_help_in_english_is_english(command: str) -> None:
    code, out, _ = run(command, "--help", "--lang", "en")
    assert code == 0
    assert out.startswith("Usage: planstrategi")
    assert "Show this message and exit." in out
    assert not re.search(r"\b(?:opt|help|metavar|click)\.[a-z-]+\b", out)
    for norwegian in ("Bruk:", "Valg:", "Vis denne", "standard:", "ellers", "Skriv over"):
        assert norwegian not in out


def test_due_help_in_three_languages() -> None:
    _, nb, _ = run("due", "--help")
    assert "Bruk: planstrategi due [VALG] [ÅR]" in nb
    assert "ÅR <tall>" in nb and "[1900–2100]" in nb
    assert "[standard: table]" in nb
    assert "--as-of DATO" in nb and "01.03.2025 eller 2025-03-01" in " ".join(nb.split())
    _, nn, _ = run("due", "--help", "--lang", "nn")
    assert "Bruk: planstrategi due [VAL] [ÅR]" in nn
    assert "\nArgument:\n" in nn and "\nVal:\n" in nn and "ÅR <tal>" in nn
    _, en, _ = run("--lang", "en", "due", "--help")
    assert "Usage: planstrategi due [OPTIONS] [YEAR]" in en
    assert "YEAR <number>" in en and "[default: table]" in en and "--as-of DATE" in en


def test_a_required_option_says_so() -> None:
    _, nb, _ = run("new", "--help")
    assert "[må oppgis]" in nb
    _, en, _ = run("new", "--help", "--lang", "en")
    assert "[required]" in en


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Bruk: planstrategi new [VALG] {title}\nSkriv «planstrategi new --help» for hjelp.\n\n"
         "Feil: valget «--category» mangler\n"),
        ("nn", "Bruk: planstrategi new [VAL] {title}\nSkriv «planstrategi new --help» for hjelp.\n\n"
         "Feil: valet «--category» manglar\n"),
        ("en", "Usage: planstrategi new [OPTIONS] {title}\nTry 'planstrategi new --help' for help.\n\n"
         "Error: the option '--category' is missing\n"),
    ],
)  # fmt: skip
def test_missing_option(lang: str, expected: str) -> None:
    assert run("new", "Ny plan", "--lang", lang) == (2, "", expected)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Feil: ukjent valg «--lnag» (mente du --lang?)"),
        ("nn", "Feil: ukjent val «--lnag» (meinte du --lang?)"),
        ("en", "Error: no such option '--lnag' (did you mean --lang?)"),
    ],
)
def test_no_such_option(lang: str, expected: str) -> None:
    code, _, err = run("due", "--lnag", "en", env={"PLANSTRATEGI_LANG": lang})
    assert (code, err.splitlines()[-1]) == (2, expected)


@pytest.mark.parametrize(
    ("args", "nb", "en"),
    [
        (["due", "3000"], "ugyldig verdi for «ÅR»: verdien kan være høyst 2100", "the value can be at most 2100"),
        (["due", "1800"], "ugyldig verdi for «ÅR»: verdien må være minst 1900", "the value must be at least 1900"),
        (["due", "abc"], "ugyldig verdi for «ÅR»: skriv et heltall", "invalid value for 'YEAR': write a whole number"),
        (["due", "-f", "x"], "«x» er ikke blant valgene table, markdown, csv, json, html", "'x' is not one of table"),
        (["due", "--as-of", "31.02.2025"], "«31.02.2025» er ikke en dato; skriv den som 01.03.2025 eller 2025-03-01",
         "'31.02.2025' is not a date"),
        (["workload", "--as-of", "2101-01-01"], "«2101-01-01» er utenfor årene 1900–2100", "is outside the years"),
        (["requirements", "--as-of", "1899-12-31"], "«1899-12-31» er utenfor årene 1900–2100", "is outside the years"),
        (["coordination", "--as-of", "3000-01-01"], "er utenfor årene 1900–2100", "is outside the years 1900–2100"),
        (["report", "--term", "2099", "-f", "markdown"], "svaret trenger året 2101", "the answer needs the year 2101"),
        (["workload", "--as-of", "2100-12-31"], "svaret trenger året 2101", "needs the year 2101"),
        (["due", "2025", "2026"], "for mange argumenter: 2026", "unexpected extra arguments: 2026"),
        (["due", "--as-of"], "valget «--as-of» trenger en verdi", "the option '--as-of' needs a value"),
        (["frobnicate"], "ukjent kommando «frobnicate»", "no such command 'frobnicate'"),
    ],
)  # fmt: skip
def test_bad_values_are_usage_errors_in_the_language(args: list[str], nb: str, en: str) -> None:
    code, out, err = run("--lang", "nb", *args, "--data", str(DATA)) if args[-1] != "--as-of" else run(*args)
    assert (code, out) == (2, "")
    assert nb in err and "Traceback" not in err
    code, _, err = run("--lang", "en", *args)
    assert code == 2 and en in err


@pytest.mark.parametrize("as_of", ["2025-03-01", "01.03.2025", "1.3.2025"])
def test_as_of_takes_either_form(as_of: str) -> None:
    code, out, _ = run("overdue", "--data", str(DATA), "--as-of", as_of, "-f", "json")
    assert code in (0, 1)
    assert '"as_of": "2025-03-01"' in out


def test_parse_date() -> None:
    assert parse_date(" 21.09.2023 ") == parse_date("2023-09-21")
    with pytest.raises(typer.BadParameter):
        parse_date("2023-9-21x")


def test_lang_before_or_after_the_command() -> None:
    before = run("--lang", "en", "overdue", "--data", str(DATA), "--as-of", "2025-03-01")
    after = run("overdue", "--data", str(DATA), "--as-of", "2025-03-01", "--lang", "en")
    assert before == after
    assert "Per" not in before[1] and "as of" in before[1].lower()


def test_an_unknown_language_is_a_usage_error_before_or_after() -> None:
    assert run("--lang", "de", "due") == (2, "", "planstrategi: ukjent språk «de»; velg nb, nn eller en\n")
    assert run("due", "--lang=de", env={"PLANSTRATEGI_LANG": "en"})[2] == (
        "planstrategi: unknown language 'de'; choose nb, nn or en\n"
    )


def _register_in(tmp_path: Path, language: str | None) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    if language is not None:
        path = root / "municipalities.yaml"
        text = path.read_text(encoding="utf-8").replace(
            'home: "3430"\n', f'home: "3430"\nlanguage: {language}  # målform\n'
        )
        path.write_text(text, encoding="utf-8")
    return root


def test_the_register_states_its_language_and_the_others_beat_it(tmp_path: Path) -> None:
    root = _register_in(tmp_path, "nn")
    assert run("validate", "--data", str(root))[1].endswith("åtvaringar\n")
    assert run("validate", "--data", str(root), env={"PLANSTRATEGI_LANG": "en"})[1].endswith("warnings\n")
    assert run("validate", "--data", str(root), "--lang", "nb", env={"PLANSTRATEGI_LANG": "en"})[1].endswith(
        "advarsler\n"
    )
    assert run("due", "--help", "--data", str(root))[1].startswith("Bruk: planstrategi due [VAL]")
    assert "Feil: valet «--category» manglar" in run("new", "x", "--data", str(root))[2]


def test_the_register_language_reads_its_top_level_line_only(tmp_path: Path) -> None:
    root = _register_in(tmp_path, None)
    path = root / "municipalities.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  # language: nn (a comment, not the field)\n", "utf-8")
    assert run("validate", "--data", str(root))[1].endswith("advarsler\n")
    path.write_text(path.read_text(encoding="utf-8") + 'language: "EN"\n', "utf-8")
    assert run("validate", "--data", str(root))[1].endswith("warnings\n")


def test_the_installed_command_speaks_nynorsk(tmp_path: Path) -> None:
    """A real process of the console script, as a planner runs it."""
    script = shutil.which("planstrategi", path=str(Path(sys.executable).parent)) or "planstrategi"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANSTRATEGI_")}
    result = subprocess.run(
        [script, "due", "--as-of", "2101-01-01", "--data", str(DATA), "--lang", "nn"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Bruk: planstrategi due [VAL] [ÅR]\n")
    assert "Feil: ugyldig verdi for «--as-of»: «2101-01-01» er utanfor åra 1900–2100" in result.stderr
    i18n.set_language(None)
