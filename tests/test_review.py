"""``planstrategi review YEAR``: the yearly roll-forward, on a copy of the bundled register.

The day is pinned with ``--as-of 2025-06-20``; an answers file is a decisions file of ``record --from``
with ``event: skip`` besides. CliRunner's stdin is not a terminal, so without ``--answers`` the list
is printed and nothing asked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from planstrategi.cli import app
from planstrategi.commands import rollforward

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
AS_OF = ("--as-of", "2025-06-20")

LISTED_2026 = [
    "alkoholpolitisk-plan",
    "bti-strategi",
    "etiske-retningslinjer",
    "finansforvaltning",
    "forvaltningsplan-for-verdensarven",
    "holtalen-beitebruksplan",
    "hovedplan-for-vann-og-avlop",
    "idrett-og-friluftsliv",
    "it-strategi",
    "kommunal-planstrategi",
    "kommunedelplan-for-avfall-og-miljo",
    "kommuneplanens-arealdel",
    "kommuneplanens-samfunnsdel",
    "os-beitebruksplan",
    "os-bestandsplan-for-hjortevilt",
    "overordnet-ros-analyse",
    "personalhandbok",
    "politisk-delegeringsreglement",
    "reglement-for-saksbehandling-i-politiske-organ",
    "risiko-og-vesentlighetsvurderinger",
    "smil-tiltaksstrategier",
    "smittevernplan",
    "strategisk-naeringsplan",
    "trafikksikkerhetsplan",
]

ANSWERS = """\
# Kommunestyret 19.06.2025, økonomiplanmøtet
date: 19.06.2025
body: kommunestyret
decisions:
  - id: alkoholpolitisk-plan
    event: postponed
    to: 2027
    case: K-sak 12/25
  - id: it-strategi
    event: started
  - id: smittevernplan
    event: skip
"""


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(BUNDLED, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["review", *args, *AS_OF], input=stdin, catch_exceptions=False)


def plan_text(register: Path, plan_id: str) -> str:
    return (register / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8")


def snapshot(register: Path) -> dict[str, bytes]:
    return {str(p.relative_to(register)): p.read_bytes() for p in sorted(register.rglob("*")) if p.is_file()}


def replaced(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_list_as_of_a_fixed_date(register: Path) -> None:
    before = snapshot(register)
    result = run("2026")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Til gjennomgang i 2026: 24 planer")
    assert [line.split()[0] for line in lines[1:]] == LISTED_2026
    assert "  alkoholpolitisk-plan «Alkoholpolitisk plan»: forfalt siden 2024 – revisjonsplan" in lines
    # a revision planned in 2026 or later keeps a plan off the list, as a retired plan is off it
    assert "beredskapsplan" not in result.stdout and "okonomiplan-og-arsbudsjett" not in result.stdout
    assert "review: ingen terminal å spørre i" in result.stderr
    assert snapshot(register) == before


def test_candidates_match_the_command(register: Path) -> None:
    import datetime as dt

    from planstrategi.store import register as store

    listed = rollforward.candidates(store.load(register), 2026, dt.date(2025, 6, 20))
    assert [plan.id for plan, _ in listed] == LISTED_2026


def test_answers_end_to_end(register: Path) -> None:
    (register.parent / "svar.yaml").write_text(ANSWERS, encoding="utf-8")
    before = snapshot(register)
    alcohol, it, smitte = (plan_text(register, p) for p in ("alkoholpolitisk-plan", "it-strategi", "smittevernplan"))
    result = run("2026", "--answers", "svar.yaml")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "alkoholpolitisk-plan") == replaced(
        alcohol,
        (
            "    note: Vedtatt med presisering\nrevisions:\n",
            "    note: Vedtatt med presisering\n"
            '  - case: "12/25"\n'
            "    date: 2025-06-19\n"
            "    body: kommunestyret\n"
            "    note: Utsatt til 2027\n"
            "revisions:\n",
        ),
        (
            "  - target: 2024\n",
            "  - target: 2027\n"
            "    state: utsatt\n"
            "    decision:\n"
            '      case: "12/25"\n'
            "      date: 2025-06-19\n"
            "      body: kommunestyret\n"
            "      note: Utsatt til 2027\n"
            "    postponed_from: 2024\n",
        ),
    )
    assert plan_text(register, "it-strategi") == replaced(
        it,
        (
            "  - target: 2024  # three empty cells after the x: 24\n",
            "  - target: 2024  # three empty cells after the x: 24\n    state: pågår\n",
        ),
        ("status: gjeldende\n", "status: under-revisjon\n"),
    )
    assert plan_text(register, "smittevernplan") == smitte
    after = snapshot(register)
    assert [name for name in before if before[name] != after[name]] == [
        "plans/alkoholpolitisk-plan.yaml",
        "plans/it-strategi.yaml",
    ]
    # one combined diff: the two files, one after the other, and nothing else on stdout
    heads = [line for line in result.stdout.splitlines() if line.startswith(("--- ", "+++ "))]
    assert heads == [
        "--- a/data/plans/alkoholpolitisk-plan.yaml",
        "+++ b/data/plans/alkoholpolitisk-plan.yaml",
        "--- a/data/plans/it-strategi.yaml",
        "+++ b/data/plans/it-strategi.yaml",
    ]
    assert result.stdout.startswith("--- a/data/plans/alkoholpolitisk-plan.yaml\n")
    unanswered = [line for line in result.stderr.splitlines() if line.startswith("review: ingen svar for ")]
    assert len(unanswered) == 1
    named = unanswered[0].removeprefix("review: ingen svar for ").removesuffix("; de står som før").split(", ")
    assert named == [p for p in LISTED_2026 if p not in ("alkoholpolitisk-plan", "it-strategi", "smittevernplan")]
    assert result.stderr.endswith("record: 2 filer endret\n")


def test_answers_dry_run_writes_nothing(register: Path) -> None:
    (register.parent / "svar.yaml").write_text(ANSWERS, encoding="utf-8")
    before = snapshot(register)
    result = run("2026", "--answers", "svar.yaml", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+  - target: 2027\n" in result.stdout and "+    state: pågår\n" in result.stdout
    assert result.stderr.endswith("record: 2 filer ville blitt endret (--dry-run: ingenting er skrevet)\n")
    assert snapshot(register) == before


def test_an_answers_file_with_one_bad_row_writes_nothing(register: Path) -> None:
    bad = ANSWERS.replace(
        "  - id: smittevernplan\n    event: skip\n",
        "  - id: smittevernplan\n    event: skip\n  - id: personalhandbok\n    event: postponed\n    to: 2020\n",
    )
    (register.parent / "svar.yaml").write_text(bad, encoding="utf-8")
    before = snapshot(register)
    result = run("2026", "--answers", "svar.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if ": feil: " in line]
    assert len(errors) == 1
    assert errors[0].startswith("svar.yaml:15:9: feil: ")
    assert errors[0].endswith("[record-not-later]")
    assert result.stderr.endswith("record: ingenting er skrevet; rett det som står over og kjør record igjen\n")
    assert snapshot(register) == before


def test_a_skip_of_an_unknown_plan_is_refused(register: Path) -> None:
    (register.parent / "svar.yaml").write_text("- id: smittevernpla\n  event: skip\n", encoding="utf-8")
    result = run("2026", "--answers", "svar.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("svar.yaml:1:7: feil: det finnes ingen plan «smittevernpla»")


def test_no_prompt_when_stdin_is_not_a_terminal(register: Path) -> None:
    before = snapshot(register)
    result = run("2026", stdin="utsett\n2027\n19.06.2025\n\n")
    assert result.exit_code == 0
    assert "?" not in result.stdout  # nothing was asked
    assert result.stdout.splitlines()[1].startswith("  alkoholpolitisk-plan ")
    assert snapshot(register) == before


def test_asks_in_a_terminal(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollforward, "_interactive", lambda: True)
    before = plan_text(register, "alkoholpolitisk-plan")
    answers = "utsett\n2027\n19.06.2025\nK-sak 12/25\n" + "\n" * (len(LISTED_2026) - 1) + "y\n"
    result = run("2026", stdin=answers)
    assert result.exit_code == 0, result.output
    assert "alkoholpolitisk-plan «Alkoholpolitisk plan»: utsett/startet/vedtatt/avlys/hopp over?" in result.stdout
    assert "+  - target: 2027\n" in result.stdout
    assert plan_text(register, "alkoholpolitisk-plan") != before
    assert "    postponed_from: 2024\n" in plan_text(register, "alkoholpolitisk-plan")


def test_english_choices(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollforward, "_interactive", lambda: True)
    before = snapshot(register)
    result = run("2026", "--lang", "en", stdin="\n" * len(LISTED_2026))
    assert result.exit_code == 0, result.output
    assert "alkoholpolitisk-plan 'Alkoholpolitisk plan': postpone/started/adopted/cancel/skip?" in result.stdout
    assert "review: no answers to record; nothing was written" in result.stderr
    assert snapshot(register) == before
