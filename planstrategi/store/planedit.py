"""Editing a plan file's text in place: set, remove or append one value, every other byte kept.

``planstrategi record`` changes a few keys of a file a planner wrote by hand, with comments,
blank lines, quoting and a layout of their own. Dumping a round-trip document would move
comments that ruamel attaches to the wrong key (a comment above ``status:`` belongs, for ruamel,
to the last revision) and reformat files written in another layout. So nothing is dumped: each
edit finds its place with ruamel's composer (``roundtrip.compose``, which knows every node's
offset in the text) and splices in new lines in the file's own indentation and line ends.

The edits are plain data (``Set``, ``Remove``, ``Append`` on a path such as
``("revisions", 0, "state")``); ``rules/events.py`` decides which to make. ``apply`` makes them
one after the other, reading the text again after each, and raises ``LayoutError`` where the
file's layout does not allow a clean edit (a flow mapping ``{target: 2025}``, say): then the
planner edits by hand and nothing is written.

A new key goes after the keys the model puts before it (after the last of them in the file), at
the end of that key's last line, so a comment above the next key stays above the next key.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from planstrategi.model import Decision, Plan, Revision
from planstrategi.store import roundtrip

if TYPE_CHECKING:
    from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

Path = tuple[str | int, ...]

#: Text that YAML reads back as the same string when written bare (no quotes needed).
_PLAIN = re.compile(r"^[A-Za-zÆØÅæøåÉéÜü§][^\n#:{}\[\],&*!|>'\"%@`]*$")
_ORDERS: dict[str, list[str]] = {
    "plan": list(Plan.model_fields),
    "revision": list(Revision.model_fields),
    "decision": list(Decision.model_fields),
}


@dataclass(frozen=True)
class Set:
    """Give the key at ``path`` this value, adding the key where the model puts it if it is missing."""

    path: Path
    value: Any


@dataclass(frozen=True)
class Remove:
    """Take the key at ``path`` out (nothing happens if it is not there)."""

    path: Path


@dataclass(frozen=True)
class Append:
    """Add ``value`` at the end of the list at ``path``, making the list if the key is missing."""

    path: Path
    value: Any


Edit = Set | Remove | Append


class LayoutError(Exception):
    """The file's layout does not allow this edit to be made cleanly; ``line`` is 1-based (0: unknown)."""

    def __init__(self, detail: str, line: int = 0) -> None:
        super().__init__(detail)
        self.detail = detail
        self.line = line


def apply(text: str, edits: list[Edit]) -> str:
    """The text with every edit made, in order."""
    for edit in edits:
        text = _Editor(text).make(edit)
    return text


def scalar(value: Any) -> str:
    """A value as the register writes it: years and dates bare, text bare where YAML allows, else quoted."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if "/" in text and re.fullmatch(r"[0-9/]+", text):  # a case number: always quoted, as the README asks
        return json.dumps(text, ensure_ascii=False)
    words = text.lower()
    if _PLAIN.match(text) and text == text.strip() and words not in _YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


# Bare words YAML 1.1 reads as something other than text.
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})


def block(value: Any, indent: int) -> list[str]:
    """The lines (without line ends) of a mapping or list value written below its key at ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                lines.append(f"{pad}{key}:")
                lines += block(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    else:
        for item in value:
            lines += _item(item, indent, indent + 2)
    return lines


def _item(value: Any, dash: int, content: int) -> list[str]:
    """A list item: ``- x``, or ``- key: v`` with its other keys below at ``content``."""
    head = " " * dash + "-" + " " * (content - dash - 1)
    if isinstance(value, dict | list):
        inner = block(value, content)
        return [head + inner[0].lstrip(" "), *inner[1:]] if inner else [head + "{}"]
    return [head + scalar(value)]


class _Editor:
    """One edit on one text."""

    def __init__(self, text: str) -> None:
        from ruamel.yaml.nodes import MappingNode

        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        root = roundtrip.compose(text)
        if not isinstance(root, MappingNode):
            raise LayoutError("not a mapping")
        self.root: MappingNode = root

    # -- finding ---------------------------------------------------------------------------------

    def _mapping(self, path: Path) -> MappingNode:
        """The mapping at ``path`` (the root for ``()``)."""
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        node: Node = self.root
        for step in path:
            child: Node | None = None
            if isinstance(node, MappingNode):
                child = next((v for k, v in node.value if _is_key(k, step)), None)
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                child = node.value[step]
            if child is None:
                raise LayoutError(f"no {step}")
            node = child
        if not isinstance(node, MappingNode):
            raise LayoutError("not a mapping", node.start_mark.line + 1)
        if node.flow_style:
            raise LayoutError("flow mapping", node.start_mark.line + 1)
        return node

    def _entry(self, mapping: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
        for key_node, value in mapping.value:
            if _is_key(key_node, key):
                return key_node, value
        return None

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _after_line(self, index: int) -> int:
        """Just past the line end of the line holding ``index`` (the end of the text if it has none)."""
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def _last(self, node: Node) -> int:
        """Offset of the last character that belongs to ``node`` (its last scalar, or a closing bracket)."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or not node.value:
            end = node.end_mark.index
            while end > node.start_mark.index and self.text[end - 1] in " \r\n":
                end -= 1
            return int(max(end - 1, node.start_mark.index))
        if isinstance(node, MappingNode):
            return self._last(node.value[-1][1])
        assert isinstance(node, SequenceNode)
        return self._last(node.value[-1])

    def _entry_span(self, key: ScalarNode, value: Node) -> tuple[int, int]:
        """From the start of the key's line to past the line end of the value's last line."""
        start = self._line_start(key.start_mark.index)
        if self.text[start : key.start_mark.index].strip():  # "- key:" — the first key of a list item
            raise LayoutError("first key of a list item", key.start_mark.line + 1)
        return start, self._after_line(self._last(value))

    def _splice(self, start: int, end: int, lines: list[str]) -> str:
        new = "".join(line + self.newline for line in lines)
        before = self.text[:start]
        if before and not before.endswith("\n"):  # the file did not end with a line end
            before += self.newline
        return before + new + self.text[end:]

    # -- editing ---------------------------------------------------------------------------------

    def make(self, edit: Edit) -> str:
        parent, key = edit.path[:-1], edit.path[-1]
        assert isinstance(key, str)
        mapping = self._mapping(parent)
        found = self._entry(mapping, key)
        if isinstance(edit, Remove):
            if found is None:
                return self.text
            start, end = self._entry_span(*found)
            return self.text[:start] + self.text[end:]
        if isinstance(edit, Append):
            if found is None:
                return self._insert(mapping, parent, key, [edit.value])
            return self._append(found[1], edit.value)
        if found is None:
            return self._insert(mapping, parent, key, edit.value)
        return self._replace(found[0], found[1], edit.value)

    def _insert(self, mapping: MappingNode, parent: Path, key: str, value: Any) -> str:
        order = _ORDERS[_kind(parent)]
        present = {k.value: (k, v) for k, v in mapping.value if _is_scalar(k)}
        before = [present[name] for name in order[: order.index(key)] if name in present]
        if before:  # after the one of them that comes last in the file
            anchor_key, anchor_value = max(before, key=lambda entry: entry[0].start_mark.index)
            at = self._after_line(self._last(anchor_value))
            column = anchor_key.start_mark.column
        else:  # nothing comes before it: first, at the column of the mapping's first key
            first = mapping.value[0][0]
            at = self._line_start(first.start_mark.index)
            if self.text[at : first.start_mark.index].strip():
                raise LayoutError("first key of a list item", first.start_mark.line + 1)
            column = first.start_mark.column
        return self._splice(at, at, self._key_lines(key, value, column))

    def _key_lines(self, key: str, value: Any, column: int) -> list[str]:
        pad = " " * column
        if isinstance(value, dict):
            return [f"{pad}{key}:", *block(value, column + 2)]
        if isinstance(value, list):
            offset = self._list_offset()
            return [
                f"{pad}{key}:",
                *[line for item in value for line in _item(item, column + offset, column + offset + 2)],
            ]
        return [f"{pad}{key}: {scalar(value)}"]

    def _list_offset(self) -> int:
        """How far the file indents a list's dashes under their key: 2 in the register, 0 as PyYAML writes."""
        from ruamel.yaml.nodes import SequenceNode

        for key, value in self.root.value:
            if isinstance(value, SequenceNode) and not value.flow_style and value.value:
                return max(self._dash(value.value[0]) - int(key.start_mark.column), 0)
        return 2

    def _dash(self, item: Node) -> int:
        """The column of the dash in front of a block list item."""
        start = self._line_start(item.start_mark.index)
        dash = self.text.rfind("-", start, item.start_mark.index)
        if dash < 0:
            raise LayoutError("list item without a dash", item.start_mark.line + 1)
        return int(dash - start)

    def _append(self, sequence: Node, value: Any) -> str:
        from ruamel.yaml.nodes import SequenceNode

        if not isinstance(sequence, SequenceNode):
            raise LayoutError("not a list", sequence.start_mark.line + 1)
        if sequence.flow_style:
            if isinstance(value, dict | list):
                raise LayoutError("flow list", sequence.start_mark.line + 1)
            if sequence.value:
                at = self._last(sequence.value[-1]) + 1
                return self.text[:at] + ", " + scalar(value) + self.text[at:]
            at = self.text.index("[", sequence.start_mark.index) + 1
            return self.text[:at] + scalar(value) + self.text[at:]
        if not sequence.value:
            raise LayoutError("empty block list", sequence.start_mark.line + 1)
        first, last = sequence.value[0], sequence.value[-1]
        dash, content = self._dash(first), first.start_mark.column
        at = self._after_line(self._last(last))
        return self._splice(at, at, _item(value, dash, content))

    def _replace(self, key: ScalarNode, old: Node, value: Any) -> str:
        from ruamel.yaml.nodes import ScalarNode, SequenceNode

        if isinstance(old, ScalarNode) and not isinstance(value, dict | list) and old.style not in ("|", ">"):
            written = scalar(value)
            if _same(old, written):
                return self.text
            start, end = old.start_mark.index, old.end_mark.index
            if old.style in ('"', "'") and isinstance(value, str) and not written.startswith('"'):
                written = json.dumps(value, ensure_ascii=False)  # it was quoted: it stays quoted
            return self.text[:start] + written + self.text[end:]
        if isinstance(old, SequenceNode) and old.flow_style and isinstance(value, list):
            if not all(not isinstance(v, dict | list) for v in value):
                raise LayoutError("flow list", old.start_mark.line + 1)
            written = "[" + ", ".join(scalar(v) for v in value) + "]"
            return self.text[: old.start_mark.index] + written + self.text[old.end_mark.index :]
        start, end = self._entry_span(key, old)
        return self._splice(start, end, self._key_lines(str(key.value), value, key.start_mark.column))


def _same(node: ScalarNode, written: str) -> bool:
    """The scalar already says ``written`` (``2026`` and ``2026``, ``"3430"`` and ``"3430"``)."""
    return bool(node.value == written.strip('"') and (node.style is None) == (not written.startswith('"')))


def _kind(parent: Path) -> str:
    if not parent:
        return "plan"
    if len(parent) == 2 and parent[0] == "revisions":
        return "revision"
    if parent[-1] == "decision" or (len(parent) == 2 and parent[0] == "decisions"):
        return "decision"
    raise LayoutError(f"no field order for {parent}")


def _is_scalar(node: Node) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode)


def _is_key(node: Node, name: str | int) -> bool:
    return _is_scalar(node) and node.value == str(name)
