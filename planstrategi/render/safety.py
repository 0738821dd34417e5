"""Output safety: every text from the data passes one function here on its way out, one per sink.

The register comes from anyone who can open a pull request, and what the tool prints lands in
terminals, the GitHub Actions log, PR comments and job summaries, spreadsheets, web pages and
scripts. Each function below makes text inert for one sink and states its invariant; the
renderers call them and nothing else escapes on its own (tests/test_safety.py checks each
invariant on every format of every command with hostile data).

What "shown visibly" means everywhere: a character that must not reach the sink is written as its
Python escape (``\\x1b``, ``\\u202e``), never dropped, so the planner can find and fix it. A byte
of a file name that is not UTF-8 (read by Python as a lone surrogate, U+DC80–U+DCFF) is written
as ``\\udcNN``, NN the byte in hex (``\\udcff`` for 0xff), so the output is always valid UTF-8.

Two things the GitHub Actions runner reads as commands, wherever the text lands in the log:
a line that starts with ``::`` (after blanks: ``::error …``, ``::stop-commands::``) and ``##[``
anywhere in a line (the older form, ``##[error]…``). No function here lets text from the data
produce either.
"""

from __future__ import annotations

import html as _html
import json as _json
import math
import re
from collections.abc import Iterator
from typing import Any

# C0 controls but tab and newline, DEL and C1, the bidirectional marks, embeddings, overrides and
# isolates (they reorder what is shown: "Trojan Source"), the line and paragraph separators (some
# viewers break lines at them) and lone surrogates (bytes that were not UTF-8).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = "\x00-\x08\x0b-\x1f" + _BEYOND_C0
_CONTROL = re.compile(f"[{_UNSAFE}]")
_CONTROL_OR_NEWLINE = re.compile(f"[{_UNSAFE}\n]")
_CONTROL_OR_TAB = re.compile(f"[{_UNSAFE}\t]")
_CONTROL_TAB_OR_NEWLINE = re.compile(f"[{_UNSAFE}\t\n]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A line that the runner would read as a workflow command (v2 ``::cmd::``), and the v1 prefix.
_COMMAND_LINE = re.compile(r"^([ \t]*)::", re.MULTILINE)
_V1_COMMAND = "##["


def visible(char: str) -> str:
    """One unsafe character as the escape that shows it: ``\\x1b``, ``\\u202e``; ``\\udcff`` for the
    byte 0xff of a file name (the same form ``register.display_path`` gives a plan file's path)."""
    return ascii(char)[1:-1]


def _show(match: re.Match[str]) -> str:
    return visible(match.group())


def _tab_or_show(match: re.Match[str]) -> str:
    return " " if match.group() == "\t" else visible(match.group())


def _no_commands(text: str, colon: str, bracket: str) -> str:
    """``text`` with no line starting ``::`` and no ``##[``: the first colon or the bracket replaced."""
    if "::" in text:
        text = _COMMAND_LINE.sub(lambda m: m.group(1) + colon + ":", text)
    if _V1_COMMAND in text:
        text = text.replace(_V1_COMMAND, "##" + bracket)
    return text


def terminal(text: str, *, newlines: bool = False) -> str:
    """Text for a terminal and for the plain-text forms that reach the Actions log.

    Invariant: no C0 or C1 control character (so no escape sequence: no colours, no screen
    clearing, no OSC-8 links or window titles), no bidirectional override, no lone surrogate;
    a newline only with ``newlines=True`` (where the layout has room for more lines, such as a
    cell of a table), else it is shown as ``\\n``; a tab becomes a space. No line starts with
    ``::`` and there is no ``##[`` (a backslash goes before the colon or the bracket).
    """
    pattern = _CONTROL_OR_TAB if newlines else _CONTROL_TAB_OR_NEWLINE
    if pattern.search(text):
        text = pattern.sub(_tab_or_show, text)
    return _no_commands(text, "\\:", "\\[")


def actions_log(output: str) -> str:
    """A whole plain-text output made safe to print in the GitHub Actions log, as a last guard.

    Invariant: no line starts with ``::`` (after blanks) and there is no ``##[``. For outputs
    whose own lines never begin so (tables, problem lists, diffs); not for ``--format github``,
    whose annotations are meant as commands. A table can put a word of a cell at the start of a
    line when it wraps, which no escaping of the cell alone can foresee.
    """
    return _no_commands(output, "\\:", "\\[")


def workflow_data(text: str) -> str:
    """The message of a GitHub workflow command (``::error …::message``).

    Invariant: GitHub's own escaping (``%`` as ``%25``, CR as ``%0D``, LF as ``%0A``), so the
    message stays on its line and reads back as written; no other control character; no ``##[``.
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if _CONTROL_OR_TAB.search(text):
        text = _CONTROL_OR_TAB.sub(_tab_or_show, text)
    return text.replace(_V1_COMMAND, "##\\[")


def workflow_property(text: str) -> str:
    """A property of a workflow command (``file=``, ``title=``): as ``workflow_data``, and ``:`` as
    ``%3A`` and ``,`` as ``%2C``, so a value cannot end the properties or start a new one."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#$])")
# Block syntax that only counts at the start of a line: a bullet (- +), a setext rule (=) or an
# ordered list (1. 1)); a quote's > is an entity by then. Only for text that starts a line.
_MARKDOWN_BLOCK = re.compile(r"^([ ]*)([-+=])")
_MARKDOWN_ORDERED = re.compile(r"^([ ]*[0-9]{1,9})([.)])(?= |$)")
_MARKDOWN_COMMAND = re.compile(r"^([ ]*):")


def markdown(text: str, *, breaks: bool = False, block: bool = False) -> str:
    """Text from the data as literal inline Markdown (GitHub-flavoured): a table cell, a list item,
    a heading's words.

    Invariant: no HTML (``<``, ``>``, ``&`` as entities), no formatting, links, images, code or
    math (``\\ ` * _ [ ] | ~ # $`` get a backslash; ``!`` needs none once ``[`` has one), so a
    table row keeps its cells; no line break:
    CR and LF become ``<br>`` with ``breaks=True`` (a cell that may hold paragraphs), else a
    space, so no heading, rule or list can start inside it; with ``block=True`` (text that
    starts a line: a paragraph, a note) a leading ``-``, ``+``, ``=`` or ``1.`` gets a
    backslash too; a leading ``:`` always does (the Markdown may be printed in the Actions log);
    ``@name`` gets a zero-width space after the ``@`` (nobody is notified); control characters
    are shown as escapes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_OR_TAB.search(text):
        text = _CONTROL_OR_TAB.sub(_tab_or_show, text)
    text = _html.escape(text, quote=False)
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    text = text.replace("@", "@&#8203;")
    text = "<br>".join(text.split("\n")) if breaks else " ".join(text.split("\n"))
    if block:
        text = _MARKDOWN_ORDERED.sub(r"\1\\\2", _MARKDOWN_BLOCK.sub(r"\1\\\2", text))
    return _MARKDOWN_COMMAND.sub(r"\1\\:", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSV_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_BEYOND_C0}]")  # a quoted cell holds CR
_NUMBER = re.compile(r"^[-+]?[0-9]+([.,][0-9]+)?$")


def csv_cell(text: str) -> str:
    """One cell of a CSV file for Excel and LibreOffice.

    Invariant: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR (a formula to a
    spreadsheet: CSV injection) gets a leading ``'``, as OWASP recommends, except a plain number
    (``-33``, ``+2,5``), which a spreadsheet reads as the number and never runs; control
    characters but tab, CR and LF (which a quoted cell holds) are shown as escapes; no line
    inside the cell starts with ``::`` and there is no ``##[``. The csv module quotes the cell,
    so the field count of the row stays.
    """
    if _CSV_CONTROL.search(text):
        text = _CSV_CONTROL.sub(_show, text)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        text = "'" + text
    return _no_commands(text, "\\:", "\\[")


def html(text: str) -> str:
    """Text from the data inside an HTML element or a quoted attribute.

    Invariant: ``html.escape`` with quotes (no ``<``, ``>``, ``&``, ``"`` or ``'`` from the data);
    control characters but tab and newline, bidirectional overrides and lone surrogates shown as
    escapes (an HTML parser would reject NUL and reorder text on an override); no line starts
    with ``::`` and there is no ``##[`` (the colon or bracket as a character reference).
    """
    if _CONTROL.search(text):
        text = _CONTROL.sub(_show, text)
    return _no_commands(_html.escape(text, quote=True), "&#58;", "&#91;")


_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def link(value: Any) -> str | None:
    """``value`` when it is an http, https or mailto address without blanks or control characters;
    otherwise None (shown as text, never as a link: no ``javascript:``, no ``data:``)."""
    if not isinstance(value, str) or not value.lower().startswith(_SAFE_SCHEMES):
        return None
    return None if any(c.isspace() for c in value) or _CONTROL.search(value) else value


def _finite(value: Any) -> Any:
    """``value`` with every NaN and infinity (which strict JSON has no word for) as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _surrogate(match: re.Match[str]) -> str:
    return "\\" + visible(match.group())  # inside a JSON string: an escaped backslash, then udcNN


def json_text(document: Any, *, indent: int | None = 2) -> str:
    """A document as strict JSON (RFC 8259) in UTF-8 text, for ``--format json``, SARIF and diff.

    Invariant: parses with a strict parser: no ``NaN`` or ``Infinity`` (a non-finite number is
    written as ``null``), no lone surrogate (a byte of a file name that is not UTF-8 is written
    as the text ``\\udcNN``), so the text encodes to valid UTF-8; control characters are JSON
    escapes (``\\u001b``) as the standard wants; no ``##[`` (its bracket as ``\\u005b``, which
    reads back the same). Lines start with blanks and a quote or a bracket, never ``::``.
    """
    try:
        text = _json.dumps(document, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # NaN or an infinity somewhere in the data
        text = _json.dumps(_finite(document), ensure_ascii=False, indent=indent, allow_nan=False)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(_surrogate, text)
    return text.replace(_V1_COMMAND, "##\\u005b")


#: A chunk of ``json.JSONEncoder.iterencode`` that ends in a number strict JSON has no word for.
_NOT_FINITE_CHUNK = re.compile(r"(?<![\w.])(?:-?Infinity|NaN)$")


def json_pieces(document: Any, *, indent: int | None = 2) -> Iterator[str]:
    """``json_text(document)`` in pieces of about ``JSON_PIECE`` characters, never the whole text at once.

    The same text as ``json_text``, so the same invariant. Each rule holds piece by piece because
    the encoder yields every string and every number as a chunk of its own (after its separator):
    a lone surrogate and ``##[`` can only be inside a string, and a non-finite number is the end of
    its chunk (written as ``null``)."""
    encoder = _json.JSONEncoder(ensure_ascii=False, indent=indent, allow_nan=True)
    buffer: list[str] = []
    held = 0
    for chunk in encoder.iterencode(document):
        if chunk[-1:] in "yN" and _NOT_FINITE_CHUNK.search(chunk):
            chunk = _NOT_FINITE_CHUNK.sub("null", chunk)
        if _SURROGATE.search(chunk):
            chunk = _SURROGATE.sub(_surrogate, chunk)
        if _V1_COMMAND in chunk:
            chunk = chunk.replace(_V1_COMMAND, "##\\u005b")
        buffer.append(chunk)
        held += len(chunk)
        if held >= JSON_PIECE:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


#: Characters ``json_pieces`` gathers before it hands a piece on.
JSON_PIECE = 1 << 16


_ICS_BREAK = re.compile("\r\n?")
_DOUBLE_COLON = re.compile(":(?=:)")


def ics_text(text: str) -> str:
    """Text from the data in an iCalendar TEXT value: the feed's name, an event's summary or description.

    Invariant: CR and CRLF become LF, which icalendar writes as ``\\n`` (RFC 5545 §3.3.11), so the
    text stays inside its property: no line break of its own, so it can start no property
    (``ATTENDEE:``), no ``END:VEVENT`` and no event; other control characters, bidirectional
    overrides, line separators and lone surrogates are shown as escapes (``\\x1b``), as in every
    other sink (TEXT allows none but tab, which stays); ``;``, ``,`` and ``\\`` are icalendar's to
    escape. The feed is folded at 75 octets, so any place in the text may start a line: there is
    no ``::`` at all (a backslash between the colons, ``:\\:``) and no ``##[`` (``##\\[``), and
    the feed printed in the Actions log forges no command. A backslash before ``N`` is shown as
    ``\\x5c``: icalendar reads ``\\N`` in a text it is given as a line break. Read back by an
    iCalendar parser, the value is exactly what this function returns.
    """
    if "\\N" in text:
        text = text.replace("\\N", "\\x5cN")
    if "\r" in text:
        text = _ICS_BREAK.sub("\n", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(_show, text)
    if "::" in text:
        text = _DOUBLE_COLON.sub(":\\\\", text)
    return text.replace(_V1_COMMAND, "##\\[")


def ics_link(value: Any) -> str | None:
    """An address for an iCalendar URI value (an event's ``URL``): ``link``'s rule, and none that
    holds ``::`` or ``##[`` (folding may put either at the start of a line), nor a backslash (no
    URI has one, and a reader takes ``\\,`` in a value for an escaped comma). Otherwise None: the
    event has no URL, and the address is still in the plan file."""
    url = link(value)
    return None if url is None or "::" in url or _V1_COMMAND in url or "\\" in url else url


def file_name(name: str) -> str:
    """A file name as the user should see it in any sink: every byte that is not UTF-8 as ``\\udcNN``,
    control characters as escapes. Already what ``register.display_path`` gives for a plan file;
    for names that come from elsewhere (git, a folder listing)."""
    return _CONTROL_TAB_OR_NEWLINE.sub(_show, name) if _CONTROL_TAB_OR_NEWLINE.search(name) else name


# XML 1.0 has no place for C0 controls but tab, newline and CR, for lone surrogates or for U+FFFE
# and U+FFFF: python-docx (lxml) refuses to write them.
_DOCX_UNSAFE = re.compile(f"[{_UNSAFE}\ufffe\uffff]")


def docx(text: str) -> str:
    """Text from the data in a Word document (a run of a heading, a paragraph or a table cell).

    Invariant: only characters XML 1.0 allows, so the document can be written and opened; control
    characters but tab and newline, bidirectional overrides, line separators, lone surrogates and
    U+FFFE/U+FFFF shown as escapes (``\\x1b``, ``\\u202e``), as in every other sink. A newline is a
    line break in the cell and a tab a tab (how python-docx writes them). The text is a text node
    that lxml escapes, so it cannot become markup, a field or a link.
    """
    return _DOCX_UNSAFE.sub(_show, text) if _DOCX_UNSAFE.search(text) else text
