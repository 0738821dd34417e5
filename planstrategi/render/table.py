"""Terminal tables that never lose text: wrapped between words, or stacked when the columns cannot fit.

Each table is measured once (every column's longest word and longest line, heading included);
then, at the width of ``render.terminal`` or the one asked for:

- when every cell fits on one line, the columns are as wide as their longest line and no wider;
- else each column gets at least its longest word, the room left goes first to the columns that
  need least more to fit on one line and is then shared evenly, and what a column does not use
  after wrapping is given to the others; lines break only between words, so no word is cut;
- when not even the longest words fit side by side, the table is stacked: one row per block, a
  ``label: value`` line per cell with the column headings as labels.

A word longer than 30 cells (an address, an id) may stick out past the width in the last column or
in a stacked block, where nothing follows it on its line, rather than be cut: the terminal wraps
it, a reader can still copy it. Text is printed as written (no markup); colour, when the terminal
allows it, only adds to words that are there anyway (urgency groups, marks, statuses). The output
is produced row by row, in time linear in the size of the table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from planstrategi.render import safety, terminal
from planstrategi.render.report import Column, Report, Table

DEFAULT_WIDTH = terminal.DEFAULT_WIDTH
#: A word longer than this may overflow the last column or a stacked value instead of widening it.
LONG_WORD = 30
_GAPS = (3, 2)  # blanks between columns: three where they fit, two before stacking
#: Blanks that ``wrap`` would change: other than space and newline, runs inside a line, at a line's end.
_IRREGULAR = re.compile(r"[^\S\n ]|\S  +\S| +$", re.MULTILINE)
#: Cells this long have their wrapping kept, since the layout asks for it more than once.
_CACHED = 256
_SHORT_KEPT = 20_000  # short cells whose wrapping is kept (then forgotten and kept anew)
_SHORT_FIELD = 24  # a stacked field this short (label, colon, value) may share a line with the next
_FIELD_GAP = "   "
_MEASURE = 30  # cells of a long text column that keep it readable, before short columns are kept whole
_MIN_VALUE = 16  # a stacked value beside its label gets at least this many cells, else it goes below
_SGR = {"bold": "1", "red": "31", "green": "32", "yellow": "33", "magenta": "35", "cyan": "36"}
#: A character that may not take exactly one cell: below U+0300 (Latin, æøå included) every one does.
_NOT_ONE_CELL = re.compile(r"[^\x00-\u02ff]")


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (wide East Asian characters take two, combining none)."""
    if text.isascii():
        return len(text)
    rare = _NOT_ONE_CELL.findall(text)
    if not rare:
        return len(text)
    return len(text) + sum(_EXTRA[char] if char in _EXTRA else _extra(char) for char in rare)


_EXTRA: dict[str, int] = {}  # a character of U+0300 or above -> its cells less one (-1, 0 or 1)


def _extra(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        extra = -1
    else:
        extra = 1 if unicodedata.east_asian_width(char) in ("W", "F") else 0
    _EXTRA[char] = extra
    return extra


def line_widths(lines: list[str], text: str) -> list[int]:
    """The width of each of ``lines`` (``text`` split at newlines) in cells."""
    return list(map(len, lines)) if text.isascii() or not _NOT_ONE_CELL.search(text) else list(map(cells, lines))


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken only between words.

    Each line of ``text`` keeps its leading indent (the id under a title in ``list``); runs of blanks
    inside a line become one. A word wider than the room stands alone on its line, whole.
    """
    lines = text.split("\n")
    if max(line_widths(lines, text)) <= width and not _IRREGULAR.search(text):  # every line fits as it is
        return lines
    out: list[str] = []
    for line in lines:
        words = line.split()
        if not words:
            out.append("")
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        if cells(line) <= width and " ".join(words) == line[len(indent) :]:
            out.append(line)
            continue
        room = max(width - len(indent), 1)
        current, used = words[0], cells(words[0])
        for word in words[1:]:
            size = cells(word)
            if used + 1 + size <= room:
                current += " " + word
                used += 1 + size
            else:
                out.append(indent + current)
                current, used = word, size
        out.append(indent + current)
    return out


@dataclass
class _Measure:
    """What a column needs: its longest word (with indent) and its longest line, in cells."""

    word: int = 0
    line: int = 0
    long_word: int = 0  # the longest word of at most LONG_WORD cells (what the last column needs)

    def add(self, text: str) -> None:
        lines = text.split("\n")
        for line, size in zip(lines, line_widths(lines, text), strict=True):
            if size > self.line:
                self.line = size
            if size <= self.long_word:  # no word in it can be longer than one already seen
                continue
            indent = len(line) - len(line.lstrip(" "))
            for word in line.split():
                size = cells(word)
                self.word = max(self.word, indent + size)
                if size <= LONG_WORD:
                    self.long_word = max(self.long_word, indent + size)


def _paint(text: str, style: str, colour: bool) -> str:
    codes = [_SGR[part] for part in style.split() if part in _SGR] if colour and text else []
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text


def _fit(text: str, width: int, align: str, style: str = "", colour: bool = False) -> str:
    """``text`` padded to ``width`` cells as ``align`` says; the colour covers the words only."""
    pad = width - cells(text)
    text = _paint(text, style, colour)
    if pad <= 0:
        return text
    if align == "right":
        return " " * pad + text
    if align == "center":
        return " " * (pad // 2) + text + " " * (pad - pad // 2)
    return text + " " * pad


def _share(least: list[int], want: list[int], spare: int) -> list[int]:
    """``least`` plus ``spare`` cells: the least wanting satisfied first, the rest shared evenly."""
    extra = [0] * len(least)
    pending = sorted((i for i in range(len(least)) if want[i] > least[i]), key=lambda i: want[i] - least[i])
    while pending and spare > 0:
        fair, wants = spare // len(pending), want[pending[0]] - least[pending[0]]
        if wants > fair:
            for rank, i in enumerate(pending):
                extra[i] = fair + (rank >= len(pending) - spare % len(pending))
            break
        extra[pending.pop(0)] = wants
        spare -= wants
    return [least[i] + extra[i] for i in range(len(least))]


class _Layout:
    """One table's columns, cell texts and measures, and the widths chosen for them (None: stacked)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = table.columns_for("table")
        self.groups: list[tuple[str | None, list[list[str]]]] = []
        self.measures = [_Measure() for _ in self.columns]
        self._wraps: dict[tuple[str, int], list[str]] = {}
        self._longest: dict[str, int] = {}
        self._longest_at: dict[tuple[str, int], int] = {}
        self._by_width: dict[int, list[tuple[int, str]]] = {}  # column -> (widest line, text), widest first
        self._column_used: dict[tuple[int, int], int] = {}
        self._short: dict[tuple[str, int], list[str]] = {}  # short cells' wrapping, at most _SHORT_KEPT
        for measure, column in zip(self.measures, self.columns, strict=True):
            measure.add(column.heading)
        for name, group in table.groups():
            # Text from the data is made inert for a terminal here, once (safety.terminal).
            texts = [[safety.terminal(column.text(row), newlines=True) for column in self.columns] for row in group]
            name = None if name is None else safety.terminal(name)
            for cells_of_row in texts:
                for measure, text in zip(self.measures, cells_of_row, strict=True):
                    measure.add(text)
            self.groups.append((name, texts))

    def wrapped(self, text: str, width: int) -> list[str]:
        """``wrap(text, width)``, kept for long cells (the layout and the output ask more than once)
        and for short ones that repeat (a group's name, a reason, a status: most cells of a long table)."""
        if len(text) < _CACHED:
            short = (text, width)
            lines = self._short.get(short)
            if lines is None:
                if len(self._short) >= _SHORT_KEPT:
                    self._short.clear()
                lines = self._short[short] = wrap(text, width)
            return lines
        key = (text, width)
        found = self._wraps.get(key)
        if found is None:
            if self.longest(text) <= width:
                width = self.longest(text)  # the same lines at every width that holds them
                found = self._wraps.get((text, width))
            if found is None:
                found = wrap(text, width)
            self._wraps[key] = self._wraps[(text, width)] = found
        return found

    def longest(self, text: str) -> int:
        """The widest line of ``text``, in cells."""
        found = self._longest.get(text)
        if found is None:
            found = self._longest[text] = max(line_widths(text.split("\n"), text))
        return found

    def used(self, text: str, width: int) -> int:
        """The widest line of ``text`` wrapped at ``width``."""
        if len(text) < _CACHED:
            return max(cells(line) for line in wrap(text, width))
        if self.longest(text) <= width:
            return self.longest(text)
        key = (text, -width)
        if key not in self._longest_at:
            self._longest_at[key] = max(cells(line) for line in self.wrapped(text, width))
        return self._longest_at[key]

    def height(self, text: str, width: int) -> int:
        """How many lines ``text`` takes at ``width``."""
        if len(text) < _CACHED:
            return 1 if "\n" not in text and cells(text) <= width else len(wrap(text, width))
        return len(self.wrapped(text, width))

    def widths(self, width: int) -> tuple[list[int], int] | None:
        """Column widths and the gap between columns, or None when only the stacked layout fits.

        Three blanks between columns; two where that saves a line in ten (or is all that fits)."""
        count = len(self.columns)
        natural = [m.line for m in self.measures]
        last = count - 1
        words = [m.word if not c.no_wrap else m.line for m, c in zip(self.measures, self.columns, strict=True)]
        if self.columns[last].align == "left" and not self.columns[last].no_wrap:
            words[last] = max(self.measures[last].long_word, 1)
        preferred = [max(w, min(c.min_width or 0, n)) for w, c, n in zip(words, self.columns, natural, strict=True)]
        options: list[tuple[list[int], int]] = []
        for gap in _GAPS:
            room = width - 1 - gap * (count - 1)
            if sum(natural) <= room:
                options.append((natural, gap))
                break
            least = next((least for least in (preferred, words) if sum(least) <= room), None)
            if least is not None:
                options.append((self._settle(least, natural, room), gap))
        if not options:
            return None
        sample = self._sample()
        narrow_gap_cost = max(1, len(sample) // 10)  # lines two blanks must save to be worth it

        def cost(option: tuple[list[int], int]) -> tuple[int, int]:
            lines, broken = _height(self, sample, option[0])
            return lines + (narrow_gap_cost if option[1] < _GAPS[0] else 0), broken

        return min(options, key=cost)

    def _settle(self, least: list[int], natural: list[int], room: int) -> list[int]:
        """The widths that give the fewest lines, then what a column leaves unused given to the others.

        Columns that need at most a third of the room keep their lines whole when the long ones
        can still have 30 cells each. The candidates are the even share and, for each column that
        wraps, that column on one line with the rest shared; they are compared on a sample of rows,
        so a long table costs no more.
        """
        # A short column (a group's name) is not wrapped to widen a long one, if each long one
        # still gets a readable measure.
        short = [n if n <= room // 3 else max(low, _MEASURE) for n, low in zip(natural, least, strict=True)]
        if sum(short) <= room:
            least = [n if n <= room // 3 else low for n, low in zip(natural, least, strict=True)]
        candidates = [_share(least, natural, room - sum(least))]
        for index in range(len(least)):
            first = [*least[:index], natural[index], *least[index + 1 :]]
            if natural[index] > least[index] and sum(first) <= room:
                candidates.append(_share(first, natural, room - sum(first)))
        sample = self._sample()
        widths = min(candidates, key=lambda widths: _height(self, sample, widths))
        for _ in range(2):
            used = self._used(widths)
            if used == widths or sum(used) >= room:
                break
            floor = [max(u, low) for u, low in zip(used, least, strict=True)]
            widths = _share(floor, natural, room - sum(floor))
        return widths

    def _sample(self, size: int = 240) -> list[list[str]]:
        rows = [row for _, group in self.groups for row in group]
        step = max(1, -(-len(rows) // size))
        return rows[::step]

    def _used(self, widths: list[int]) -> list[int]:
        used = [0] * len(widths)
        for index, (measure, width) in enumerate(zip(self.measures, widths, strict=True)):
            if measure.line <= width:
                used[index] = measure.line
                continue
            key = (index, width)
            if key not in self._column_used:
                self._column_used[key] = self._widest_used(index, width)
            used[index] = self._column_used[key]
        return used

    def _widest_used(self, index: int, width: int) -> int:
        """The widest line of column ``index`` (heading included) wrapped at ``width``.

        Wrapping never makes a line wider than the text's widest line, nor wider than ``width`` or
        the column's longest word: the texts are taken widest first, and the search stops when no
        text left can beat what was found."""
        ranked = self._by_width.get(index)
        if ranked is None:
            texts = [self.columns[index].heading] + [row[index] for _, rows in self.groups for row in rows]
            ranked = self._by_width[index] = sorted(
                ((max(line_widths(text.split("\n"), text)), text) for text in dict.fromkeys(texts)),
                key=lambda item: -item[0],
            )
        bound = max(width, self.measures[index].word)
        found = 0
        for longest, text in ranked:
            if longest <= found or found >= bound:
                break
            found = max(found, self.used(text, width))
        return found


def _height(layout: _Layout, rows: list[list[str]], widths: list[int]) -> tuple[int, int]:
    """How many lines ``rows`` take at ``widths``, and (to break ties) how many lines their cells have."""
    total = broken = 0
    for row in rows:
        counts = [layout.height(text, width) for text, width in zip(row, widths, strict=True)]
        total += max(counts)
        broken += sum(counts)
    return total, broken


def _table_lines(layout: _Layout, widths: list[int], gap: int, colour: bool, rule: str) -> Iterator[str]:
    columns = layout.columns
    spacer = " " * gap

    blanks = [" " * width for width in widths]

    def block(texts: Sequence[str], styled: bool) -> Iterator[str]:
        wrapped = [layout.wrapped(text, width) for text, width in zip(texts, widths, strict=True)]
        styles = [
            column.styles.get(text, "") if styled else "bold" for column, text in zip(columns, texts, strict=True)
        ]
        heights = sorted(len(lines) for lines in wrapped)
        shared = heights[-2] if len(heights) > 1 else 0  # below this line, only the tallest cell goes on
        for n in range(shared):
            parts = [
                _fit(lines[n], width, column.align, style, colour) if n < len(lines) else blank
                for column, lines, width, style, blank in zip(columns, wrapped, widths, styles, blanks, strict=True)
            ]
            yield (" " + spacer.join(parts)).rstrip()
        tallest = max(range(len(wrapped)), key=lambda i: len(wrapped[i]))
        prefix = " " + "".join(blank + spacer for blank in blanks[:tallest])
        column, width, style = columns[tallest], widths[tallest], styles[tallest]
        if column.align == "left":  # padding that rstrip would take off again
            yield from ((prefix + _paint(line, style, colour)).rstrip() for line in wrapped[tallest][shared:])
            return
        for line in wrapped[tallest][shared:]:
            yield (prefix + _fit(line, width, column.align, style, colour)).rstrip()

    yield from block([c.heading for c in columns], styled=False)
    yield " " + rule * (sum(widths) + gap * (len(widths) - 1))
    for index, (name, rows) in enumerate(layout.groups):
        if name is not None:
            if index:
                yield ""
            yield from _group_heading(layout.table, name, sum(widths) + gap * (len(widths) - 1) + 1, colour)
        for texts in rows:
            yield from block(texts, styled=True)


def _group_heading(table: Table, name: str, width: int, colour: bool) -> Iterator[str]:
    style = (table.group.styles.get(name) if table.group is not None else None) or "bold"
    for line in wrap(name, max(width - 1, 1)):
        yield " " + _paint(line, style, colour)


def _stacked_lines(layout: _Layout, width: int, colour: bool) -> Iterator[str]:
    """One block per row of ``label: value`` fields; short ones share a line, long ones wrap under their label."""
    labels = [" ".join(c.heading.split()) + ":" for c in layout.columns]
    need = max(max(m.long_word for m in layout.measures), _MIN_VALUE)
    fields = _Fields(layout.columns, labels, width, colour, need)
    first = True
    for name, rows in layout.groups:
        if name is not None:
            if not first:
                yield ""
            yield from _group_heading(layout.table, name, width, colour)
        for texts in rows:
            if not first or name is not None:
                yield ""
            first = False
            yield from fields.block(texts)


class _Fields:
    """The stacked layout of one table: what every row's block shares, worked out once."""

    def __init__(self, columns: Sequence[Column], labels: list[str], width: int, colour: bool, need: int) -> None:
        self.columns, self.labels, self.width, self.colour = columns, labels, width, colour
        self.sizes = [cells(label) for label in labels]
        self.heads = [_paint(label, "bold", colour) for label in labels]
        self.indent = 1 + max(self.sizes) + 1
        self.below = width - self.indent < need

    def block(self, texts: list[str]) -> Iterator[str]:
        """One row as fields; values start after the longest label, or under their label when the words
        (``need`` cells, the longest of at most LONG_WORD) would not fit beside it."""
        width, colour, indent, below = self.width, self.colour, self.indent, self.below
        line, used = "", 0  # a line of short fields being filled, and its width
        for index, (column, text) in enumerate(zip(self.columns, texts, strict=True)):
            if not text:
                continue
            label, label_size, head = self.labels[index], self.sizes[index], self.heads[index]
            shown = column.spoken.get(text, text)
            style = column.styles.get(text, "")
            shown_size = cells(shown)
            size = label_size + 1 + shown_size
            start = 1 + size if below else indent + shown_size  # the width of a line it starts
            if index and "\n" not in shown and size <= _SHORT_FIELD and start <= width:
                if line and used + len(_FIELD_GAP) + size <= width:
                    line += _FIELD_GAP + head + " " + _paint(shown, style, colour)
                    used += len(_FIELD_GAP) + size
                    continue
                if line:
                    yield line
                pad = " " if below else " " * (indent - 1 - label_size)
                line, used = " " + head + pad + _paint(shown, style, colour), start
                continue
            if line:
                yield line
                line, used = "", 0
            if below:
                yield from (" " + _paint(part, "bold", colour) for part in wrap(label, width - 1))
                yield from ("    " + _paint(part, style, colour) for part in wrap(shown, width - 4))
                continue
            parts = wrap(shown, width - indent)
            yield " " + head + " " * (indent - 1 - label_size) + _paint(parts[0], style, colour)
            yield from (" " * indent + _paint(part, style, colour) for part in parts[1:])
        if line:
            yield line


def _wrapped(text: str, width: int, style: str, colour: bool) -> Iterator[str]:
    for line in wrap(text, width):
        yield _paint(line, style, colour)


def lines(report: Report, *, width: int, colour: bool, unicode: bool) -> Iterator[str]:
    """The report's lines, one table after another, each line without its end."""
    rule = "─" if unicode else "-"
    for index, table in enumerate(report.tables):
        if index:
            yield ""
        yield from _wrapped(safety.terminal(table.caption), width, "bold", colour)
        if not table.rows:
            yield from _wrapped(safety.terminal(table.empty), width, "", colour)
            continue
        yield ""
        layout = _Layout(table)
        chosen = layout.widths(width)
        if chosen is None:
            yield from _stacked_lines(layout, width, colour)
        else:
            yield from _table_lines(layout, *chosen, colour, rule)
        if table.notes:
            yield ""
        for note in table.notes:
            yield from _wrapped(safety.terminal(note, newlines=True), width, "", colour)


#: Characters of output gathered before a piece is written (``pieces``).
PIECE = 1 << 16


def pieces(
    report: Report, *, width: int | None = None, color: bool | None = None, unicode: bool | None = None
) -> Iterator[str]:
    """The report as terminal text in pieces of whole lines, each given as soon as it is laid out, so
    a long table starts on the screen (or down a pipe) before its last row is done; ``render`` is
    their concatenation. ``width``, ``color`` and ``unicode`` default to what stdout is."""
    chosen_width = width or terminal.width()
    chosen_colour = terminal.colour() if color is None else color
    chosen_unicode = terminal.unicode() if unicode is None else unicode
    gathered: list[str] = []
    size = 0
    for line in lines(report, width=chosen_width, colour=chosen_colour, unicode=chosen_unicode):
        gathered.append(line)
        size += len(line) + 1
        if size >= PIECE:
            # Whole lines: the Actions-log guard, which looks at each line, sees what it would see in one text.
            yield safety.actions_log("\n".join(gathered) + "\n")
            gathered, size = [], 0
    if gathered:
        yield safety.actions_log("\n".join(gathered) + "\n")


def render(report: Report, *, width: int | None = None, color: bool | None = None, unicode: bool | None = None) -> str:
    """The report as terminal text; ``width``, ``color`` and ``unicode`` default to what stdout is."""
    return "".join(pieces(report, width=width, color=color, unicode=unicode))
