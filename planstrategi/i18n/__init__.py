"""Every user-facing string, in Norwegian bokmål (``nb``, the default) and English (``en``).

Code asks for a message by key with ``t("key", name=value)``; nothing else in the package writes
prose for the user. The language comes from ``--lang``, else ``PLANSTRATEGI_LANG``, else ``nb``.
Add a key here in both languages; ``tests/test_messages.py`` checks that every key has both and
that their placeholders agree.
"""

from __future__ import annotations

import datetime as dt
import os

from planstrategi.i18n.catalogue import CATALOGUE as CATALOGUE

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
_language: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the language for the rest of the run (the CLI does this once)."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(lang)
    _language = lang


def language() -> str:
    """The active language: set_language(), else PLANSTRATEGI_LANG, else Norwegian."""
    if _language is not None:
        return _language
    env = os.environ.get("PLANSTRATEGI_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the active language, with ``params`` filled in."""
    return CATALOGUE[key][language()].format(**params)


def date_text(date: dt.date) -> str:
    """A date as the active language writes it: 01.10.2024 in Norwegian, 2024-10-01 in English."""
    return date.isoformat() if language() == "en" else date.strftime("%d.%m.%Y")
