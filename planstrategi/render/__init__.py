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


class DocumentFormat(StrEnum):
    """``--format`` of ``table`` and ``report``, which also write a Word document: every
    ``OutputFormat`` and ``docx`` (``render.docx``, whose ``render(report)`` gives bytes, not text)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    DOCX = "docx"

    def text_format(self) -> OutputFormat | None:
        """The text format of the same name; None for docx."""
        return None if self is DocumentFormat.DOCX else OutputFormat(self.value)
