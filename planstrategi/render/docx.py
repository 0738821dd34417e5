"""The planning strategy's appendix, or one table, as a Word document for the council case.

``render(report) -> bytes`` lays out the ``Report`` every format renders as the council receives
it: the title as Heading 1 and each table's caption as Heading 2 (both in Word's navigation pane
and outline), «Per 2. desember 2026.» under the title, each table in Word's built-in "Table Grid"
style with its header row repeated on every page and no row split across two pages, and each
group of plans as a row spanning the table, kept with the first plan under it. A table too wide
for A4 portrait (the year columns with their remarks, the checklist) gets a landscape section;
the others are portrait. The document's language (its core properties and the styles' ``w:lang``)
is the run's: nb-NO, nn-NO or en-GB, so Word checks the spelling in the right language form.

What the document leaves out is working text for the register's keepers: plan ids, the
"Kontrollert" column and the note that requirements are not yet checked against the law. The
workload's bars of block characters become counts (revision, cadence, backlog) in columns.

Every text passes ``safety.docx``; links are made only for http, https and mailto addresses
(``safety.link``). The same report on the same date gives the same bytes: the zip entries and
the document's dates are the report's date, never the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planstrategi.i18n import date_text, long_date, t
from planstrategi.render import safety
from planstrategi.render.report import Column, Report, Row, Table, cell_text

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section

#: The language tags Word knows the language forms by (the document's and the styles' language).
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
A4 = (21.0, 29.7)  # cm, portrait
MARGIN = 2.0  # cm, all four sides
TABLE_STYLE = "Table Grid"  # built into python-docx's template and every Word
BODY_PT, TABLE_PT = 10, 9
HEADER_FILL, GROUP_FILL = "D9D9D9", "F2F2F2"
LINK_COLOUR = "0563C1"
#: Colours for the words and marks the terminal colours (only beside the words, never instead).
COLOURS = {"red": "C00000", "green": "00703C", "yellow": "7F6000", "magenta": "7030A0"}
#: Columns that are working text for the register's keepers, not for the council.
INTERNAL = frozenset({"id", "verified"})
# How wide a column asks to be: a text of this many characters or fewer is kept on one line;
# a longer one wraps, and asks for WIDE cm when the orientation is chosen.
NARROW, CHAR, PAD, WIDE = 16, 0.21, 0.5, 4.0
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass(frozen=True)
class Layout:
    """How one table is set: the columns shown, their widths in cm, and the page's orientation."""

    columns: list[Column]
    widths: list[float]
    landscape: bool


def render(report: Report) -> bytes:
    """``report`` as the bytes of a .docx file."""
    import docx
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    as_of = report.as_of()
    tag = LANGUAGE_TAGS.get(report.language, LANGUAGE_TAGS["nb"])
    _styles(document, tag)
    _properties(document, report, tag, as_of)
    layouts = [layout(table) for table in report.tables]
    landscape = bool(layouts) and layouts[0].landscape
    _page(document.sections[0], landscape=landscape)
    _footer(document.sections[0])
    document.add_heading(safety.docx(report.title), level=1)
    if as_of is not None:
        document.add_paragraph(t("report.as-of", date=long_date(as_of)))
    one_table = len(report.tables) == 1 and report.tables[0].caption == report.title
    for table, chosen in zip(report.tables, layouts, strict=True):
        if chosen.landscape != landscape:
            landscape = chosen.landscape
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)
        _part(document, report, table, chosen, heading=not one_table)
    return _stable_zip(document, as_of)


# --- what is shown -------------------------------------------------------------------------------


def columns(table: Table) -> list[Column]:
    """The columns of the web page but the internal ones, with the workload's bar as its counts."""
    from planstrategi.rules.workload import Source

    shown: list[Column] = []
    for column in table.columns_for("html"):
        if column.key in INTERNAL:
            continue
        if column.key == "bar":
            shown += [Column(s.value, _capital(t(f"workload.source.{s.value}")), align="right") for s in Source]
            continue
        shown.append(column)
    return shown


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def notes(report: Report, table: Table) -> tuple[list[str], list[str]]:
    """The notes to print before the table (the legend of its marks) and after it; without the
    «Per …» line (under the title, as a long date), the legend of the bars (not drawn) and the
    note on unverified requirements (working text)."""
    from planstrategi.render.intelligence import BAR
    from planstrategi.rules.workload import Source

    dropped = {t("workload.legend", done=BAR[Source.REVISION], late=BAR[Source.BACKLOG])}
    as_of = report.as_of()
    if as_of is not None:  # in whichever form the layout wrote the date
        dropped |= {t("report.as-of", date=date) for date in (as_of.isoformat(), date_text(as_of), long_date(as_of))}
    unverified = [str(row.get("title", "")) for row in table.rows if row.get("verified") is False]
    if unverified:
        dropped.add(t("requirements.unverified", names="; ".join(unverified)))
    legend = t("table.legend")
    before = [note for note in table.notes if note == legend]
    after = [note for note in table.notes if note != legend and note not in dropped]
    return before, after


def _text(value: Any) -> str:
    """A value as the cell shows it; a date in the short form of the language (01.03.2025)."""
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return cell_text(value)


def lines(column: Column, row: Row) -> list[str]:
    """The cell's text as paragraphs: a list (the targets of a goal, the plans that meet a
    requirement) one item to a line."""
    value = column.value(row)
    if isinstance(value, list | tuple):
        return [text for text in (_text(item) for item in value) if text]
    return [_text(value)]


# --- how wide -------------------------------------------------------------------------------------


def _measure(column: Column, rows: Sequence[Row]) -> tuple[int, int, int]:
    """A column's longest line, all its text and its longest word, in characters."""
    cells = [lines(column, row) for row in rows]
    texts = [line for cell in cells for text in cell for line in text.split("\n")]
    words = [len(word) for text in [column.heading, *texts] for word in text.split()] or [0]
    return max([len(text) for text in texts] + words), sum(len(text) for text in texts), max(words)


def layout(table: Table) -> Layout:
    """The columns, their widths and the orientation: landscape when the short columns at their
    width and the wrapping ones at ``WIDE`` do not fit between the margins of a portrait page.

    A short column (``NARROW`` characters or fewer) gets the width of its longest text. The
    wrapping ones share the rest of the line by the geometric mean of how much text they hold and
    their longest line (a column full of text gets room, and so does one with a few long texts),
    each at least as wide as a word of 12 characters needs."""
    shown = columns(table)
    sizes = [_measure(column, table.rows) for column in shown]
    short = [longest <= NARROW for longest, _, _ in sizes]
    natural = [size[0] * CHAR + PAD if is_short else WIDE for size, is_short in zip(sizes, short, strict=True)]
    landscape = bool(table.rows) and sum(natural) > A4[0] - 2 * MARGIN
    usable = (A4[1] if landscape else A4[0]) - 2 * MARGIN
    widths = list(natural)
    wrapping = [index for index, is_short in enumerate(short) if not is_short]
    floors = {i: max(2.0, min(sizes[i][2], 12) * CHAR + PAD) for i in wrapping}
    weights = {i: max(math.sqrt(sizes[i][0] * sizes[i][1]), 1.0) for i in wrapping}
    room = usable - sum(width for width, is_short in zip(natural, short, strict=True) if is_short)
    while wrapping:  # a column whose share is below its floor takes the floor; the rest share again
        total = sum(weights[i] for i in wrapping)
        pinned = [i for i in wrapping if room * weights[i] / total < floors[i]]
        if not pinned:
            for i in wrapping:
                widths[i] = room * weights[i] / total
            break
        for i in pinned:
            widths[i] = floors[i]
        room -= sum(floors[i] for i in pinned)
        wrapping = [i for i in wrapping if i not in pinned]
    if sum(widths) > usable:  # more columns than the page has room for: all narrower alike
        widths = [width * usable / sum(widths) for width in widths]
    return Layout(shown, widths, landscape)


# --- the Word document ----------------------------------------------------------------------------


def _element(name: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(name)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _styles(document: Document, tag: str) -> None:
    """Body text at 10 pt, and the language on the defaults and on each style the text uses."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    for lang in document.styles.element.iter(qn("w:lang")):  # the document defaults
        lang.set(qn("w:val"), tag)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        properties = document.styles[name].element.get_or_add_rPr()
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = _element("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def _properties(document: Document, report: Report, tag: str, as_of: dt.date | None) -> None:
    props = document.core_properties
    props.title = safety.docx(report.title)
    props.language = tag
    props.author = ""
    props.comments = ""
    props.last_modified_by = "planstrategi"
    props.revision = 1
    stamp = dt.datetime(*(as_of.timetuple()[:3] if as_of else (2000, 1, 1)))
    props.created = props.modified = stamp


def _page(section: Section, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    short, long = Cm(A4[0]), Cm(A4[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = Cm(MARGIN)
    section.top_margin = section.bottom_margin = Cm(MARGIN)
    section.header_distance = section.footer_distance = Cm(1.0)


def _footer(section: Section) -> None:
    """The page number, centred (the later sections share this footer)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = _element("w:fldSimple", instr="PAGE")
    run, text = _element("w:r"), _element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _part(document: Document, report: Report, table: Table, chosen: Layout, *, heading: bool) -> None:
    """One table under its heading, with its notes; the text for "none" when it has no rows."""
    from docx.shared import Pt

    if heading:
        document.add_heading(safety.docx(table.caption), level=2)
    if not table.rows:
        if table.empty:
            document.add_paragraph(safety.docx(table.empty))
        return
    before, after = notes(report, table)
    for note in before:
        document.add_paragraph(safety.docx(note)).paragraph_format.keep_with_next = True
    _table(document, table, chosen)
    for note in after:
        document.add_paragraph(safety.docx(note)).paragraph_format.space_before = Pt(4)


def _table(document: Document, table: Table, chosen: Layout) -> None:
    """The table, built as WordprocessingML directly: python-docx's cell API recounts the whole
    table for every cell it touches, which made the appendix take seconds."""
    word = document.add_table(rows=0, cols=len(chosen.columns))
    word.style = document.styles[TABLE_STYLE]
    word.autofit = False  # fixed layout: the widths below, as Word and LibreOffice both honour
    twips = [str(round(width * TWIPS_PER_CM)) for width in chosen.widths]
    for grid, width in zip(word._tbl.tblGrid.iterchildren(_qn("w:gridCol")), twips, strict=True):
        grid.set(_qn("w:w"), width)
    # The table's title for a screen reader and Word's accessibility check ("alt text").
    word._tbl.tblPr.append(_element("w:tblCaption", val=safety.docx(table.caption)))
    cells = _Cells(document, word._tbl)
    header = cells.row(header_row=True)
    for column, width in zip(chosen.columns, twips, strict=True):
        cells.cell(header, width, [column.heading], align=column.align, bold=True, fill=HEADER_FILL)
    total = str(sum(int(width) for width in twips))
    for name, rows in table.groups():
        if name is not None:
            group = cells.row()
            cells.cell(group, total, [name], span=len(twips), bold=True, fill=GROUP_FILL, keep_with_next=True)
        for data in rows:
            row = cells.row()
            for column, width in zip(chosen.columns, twips, strict=True):
                _fill(cells, row, width, column, data)
    cells.close()


TWIPS_PER_CM = 1440 / 2.54


@functools.cache
def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


class _Cells:
    """Rows, cells, paragraphs and runs of one table as lxml elements, in the schema's order."""

    def __init__(self, document: Document, tbl: Any) -> None:
        from docx.oxml.ns import nsmap
        from lxml import etree  # type: ignore[import-untyped]  # python-docx has it, without stubs

        self.part = document.part
        self.tbl = tbl
        # Rows are built apart from the document, as plain lxml elements, and put in at the end:
        # inside it, each element would get one of python-docx's classes, at 20 µs a piece.
        self.element = etree.Element
        self.sub = etree.SubElement
        self.size = str(TABLE_PT * 2)  # half-points
        self.rows: list[Any] = []
        self.namespaces = {prefix: nsmap[prefix] for prefix in ("w", "r")}

    def close(self) -> None:
        """Put the rows into the table, built apart from it (see ``element``)."""
        self.tbl.extend(self.rows)

    def _add(self, parent: Any, name: str, **attributes: str) -> Any:
        return self.sub(parent, _qn(name), {_qn(f"w:{k}"): v for k, v in attributes.items()})

    def row(self, *, header_row: bool = False) -> Any:
        """A row that is not split across pages; the header row repeats on each page."""
        tr = self.element(_qn("w:tr"), nsmap=self.namespaces)
        self.rows.append(tr)
        properties = self._add(tr, "w:trPr")
        self._add(properties, "w:cantSplit")
        if header_row:
            self._add(properties, "w:tblHeader")
        return tr

    def cell(
        self,
        tr: Any,
        width: str,
        texts: Sequence[str],
        *,
        span: int = 1,
        align: str = "left",
        bold: bool = False,
        colour: str | None = None,
        fill: str | None = None,
        keep_with_next: bool = False,
        links: Sequence[str | None] = (),
    ) -> None:
        """A cell of ``texts`` as paragraphs at table size; a text with an address is a link."""
        tc = self._add(tr, "w:tc")
        properties = self._add(tc, "w:tcPr")
        self._add(properties, "w:tcW", w=width, type="dxa")
        if span > 1:
            self._add(properties, "w:gridSpan", val=str(span))
        if fill:
            self._add(properties, "w:shd", val="clear", color="auto", fill=fill)
        for index, text in enumerate(texts or [""]):
            paragraph = self._add(tc, "w:p")
            layout = self._add(paragraph, "w:pPr")
            if keep_with_next:
                self._add(layout, "w:keepNext")
            self._add(layout, "w:spacing", after="0")
            if align in ("center", "right"):
                self._add(layout, "w:jc", val=align)
            link = links[index] if index < len(links) else None
            parent = paragraph
            if link:
                from docx.opc.constants import RELATIONSHIP_TYPE

                parent = self._add(paragraph, "w:hyperlink", history="1")
                parent.set(_qn("r:id"), self.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
            shade = LINK_COLOUR if link else colour
            self._run(parent, safety.docx(text), bold=bold, colour=shade, underline=bool(link))

    def _run(self, parent: Any, text: str, *, bold: bool, colour: str | None, underline: bool) -> None:
        run = self._add(parent, "w:r")
        properties = self._add(run, "w:rPr")
        if bold:
            self._add(properties, "w:b")
        if colour:
            self._add(properties, "w:color", val=colour)
        self._add(properties, "w:sz", val=self.size)
        self._add(properties, "w:szCs", val=self.size)
        if underline:
            self._add(properties, "w:u", val="single")
        for piece in _PIECES.split(text):
            if piece == "\n":
                self._add(run, "w:br")
            elif piece == "\t":
                self._add(run, "w:tab")
            elif piece:
                element = self._add(run, "w:t")
                element.text = piece
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


_PIECES = re.compile("(\n|\t)")


def _style_of(column: Column, text: str) -> tuple[bool, str | None]:
    """Bold and a colour for a text the terminal styles (an overdue mark, «mangler»)."""
    style = column.styles.get(text, "").split()
    colour = next((hex_ for word, hex_ in COLOURS.items() if word in style), None)
    return "bold" in style, colour


def _fill(cells: _Cells, tr: Any, width: str, column: Column, row: Row) -> None:
    target = row.get(column.link) if column.link else None
    if isinstance(target, list):  # a column of links: each address, as a link, on its own line
        addresses = [str(url) for url in target]
        cells.cell(tr, width, addresses, align=column.align, links=[safety.link(url) for url in addresses])
        return
    texts = lines(column, row)
    bold, colour = _style_of(column, texts[0]) if len(texts) == 1 else (False, None)
    link = safety.link(target) if len(texts) == 1 and texts[0] else None
    cells.cell(tr, width, texts, align=column.align, bold=bold, colour=colour, links=[link])


def _stable_zip(document: Document, as_of: dt.date | None) -> bytes:
    """The document's zip with every entry dated ``as_of`` (python-docx dates them by the clock)."""
    raw = io.BytesIO()
    document.save(raw)
    day = as_of if as_of is not None and as_of.year >= 1980 else dt.date(1980, 1, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
