"""The only module that knows PyYAML: reading a file safely, the loader, and line numbers.

``read_document`` turns one file into plain Python data plus the Problems found on the way:
size, NUL bytes and encoding first, then YAML syntax, duplicate keys and the YAML 1.1 traps
(``no`` read as false, ``1:20`` read as 80, ``017`` read as 15). It never raises for bad input.

Line numbers are not kept while loading (that would slow down every valid file); ``locate`` finds
the line and column of a value by its path, by composing the file again. Only files that fail
pay for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planstrategi.messages import t
from planstrategi.problems import Problem, Severity

try:  # libyaml is many times faster; the pure-Python loader gives the same results.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Largest file read, in bytes. A plan file is a few kilobytes; anything near this is a mistake.
MAX_FILE_BYTES = 1_000_000
#: Most alias references (``*name``) in one file; stops "billion laughs" expansion.
MAX_ALIASES = 10
#: Deepest nesting; libyaml stops at this depth itself, the pure-Python loader by RecursionError.
MAX_DEPTH = 1000

_TRUE_WORDS = frozenset({"true", "True", "TRUE"})
_FALSE_WORDS = frozenset({"false", "False", "FALSE"})
_OCTAL = re.compile(r"^[-+]?0[0-9_]+$")

Loc = tuple[str | int, ...]


class _AliasLimit(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


@dataclass
class Document:
    """One file's data (None when it could not be read) and the problems found reading it."""

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that records duplicate keys, YAML 1.1 traps and alias use as it constructs."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.findings: list[tuple[yaml.Node, str, dict[str, object]]] = []
        self.aliases = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _AliasLimit(node)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first_line: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in first_line:
                    self.findings.append(
                        (key_node, "duplicate-key", {"key": key_node.value, "first": first_line[key_node.value]})
                    )
                else:
                    first_line[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool:
        value = super().construct_yaml_bool(node)
        if node.value not in _TRUE_WORDS and node.value not in _FALSE_WORDS:
            self.findings.append((node, "truthy", {"value": node.value, "meaning": str(value).lower()}))
        return value  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = super().construct_yaml_int(node)
        if ":" in node.value:
            self.findings.append((node, "sexagesimal", {"value": node.value, "number": value}))
        elif _OCTAL.match(node.value):
            self.findings.append((node, "octal", {"value": node.value, "number": value}))
        return value  # type: ignore[no-any-return]


_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _StrictLoader.construct_yaml_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)


def _problem(path: str, line: int, column: int, code: str, **params: object) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, t(code, **params))


def _at(path: str, node_or_mark: Any, code: str, **params: object) -> Problem:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    if mark is None:
        return _problem(path, 0, 0, code, **params)
    return _problem(path, mark.line + 1, mark.column + 1, code, **params)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the reason: too large, NUL bytes, not UTF-8, unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_problem(shown, 0, 0, "too-large", size=size, limit=MAX_FILE_BYTES)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(shown, 0, 0, "unreadable", reason=exc.strerror or type(exc).__name__)]
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8, with or without a byte-order mark; NUL bytes refused."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        return None, [_problem(shown, line, column, "nul-byte")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        return None, [_problem(shown, line, column, "encoding", byte=f"0x{raw[exc.start]:02x}")]


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def parse(text: str, shown: str) -> Document:
    """Parse one YAML document from text into plain data, gathering every problem found."""
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except _AliasLimit as exc:
        return Document(shown, None, [_at(shown, exc.node, "too-many-aliases", limit=MAX_ALIASES)], text)
    except yaml.MarkedYAMLError as exc:
        return Document(shown, None, [_syntax_problem(shown, exc, text)], text)
    except yaml.YAMLError as exc:  # unmarked reader errors, e.g. a control character
        return Document(shown, None, [_problem(shown, 0, 0, "yaml-syntax", detail=str(exc))], text)
    except RecursionError:  # the pure-Python loader on very deep nesting
        return Document(shown, None, [_problem(shown, 0, 0, "too-deep", limit=MAX_DEPTH)], text)
    finally:
        loader.dispose()
    problems = [_at(shown, node, code, **params) for node, code, params in loader.findings]
    if data is None:
        problems.append(_problem(shown, 1, 1, "empty-file"))
    return Document(shown, data, problems, text)


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "expected a single document" in (exc.context or ""):
        return _at(shown, mark, "multiple-documents")
    if mark is not None and _tab_near(text, mark.line):
        return _at(shown, mark, "tab")
    if "nesting depth" in detail:
        return _at(shown, mark, "too-deep", limit=MAX_DEPTH)
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in (exc.problem or ""):
        tag = (exc.problem or "").split("'")[1] if "'" in (exc.problem or "") else "?"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return _at(shown, mark, "unknown-tag", tag=tag)
    return _at(shown, mark, "yaml-syntax", detail=detail)


def _tab_near(text: str, line: int) -> bool:
    """A tab in the indentation of the failing line or the one before (where libyaml stops)."""
    lines = text.splitlines()
    for number in (line, line - 1):
        if 0 <= number < len(lines):
            indent = lines[number][: len(lines[number]) - len(lines[number].lstrip(" \t"))]
            if "\t" in indent:
                return True
    return False


def read_document(path: Path, shown: str | None = None) -> Document:
    """Read and parse one file; ``shown`` is the path as the user should see it."""
    shown = shown if shown is not None else str(path)
    text, problems = read_text(path, shown)
    if text is None:
        return Document(shown, None, problems)
    return parse(text, shown)


def locate(text: str, loc: Loc, *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at ``loc``; of the key itself with ``key=True``.

    Walks as far down ``loc`` as the file goes: a missing key points at its parent mapping.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return 1, 1
    if node is None:
        return 1, 1
    mark = node.start_mark
    for depth, step in enumerate(loc):
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key_node, value_node in reversed(node.value):  # the last duplicate wins, as in load
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                    mark = key_node.start_mark
                    child = key_node if (key and depth == len(loc) - 1) else value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
        mark = node.start_mark
    return mark.line + 1, mark.column + 1


def dump(data: dict[str, Any], schema_header: str | None = None) -> str:
    """YAML text for a plan written by the tool: block style, keys in model order, UTF-8 kept."""
    # SafeDumper quotes every string YAML 1.1 would misread ("no", "1:20", "017"), so a file the
    # tool writes reads back the same.
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return (f"# yaml-language-server: $schema={schema_header}\n" if schema_header else "") + body
