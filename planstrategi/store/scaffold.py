"""New files from nothing: a plan file (``planstrategi new``) and a whole register (``planstrategi init``).

Every file is built as data, dumped with ``yamlio.dump`` (with its ``yaml-language-server``
header), read back through the same loader and model check as ``validate``, and only then
written through ``safeio``. So the tool never writes a file that ``validate`` would refuse.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any

from planstrategi.i18n import t
from planstrategi.model import CategoryFile, MunicipalityFile, Plan, Status
from planstrategi.model.problems import Problem
from planstrategi.store import modelcheck, register, safeio, schema, templates, yamlio
from planstrategi.store.install import Install
from planstrategi.store.register import (
    CATEGORIES_FILE,
    GOALS_DIR,
    MUNICIPALITIES_FILE,
    PLANS_DIR,
    REQUIREMENTS_FILE,
    SUFFIX,
)

#: The package's own data folder: the list of every municipality, README templates and, in a built
#: wheel, the example registers (``os/``; setup.py copies the checkout's data/ there).
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"


def _bundled_register() -> Path:
    """Where the Os register lies: in a wheel inside the package, in a checkout the top-level data/."""
    packaged = PACKAGE_DATA / "os"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    return checkout / "data" if (checkout / "pyproject.toml").is_file() else packaged


#: The bundled register (Os kommune): the example ``init --example os`` copies, and the national
#: requirements catalogue (its requirements.yaml) every new register starts with.
BUNDLED_DATA = _bundled_register()

#: The examples ``init --example`` knows.
EXAMPLES = ("os",)

#: The groups a new register starts with: those of the appendix of Os kommune's planning strategy
#: 2024–2027 (the seed), with the one group that is Os's own ("Interkommunalt samarbeid ROH") made
#: general. Ids are the bundled register's, so a plan file moves between registers unchanged.
DEFAULT_CATEGORIES: list[dict[str, str]] = [
    {"id": "politisk-styring", "name": "Politisk styring", "name_en": "Political governance"},
    {"id": "kommunikasjon", "name": "Kommunikasjon", "name_en": "Communication"},
    {"id": "arbeidsgiverpolitikken", "name": "Arbeidsgiverpolitikken", "name_en": "Employer policy"},
    {
        "id": "kommuneplan-og-okonomiplan",
        "name": "Kommuneplan og økonomiplan",
        "name_en": "Municipal master plan and financial plan",
    },
    {
        "id": "samfunn-tverrfaglig",
        "name": "Samfunn – tverrfaglige planer og strategier",
        "name_en": "Community – cross-sector plans and strategies",
    },
    {
        "id": "samfunn-kultur-naering-teknisk",
        "name": "Samfunn – kultur, næring og teknisk",
        "name_en": "Community – culture, business and technical services",
    },
    {"id": "helse-og-omsorg", "name": "Helse og omsorg", "name_en": "Health and care"},
    {"id": "interkommunalt", "name": "Interkommunalt samarbeid", "name_en": "Inter-municipal cooperation"},
    {"id": "landbruk", "name": "Landbruk", "name_en": "Agriculture"},
    {
        "id": "okonomi-reglementer",
        "name": "Vedtekter og reglementer økonomi",
        "name_en": "Financial statutes and regulations",
    },
    {"id": "retningslinjer", "name": "Retningslinjer", "name_en": "Guidelines"},
]

_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})


class ScaffoldError(Exception):
    """The file cannot be made; ``message`` says why in the planner's words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def slugify(title: str) -> str:
    """The id for a title: æ→ae, ø→o, å→a, other accents dropped, lower case, hyphens."""
    text = unicodedata.normalize("NFKD", title.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


#: Longest id ``new`` and ``import`` make from a title: the file name (id + .yaml) then stays far below
#: the 255 bytes a file system allows, also with the folders in front (Windows counts 260 in all).
MAX_ID_CHARS = 80


def plan_id(title: str, kind: str) -> str:
    """The id (and file name) for a new plan: the title's slug, cut at a hyphen to MAX_ID_CHARS, and
    ``-<kind>`` added where the name is one Windows reserves (``con`` becomes ``con-plan``)."""
    slug = slugify(title)
    if len(slug) > MAX_ID_CHARS:  # a slug is ASCII: characters are bytes
        cut = slug[: MAX_ID_CHARS + 1]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_ID_CHARS]).strip("-")
    if slug and safeio.reserved_name(f"{slug}{SUFFIX}"):
        slug = f"{slug}-{slugify(kind) or 'plan'}"
    return slug


def plan_path(plan_id: str) -> PurePosixPath:
    """Where a plan's file lies inside the register folder."""
    return PurePosixPath(PLANS_DIR) / f"{plan_id}{SUFFIX}"


def parse_adopted(value: str) -> int | dt.date:
    """``2021`` or ``2021-11-18`` (also ``18.11.2021``, as Norwegian spreadsheets write it)."""
    value = value.strip()
    if re.fullmatch(r"[0-9]{4}", value):
        return int(value)
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def plan_data(
    title: str,
    category: str,
    kind: str,
    municipality: str,
    *,
    adopted: int | dt.date | None = None,
    revisions: list[int] | None = None,
    remarks: str | None = None,
) -> dict[str, Any]:
    """A plan as data, keys in the model's order: adopted plans are current, the others drafts."""
    data: dict[str, Any] = {
        "id": plan_id(title, kind),
        "title": title.strip(),
        "category": category,
        "kind": kind,
        "municipality": municipality,
    }
    if adopted is not None:
        data["adopted"] = adopted
    if revisions:
        data["revisions"] = [{"target": year} for year in sorted(set(revisions))]
    data["status"] = (Status.GJELDENDE if adopted is not None else Status.UTKAST).value
    if remarks:
        data["remarks"] = remarks.strip()
    return data


def render_plan(data: dict[str, Any], shown: str) -> tuple[str, list[Problem]]:
    """The file text for a plan, and the problems validate would find in it (none, normally)."""
    text = yamlio.dump(data, schema.header(schema.PLAN_SCHEMA, 2))
    document = yamlio.parse(text, shown)
    _, problems = modelcheck.check(document, Plan)
    return text, document.problems + problems


def load_setting(root: Path, name: str, model: type[Any]) -> Any:
    """categories.yaml or municipalities.yaml of a register, or None if it is missing or broken.

    Read as ``validate`` reads it (``register.load_file``): a link out of the register, a link
    loop, a pipe or a file with a YAML trap counts as broken, so ``new`` and ``import`` never use
    a file ``validate`` refuses."""
    path = root / name
    real_root = safeio.resolved(root)
    if not path.is_file() or real_root is None:
        return None
    return register.load_file(path, model, real_root).model


def check_references(root: Path, data: dict[str, Any]) -> list[str]:
    """What validate would say about the plan's group and municipality, as messages."""
    messages: list[str] = []
    categories: CategoryFile | None = load_setting(root, CATEGORIES_FILE, CategoryFile)
    if categories is not None:
        known = [c.id for c in categories.categories]
        if data["category"] not in known:
            messages.append(t("unknown-category", id=data["category"], hint=category_hint(data["category"], known)))
    municipalities: MunicipalityFile | None = load_setting(root, MUNICIPALITIES_FILE, MunicipalityFile)
    if municipalities is not None and data["municipality"] not in {m.number for m in municipalities.municipalities}:
        messages.append(t("unknown-municipality", number=data["municipality"]))
    return messages


def category_hint(value: str, known: list[str]) -> str:
    """ "; did you mean …?" for a near miss, else the list of known groups."""
    close = difflib.get_close_matches(slugify(value), known, n=1, cutoff=0.6)
    return t("did-you-mean", name=close[0]) if close else t("new.known-categories", names=", ".join(known))


def home_municipality(root: Path) -> str:
    """The home municipality of the register at ``root``; ScaffoldError if it cannot be read."""
    municipalities: MunicipalityFile | None = load_setting(root, MUNICIPALITIES_FILE, MunicipalityFile)
    if municipalities is None:
        raise ScaffoldError(t("new.no-home", path=root / MUNICIPALITIES_FILE))
    return municipalities.home


def municipality_name(number: str) -> str | None:
    """The name of the municipality with this number, from the list of every municipality."""
    from planstrategi.store import municipalities

    known = municipalities.lookup(number)
    return known.name if known else None


def municipalities_text(number: str, name: str) -> str:
    """municipalities.yaml for a new register: the home municipality, its county, and its language form
    as the output default where its language decision is known (else a comment saying how to set it)."""
    from planstrategi.store import municipalities

    known = municipalities.lookup(number)
    home: dict[str, Any] = {"number": number, "name": name}
    if known is not None:
        home["county"] = known.county
    language = municipalities.output_language(number)
    data: dict[str, Any] = {"home": number}
    if language is not None:
        data["language"] = language.value
    data["municipalities"] = [home]
    text = yamlio.dump(data, schema.header(schema.MUNICIPALITIES_SCHEMA, 1))
    if language is None:
        neutral = known is not None and known.language is not None
        comment = t("init.language-neutral" if neutral else "init.language-unknown")
        text = text.replace("\nmunicipalities:\n", f"\n{comment}\nmunicipalities:\n", 1)
    return text


def readme_text(number: str, name: str, language: str) -> str:
    """The new register repository's README, in ``language`` (nb, nn or en)."""
    template = (PACKAGE_DATA / f"register-readme.{language}.md").read_text(encoding="utf-8")
    return template.format(name=name, number=number)


def readme_language(number: str, ui_language: str) -> str:
    """English when the user asked for it; else the municipality's own language form, bokmål if unknown."""
    from planstrategi.store import municipalities

    if ui_language == "en":
        return "en"
    language = municipalities.output_language(number)
    return language.value if language is not None else "nb"


def national_requirements() -> str | None:
    """The text of the national requirements catalogue (the bundled requirements.yaml), if it is there."""
    path = BUNDLED_DATA / REQUIREMENTS_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else None


def example_files(example: str) -> dict[str, str]:
    """The files of a bundled example register, path under data/ -> text, exactly as they are."""
    if example not in EXAMPLES or not BUNDLED_DATA.is_dir():
        raise ScaffoldError(t("init.no-example", name=example, known=", ".join(EXAMPLES)))
    return {
        f"data/{path.relative_to(BUNDLED_DATA).as_posix()}": path.read_bytes().decode("utf-8")
        for path in sorted(BUNDLED_DATA.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _example_municipalities(files: dict[str, str]) -> MunicipalityFile:
    text = files.get(f"data/{MUNICIPALITIES_FILE}", "")
    listed, _ = modelcheck.check(yamlio.parse(text, MUNICIPALITIES_FILE), MunicipalityFile)
    if listed is None:
        raise ScaffoldError(t("init.example-broken", path=BUNDLED_DATA / MUNICIPALITIES_FILE))
    return listed


def example_home(files: dict[str, str]) -> str:
    """The home municipality of an example register (its municipalities.yaml)."""
    return _example_municipalities(files).home


def example_name(files: dict[str, str], number: str) -> str | None:
    """The name an example register gives ``number``, else the list's."""
    for municipality in _example_municipalities(files).municipalities:
        if municipality.number == number and municipality.name:
            return municipality.name
    return municipality_name(number)


def register_files(
    number: str,
    name: str,
    install: Install,
    remind_day: int = templates.DEFAULT_REMIND_DAY,
    *,
    ui_language: str = "nb",
) -> dict[str, str]:
    """Every file ``init`` writes: path relative to the new repository -> text; CI and pre-commit
    install planstrategi as ``install`` says, and the reminders run on ``remind_day`` of each month."""
    files = {
        f"data/{CATEGORIES_FILE}": yamlio.dump(
            {"categories": DEFAULT_CATEGORIES}, schema.header(schema.CATEGORIES_SCHEMA, 1)
        ),
        f"data/{MUNICIPALITIES_FILE}": municipalities_text(number, name),
        f"data/{PLANS_DIR}/.gitkeep": "",
        f"data/{GOALS_DIR}/.gitkeep": "",
    }
    requirements = national_requirements()
    if requirements is not None:
        files[f"data/{REQUIREMENTS_FILE}"] = requirements
    files.update(repository_files(number, name, install, remind_day, ui_language=ui_language))
    return files


def repository_files(
    number: str,
    name: str,
    install: Install,
    remind_day: int = templates.DEFAULT_REMIND_DAY,
    *,
    ui_language: str = "nb",
) -> dict[str, str]:
    """The files around data/: the README, pre-commit, the CI, reminders and Pages workflows and schemas/."""
    files = {
        "README.md": readme_text(number, name, readme_language(number, ui_language)),
        ".pre-commit-config.yaml": templates.pre_commit_config(install),
        ".github/workflows/validate.yml": templates.workflow(install),
        templates.REMINDERS_PATH: templates.reminders_workflow(install, remind_day),
        templates.PAGES_PATH: templates.pages_workflow(install),
    }
    files.update({f"schemas/{file}": text for file, text in schema.generate().items()})
    return files
