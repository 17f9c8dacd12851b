"""The shared look of every chart: style sheet, palette, Chinese font, labels in two languages, notes.

Every function returns a :class:`matplotlib.figure.Figure` (made without
pyplot, so nothing piles up in a notebook or a long run) and never calls
``plt.show``.  All charts share ``analysis/data/briefing.mplstyle`` (slide-size
text, the Okabe–Ito palette) and the Chinese font of
:func:`analysis.charts.fonts.font_register` (the bundled Noto Sans SC, or a font
file the user names), set as a concrete family name with DejaVu Sans as
fallback for symbols, so a saved figure never depends on the system fonts.

``lang="en"`` labels titles, axes and themes in English (theme labels from
the lexicon); terms stay Chinese.  ``source`` is printed small at the
bottom left (corpus, date range, measure).

A chart that cannot be drawn is not drawn: charts that need several
meetings (trend lines, theme shares, heatmap, keyness) raise
:class:`ChartUnavailable` with the reason (``需要至少两次有日期的会议``) when
there are fewer than two periods with a meeting, as do an outline of a text
without headings and a keyness chart without a significant term.  The
briefing lists such charts with their reason (``未绘制：…``) instead of
showing a placeholder image.

Time charts mark what is missing: periods without a meeting are a shaded
band (with a legend entry), never a zero, and a partial last period (a
quarter holding only July) is labelled as such.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.fonts import font_register

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon
    from analysis.trends import Trend

__all__ = ["STYLE", "PALETTE", "CATEGORICAL", "chart_style", "note_plot", "NEEDS_MEETINGS", "ChartUnavailable", "NOT_DRAWN"]

STYLE = Path(__file__).resolve().parent.parent / "data" / "briefing.mplstyle"
#: Okabe–Ito colours, in the order charts use them.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Paul Tol's muted colours, used after the eight Okabe–Ito ones (many themes at once).
EXTRA = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
CATEGORICAL = PALETTE + EXTRA
OTHER_COLOUR = "#BBBBBB"
GAP_COLOUR = "#EEEEEE"
SOURCE_COLOUR = "#666666"

#: The reason given for a chart that needs several meetings.
NEEDS_MEETINGS = {
    "zh": "需要至少两次有日期的会议",
    "en": "needs at least two dated meetings",
}
#: How a briefing lists a chart it did not draw: ``NOT_DRAWN[lang].format(reason=…)``.
NOT_DRAWN = {"zh": "未绘制：{reason}", "en": "not drawn: {reason}"}


class ChartUnavailable(ValueError):
    """A chart that cannot be drawn from this data; ``reason`` says why in one line (in the chart's language)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

_TEXT = {
    "zh": {
        "period": {"month": "按月", "quarter": "按季度", "year": "按年"},
        "corpus_title": "语料概况：讲话篇数与篇幅（{period}）",
        "corpus_docs": "讲话篇数",
        "corpus_chars": "字数（千字）",
        "per_10k": "每万字出现次数",
        "count": "次数",
        "share": "占比",
        "terms_title": "重点术语走势（{measure}，{period}）",
        "shares_title": "主题占比（{period}）",
        "heatmap_title": "主题 × 时期（{measure}，{period}）",
        "quota_title": "指标与时限提及（{period}）",
        "quota_kinds": {"quota": "数量指标", "deadline": "完成时限"},
        "quota_axis": "提及次数",
        "quota_table": "最新一期的指标（{latest}）",
        "quota_cols": ["状态", "指标", "原文", "上一期"],
        "quota_speech": "讲话中的指标与时限",
        "status": {"new": "新增", "changed": "变化", "same": "不变", "raised": "上调", "lowered": "下调", "unchanged": "不变", "dropped": "未再提", "": ""},
        "other": "其他",
        "no_meeting": "无会议",
        "no_matches": "无词表术语",
        "cloud_title": "高频词（{label}）",
        "keyness_title": "{target} 与 {reference} 相比",
        "keyness_more": "用得更多（{target}）",
        "keyness_less": "用得更少（{target}）",
        "keyness_axis": "关键性（带符号的卡方值）；括号内：本期次数:对照期次数",
        "dispersion_title": "术语在讲话中的分布：{doc}",
        "dispersion_axis": "字符位置",
        "outline_title": "讲话结构与各部分主导主题：{doc}",
        "outline_axis": "字符位置",
        "opening": "（开头）",
        "whole": "（全文，无小标题）",
        "no_quotas": "没有找到指标或时限",
        "no_keyness": "两期之间没有足够的词可比较",
        "no_terms": "没有可显示的术语",
        "gap_note": "灰色斜线：该时期无会议",
        "partial": "{label} 不完整（仅到 {last}）",
        "partial_short": "不完整",
        "no_headings": "全文没有小标题",
        "not_significant": "没有 p < {p:g} 的术语",
        "significant_only": "只显示 p < {p:g} 的术语（{stat}）；{hidden} 个不显著的未显示",
        "zero_quota": "有会议、无指标",
        "theme_of": "{theme}",
        "phrase_theme": "短语（不在词表中）",
    },
    "en": {
        "period": {"month": "monthly", "quarter": "quarterly", "year": "annual"},
        "corpus_title": "Corpus: speeches and their length ({period})",
        "corpus_docs": "speeches",
        "corpus_chars": "characters (thousands)",
        "per_10k": "per 10,000 characters",
        "count": "mentions",
        "share": "share",
        "terms_title": "Key terms over time ({measure}, {period})",
        "shares_title": "Theme shares ({period})",
        "heatmap_title": "Themes × period ({measure}, {period})",
        "quota_title": "Quota and deadline mentions ({period})",
        "quota_kinds": {"quota": "quota", "deadline": "deadline"},
        "quota_axis": "mentions",
        "quota_table": "Quotas of the latest period ({latest})",
        "quota_cols": ["status", "subject", "text", "previous"],
        "quota_speech": "Quotas and deadlines in the speech",
        "status": {"new": "new", "changed": "changed", "same": "same", "raised": "raised", "lowered": "lowered", "unchanged": "unchanged", "dropped": "dropped", "": ""},
        "other": "other",
        "no_meeting": "no meeting",
        "no_matches": "no lexicon term",
        "cloud_title": "Most frequent words ({label})",
        "keyness_title": "{target} compared with {reference}",
        "keyness_more": "used more in {target}",
        "keyness_less": "used less in {target}",
        "keyness_axis": "keyness (signed chi-squared); in brackets: count in target:reference",
        "dispersion_title": "Where terms occur in the speech: {doc}",
        "dispersion_axis": "character offset",
        "outline_title": "Outline and leading theme of each section: {doc}",
        "outline_axis": "character offset",
        "opening": "(opening)",
        "whole": "(whole text, no headings)",
        "no_quotas": "no quota or deadline found",
        "no_keyness": "too few words to compare the two periods",
        "no_terms": "no term to show",
        "gap_note": "grey hatched: no meeting in that period",
        "partial": "{label} is partial (only to {last})",
        "partial_short": "partial",
        "no_headings": "the text has no headings",
        "not_significant": "no term with p < {p:g}",
        "significant_only": "only terms with p < {p:g} shown ({stat}); {hidden} not significant left out",
        "zero_quota": "meeting, no quota",
        "theme_of": "{theme}",
        "phrase_theme": "phrase (not in lexicon)",
    },
}


def _t(lang: str) -> dict:
    return _TEXT["en" if lang == "en" else "zh"]


# -- style and font ------------------------------------------------------------
def chart_style(font: str | Path | None = None) -> dict[str, object]:
    """The rcParams every chart uses: the briefing style plus the Chinese font first."""
    import matplotlib as mpl

    family = font_register(font)
    params = dict(mpl.rc_params_from_file(str(STYLE), use_default_template=False))
    params.update({"font.family": [family, "DejaVu Sans"], "font.sans-serif": [family, "DejaVu Sans"], "axes.unicode_minus": False})
    return params


@contextmanager
def _styled(font: str | Path | None) -> Iterator[None]:
    import matplotlib as mpl

    with mpl.rc_context(chart_style(font)):
        yield


def _figure(figsize: tuple[float, float] | None = None, *, source: str = "") -> Figure:
    import matplotlib as mpl

    fig = Figure(figsize=figsize or tuple(mpl.rcParams["figure.figsize"]), layout="constrained")
    if source:
        fig.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
        fig.text(0.008, 0.008, source, fontsize=9, color=SOURCE_COLOUR, ha="left", va="bottom")
    return fig


@lru_cache(maxsize=1)
def _default_lexicon() -> "Lexicon":
    from analysis.lexicon import lexicon_default

    return lexicon_default()


def _theme_name(theme: str, lexicon: "Lexicon | None", lang: str) -> str:
    if not theme:
        return _t(lang)["no_matches"]
    if theme == "phrase":  # a requested term that is not in the lexicon, counted as a phrase
        return _t(lang)["phrase_theme"]
    return (lexicon or _default_lexicon()).theme_label(theme, lang="en" if lang == "en" else "zh")


def _shorten(text: str, width: int) -> str:
    """Cut ``text`` to about ``width`` full-width characters (ASCII counts half)."""
    used, out = 0.0, []
    for ch in str(text):
        used += 0.55 if ord(ch) < 0x2E80 else 1.0
        if used > width:
            return "".join(out).rstrip() + "…"
        out.append(ch)
    return "".join(out)


def _period_ticks(ax, periods: Sequence[str], period: str, *, max_ticks: int = 12) -> None:  # type: ignore[no-untyped-def]
    """Readable period ticks: all when few, else every k-th on calendar boundaries."""
    n = len(periods)
    ax.set_xlim(-0.6, n - 0.4)
    if n == 0:
        return
    if n <= max_ticks:
        positions = list(range(n))
    else:
        steps = {"month": [1, 2, 3, 6, 12, 24, 36], "quarter": [1, 2, 4, 8, 12, 20], "year": [1, 2, 5, 10, 20, 25, 50]}[period]
        step = next((s for s in steps if math.ceil(n / s) <= max_ticks), steps[-1])

        def anchor(label: str) -> int:
            if period == "month":
                y, m = label.split("-")
                return int(y) * 12 + int(m) - 1
            if period == "quarter":
                y, q = label.split("Q")
                return int(y) * 4 + int(q) - 1
            return int(label)

        positions = [i for i, label in enumerate(periods) if anchor(label) % step == 0]
        if len(positions) < 2:
            positions = list(range(0, n, step))
    ax.set_xticks(positions)
    ax.set_xticklabels([periods[i] for i in positions])
    ax.tick_params(axis="x", which="major", length=4)
    ax.set_xticks(range(n), minor=True)
    ax.tick_params(axis="x", which="minor", length=2)


def _needs_meetings(trend: "Trend") -> bool:
    return len(trend.periods_with_meetings) < 2


def _require_meetings(trend: "Trend", lang: str) -> None:
    """Raise :class:`ChartUnavailable` when fewer than two periods have a meeting."""
    if _needs_meetings(trend):
        note = trend.note(lang="en" if lang == "en" else "zh")
        reason = NEEDS_MEETINGS["en" if lang == "en" else "zh"]
        raise ChartUnavailable(reason + (f"（{note}）" if note and lang != "en" else f" ({note})" if note else ""))


def _gap_runs(present: Sequence[bool]) -> list[tuple[int, int]]:
    """Runs of consecutive periods without a meeting, as (first, last) positions."""
    runs, start = [], None
    for i, has in enumerate(list(present) + [True]):
        if not has and start is None:
            start = i
        elif has and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _mark_gaps(ax, present: Sequence[bool], *, label: str | None = None) -> list:  # type: ignore[no-untyped-def]
    """Shade each run of periods without a meeting on a period axis; returns the patches drawn.

    The first patch carries ``label`` (for the legend); every patch has
    ``gid="gap"`` so that tests and readers of the figure can find them.
    """
    patches = []
    for first, last in _gap_runs(present):
        patch = ax.axvspan(first - 0.5, last + 0.5, facecolor=GAP_COLOUR, edgecolor="#C8C8C8", hatch="///", linewidth=0, zorder=0,
                           label=label if label and not patches else None)
        patch.set_gid("gap")
        patches.append(patch)
    return patches


def _mark_partial(ax, trend: "Trend", *, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Outline the last period when it is partial (``trend.partial_last``); :func:`_partial_handle` names it in the legend."""
    last_month = getattr(trend, "partial_last", "")
    if not last_month or not trend.periods:
        return
    i = len(trend.periods) - 1
    patch = ax.axvspan(i - 0.5, i + 0.5, facecolor="none", edgecolor=SOURCE_COLOUR, linestyle="--", linewidth=1.0, zorder=5)
    patch.set_gid("partial")


def _partial_handle(trend: "Trend", lang: str):  # type: ignore[no-untyped-def]
    """A legend entry for the partial last period (dashed outline), or None."""
    from matplotlib.patches import Rectangle

    note = _partial_note(trend, lang)
    if not note:
        return None
    return Rectangle((0, 0), 1, 1, facecolor="none", edgecolor=SOURCE_COLOUR, linestyle="--", linewidth=1.0, label=note)


def _partial_note(trend: "Trend", lang: str) -> str:
    last_month = getattr(trend, "partial_last", "")
    if not last_month or not trend.periods:
        return ""
    return _t(lang)["partial"].format(label=trend.periods[-1], last=last_month)


def note_plot(
    message: str,
    *,
    title: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """A figure that only says ``message`` (used instead of a chart that cannot be drawn)."""
    with _styled(font):
        fig = _figure(figsize or (11, 3.2), source=source)
        ax = fig.add_subplot()
        ax.set_axis_off()
        if title:
            ax.set_title(title)
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=16, color="#444444", transform=ax.transAxes, wrap=True)
    return fig


def _trend_note(trend: "Trend", *, title: str, lang: str, font: str | Path | None, source: str) -> Figure:
    message = NEEDS_MEETINGS[lang if lang in NEEDS_MEETINGS else "zh"]
    other = NEEDS_MEETINGS["en" if lang != "en" else "zh"]
    note = trend.note(lang=lang)
    return note_plot(f"{message}\n{other}" + (f"\n({note})" if note else ""), title=title, lang=lang, font=font, source=source)


def stacked_shares_draw(  # type: ignore[no-untyped-def]
    ax,
    wide: pd.DataFrame,
    columns: Sequence[str],
    *,
    labels: Sequence[str],
    colours: Sequence[str],
    present: np.ndarray,
    other_label: str,
    gap_label: str,
    width: float = 0.8,
) -> None:
    """100% stacked bars of ``wide`` (a row per period, a column per share) for ``columns``, the rest as one grey bar.

    A period without a meeting (``present`` False) is an empty hatched slot,
    marked ``gid="gap"`` so that tests can find it in the figure.
    """
    x = np.arange(len(wide))
    bottom = np.zeros(len(wide))
    for column, label, colour in zip(columns, labels, colours):
        values = np.nan_to_num(wide[column].to_numpy(dtype=float))
        ax.bar(x, values, bottom=bottom, width=width, color=colour, label=label, linewidth=0)
        bottom += values
    other = 1 - wide[list(columns)].sum(axis=1, min_count=1)
    ax.bar(x, np.nan_to_num(other.clip(lower=0).to_numpy(dtype=float)), bottom=bottom, width=width, color=OTHER_COLOUR, label=other_label, linewidth=0)
    gaps = ~present
    if gaps.any():
        bars = ax.bar(x[gaps], np.ones(gaps.sum()), width=width, color=GAP_COLOUR, hatch="///", edgecolor="#CCCCCC", linewidth=0, label=gap_label)
        for bar in bars:
            bar.set_gid("gap")
    ax.set_ylim(0, 1)
