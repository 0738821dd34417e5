"""Maintain the message catalogues in planstrategi/i18n/locale/<lang>/LC_MESSAGES/planstrategi.po.

A development script, not part of the package (it needs Babel, which the installed tool does not):

    python dev/catalogue.py compile
        Write every .mo beside its .po (the tool reads only the .mo; tests/test_i18n_catalogue.py
        fails while a .mo is out of date). ``pybabel compile -d planstrategi/i18n/locale -D planstrategi``
        writes the same files.

    python dev/catalogue.py fold BASE.py THEIRS.py
        Fold the keys a branch added to or changed in the old Python catalogue
        (``planstrategi/i18n/catalogue.py``, a dict ``CATALOGUE = {key: {"nb": …, "en": …}}``) into the
        .po files, then compile. BASE is that file before the branch, THEIRS after it (``git show
        <merge-base>:planstrategi/i18n/catalogue.py > /tmp/base.py``). Only entries that differ
        between the two are written, so the branch's stale copies of other keys change nothing.
        Nynorsk gets the bokmål text marked ``fuzzy`` with a ``#. nynorsk wanted`` comment: a fuzzy
        entry is not compiled (nn falls back to nb at run time) and the catalogue test lists it
        until someone writes the nynorsk.

Keys are the msgids (a monolingual, key-based catalogue: Weblate's "gettext PO file (monolingual)"
with nb.po as the base file). A plural message has the key as both msgid and msgid_plural and one
msgstr per form (``Plural-Forms: nplurals=2; plural=(n != 1);`` for nb, nn and en).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "planstrategi" / "i18n" / "locale"
LANGUAGES = ("nb", "nn", "en")
DOMAIN = "planstrategi"


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_dict_catalogue(path: Path) -> dict[str, dict[str, str]]:
    """The ``CATALOGUE`` dict of an old ``catalogue.py``, read without importing it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign):
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "CATALOGUE" and node.value is not None:  # type: ignore[union-attr]
            value = ast.literal_eval(node.value)  # type: ignore[union-attr]
            return {str(key): {str(lang): str(text) for lang, text in entry.items()} for key, entry in value.items()}
    raise SystemExit(f"{path}: no CATALOGUE = {{…}} found")


def load(lang: str) -> Catalog:
    with po_path(lang).open("rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


def save(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(stream, catalog, ignore_obsolete=True)


def new_catalog(lang: str) -> Catalog:
    """An empty catalogue with the header every language's .po starts with."""
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        project="planstrategi",
        version="",
        msgid_bugs_address="the project's issue tracker",
        last_translator="planstrategi",
        language_team={"nb": "bokmål", "nn": "nynorsk", "en": "English"}[lang],
        header_comment=f"# planstrategi's messages ({lang}). The msgids are keys; see README, 'Translating'.",
        fuzzy=False,
    )


def compile_all() -> list[Path]:
    """Write each language's .mo from its .po; returns the files written."""
    written = []
    for lang in LANGUAGES:
        catalog = load(lang)
        target = po_path(lang).with_suffix(".mo")
        with target.open("wb") as stream:
            write_mo(stream, catalog)
        written.append(target)
    return written


def put(catalog: Catalog, key: str, text: str | tuple[str, ...], fuzzy: bool = False, note: str = "") -> None:
    """Set the text of ``key`` (a tuple of forms: a plural message), keeping its place if it exists.

    (Babel's ``catalog[key] = Message(…)`` merges into an existing entry and keeps the old text.)"""
    message = catalog.get(key)
    if message is None:
        msgid = (key, key) if isinstance(text, tuple) else key
        catalog[key] = Message(msgid, text)
        message = catalog.get(key)
    message.string = text
    message.flags = {"fuzzy"} if fuzzy else set()
    message.auto_comments = [note] if note else []


def fold(base: dict[str, dict[str, str]], theirs: dict[str, dict[str, str]]) -> list[str]:
    """Write the entries ``theirs`` adds or changes relative to ``base`` into the .po files.

    Returns the keys written. nb and en take the branch's text; nn takes the nb text as a fuzzy
    entry, to be translated."""
    changed = [key for key, entry in theirs.items() if base.get(key) != entry]
    catalogs = {lang: load(lang) for lang in LANGUAGES}
    for key in changed:
        entry = theirs[key]
        for lang in ("nb", "en"):
            put(catalogs[lang], key, entry[lang])
        put(catalogs["nn"], key, entry["nb"], fuzzy=True, note="nynorsk wanted")
    for lang, catalog in catalogs.items():
        save(lang, catalog)
    compile_all()
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("compile")
    folding = commands.add_parser("fold")
    folding.add_argument("base", type=Path)
    folding.add_argument("theirs", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compile":
        for path in compile_all():
            print(path)
    else:
        for key in fold(read_dict_catalogue(args.base), read_dict_catalogue(args.theirs)):
            print(key)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
