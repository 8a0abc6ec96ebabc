"""The Word side of the Aksi Perubahan draft: the page, the language, the properties, tables.

The page follows the ruang tepi of Indonesian official documents (tata naskah dinas): top
at least 2 cm, bottom at least 2,5 cm, left at least 3 cm (room for the binder's holes),
right at least 2 cm, on A4, in Arial (the tata naskah dinas uses Arial 11 or 12). Seen in
Permenkumham No. 31 Tahun 2020 tentang Tata Naskah Dinas
(https://id.scribd.com/document/600202760/TATA-NASKAH-DINAS-1-kanwil) and the same
"Penentuan Batas/Ruang Tepi" text of the national guideline
(https://id.scribd.com/document/355710845/Garis-Tepi); Arial 11/12:
https://tupr33.gitbook.io/tnd/penyusunan-naskah-dinas/sarana-naskah-dinas.

The document's language is set where Word and LibreOffice read it (the default run
properties, every style, the theme's font language), so neither marks the Indonesian as
misspelt English.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Arial"
BODY_PT = 11
MARGINS_CM = {"top": 2.0, "bottom": 2.5, "left": 3.0, "right": 2.0}
TEXT_WIDTH_CM = 21.0 - MARGINS_CM["left"] - MARGINS_CM["right"]  # 16 cm on A4
LANG_TAGS = {"id": "id-ID", "en": "en-GB"}
DRAFT_RED = RGBColor(0xA0, 0x30, 0x20)
BLANK = "…………………………………………"
SHORT = "……………………"  # a blank inside a narrow table cell


def page_setup(doc: DocxDocument) -> None:
    """A4 portrait with the margins of an official document."""
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Cm(MARGINS_CM["top"])
        section.bottom_margin = Cm(MARGINS_CM["bottom"])
        section.left_margin = Cm(MARGINS_CM["left"])
        section.right_margin = Cm(MARGINS_CM["right"])
        section.header_distance = section.footer_distance = Cm(1.0)


def set_language(doc: DocxDocument, lang: str) -> str:
    """Mark every text of the document as ``lang`` (id-ID or en-GB); the tag set."""
    tag = LANG_TAGS.get(lang, "id-ID")
    styles = doc.styles.element
    for rpr in styles.iter(qn("w:rPr")):
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is not None:
        rpr.append(_lang_element(tag))
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            for name in list(fonts.attrib):
                del fonts.attrib[name]
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), FONT)
    for style in doc.styles:
        element = style.element
        if element.rPr is not None:
            element.rPr.append(_lang_element(tag))
    settings = doc.settings.element
    for old in settings.findall(qn("w:themeFontLang")):
        old.set(qn("w:val"), tag)
    return tag


def _lang_element(tag: str) -> BaseOxmlElement:
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), tag)
    element.set(qn("w:eastAsia"), tag)
    element.set(qn("w:bidi"), "ar-SA")
    return element


def set_properties(doc: DocxDocument, title: str, author: str, subject: str, lang: str) -> None:
    """Title, author (the player), created and modified now, the language, a comment."""
    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = now
    props.modified = now
    props.subject = subject
    props.language = LANG_TAGS.get(lang, "id-ID")
    props.keywords = "Aksi Perubahan; PKA; draf"
    props.revision = 1


def style_fonts(doc: DocxDocument) -> None:
    """Arial everywhere, black headings, the spacing of a report (1,15 lines)."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT  # type: ignore[attr-defined]
    normal.font.size = Pt(BODY_PT)  # type: ignore[attr-defined]
    normal.paragraph_format.space_after = Pt(4)  # type: ignore[attr-defined]
    normal.paragraph_format.line_spacing = 1.15  # type: ignore[attr-defined]
    for name, size in (("Title", 16), ("Heading 1", 13), ("Heading 2", 11.5), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name = FONT  # type: ignore[attr-defined]
        style.font.size = Pt(size)  # type: ignore[attr-defined]
        style.font.bold = True  # type: ignore[attr-defined]
        style.font.italic = False  # type: ignore[attr-defined]
        style.font.color.rgb = RGBColor(0, 0, 0)  # type: ignore[attr-defined]
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        if fonts is not None:
            for attr in list(fonts.attrib):
                del fonts.attrib[attr]
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), FONT)
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)  # type: ignore[attr-defined]
        style.paragraph_format.space_after = Pt(4)  # type: ignore[attr-defined]
        style.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]


def centred(doc: DocxDocument, text: str, size: float, bold: bool = True) -> Paragraph:
    """A centred line (the cover's title lines)."""
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return para


def draft_mark(doc: DocxDocument, text: str) -> Paragraph:
    """The draft notice: bold, dark red, in a bordered box."""
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.bold = True
    run.font.color.rgb = DRAFT_RED
    _border(para)
    return para


def _border(para: Paragraph) -> None:
    ppr = para.runs[0].element.getparent().get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "A03020")
        borders.append(edge)
    ppr.append(borders)


def table(
    doc: DocxDocument,
    head: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    cm: Sequence[float],
) -> Table:
    """A grid table with a bold, repeated header row and fixed column widths."""
    cols = len(cm)
    grid = doc.add_table(rows=0, cols=cols)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    if head is not None:
        cells = grid.add_row().cells
        for cell, text in zip(cells, head, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
        header = doc.element.body.xpath("./w:tbl")[-1].xpath("./w:tr")[0]
        for tc in header.xpath("./w:tc"):
            _shade(tc, "E8E8E8")
        _repeat_header(header)
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    widths(grid, cm)
    for tr in doc.element.body.xpath("./w:tbl")[-1].xpath("./w:tr"):
        keep = OxmlElement("w:cantSplit")  # a row never breaks across two pages
        keep.set(qn("w:val"), "true")
        tr.get_or_add_trPr().append(keep)
    doc.add_paragraph()
    made: Table = grid
    return made


def widths(grid: Table, cm: Sequence[float]) -> None:
    """Fix the columns' widths (Word and LibreOffice read them per cell)."""
    grid.autofit = False
    for column, width in zip(grid.columns, cm, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, cm, strict=True):
            cell.width = Cm(width)


def _shade(tc: CT_Tc, fill: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), fill)
    tcpr.append(shade)


def _repeat_header(tr: CT_Row) -> None:
    trpr = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def page_break(doc: DocxDocument) -> None:
    """Start a new page."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def footer(doc: DocxDocument, text: str) -> None:
    """The footer on every page: the draft notice and the page number."""
    para = doc.sections[0].footer.paragraphs[0]
    para.text = ""
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text + " · ")
    run.font.size = Pt(8)
    run.font.color.rgb = DRAFT_RED
    page = para.add_run()
    page.font.size = Pt(8)
    for kind, value in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            page.element.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {value} "
            page.element.append(instr)
