"""Output formats. Each module turns rows or problems into text; nothing here reads files or the clock."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planstrategi.render.report import Report


class OutputFormat(StrEnum):
    """The formats every report can be written in (``--format``); each is a module of this package."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"

    def renderer(self) -> Callable[[Report], str]:
        """The module's ``render(report) -> str``, imported only when asked for (rich is slow to load)."""
        module = importlib.import_module(f"planstrategi.render.{self.value}")
        render: Callable[[Report], str] = module.render
        return render
