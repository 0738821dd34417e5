"""Every user-facing string, in Norwegian bokmål (``nb``, the default), nynorsk (``nn``) and English (``en``).

Code asks for a message by key, ``t("key", name=value)``, or for a message that depends on a count,
``tn("key", n, name=value)`` (``{n}`` is the count); nothing else in the package writes prose for the
user. The catalogues are gettext files, one per language: translators edit
``locale/<lang>/LC_MESSAGES/planstrategi.po`` (the msgids are the keys) and ``python dev/catalogue.py
compile`` writes the ``.mo`` beside it, which is all this module reads (through the standard library,
so start-up never parses a ``.po``). A key nynorsk lacks reads in bokmål.

The language: ``set_language()`` (the CLI: ``--lang``, else ``PLANSTRATEGI_LANG``, else the register's
``language`` in municipalities.yaml, else ``nb``), else ``PLANSTRATEGI_LANG``, else ``nb``.
``tests/test_i18n_catalogue.py`` checks that every key is in every language with the same placeholders.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
DOMAIN = "planstrategi"
LOCALE = Path(__file__).resolve().parent / "locale"
_language: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the language for the rest of the run (the CLI does this once)."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(lang)
    _language = lang


def language() -> str:
    """The active language: set_language(), else PLANSTRATEGI_LANG, else Norwegian bokmål."""
    if _language is not None:
        return _language
    env = os.environ.get("PLANSTRATEGI_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


class _Missing(gettext.NullTranslations):
    """The end of every fallback chain: a key no catalogue has is a bug, not a message."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; nynorsk falls back to bokmål for a key it lacks."""
    with (LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    translations.add_fallback(catalogue(DEFAULT_LANGUAGE) if lang == "nn" else _Missing())
    return translations


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the active language, with ``params`` filled in."""
    return catalogue(language()).gettext(key).format(**params)


def tn(key: str, n: int, /, **params: object) -> str:
    """The form of the plural message ``key`` that suits the count ``n`` ("1 advarsel", "2 advarsler")."""
    return catalogue(language()).ngettext(key, key, n).format(n=n, **params)


_deferred: dict[str, dict[str, object]] = {}


def later(key: str, /, **params: object) -> str:
    """``t(key, **params)``, deferred: for help texts, fixed when a module is imported but shown only
    after ``--lang`` is read. Returns the key; :func:`resolve` turns it into the text."""
    _deferred[key] = params
    return key


def resolve(text: str | None) -> str | None:
    """A key given to :func:`later` as its text in the active language; any other text unchanged."""
    if text is None or text not in _deferred:
        return text
    return t(text, **_deferred[text])


class _Catalogue(Mapping[str, Mapping[str, str]]):
    """Every key with its text in each language: ``CATALOGUE["key"]["nn"]`` (a plural key: its singular)."""

    @functools.cached_property
    def _keys(self) -> tuple[str, ...]:
        entries = vars(catalogue(DEFAULT_LANGUAGE))["_catalog"]  # GNUTranslations keeps no public key list
        keys = (key if isinstance(key, str) else key[0] for key in entries)
        return tuple(dict.fromkeys(key for key in keys if key))

    def __getitem__(self, key: str) -> Mapping[str, str]:
        if key not in self._keys:
            raise KeyError(key)
        return {lang: catalogue(lang).gettext(key) for lang in LANGUAGES}

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


CATALOGUE: Mapping[str, Mapping[str, str]] = _Catalogue()


def date_text(date: dt.date) -> str:
    """A date in short form, for tables and lists: 01.10.2024 in Norwegian, 2024-10-01 in English."""
    return date.isoformat() if language() == "en" else date.strftime("%d.%m.%Y")


def long_date(date: dt.date) -> str:
    """A date in running text and headings: «1. oktober 2024» in Norwegian, "1 October 2024" in English."""
    return t("date.long", day=date.day, month=t(f"month.{date.month}"), year=date.year)
