"""Options shared by every command, the language a run speaks, and the one exception a command raises
to stop with a message.

The language: ``--lang`` (before or after the command), else ``PLANSTRATEGI_LANG``, else the
``language:`` the register's municipalities.yaml states, else bokmål. The CLI fixes it once, before
Click parses anything, so help and Click's own errors follow it too.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer

from planstrategi import i18n
from planstrategi.i18n import later, t

FIRST_DATE = dt.date(1900, 1, 1)  # the years the term arithmetic covers (model.MIN_YEAR–MAX_YEAR)
LAST_DATE = dt.date(2100, 12, 31)
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def parse_date(text: str) -> dt.date:
    """``2025-03-01`` or ``01.03.2025`` (also ``1.3.2025``), within 1900–2100; else a usage error."""
    value = text.strip()
    for pattern in _DATE_FORMATS:
        try:
            date = dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if not FIRST_DATE <= date <= LAST_DATE:
            raise typer.BadParameter(t("date.out-of-range", value=value, first=FIRST_DATE.year, last=LAST_DATE.year))
        return date
    raise typer.BadParameter(t("date.bad", value=value))


DataOption = Annotated[
    Optional[Path],
    typer.Option("--data", help=later("opt.data"), metavar=later("metavar.folder"), show_default=False),
]
LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", help=later("opt.lang"), metavar="nb|nn|en", show_default=False),
]
AsOfOption = Annotated[
    Optional[dt.date],
    typer.Option(
        "--as-of", parser=parse_date, help=later("opt.as-of"), metavar=later("metavar.date"), show_default=False
    ),
]

#: The read-only questions answer from the register cache (``store/cache.py``) unless told not to.
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help=later("opt.no-cache"))]


class UsageError(Exception):
    """Stops a command with a message on stderr and exit code 2 (1 with ``code=1``)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _option_value(args: Sequence[str], name: str) -> str | None:
    """The last value given to ``name`` (``--lang en`` or ``--lang=en``) before a ``--``."""
    value = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(name + "="):
            value = arg.split("=", 1)[1]
    return value


_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*["']?(?P<lang>[A-Za-z]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def register_language(folder: Path) -> str | None:
    """The ``language:`` the register's municipalities.yaml states at its top level, if any.

    Read as text, not YAML: the language is wanted before any command runs (``--help`` too), and
    parsing the register for it would cost every run; ``validate`` reports a wrong value."""
    try:
        with (folder / "municipalities.yaml").open(encoding="utf-8", errors="replace") as stream:
            head = stream.read(64 * 1024)
    except OSError:
        return None
    match = _LANGUAGE_LINE.search(head)
    lang = match["lang"].lower() if match else None
    return lang if lang in i18n.LANGUAGES else None


def choose_language(args: Sequence[str]) -> str:
    """The language of the run for these arguments: --lang, PLANSTRATEGI_LANG, the register's, bokmål.

    An unknown ``--lang`` is a usage error (its message in the language the rest would choose)."""
    env = os.environ.get("PLANSTRATEGI_LANG", "").strip().lower()
    data = _option_value(args, "--data") or os.environ.get("PLANSTRATEGI_DATA") or "data"
    fallback = env if env in i18n.LANGUAGES else register_language(Path(data)) or i18n.DEFAULT_LANGUAGE
    given = _option_value(args, "--lang")
    if given is None:
        return fallback
    if given.strip().lower() not in i18n.LANGUAGES:
        i18n.set_language(fallback)
        raise UsageError(t("bad-language", lang=given))
    return given.strip().lower()


def use_language(lang: str | None) -> None:
    """Apply a command's ``--lang``; without one, keep the language the run chose (else PLANSTRATEGI_LANG).

    The choice is fixed for the run, so the message lookup does not read the environment again for
    each of the thousands of strings a large report prints."""
    if lang is None:
        i18n.set_language(i18n.language())
        return
    try:
        i18n.set_language(lang.strip().lower())
    except ValueError:
        raise UsageError(t("bad-language", lang=lang)) from None


def today(as_of: dt.date | None) -> dt.date:
    """The date a command answers for: ``--as-of``, else today. The only place that reads the clock."""
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    return as_of if as_of is not None else dt.date.today()


OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help=later("opt.output"), metavar=later("metavar.file"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=later("opt.force"))]


def deliver(data: bytes, output: Path | None, force: bool) -> None:
    """A document to standard output as it is (UTF-8 whatever the console's code page: it is meant
    for a file or a pipe), or to ``output`` through ``safeio``: atomic, inside the folder named,
    never over a file without ``--force``."""
    import sys

    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from planstrategi.commands.review import write_error
    from planstrategi.store import safeio

    folder = output.parent if str(output.parent) else Path()
    try:
        safeio.write_bytes(folder, output.name, data, force=force)
    except safeio.UnsafeWrite as exc:
        raise write_error(exc) from None
    typer.echo(t("appendix.written", path=output), err=True)
