"""Rendering a briefing: the self-contained HTML page and the printable PDF."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from matplotlib.figure import Figure

from analysis._version import __version__
from analysis.charts import chart_style
from analysis.report.briefing import _WORDS, Briefing, _headlines

def _png_bytes(fig: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _page_figures(briefing: Briefing) -> list[str]:
    """The four figures the one-page briefing shows."""
    names = list(briefing.figures)
    if briefing.term_change is not None:
        # The quota timeline when there are quotas, else the theme heatmap.
        last = f"quota_timeline_{briefing.period}" if len(briefing.result.quotas) else f"theme_heatmap_{briefing.period}"
        wanted = [f"term_trends_{briefing.period}", f"theme_shares_{briefing.period}", "keyness_latest_vs_previous", last]
    else:
        # One period: what a single speech shows (its quotas are listed in the text).
        wanted = ["wordcloud_latest", *[n for n in names if n.startswith("outline_")], *[n for n in names if n.startswith("dispersion_")]]
    return [n for n in wanted if n in briefing.figures][:4]


def _html(briefing: Briefing, embedded: dict[str, bytes], files: list[str]) -> str:
    words = _WORDS["en" if briefing.lang == "en" else "zh"]
    facts = briefing.facts
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if briefing.lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        f"<title>{esc(words['title'])}: {esc(facts['corpus'])}</title>",
        "<style>body{font-family:'Noto Sans SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:1100px;"
        "margin:24px auto;padding:0 16px;color:#222;line-height:1.5}h1{font-size:1.6em;margin-bottom:0}"
        "h2{font-size:1.1em;margin:1em 0 .3em}.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}"
        "img{width:100%;border:1px solid #eee}.meta{color:#666;font-size:.85em}ul{margin:.2em 0;padding-left:1.2em}</style>",
        "</head><body>",
        f"<h1>{esc(words['title'])}: {esc(facts['corpus'])}</h1>",
    ]
    for heading, lines in _headlines(briefing):
        if heading:
            parts.append(f"<h2>{esc(heading)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
    parts.append('<div class="grid">')
    for name, png in embedded.items():
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure style="margin:0"><img alt="{esc(name)}" src="data:image/png;base64,{data}"></figure>')
    parts.append("</div>")
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


def _pdf(briefing: Briefing, embedded: dict[str, bytes], path: Path, *, font: str | Path | None) -> None:
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.image import imread

    words = _WORDS["en" if briefing.lang == "en" else "zh"]
    facts = briefing.facts
    with mpl.rc_context(chart_style(font)):
        fig = Figure(figsize=(8.27, 11.69), layout="none")
        fig.text(0.05, 0.965, f"{words['title']}: {facts['corpus']}", fontsize=15, va="top", ha="left")
        y = 0.935
        for heading, lines in _headlines(briefing):
            if y < 0.5:
                break
            if heading:
                fig.text(0.05, y, heading, fontsize=10, va="top", ha="left", color="#0072B2")
                y -= 0.018
            for line in lines:
                for piece in _wrap(line, 58):
                    if y < 0.5:
                        break
                    fig.text(0.065 if heading else 0.05, y, piece, fontsize=8.5, va="top", ha="left")
                    y -= 0.0155
            y -= 0.006
        # Two columns of figures packed under the text, each as wide as its column.
        top = y - 0.005
        images = [imread(io.BytesIO(png), format="png") for png in embedded.values()]
        width, gap = 0.45, 0.02
        page_ratio = fig.get_figwidth() / fig.get_figheight()
        heights = [width * page_ratio * im.shape[0] / im.shape[1] for im in images]
        rows = [images[i:i + 2] for i in range(0, len(images), 2)]
        needed = sum(max(heights[i:i + 2]) + 0.01 for i in range(0, len(images), 2))
        if images and len(images) % 2 == 1 or (images and top - 0.03 - needed > heights[0] * 1.2):
            # Room to spare: the first figure across the page, the others in two columns.
            full = 2 * width + gap
            rest = images[1:]
            rows = [[images[0]]] + [rest[i:i + 2] for i in range(0, len(rest), 2)]
            heights = [full * page_ratio * images[0].shape[0] / images[0].shape[1]] + heights[1:]
        k = 0
        for row in rows:
            span = 2 * width + gap if len(row) == 1 else width
            row_h = max(heights[k:k + len(row)])
            if top - row_h < 0.03:
                if top - 0.03 < 0.75 * row_h:
                    break  # no room left: leave it out rather than shrink it to a stamp
                row_h = top - 0.03
            for col, image in enumerate(row):
                ax = fig.add_axes((0.04 + col * (width + gap), top - row_h, span, row_h))
                ax.imshow(image, interpolation="none")  # embedded as is: no resampling, crisp
                ax.set_anchor("N")
                ax.set_axis_off()
            k += len(row)
            top -= row_h + 0.01
        lexicon = briefing.result.lexicon
        fig.text(0.05, 0.015, words["made"].format(version=__version__, lexicon=f"{lexicon.name} {lexicon.version}"), fontsize=7, color="#666666")
        with PdfPages(path, metadata={"Title": f"{words['title']}: {facts['corpus']}", "Creator": f"zh-speech-analysis {__version__}"}) as pdf:
            pdf.savefig(fig)
