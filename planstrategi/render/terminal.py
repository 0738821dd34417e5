"""What the terminal the output goes to can show: its width, whether to colour, and its characters.

Read once per report by ``render.table``, from the environment and the process's file descriptors;
nothing here imports more than ``os`` and ``sys``, so asking costs nothing at start-up.

Width, in order: ``COLUMNS``; the terminal on stdout, else on stderr or stdin (so
``planstrategi list | less`` is laid out for the terminal ``less`` shows it in, as ``git`` does);
the controlling terminal ``/dev/tty``; else ``DEFAULT_WIDTH``. Colour only on a terminal, never when
``NO_COLOR`` is set (https://no-color.org); ``FORCE_COLOR`` asks for it through a pipe
(https://force-color.org), but ``NO_COLOR`` wins. ``TERM=dumb`` gets no colour either.
"""

from __future__ import annotations

import os
import sys

DEFAULT_WIDTH = 100
#: Narrower than this, no layout is readable; a smaller ``COLUMNS`` or terminal is taken as this.
MIN_WIDTH = 20


def _env_width(environ: os._Environ[str] | dict[str, str]) -> int | None:
    value = environ.get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _fd_width(fd: int) -> int | None:
    try:
        columns = os.get_terminal_size(fd).columns
    except (OSError, ValueError):
        return None
    return columns or None


def _tty_width() -> int | None:
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        return _fd_width(fd)
    finally:
        os.close(fd)


def width() -> int:
    """The number of columns to lay a table out in."""
    found = _env_width(os.environ)
    for fd in (1, 2, 0):
        if found is None:
            found = _fd_width(fd)
    if found is None:
        found = _tty_width()
    return max(found or DEFAULT_WIDTH, MIN_WIDTH)


def colour() -> bool:
    """Whether to colour: on a terminal that is not dumb, or with FORCE_COLOR; never with NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def unicode() -> bool:
    """Whether stdout takes box-drawing characters (its encoding is a UTF)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return encoding.lower().replace("-", "").startswith("utf")
