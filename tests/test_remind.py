"""Reminders as GitHub issues: which plans need action, the issue set kept in step with the issues
that exist (matched by the marker, never the title), hostile text, and ``planstrategi remind``."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from planstrategi.cli import app
from planstrategi.rules import engine, query
from planstrategi.rules import remind as rule
from planstrategi.rules.issues import ExistingIssue, Kind, WantedIssue, Why, existing_issues, reconcile
from planstrategi.store import register as reg

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
AS_OF = dt.date(2025, 3, 1)


def cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "100"})


def actions_json(*args: str) -> dict[str, Any]:
    result = cli("remind", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def plan_file(root: Path, plan_id: str, body: str) -> None:
    write(
        root / "plans" / f"{plan_id}.yaml",
        f'id: {plan_id}\ncategory: politisk-styring\nkind: plan\nmunicipality: "3430"\nstatus: gjeldende\n{body}',
    )


# --- which plans need action -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> reg.Register:
    return reg.load(DATA)


def test_the_bundled_register_needs_action_where_the_engine_says_so(bundled: reg.Register) -> None:
    plans = query.select(bundled, query.Filters())
    got = {r.plan.id: r for r in rule.reminders(bundled, plans, AS_OF)}
    # Every plan `overdue` lists (overdue or expired) is there, with the same reasons.
    late = query.due_rows(bundled, plans, 2025, today=AS_OF, overdue_only=True)
    assert {row["id"] for row in late} <= set(got)
    for row in late:
        assert [r["text"] for r in row["reasons"]] == [
            r.text() for r in got[row["id"]].reasons if r.urgency is not engine.Urgency.DUE
        ]
    # And the rest are due by law this year, or within three months: the engine's reasons, unchanged.
    context = engine.Context.of(bundled, AS_OF)
    for plan_id, reminder in got.items():
        reasons = engine.due_reasons(bundled.plans[plan_id], 2025, context)
        assert set(reminder.reasons) <= set(reasons)
        for reason in reminder.reasons:
            assert (
                reason.urgency is not engine.Urgency.DUE
                or reason.ground is engine.Ground.REQUIREMENT
                or rule.deadline(reason) <= dt.date(2025, 6, 1)
            )
    # Nothing the engine calls overdue, expired or due by law is left out.
    for plan in plans:
        if any(
            r.urgency is not engine.Urgency.DUE or r.ground is engine.Ground.REQUIREMENT
            for r in engine.due_reasons(plan, 2025, context)
        ):
            assert plan.id in got, plan.id


def test_named_plans_checked_by_hand_against_the_seed(bundled: reg.Register) -> None:
    plans = query.select(bundled, query.Filters())
    got = {r.plan.id: [x.text() for x in r.reasons] for r in rule.reminders(bundled, plans, AS_OF)}
    # Appendix 2: "Politisk delegeringsreglement 2020", an x in 2024; not revised since.
    assert got["politisk-delegeringsreglement"] == ["forfalt siden 2024 – revisjonsplan"]
    # "Rus og psykiatriplan 2017-20": the period has run out.
    assert got["rus-og-psykiatriplan"] == ["gyldighet utløpt 2020 – gyldighetsperiode"]
    # "Finansforvaltning – Os kommune 2021, revidert i sak 24/21": once a term by law, not yet in this one.
    assert got["finansforvaltning"] == ["hver valgperiode – kommuneloven § 14-13"]
    # The samfunnsdel is planned for 2025: not yet in March, but from October (end of year within 3 months).
    assert "kommuneplanens-samfunnsdel" not in got
    october = {r.plan.id for r in rule.reminders(bundled, plans, dt.date(2025, 10, 1))}
    assert "kommuneplanens-samfunnsdel" in october


def test_a_target_date_in_the_next_year_is_seen_when_the_window_reaches_it(base_register: Path) -> None:
    plan_file(base_register, "skoleplan", "title: Skoleplan\nadopted: 2021\nrevisions:\n  - target: 2026-01-15\n")
    register = reg.load(base_register)
    plan = register.plans["skoleplan"]

    def reasons(day: dt.date, months: int = 3) -> list[str]:
        return [
            r.text()
            for r in rule.reasons_now(plan, day, engine.Context.of(register, day), rule.add_months(day, months))
        ]

    assert reasons(dt.date(2025, 9, 1)) == []
    assert reasons(dt.date(2025, 11, 1)) == ["planlagt 15.01.2026 – revisjonsplan"]
    assert reasons(dt.date(2025, 11, 1), months=0) == []
    assert reasons(dt.date(2026, 2, 1)) == ["forfalt siden 15.01.2026 – revisjonsplan"]


def test_within_months_zero_keeps_only_what_is_late_or_due_by_law(bundled: reg.Register) -> None:
    plans = query.select(bundled, query.Filters())
    autumn = dt.date(2025, 10, 1)
    none = rule.reminders(bundled, plans, autumn, 0)
    assert all(
        r.urgency is not engine.Urgency.DUE or r.ground is engine.Ground.REQUIREMENT for m in none for r in m.reasons
    )
    assert len(none) < len(rule.reminders(bundled, plans, autumn, 3))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 3, 1), 3, dt.date(2025, 6, 1)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2023, 11, 30), 3, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2025, 12, 15), 24, dt.date(2027, 12, 15)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert rule.add_months(day, months) == expected


# --- keeping the issues in step --------------------------------------------------------------


def marked(plan: str, text: str = "Tekst") -> str:
    return f"{text}\n\n<!-- planstrategi:plan={plan} -->\n"


def want(plan: str, body: str = "Tekst", title: str | None = None, assignees: tuple[str, ...] = ()) -> WantedIssue:
    return WantedIssue(plan, title or f"{plan} – forfalt", marked(plan, body), assignees)


def have(number: int, plan: str | None, *, body: str = "Tekst", open_: bool = True, **extra: Any) -> ExistingIssue:
    text = marked(plan, body) if plan else body
    fields: dict[str, Any] = {"title": f"{plan} – forfalt", "assignees": (), "labels": ("planstrategi",)} | extra
    return ExistingIssue(number, fields["title"], text, open_, tuple(fields["assignees"]), tuple(fields["labels"]))


KNOWN = {"a", "b", "c"}


def kinds(actions: list[Any]) -> list[tuple[str, str, int | None]]:
    return [(a.kind.value, a.plan, a.number) for a in actions]


def test_unchanged_issue_gives_nothing_to_do() -> None:
    actions = reconcile([want("a")], [have(3, "a")], known_plans=KNOWN)
    assert kinds(actions) == [("none", "a", 3)]


def test_github_line_ends_and_trailing_blanks_do_not_count_as_a_change() -> None:
    existing = have(3, "a", body="Tekst")
    crlf = ExistingIssue(
        3, existing.title, existing.body.replace("\n", "\r\n").rstrip() + "  ", True, (), ("planstrategi",)
    )
    assert kinds(reconcile([want("a")], [crlf], known_plans=KNOWN)) == [("none", "a", 3)]


def test_changed_reasons_update_only_the_body() -> None:
    (action,) = reconcile([want("a", body="Ny grunn")], [have(3, "a", body="Gammel grunn")], known_plans=KNOWN)
    assert (action.kind, action.number, action.changed) == (Kind.UPDATE, 3, ("body",))
    assert action.title is None and action.body == marked("a", "Ny grunn")


def test_changed_title_updates_the_title() -> None:
    (action,) = reconcile([want("a", title="a – utløpt")], [have(3, "a")], known_plans=KNOWN)
    assert (action.kind, action.title, action.body, action.changed) == (Kind.UPDATE, "a – utløpt", None, ("title",))


def test_a_plan_no_longer_due_or_gone_is_closed_with_the_reason() -> None:
    actions = reconcile([], [have(3, "a"), have(4, "gone")], known_plans=KNOWN)
    assert [(a.kind, a.number, a.why) for a in actions] == [
        (Kind.CLOSE, 3, Why.NO_LONGER_DUE),
        (Kind.CLOSE, 4, Why.PLAN_GONE),
    ]


def test_closed_issues_are_left_closed_when_the_plan_is_not_due() -> None:
    assert reconcile([], [have(3, "a", open_=False)], known_plans=KNOWN) == []


def test_a_plan_due_again_reopens_its_first_closed_issue_and_updates_it() -> None:
    existing = [have(9, "a", open_=False, body="Duplikat"), have(3, "a", open_=False, body="Først")]
    actions = reconcile([want("a", body="Nå")], existing, known_plans=KNOWN)
    assert [(a.kind, a.number, a.why) for a in actions] == [
        (Kind.REOPEN, 3, Why.DUE_AGAIN),
        (Kind.UPDATE, 3, Why.DUE_AGAIN),
    ]
    same = reconcile([want("a", body="Først")], existing, known_plans=KNOWN)
    assert kinds(same) == [("reopen", "a", 3)]


def test_an_open_issue_wins_over_closed_ones() -> None:
    actions = reconcile([want("a")], [have(2, "a", open_=False), have(5, "a")], known_plans=KNOWN)
    assert kinds(actions) == [("none", "a", 5)]


def test_two_open_issues_with_the_same_marker_keep_the_lowest_number() -> None:
    actions = reconcile([want("a")], [have(12, "a"), have(7, "a"), have(30, "a", body="x")], known_plans=KNOWN)
    assert [(a.kind, a.number, a.duplicate_of) for a in actions] == [
        (Kind.NONE, 7, None),
        (Kind.CLOSE, 12, 7),
        (Kind.CLOSE, 30, 7),
    ]
    assert {a.why for a in actions[1:]} == {Why.DUPLICATE}
    # Duplicates of a plan that is no longer due are all closed as no longer due.
    closed = reconcile([], [have(12, "a"), have(7, "a")], known_plans=KNOWN)
    assert [(a.kind, a.number, a.why) for a in closed] == [
        (Kind.CLOSE, 7, Why.NO_LONGER_DUE),
        (Kind.CLOSE, 12, Why.NO_LONGER_DUE),
    ]


def test_issues_without_a_marker_are_never_touched() -> None:
    unmarked = [have(1, None, body="Husk å revidere a"), have(2, None, body="a – forfalt", title="a – forfalt")]
    assert reconcile([], unmarked, known_plans=KNOWN) == []
    # Matched by the marker, never by the title: an unmarked issue with the same title does not count.
    assert kinds(reconcile([want("a")], unmarked, known_plans=KNOWN)) == [("create", "a", None)]


def test_a_marker_counts_only_on_a_line_of_its_own() -> None:
    quoted = ExistingIssue(4, "t", "Se `<!-- planstrategi:plan=a -->` i teksten", True)
    assert quoted.plan is None
    assert ExistingIssue(4, "t", "x\n<!-- planstrategi:plan=a -->\r\n", True).plan == "a"


def test_assignees_added_and_outdated_mapped_ones_removed_a_hand_assigned_one_kept() -> None:
    existing = have(3, "a", assignees=("per-gammel", "kollega"))
    (action,) = reconcile(
        [want("a", assignees=("kari",))], [existing], known_plans=KNOWN, managed_logins={"kari", "Per-Gammel"}
    )
    assert (action.kind, action.add_assignees, action.remove_assignees) == (Kind.UPDATE, ("kari",), ("per-gammel",))
    assert action.changed == ("assignees",)
    done = have(3, "a", assignees=("Kari", "kollega"))
    assert kinds(reconcile([want("a", assignees=("kari",))], [done], known_plans=KNOWN, managed_logins={"kari"})) == [
        ("none", "a", 3)
    ]


def test_labels_are_added_never_removed() -> None:
    (action,) = reconcile([want("a")], [have(3, "a", labels=("prioritet",))], known_plans=KNOWN)
    assert (action.kind, action.add_labels, action.changed) == (Kind.UPDATE, ("planstrategi",), ("labels",))
    assert kinds(reconcile([want("a")], [have(3, "a", labels=("planstrategi", "x"))], known_plans=KNOWN)) == [
        ("none", "a", 3)
    ]


def test_existing_issues_are_read_as_gh_prints_them() -> None:
    data = [
        {
            "number": 4,
            "title": "t",
            "body": marked("a"),
            "state": "OPEN",
            "assignees": [{"id": "MDQ", "login": "kari", "name": "Kari"}],
            "labels": [{"id": "LA", "name": "planstrategi", "description": "", "color": "0e8a16"}],
        }
    ]
    (issue,) = existing_issues(data)
    assert (issue.number, issue.open, issue.assignees, issue.labels, issue.plan) == (
        4,
        True,
        ("kari",),
        ("planstrategi",),
        "a",
    )


def _applied(actions: list[Any], issues: list[ExistingIssue]) -> list[ExistingIssue]:
    """The issues after GitHub carried out ``actions``, as the workflow applies them."""
    by_number = {issue.number: issue for issue in issues}
    for action in actions:
        if action.kind is Kind.CREATE:
            number = max(by_number, default=0) + 1
            by_number[number] = ExistingIssue(
                number, action.title, action.body, True, action.add_assignees, action.add_labels
            )
            continue
        old = by_number[action.number]
        if action.kind is Kind.UPDATE:
            gone = {login.casefold() for login in action.remove_assignees}
            assignees = tuple(a for a in old.assignees if a.casefold() not in gone) + action.add_assignees
            old = ExistingIssue(
                old.number,
                action.title if action.title is not None else old.title,
                action.body if action.body is not None else old.body,
                old.open,
                assignees,
                old.labels + action.add_labels,
            )
        elif action.kind in (Kind.REOPEN, Kind.CLOSE):
            old = ExistingIssue(old.number, old.title, old.body, action.kind is Kind.REOPEN, old.assignees, old.labels)
        by_number[old.number] = old
    return sorted(by_number.values(), key=lambda issue: issue.number)


PLANS = ["a", "b", "c", "d"]
_issue = st.tuples(
    st.sampled_from([*PLANS, None]),
    st.booleans(),
    st.sampled_from(["x", "y"]),
    st.lists(st.sampled_from(["kari", "per", "ola"]), unique=True),
    st.lists(st.sampled_from(["planstrategi", "prioritet"]), unique=True),
)
_wanted = st.dictionaries(
    st.sampled_from(PLANS),
    st.tuples(st.sampled_from(["x", "z"]), st.lists(st.sampled_from(["kari", "per"]), unique=True, max_size=1)),
)


@given(st.lists(_issue, max_size=8), _wanted)
def test_after_the_actions_every_plan_has_one_open_issue_and_nothing_is_left_to_do(
    raw: list[tuple[Any, ...]], wanted_raw: dict[str, tuple[str, list[str]]]
) -> None:
    existing = [
        have(number, plan, body=body, open_=is_open, assignees=tuple(assignees), labels=tuple(labels))
        for number, (plan, is_open, body, assignees, labels) in enumerate(raw, start=1)
    ]
    wanted = [want(plan, body=body, assignees=tuple(who)) for plan, (body, who) in sorted(wanted_raw.items())]
    managed = {"kari", "per"}
    actions = reconcile(wanted, existing, known_plans=PLANS[:3], managed_logins=managed)
    after = _applied(actions, existing)
    again = reconcile(wanted, after, known_plans=PLANS[:3], managed_logins=managed)
    assert {a.kind for a in again} <= {Kind.NONE}
    for plan in PLANS:
        opened = [i for i in after if i.plan == plan and i.open]
        assert len(opened) == (1 if plan in wanted_raw else 0)
    # An issue is created only for a plan with none at all, and an unmarked issue is never changed.
    had = {i.plan for i in existing}
    assert [a.plan for a in actions if a.kind is Kind.CREATE] == [w.plan for w in wanted if w.plan not in had]
    assert [i for i in after if i.plan is None] == [i for i in existing if i.plan is None]
    # A hand-assigned user stays wherever the tool touched the issue.
    before = {i.number: i for i in existing}
    for issue in after:
        if issue.number in before and "ola" in before[issue.number].assignees:
            assert "ola" in issue.assignees


# --- the command -------------------------------------------------------------------------------


def test_remind_json_on_the_bundled_register_creates_one_issue_per_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = actions_json("--as-of", "2025-03-01")
    assert (data["as_of"], data["within_months"], data["label"]) == ("2025-03-01", 3, "planstrategi")
    plans = [r.plan.id for r in rule.reminders(reg.load(DATA), query.select(reg.load(DATA), query.Filters()), AS_OF)]
    assert [a["plan"] for a in data["actions"]] == plans
    assert data["plans"] == len(plans)
    first = data["actions"][0]
    assert (first["action"], first["why"], first["number"]) == ("create", "new", None)
    assert first["title"] == "Politisk delegeringsreglement – forfalt"
    assert first["add_labels"] == ["planstrategi"]
    body = first["body"]
    assert "- forfalt siden 2024 – revisjonsplan" in body
    assert "data/plans/politisk-delegeringsreglement.yaml" in body
    assert "`planstrategi record politisk-delegeringsreglement adopted --date DATO --case SAK`" in body
    assert body.rstrip().endswith("<!-- planstrategi:plan=politisk-delegeringsreglement -->")


def _as_github_has_them(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The issues GitHub would have after the workflow applied ``data`` to a repository without any."""
    return [
        {
            "number": number,
            "title": a["title"],
            "body": a["body"].replace("\n", "\r\n"),
            "state": "OPEN",
            "assignees": [{"login": login} for login in a["add_assignees"]],
            "labels": [{"name": name} for name in a["add_labels"]],
        }
        for number, a in enumerate(data["actions"], start=1)
    ]


def test_a_second_run_over_what_the_first_made_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    first = actions_json("--as-of", "2025-03-01")
    existing = write(tmp_path / "existing.json", json.dumps(_as_github_has_them(first)))
    second = actions_json("--as-of", "2025-03-01", "--existing", str(existing))
    assert {a["action"] for a in second["actions"]} == {"none"}
    assert len(second["actions"]) == len(first["actions"])
    # In autumn: the plans planned for 2025 are added, and nothing already open is touched again.
    autumn = actions_json("--as-of", "2025-10-01", "--existing", str(existing))
    created = [a["plan"] for a in autumn["actions"] if a["action"] == "create"]
    assert "kommuneplanens-samfunnsdel" in created
    assert {a["action"] for a in autumn["actions"]} <= {"create", "none", "update", "close"}


def test_a_plan_adopted_since_has_its_issue_closed_with_a_comment(base_register: Path, tmp_path: Path) -> None:
    first = actions_json("--data", str(base_register), "--as-of", "2025-03-01")
    existing = write(tmp_path / "existing.json", json.dumps(_as_github_has_them(first)))
    number = next(i for i, a in enumerate(first["actions"], start=1) if a["plan"] == "delegeringsreglement")
    path = base_register / "plans" / "delegeringsreglement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("adopted: 2020", "adopted: 2024-11-14"), encoding="utf-8")
    later = actions_json("--data", str(base_register), "--as-of", "2025-03-01", "--existing", str(existing))
    closed = [a for a in later["actions"] if a["action"] == "close"]
    assert [(a["number"], a["why"], a["plan"]) for a in closed] == [(number, "no-longer-due", "delegeringsreglement")]
    assert closed[0]["comment"].startswith("Planen trenger ikke lenger handling per 01.03.2025")
    path.unlink()
    gone = actions_json("--data", str(base_register), "--as-of", "2025-03-01", "--existing", str(existing))
    (close,) = [a for a in gone["actions"] if a["action"] == "close"]
    assert (close["why"], close["comment"]) == (
        "plan-gone",
        "Planen «delegeringsreglement» finnes ikke lenger i registeret; saken lukkes av planstrategi.",
    )


def test_the_text_says_what_would_happen_and_why(base_register: Path, tmp_path: Path) -> None:
    existing = write(
        tmp_path / "existing.json",
        json.dumps(
            [
                {
                    "number": 7,
                    "title": "Gammel",
                    "body": marked("helseplan", "før"),
                    "state": "OPEN",
                    "assignees": [],
                    "labels": [{"name": "planstrategi"}],
                },
                {
                    "number": 8,
                    "title": "Borte",
                    "body": marked("borte"),
                    "state": "OPEN",
                    "assignees": [],
                    "labels": [],
                },
                {"number": 9, "title": "Notat", "body": "uten markør", "state": "OPEN", "assignees": [], "labels": []},
            ]
        ),
    )
    result = cli("remind", "--data", str(base_register), "--as-of", "2025-03-01", "--existing", str(existing))
    assert result.exit_code == 0
    assert result.stdout == (
        "Påminnelser per 01.03.2025 (forfalt, utløpt, lovkrav i år eller frist innen 3 måneder): "
        "2 planer trenger handling.\n"
        "\n"
        "Opprettes (1):\n"
        "  Politisk delegeringsreglement – forfalt\n"
        "      forfalt siden 2024 – revisjonsplan\n"
        "\n"
        "Oppdateres (1):\n"
        "  #7 Helse- og omsorgsplan – gyldigheten er utløpt (endret: tittel, tekst)\n"
        "\n"
        "Lukkes (1):\n"
        "  #8 Borte: planen finnes ikke lenger i registeret\n"
        "\n"
        "1 av sakene som opprettes, er for en plan uten ansvarlig (responsible) og tildeles ingen.\n"
        "\n"
        "1 sak med etiketten planstrategi har ingen markør og er ikke rørt.\n"
    )


USERS = """\
users:
  - responsible: Kommunedirektør
    login: kari-nordmann
  - responsible: Enhetsleder helse
    login: per
"""


def test_a_mapped_responsible_is_assigned_an_unmapped_one_is_said(base_register: Path) -> None:
    for plan_id, who in (("delegeringsreglement", "kommunedirektør"), ("helseplan", "Helsesjef")):
        path = base_register / "plans" / f"{plan_id}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"responsible: {who}\n", encoding="utf-8")
    write(base_register / "github-users.yaml", USERS)
    data = actions_json("--data", str(base_register), "--as-of", "2025-03-01")
    by_plan = {a["plan"]: a for a in data["actions"]}
    assert by_plan["delegeringsreglement"]["add_assignees"] == ["kari-nordmann"]  # case does not matter
    assert "kommunedirektør, tildelt GitHub-brukeren kari-nordmann" in by_plan["delegeringsreglement"]["body"]
    assert by_plan["helseplan"]["add_assignees"] == []
    assert "Helsesjef (ikke i github-users.yaml, så saken er ikke tildelt noen)" in by_plan["helseplan"]["body"]
    text = cli("remind", "--data", str(base_register), "--as-of", "2025-03-01").stdout
    assert "      ansvarlig: kommunedirektør; tildeles kari-nordmann\n" in text
    assert "      ansvarlig: Helsesjef, som ikke står i github-users.yaml; saken tildeles ingen\n" in text


def test_the_issues_are_in_english_with_lang_en(base_register: Path) -> None:
    data = actions_json("--data", str(base_register), "--as-of", "2025-03-01", "--lang", "en")
    titles = [a["title"] for a in data["actions"]]
    assert titles == ["Politisk delegeringsreglement – overdue", "Helse- og omsorgsplan – validity has run out"]
    assert "**Why**" in data["actions"][0]["body"]


def test_the_register_language_is_used_when_none_is_asked_for(base_register: Path) -> None:
    path = base_register / "municipalities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('home: "3430"\n', 'home: "3430"\nlanguage: en\n'), encoding="utf-8"
    )
    data = actions_json("--data", str(base_register), "--as-of", "2025-03-01")
    assert data["actions"][0]["title"] == "Politisk delegeringsreglement – overdue"
    nb = actions_json("--data", str(base_register), "--as-of", "2025-03-01", "--lang", "nb")
    assert nb["actions"][0]["title"] == "Politisk delegeringsreglement – forfalt"


# No escape character: `validate` refuses one in a text (control-in-text), and remind refuses a register with errors.
HOSTILE = "Plan\n::error::x $(touch pwned) `rm -rf ~` <!-- planstrategi:plan=helseplan --> -->[31m @kommunestyret"


def test_hostile_titles_come_out_escaped_and_cannot_break_the_marker(base_register: Path, tmp_path: Path) -> None:
    path = base_register / "plans" / "delegeringsreglement.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Politisk delegeringsreglement", f"title: {json.dumps(HOSTILE)}"
    )
    path.write_text(text, encoding="utf-8")
    data = actions_json("--data", str(base_register), "--as-of", "2025-03-01")
    hostile = next(a for a in data["actions"] if a["plan"] == "delegeringsreglement")
    title, body = hostile["title"], hostile["body"]
    assert "\n" not in title and "\x1b" not in title and title.isprintable()
    assert title.startswith("Plan ::error::x $(touch pwned)")  # one line: never a workflow command of its own
    # In the body: no HTML (so no comment can start or end), no formatting, no mention.
    assert "<!--" not in body.replace("<!-- planstrategi:plan=delegeringsreglement -->", "")
    assert "-->" not in body.replace("<!-- planstrategi:plan=delegeringsreglement -->", "")
    assert "&lt;!-- planstrategi:plan=helseplan --&gt; --&gt;" in body
    assert "\\`rm -rf \\~\\`" in body and "@&#8203;kommunestyret" in body and "\x1b" not in body
    assert re.findall(r"^<!-- planstrategi:plan=([a-z-]+) -->$", body, flags=re.MULTILINE) == ["delegeringsreglement"]
    # And GitHub's copy of the issue still belongs to this plan alone.
    existing = write(tmp_path / "existing.json", json.dumps(_as_github_has_them(data)))
    again = actions_json("--data", str(base_register), "--as-of", "2025-03-01", "--existing", str(existing))
    assert {a["action"] for a in again["actions"]} == {"none"}
    # The text output starts no line with text from the data.
    lines = cli("remind", "--data", str(base_register), "--as-of", "2025-03-01").stdout.splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert not (tmp_path / "pwned").exists() and not (Path.cwd() / "pwned").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[{", "existing.json:1:3: ikke gyldig JSON"),
        ('{"number": 1}', "existing.json: ikke en liste av saker"),
        ("[1]", "existing.json: sak nr. 1 i lista er ikke et objekt"),
        ('[{"title": "t", "body": "", "state": "OPEN"}]', "existing.json: sak nr. 1 i lista: «number» mangler"),
        ('[{"number": true, "title": "t", "body": "", "state": "OPEN"}]', "«number» mangler eller har feil type"),
        ('[{"number": 2, "title": "t", "body": "", "state": "åpen"}]', "«state» mangler eller har feil type"),
        ('[{"number": 2, "title": 5, "body": "", "state": "OPEN"}]', "«title» mangler eller har feil type"),
        ('[{"number": 2, "title": "t", "state": "OPEN", "assignees": ["kari"]}]', "«assignees» mangler"),
        ('[{"number": 2, "title": "t", "state": "OPEN", "labels": [{"navn": "x"}]}]', "«labels» mangler"),
    ],
)
def test_a_malformed_existing_file_is_a_usage_error(
    content: str, message: str, base_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "existing.json", content)
    result = cli("remind", "--data", str(base_register), "--as-of", "2025-03-01", "--existing", "existing.json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_or_binary_existing_file_is_a_usage_error(base_register: Path, tmp_path: Path) -> None:
    result = cli("remind", "--data", str(base_register), "--existing", str(tmp_path / "nei.json"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "filen finnes ikke" in result.stderr
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe[]")
    result = cli("remind", "--data", str(base_register), "--existing", str(tmp_path / "bin.json"))
    assert result.exit_code == 2
    assert "ikke UTF-8" in result.stderr


def test_a_register_with_errors_is_refused_so_no_issue_is_closed_by_mistake(base_register: Path) -> None:
    write(base_register / "plans" / "helseplan.yaml", "id: helseplan\ntitle: [\n")
    result = cli("remind", "--data", str(base_register), "--as-of", "2025-03-01", "--format", "json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "registeret har feil" in result.stderr


def test_within_months_is_bounded(base_register: Path) -> None:
    assert cli("remind", "--data", str(base_register), "--within-months", "25").exit_code == 2
    assert cli("remind", "--data", str(base_register), "--within-months", "-1").exit_code == 2
    assert cli("remind", "--data", str(base_register), "--as-of", "2025-03-01", "--within-months", "0").exit_code == 0


# --- github-users.yaml -------------------------------------------------------------------------


def test_a_mapped_name_no_plan_uses_is_a_warning(base_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(base_register)
    write(base_register / "github-users.yaml", USERS)
    result = cli("validate", "--data", ".", "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["line"], p["column"], p["severity"], p["code"]) for p in problems] == [
        ("github-users.yaml", 2, 18, "warning", "github-user-unused"),
        ("github-users.yaml", 4, 18, "warning", "github-user-unused"),
    ]
    assert result.exit_code == 0
    assert cli("validate", "--data", ".", "--strict").exit_code == 1
    path = base_register / "plans" / "helseplan.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "responsible: enhetsleder HELSE\n", encoding="utf-8")
    problems = json.loads(cli("validate", "--data", ".", "--format", "json").stdout)["problems"]
    assert [p["line"] for p in problems] == [2]


# --- init --------------------------------------------------------------------------------------


def test_init_writes_the_reminders_workflow_on_the_day_asked(tmp_path: Path) -> None:
    target = tmp_path / "ny"
    result = cli(
        "init",
        str(target),
        "--municipality",
        "3401",
        "--name",
        "Kongsvinger",
        "--install",
        "planstrategi==0.2.0",
        "--remind-day",
        "15",
    )
    assert result.exit_code == 0, result.output
    workflow = (target / ".github/workflows/planstrategi-reminders.yml").read_text(encoding="utf-8")
    assert '    - cron: "17 6 15 * *"' in workflow
    assert 'PLANSTRATEGI: "planstrategi==0.2.0"' in workflow
    default = tmp_path / "standard"
    assert (
        cli("init", str(default), "--municipality", "3401", "--name", "K", "--install", "planstrategi==0.2.0").exit_code
        == 0
    )
    assert '"17 6 1 * *"' in (default / ".github/workflows/planstrategi-reminders.yml").read_text(encoding="utf-8")
    for day in ("0", "29"):
        assert cli("init", str(tmp_path / day), "--municipality", "3401", "--remind-day", day).exit_code == 2


# --- the README --------------------------------------------------------------------------------


def test_the_readme_describes_github_users_yaml_as_the_model_does() -> None:
    from test_docs import README, _section, field_table

    from planstrategi.model.github import GitHubUser, GitHubUserFile

    files = _section("The register's files")
    for model in (GitHubUserFile, GitHubUser):
        assert field_table(model) in files, f"README: the table of {model.__name__} differs from the model"
    assert "| `github-users.yaml` |" in files
    assert "### `planstrategi remind" in README


def test_the_readme_issue_body_is_what_remind_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    from test_docs import README

    monkeypatch.chdir(ROOT)
    data = actions_json("--as-of", "2025-03-01")
    body = next(a["body"] for a in data["actions"] if a["plan"] == "finansforvaltning")
    assert f"```markdown\n{body}```\n" in README


def test_a_huge_title_is_cut_in_the_title_and_the_body(base_register: Path) -> None:
    path = base_register / "plans" / "delegeringsreglement.yaml"
    huge = "<@" * 20_000
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Politisk delegeringsreglement", f'title: "{huge}"'),
        encoding="utf-8",
    )
    data = actions_json("--data", str(base_register), "--as-of", "2025-03-01")
    action = next(a for a in data["actions"] if a["plan"] == "delegeringsreglement")
    assert len(action["title"]) <= 256 and action["title"].endswith("… – forfalt")
    assert len(action["body"]) < 65_536 // 4


def test_a_mapping_of_thousands_of_unused_names_reports_the_first_ones(base_register: Path) -> None:
    entries = "".join(f"  - responsible: Person {i}\n    login: person-{i}\n" for i in range(3000))
    write(base_register / "github-users.yaml", "users:\n" + entries)
    register = reg.load(base_register)
    problems = [p for p in register.problems if p.path.endswith("github-users.yaml")]
    assert [p.code for p in problems[:2]] == ["github-user-unused"] * 2
    assert (problems[0].line, problems[1].line) == (2, 4)
    assert problems[-1].code == "more-problems" and len(problems) == 101
    assert len(register.github_users) == 3000
