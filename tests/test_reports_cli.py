"""``due``, ``overdue``, ``table``, ``list`` and ``show`` from the outside, on small registers.

The base register (tests/cases/_base) as of 2025-03-01: the delegation rules were to be revised
in 2024 and are overdue; the health plan's validity ran out in 2020 and its revision is planned for
2025; it is shared with Røros (5025) and is an overarching plan.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planstrategi.cli import app

AS_OF = "2025-03-01"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> Any:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def ids(document: Any) -> list[str]:
    return [row["id"] for row in document["rows"]]


def add_plan(root: Path, plan_id: str, body: str) -> None:
    head = (
        f'id: {plan_id}\ntitle: {plan_id.title()}\ncategory: politisk-styring\nkind: reglement\nmunicipality: "3430"\n'
    )
    (root / "plans" / f"{plan_id}.yaml").write_text(head + body, encoding="utf-8")


# --- due and overdue --------------------------------------------------------------------------


def test_due_lists_overdue_then_expired_then_due_with_reasons(base_register: Path) -> None:
    document = as_json("due", "2025", "--data", str(base_register), "--as-of", AS_OF)
    assert document["report"] == "due" and document["year"] == 2025 and document["as_of"] == AS_OF
    assert [(r["id"], r["urgency"], [x["text"] for x in r["reasons"]]) for r in document["rows"]] == [
        ("delegeringsreglement", "overdue", ["forfalt siden 2024 – revisjonsplan"]),
        ("helseplan", "expired", ["gyldighet utløpt 2020 – gyldighetsperiode", "planlagt 2025 – revisjonsplan"]),
    ]
    assert document["counts"] == {"overdue": 1, "expired": 1, "due": 0}


def test_due_defaults_to_the_year_of_as_of(base_register: Path) -> None:
    assert as_json("due", "--data", str(base_register), "--as-of", "2024-05-01")["year"] == 2024
    rows = as_json("due", "--data", str(base_register), "--as-of", "2024-05-01")["rows"]
    assert [(r["id"], r["reasons"][-1]["text"]) for r in rows] == [
        ("helseplan", "gyldighet utløpt 2020 – gyldighetsperiode"),
        ("delegeringsreglement", "planlagt 2024 – revisjonsplan"),
    ]


def test_due_is_a_report_and_exits_0_unless_asked_to_fail(base_register: Path) -> None:
    code, out, err = run("due", "--data", str(base_register), "--as-of", AS_OF)
    assert code == 0 and "Politisk delegeringsreglement" in out and err == ""
    code, out, _ = run("due", "--data", str(base_register), "--as-of", AS_OF, "--fail-if-overdue")
    assert code == 1 and "Politisk delegeringsreglement" in out


def test_fail_if_overdue_passes_when_only_this_years_work_is_due(base_register: Path) -> None:
    (base_register / "plans" / "helseplan.yaml").unlink()
    assert run("due", "--data", str(base_register), "--as-of", "2024-03-01", "--fail-if-overdue")[0] == 0
    assert run("overdue", "--data", str(base_register), "--as-of", "2024-03-01", "--fail-if-overdue")[0] == 0
    assert run("overdue", "--data", str(base_register), "--as-of", "2025-03-01", "--fail-if-overdue")[0] == 1


def test_overdue_leaves_out_this_years_reasons(base_register: Path) -> None:
    document = as_json("overdue", "--data", str(base_register), "--as-of", AS_OF)
    assert document["report"] == "overdue"
    assert [[x["code"] for x in r["reasons"]] for r in document["rows"]] == [["overdue"], ["expired"]]


def test_nothing_due_is_said_plainly(base_register: Path) -> None:
    code, out, _ = run("overdue", "--data", str(base_register), "--as-of", "2018-01-01")
    assert code == 0 and "Ingen planer er forfalt per 1. januar 2018." in out


def test_english(base_register: Path) -> None:
    code, out, _ = run("due", "--data", str(base_register), "--as-of", AS_OF, "--lang", "en")
    assert code == 0
    assert "Plans due in 2025 (as of 1 March 2025)" in out and "overdue since 2024" in out
    assert "Health and care" in out and "Validity has run out" in out


# --- filters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--partner", "5025", ["helseplan"]),
        ("--partner", "røros", ["helseplan"]),
        ("--municipality", "Os", ["delegeringsreglement", "helseplan"]),
        ("--municipality", "5025", []),
        ("--category", "helse-og-omsorg", ["helseplan"]),
        ("--category", "Politisk styring", ["delegeringsreglement"]),
        ("--category", "health and care", ["helseplan"]),
        ("--kind", "reglement", ["delegeringsreglement"]),
        ("--status", "gjeldende", ["delegeringsreglement", "helseplan"]),
        ("--status", "utkast", []),
    ],
)
def test_filters(base_register: Path, option: str, value: str, expected: list[str]) -> None:
    document = as_json("list", "--data", str(base_register), option, value)
    assert ids(document) == expected
    assert ids(as_json("due", "--data", str(base_register), "--as-of", AS_OF, option, value)) == expected


def test_owner_matches_the_responsible_text(base_register: Path) -> None:
    add_plan(base_register, "etikk", "status: gjeldende\nresponsible: Kommunedirektøren\n")
    assert ids(as_json("list", "--data", str(base_register), "--owner", "kommunedirektør")) == ["etikk"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--category", "helse", "fant ingen gruppe «helse» i categories.yaml; mente du helse-og-omsorg?"),
        ("--partner", "Rros", "fant ingen kommune «Rros» i municipalities.yaml"),
        ("--kind", "planer", "--kind: ukjent verdi «planer»; tillatte verdier: plan, kommuneplan"),
        ("--status", "gammel", "--status: ukjent verdi «gammel»"),
    ],
)
def test_an_unknown_filter_value_is_a_usage_error(base_register: Path, option: str, value: str, message: str) -> None:
    code, out, err = run("due", "--data", str(base_register), option, value)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


# --- a register with problems -----------------------------------------------------------------


def test_reports_answer_from_what_loaded_and_say_that_something_did_not(base_register: Path) -> None:
    (base_register / "plans" / "brudd.yaml").write_text("id: brudd\ntitle: [\n", encoding="utf-8")
    add_plan(base_register, "skrivefeil", "status: gjeldende\nremark: x\n")
    for command in (["due"], ["overdue"], ["table"], ["list"], ["show", "helseplan"]):
        code, out, err = run(*command, "--data", str(base_register), "--as-of", AS_OF)
        assert code == 0, command
        assert "Helse- og omsorgsplan" in out
        plans = base_register / "plans"
        assert err.splitlines() == [
            f"planstrategi: 2 av registerets filer har feil ({plans / 'brudd.yaml'} og {plans / 'skrivefeil.yaml'}); "
            "svaret bygger på filene som kunne leses. Kjør «planstrategi validate» for detaljer"
        ]


def test_a_missing_register_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("due", "--data", str(tmp_path / "nowhere"))
    assert code == 2 and "fant ikke registeret" in err


# --- table ------------------------------------------------------------------------------------


def test_table_for_a_term_shows_the_election_year_and_the_four_planning_years(base_register: Path) -> None:
    document = as_json("table", "--data", str(base_register), "--as-of", AS_OF, "--term", "2023")
    assert document["years"] == [2023, 2024, 2025, 2026, 2027] and document["term"] == 2023
    assert {r["id"]: r["marks"] for r in document["rows"]} == {
        "delegeringsreglement": {"2024": "overdue"},
        "helseplan": {"2025": "planned"},
    }


def test_table_defaults_to_the_sitting_council(base_register: Path) -> None:
    assert as_json("table", "--data", str(base_register), "--as-of", "2023-10-15")["term"] == 2023
    assert as_json("table", "--data", str(base_register), "--as-of", "2023-09-15")["term"] == 2019


def test_table_overarching_has_the_four_planning_years_like_section_1_6(base_register: Path) -> None:
    document = as_json("table", "--data", str(base_register), "--as-of", AS_OF, "--term", "2023", "--overarching")
    assert document["years"] == [2024, 2025, 2026, 2027]
    assert ids(document) == ["helseplan"]
    code, out, _ = run("table", "--data", str(base_register), "--as-of", AS_OF, "--overarching")
    assert code == 0 and out.startswith("Revisjoner av overordna planer i perioden 2024–2027\n")


def test_table_from_and_to(base_register: Path) -> None:
    document = as_json("table", "--data", str(base_register), "--as-of", AS_OF, "--from", "2020", "--to", "2022")
    assert document["years"] == [2020, 2021, 2022] and document["term"] is None
    assert as_json("table", "--data", str(base_register), "--from", "2030")["years"] == [2030, 2031, 2032, 2033, 2034]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--term", "2024"], "2024 er ikke et valgår; valgår er 2023 og 2027"),
        (["--term", "2023", "--from", "2024"], "bruk enten --term eller --from/--to"),
        (["--from", "2030", "--to", "2020"], "perioden må være fra 1 til 30 år"),
    ],
)
def test_table_usage_errors(base_register: Path, args: list[str], message: str) -> None:
    code, _, err = run("table", "--data", str(base_register), *args)
    assert code == 2 and message in err


def test_table_and_list_leave_out_retired_plans_unless_asked(base_register: Path) -> None:
    add_plan(base_register, "gammel", "status: utgått\nadopted: 2001\nrevisions:\n  - target: 2024\n")
    assert "gammel" not in ids(as_json("table", "--data", str(base_register), "--as-of", AS_OF))
    assert "gammel" in ids(as_json("table", "--data", str(base_register), "--as-of", AS_OF, "--all"))
    assert ids(as_json("list", "--data", str(base_register), "--status", "utgått")) == ["gammel"]
    assert "gammel" not in ids(as_json("due", "--data", str(base_register), "--as-of", AS_OF, "--status", "utgått"))


# --- list and show ----------------------------------------------------------------------------


def test_list_in_the_terminal_gives_title_id_and_next_revision(base_register: Path) -> None:
    code, out, _ = run("list", "--data", str(base_register))
    assert code == 0
    assert out.splitlines()[0] == "Oversikt over planer (2)"
    assert " Politisk styring" in out.splitlines() and "   delegeringsreglement" in out
    rows = {r["id"]: r for r in as_json("list", "--data", str(base_register))["rows"]}
    assert rows["delegeringsreglement"]["next_revision"] == 2024
    assert rows["helseplan"]["partners"] == ["5025"] and rows["helseplan"]["adopted"] == "2017-06-22"


def test_show_gives_every_field_revisions_decisions_and_goals(base_register: Path) -> None:
    code, out, err = run("show", "helseplan", "--data", str(base_register), "--as-of", AS_OF)
    assert code == 0 and err == ""
    for text in (
        "Helse- og omsorgsplan",
        "Samarbeidskommuner    Røros (5025)",
        "Vedtatt               2017-06-22",
        "Gjelder til og med    2020",
        "Overordna plan        ja",
        "Valgperiode           valgperioden 2023–2027",
        "Til revisjon i 2025   gyldighet utløpt 2020 – gyldighetsperiode; planlagt 2025 – revisjonsplan",
        "2025   2025     planlagt            Sammen med rus- og psykiatriplanen",
        "41/17   2017-06-22   kommunestyret",
        "Mål        Hjemmebasert omsorg",
        "Målverdi   Andel hjemmeboende over 80 år: minst 90 % til 2030",
        "Strategi   Hverdagsrehabilitering",
        "Tiltak     Velferdsteknologi",
        "ansvarlig: Kommunedirektør",
    ):
        assert text in out, text


def test_show_json_is_the_plan_as_in_its_file(base_register: Path) -> None:
    document = as_json("show", "helseplan", "--data", str(base_register), "--as-of", AS_OF)
    assert document["report"] == "show"
    assert document["plan"]["adopted"] == "2017-06-22" and document["plan"]["partners"] == ["5025"]
    assert document["due"] == {
        "urgency": "expired",
        "reasons": [
            {
                "code": "expired",
                "year": 2020,
                "date": None,
                "ground": "validity",
                "requirements": [],
                "text": "gyldighet utløpt 2020 – gyldighetsperiode",
            },
            {
                "code": "planned",
                "year": 2025,
                "date": None,
                "ground": "schedule",
                "requirements": [],
                "text": "planlagt 2025 – revisjonsplan",
            },
        ],
    }
    assert document["term"] == {"election_year": 2023, "years": [2024, 2025, 2026, 2027]}
    assert document["goals"]["goals"][0]["title"] == "Hjemmebasert omsorg"


def test_show_marks_an_overdue_revision(base_register: Path) -> None:
    code, out, _ = run("show", "delegeringsreglement", "--data", str(base_register), "--as-of", AS_OF)
    assert (
        code == 0
        and "2024   2024     forfalt" in out
        and "Revideres             hver valgperiode, innen 1 år etter konstitueringen" in out
    )


def test_show_an_unknown_id_suggests_the_closest(base_register: Path) -> None:
    code, out, err = run("show", "helse-plan", "--data", str(base_register))
    assert (code, out) == (1, "")
    assert err == "planstrategi: fant ingen plan med id «helse-plan»; mente du helseplan?\n"
    code, _, err = run("show", "zzz", "--data", str(base_register))
    assert code == 1 and err == "planstrategi: fant ingen plan med id «zzz»\n"


# --- formats through the command line ---------------------------------------------------------


def test_csv_reaches_stdout_as_utf8_with_bom_and_crlf(base_register: Path) -> None:
    result = CliRunner().invoke(
        app, ["due", "--data", str(base_register), "--as-of", AS_OF, "--format", "csv"], catch_exceptions=False
    )
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfHastegrad;Plan;Gruppe;Grunn;Vedtatt\r\n")
    assert (
        "Forfalt;Politisk delegeringsreglement;Politisk styring;forfalt siden 2024 – revisjonsplan;2020\r\n".encode()
        in result.stdout_bytes
    )


@pytest.mark.parametrize("command", [["due"], ["overdue"], ["table"], ["list"], ["show", "helseplan"]])
@pytest.mark.parametrize("output_format", ["table", "markdown", "csv", "json", "html"])
def test_every_report_in_every_format(base_register: Path, command: list[str], output_format: str) -> None:
    code, out, err = run(*command, "--data", str(base_register), "--as-of", AS_OF, "--format", output_format)
    assert code == 0 and err == ""
    assert "Helse- og omsorgsplan" in out


def test_the_installed_command(base_register: Path) -> None:
    env = {**os.environ, "PLANSTRATEGI_DATA": str(base_register), "PYTHONIOENCODING": "utf-8"}
    env.pop("PLANSTRATEGI_LANG", None)
    script = Path(sys.executable).parent / "planstrategi"
    done = subprocess.run(
        [str(script), "due", "--as-of", AS_OF, "--format", "json"], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert [row["id"] for row in json.loads(done.stdout)["rows"]] == ["delegeringsreglement", "helseplan"]


@pytest.mark.parametrize("command", [["due"], ["overdue"], ["table"], ["list"], ["show", "helseplan"]])
def test_as_of_outside_the_years_the_register_covers_is_a_usage_error(base_register: Path, command: list[str]) -> None:
    code, out, err = run(*command, "--data", str(base_register), "--as-of", "2101-01-01")
    assert (code, out) == (2, "")
    assert err.endswith(
        "Feil: ugyldig verdi for «--as-of»: «2101-01-01» er utenfor årene 1900–2100 som planstrategi regner med\n"
    )
