"""Charts of a corpus as a whole: speeches per period, and the outline of one speech (sections by length and theme)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.charts.style import _t, _styled, _figure, _theme_name, _shorten, _period_ticks, ChartUnavailable, PALETTE, CATEGORICAL, OTHER_COLOUR, NEEDS_MEETINGS

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon


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

    Raises :class:`ChartUnavailable` with fewer than two dated periods.
    """
    from analysis.trends import period_choose, periods_assign

    text = _t(lang)
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    title = title or text["corpus_title"].format(period=text["period"][period])
    placement = periods_assign(corpus, period=period, include_duplicates=include_duplicates)
    if len(placement.periods_with_meetings) < 2:
        raise ChartUnavailable(NEEDS_MEETINGS["en" if lang == "en" else "zh"])
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
    sections, subsections are merged into their top-level section.  Raises
    :class:`ChartUnavailable` for a text without headings (a news readout).
    """
    text = _t(lang)
    title = title or text["outline_title"].format(doc=label or doc_id)
    sents = sentences[sentences["doc_id"] == doc_id]
    if sents.empty:
        raise ChartUnavailable(text["no_terms"])
    themes = section_themes[section_themes["doc_id"] == doc_id]
    spans = sents.groupby("section", sort=False).agg(start=("start", "min"), end=("end", "max"), heading=("heading", "first"))
    if not any(str(h or "").strip() for h in spans["heading"]):
        raise ChartUnavailable(text["no_headings"])  # one bar for the whole text says nothing
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
