"""The gettext catalogues: every key in every language with the same placeholders, plural forms
done right, every key the code asks for present, the compiled .mo current, and the .mo in the wheel."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import importlib.util
import shutil
import string
import subprocess
import sys
import zipfile
from functools import cache
from importlib import metadata
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from planstrategi import i18n
from planstrategi.i18n import LANGUAGES, t, tn

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "planstrategi"
sys.path.insert(0, str(ROOT / "dev"))
import catalogue as catalogue_tool  # noqa: E402  (dev/catalogue.py, a script beside the package)


@cache
def po(lang: str) -> Catalog:
    with catalogue_tool.po_path(lang).open("rb") as stream:
        return read_po(stream, locale=lang)


def _texts(lang: str, fuzzy: bool = True) -> dict[str, tuple[str, ...]]:
    """Each key's forms (one, or one per plural form) in the .po of ``lang``, fuzzy entries too unless told."""
    out: dict[str, tuple[str, ...]] = {}
    for message in po(lang):
        if not message.id or (message.fuzzy and not fuzzy):
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        out[key] = tuple(forms)
    return out


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


NB = _texts("nb")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_key(lang: str) -> None:
    assert sorted(set(NB) - set(_texts(lang))) == []
    assert sorted(set(_texts(lang)) - set(NB)) == []


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_the_same_placeholders_and_plural_forms_in_every_language(lang: str) -> None:
    wrong = []
    for key, forms in _texts(lang).items():
        theirs = NB.get(key, ())
        if len(forms) != len(theirs) or not all(f.strip() for f in forms):
            wrong.append((key, "forms"))
        elif _placeholders(forms[-1]) != _placeholders(theirs[-1]):
            wrong.append((key, f"{sorted(_placeholders(forms[-1]))} != {sorted(_placeholders(theirs[-1]))}"))
    assert wrong == []


def test_a_plural_form_uses_no_placeholder_the_plural_lacks() -> None:
    for lang in LANGUAGES:
        for key, forms in _texts(lang).items():
            if len(forms) > 1:
                assert _placeholders(forms[0]) <= _placeholders(forms[1]) | {"n"}, (lang, key)
                assert "n" in _placeholders(forms[1]), (lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plural_rule_is_one_and_other(lang: str) -> None:
    assert po(lang).num_plurals == 2
    assert po(lang).plural_expr.replace(" ", "") == "(n!=1)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_matches_the_po(lang: str) -> None:
    path = catalogue_tool.po_path(lang).with_suffix(".mo")
    with path.open("rb") as stream:
        compiled = {k: v for k, v in vars(gettext.GNUTranslations(stream))["_catalog"].items() if k != ""}
    expected: dict[object, str] = {}
    for message in po(lang):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            expected.update({(message.id[0], i): form for i, form in enumerate(message.string)})
        else:
            expected[message.id] = message.string
    assert compiled == expected, f"{path} is out of date: run `python dev/catalogue.py compile`"


def _keys_asked_for() -> set[str]:
    """Every literal key the package passes to t() or tn()."""
    keys = set()
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"t", "tn"}:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
    return keys


def test_every_key_the_code_asks_for_exists() -> None:
    asked = _keys_asked_for()
    assert len(asked) > 250  # the scan sees the calls, so an empty set cannot pass
    assert sorted(asked - set(NB)) == []


def test_plural_messages_read_right_in_each_language() -> None:
    i18n.set_language("nb")
    assert tn("count.warnings", 1) == "1 advarsel"
    assert tn("count.warnings", 2) == "2 advarsler"
    i18n.set_language("nn")
    assert tn("count.warnings", 1) == "1 åtvaring"
    assert tn("count.warnings", 0) == "0 åtvaringar"
    i18n.set_language("en")
    assert tn("count.warnings", 1) == "1 warning"
    assert tn("count.warnings", 3) == "3 warnings"


def test_a_key_nynorsk_lacks_reads_in_bokmaal_and_an_unknown_key_is_an_error() -> None:
    nn = i18n.catalogue("nn")
    assert nn._fallback is i18n.catalogue("nb")  # type: ignore[attr-defined]
    i18n.set_language("nn")
    with pytest.raises(KeyError, match="no-such-key"):
        t("no-such-key")


def _can_build_wheels() -> bool:
    try:
        from setuptools.command import bdist_wheel  # noqa: F401  (setuptools >= 70.1 builds wheels itself)
    except ImportError:
        return importlib.util.find_spec("wheel") is not None
    return True


MO_FILES = [f"planstrategi/i18n/locale/{lang}/LC_MESSAGES/planstrategi.mo" for lang in LANGUAGES]


def test_the_installed_distribution_carries_the_compiled_catalogues() -> None:
    """Where planstrategi was installed from a wheel (as CI does), its RECORD lists every .mo."""
    if Path(i18n.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("planstrategi runs from this source tree (an editable install); the wheel test below builds one")
    names = {file.as_posix() for file in metadata.distribution("planstrategi").files or []}
    assert sorted(set(MO_FILES) - names) == []


@pytest.mark.skipif(not _can_build_wheels(), reason="this setuptools cannot build a wheel offline")
def test_a_wheel_built_from_this_tree_carries_the_compiled_catalogues(tmp_path: Path) -> None:
    """Build the wheel from a copy of this tree (offline: the installed build backend) and look inside."""
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source / "planstrategi", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path, source],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("planstrategi-*.whl")
    assert sorted(set(MO_FILES) - set(zipfile.ZipFile(wheel).namelist())) == []


def test_fold_takes_a_branchs_new_and_changed_keys_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """dev/catalogue.py fold: the lead's way to bring a branch's dict entries into the .po files."""
    for lang in LANGUAGES:
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(catalogue_tool.po_path(lang), target)
    monkeypatch.setattr(catalogue_tool, "LOCALE", tmp_path)
    base = tmp_path / "base.py"
    theirs = tmp_path / "theirs.py"
    base.write_text('CATALOGUE = {"severity.error": {"nb": "feil", "en": "error"}}\n', encoding="utf-8")
    theirs.write_text(
        'CATALOGUE: dict[str, dict[str, str]] = {\n    "severity.error": {"nb": "feil", "en": "error"},\n'
        '    "new.key": {"nb": "ny tekst {x}", "en": "new text {x}"},\n}\n',
        encoding="utf-8",
    )
    changed = catalogue_tool.fold(catalogue_tool.read_dict_catalogue(base), catalogue_tool.read_dict_catalogue(theirs))
    assert changed == ["new.key"]
    folded = {lang: catalogue_tool.load(lang) for lang in LANGUAGES}
    assert folded["nb"]["new.key"].string == "ny tekst {x}"
    assert folded["en"]["new.key"].string == "new text {x}"
    assert folded["nn"]["new.key"].fuzzy and folded["nn"]["new.key"].string == "ny tekst {x}"
    assert (tmp_path / "nb" / "LC_MESSAGES" / "planstrategi.mo").exists()


@pytest.mark.parametrize(
    ("lang", "long", "short"),
    [("nb", "1. mars 2025", "01.03.2025"), ("nn", "1. mars 2025", "01.03.2025"), ("en", "1 March 2025", "2025-03-01")],
)
def test_dates_in_each_language(lang: str, long: str, short: str) -> None:
    """Running text writes «1. mars 2025», tables 01.03.2025 (English: ISO in tables)."""
    i18n.set_language(lang)
    try:
        assert i18n.long_date(dt.date(2025, 3, 1)) == long
        assert i18n.date_text(dt.date(2025, 3, 1)) == short
    finally:
        i18n.set_language(None)
