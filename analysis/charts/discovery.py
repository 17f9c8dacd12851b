"""Discovery charts: the co-occurrence network of lexicon terms, and topic shares over time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import CATEGORICAL, OTHER_COLOUR, _figure, stacked_shares_draw, _period_ticks, _styled, _theme_name, note_plot

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon

__all__ = ["cooccurrence_network_plot", "topics_share_plot"]


def cooccurrence_network_plot(
    cooccurrence: pd.DataFrame,
    *,
    n_edges: int = 60,
    lexicon: "Lexicon | None" = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """The most strongly associated term pairs as a network, terms coloured by theme.

    The ``n_edges`` pairs with the largest G² among pairs of the 40 terms
    with the most sentences; the largest connected group of them is drawn.
    Node size follows the number of sentences holding the term; edge width
    the pair's G².  Layout: networkx's Kamada–Kawai layout (deterministic).
    """
    import networkx as nx

    title = title or ("词语共现网络（同句，最常见 40 个词语中按对数似然比取前 {n} 对）" if lang != "en" else "Term co-occurrence network (same sentence, top {n} pairs by G² among the 40 most frequent terms)").format(n=n_edges)
    rows = pd.DataFrame()
    if cooccurrence is not None and len(cooccurrence):
        positive = cooccurrence[cooccurrence["G2"] > 0]
        frequency = pd.concat([positive.set_index("term_a")["n_a"], positive.set_index("term_b")["n_b"]])
        common = set(frequency.groupby(level=0).max().sort_values(ascending=False).index[:40])
        rows = positive[positive["term_a"].isin(common) & positive["term_b"].isin(common)].head(n_edges)
    if rows.empty:
        return note_plot("没有共现的词语对" if lang != "en" else "No co-occurring pair of terms", title=title, lang=lang, font=font, source=source)
    graph = nx.Graph()
    sizes: dict[str, int] = {}
    themes: dict[str, str] = {}
    for row in rows.itertuples(index=False):
        graph.add_edge(row.term_a, row.term_b, weight=float(row.G2))
        sizes[row.term_a], sizes[row.term_b] = int(row.n_a), int(row.n_b)
        themes[row.term_a], themes[row.term_b] = row.theme_a, row.theme_b
    # The largest connected group of terms: separate pairs would scatter over the page and squeeze it.
    graph = graph.subgraph(max(nx.connected_components(graph), key=len)).copy()
    layout = nx.kamada_kawai_layout(graph)
    theme_order = sorted(set(themes.values()), key=lambda t: -sum(sizes[n] for n in themes if themes[n] == t))
    colours = {t: CATEGORICAL[i] if i < len(CATEGORICAL) else OTHER_COLOUR for i, t in enumerate(theme_order)}
    largest = max(sizes.values())
    widest = float(rows["G2"].max())
    with _styled(font):
        fig = _figure((12, 9), source=source)
        ax = fig.add_subplot()
        for a, b, data in graph.edges(data=True):
            (xa, ya), (xb, yb) = layout[a], layout[b]
            ax.plot([xa, xb], [ya, yb], color="#999999", linewidth=0.4 + 3.0 * data["weight"] / widest, alpha=0.6, zorder=1)
        for node, (x, y) in layout.items():
            ax.scatter([x], [y], s=80 + 900 * sizes[node] / largest, color=colours[themes[node]], edgecolor="white", linewidth=0.8, zorder=2)
            ax.annotate(node, (x, y), xytext=(0, 9), textcoords="offset points", ha="center", fontsize=10, zorder=3)
        for theme in theme_order:
            ax.scatter([], [], s=80, color=colours[theme], label=_theme_name(theme, lexicon, lang))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, fontsize=10)
        ax.set_axis_off()
        ax.set_title(title)
    return fig


def topics_share_plot(
    trend: pd.DataFrame,
    *,
    period: str,
    n: int = 8,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Stacked shares of the ``n`` largest topics by period (the rest grouped); periods without a meeting are grey."""
    unit = {"month": "按月", "quarter": "按季度", "year": "按年"}[period] if lang != "en" else f"by {period}"
    title = title or (f"主题模型：各主题占比（{unit}，前 {n} 个主题）" if lang != "en" else f"Topic model: topic shares ({unit}, top {n} topics)")
    if trend is None or trend.empty or trend.loc[trend["n_docs"] > 0, "period"].nunique() < 2:
        return note_plot("需要至少两个有会议的时期" if lang != "en" else "Needs at least two periods with a meeting", title=title, lang=lang, font=font, source=source)
    periods = list(dict.fromkeys(trend["period"]))
    wide = trend.pivot_table(index="period", columns="label", values="share", aggfunc="first").reindex(periods)
    top = wide.mean().sort_values(ascending=False).index[:n].tolist()
    present = trend.groupby("period", sort=False)["n_docs"].max().reindex(periods).to_numpy() > 0
    with _styled(font):
        fig = _figure((11, 6.2), source=source)
        ax = fig.add_subplot()
        stacked_shares_draw(
            ax, wide, top, labels=top, colours=[CATEGORICAL[k % len(CATEGORICAL)] for k in range(len(top))], present=present,
            other_label="其他主题" if lang != "en" else "other topics", gap_label="无会议" if lang != "en" else "no meeting",
        )
        ax.set_ylabel("占比" if lang != "en" else "share")
        ax.grid(False)
        _period_ticks(ax, periods, period, max_ticks=14)
        for tick in ax.get_xticklabels():
            tick.set_rotation(45)
            tick.set_ha("right")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, reverse=True)
        ax.set_title(title)
    return fig
