"""``planstrategi upgrade`` and ``store/roundtrip``: format 0.1 plan files rewritten as 0.2.

The one change is ``year`` → ``target`` in each revision; every other byte of the file (comments,
blank lines, quoting, layout, line ends, byte-order mark) must stay as it was. The 0.1 files are
written out here as text, so the tests do not depend on the state of the bundled register; the
bundled register is used for the round trip (every file, byte for byte) and for one whole run.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from planstrategi.cli import app
from planstrategi.store import roundtrip

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
HEADER = "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"

# A 0.1 file with comments and blank lines all around the keys that change, quoted and flow-style
# keys, odd spacing, a decision whose own `year` must stay, and a long folded text.
COMMENTED = HEADER + (
    "# Revisjonene fra vedlegg 2.\n"
    "id: kommentert\n"
    'title: "Kommentert plan"\n'
    "category: politisk-styring\n"
    "kind: plan\n"
    'municipality: "3430"\n'
    "adopted: 2020\n"
    "status: gjeldende\n"
    "revisions:  # x in 23, 25, 26\n"
    "  # before the first revision\n"
    "  - year: 2023  # x in 23\n"
    "\n"
    "    # a blank line above, a comment here\n"
    "    state: vedtatt\n"
    "    decision:\n"
    "      year: 2023   # the decision's year stays year\n"
    "      body: kommunestyret\n"
    "  -   year: 2025    # odd spacing kept\n"
    "  - note: the year comes second\n"
    "    year: 2026\n"
    "  - {year: 2027, note: flow}\n"
    '  - "year": 2028\n'
    "  - 'year': 2029\n"
    "\n"
    "# trailing comment\n"
    "remarks: >-\n"
    "  A long folded text that goes on and on, well past eighty characters, so that a writer that re-wraps\n"
    "  lines would show itself.\n"
)
# The same with exactly the revision keys renamed, quotes kept.
COMMENTED_UPGRADED = (
    COMMENTED.replace("  - year: 2023  # x in 23", "  - target: 2023  # x in 23")
    .replace("  -   year: 2025", "  -   target: 2025")
    .replace("    year: 2026", "    target: 2026")
    .replace("{year: 2027", "{target: 2027")
    .replace('"year": 2028', '"target": 2028')
    .replace("'year': 2029", "'target': 2029")
)

SIMPLE = HEADER + (
    "id: enkel\n"
    "title: Enkel plan\n"
    "category: politisk-styring\n"
    "kind: plan\n"
    'municipality: "3430"\n'
    "status: gjeldende\n"
    "revisions:\n"
    "  - year: 2026\n"
)
SIMPLE_DIFF = (
    "--- a/data/plans/enkel.yaml\n"
    "+++ b/data/plans/enkel.yaml\n"
    "@@ -6,4 +6,4 @@\n"
    ' municipality: "3430"\n'
    " status: gjeldende\n"
    " revisions:\n"
    "-  - year: 2026\n"
    "+  - target: 2026\n"
)

# What `planstrategi new` and `import` write (PyYAML: the list not indented under its key). A dump
# in the register's layout would indent it; the upgrade must not.
PYYAML_STYLE = (
    "id: pyyaml-stil\n"
    "title: PyYAML-stil\n"
    "category: politisk-styring\n"
    "kind: plan\n"
    'municipality: "3430"\n'
    "adopted: 2020\n"
    "revisions:\n"
    "- year: 2024\n"
    "- year: 2026\n"
    "status: gjeldende\n"
)

SYNTAX_ERROR = (
    "id: kolon\n"
    "title: Plan: med kolon i tittelen\n"
    "category: politisk-styring\n"
    "kind: plan\n"
    'municipality: "3430"\n'
    "status: gjeldende\n"
    "revisions:\n"
    "  - year: 2024\n"
)

BOTH_KEYS = (
    "id: begge\n"
    "title: Begge nøklene\n"
    "category: politisk-styring\n"
    "kind: plan\n"
    'municipality: "3430"\n'
    "status: gjeldende\n"
    "revisions:\n"
    "  - year: 2024\n"  # this one alone would be upgraded, but the file is left whole
    "  - year: 2025\n"
    "    target: 2026\n"
)


def cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


CATEGORIES = "categories:\n  - id: politisk-styring\n    name: Politisk styring\n"
MUNICIPALITIES = 'home: "3430"\nmunicipalities:\n  - number: "3430"\n    name: Os\n'


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small register of the three 0.1 plan files above, built here; the working folder is its parent."""
    root = tmp_path / "data"
    (root / "plans").mkdir(parents=True)
    (root / "goals").mkdir()
    (root / "categories.yaml").write_text(CATEGORIES, encoding="utf-8")
    (root / "municipalities.yaml").write_text(MUNICIPALITIES, encoding="utf-8")
    for name, text in (("kommentert", COMMENTED), ("enkel", SIMPLE), ("pyyaml-stil", PYYAML_STYLE)):
        (root / "plans" / f"{name}.yaml").write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


# --- the round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    sorted(BUNDLED.rglob("*.yaml")),
    ids=lambda path: str(path.relative_to(BUNDLED)),
)
def test_load_and_dump_give_every_bundled_file_back_byte_for_byte(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert roundtrip.dump(roundtrip.load(text)) == text


def test_the_bundled_register_has_plans_goals_and_top_level_files() -> None:
    files = {str(path.relative_to(BUNDLED).parent) for path in BUNDLED.rglob("*.yaml")}
    assert files == {".", "plans", "goals"}  # so the test above covers all three kinds


def test_load_keeps_comments_and_reports_errors_with_a_place() -> None:
    document = roundtrip.load(COMMENTED)
    assert document["revisions"][0]["year"] == 2023
    assert "# x in 23" in roundtrip.dump(document)
    with pytest.raises(roundtrip.RoundTripError) as caught:
        roundtrip.load(SYNTAX_ERROR)
    assert (caught.value.line, caught.value.column) == (2, 12)  # the colon after "Plan"


# --- upgrade_plan_text ---------------------------------------------------------------------------


def test_only_the_revision_keys_change_and_every_other_byte_stays() -> None:
    new, problems = roundtrip.upgrade_plan_text(COMMENTED, "kommentert.yaml")
    assert problems == []
    assert new == COMMENTED_UPGRADED
    assert "      year: 2023   # the decision's year stays year\n" in new


def test_a_file_in_pyyaml_layout_keeps_its_layout() -> None:
    new, problems = roundtrip.upgrade_plan_text(PYYAML_STYLE)
    assert problems == []
    assert new == PYYAML_STYLE.replace("- year:", "- target:")


def test_a_file_without_year_needs_no_change() -> None:
    assert roundtrip.upgrade_plan_text(COMMENTED_UPGRADED) == (None, [])
    assert roundtrip.upgrade_plan_text("id: x\nrevisions: []\n") == (None, [])
    assert roundtrip.upgrade_plan_text("- year: 2024\n") == (None, [])  # not a plan; validate says why


def test_a_year_outside_the_revisions_is_left_alone() -> None:
    text = "decisions:\n  - year: 2021\nrevisions:\n  - year: 2024\n    decision:\n      year: 2024\n"
    new, _ = roundtrip.upgrade_plan_text(text)
    assert new == "decisions:\n  - year: 2021\nrevisions:\n  - target: 2024\n    decision:\n      year: 2024\n"


def test_a_revision_repeated_by_an_alias_is_renamed_once() -> None:
    new, problems = roundtrip.upgrade_plan_text("revisions:\n  - &first\n    year: 2024\n  - *first\n")
    assert problems == []
    assert new == "revisions:\n  - &first\n    target: 2024\n  - *first\n"


def test_both_keys_in_one_revision_is_a_problem_and_nothing_changes() -> None:
    new, problems = roundtrip.upgrade_plan_text(BOTH_KEYS, "begge.yaml")
    assert new is None
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [("begge.yaml", 9, 5, "upgrade-conflict")]


def test_a_key_written_in_an_unusual_way_is_left_to_the_planner() -> None:
    new, problems = roundtrip.upgrade_plan_text('revisions:\n  - "ye\\x61r": 2024\n', "rar.yaml")
    assert new is None
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 5, "upgrade-manual")]
    assert 'nøkkelen er skrevet "ye\\x61r"' in problems[0].message


# --- the command ---------------------------------------------------------------------------------


def test_upgrade_rewrites_the_plans_and_prints_the_diffs(register: Path) -> None:
    before = snapshot(register)
    result = cli("upgrade")
    assert result.exit_code == 0, result.output
    plans = register / "plans"
    assert (plans / "kommentert.yaml").read_bytes() == COMMENTED_UPGRADED.encode("utf-8")
    assert (plans / "enkel.yaml").read_bytes() == SIMPLE.replace("- year:", "- target:").encode("utf-8")
    assert (plans / "pyyaml-stil.yaml").read_bytes() == PYYAML_STYLE.replace("- year:", "- target:").encode("utf-8")
    assert SIMPLE_DIFF in result.stdout
    labels = re.findall(r"^--- a/(\S+)$", result.stdout, flags=re.MULTILINE)
    assert labels == ["data/plans/enkel.yaml", "data/plans/kommentert.yaml", "data/plans/pyyaml-stil.yaml"]
    assert result.stderr == "upgrade: 3 filer oppgradert, 0 uendret\n"
    after = snapshot(register)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == [f"plans/{label.rsplit('/', 1)[1]}" for label in labels]  # goals and the rest untouched


def test_dry_run_prints_the_diff_and_writes_nothing(register: Path) -> None:
    before = snapshot(register)
    result = cli("upgrade", "--dry-run")
    assert result.exit_code == 0
    assert SIMPLE_DIFF in result.stdout
    assert "-  - year: 2023  # x in 23\n+  - target: 2023  # x in 23\n" in result.stdout
    assert result.stderr == "upgrade: 3 filer ville blitt oppgradert, 0 uendret\n"
    assert snapshot(register) == before


def test_a_second_run_changes_nothing(register: Path) -> None:
    assert cli("upgrade").exit_code == 0
    upgraded = snapshot(register)
    result = cli("upgrade")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "upgrade: 0 filer oppgradert, 3 uendret\n"
    assert snapshot(register) == upgraded


def test_the_upgraded_register_validates(register: Path) -> None:
    assert cli("upgrade").exit_code == 0
    result = cli("validate", "--data", str(register), "--format", "json")
    report = json.loads(result.stdout)
    assert report["errors"] == 0, result.stdout
    assert result.exit_code == 0


def test_a_syntax_error_is_reported_like_validate_and_the_others_are_upgraded(register: Path) -> None:
    broken = register / "plans" / "kolon.yaml"
    broken.write_bytes(SYNTAX_ERROR.encode("utf-8"))
    validate = cli("validate", "--data", str(register))
    expected = [line for line in validate.stdout.splitlines() if line.startswith("data/plans/kolon.yaml:")]
    assert len(expected) == 1
    assert re.fullmatch(r"data/plans/kolon\.yaml:2:12: feil: .+ \[yaml-syntax\]", expected[0])

    result = cli("upgrade")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *expected,
        "upgrade: 3 filer oppgradert, 0 uendret; ikke endret på grunn av problemer: 1 fil",
    ]
    assert "Traceback" not in result.output
    assert broken.read_bytes() == SYNTAX_ERROR.encode("utf-8")
    assert (register / "plans" / "enkel.yaml").read_text(encoding="utf-8").endswith("  - target: 2026\n")


def test_both_year_and_target_is_refused_and_the_file_left_byte_identical(register: Path) -> None:
    path = register / "plans" / "begge.yaml"
    path.write_bytes(BOTH_KEYS.encode("utf-8"))
    result = cli("upgrade", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/plans/begge.yaml:9:5: error: the revision has both year and target (year is the old name of "
        "target); keep the one that is right, delete the other and run upgrade again [upgrade-conflict]",
        "upgrade: 3 files upgraded, 0 unchanged; not changed because of problems: 1 file",
    ]
    assert "begge.yaml" not in result.stdout
    assert path.read_bytes() == BOTH_KEYS.encode("utf-8")


def test_a_file_that_would_not_validate_is_not_written(register: Path) -> None:
    text = SIMPLE.replace("id: enkel", "id: ugyldig").replace("status: gjeldende", "status: kanskje")
    path = register / "plans" / "ugyldig.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = cli("upgrade")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("data/plans/ugyldig.yaml: feil: ikke oppgradert: filen ville hatt feil")
    assert lines[0].endswith("[upgrade-invalid]")
    assert re.fullmatch(r"data/plans/ugyldig\.yaml:7:9: feil: .*kanskje.* \[invalid-value\]", lines[1])
    assert path.read_bytes() == text.encode("utf-8")
    assert "ugyldig.yaml" not in result.stdout


def test_line_ends_and_byte_order_mark_are_kept(register: Path) -> None:
    crlf = SIMPLE.replace("id: enkel", "id: crlf").replace("\n", "\r\n").encode("utf-8")
    bom = b"\xef\xbb\xbf" + SIMPLE.replace("id: enkel", "id: bom").encode("utf-8")
    (register / "plans" / "crlf.yaml").write_bytes(crlf)
    (register / "plans" / "bom.yaml").write_bytes(bom)
    assert cli("upgrade").exit_code == 0
    assert (register / "plans" / "crlf.yaml").read_bytes() == crlf.replace(b"- year:", b"- target:")
    assert (register / "plans" / "bom.yaml").read_bytes() == bom.replace(b"- year:", b"- target:")


def test_a_file_without_a_final_newline_gets_none(register: Path) -> None:
    path = register / "plans" / "enkel.yaml"
    path.write_bytes(SIMPLE.rstrip("\n").encode("utf-8"))
    result = cli("upgrade")
    assert "-  - year: 2026\n\\ No newline at end of file\n+  - target: 2026\n\\ No newline at end of file\n" in (
        result.stdout
    )
    assert path.read_bytes() == SIMPLE.rstrip("\n").replace("- year:", "- target:").encode("utf-8")


def test_one_file_in_english_and_norwegian(register: Path) -> None:
    (register / "plans" / "enkel.yaml").unlink()
    (register / "plans" / "kommentert.yaml").write_text(COMMENTED_UPGRADED, encoding="utf-8")
    assert cli("upgrade", "--dry-run").stderr == "upgrade: 1 fil ville blitt oppgradert, 1 uendret\n"
    assert cli("upgrade", "--dry-run", "--lang", "en").stderr == "upgrade: 1 file would be upgraded, 1 unchanged\n"
    assert cli("upgrade", "--lang", "en").stderr == "upgrade: 1 file upgraded, 1 unchanged\n"
    assert cli("upgrade", "--lang", "en").stderr == "upgrade: 0 files upgraded, 2 unchanged\n"


def test_a_plan_linked_from_outside_is_neither_read_nor_shown(register: Path, tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.yaml"
    secret.write_text(SIMPLE.replace("Enkel plan", "HEMMELIG"), encoding="utf-8")
    (register / "plans" / "lenke.yaml").symlink_to(secret)
    result = cli("upgrade")
    assert result.exit_code == 1
    assert "HEMMELIG" not in result.output
    assert "data/plans/lenke.yaml: feil: " in result.stderr
    assert "[outside-data]" in result.stderr
    assert "year: 2026" in secret.read_text(encoding="utf-8")


def test_a_link_inside_the_register_stays_a_link(register: Path) -> None:
    (register / "arkiv").mkdir()
    (register / "plans" / "enkel.yaml").rename(register / "arkiv" / "enkel.yaml")
    (register / "plans" / "enkel.yaml").symlink_to(Path("..") / "arkiv" / "enkel.yaml")
    assert cli("upgrade").exit_code == 0
    assert (register / "plans" / "enkel.yaml").is_symlink()
    assert (register / "arkiv" / "enkel.yaml").read_text(encoding="utf-8").endswith("  - target: 2026\n")


def test_a_missing_register_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("upgrade", "--data", str(tmp_path / "finnes-ikke"))
    assert result.exit_code == 2
    assert "fant ikke registeret" in result.stderr


# --- the bundled register ------------------------------------------------------------------------


def _downgrade(text: str) -> str:
    """The 0.1 form of a 0.2 plan file: `target` back to `year` in the block under `revisions:`."""
    lines = text.split("\n")
    inside = False
    for index, line in enumerate(lines):
        if line and not line[0].isspace() and not line.startswith("#"):
            inside = line.split("#", 1)[0].rstrip() == "revisions:"
        elif inside:
            lines[index] = re.sub(r"^(\s*(?:- )?)target:", r"\1year:", line)
    return "\n".join(lines)


def _has_year(path: Path) -> bool:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return any("year" in revision for revision in data.get("revisions") or [] if isinstance(revision, dict))


def test_a_downgraded_copy_of_the_bundled_register_upgrades_back_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(BUNDLED, tmp_path / "data")
    plans = tmp_path / "data" / "plans"
    downgraded = []
    for path in sorted(plans.glob("*.yaml")):
        text = path.read_bytes().decode("utf-8")
        if _downgrade(text) != text:
            path.write_bytes(_downgrade(text).encode("utf-8"))
            downgraded.append(path.name)
    monkeypatch.chdir(tmp_path)
    result = cli("upgrade")
    assert result.exit_code == 0, result.stderr
    written = re.findall(r"^\+\+\+ b/data/plans/(\S+)$", result.stdout, flags=re.MULTILINE)
    assert set(downgraded) <= set(written)
    for name in downgraded:
        if not _has_year(BUNDLED / "plans" / name):  # a bundled file still in 0.1 comes back in 0.2
            assert (plans / name).read_bytes() == (BUNDLED / "plans" / name).read_bytes(), name
    report = json.loads(cli("validate", "--data", "data", "--format", "json").stdout)
    assert report["errors"] == 0, report["problems"]


def test_upgrade_as_a_real_process(register: Path) -> None:
    """The installed command, as a planner runs it."""
    run = subprocess.run(
        [sys.executable, "-m", "planstrategi", "upgrade", "--dry-run", "--data", "data"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=register.parent,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert SIMPLE_DIFF in run.stdout
    assert run.stderr == "upgrade: 3 filer ville blitt oppgradert, 0 uendret\n"
