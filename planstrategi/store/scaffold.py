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
from planstrategi.store.register import CATEGORIES_FILE, GOALS_DIR, MUNICIPALITIES_FILE, PLANS_DIR, SUFFIX

#: Where the bundled register (Os kommune) lies in a checkout; absent in an installed wheel.
BUNDLED_DATA = Path(__file__).resolve().parents[2] / "data"

#: The groups ``init`` starts with when there is no bundled categories.yaml: the usual headings
#: of a planning strategy's plan overview.
DEFAULT_CATEGORIES: list[dict[str, str]] = [
    {"id": "politisk-styring", "name": "Politisk styring", "name_en": "Political governance"},
    {"id": "kommunikasjon", "name": "Kommunikasjon", "name_en": "Communication"},
    {"id": "arbeidsgiverpolitikken", "name": "Arbeidsgiverpolitikken", "name_en": "Employer policy"},
    {
        "id": "kommuneplan-og-okonomiplan",
        "name": "Kommuneplan og økonomiplan",
        "name_en": "Municipal master plan and financial plan",
    },
    {"id": "samfunn", "name": "Samfunn", "name_en": "Community"},
    {"id": "helse-og-omsorg", "name": "Helse og omsorg", "name_en": "Health and care"},
    {"id": "interkommunalt", "name": "Interkommunalt samarbeid", "name_en": "Inter-municipal cooperation"},
    {"id": "okonomi-reglementer", "name": "Vedtekter og reglementer økonomi", "name_en": "Financial regulations"},
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
    """The name of a municipality the bundled register knows, else None."""
    municipalities: MunicipalityFile | None = load_setting(BUNDLED_DATA, MUNICIPALITIES_FILE, MunicipalityFile)
    for municipality in municipalities.municipalities if municipalities else ():
        if municipality.number == number:
            return municipality.name
    return None


def starting_categories() -> list[dict[str, Any]]:
    """The bundled register's groups if it is there, else the built-in list."""
    categories: CategoryFile | None = load_setting(BUNDLED_DATA, CATEGORIES_FILE, CategoryFile)
    if categories is None:
        return DEFAULT_CATEGORIES
    return [c.model_dump(exclude_none=True) for c in categories.categories]


def register_files(number: str, name: str, install: Install) -> dict[str, str]:
    """Every file ``init`` writes: path relative to the new repository -> text; CI and pre-commit
    install planstrategi as ``install`` says."""
    municipalities = {"home": number, "municipalities": [{"number": number, "name": name}]}
    files = {
        f"data/{CATEGORIES_FILE}": yamlio.dump(
            {"categories": starting_categories()}, schema.header(schema.CATEGORIES_SCHEMA, 1)
        ),
        f"data/{MUNICIPALITIES_FILE}": yamlio.dump(municipalities, schema.header(schema.MUNICIPALITIES_SCHEMA, 1)),
        f"data/{PLANS_DIR}/.gitkeep": "",
        f"data/{GOALS_DIR}/.gitkeep": "",
        "README.md": t("init.readme", name=name, number=number),
        ".pre-commit-config.yaml": templates.pre_commit_config(install),
        ".github/workflows/validate.yml": templates.workflow(install),
    }
    files.update({f"schemas/{file}": text for file, text in schema.generate().items()})
    return files
