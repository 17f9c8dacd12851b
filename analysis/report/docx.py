"""The briefing as a Word document (``briefing.docx``), for analysts who paste into their own briefings.

Written with python-docx: the title, the headline text as editable
paragraphs, the page's charts at print resolution (300 dpi PNG, 16 cm
wide), the charts not drawn with their reason, and the key tables as Word
tables.  Every style's East Asian font (``w:eastAsia``) is set to
:data:`CJK_FONT`, so that Word renders the Chinese with a Chinese font
instead of substituting one glyph by glyph; Latin text keeps
:data:`LATIN_FONT`.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from analysis._version import __version__
from analysis.report.briefing import Briefing
from analysis.report.headlines import briefing_headlines, briefing_tables
from analysis.report.words import words_for

__all__ = ["briefing_docx", "CJK_FONT", "LATIN_FONT"]

#: The East Asian font of every style: installed with Office on Windows, mapped by Word on macOS.
CJK_FONT = "Microsoft YaHei"
LATIN_FONT = "Calibri"
_WIDTH_CM = 16.0


def _set_fonts(style, *, east_asia: str, latin: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _table(document, frame: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = str(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def briefing_docx(
    briefing: Briefing,
    path: Path,
    *,
    pngs: dict[str, bytes],
    east_asia: str = CJK_FONT,
) -> Path:
    """Write ``briefing.docx``: headline text, the charts in ``pngs`` (name → PNG bytes, in order) and the key tables."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    words = words_for(briefing.lang)
    facts = briefing.facts
    document = Document()
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _set_fonts(style, east_asia=east_asia, latin=LATIN_FONT)
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    heading = f"{words['title']}：{facts['title']}" if briefing.lang != "en" else f"{words['title']}: {facts['title']}"
    document.add_heading(heading, level=1)
    document.add_paragraph(facts["corpus"]).runs[0].font.size = Pt(8)
    for block_heading, lines in briefing_headlines(briefing):
        if block_heading:
            document.add_heading(block_heading, level=2)
        for line in lines:
            document.add_paragraph(line, style="List Bullet")
    for name, png in pngs.items():
        document.add_picture(io.BytesIO(png), width=Cm(_WIDTH_CM))
        caption = document.add_paragraph(name)
        caption.runs[0].font.size = Pt(8)
    for title, frame in briefing_tables(briefing).items():
        document.add_heading(title, level=2)
        _table(document, frame)
    lexicon = briefing.result.lexicon
    document.add_paragraph(words["made"].format(version=__version__, lexicon=f"{lexicon.name} {lexicon.version}")).runs[0].font.size = Pt(8)
    document.core_properties.title = heading
    document.core_properties.author = f"zh-speech-analysis {__version__}"
    document.save(str(path))
    return path
