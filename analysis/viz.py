"""Briefing charts that render Chinese on any machine.

Every function returns a :class:`matplotlib.figure.Figure` (made without
pyplot, so nothing piles up in a notebook or a long run) and never calls
``plt.show``.  All charts share ``analysis/briefing.mplstyle`` (slide-size
text, the Okabe–Ito palette) and the Chinese font of
:func:`analysis.fonts.font_register` (the bundled Noto Sans SC, or a font
file the user names), set as a concrete family name with DejaVu Sans as
fallback for symbols, so a saved figure never depends on the system fonts.

``lang="en"`` labels titles, axes and themes in English (theme labels from
the lexicon); terms stay Chinese.  ``source`` is printed small at the
bottom left (corpus, date range, measure).

Charts that need several meetings (trend lines, theme shares, heatmap,
keyness, the quota timeline's bars) return a figure with a plain note when
there are fewer than two periods with a meeting, instead of raising.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from .fonts import font_covers, font_path, font_register

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .terms import DocumentTermMatrix
    from .trends import Trend

__all__ = [
    "corpus_overview_plot",
    "STYLE",
    "PALETTE",
    "chart_style",
    "note_plot",
    "terms_trend_plot",
    "themes_share_plot",
    "themes_heatmap_plot",
    "quotas_timeline_plot",
    "cloud_frequencies",
    "wordcloud_make",
    "wordcloud_plot",
    "keyness_plot",
    "dispersion_plot",
    "outline_plot",
    "NEEDS_MEETINGS",
]

STYLE = Path(__file__).with_name("briefing.mplstyle")
#: Okabe–Ito colours, in the order charts use them.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Paul Tol's muted colours, used after the eight Okabe–Ito ones (many themes at once).
EXTRA = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
CATEGORICAL = PALETTE + EXTRA
OTHER_COLOUR = "#BBBBBB"
GAP_COLOUR = "#EEEEEE"
SOURCE_COLOUR = "#666666"

#: The note shown instead of a chart that needs several meetings.
NEEDS_MEETINGS = {
    "zh": "需要至少两次有日期的会议才能显示趋势",
    "en": "needs at least two dated meetings",
}

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
        "status": {"new": "新增", "changed": "变化", "same": "不变", "": ""},
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
        "status": {"new": "new", "changed": "changed", "same": "same", "": ""},
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
    from .lexicon import lexicon_default

    return lexicon_default()


def _theme_name(theme: str, lexicon: "Lexicon | None", lang: str) -> str:
    if not theme:
        return _t(lang)["no_matches"]
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


# -- trend lines -----------------------------------------------------------------
def corpus_overview_plot(
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    include_duplicates: bool = False,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Speeches per period (bars) and their summed length (line); gaps stay empty.

    With fewer than two dated periods the chart is replaced by the plain note.
    """
    from .trends import period_choose, periods_assign

    text = _t(lang)
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    title = title or text["corpus_title"].format(period=text["period"][period])
    placement = periods_assign(corpus, period=period, include_duplicates=include_duplicates)
    if len(placement.periods_with_meetings) < 2:
        return note_plot(NEEDS_MEETINGS["en" if lang == "en" else "zh"], title=title, lang=lang, font=font, source=source)
    grouped = placement.docs.groupby("period").agg(n_docs=("doc_id", "size"), n_chars=("n_chars", "sum"))
    grouped = grouped.reindex(placement.periods)
    with _styled(font):
        fig = _figure((11, 4.2), source=source)
        ax = fig.add_subplot()
        x = np.arange(len(placement.periods))
        ax.bar(x, grouped["n_docs"].fillna(0).to_numpy(), width=0.8, color=PALETTE[0], label=text["corpus_docs"])
        ax.set_ylabel(text["corpus_docs"])
        ax.yaxis.get_major_locator().set_params(integer=True)
        right = ax.twinx()
        right.plot(x, (grouped["n_chars"] / 1000).to_numpy(), color=PALETTE[3], marker="o", markersize=3, label=text["corpus_chars"])
        right.set_ylabel(text["corpus_chars"])
        right.grid(False)
        _period_ticks(ax, placement.periods, period)
        for label in ax.get_xticklabels():
            label.set_rotation(45)
            label.set_ha("right")
        handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
        ax.legend(handles, [h.get_label() for h in handles], loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.2)
        ax.set_title(title, loc="left")
    return fig


def terms_trend_plot(
    trend: "Trend",
    *,
    terms: Sequence[str] | None = None,
    value: str = "per_10k",
    n: int = 6,
    ncols: int | None = None,
    lexicon: "Lexicon | None" = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Small multiples: one panel per term, its ``value`` (``per_10k`` or ``count``) by period.

    ``terms`` default to the ``n`` terms with the highest total count.  Lines
    break at periods without a meeting (NaN), and every period with a
    meeting has a marker, so an isolated meeting still shows.
    """
    text = _t(lang)
    title = title or text["terms_title"].format(measure=text[value], period=text["period"][trend.period])
    if _needs_meetings(trend):
        return _trend_note(trend, title=title, lang=lang, font=font, source=source)
    table = trend.table
    if terms is None:
        totals = table.groupby("term", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
        terms = [t for t in totals.index if totals[t] > 0][:n]
    terms = [t for t in terms if t in set(table["term"])]
    if not terms:
        return note_plot(text["no_terms"], title=title, lang=lang, font=font, source=source)
    periods = trend.periods
    position = {p: i for i, p in enumerate(periods)}
    ncols = ncols or (1 if len(terms) == 1 else 2 if len(terms) <= 4 else 3)
    nrows = math.ceil(len(terms) / ncols)
    with _styled(font):
        fig = _figure((11, 1.2 + 2.35 * nrows), source=source)
        axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False)
        for k, term in enumerate(terms):
            ax = axes[k // ncols][k % ncols]
            rows = table[table["term"] == term]
            x = rows["period"].map(position).to_numpy()
            y = rows[value].to_numpy(dtype=float)
            colour = PALETTE[k % len(PALETTE)]
            ax.plot(x, y, color=colour, marker="o", markersize=4)
            ax.set_ylim(bottom=0, top=max(1.0, float(np.nanmax(y)) * 1.15 if np.isfinite(y).any() else 1.0))
            theme = rows["theme"].iloc[0] if "theme" in rows.columns and len(rows) else ""
            room = {1: 50, 2: 26, 3: 16}.get(ncols, 12)
            label = term + ((f" ({_theme_name(theme, lexicon, lang)})" if lang == "en" else f"（{_theme_name(theme, lexicon, lang)}）") if theme else "")
            if len(label) > room:
                label = _shorten(term, room)
            ax.set_title(label, fontsize=13)
            _period_ticks(ax, periods, trend.period, max_ticks=7 if ncols >= 3 else 9 if ncols == 2 else 12)
        for k in range(len(terms), nrows * ncols):
            axes[k // ncols][k % ncols].set_axis_off()
        for ax in axes[-1]:
            for label in ax.get_xticklabels():
                label.set_rotation(45 if trend.period != "year" else 0)
                label.set_ha("right" if trend.period != "year" else "center")
        for row in axes:
            if row[0].has_data():
                row[0].set_ylabel(text[value], fontsize=11)
        fig.suptitle(title, x=0.01, ha="left")
    return fig


def _top_themes(table: pd.DataFrame, n: int) -> list[str]:
    totals = table.groupby("theme", sort=False)["count"].sum()
    totals = totals[totals > 0].sort_values(ascending=False, kind="stable")
    return list(totals.index[:n])


def themes_share_plot(
    trend: "Trend",
    *,
    n: int = 7,
    lexicon: "Lexicon | None" = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """100% stacked bars: each period's lexicon matches divided among the ``n`` largest themes and the rest.

    A period without a meeting is an empty grey slot, not a bar.
    """
    text = _t(lang)
    title = title or text["shares_title"].format(period=text["period"][trend.period])
    if _needs_meetings(trend):
        return _trend_note(trend, title=title, lang=lang, font=font, source=source)
    table = trend.table
    top = _top_themes(table, n)
    periods = trend.periods
    wide = table.pivot(index="period", columns="theme", values="share").reindex(periods)
    other = 1 - wide[top].sum(axis=1, min_count=1)
    present = table.groupby("period", sort=False)["n_docs"].first().reindex(periods).to_numpy() > 0
    with _styled(font):
        fig = _figure((11, 6.2), source=source)
        ax = fig.add_subplot()
        x = np.arange(len(periods))
        bottom = np.zeros(len(periods))
        width = 0.8
        for k, theme in enumerate(top):
            values = np.nan_to_num(wide[theme].to_numpy(dtype=float))
            ax.bar(x, values, bottom=bottom, width=width, color=PALETTE[k % len(PALETTE)], label=_theme_name(theme, lexicon, lang), linewidth=0)
            bottom += values
        ax.bar(x, np.nan_to_num(other.clip(lower=0).to_numpy(dtype=float)), bottom=bottom, width=width, color=OTHER_COLOUR, label=text["other"], linewidth=0)
        gaps = ~present
        if gaps.any():
            ax.bar(x[gaps], np.ones(gaps.sum()), width=width, color=GAP_COLOUR, hatch="///", edgecolor="#CCCCCC", linewidth=0, label=text["no_meeting"])
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(_percent)
        ax.set_ylabel(text["share"])
        ax.grid(False)
        _period_ticks(ax, periods, trend.period, max_ticks=14)
        if trend.period != "year" or len(periods) > 14:
            for label in ax.get_xticklabels():
                label.set_rotation(45)
                label.set_ha("right")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, reverse=True)
        ax.set_title(title)
    return fig


def _percent_format(value: float, _pos: int) -> str:
    return f"{value:.0%}"


_percent = FuncFormatter(_percent_format)


def themes_heatmap_plot(
    trend: "Trend",
    *,
    value: str = "share",
    lexicon: "Lexicon | None" = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Theme × period heatmap of ``share`` (default) or ``per_10k``; periods without a meeting are grey."""
    text = _t(lang)
    title = title or text["heatmap_title"].format(measure=text[value], period=text["period"][trend.period])
    if _needs_meetings(trend):
        return _trend_note(trend, title=title, lang=lang, font=font, source=source)
    import matplotlib as mpl

    table = trend.table
    themes = _top_themes(table, len(set(table["theme"])))
    periods = trend.periods
    wide = table.pivot(index="theme", columns="period", values=value).reindex(index=themes, columns=periods)
    data = np.ma.masked_invalid(wide.to_numpy(dtype=float))
    with _styled(font):
        fig = _figure((11, max(4.5, 1.6 + 0.36 * len(themes))), source=source)
        ax = fig.add_subplot()
        cmap = mpl.colormaps["YlGnBu"].with_extremes(bad="white")
        image = ax.imshow(data, aspect="auto", cmap=cmap, interpolation="nearest", vmin=0)
        gaps = [i for i, p in enumerate(periods) if not np.isfinite(wide[p].to_numpy(dtype=float)).any()]
        for i in gaps:
            ax.add_patch(Rectangle((i - 0.5, -0.5), 1, len(themes), facecolor=GAP_COLOUR, edgecolor="#BBBBBB", hatch="///", linewidth=0))
        ax.set_yticks(range(len(themes)))
        ax.set_yticklabels([_theme_name(t, lexicon, lang) for t in themes], fontsize=11)
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        _period_ticks(ax, periods, trend.period, max_ticks=14)
        ax.set_xlim(-0.5, len(periods) - 0.5)
        ax.tick_params(axis="x", which="minor", length=0)
        if trend.period != "year" or len(periods) > 14:
            for label in ax.get_xticklabels():
                label.set_rotation(45)
                label.set_ha("right")
        bar = fig.colorbar(image, ax=ax, fraction=0.035, pad=0.01)
        if value == "share":
            bar.ax.yaxis.set_major_formatter(_percent)
        bar.set_label(text[value])
        if gaps:
            ax.set_xlabel(text["gap_note"], fontsize=10, color=SOURCE_COLOUR, loc="right")
        ax.set_title(title)
    return fig


# -- quotas ---------------------------------------------------------------------------
def _value_text(value: object, unit: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)  # type: ignore[arg-type]
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(number) >= size:
            return f"{number / size:g}{word}{unit or ''}"
    return f"{number:g}{unit or ''}"


def quotas_timeline_plot(
    trend: "Trend",
    newest: pd.DataFrame | None = None,
    *,
    n: int = 12,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Quota and deadline mentions per period (stacked bars by kind), with the newest quotas as a table.

    ``newest`` is a :func:`analysis.trends.quotas_change` table (or any
    quota table with ``text`` and ``subject``); up to ``n`` of its rows are
    listed, changed and new ones first.  With fewer than two periods the
    bars are replaced by the plain note; the table is still shown.
    """
    text = _t(lang)
    title = title or text["quota_title"].format(period=text["period"][trend.period])
    rows = pd.DataFrame() if newest is None else newest
    if len(rows) and "status" in rows.columns:
        order = {"changed": 0, "new": 1, "same": 2}
        rows = rows.assign(_o=rows["status"].map(order).fillna(3)).sort_values("_o", kind="stable").drop(columns="_o")
    n_rows = len(rows)
    rows = rows.head(n)
    has_bars = not _needs_meetings(trend)
    no_quotas = has_bars and float(np.nansum(trend.table["count"].to_numpy(dtype=float))) == 0 and not len(rows)
    with _styled(font):
        height = (4.6 if has_bars and not no_quotas else 1.6) + (0.5 + 0.36 * len(rows) if len(rows) else 0)
        fig = _figure((11, max(3.2, height)), source=source)
        if len(rows):
            grid = fig.add_gridspec(2, 1, height_ratios=[4.0 if has_bars else 1.2, 0.6 + 0.4 * len(rows)])
            ax, table_ax = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
        else:
            ax, table_ax = fig.add_subplot(), None
        if has_bars and not no_quotas:
            periods = trend.periods
            position = {p: i for i, p in enumerate(periods)}
            bottom = np.zeros(len(periods))
            for k, kind in enumerate(("quota", "deadline")):
                part = trend.table[trend.table["kind"] == kind]
                values = np.zeros(len(periods))
                values[part["period"].map(position).to_numpy()] = np.nan_to_num(part["count"].to_numpy(dtype=float))
                ax.bar(np.arange(len(periods)), values, bottom=bottom, width=0.8, color=PALETTE[k], label=text["quota_kinds"][kind])
                bottom += values
            ax.set_ylabel(text["quota_axis"])
            _period_ticks(ax, periods, trend.period, max_ticks=14)
            if trend.period != "year" or len(periods) > 14:
                for label in ax.get_xticklabels():
                    label.set_rotation(45)
                    label.set_ha("right")
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.2)
        else:
            ax.set_axis_off()
            message = text["no_quotas"] if no_quotas else NEEDS_MEETINGS["en" if lang == "en" else "zh"]
            ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=15, color="#444444", transform=ax.transAxes)
        ax.set_title(title)
        if table_ax is not None:
            latest = str(newest.attrs.get("latest", "")) if newest is not None else ""
            _quota_table(table_ax, rows, lang=lang, latest=latest, total=n_rows)
    return fig


def _quota_table(ax, rows: pd.DataFrame, *, lang: str, latest: str, total: int) -> None:  # type: ignore[no-untyped-def]
    text = _t(lang)
    ax.set_axis_off()
    heading = text["quota_table"].format(latest=latest) if latest else text["quota_speech"]
    if total > len(rows):
        heading += f"（前 {len(rows)} 条，共 {total} 条）" if lang != "en" else f" (first {len(rows)} of {total})"
    ax.set_title(heading, fontsize=13)
    has_status = "status" in rows.columns
    columns = text["quota_cols"] if has_status else text["quota_cols"][1:3]
    cells = []
    for _, row in rows.iterrows():
        subject = _shorten(row.get("subject", "") or "", 14)
        quote = _shorten(row.get("text", "") or "", 18)
        if has_status:
            previous = _value_text(row.get("previous_value"), row.get("unit")) if row.get("status") == "changed" else ""
            cells.append([text["status"].get(row["status"], row["status"]), subject, quote, previous])
        else:
            cells.append([subject, quote])
    widths = [0.1, 0.32, 0.4, 0.18] if has_status else [0.45, 0.55]
    table = ax.table(cellText=cells, colLabels=columns, colWidths=widths, loc="upper center", cellLoc="left", colLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(11)
    table.scale(1, 1.35)
    for (r, _c), cell in table.get_celld().items():
        cell.set_edgecolor("#DDDDDD")
        cell.set_linewidth(0.6)
        if r == 0:
            cell.set_facecolor("#F2F2F2")


# -- word cloud ------------------------------------------------------------------------
def cloud_frequencies(
    dtm: "DocumentTermMatrix",
    doc_ids: Sequence[str] | None = None,
    *,
    stopwords: frozenset[str] | set[str] = frozenset(),
    n: int = 150,
    font: str | Path | None = None,
) -> dict[str, int]:
    """Token frequencies for a word cloud from the run's document-term matrix.

    The matrix holds content words (stopwords, single characters and
    numbers already removed by the pipeline, lexicon terms kept whole by
    the segmenter's user dictionary); ``stopwords`` removes more.  Words
    with a character the font cannot draw are dropped (wordcloud would draw
    a box without a warning).  Returns the ``n`` most frequent words.
    """
    ids = list(dtm.doc_ids) if doc_ids is None else [d for d in doc_ids if d in set(dtm.doc_ids)]
    if not ids:
        return {}
    rows = [dtm.doc_ids.index(d) for d in ids]
    counts = np.asarray(dtm.matrix[rows].sum(axis=0)).ravel()
    order = sorted((i for i in np.flatnonzero(counts)), key=lambda j: (-counts[j], dtm.vocabulary[j]))
    words: dict[str, int] = {}
    for j in order:
        word = dtm.vocabulary[j]
        if word in stopwords or font_covers(word, font):
            continue
        words[word] = int(counts[j])
        if len(words) >= n:
            break
    return words


def _cloud_colour(word: str, font_size: int, position: tuple[int, int], orientation: int, random_state=None, **kwargs) -> str:  # type: ignore[no-untyped-def]
    colours = PALETTE[:6]
    return colours[(sum(map(ord, word)) + font_size) % len(colours)]


def wordcloud_make(
    frequencies: Mapping[str, float],
    *,
    font: str | Path | None = None,
    width: int = 1600,
    height: int = 900,
    max_words: int = 120,
):  # type: ignore[no-untyped-def]
    """A :class:`wordcloud.WordCloud` fitted to ``frequencies`` with the Chinese font (``collocations=False``)."""
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=str(font_path(font)),
        width=width,
        height=height,
        background_color="white",
        collocations=False,
        max_words=max_words,
        prefer_horizontal=1.0,  # rotated Chinese reads badly
        color_func=_cloud_colour,
        random_state=7,
        margin=4,
    )
    return cloud.generate_from_frequencies(dict(frequencies))


def wordcloud_plot(
    frequencies: Mapping[str, float],
    *,
    label: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
    max_words: int = 120,
) -> Figure:
    """A word cloud of ``frequencies`` (e.g. from :func:`cloud_frequencies`) as a figure.

    The drawn words are in ``fig.cloud_words`` (for checking font coverage).
    """
    text = _t(lang)
    title = title or text["cloud_title"].format(label=label).replace("（）", "").replace(" ()", "")
    if not frequencies:
        return note_plot(text["no_terms"], title=title, lang=lang, font=font, source=source)
    cloud = wordcloud_make(frequencies, font=font, max_words=max_words)
    with _styled(font):
        fig = _figure((11, 6.6), source=source)
        ax = fig.add_subplot()
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()
        ax.set_title(title)
    fig.cloud_words = list(cloud.words_)  # type: ignore[attr-defined]
    return fig


# -- keyness ----------------------------------------------------------------------------
def keyness_plot(
    keyness: pd.DataFrame,
    *,
    target: str,
    reference: str,
    n: int = 10,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Horizontal bars of signed keyness: the ``n`` terms most over-used in ``target`` (up) and most under-used (down)."""
    text = _t(lang)
    title = title or text["keyness_title"].format(target=target, reference=reference)
    if keyness is None or keyness.empty:
        return note_plot(text["no_keyness"], title=title, lang=lang, font=font, source=source)
    # |chi2| below 0.01: no difference worth a bar (e.g. 1:1 after Yates' correction).
    more = keyness[keyness["chi2"] >= 0.01].head(n)
    less = keyness[keyness["chi2"] <= -0.01].sort_values("chi2", kind="stable").head(n)
    if more.empty and less.empty:
        return note_plot(text["no_keyness"], title=title, lang=lang, font=font, source=source)
    rows = pd.concat([more, less.iloc[::-1]], ignore_index=True)
    with _styled(font):
        fig = _figure((11, max(4.2, 1.6 + 0.34 * len(rows))), source=source)
        ax = fig.add_subplot()
        y = np.arange(len(rows))[::-1]
        colours = [PALETTE[0] if v > 0 else PALETTE[3] for v in rows["chi2"]]
        ax.barh(y, rows["chi2"], color=colours, height=0.7)
        ax.set_yticks(y)
        ax.set_yticklabels(
            [f"{t}  ({a}:{b})" for t, a, b in zip(rows["term"], rows["target_count"], rows["reference_count"])], fontsize=11
        )
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(text["keyness_axis"])
        handles = [Patch(color=PALETTE[0], label=text["keyness_more"].format(target=target))]
        if len(less):
            handles.append(Patch(color=PALETTE[3], label=text["keyness_less"].format(target=target)))
        fig.legend(handles=handles, loc="outside upper right", ncols=2)
        ax.set_title(title)
    return fig


# -- one speech --------------------------------------------------------------------
def dispersion_plot(
    matches: pd.DataFrame,
    *,
    doc_id: str,
    terms: Sequence[str] | None = None,
    n: int = 8,
    n_chars: int | None = None,
    label: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Lexical dispersion: where each term occurs in one speech (x = character offset of each match)."""
    text = _t(lang)
    title = title or text["dispersion_title"].format(doc=label or doc_id)
    rows = matches[matches["doc_id"] == doc_id]
    if terms is None:
        terms = list(rows["term"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:n])
    if not terms:
        return note_plot(text["no_terms"], title=title, lang=lang, font=font, source=source)
    length = n_chars or (int(rows["end"].max()) if len(rows) else 1)
    with _styled(font):
        fig = _figure((11, 1.6 + 0.45 * len(terms)), source=source)
        ax = fig.add_subplot()
        for k, term in enumerate(terms):
            starts = rows.loc[rows["term"] == term, "start"].to_numpy()
            y = len(terms) - 1 - k
            ax.plot(starts, np.full(len(starts), y), linestyle="none", marker="|", markersize=18, markeredgewidth=2, color=PALETTE[k % len(PALETTE)])
        ax.set_yticks(range(len(terms)))
        ax.set_yticklabels([f"{t} ({int((rows['term'] == t).sum())})" for t in reversed(terms)], fontsize=12)
        ax.set_ylim(-0.7, len(terms) - 0.3)
        ax.set_xlim(0, length)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(text["dispersion_axis"])
        ax.set_title(title)
    return fig


def outline_plot(
    section_themes: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    doc_id: str,
    max_sections: int = 24,
    lexicon: "Lexicon | None" = None,
    label: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """The outline of one speech: each section as a bar over its characters, coloured by its leading theme.

    Leading theme = the theme with most lexicon matches in the section (ties:
    the first in ``section_themes`` order).  With more than ``max_sections``
    sections, subsections are merged into their top-level section.
    """
    text = _t(lang)
    title = title or text["outline_title"].format(doc=label or doc_id)
    sents = sentences[sentences["doc_id"] == doc_id]
    if sents.empty:
        return note_plot(text["no_terms"], title=title, lang=lang, font=font, source=source)
    themes = section_themes[section_themes["doc_id"] == doc_id]
    spans = sents.groupby("section", sort=False).agg(start=("start", "min"), end=("end", "max"), heading=("heading", "first"))
    if len(spans) > max_sections:
        top = sents.assign(section=sents["section"].astype(str).str.split(".").str[0])
        headings = dict(zip(sents["section"].astype(str), sents["heading"]))
        spans = top.groupby("section", sort=False).agg(start=("start", "min"), end=("end", "max"), heading=("heading", "first"))
        spans["heading"] = [headings.get(s, h) for s, h in zip(spans.index, spans["heading"])]
        themes = themes.assign(section=themes["section"].astype(str).str.split(".").str[0])
        themes = themes.groupby(["section", "theme"], sort=False)["count"].sum().reset_index()
        themes = themes.sort_values(["section", "count"], ascending=[True, False], kind="stable")
    spans = spans.sort_values("start", kind="stable")
    leading = themes.drop_duplicates("section").set_index("section")["theme"].to_dict() if len(themes) else {}
    order = [t for t in dict.fromkeys(leading[s] for s in spans.index if s in leading)]
    colour = {t: CATEGORICAL[k % len(CATEGORICAL)] for k, t in enumerate(order)}
    with _styled(font):
        fig = _figure((11, max(3.2, 1.8 + 0.36 * len(spans))), source=source)
        ax = fig.add_subplot()
        for k, (section, row) in enumerate(spans.iterrows()):
            theme = leading.get(section, "")
            ax.barh(len(spans) - 1 - k, row["end"] - row["start"], left=row["start"], height=0.7, color=colour.get(theme, OTHER_COLOUR))
        labels = []
        for section, row in spans.iterrows():
            heading = str(row["heading"] or "")
            if heading:
                labels.append(f"{section}  {_shorten(heading, 16)}")
            elif str(section) == "0":
                labels.append(text["opening"] if len(spans) > 1 else text["whole"])
            else:
                labels.append(str(section))
        ax.set_yticks(range(len(spans)))
        ax.set_yticklabels(list(reversed(labels)), fontsize=10 if len(spans) > 14 else 11)
        ax.set_ylim(-0.6, len(spans) - 0.4)
        ax.set_xlim(0, int(spans["end"].max()))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(text["outline_axis"])
        handles = [Patch(color=colour[t], label=_theme_name(t, lexicon, lang)) for t in order]
        if any(s not in leading for s in spans.index):
            handles.append(Patch(color=OTHER_COLOUR, label=text["no_matches"]))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        ax.set_title(title)
    return fig
