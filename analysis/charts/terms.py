"""Charts of single terms: keyness between two periods, and where in a speech each term falls (dispersion)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.charts.style import _t, _styled, _figure, ChartUnavailable, PALETTE, SOURCE_COLOUR

if TYPE_CHECKING:
    pass


# -- keyness ----------------------------------------------------------------------------
def keyness_plot(
    keyness: pd.DataFrame,
    *,
    target: str,
    reference: str,
    n: int = 10,
    p: float | None = 0.05,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Horizontal bars of signed keyness: the ``n`` terms most over-used in ``target`` (up) and most under-used (down).

    Only terms whose chi-squared ``p`` is below ``p`` are drawn (``p=None``
    draws all), and the chart says so under its title, with how many were
    left out.  Raises :class:`ChartUnavailable` when no term is left.
    """
    text = _t(lang)
    title = title or text["keyness_title"].format(target=target, reference=reference)
    if keyness is None or keyness.empty:
        raise ChartUnavailable(text["no_keyness"])
    # |chi2| below 0.01: no difference worth a bar (e.g. 1:1 after Yates' correction).
    differing = keyness[keyness["chi2"].abs() >= 0.01]
    significant = differing if p is None else differing[differing["p"] < p]
    if significant.empty:
        raise ChartUnavailable(text["not_significant"].format(p=p) if p is not None and len(differing) else text["no_keyness"])
    more = significant[significant["chi2"] > 0].head(n)
    less = significant[significant["chi2"] < 0].sort_values("chi2", kind="stable").head(n)
    rows = pd.concat([more, less.iloc[::-1]], ignore_index=True)
    with _styled(font):
        fig = _figure((11, max(3.0, 1.8 + 0.34 * len(rows))), source=source)
        ax = fig.add_subplot()
        y = np.arange(len(rows))[::-1] + max(0, 4 - len(rows))  # few bars sit at the top, as thin as many
        colours = [PALETTE[0] if v > 0 else PALETTE[3] for v in rows["chi2"]]
        ax.barh(y, rows["chi2"], color=colours, height=0.7)
        ax.set_ylim(-0.7, max(len(rows), 4) - 0.3)
        ax.set_yticks(y)
        ax.set_yticklabels(
            [f"{t}  ({a}:{b})" for t, a, b in zip(rows["term"], rows["target_count"], rows["reference_count"])], fontsize=11
        )
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(text["keyness_axis"])
        handles = []
        if len(more):
            handles.append(Patch(color=PALETTE[0], label=text["keyness_more"].format(target=target)))
        if len(less):
            handles.append(Patch(color=PALETTE[3], label=text["keyness_less"].format(target=target)))
        ax.legend(handles=handles, loc="best", fontsize=11)
        fig.suptitle(title, x=0.01, ha="left")
        if p is not None:
            note = text["significant_only"].format(p=p, stat="χ²", hidden=len(differing) - len(significant))
            ax.set_title(note, loc="left", fontsize=11, color=SOURCE_COLOUR)
    fig.keyness_rows = rows  # type: ignore[attr-defined]
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
        raise ChartUnavailable(text["no_terms"])
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
