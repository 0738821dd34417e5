"""The only module that knows ruamel.yaml: a register file read and written back with its comments kept.

PyYAML (``yamlio``) reads the register for checking; it forgets comments, blank lines, quoting and
the layout, so it cannot write a planner's file back. ruamel.yaml's round-trip mode keeps them:
``load`` gives a document (ruamel's ``CommentedMap`` and ``CommentedSeq``) and ``dump`` writes it back,
byte for byte the same for a file in the register's style (mappings indented 2, lists 2 under their
key, no line re-wrapped). ``tests/test_upgrade.py`` checks that for every file of the bundled register.

``upgrade_plan_text`` takes a plan file from format 0.1 to 0.2: ``year`` becomes ``target`` in each
revision. It does not dump the document: a file written by ``planstrategi new`` or ``import`` (PyYAML
style, lists not indented under their key) or saved with CRLF line ends would come back reformatted.
It finds each key with ruamel's composer, which knows the key's exact place in the text, and
replaces just that word, so every other byte stays as it was.

ruamel is imported inside the functions: ``planstrategi --help`` must not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import TYPE_CHECKING, Any

from planstrategi.i18n import t
from planstrategi.model.problems import Problem, Severity, printable

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

#: Longer than any line in a register file, so ``dump`` never folds a long title onto two lines.
WIDTH = 4096
#: The key a revision's target had in format 0.1, the key it has from 0.2, and how either may be
#: written (plain or quoted); the quotes are kept.
OLD_KEY = "year"
NEW_KEY = "target"
_SPELLINGS = {OLD_KEY: NEW_KEY, f'"{OLD_KEY}"': f'"{NEW_KEY}"', f"'{OLD_KEY}'": f"'{NEW_KEY}'"}


class RoundTripError(Exception):
    """ruamel.yaml could not read the text; ``line`` and ``column`` are 1-based (0 when unknown)."""

    def __init__(self, detail: str, line: int = 0, column: int = 0) -> None:
        super().__init__(detail)
        self.detail = detail
        self.line = line
        self.column = column


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    # "revisions:\n  - year: 2024\n    state: vedtatt": the dash 2 in from the key, the item's keys 4.
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The text as a round-trip document (comments, order and quoting kept); RoundTripError if unreadable."""
    yaml = _yaml()
    with _errors():
        return yaml.load(text)


def dump(document: Any) -> str:
    """The document as text again, in the register's layout."""
    stream = StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def upgrade_plan_text(text: str, shown: str = "") -> tuple[str | None, list[Problem]]:
    """A plan file's text in format 0.2, or None when it needs no change; and what stops the upgrade.

    Only ``year`` keys directly in the items of ``revisions`` are renamed (not, say, the ``year`` of a
    revision's ``decision``). An item with both ``year`` and ``target`` is a problem: which one is
    right is the planner's choice. With any problem the text is not changed at all. ``shown`` is the
    path the problems name.
    """
    try:
        root = compose(text)
    except RoundTripError as exc:
        return None, [_problem(shown, exc.line, exc.column, "upgrade-manual", detail=exc.detail)]
    edits: list[tuple[int, int, str]] = []
    problems: list[Problem] = []
    for item in _revision_items(root):
        names = [key.value for key, _ in item.value if _is_scalar(key)]
        for key in _old_keys(item):
            line, column = key.start_mark.line + 1, key.start_mark.column + 1
            written = text[key.start_mark.index : key.end_mark.index]
            if NEW_KEY in names:
                problems.append(_problem(shown, line, column, "upgrade-conflict"))
            elif written not in _SPELLINGS:
                detail = t("upgrade.spelled", key=printable(written))
                problems.append(_problem(shown, line, column, "upgrade-manual", detail=detail))
            else:
                edits.append((key.start_mark.index, key.end_mark.index, _SPELLINGS[written]))
    if problems:
        return None, problems
    if not edits:
        return None, []
    upgraded = text
    for start, end, replacement in sorted(edits, reverse=True):
        upgraded = upgraded[:start] + replacement + upgraded[end:]
    checked = _check(upgraded, shown, len(edits))
    return (None, checked) if checked else (upgraded, [])


def _check(upgraded: str, shown: str, renamed: int) -> list[Problem]:
    """The upgraded text read again: every renamed key is there and no old key is left (else a bug)."""
    try:
        root = compose(upgraded)
    except RoundTripError as exc:
        return [_problem(shown, exc.line, exc.column, "upgrade-manual", detail=exc.detail)]
    items = list(_revision_items(root))
    left = [key for item in items for key in _old_keys(item)]
    found = sum(key.value == NEW_KEY for item in items for key, _ in item.value if _is_scalar(key))
    if left or found < renamed:
        where = left[0].start_mark if left else None
        line, column = (where.line + 1, where.column + 1) if where is not None else (0, 0)
        return [_problem(shown, line, column, "upgrade-manual", detail=t("upgrade.unexpected"))]
    return []


def compose(text: str) -> Node | None:
    """The node tree of ``text``: each key and value with its place (character offset) in the text.

    RoundTripError when ruamel cannot read it; ``store/planedit.py`` edits files by these places."""
    yaml = _yaml()
    with _errors():
        node: Node | None = yaml.compose(text)
    return node


def _revision_items(root: Node | None) -> Iterator[MappingNode]:
    """The mappings listed under the top-level ``revisions`` key, each once (an alias repeats a node)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if not isinstance(root, MappingNode):
        return
    seen: set[int] = set()
    for key, value in root.value:
        if not (_is_scalar(key) and key.value == "revisions" and isinstance(value, SequenceNode)):
            continue
        for item in value.value:
            if isinstance(item, MappingNode) and id(item) not in seen:
                seen.add(id(item))
                yield item


def _old_keys(item: MappingNode) -> list[ScalarNode]:
    return [key for key, _ in item.value if _is_scalar(key) and key.value == OLD_KEY]


def _is_scalar(node: Node) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode)


@contextmanager
def _errors() -> Iterator[None]:
    """Turns ruamel's errors (and a nesting too deep for the stack) into RoundTripError."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        yield
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = printable(" ".join(str(part) for part in (exc.context, exc.problem) if part), 200)
        if mark is None:
            raise RoundTripError(detail) from None
        raise RoundTripError(detail, mark.line + 1, mark.column + 1) from None
    except (YAMLError, RecursionError) as exc:
        raise RoundTripError(printable(str(exc) or type(exc).__name__, 200)) from None


def _problem(path: str, line: int, column: int, code: str, **params: object) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, t(code, **params))
