"""Options shared by every command, and the one exception a command raises to stop with a message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from planstrategi import i18n

DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        help="Registermappen / register folder (else PLANSTRATEGI_DATA, else ./data).",
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", help="Språk / language: nb (default) or en; else PLANSTRATEGI_LANG.", show_default=False),
]
AsOfOption = Annotated[
    Optional[dt.datetime],
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help="Svar som om dagens dato var DATE (YYYY-MM-DD) / answer as of DATE.",
        show_default=False,
    ),
]


class UsageError(Exception):
    """Stops a command with a message on stderr and exit code 2 (1 with ``code=1``)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def use_language(lang: str | None) -> None:
    """Apply ``--lang``, else PLANSTRATEGI_LANG, once per command; an unknown language is a usage error.

    The choice is fixed for the run, so the message lookup does not read the environment again for
    each of the thousands of strings a large report prints."""
    if lang is None:
        i18n.set_language(None)
        i18n.set_language(i18n.language())
        return
    try:
        i18n.set_language(lang.strip().lower())
    except ValueError:
        raise UsageError(i18n.t("bad-language", lang=lang)) from None


def today(as_of: dt.datetime | None) -> dt.date:
    """The date a command answers for: ``--as-of``, else today. The only place that reads the clock."""
    return as_of.date() if as_of is not None else dt.date.today()
