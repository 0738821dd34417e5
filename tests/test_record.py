"""``planstrategi record``: each event on copies of the bundled plan files, as exact file text.

Every test copies the bundled register (``data/``, with its comments) to tmp_path and works from
there, so paths print as ``data/plans/….yaml``. A result is compared with the original text with
only the changed lines replaced: every other byte (comments, blank lines, quoting, layout) must be
as it was. The day is pinned with ``--as-of 2025-06-20``, the day after the council's meeting.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
AS_OF = ("--as-of", "2025-06-20")


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled register in tmp_path/data; the working folder is tmp_path."""
    shutil.copytree(BUNDLED, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["record", *args, *AS_OF], catch_exceptions=False)


def plan_text(register: Path, plan_id: str) -> str:
    return (register / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8")


def replaced(text: str, *pairs: tuple[str, str]) -> str:
    """``text`` with each old snippet (which must be there, once) replaced by the new one."""
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def snapshot(register: Path) -> dict[str, bytes]:
    return {str(p.relative_to(register)): p.read_bytes() for p in sorted(register.rglob("*")) if p.is_file()}


# -- every event -------------------------------------------------------------------------------------

POSTPONED_REVISION = (
    "  - target: 2026\n"
    "    state: utsatt\n"
    "    decision:\n"
    "      date: 2024-01-25\n"
    "      body: kommunestyret\n"
    "      note: Eierskapsmelding utsettes til 2026 (§1.6).\n"
    "    note: Utsatt",
    "  - target: 2027\n"
    "    state: utsatt\n"
    "    decision:\n"
    '      case: "12/25"\n'
    "      date: 2025-06-19\n"
    "      body: kommunestyret\n"
    "      note: Utsatt til 2027\n"
    "    postponed_from: 2026\n"
    "    note: Utsatt",
)
POSTPONED_DECISION = (
    "    note: Eierskapsmelding utsettes til 2026 (§1.6).\nrevisions:\n",
    "    note: Eierskapsmelding utsettes til 2026 (§1.6).\n"
    '  - case: "12/25"\n'
    "    date: 2025-06-19\n"
    "    body: kommunestyret\n"
    "    note: Utsatt til 2027\n"
    "revisions:\n",
)


def test_postponed(register: Path) -> None:
    before = plan_text(register, "eierskapsmelding")
    result = run(
        "eierskapsmelding", "postponed", "--to", "2027", "--date", "19.06.2025", "--case", "K-sak 12/25",
        "--body", "kommunestyret",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = plan_text(register, "eierskapsmelding")
    assert after == replaced(before, POSTPONED_DECISION, POSTPONED_REVISION)
    assert result.stdout.startswith(
        "--- a/data/plans/eierskapsmelding.yaml\n+++ b/data/plans/eierskapsmelding.yaml\n@@ "
    )
    assert "-  - target: 2026\n+  - target: 2027\n" in result.stdout
    assert "+    postponed_from: 2026\n" in result.stdout
    assert result.stderr == "record: 1 fil endret\n"


def test_adopted_closes_the_revision_in_progress(register: Path) -> None:
    before = plan_text(register, "kommuneplanens-arealdel")
    result = run(
        "kommuneplanens-arealdel", "adopted", "--date", "19.06.2025", "--case", "25/40", "--body", "kommunestyret",
        "--valid-to", "2036",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    decision = '      case: "25/40"\n      date: 2025-06-19\n      body: kommunestyret\n      note: Vedtatt\n'
    assert plan_text(register, "kommuneplanens-arealdel") == replaced(
        before,
        (
            "adopted: 2008\n",
            "adopted: 2025-06-19\nadopted_by: kommunestyret\ndecisions:\n"
            + decision.replace("      ", "    ").replace("    case", "  - case", 1)
            + "valid_to: 2036\n",
        ),
        ("    state: pågår\n", "    state: vedtatt\n    decision:\n" + decision),
        ("status: under-revisjon\n", "status: gjeldende\n"),
    )


def test_adopted_states_what_was_inferred(register: Path) -> None:
    before = plan_text(register, "kommunal-planstrategi")
    result = run("kommunal-planstrategi", "adopted", "--date", "2025-06-19", "--body", "kommunestyret")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "kommunal-planstrategi") == replaced(
        before,
        ("adopted: 2024-01-25\n", "adopted: 2025-06-19\n"),
        (
            "      gjennomgås i 2024, eierskapsmeldingen utsettes til 2026.\n",
            "      gjennomgås i 2024, eierskapsmeldingen utsettes til 2026.\n"
            "  - date: 2025-06-19\n    body: kommunestyret\n    note: Vedtatt\n",
        ),
        ("inferred: [adopted, adopted_by]\n", ""),
    )


def test_started(register: Path) -> None:
    before = plan_text(register, "helse-og-omsorgsplan")
    result = run("helse-og-omsorgsplan", "started", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "helse-og-omsorgsplan") == replaced(
        before,
        ("    target: 2026\n", "    target: 2026\n    state: pågår\n"),
        ("status: gjeldende\n", "status: under-revisjon\n"),
    )


def test_started_earlier_than_the_work_moves_the_work(register: Path) -> None:
    before = plan_text(register, "beredskapsplan")
    result = run("beredskapsplan", "started", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "beredskapsplan") == replaced(
        before,
        ("  - target: 2026\n", "  - target: 2026\n    work_from: 2025\n    state: pågår\n"),
        ("status: gjeldende\n", "status: under-revisjon\n"),
    )


def test_cancelled(register: Path) -> None:
    before = plan_text(register, "alkoholpolitisk-plan")
    result = run("alkoholpolitisk-plan", "avlyst", "--date", "2025-06-19", "--case", "PS 25/41")
    assert result.exit_code == 0, result.output
    decision = '"25/41"\n    date: 2025-06-19\n    note: Revisjonen avlyst\n'
    assert plan_text(register, "alkoholpolitisk-plan") == replaced(
        before,
        ("    note: Vedtatt med presisering\n", "    note: Vedtatt med presisering\n  - case: " + decision),
        (
            "  - target: 2024\n",
            "  - target: 2024\n    state: avlyst\n    decision:\n      case: " + decision.replace("    ", "      "),
        ),
    )


def test_planned(register: Path) -> None:
    before = plan_text(register, "beredskapsplan")
    result = run("beredskapsplan", "planned", "--target", "2027", "--work", "2026-2027", "--note", "Årlig rullering")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "beredskapsplan") == replaced(
        before,
        (
            "  - target: 2026\n",
            "  - target: 2026\n  - target: 2027\n    work_from: 2026\n    note: Årlig rullering\n",
        ),
    )


def test_replaced_by_changes_both_files(register: Path) -> None:
    old, new = plan_text(register, "rus-og-psykiatriplan"), plan_text(register, "helse-og-omsorgsplan")
    result = run("rus-og-psykiatriplan", "replaced-by", "helse-og-omsorgsplan", "--date", "19.06.2025")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "rus-og-psykiatriplan") == replaced(
        old,
        (
            "    note: Vedtatt\n",
            "    note: Vedtatt\n  - date: 2025-06-19\n    note: Erstattet av Helse- og omsorgsplan\n",
        ),
        ("status: gjeldende\n", "status: erstattet\n"),
        ("remarks:", "superseded_by: helse-og-omsorgsplan\nremarks:"),
    )
    link = "  - https://os.kommune.no/wp-content/uploads/2018/11/Helse-og-omsorgsplan-Os-kommune.pdf\n"
    assert plan_text(register, "helse-og-omsorgsplan") == replaced(
        new, (link, link + "supersedes:\n  - rus-og-psykiatriplan\n")
    )
    assert result.stderr == "record: 2 filer endret\n"
    assert result.stdout.count("--- a/data/plans/") == 2


def test_repealed(register: Path) -> None:
    before = plan_text(register, "etisk-reglement")
    result = run("etisk-reglement", "opphevet", "--date", "19.06.2025", "--case", "25/42")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "etisk-reglement") == replaced(
        before,
        ('municipality: "3430"\n', 'municipality: "3430"\ndecisions:\n  - case: "25/42"\n    date: 2025-06-19\n'
         "    note: Opphevet\n"),
        ("status: gjeldende\n", "status: utgått\n"),
    )  # fmt: skip


@pytest.mark.parametrize(("word", "event"), [("oppheva", "opphevet"), ("vedteke", "vedtatt"), ("utsett", "utsatt")])
def test_a_nynorsk_event_word_does_what_its_bokmal_word_does(register: Path, word: str, event: str) -> None:
    plan, options = {
        "opphevet": ("etisk-reglement", ["--date", "19.06.2025", "--case", "25/42"]),
        "vedtatt": ("kommuneplanens-arealdel", ["--date", "19.06.2025", "--case", "25/40"]),
        "utsatt": ("eierskapsmelding", ["--to", "2027", "--date", "19.06.2025", "--case", "12/25"]),
    }[event]
    before = plan_text(register, plan)
    nynorsk = run(plan, word, *options, "--dry-run")
    bokmal = run(plan, event, *options, "--dry-run")
    assert nynorsk.exit_code == bokmal.exit_code == 0, nynorsk.output
    assert nynorsk.stdout == bokmal.stdout != ""
    assert plan_text(register, plan) == before  # --dry-run writes nothing


def test_the_result_validates(register: Path) -> None:
    run("eierskapsmelding", "postponed", "--to", "2027", "--date", "19.06.2025", "--case", "12/25")
    run("kommuneplanens-arealdel", "adopted", "--date", "19.06.2025", "--case", "25/40")
    run("rus-og-psykiatriplan", "replaced-by", "helse-og-omsorgsplan")
    result = CliRunner().invoke(app, ["validate", *AS_OF], catch_exceptions=False)
    assert " feil:" not in result.output


# -- layouts other than the register's own -----------------------------------------------------------


def test_crlf_and_byte_order_mark_are_kept(register: Path) -> None:
    path = register / "plans" / "beredskapsplan.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    assert run("beredskapsplan", "planned", "--target", "2027").exit_code == 0
    expected = replaced(original, ("  - target: 2026\n", "  - target: 2026\n  - target: 2027\n"))
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


def test_a_file_in_pyyaml_style_keeps_its_unindented_lists(register: Path) -> None:
    path = register / "plans" / "ny-plan.yaml"
    text = (
        "id: ny-plan\ntitle: Ny plan\ncategory: helse-og-omsorg\nkind: plan\nmunicipality: '3430'\n"
        "links:\n- https://example.org/plan.pdf\nstatus: utkast\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run("ny-plan", "adopted", "--date", "2025-06-19").exit_code == 0
    assert path.read_text(encoding="utf-8") == replaced(
        text,
        ("municipality: '3430'\n", "municipality: '3430'\nadopted: 2025-06-19\ndecisions:\n- date: 2025-06-19\n"
         "  note: Vedtatt\n"),
        ("status: utkast\n", "status: gjeldende\n"),
    )  # fmt: skip


def test_a_flow_style_revision_is_left_for_the_planner(register: Path) -> None:
    path = register / "plans" / "beredskapsplan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - target: 2026\n", "  - {target: 2026}\n"), "utf-8")
    before = snapshot(register)
    result = run("beredskapsplan", "started")
    assert result.exit_code == 1
    assert result.stderr.startswith("data/plans/beredskapsplan.yaml:")
    assert "[record-layout]" in result.stderr
    assert snapshot(register) == before


# -- dry run and refusals: nothing written ------------------------------------------------------------


def test_dry_run_prints_the_diff_and_writes_nothing(register: Path) -> None:
    before = snapshot(register)
    result = run("eierskapsmelding", "postponed", "--to", "2027", "--date", "19.06.2025", "--dry-run")
    assert result.exit_code == 0
    assert "+  - target: 2027\n" in result.stdout
    assert result.stderr == "record: 1 fil ville blitt endret (--dry-run: ingenting er skrevet)\n"
    assert snapshot(register) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["helse-og-omsorgplan", "started"],
            2,
            "planstrategi: det finnes ingen plan «helse-og-omsorgplan» i registeret; nærmeste: helse-og-omsorgsplan, "
            "barne-og-ungdomsplan, klima-og-energiplan\n",
        ),
        (
            ["helse-og-omsorgsplan", "adopted", "--date", "19.06.2015"],
            1,
            "planstrategi: 19.06.2015 ligger i valgperioden 2011–2015, men et vedtak som føres inn nå, er gjort i "
            "valgperioden 2023–2027 eller valgperioden 2019–2023; sjekk årstallet [record-date-outside-term]\n",
        ),
        (
            ["helse-og-omsorgsplan", "adopted", "--date", "19.06.2026"],
            1,
            "planstrategi: vedtaksdatoen 19.06.2026 er etter i dag (20.06.2025); før inn vedtaket etter møtet "
            "[record-date-future]\n",
        ),
        (
            ["helse-og-omsorgsplan", "postponed", "--to", "2025", "--date", "2025-06-19"],
            1,
            "planstrategi: «helse-og-omsorgsplan» skal etter planen vedtas 2026; en utsettelse flytter den til "
            "senere, ikke til 2025 [record-not-later]\n",
        ),
        (
            ["helse-og-omsorgsplan", "planned", "--target", "2040"],
            1,
            "planstrategi: 2040 ligger utenfor det mulige tidsrommet 2025–2031; sjekk årstallet "
            "[record-year-out-of-range]\n",
        ),
        (
            ["helse-og-omsorgsplan", "adopted", "--date", "i går"],
            2,
            "planstrategi: «i går» er verken et årstall (2025) eller en dato (19.06.2025 eller 2025-06-19)\n",
        ),
        (
            ["helse-og-omsorgsplan", "adopted", "--date", "2025-06-19", "--case", "1234"],
            2,
            "planstrategi: «1234» er ikke et saksnummer; skriv det som i saksbehandlingssystemet, f.eks. 25/40 "
            "eller K-sak 12/25\n",
        ),
        (
            ["helse-og-omsorgsplan", "adopted", "--to", "2027", "--date", "2025"],
            2,
            "planstrategi: --to hører ikke til hendelsen adopted; ta det bort\n",
        ),
        (
            ["helse-og-omsorgsplan", "postponed", "--date", "2025"],
            2,
            "planstrategi: mangler --to, som postponed trenger\n",
        ),
        (
            ["helse-og-omsorgsplan", "vedta"],
            2,
            "planstrategi: ukjent hendelse «vedta»; mente du «vedtatt»?; kjente hendelser: adopted, started, "
            "postponed, cancelled, planned, replaced-by, repealed\n",
        ),
        (
            ["helse-og-omsorgsplan", "replaced-by", "helse-og-omsorgsplan"],
            1,
            "planstrategi: «helse-og-omsorgsplan» kan ikke erstatte seg selv; oppgi id-en til den nye planen "
            "[record-same-plan]\n",
        ),
        (
            ["etisk-reglement", "started"],
            1,
            "planstrategi: «etisk-reglement» har ingen planlagt revisjon som started kan gjelde; før inn en først: "
            "planstrategi record etisk-reglement planned --target ÅR [record-no-revision]\n",
        ),
    ],
)
def test_refused(register: Path, args: list[str], code: int, message: str) -> None:
    before = snapshot(register)
    result = run(*args)
    assert (result.exit_code, result.stdout) == (code, "")
    assert result.stderr.splitlines()[0] + "\n" == message
    assert snapshot(register) == before


def test_adopting_a_repealed_plan_is_refused(register: Path) -> None:
    assert run("etisk-reglement", "repealed", "--date", "19.06.2025").exit_code == 0
    before = snapshot(register)
    result = run("etisk-reglement", "adopted", "--date", "19.06.2025")
    assert result.exit_code == 1
    assert result.stderr == (
        "planstrategi: «etisk-reglement» har status utgått (opphevet eller erstattet); adopted kan ikke føres inn "
        "på den [record-repealed]\n"
        "record: ingenting er skrevet; rett det som står over og kjør record igjen\n"
    )
    assert snapshot(register) == before


def test_the_same_decision_twice_is_refused(register: Path) -> None:
    assert run("etisk-reglement", "repealed", "--date", "19.06.2025", "--case", "25/42").exit_code == 0
    path = register / "plans" / "etisk-reglement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: utgått", "status: gjeldende"), "utf-8")
    before = snapshot(register)
    result = run("etisk-reglement", "repealed", "--date", "19.06.2025", "--case", "25/42")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "planstrategi: «etisk-reglement» har allerede et vedtak fra 19.06.2025 med samme saksnummer; er det ført "
        "inn før? [record-already-recorded]"
    )
    assert snapshot(register) == before


def test_a_change_that_would_make_the_file_invalid_is_refused(register: Path) -> None:
    before = snapshot(register)
    result = run("beredskapsplan", "planned", "--target", "2027-12-01", "--work", "2028-2029")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "data/plans/beredskapsplan.yaml: feil: ikke ført inn: data/plans/beredskapsplan.yaml ville fått feil "
        "(se linjene under) [record-invalid]"
    )
    assert re.match(r"data/plans/beredskapsplan\.yaml:\d+:\d+: feil: .*\[work-after-target\]$", lines[1])
    assert snapshot(register) == before


def test_english(register: Path) -> None:
    result = run("beredskapsplan", "planned", "--target", "2026", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == (
        "planstrategi: 'beredskapsplan' already has a revision planned in 2026 [record-already-planned]\n"
        "record: nothing was written; fix what is said above and run record again\n"
    )
    result = run("beredskapsplan", "planned", "--target", "2027", "--lang", "en", "--dry-run")
    assert result.stderr == "record: 1 file would be changed (--dry-run: nothing was written)\n"


def test_usage(register: Path) -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stderr.startswith("planstrategi: oppgi planen og hendelsen")
    result = run("beredskapsplan", "started", "--from", "vedtak.yaml")
    assert (result.exit_code, result.stderr) == (
        2,
        "planstrategi: --from leser vedtakene fra filen; ta bort beredskapsplan\n",
    )


# -- a meeting's decisions from one file --------------------------------------------------------------

MEETING = """\
# Kommunestyret 19.06.2025
date: 19.06.2025
body: kommunestyret
decisions:
  - plan: eierskapsmelding
    event: postponed
    to: 2027
    case: K-sak 12/25
  - plan: beredskapsplan
    event: planned
    target: 2027
"""


def test_from_yaml_records_every_decision_with_one_diff(register: Path, tmp_path: Path) -> None:
    (tmp_path / "vedtak.yaml").write_text(MEETING, encoding="utf-8")
    eierskap, beredskap = plan_text(register, "eierskapsmelding"), plan_text(register, "beredskapsplan")
    result = run("--from", "vedtak.yaml")
    assert result.exit_code == 0, result.output
    assert plan_text(register, "eierskapsmelding") == replaced(eierskap, POSTPONED_DECISION, POSTPONED_REVISION)
    assert plan_text(register, "beredskapsplan") == replaced(
        beredskap, ("  - target: 2026\n", "  - target: 2026\n  - target: 2027\n")
    )
    assert [line for line in result.stdout.splitlines() if line.startswith("+++ ")] == [
        "+++ b/data/plans/eierskapsmelding.yaml",
        "+++ b/data/plans/beredskapsplan.yaml",
    ]
    assert result.stderr == "record: 2 filer endret\n"


def test_from_yaml_two_decisions_on_one_plan_build_on_each_other(register: Path, tmp_path: Path) -> None:
    (tmp_path / "vedtak.yaml").write_text(
        "- {plan: beredskapsplan, event: planned, target: 2027}\n"
        "- {plan: beredskapsplan, event: started, year: 2025, revision: 2027}\n",
        encoding="utf-8",
    )
    before = plan_text(register, "beredskapsplan")
    assert run("--from", "vedtak.yaml").exit_code == 0
    assert plan_text(register, "beredskapsplan") == replaced(
        before,
        ("  - target: 2026\n", "  - target: 2026\n  - target: 2027\n    work_from: 2025\n    state: pågår\n"),
        ("status: gjeldende\n", "status: under-revisjon\n"),
    )


def test_from_yaml_with_bad_rows_writes_nothing(register: Path, tmp_path: Path) -> None:
    (tmp_path / "vedtak.yaml").write_text(
        MEETING
        + "  - plan: kommuneplanens-arealdl\n    event: adopted\n"
        + "  - plan: beredskapsplan\n    event: started\n    colour: red\n",
        encoding="utf-8",
    )
    before = snapshot(register)
    result = run("--from", "vedtak.yaml")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "vedtak.yaml:12:11: feil: det finnes ingen plan «kommuneplanens-arealdl» i registeret; nærmeste: "
        "kommuneplanens-arealdel, kommuneplanens-samfunnsdel, kommunal-planstrategi [record-unknown-plan]\n"
        "vedtak.yaml:16:13: feil: ukjent felt «colour» [record-unknown-field]\n"
        "record: ingenting er skrevet; rett det som står over og kjør record igjen\n"
    )
    assert snapshot(register) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("decisions: [\n", "vedtak.yaml:2:1: feil: "),
        ("møte: 2025\n", "vedtak.yaml:1:1: feil: filen skal være en liste med vedtak"),
        ("- just text\n", "vedtak.yaml:1:3: feil: hvert vedtak skal ha felt"),
    ],
)
def test_a_broken_decisions_file_is_a_problem_at_its_place(
    register: Path, tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "vedtak.yaml").write_text(text, encoding="utf-8")
    before = snapshot(register)
    result = run("--from", "vedtak.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert snapshot(register) == before


def test_a_missing_decisions_file(register: Path) -> None:
    result = run("--from", "mangler.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("mangler.yaml: feil: ")
    result = run("--from", "mangler.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("mangler.csv: feil: kan ikke lese filen: ")


def test_from_csv(register: Path, tmp_path: Path) -> None:
    (tmp_path / "vedtak.csv").write_text(
        "\ufeffplan;hendelse;dato;sak;til\neierskapsmelding;utsatt;19.06.2025;K-sak 12/25;2027\n", encoding="utf-8"
    )
    before = plan_text(register, "eierskapsmelding")
    result = run("--from", "vedtak.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+  - target: 2027\n" in result.stdout
    assert plan_text(register, "eierskapsmelding") == before


def test_from_csv_with_a_bad_row_writes_nothing(register: Path, tmp_path: Path) -> None:
    (tmp_path / "vedtak.csv").write_text(
        "plan;event;date;case;to\n"
        "eierskapsmelding;postponed;19.06.2025;12/25;2027\n"
        "beredskapsplan;planned;;;\n"
        "beredskapsplan;adopted;19.06.2025;sak tolv;\n",
        encoding="utf-8",
    )
    before = snapshot(register)
    result = run("--from", "vedtak.csv", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == (
        "vedtak.csv:3:1: error: target is missing, which planned needs [record-missing]\n"
        "vedtak.csv:4:35: error: 'sak tolv' is not a case number; write it as the case-handling system does, "
        "e.g. 25/40 or K-sak 12/25 [record-bad-case]\n"
        "record: nothing was written; fix what is said above and run record again\n"
    )
    assert snapshot(register) == before


# -- the semantic diff reads the events --------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def test_diff_shows_the_events_in_the_planners_words(register: Path, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Planlegger")
    git(tmp_path, "config", "user.email", "planlegger@example.invalid")
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "register")
    (tmp_path / "vedtak.yaml").write_text(
        MEETING
        + "  - {plan: kommuneplanens-arealdel, event: adopted, case: 25/40}\n"
        + "  - {plan: alkoholpolitisk-plan, event: cancelled, case: 25/41}\n"
        + "  - {plan: rus-og-psykiatriplan, event: replaced-by, by: helse-og-omsorgsplan}\n"
        + "  - {plan: etisk-reglement, event: repealed, case: 25/42}\n",
        encoding="utf-8",
    )
    assert run("--from", "vedtak.yaml").exit_code == 0
    result = CliRunner().invoke(app, ["diff"], catch_exceptions=False)
    lines = result.output.splitlines()[2:]
    assert lines == [
        "~ alkoholpolitisk-plan «Alkoholpolitisk plan»: endret",
        "    revisjonen i 2024 er avlyst (kommunestyret, 19.06.2025, sak 25/41)",
        "~ beredskapsplan «Beredskapsplan»: endret",
        "    ny revisjon i 2027",
        "~ eierskapsmelding «Eierskapsmelding»: endret",
        "    utsatt fra 2026 til 2027 (kommunestyret, 19.06.2025, sak 12/25)",
        "~ etisk-reglement «Etisk reglement»: endret",
        "    opphevet (kommunestyret, 19.06.2025, sak 25/42)",
        "~ helse-og-omsorgsplan «Helse- og omsorgsplan»: endret",
        "    erstatter «rus-og-psykiatriplan»",
        "~ kommuneplanens-arealdel «Kommuneplanens arealdel – revisjon»: endret",
        "    revisjonen i 2024 er vedtatt (kommunestyret, 19.06.2025, sak 25/40)",
        "    status: under-revisjon → gjeldende",
        "    vedtatt: 2008 → 2025-06-19",
        "    adopted_by: (tom) → «kommunestyret»",
        "~ rus-og-psykiatriplan «Rus og psykiatriplan 2017-20»: endret",
        "    erstattet av «helse-og-omsorgsplan» (kommunestyret, 19.06.2025)",
    ]
    markdown = CliRunner().invoke(app, ["diff", "--format", "markdown", "--lang", "en"], catch_exceptions=False)
    assert "  - postponed from 2026 to 2027 (kommunestyret, 2025-06-19, case 12/25)\n" in markdown.output
    document = json.loads(CliRunner().invoke(app, ["diff", "--format", "json"], catch_exceptions=False).output)
    eierskap = next(plan for plan in document["plans"] if plan["id"] == "eierskapsmelding")
    assert eierskap["details"] == [
        {
            "change": "revision-postponed",
            "field": "revisions",
            "old": 2026,
            "new": 2027,
            "where": "2026",
            "decision": {"case": "12/25", "date": "2025-06-19", "body": "kommunestyret", "note": "Utsatt til 2027"},
        }
    ]


# -- the README's examples --------------------------------------------------------------------------


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## After a council meeting\n", 1)[1].split("\n## ", 1)[0]


def _readme_files() -> dict[str, str]:
    """The files the section shows (```yaml vedtak.yaml … ```), by name."""
    return {m[0]: m[1] for m in re.findall(r"```(?:yaml|csv) (\S+)\n(.*?)```\n", _readme_section(), re.DOTALL)}


READ_ME = re.findall(r"```text\n\$ planstrategi (record [^\n]*)\n(.*?)```\n", _readme_section(), re.DOTALL)


def test_the_readme_has_record_examples() -> None:
    assert len(READ_ME) >= 2
    assert set(_readme_files()) >= {"vedtak.yaml", "feil.csv"}


@pytest.mark.parametrize(("command", "shown"), READ_ME)
def test_the_readme_example_is_what_record_prints(register: Path, tmp_path: Path, command: str, shown: str) -> None:
    for name, text in _readme_files().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [*shlex.split(command), *AS_OF], catch_exceptions=False)
    assert result.stdout + result.stderr == shown


def test_the_readme_diff_after_the_meeting(register: Path, tmp_path: Path) -> None:
    block = re.search(r"```text\n\$ planstrategi diff\n(.*?)```\n", _readme_section(), re.DOTALL)
    assert block
    for args in (("init", "-q", "-b", "main"), ("config", "user.name", "P"), ("config", "user.email", "p@e.invalid")):
        git(tmp_path, *args)
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "register")
    (tmp_path / "vedtak.yaml").write_text(_readme_files()["vedtak.yaml"], encoding="utf-8")
    assert run("--from", "vedtak.yaml").exit_code == 0
    printed = CliRunner().invoke(app, ["diff"], catch_exceptions=False).output
    assert re.sub(r"\(\w{7}\)", "(…)", printed) == re.sub(r"\(\w{7}\)", "(…)", block.group(1))
