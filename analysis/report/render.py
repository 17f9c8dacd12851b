"""Rendering a briefing: the self-contained HTML page and the printable A4 PDF.

The PDF is drawn with matplotlib (so that the bundled CFF font works
without system libraries): the headline text, then the page's charts, each
across the page width; a chart that does not fit in the room left is
shrunk to no less than :data:`MIN_WIDTH` of the page width, else moved to a
second page.  Two pages at most: a chart that fits on neither is left out
of the PDF (it is in ``figures/`` and listed in the HTML).
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis._version import __version__
from analysis.charts import chart_style
from analysis.report.briefing import Briefing
from analysis.report.headlines import briefing_headlines, briefing_tables
from analysis.report.words import words_for

__all__ = ["MIN_WIDTH", "MAX_PAGES", "page_figures", "pdf_layout"]

#: No chart on the PDF is narrower than this share of the page width.
MIN_WIDTH = 0.5
#: The PDF has at most this many A4 pages.
MAX_PAGES = 2
_PAGE = (8.27, 11.69)
_LEFT, _FULL = 0.06, 0.88


def _png_bytes(fig: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def page_figures(briefing: Briefing) -> list[str]:
    """The charts the briefing pages show, in order (only charts that were drawn)."""
    names = list(briefing.figures)
    period = briefing.period
    if briefing.term_change is not None:
        wanted = [f"term_trends_{period}", "keyness_latest_vs_previous", f"theme_shares_{period}", f"quota_timeline_{period}", "wordcloud_latest"]
        if len(briefing.result.quotas) == 0:
            wanted[3] = f"theme_heatmap_{period}"
    else:
        # One period: what a single speech shows.
        wanted = [*[n for n in names if n.startswith("outline_")], f"quota_timeline_{period}", "wordcloud_latest",
                  *[n for n in names if n.startswith("dispersion_")]]
    return [n for n in wanted if n in briefing.figures]


_page_figures = page_figures  # the name write.py used


def _table_html(title: str, frame: pd.DataFrame) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{esc('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f"<h2>{esc(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html(briefing: Briefing, embedded: dict[str, bytes], files: list[str]) -> str:
    words = words_for(briefing.lang)
    facts = briefing.facts
    esc = html.escape
    heading = f"{words['title']}：{facts['title']}" if briefing.lang != "en" else f"{words['title']}: {facts['title']}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if briefing.lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        f"<title>{esc(heading)}</title>",
        "<style>body{font-family:'Noto Sans SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:1100px;"
        "margin:24px auto;padding:0 16px;color:#222;line-height:1.5}h1{font-size:1.6em;margin-bottom:0}"
        "h2{font-size:1.1em;margin:1em 0 .3em}figure{margin:0 0 12px 0}"
        "img{width:100%;border:1px solid #eee}.meta{color:#666;font-size:.85em}ul{margin:.2em 0;padding-left:1.2em}"
        "table{border-collapse:collapse;font-size:.9em;margin:.3em 0}th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;"
        "white-space:nowrap}th{background:#f2f2f2}</style>",
        "</head><body>",
        f"<h1>{esc(heading)}</h1>",
        f'<p class="meta">{esc(facts["corpus"])}</p>',
    ]
    for block_heading, lines in briefing_headlines(briefing):
        if block_heading:
            parts.append(f"<h2>{esc(block_heading)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
    for name, png in embedded.items():
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure><img alt="{esc(name)}" src="data:image/png;base64,{data}"></figure>')
    for title, frame in briefing_tables(briefing).items():
        parts.append(_table_html(title, frame))
    parts.append(f"<h2>{esc(words['figures'])}</h2><ul>")
    for name in files:
        parts.append(f'<li><a href="figures/{esc(name)}.png">{esc(name)}</a> (<a href="figures/{esc(name)}.svg">SVG</a>, <a href="figures/{esc(name)}.pdf">PDF</a>)</li>')
    parts.append("</ul>")
    lexicon = briefing.result.lexicon
    parts.append(f'<p class="meta">{esc(words["made"].format(version=__version__, lexicon=f"{lexicon.name} {lexicon.version}"))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _wrap(text: str, width: float) -> list[str]:
    """Wrap mixed Chinese/Latin text to ``width`` full-width characters a line."""
    lines, current, used = [], "", 0.0
    for ch in text:
        w = 0.55 if ord(ch) < 0x2E80 else 1.0
        if used + w > width and current:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    if current:
        lines.append(current)
    return lines


def pdf_layout(aspects: list[float], *, top: float, bottom: float = 0.04, gap: float = 0.012) -> list[tuple[int, int, float, float, float, float]]:
    """Where each chart goes: ``(index, page, left, bottom, width, height)`` in page fractions.

    ``aspects`` are the charts' height/width ratios; the first page's charts
    start below ``top`` (the text), later pages at the top margin.  A chart
    is as wide as the page allows (:data:`_FULL`), shrunk to fit the room
    left down to :data:`MIN_WIDTH`, else moved to the next page; charts that
    fit on no page are left out.
    """
    page_ratio = _PAGE[0] / _PAGE[1]
    placed, page, y = [], 0, top
    for index, aspect in enumerate(aspects):
        while page < MAX_PAGES:
            room = y - bottom
            width = _FULL
            height = width * page_ratio * aspect
            if height > room:
                width = room / (page_ratio * aspect)
                height = room
            if width >= MIN_WIDTH and room > 0:
                left = _LEFT + (_FULL - width) / 2
                placed.append((index, page, left, y - height, width, height))
                y -= height + gap
                break
            page, y = page + 1, 0.96
        if page >= MAX_PAGES:
            break
    return placed


def _pdf(briefing: Briefing, embedded: dict[str, bytes], path: Path, *, font: str | Path | None) -> None:
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.image import imread

    words = words_for(briefing.lang)
    facts = briefing.facts
    heading = f"{words['title']}：{facts['title']}" if briefing.lang != "en" else f"{words['title']}: {facts['title']}"
    lexicon = briefing.result.lexicon
    made = words["made"].format(version=__version__, lexicon=f"{lexicon.name} {lexicon.version}")
    with mpl.rc_context(chart_style(font)):
        pages = [Figure(figsize=_PAGE, layout="none") for _ in range(MAX_PAGES)]
        first = pages[0]
        y = 0.965
        for piece in _wrap(heading, 40):
            first.text(0.05, y, piece, fontsize=14, va="top", ha="left")
            y -= 0.024
        first.text(0.05, y, facts["corpus"], fontsize=8, va="top", ha="left", color="#666666")
        y -= 0.02
        for block_heading, lines in briefing_headlines(briefing):
            if y < 0.45:
                break
            if block_heading:
                first.text(0.05, y, block_heading, fontsize=10, va="top", ha="left", color="#0072B2")
                y -= 0.018
            for line in lines:
                for piece in _wrap(line, 58):
                    if y < 0.45:
                        break
                    first.text(0.065 if block_heading else 0.05, y, piece, fontsize=8.5, va="top", ha="left")
                    y -= 0.0155
            y -= 0.006
        images = [imread(io.BytesIO(png), format="png") for png in embedded.values()]
        layout = pdf_layout([im.shape[0] / im.shape[1] for im in images], top=y - 0.005)
        used = 1
        for index, page, left, bottom, width, height in layout:
            ax = pages[page].add_axes((left, bottom, width, height))
            ax.imshow(images[index], interpolation="none")  # embedded as is: no resampling, crisp
            ax.set_anchor("N")
            ax.set_axis_off()
            used = max(used, page + 1)
        for number, page in enumerate(pages[:used], start=1):
            page.text(0.05, 0.015, made + (f" · {number}/{used}" if used > 1 else ""), fontsize=7, color="#666666")
        with PdfPages(path, metadata={"Title": heading, "Creator": f"zh-speech-analysis {__version__}"}) as pdf:
            for page in pages[:used]:
                pdf.savefig(page)
