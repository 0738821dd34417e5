"""A whole register folder: load every file into models, gather every problem, check across files.

Layout of a register (found by ``discovery.resolve_root``)::

    categories.yaml        the groups of the plan overview, in display order
    municipalities.yaml    the home municipality, its partners and their cooperation
    plans/<id>.yaml        one plan each
    goals/<plan-id>.yaml   the goals, strategies and measures of one plan
    requirements.yaml      the statutory and recommended plans (optional)
    github-users.yaml      who each responsible is on GitHub, for the reminder issues (optional)

Loading never stops at the first bad file: every file is read and checked, and the problems of
all of them come back together with whatever did load.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from planstrategi.i18n import t
from planstrategi.model import RevisionState, Status
from planstrategi.model.problems import Problem, Severity, printable
from planstrategi.store.discovery import RegisterNotFound as RegisterNotFound  # the commands catch it from here
from planstrategi.store.discovery import resolve_root as resolve_root

if TYPE_CHECKING:  # imported where a load needs them: a question answered from the cache needs neither
    from pydantic import BaseModel

    from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan, Requirement
    from planstrategi.store import yamlio

M = TypeVar("M", bound="BaseModel")
Loc = tuple[str | int, ...]  # yamlio.Loc, without importing yamlio

PLANS_DIR = "plans"
GOALS_DIR = "goals"
CATEGORIES_FILE = "categories.yaml"
MUNICIPALITIES_FILE = "municipalities.yaml"
REQUIREMENTS_FILE = "requirements.yaml"
GITHUB_USERS_FILE = "github-users.yaml"
SUFFIX = ".yaml"


class Facts(NamedTuple):
    """What the checks across files need of one plan that loaded (``facts``).

    Small and plain, so a worker hands it back for a fraction of what the model costs to send and
    validate again: ``validate`` needs no more of a plan than this (``load(…, models=False)``).
    """

    id: str
    refs: tuple[tuple[Loc, str], ...]  # supersedes, superseded_by, part_of: other plans' ids
    requirements: tuple[str, ...]
    category: str
    municipalities: tuple[tuple[Loc, str], ...]  # municipality, host, partners
    responsible: str | None
    expiry: int | None  # valid_to, when its running out with nothing planned is a warning (_expiry)
    kind: str  # plan, strategi … (a reserved file name's new name ends in it)


@dataclass
class Loaded:
    """One file loaded: the model (None if it failed) and its problems."""

    path: Path
    shown: str
    model: BaseModel | None
    problems: list[Problem]
    hidden: int = 0  # problems past yamlio.MAX_PROBLEMS_PER_FILE, counted in a "more-problems" problem
    facts: Facts | None = None  # a plan that loaded (also when the model itself was not kept)


@dataclass
class Register:
    """Everything that loaded, and every problem found on the way."""

    root: Path
    plans: dict[str, Plan] = field(default_factory=dict)
    goals: dict[str, GoalSet] = field(default_factory=dict)
    municipalities: MunicipalityFile | None = None
    categories: CategoryFile | None = None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    plan_paths: dict[str, Path] = field(default_factory=dict)
    goal_paths: dict[str, Path] = field(default_factory=dict)
    requirements: dict[str, Requirement] = field(default_factory=dict)
    github_users: dict[str, str] = field(default_factory=dict)  # responsible, casefolded -> GitHub login
    hidden: dict[str, int] = field(default_factory=dict)  # shown path -> problems past the cap
    #: Plan files that did not load, by the id their name gives (the stem) -> the path as shown. A
    #: question about one says the file is broken, not that the plan does not exist, and references
    #: to it are not reported again as unknown.
    broken: dict[str, str] = field(default_factory=dict)
    requirements_broken: bool = False  # requirements.yaml is there but did not load: its ids are unknown
    #: Every plan that loaded, by id, as the checks across files see it; in the order of ``plans``
    #: (empty in a register read from the cache, which is checked already).
    facts: dict[str, Facts] = field(default_factory=dict)

    def category_order(self) -> list[str]:
        return [c.id for c in self.categories.categories] if self.categories else []

    def category_name(self, category_id: str, lang: str = "nb") -> str:
        for category in self.categories.categories if self.categories else ():
            if category.id == category_id:
                return (category.name_en or category.name) if lang == "en" else category.name
        return category_id

    def municipality_name(self, number: str) -> str:
        for municipality in self.municipalities.municipalities if self.municipalities else ():
            if municipality.number == number:
                return municipality.name or number
        return number

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=Problem.sort_key)


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    # String operations, not Path.relative_to: this runs once per file (36,000 in the benchmark).
    text = os.fspath(path)
    if not text.isprintable():  # a file named "x\n::error …" or with terminal escapes must not reach the log raw
        text = printable(text, len(text) * 10)
    if not os.path.isabs(text):
        return text
    cwd = os.getcwd()
    prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
    return text[len(prefix) :] if text.startswith(prefix) else text


def load(
    root: Path,
    *,
    as_of: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    models: bool = True,
) -> Register:
    """Load the register at ``root``. With ``as_of``, add the warnings that depend on the date.

    ``models=False`` is for ``validate``: every file is checked and every problem found as with
    models, but the plans are not kept (``plans`` stays empty; ``facts`` has what the checks across
    files need), so the workers of a large register hand back far less.
    """
    from planstrategi.model import CategoryFile, GoalSet, MunicipalityFile, Plan

    register = Register(root=root)
    real_root = root.resolve()

    for name, model, attr in (
        (CATEGORIES_FILE, CategoryFile, "categories"),
        (MUNICIPALITIES_FILE, MunicipalityFile, "municipalities"),
    ):
        path = root / name
        if not os.path.lexists(path):  # a link that loops "does not exist" to exists(): read it and say so
            register.problems.append(_error(display_path(path), 0, 0, "missing-file", name=name))
            continue
        loaded = load_file(path, model, real_root)
        _add_loaded(register, loaded)
        setattr(register, attr, loaded.model)
    if register.municipalities is not None:
        _name_municipalities(register, register.municipalities, root / MUNICIPALITIES_FILE)

    _load_requirements(register, root / REQUIREMENTS_FILE, real_root)

    for loaded in _load_all(_yaml_files(root / PLANS_DIR), Plan, real_root, progress, models):
        _add_loaded(register, loaded)
        if loaded.facts is not None:
            _add_plan(
                register, loaded, loaded.facts, loaded.model if models and isinstance(loaded.model, Plan) else None
            )
        else:
            register.broken.setdefault(loaded.path.stem, loaded.shown)

    for loaded in _load_all(_yaml_files(root / GOALS_DIR), GoalSet, real_root, progress, True):
        _add_loaded(register, loaded)
        if isinstance(loaded.model, GoalSet):
            _add_goals(register, loaded, loaded.model)

    for folder in (PLANS_DIR, GOALS_DIR):
        register.problems.extend(folder_problems(root / folder))
        listed = _listing(root / folder)
        register.problems.extend(_ignored_files(root / folder, listed))
        register.problems.extend(file_name_problems(root / folder, listed, register.facts))
    _check_references(register)
    _load_github_users(register, root / GITHUB_USERS_FILE, real_root)
    if as_of is not None:
        _check_dates(register, as_of)
    if register.hidden:
        _cap_files(register)
    return register


def load_cached(root: Path, *, cache: bool = True) -> Register:
    """For the questions that only read (``due``, ``overdue``, ``list``, ``table``, ``show``): the
    register from ``store/cache.py`` when no file has changed since it was cached, else ``load``
    (and the cache written). A cached register has the files' errors, not their warnings; none
    depends on a date, so one cache serves every ``--as-of``."""
    from planstrategi import i18n
    from planstrategi.store import cache as stored

    if not cache or not stored.enabled():
        return load(root)
    found, now = stored.read(root, i18n.language())
    if found is not None:
        return found
    register = load(root)
    stored.write(root, register, now)
    return register


def _name_municipalities(register: Register, listed: MunicipalityFile, path: Path) -> None:
    """Names for the municipalities given by number alone, from the tool's list of every municipality."""
    if all(m.name is not None for m in listed.municipalities):
        return
    from planstrategi.store import municipalities  # the list is read only when a name is missing

    register.municipalities, unknown = municipalities.with_names(listed)
    for index in unknown:
        number = listed.municipalities[index].number
        line, column = _locate(path, ("municipalities", index, "number"))
        register.problems.append(_error(display_path(path), line, column, "municipality-unnamed", number=number))


def _add_loaded(register: Register, loaded: Loaded) -> None:
    register.files += 1
    register.problems.extend(loaded.problems)
    if loaded.hidden:
        register.hidden[loaded.shown] = register.hidden.get(loaded.shown, 0) + loaded.hidden


def _cap_files(register: Register) -> None:
    """Every file's problems within the cap again, once the checks across files have added theirs."""
    from planstrategi.store import yamlio

    by_path: dict[str, list[Problem]] = {}
    for problem in register.problems:
        by_path.setdefault(problem.path, []).append(problem)
    register.problems = []
    for path, problems in by_path.items():
        hidden = register.hidden.get(path, 0)
        register.problems.extend(yamlio.cap(problems, hidden) if hidden else problems)


def _room(register: Register, shown: str, made: dict[str, int]) -> bool:
    """Is there room for one more problem across files in ``shown``? If not, it is counted instead."""
    from planstrategi.store import yamlio

    made[shown] = made.get(shown, 0) + 1
    if made[shown] <= yamlio.MAX_PROBLEMS_PER_FILE:
        return True
    register.hidden[shown] = register.hidden.get(shown, 0) + 1
    return False


def folder_problems(folder: Path) -> list[Problem]:
    """Why ``plans/`` or ``goals/`` cannot be listed (a link loop, no permission), if it exists but cannot.

    A missing folder is fine (a register without goals); one that is there but unreadable would
    otherwise hide every file in it without a word.
    """
    if not os.path.lexists(folder):
        return []
    try:
        with os.scandir(folder):
            return []
    except NotADirectoryError:
        return [_error(display_path(folder), 0, 0, "not-a-folder")]
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return [_error(display_path(folder), 0, 0, "link-loop")]
        return [_error(display_path(folder), 0, 0, "unreadable-folder", reason=exc.strerror or type(exc).__name__)]


def _listing(folder: Path) -> dict[str, bool]:
    """The names in ``folder``, each with whether it is a regular file (not a link); {} if it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name: entry.is_file(follow_symlinks=False) for entry in entries}
    except OSError:
        return {}


def _ignored_files(folder: Path, listed: dict[str, bool]) -> list[Problem]:
    """A warning for each file the load passes over: `plan.yml`, `plan.YAML`, `notes.txt` …

    Hidden files (`.gitkeep`) are left alone. From the one listing of the folder, so it is cheap.
    """
    names = sorted(name for name, is_file in listed.items() if is_file)
    return [
        Problem(
            display_path(folder / name),
            0,
            0,
            Severity.WARNING,
            "ignored-file",
            t("ignored-file", folder=folder.name, stem=printable(name.rsplit(".", 1)[0], len(name) * 10)),
        )
        for name in names
        if not name.endswith(SUFFIX) and not name.startswith(".")
    ]


#: A stem of ASCII characters no longer than this is never shortened by ``new`` (``scaffold.plan_id``
#: cuts slugs at ``scaffold.MAX_ID_CHARS``, 80, and a slug of ASCII text is never longer than the
#: text): the usual name is judged without importing scaffold. tests/test_hostile.py keeps it below.
_SURELY_SHORT = 64


def file_name_problems(folder: Path, names: Iterable[str], plans: Mapping[str, Facts]) -> list[Problem]:
    """A warning for each ``.yaml`` name in ``folder`` that breaks elsewhere, with the name to use.

    ``reserved-file-name``: CON, PRN, AUX, NUL, COM1-9, LPT1-9 in any case and with any extension,
    which Windows cannot have as files (a clone there fails). ``long-file-name``: over 255 bytes of
    UTF-8, or longer than the ids ``new`` and ``import`` make (a path on Windows may be 260
    characters in all). The name offered is the one ``new`` would make (``scaffold.plan_id``), with
    the kind of the plan of that id (``plans``) in the ``-kind`` it adds to a reserved name.
    """
    from planstrategi.store import safeio

    found: list[Problem] = []
    for name in sorted(names):
        if not name.endswith(SUFFIX) or name.startswith("."):
            continue
        stem = name[: -len(SUFFIX)]
        reserved = safeio.reserved_name(name)
        if not reserved and stem.isascii() and len(stem) <= _SURELY_SHORT:
            continue
        from planstrategi.store import scaffold  # only for a name that may be wrong: it is slow to import

        size = len(os.fsencode(name))
        long = size > safeio.MAX_NAME_BYTES or len(scaffold.slugify(stem)) > scaffold.MAX_ID_CHARS
        if not reserved and not long:
            continue
        kind = plans[stem].kind if stem in plans else "plan"
        new = scaffold.plan_id(stem, kind) or kind
        code = "reserved-file-name" if reserved else "long-file-name"
        key = code if folder.name == PLANS_DIR else f"{code}.goals"
        message = t(key, name=printable(name), new=new, length=size, limit=scaffold.MAX_ID_CHARS)
        found.append(Problem(display_path(folder / name), 1, 1, Severity.WARNING, code, message))
    return found


def _yaml_files(folder: Path) -> list[Path]:
    from planstrategi.store import parallel

    return parallel.yaml_files(folder)


def load_file(path: Path, model: type[M], real_root: Path, *, inside: bool | None = None) -> Loaded:
    """Read, parse and validate one file; refuses files that resolve outside the register.

    ``inside`` is the outcome of that check when the caller has made it already for many files at
    once (``parallel.inside_flags``); None checks here.
    """
    from planstrategi.model import CategoryFile, MunicipalityFile, Plan
    from planstrategi.store import modelcheck, plancheck, safeio, sharedcheck, textcheck, yamlio

    shown = display_path(path)
    if inside is None:
        real = safeio.resolved(path)  # None: a link loop, which reading reports
        inside = real is None or real.is_relative_to(real_root)
    if not inside:
        return Loaded(path, shown, None, [_error(shown, 0, 0, "outside-data")])
    document = yamlio.read_document(path, shown)
    if document.data is None:
        return Loaded(path, shown, None, document.problems)
    unsafe, unsafe_hidden = textcheck.check(document)  # "\e" in a title, .nan; the model says no more there
    document.found_at |= {(p.line, p.column) for p in unsafe}
    instance, problems, hidden = modelcheck.check_counted(document, model)
    if any(p.severity is Severity.ERROR for p in document.problems):
        instance = None  # a duplicate key or a YAML trap means the data is not what was written
    if isinstance(instance, Plan):
        # The plan stays loaded: its fields have their types, so the reports can still use it, and
        # dropping it would turn every reference to it (goals, supersedes) into errors of their own.
        problems.extend(plancheck.check(document, instance))
    elif isinstance(instance, CategoryFile | MunicipalityFile):
        problems.extend(sharedcheck.check(document, instance))  # duplicate ids and numbers, a home not listed
    found = document.problems + unsafe + problems
    never_made = hidden + document.hidden + unsafe_hidden
    dropped = never_made + max(0, len(found) - yamlio.MAX_PROBLEMS_PER_FILE)
    summary = facts(instance) if isinstance(instance, Plan) else None
    return Loaded(path, shown, instance, yamlio.cap(found, never_made), dropped, summary)


def facts(plan: Plan) -> Facts:
    """What the checks across files need of ``plan``."""
    refs = tuple(_plan_refs(plan))
    numbers = tuple(_municipality_refs(plan))
    return Facts(
        plan.id,
        refs,
        tuple(plan.requirements),
        plan.category,
        numbers,
        plan.responsible,
        _expiry(plan),
        plan.kind.value,
    )


def _load_all(
    paths: list[Path], model: type[M], real_root: Path, progress: Callable[[int], None] | None, models: bool
) -> Iterator[Loaded]:
    from planstrategi.store import parallel  # one process for small registers, every core for large ones

    yield from parallel.load_many(paths, model, real_root, progress, models=models)


def _load_requirements(register: Register, path: Path, real_root: Path) -> None:
    """requirements.yaml is optional: a register without it simply has no requirements."""
    from planstrategi.model import RequirementFile

    if not os.path.lexists(path):
        return
    loaded = load_file(path, RequirementFile, real_root)
    _add_loaded(register, loaded)
    if not isinstance(loaded.model, RequirementFile):
        register.requirements_broken = True
        return
    for index, requirement in enumerate(loaded.model.requirements):
        if requirement.id in register.requirements:
            line, column = _locate(path, ("requirements", index, "id"))
            register.problems.append(_error(loaded.shown, line, column, "duplicate-requirement", id=requirement.id))
            continue
        register.requirements[requirement.id] = requirement


def _load_github_users(register: Register, path: Path, real_root: Path) -> None:
    """github-users.yaml is optional. A responsible mapped twice is an error; one no plan names, a warning."""
    from planstrategi.model.github import GitHubUserFile

    if not os.path.lexists(path):
        return
    loaded = load_file(path, GitHubUserFile, real_root)
    _add_loaded(register, loaded)
    if not isinstance(loaded.model, GitHubUserFile):
        return
    used = {plan.responsible.casefold() for plan in register.facts.values() if plan.responsible}
    made: dict[str, int] = {}  # a file of 100,000 unused names is told about the first ones
    for index, user in enumerate(loaded.model.users):
        name = user.responsible.casefold()
        twice = name in register.github_users
        register.github_users.setdefault(name, user.login)
        if (twice or name not in used) and _room(register, loaded.shown, made):
            line, column = _locate(path, ("users", index, "responsible"))
            if twice:
                register.problems.append(_error(loaded.shown, line, column, "github-user-twice", name=user.responsible))
            else:
                message = t("github-user-unused", name=user.responsible)
                register.problems.append(
                    Problem(loaded.shown, line, column, Severity.WARNING, "github-user-unused", message)
                )


def _stem(path: Path) -> str:
    """``path.stem`` for a ``*.yaml`` file, by string operations (this runs once per plan file)."""
    name = os.path.basename(path)
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) and len(name) > len(SUFFIX) else path.stem


def _add_plan(register: Register, loaded: Loaded, facts: Facts, plan: Plan | None) -> None:
    """A plan that loaded, by its id; ``plan`` None when the model is not kept (``models=False``)."""
    plan_id = facts.id
    stem = _stem(loaded.path)
    if plan_id != stem:
        line, column = _locate(loaded.path, ("id",))
        taken = (loaded.path.parent / f"{plan_id}{SUFFIX}").exists()  # then "rename the file" would clash
        message = t("id-mismatch-taken" if taken else "id-mismatch", id=plan_id, stem=printable(stem))
        register.problems.append(Problem(loaded.shown, line, column, Severity.ERROR, "id-mismatch", message))
    if plan_id in register.facts:
        kept = register.plan_paths[plan_id]
        blamed = loaded.path
        if _stem(kept) != plan_id and stem == plan_id:
            # The file named after the id keeps it, whichever sorts first; the misnamed copy is blamed.
            register.facts[plan_id], register.plan_paths[plan_id] = facts, loaded.path
            if plan is not None:
                register.plans[plan_id] = plan
            kept, blamed = loaded.path, kept
        line, column = _locate(blamed, ("id",))
        other = display_path(kept)
        register.problems.append(_error(display_path(blamed), line, column, "duplicate-id", id=plan_id, other=other))
        return
    register.facts[plan_id] = facts
    if plan is not None:
        register.plans[plan_id] = plan
    register.plan_paths[plan_id] = loaded.path


def _add_goals(register: Register, loaded: Loaded, goals: GoalSet) -> None:
    if goals.plan in register.goals:
        line, column = _locate(loaded.path, ("plan",))
        other = display_path(register.goal_paths[goals.plan])
        register.problems.append(_error(loaded.shown, line, column, "duplicate-goals", id=goals.plan, other=other))
        return
    register.goals[goals.plan] = goals
    register.goal_paths[goals.plan] = loaded.path


def _check_references(register: Register) -> None:
    """References between files: plans, groups and municipalities that must exist."""
    known_municipalities = (
        {m.number for m in register.municipalities.municipalities} if register.municipalities else None
    )
    categories = set(register.category_order()) if register.categories else None
    made: dict[str, int] = {}  # a plan of 100,000 unknown references is told about the first ones
    known = register.facts
    for plan_id, plan in known.items():
        path = register.plan_paths[plan_id]
        shown = display_path(path)
        for loc, ref in plan.refs:
            if ref not in known and ref not in register.broken and _room(register, shown, made):
                register.problems.append(
                    _ref_error(path, loc, "unknown-plan", key=loc[0], id=ref, hint=_hint(ref, known))
                )
        for index, ref in enumerate(plan.requirements):
            if ref not in register.requirements and not register.requirements_broken and _room(register, shown, made):
                loc = ("requirements", index)
                hint = _hint(ref, register.requirements)
                register.problems.append(_ref_error(path, loc, "unknown-requirement", id=ref, hint=hint))
        if categories is not None and plan.category not in categories:
            register.problems.append(
                _ref_error(
                    path, ("category",), "unknown-category", id=plan.category, hint=_hint(plan.category, categories)
                )
            )
        if known_municipalities is not None:
            for loc, number in plan.municipalities:
                if number not in known_municipalities and _room(register, shown, made):
                    register.problems.append(_ref_error(path, loc, "unknown-municipality", number=number))
    for plan_id in register.goals:
        if plan_id not in known and plan_id not in register.broken:
            path = register.goal_paths[plan_id]
            register.problems.append(
                _ref_error(path, ("plan",), "unknown-plan", key="plan", id=plan_id, hint=_hint(plan_id, known))
            )


def _plan_refs(plan: Plan) -> Iterable[tuple[yamlio.Loc, str]]:
    for index, ref in enumerate(plan.supersedes):
        yield ("supersedes", index), ref
    if plan.superseded_by:
        yield ("superseded_by",), plan.superseded_by
    if plan.part_of:
        yield ("part_of",), plan.part_of


def _municipality_refs(plan: Plan) -> Iterable[tuple[yamlio.Loc, str]]:
    yield ("municipality",), plan.municipality
    if plan.host:
        yield ("host",), plan.host
    for index, number in enumerate(plan.partners):
        yield ("partners", index), number


def _expiry(plan: Plan) -> int | None:
    """The plan's ``valid_to`` if, once that year is past, the plan is out of date with nothing planned."""
    if plan.valid_to is None or plan.status in (Status.UTGATT, Status.ERSTATTET, Status.UNDER_REVISJON):
        return None
    if any(r.year >= plan.valid_to for r in plan.revisions if r.pending):
        return None  # a revision is planned: due and table say when
    if any(_year(r.decided_on) >= plan.valid_to for r in plan.revisions if r.state is RevisionState.VEDTATT):
        return None  # revised in its last year of validity or later (the engine's rule)
    return plan.valid_to


def _check_dates(register: Register, as_of: dt.date) -> None:
    """Warnings that depend on the date: a validity that has run out with nothing planned."""
    for plan_id, plan in register.facts.items():
        if plan.expiry is None or plan.expiry >= as_of.year:
            continue
        path = register.plan_paths[plan_id]
        line, column = _locate(path, ("valid_to",))
        message = t("expired-unplanned", year=plan.expiry)
        register.problems.append(
            Problem(display_path(path), line, column, Severity.WARNING, "expired-unplanned", message)
        )


def _year(value: int | dt.date) -> int:
    return value.year if isinstance(value, dt.date) else value


def _hint(ref: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return t("did-you-mean", name=close[0]) if close else ""


def _ref_error(path: Path, loc: yamlio.Loc, code: str, **params: object) -> Problem:
    line, column = _locate(path, loc)
    return _error(display_path(path), line, column, code, **params)


def _locate(path: Path, loc: yamlio.Loc) -> tuple[int, int]:
    from planstrategi.store import yamlio

    text, _ = yamlio.read_text(path, str(path))
    return yamlio.locate(text, loc) if text is not None else (0, 0)


def _error(shown: str, line: int, column: int, code: str, **params: object) -> Problem:
    return Problem(shown, line, column, Severity.ERROR, code, t(code, **params))
