"""The only module that knows PyYAML: reading a file safely, the loader, and line numbers.

``read_document`` turns one file into plain Python data plus the Problems found on the way:
size, NUL bytes, encoding and control characters first, then YAML syntax, duplicate keys, the
YAML 1.1 traps (``no`` read as false, ``1:20`` read as 80, ``017`` read as 15), values PyYAML
cannot construct (``2017-13-45``), alias bombs and deep nesting. It never raises for bad input.

Line numbers are not kept while loading (that would slow down every valid file); ``locate`` finds
the line and column of a value by its path, by composing the file again. Only files that fail
pay for it.
"""

from __future__ import annotations

import errno
import functools
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planstrategi.i18n import t
from planstrategi.model.problems import Problem, Severity, printable

#: Largest file read, in bytes. A plan file is a few kilobytes; anything near this is a mistake.
MAX_FILE_BYTES = 1_000_000
#: Most alias references (``*name``) in one file; stops "billion laughs" expansion.
MAX_ALIASES = 10
#: Deepest nesting of lists and mappings. A goals file needs about seven levels. Enforced while
#: composing by the pure-Python loader (before Python's own recursion limit, at about 300) and
#: after loading for libyaml (which stops by itself only at 1000) and for recursive aliases.
MAX_DEPTH = 100
#: Most problems reported for one file; the rest are counted in one last problem ("N more problems").
#: A file of 100,000 unknown keys would otherwise print 100,000 lines (and take minutes to place).
MAX_PROBLEMS_PER_FILE = 100
#: Most values (keys, list items, texts: YAML's nodes) in one file, counting again what an alias
#: repeats. The largest file of a real register (the bundled list of every municipality) has about
#: 3,200; a million-byte file of 500,000 list items took 5 s and 700 MB to parse and check.
MAX_NODES = 20_000

_TRUE_WORDS = frozenset({"true", "True", "TRUE"})
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
# Tags a plain key may resolve to that are not text. Every key in a register file is a field name,
# so ``null:``, ``.inf:``, ``2020-01-01:``, ``yes:`` and ``12:`` are kept as the text written: the
# model check then names them at their own line, and ``yes:`` beside ``true:`` are two keys, not one.
_NOT_TEXT_KEYS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))
_MAP_TAG = "tag:yaml.org,2002:map"
# A lone surrogate ("\ud800"): libyaml refuses the escape; the pure-Python scanner must as well.
_SURROGATE = re.compile("[\ud800-\udfff]")
_FALSE_WORDS = frozenset({"false", "False", "FALSE"})
_OCTAL = re.compile(r"^[-+]?0[0-9_]+$")
# What YAML 1.1 calls printable (PyYAML's Reader.NON_PRINTABLE); anything else stops the reader.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# PyYAML's scalar constructors raise these (not YAMLError) for values that match a type's pattern
# but are not valid: 2017-13-45, 0x_, a 5000-digit integer, !!bool maybe, !!timestamp foo.
_CONSTRUCT_ERRORS = (ValueError, KeyError, AttributeError, TypeError, OverflowError)
_TAG_TYPES = {
    "int": "type.int",
    "float": "type.number",
    "bool": "type.bool",
    "timestamp": "type.date",
    "null": "type.null",
}

Loc = tuple[str | int, ...]

# Integers below this many bits have fewer digits than Python's int-to-str limit (4,300) can refuse.
_INT_BITS = 10_000


def _too_many_digits(value: int) -> bool:
    """True when ``str(value)`` would raise: more digits than ``sys.get_int_max_str_digits()`` allows."""
    try:
        str(value)
    except ValueError:
        return True
    return False


# PyYAML's words when a tag does not fit its node (!!map [1], !!str [1], !!omap x); not the merge-key errors.
_TAG_MISFIT = re.compile(r"^expected a (scalar|sequence|mapping) node|^expected a (sequence|single mapping|mapping of)")
# Syntax errors whose position is best given where the scan started (the opening quote, the key).
_SCANS_FROM = ("quoted scalar", "simple key")
# (what libyaml or PyYAML says, in either wording) -> the message that says it plainly.
_SYNTAX: tuple[tuple[tuple[str, ...], str], ...] = (
    (("invalid Unicode character escape",), "syntax.escape"),
    (("quoted scalar",), "syntax.quote"),
    (("mapping values are not allowed",), "syntax.colon"),
    (("could not find expected ':'",), "syntax.no-colon"),
    (("',' or ']'", "',' or '}'"), "syntax.flow"),
    (("expected <block end>", "did not find expected key", "did not find expected '-'"), "syntax.indent"),
    (("cannot start any token",), "syntax.token"),
    (("node content",), "syntax.content"),
    (("undefined alias",), "syntax.alias"),
    (("duplicate anchor",), "syntax.anchor"),
)


class _Stop(Exception):
    """Loading stops here: too many aliases or too deep, at a node or mark."""

    def __init__(self, code: str, where: Any, **params: object) -> None:
        self.code = code
        self.where = where
        self.params = params


@dataclass
class Document:
    """One file's data (None when it could not be read) and the problems found reading it."""

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    hidden: int = 0  # problems found past MAX_PROBLEMS_PER_FILE, counted but not made
    tree: Any = field(default=None, repr=False)  # the composed nodes, kept to place problems (``where``)
    found_at: set[tuple[int, int]] = field(default_factory=set, repr=False)  # (line, column) of every finding

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """``locate`` on this document's own node tree: a failing file is not composed a second time."""
        if isinstance(self.tree, _Tree):
            return self.tree.locate(loc, key=key)
        return locate(self.text or "", loc, key=key)


def make_loader(base: type[Any]) -> type[Any]:
    """A loader on ``base`` that records duplicate keys, YAML 1.1 traps and alias use as it constructs."""

    class StrictLoader(base):  # type: ignore[misc, valid-type, unused-ignore]
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.findings: list[tuple[yaml.Node, str, dict[str, object]]] = []
            self.aliases = 0
            self.depth = 0
            self.repeated = 0  # nodes that aliases repeat, counted toward MAX_NODES
            self.sizes: dict[int, int] = {}

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
            # Only the pure-Python loader composes in Python; libyaml never calls this.
            self.depth += 1
            try:
                # A key is not a level of its own: the mapping it belongs to is (as in _too_deep).
                is_key = isinstance(parent, yaml.MappingNode) and index is None
                if self.depth > MAX_DEPTH and not is_key:
                    raise _Stop("too-deep", self.peek_event(), limit=MAX_DEPTH)
                node: yaml.Node = super().compose_node(parent, index)
                return node
            finally:
                self.depth -= 1

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node in self.constructed_objects:
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise _Stop("too-many-aliases", node, limit=MAX_ALIASES)
                self.repeated += _tree_size(node, self.sizes)
                if self.repeated > MAX_NODES:  # seven aliases to a list of 19,000 items
                    raise _Stop("too-many-values", node, limit=MAX_NODES)
            try:
                return super().construct_object(node, deep=deep)
            except _CONSTRUCT_ERRORS:
                if not isinstance(node, yaml.ScalarNode):
                    raise
                self.recursive_objects.pop(node, None)
                tag = node.tag.rsplit(":", 1)[-1]
                what = t(_TAG_TYPES[tag]) if tag in _TAG_TYPES else node.tag.replace("tag:yaml.org,2002:", "!!")
                self.findings.append((node, "bad-scalar", {"value": printable(node.value), "what": what}))
                return node.value  # the text as written; the model check reports it no further

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            if not isinstance(node, yaml.MappingNode):  # !!map [1] or !!set x: PyYAML says so, as an error
                raise yaml.constructor.ConstructorError(
                    None, None, f"expected a mapping node, but found {node.id}", node.start_mark
                )
            first_line: dict[str, int] = {}
            as_text = node.tag == _MAP_TAG  # not the members of a !!set
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if as_text and key_node.tag in _NOT_TEXT_KEYS:
                        key_node.tag = _STR_TAG
                    if key_node.value in first_line:
                        params = {"key": printable(key_node.value), "first": first_line[key_node.value]}
                        self.findings.append((key_node, "duplicate-key", params))
                    else:
                        first_line[key_node.value] = key_node.start_mark.line + 1
            mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
            return mapping

        def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool:
            value: bool = super().construct_yaml_bool(node)
            if node.value not in _TRUE_WORDS and node.value not in _FALSE_WORDS:
                self.findings.append((node, "truthy", {"value": node.value, "meaning": str(value).lower()}))
            return value

        def construct_yaml_null(self, node: yaml.ScalarNode) -> str | None:
            if node.value in _NULL_WORDS:
                return None
            # ``!!null x``: PyYAML drops the text without a word.
            self.findings.append((node, "bad-scalar", {"value": printable(node.value), "what": t("type.null")}))
            return str(node.value)

        def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
            value: float = super().construct_yaml_float(node)
            if ":" in node.value:
                self.findings.append((node, "sexagesimal", {"value": node.value, "number": value}))
            elif "_" in node.value:
                self.findings.append((node, "underscore", {"value": node.value, "number": value}))
            return value

        def construct_yaml_set(self, node: yaml.MappingNode) -> Any:
            # A list in the order written: a Python set's order changes from one run to the next.
            members: list[Any] = []
            yield members
            members.extend(self.construct_mapping(node))

        def scan_flow_scalar_non_spaces(self, double: bool, start_mark: Any) -> list[str]:
            # Only the pure-Python scanner runs this; libyaml refuses a lone surrogate by itself.
            chunks: list[str] = super().scan_flow_scalar_non_spaces(double, start_mark)
            if double and any(_SURROGATE.search(chunk) for chunk in chunks):
                raise yaml.scanner.ScannerError(
                    "while parsing a quoted scalar",
                    start_mark,
                    "found invalid Unicode character escape code",
                    self.get_mark(),
                )
            return chunks

        def scan_block_scalar_indentation(self) -> Any:
            found = super().scan_block_scalar_indentation()
            self._no_tab_in_indentation()  # the indentation is not known yet: a tab here is libyaml's error
            return found

        def scan_block_scalar_breaks(self, indent: int) -> Any:
            found = super().scan_block_scalar_breaks(indent)
            if self.column < indent:
                self._no_tab_in_indentation()
            return found

        def _no_tab_in_indentation(self) -> None:
            # PyYAML takes a tab in a block text's indentation as part of the text; libyaml refuses it.
            if self.peek() == "\t":
                mark = self.get_mark()
                problem = "found a tab character where an indentation space is expected"
                raise yaml.scanner.ScannerError("while scanning a block scalar", mark, problem, mark)

        def construct_yaml_int(self, node: yaml.ScalarNode) -> int | str:
            value: int = super().construct_yaml_int(node)
            if value.bit_length() > _INT_BITS and _too_many_digits(value):
                # 0xfff… or 1:2:3:… past Python's int-to-str limit: every message that printed it would
                # raise. A decimal that long already fails in int() and is reported the same way.
                self.findings.append((node, "bad-scalar", {"value": printable(node.value), "what": t("type.int")}))
                return str(node.value)
            if ":" in node.value:
                self.findings.append((node, "sexagesimal", {"value": node.value, "number": value}))
            elif _OCTAL.match(node.value):
                self.findings.append((node, "octal", {"value": node.value, "number": value}))
            elif "_" in node.value:
                self.findings.append((node, "underscore", {"value": node.value, "number": value}))
            return value

    StrictLoader.add_constructor("tag:yaml.org,2002:bool", StrictLoader.construct_yaml_bool)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
    StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
    StrictLoader.add_constructor("tag:yaml.org,2002:null", StrictLoader.construct_yaml_null)
    StrictLoader.add_constructor("tag:yaml.org,2002:set", StrictLoader.construct_yaml_set)
    StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
    StrictLoader.__name__ = StrictLoader.__qualname__ = f"Strict{base.__name__}"
    return StrictLoader


#: The pure-Python loader; the same checks, used when PyYAML was built without libyaml.
PURE_LOADER: Any = make_loader(yaml.SafeLoader)
#: The loader in use: libyaml's, many times faster, when PyYAML has it.
LOADER: Any = make_loader(yaml.CSafeLoader) if yaml.__with_libyaml__ else PURE_LOADER


def _problem(path: str, line: int, column: int, code: str, **params: object) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, t(code, **params))


def _at(path: str, node_or_mark: Any, code: str, **params: object) -> Problem:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    if mark is None:
        return _problem(path, 0, 0, code, **params)
    return _problem(path, mark.line + 1, mark.column + 1, code, **params)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the reason: not a file, too large, NUL bytes, not UTF-8, unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder or a named pipe called x.yaml; a pipe would hang
            return None, [_problem(shown, 0, 0, "not-a-file")]
        if info.st_size > MAX_FILE_BYTES:
            return None, [_problem(shown, 0, 0, "too-large", size=info.st_size, limit=MAX_FILE_BYTES)]
        with path.open("rb") as stream:
            # Read what stat saw plus one byte: a 1 MB buffer per file would cost more than the
            # parse at 36,000 files. If the file grew since stat, read on up to the limit.
            raw = stream.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # x.yaml -> x.yaml, or a -> b -> a
            return None, [_problem(shown, 0, 0, "link-loop")]
        return None, [_problem(shown, 0, 0, "unreadable", reason=exc.strerror or type(exc).__name__)]
    if len(raw) > MAX_FILE_BYTES:
        return None, [_problem(shown, 0, 0, "too-large", size=len(raw), limit=MAX_FILE_BYTES)]
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8, with or without a byte-order mark; NUL bytes and control characters refused."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        return None, [_problem(shown, line, column, "nul-byte")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        return None, [_problem(shown, line, column, "encoding", byte=f"0x{raw[exc.start]:02x}")]
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return None, [_problem(shown, line, column, "control-char", char=f"U+{ord(bad.group()):04X}")]
    return text, []


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _tree_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many nodes ``node`` stands for, each alias inside it counted as what it repeats.

    ``sizes`` keeps what was counted (by node id), so each node is walked once however often it is
    repeated; a node inside itself (a recursive alias) counts once there. No recursion.
    """
    todo: list[tuple[yaml.Node, bool]] = [(node, False)]
    while todo:
        current, done = todo.pop()
        if isinstance(current, yaml.SequenceNode):
            children: list[yaml.Node] = current.value
        elif isinstance(current, yaml.MappingNode):
            children = [part for pair in current.value for part in pair]
        else:
            children = []
        if done:
            sizes[id(current)] = 1 + sum(sizes.get(id(child), 1) for child in children)
        elif id(current) not in sizes:
            sizes[id(current)] = 1  # until its children are counted
            todo.append((current, True))
            todo.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(node)]


def _past_max_nodes(text: str) -> Any:
    """Where the first node past MAX_NODES starts, or None: a walk of the parser's events that stops
    there, so a file of half a million values is refused for the price of 20,000 (libyaml composes
    the whole tree before the loader sees a node). A syntax error is left to the parse proper."""
    count = depth = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.NodeEvent):
                count += 1
                if count > MAX_NODES:
                    return event.start_mark
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:  # too deep is the parse's to report (PyYAML's own scanner slows down)
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def parse(text: str, shown: str) -> Document:
    """Parse one YAML document from text into plain data, gathering every problem found."""
    if len(text) > MAX_NODES:  # a node takes at least a character: a shorter file cannot have too many
        past = _past_max_nodes(text)
        if past is not None:
            return Document(shown, None, [_at(shown, past, "too-many-values", limit=MAX_NODES)], text)
    loader = LOADER(text)
    try:
        # get_single_data() in two steps, so the node tree is kept to place problems with.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except _Stop as exc:
        return Document(shown, None, [_at(shown, exc.where, exc.code, **exc.params)], text)
    except yaml.MarkedYAMLError as exc:
        if "\t" in text and LOADER is not PURE_LOADER:
            exc = _tab_error_before(text, exc) or exc
        return Document(shown, None, [_syntax_problem(shown, exc, text)], text)
    except yaml.YAMLError as exc:  # unmarked reader errors; decode() catches the ones we know
        problem = _problem(shown, 0, 0, "yaml-syntax", detail=t("syntax.other", detail=printable(str(exc), 200)))
        return Document(shown, None, [problem], text)
    except RecursionError:  # the last resort if the stack was already deep when we were called
        return Document(shown, None, [_problem(shown, 0, 0, "too-deep", limit=MAX_DEPTH)], text)
    finally:
        loader.dispose()
    if "\t" in text and LOADER is not PURE_LOADER:
        tab = _stray_tab(text, root)
        if tab is not None:
            return Document(shown, None, [_tab_problem(shown, text, *tab)], text)
    deep = _too_deep(data)
    if deep is not None:
        line, column = locate(text, deep)
        code = "recursive-alias" if _loops(data, deep) else "too-deep"
        return Document(shown, None, [_problem(shown, line, column, code, limit=MAX_DEPTH)], text)
    findings = loader.findings[:MAX_PROBLEMS_PER_FILE]
    problems = [_at(shown, node, code, **params) for node, code, params in findings]
    if data is None:
        problems.append(_problem(shown, 0, 0, "empty-file"))  # no line to point at: the whole file
    hidden = len(loader.findings) - len(findings)
    found_at = {(node.start_mark.line + 1, node.start_mark.column + 1) for node, _, _ in loader.findings}
    return Document(shown, data, problems, text, hidden=hidden, tree=_Tree(root), found_at=found_at)


def cap(problems: list[Problem], hidden: int = 0) -> list[Problem]:
    """One file's problems, at most MAX_PROBLEMS_PER_FILE by position, then one that counts the rest.

    ``hidden`` counts problems found but never made (past the cap already where they were found);
    a "more-problems" summary already in ``problems`` is dropped, its count is in ``hidden``.
    """
    problems = [p for p in problems if p.code != "more-problems"]
    if len(problems) <= MAX_PROBLEMS_PER_FILE and not hidden:
        return problems
    problems.sort(key=Problem.sort_key)
    shown, rest = problems[:MAX_PROBLEMS_PER_FILE], problems[MAX_PROBLEMS_PER_FILE:]
    severity = Severity.ERROR if any(p.severity is Severity.ERROR for p in problems) else Severity.WARNING
    message = t("more-problems", n=len(rest) + hidden, limit=MAX_PROBLEMS_PER_FILE)
    if rest:  # where the first one left out is
        path, line, column = rest[0].path, rest[0].line, rest[0].column
    elif shown:  # those never made have no place yet: just after the last one shown
        path, line, column = shown[-1].path, shown[-1].line, shown[-1].column + 1
    else:
        path, line, column = "", 0, 0
    return [*shown, Problem(path, line, column, severity, "more-problems", message)]


def _too_deep(data: Any) -> tuple[Any, ...] | None:
    """The path to the first value nested deeper than MAX_DEPTH (or in a loop of aliases), else None."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) >= MAX_DEPTH:  # the same count as compose_node's: the root is level 1
            return loc
        if isinstance(value, dict):
            stack.extend((child, (*loc, key)) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, (*loc, index)) for index, child in enumerate(value))
    return None


def _loops(data: Any, loc: tuple[Any, ...]) -> bool:
    """True when the path passes through the same list or mapping twice (``&a [*a]``)."""
    seen: set[int] = set()
    for step in loc:
        if id(data) in seen:
            return True
        seen.add(id(data))
        data = data[step]
    return False


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if any(scan in (exc.context or "") for scan in _SCANS_FROM) and exc.context_mark is not None:
        mark = exc.context_mark  # where the quote or key opens, not where the scan gave up
    detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "expected a single document" in (exc.context or ""):
        return _at(shown, mark, "multiple-documents")
    if mark is not None and _tab_near(text, mark.line):
        return _at(shown, mark, "tab")
    if mark is not None and text[mark.index : mark.index + 1] == "\t":  # PyYAML stops at a tab between words
        return _tab_problem(shown, text, mark.line + 1, mark.column + 1)
    if "nesting depth" in detail:  # libyaml's own limit (1000): say where our 100 was passed
        return _at(shown, _deep_mark(text) or mark, "too-deep", limit=MAX_DEPTH)
    if isinstance(exc, yaml.constructor.ConstructorError) and _TAG_MISFIT.search(exc.problem or ""):
        return _at(shown, mark, "tag-mismatch")  # !!map [1], !!str [1], !!seq {a: 1}
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in (exc.problem or ""):
        tag = (exc.problem or "").split("'")[1] if "'" in (exc.problem or "") else "?"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return _at(shown, mark, "unknown-tag", tag=printable(tag))
    return _at(shown, mark, "yaml-syntax", detail=_syntax_detail(detail))


def _deep_mark(text: str) -> Any:
    """Where the first node deeper than MAX_DEPTH starts: the place the pure-Python loader stops at.

    For a file libyaml refused at its own limit (1000 levels, found while it looks ahead, before
    the first event). PyYAML's pure-Python parser gives the events one by one and looks ahead at
    most 1024 characters, so the walk ends soon after level 101; no node tree is built.
    """
    open_: list[list[int]] = []  # per open list or mapping: [is a mapping, children so far]
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                open_.pop()
            elif isinstance(event, yaml.NodeEvent):
                is_key = bool(open_) and open_[-1][0] == 1 and open_[-1][1] % 2 == 0
                if open_:
                    open_[-1][1] += 1
                if len(open_) >= MAX_DEPTH and not is_key:
                    return event.start_mark
                if isinstance(event, yaml.CollectionStartEvent):
                    open_.append([int(isinstance(event, yaml.MappingStartEvent)), 0])
    except yaml.YAMLError:
        pass
    return None


def _stray_tab(text: str, root: yaml.Node | None) -> tuple[int, int] | None:
    """The first tab that is neither in a quoted or block text nor in a comment, as (line, column).

    libyaml takes a tab as a space between tokens (``title:<TAB>X``); PyYAML's own scanner refuses
    it. A file must get the same answer from both loaders, so libyaml's is made the stricter one.
    Runs only for a file with a tab in it; a walk of the node tree, no second parse.
    """
    spans: list[tuple[int, int]] = []
    todo = [root] if root is not None else []
    seen: set[int] = set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark.index, node.end_mark.index  # characters, in both loaders
            if node.style in ("|", ">"):  # the text starts on the line after | or >
                start = text.find("\n", start) + 1 or end
            if node.style in ('"', "'", "|", ">"):
                spans.append((start, end))
        elif isinstance(node, yaml.MappingNode):
            todo.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    spans.sort()
    inside = 0
    tab = text.find("\t")
    while tab >= 0:
        while inside < len(spans) and spans[inside][1] <= tab:
            inside += 1
        if inside < len(spans) and spans[inside][0] <= tab:
            tab = text.find("\t", spans[inside][1])
            continue
        line, line_start = _yaml_line(text, tab)
        if _comment_before(text, line_start, tab, spans):
            end = _YAML_BREAK.search(text, tab)
            tab = text.find("\t", end.start()) if end is not None else -1
            continue
        return line, tab - line_start + 1
    return None


def _yaml_line(text: str, index: int) -> tuple[int, int]:
    """The line (1-based) that ``index`` is on and where that line starts, lines counted as YAML
    counts them: a lone CR, NEL (U+0085), U+2028 and U+2029 end a line as LF and CRLF do."""
    if not _OTHER_BREAK.search(text, 0, index):  # the usual file: only LF (and CRLF, whose LF counts)
        return text.count("\n", 0, index) + 1, text.rfind("\n", 0, index) + 1
    line, start = 1, 0
    for found in _YAML_BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, start


def _tab_error_before(text: str, exc: yaml.MarkedYAMLError) -> yaml.MarkedYAMLError | None:
    """The error PyYAML's scanner gives at a tab before where libyaml stopped, if there is one.

    libyaml reads past a tab between words and fails later, or elsewhere; the pure-Python loader
    stops at the tab. Only the text up to the end of libyaml's line is scanned again (tokens, not
    nodes), so a broken file pays for the part before its error once more, at most.
    """
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    end = text.find("\n", mark.index)
    try:
        for _ in yaml.scan(text[: end + 1 if end >= 0 else len(text)], Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as pure:
        where = pure.problem_mark
        if where is not None and where.index <= mark.index and text[where.index : where.index + 1] == "\t":
            return pure
    return None


_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_OTHER_BREAK = re.compile("[\r\x85\u2028\u2029]")


def _tab_problem(shown: str, text: str, line: int, column: int) -> Problem:
    """A tab where YAML wants a space: in the indentation, or between words (``title:<TAB>X``)."""
    # Lines counted as YAML counts them (CR, NEL, U+2028 and U+2029 break a line too), so the mark's
    # line is always there.
    lines = _YAML_BREAK.split(text)
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indentation = not current[: column - 1].strip(" \t")
    return Problem(shown, line, column, Severity.ERROR, "tab", t("tab" if indentation else "tab.between"))


def _comment_before(text: str, line_start: int, tab: int, spans: list[tuple[int, int]]) -> bool:
    """True when a ``#`` that starts a comment stands between the line's start and ``tab``."""
    hash_ = text.find("#", line_start, tab)
    while hash_ >= 0:
        starts_comment = hash_ == line_start or text[hash_ - 1] in " \t"
        if starts_comment and not any(start <= hash_ < end for start, end in spans):
            return True
        hash_ = text.find("#", hash_ + 1, tab)
    return False


def _syntax_detail(detail: str) -> str:
    """The common mistakes in the planner's words; libyaml and PyYAML word them differently."""
    for patterns, key in _SYNTAX:
        if any(pattern in detail for pattern in patterns):
            return t(key)
    return t("syntax.other", detail=printable(detail, 200))


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


class _Tree:
    """A file's node tree, composed once, with each mapping's keys indexed when first looked in.

    Finding a key by scanning its mapping made a file of 20,000 unknown keys cost 20,000 scans of
    20,000 keys; the index makes each lookup one dictionary step.
    """

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def entry(self, node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        keys = self._keys.get(id(node))
        if keys is None:  # later pairs overwrite earlier ones: the last duplicate wins, as in load
            keys = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            self._keys[id(node)] = keys  # the tree holds the node, so its id is not reused meanwhile
        return keys.get(key)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for depth, step in enumerate(loc):
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                found = self.entry(node, str(step))
                if found is not None:
                    key_node, value_node = found
                    mark = key_node.start_mark
                    child = key_node if (key and depth == len(loc) - 1) else value_node
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                child = node.value[step]
            if child is None:
                break
            node = child
            mark = node.start_mark
        return mark.line + 1, mark.column + 1


@functools.lru_cache(maxsize=4)
def _compose(text: str, loader: Any) -> _Tree:
    """The node tree of ``text``, kept for the next few calls: a file with 20 problems is composed once."""
    try:
        return _Tree(yaml.compose(text, Loader=loader))
    except (yaml.YAMLError, RecursionError, _Stop):
        return _Tree(None)


def locate(text: str, loc: Loc, *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at ``loc``; of the key itself with ``key=True``.

    Walks as far down ``loc`` as the file goes: a missing key points at its parent mapping.
    """
    return _compose(text, LOADER).locate(loc, key=key)


def dump(data: dict[str, Any], schema_header: str | None = None) -> str:
    """YAML text for a plan written by the tool: block style, keys in model order, UTF-8 kept."""
    # SafeDumper quotes every string YAML 1.1 would misread ("no", "1:20", "017"), so a file the
    # tool writes reads back the same.
    body: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return (f"# yaml-language-server: $schema={schema_header}\n" if schema_header else "") + body


class _Dumper(yaml.SafeDumper):
    """Double quotes where quotes are needed ("3430", "no"), as the planner writes them by hand."""

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style


Place = tuple[tuple[str, ...], int | None, int | None]


def node_places(text: str) -> dict[tuple[int, int], Place]:
    """Every node's start (1-based line, column) -> its key path and, for a key or a scalar, where it
    ends (the column just after its last character). From the same cached tree ``locate`` uses; a
    key or a scalar wins over the mapping or list that starts at the same place (it says more)."""
    root = _compose(text, LOADER).root
    found: dict[tuple[int, int], Place] = {}
    if root is None:
        return found
    todo: list[tuple[yaml.Node, tuple[str, ...]]] = [(root, ())]
    seen: set[int] = set()
    while todo:
        node, where = todo.pop()
        if id(node) in seen or len(where) > MAX_DEPTH:
            continue  # an alias is walked once; a list that contains itself ends here
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                found.setdefault(_node_start(key_node), _leaf(key_node, (*where, name)))
                todo.append((value_node, (*where, name)))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, (*where, str(i))) for i, item in enumerate(node.value))
        if isinstance(node, yaml.ScalarNode):
            found[_node_start(node)] = _leaf(node, where)
        else:
            found.setdefault(_node_start(node), (where, None, None))
    return found


def _node_start(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _leaf(node: yaml.Node, where: tuple[str, ...]) -> Place:
    end = node.end_mark
    return where, end.line + 1, end.column + 1
