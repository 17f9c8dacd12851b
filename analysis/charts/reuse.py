"""Charts of text reuse and diffusion: how much of each speech is borrowed and from where; when each series first used a term."""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.charts.style import CATEGORICAL, OTHER_COLOUR, _figure, _shorten, _styled, note_plot

__all__ = ["reuse_sources_plot", "diffusion_plot"]

_TEXT = {
    "zh": {
        "reuse_title": "文本复用：各讲话与其他文本相同的段落占比（前{n}篇）",
        "reuse_axis": "占讲话字数的比例",
        "other": "其他来源",
        "no_reuse": "未发现不少于{min_chars}字的共同段落",
        "diffusion_title": "提法扩散：各系列首次使用的日期",
        "diffusion_reference": "（参照系列）",
        "year_only": "空心：只知年份或月份",
        "no_terms": "没有可显示的术语",
    },
    "en": {
        "reuse_title": "Text reuse: share of each speech found in other texts (top {n})",
        "reuse_axis": "share of the speech's characters",
        "other": "other sources",
        "no_reuse": "no shared passage of {min_chars} characters or more",
        "diffusion_title": "Diffusion of formulations: first use in each series",
        "diffusion_reference": " (reference)",
        "year_only": "hollow: only the year or month is known",
        "no_terms": "no term to show",
    },
}


def _t(lang: str) -> dict[str, str]:
    return _TEXT["en" if lang == "en" else "zh"]


def _label(doc_id: str, titles: dict[str, str] | None, width: int) -> str:
    """The title, unless the file is named by its date (a readout's date says more than its headline)."""
    name = doc_id.rsplit("/", 1)[-1]
    if titles and titles.get(doc_id) and not re.match(r"\d{4}-\d{2}", name):
        return _shorten(titles[doc_id], width)
    return _shorten(name, width)


def _attributed(rows: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Characters of each speech credited to each source, each character once: longer passages first."""
    chars: dict[tuple[str, str], int] = {}
    for doc, group in rows.groupby("doc_id"):
        taken: list[tuple[int, int]] = []
        for row in group.sort_values(["n_chars", "start"], ascending=[False, True]).itertuples(index=False):
            before = _union(taken)
            taken.append((row.start, row.end))
            gained = _union(taken) - before
            if gained:
                chars[(doc, row.source_doc_id)] = chars.get((doc, row.source_doc_id), 0) + gained
    return chars


def _union(spans: Sequence[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e > end:
            total += e - max(s, end)
            end = e
    return total


def reuse_sources_plot(
    docs: pd.DataFrame,
    passages: pd.DataFrame,
    *,
    top: int = 15,
    n_sources: int = 6,
    titles: dict[str, str] | None = None,
    min_chars: int = 30,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Stacked bars: for the ``top`` speeches with the largest reused share, the share of
    their characters found in each of the ``n_sources`` most used sources (the rest pooled)."""
    text = _t(lang)
    shown = docs[docs["reused_chars"] > 0].sort_values(["reused_share", "doc_id"], ascending=[False, True]).head(top)
    title = title or text["reuse_title"].format(n=len(shown) or top)
    if not len(shown):
        return note_plot(text["no_reuse"].format(min_chars=min_chars), title=title, lang=lang, font=font, source=source)
    rows = passages[passages["doc_id"].isin(shown["doc_id"])]
    chars = _attributed(rows)
    totals: dict[str, int] = {}
    for (_, src), n in chars.items():
        totals[src] = totals.get(src, 0) + n
    leading = [s for s, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:n_sources]]
    order = list(shown["doc_id"])[::-1]
    n_chars = dict(zip(shown["doc_id"], shown["n_chars"]))
    reused = dict(zip(shown["doc_id"], shown["reused_chars"]))
    with _styled(font):
        fig = _figure((11, 1.2 + 0.42 * len(order)), source=source)
        ax = fig.add_subplot()
        y = np.arange(len(order))
        left = np.zeros(len(order))
        for colour, src, name in zip(CATEGORICAL, leading, _distinct_labels(leading, titles, 28, by_folder=False)):
            width = np.array([chars.get((doc, src), 0) / n_chars[doc] for doc in order])
            ax.barh(y, width, left=left, color=colour, label=name, height=0.7)
            left += width
        # the rest: what the union covers beyond the leading sources (never more than the union)
        rest = np.array([max(0.0, reused[doc] / n_chars[doc] - l) for doc, l in zip(order, left)])
        if rest.any():
            ax.barh(y, rest, left=left, color=OTHER_COLOUR, label=text["other"], height=0.7)
        ax.set_yticks(y)
        ax.set_yticklabels(_distinct_labels(order, titles, 22))
        largest = max(reused[doc] / n_chars[doc] for doc in order)
        limit = min(1.0, largest * 1.18)
        ax.set_xlim(0, limit)
        ax.xaxis.set_major_formatter(_percent if limit >= 0.1 else _percent_fine)
        ax.set_xlabel(text["reuse_axis"])
        for yi, doc in zip(y, order):
            share = reused[doc] / n_chars[doc]
            ax.text(min(share, limit * 0.93) + limit * 0.01, yi, f"{share:.0%}" if share >= 0.1 else f"{share:.1%}", va="center", fontsize=10)
        ax.legend(loc="lower right", fontsize=9, frameon=True)
        ax.set_title(title, loc="left")
    return fig


def _percent(value: float, _pos: int) -> str:
    return f"{value:.0%}"


def _percent_fine(value: float, _pos: int) -> str:
    return f"{value:.1%}"


def _distinct_labels(doc_ids: Sequence[str], titles: dict[str, str] | None, width: int, *, by_folder: bool = True) -> list[str]:
    """Labels of documents; those that would read the same (a .docx and its .txt; reports all titled
    政府工作报告) get their folder added, or are named by their file instead."""
    labels = [_label(doc, titles, width) for doc in doc_ids]
    repeated = {label for label in labels if labels.count(label) > 1}
    for index, (doc, label) in enumerate(zip(doc_ids, labels)):
        if label in repeated:
            if by_folder and doc.count("/"):
                labels[index] = _shorten(label, width - 8) + f" ({_shorten(doc.rsplit('/', 2)[-2], 12)})"
            else:
                labels[index] = _label(doc, None, width)
    return labels


def _as_day(value: str) -> tuple[Date, bool]:
    parts = [int(p) for p in value.split("-")]
    exact = len(parts) == 3
    parts += [1] * (3 - len(parts))
    return Date(parts[0], parts[1], parts[2]), exact


def diffusion_plot(
    table: pd.DataFrame,
    *,
    terms: Sequence[str],
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """First-use date of each term (rows) in each series (markers), the reference series first."""
    import matplotlib.dates as mdates

    text = _t(lang)
    title = title or text["diffusion_title"]
    rows = table[table["term"].isin(terms)]
    if not len(rows):
        return note_plot(text["no_terms"], title=title, lang=lang, font=font, source=source)
    reference = rows["reference_series"].iloc[0]
    series = [reference] + sorted(set(rows["series"]) - {reference})
    series = [s for s in series if s in set(rows["series"])]
    order = [t for t in terms if t in set(rows["term"])][::-1]
    markers = ["D", "o", "s", "^", "v", "P", "X", "*"]
    with _styled(font):
        fig = _figure((11, 1.6 + 0.45 * len(order)), source=source)
        ax = fig.add_subplot()
        handles = []
        for index, name in enumerate(series):
            colour = CATEGORICAL[index % len(CATEGORICAL)]
            marker = markers[index % len(markers)]
            part = rows[rows["series"] == name]
            for row in part.itertuples(index=False):
                day, exact = _as_day(row.first_date)
                y = order.index(row.term)
                ax.plot(
                    [day], [y], marker=marker, linestyle="none", markersize=9 if index == 0 else 7,
                    color=colour, markerfacecolor=colour if exact else "none", markeredgewidth=1.5,
                )
            label = name + (text["diffusion_reference"] if name == reference else "")
            handles.append(Line2D([], [], marker=marker, color=colour, linestyle="none", label=label))
        handles.append(Line2D([], [], marker="o", color="#666666", markerfacecolor="none", linestyle="none", label=text["year_only"]))
        ax.set_yticks(range(len(order)))
        ax.set_yticklabels(order)
        ax.set_ylim(-0.6, len(order) - 0.4)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=10))
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
        ax.set_title(title, loc="left")
    return fig
