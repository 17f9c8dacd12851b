"""Trend charts: lexicon terms per 10,000 characters by period, theme shares by period, and the theme × period heatmap."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

from analysis.charts.style import (
    stacked_shares_draw,
    _t, _styled, _figure, _theme_name, _shorten, _period_ticks, _require_meetings, _mark_gaps, _mark_partial, _partial_note, _partial_handle,
    ChartUnavailable, PALETTE, GAP_COLOUR, SOURCE_COLOUR,
)

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon
    from analysis.trends import Trend


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
    break at periods without a meeting (NaN), which are shaded grey and
    named in the legend; every period with a meeting has a marker, so an
    isolated meeting still shows.  Each panel names its term (left) and
    the term's theme (right).  A partial last period is outlined and
    labelled.  Raises :class:`ChartUnavailable` with fewer than two
    periods with a meeting, or no term to show.
    """
    text = _t(lang)
    title = title or text["terms_title"].format(measure=text[value], period=text["period"][trend.period])
    _require_meetings(trend, lang)
    table = trend.table
    if terms is None:
        totals = table.groupby("term", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
        terms = [t for t in totals.index if totals[t] > 0][:n]
    terms = [t for t in terms if t in set(table["term"])]
    if not terms:
        raise ChartUnavailable(text["no_terms"])
    periods = trend.periods
    present = table.groupby("period", sort=False)["n_docs"].first().reindex(periods).fillna(0).to_numpy() > 0
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
            _mark_gaps(ax, present, label=text["no_meeting"])
            ax.plot(x, y, color=colour, marker="o", markersize=4, zorder=3)
            ax.set_ylim(bottom=0, top=max(1.0, float(np.nanmax(y)) * 1.15 if np.isfinite(y).any() else 1.0))
            _mark_partial(ax, trend, lang=lang)
            theme = rows["theme"].iloc[0] if "theme" in rows.columns and len(rows) else ""
            room = {1: 40, 2: 16, 3: 8}.get(ncols, 7)
            ax.set_title(_shorten(term, room), fontsize=13, loc="left")
            if theme:
                ax.set_title(_shorten(_theme_name(theme, lexicon, lang), {1: 40, 2: 20, 3: 9}.get(ncols, 8)), fontsize=10, loc="right", color=SOURCE_COLOUR)
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
        handles = []
        if not present.all():
            handles.append(Rectangle((0, 0), 1, 1, facecolor=GAP_COLOUR, edgecolor="#C8C8C8", hatch="///", linewidth=0, label=text["no_meeting"]))
        partial = _partial_handle(trend, lang)
        if partial is not None:
            handles.append(partial)
        if handles:
            fig.legend(handles=handles, loc="outside upper right", fontsize=11, ncols=len(handles))
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

    A period without a meeting is an empty grey slot, not a bar; a partial
    last period is outlined.  Raises :class:`ChartUnavailable` with fewer
    than two periods with a meeting.
    """
    text = _t(lang)
    title = title or text["shares_title"].format(period=text["period"][trend.period])
    _require_meetings(trend, lang)
    table = trend.table
    top = _top_themes(table, n)
    periods = trend.periods
    wide = table.pivot(index="period", columns="theme", values="share").reindex(periods)
    present = table.groupby("period", sort=False)["n_docs"].first().reindex(periods).to_numpy() > 0
    with _styled(font):
        fig = _figure((11, 6.2), source=source)
        ax = fig.add_subplot()
        stacked_shares_draw(
            ax, wide, top, labels=[_theme_name(t, lexicon, lang) for t in top],
            colours=[PALETTE[k % len(PALETTE)] for k in range(len(top))], present=present,
            other_label=text["other"], gap_label=text["no_meeting"],
        )
        _mark_partial(ax, trend, lang=lang)
        ax.yaxis.set_major_formatter(_percent)
        ax.set_ylabel(text["share"])
        ax.grid(False)
        _period_ticks(ax, periods, trend.period, max_ticks=14)
        if trend.period != "year" or len(periods) > 14:
            for label in ax.get_xticklabels():
                label.set_rotation(45)
                label.set_ha("right")
        handles, labels = ax.get_legend_handles_labels()
        partial = _partial_handle(trend, lang)
        if partial is not None:
            handles, labels = [partial, *handles], [partial.get_label(), *labels]
        ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
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
    """Theme × period heatmap of ``share`` (default) or ``per_10k``; periods without a meeting are grey hatched.

    Raises :class:`ChartUnavailable` with fewer than two periods with a meeting.
    """
    text = _t(lang)
    title = title or text["heatmap_title"].format(measure=text[value], period=text["period"][trend.period])
    _require_meetings(trend, lang)
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
            ax.add_patch(Rectangle((i - 0.5, -0.5), 1, len(themes), facecolor=GAP_COLOUR, edgecolor="#BBBBBB", hatch="///", linewidth=0, gid="gap"))
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
        partial = _partial_note(trend, lang)
        if gaps or partial:
            ax.set_xlabel("；".join(p for p in (text["gap_note"] if gaps else "", partial) if p), fontsize=10, color=SOURCE_COLOUR, loc="right")
        ax.set_title(title)
    return fig
