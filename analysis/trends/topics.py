"""Topic shares by period: a topic model's per-speech shares aggregated like the themes.

A period's share of a topic is the mean of its speeches' shares weighted by
their characters (``Σ share × n_chars / Σ n_chars``), so that a long report
weighs more than a short readout, as with the theme shares; periods without
a meeting have ``NaN`` shares (rules of :mod:`analysis.trends.periods`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.trends.periods import period_choose, periods_assign

__all__ = ["TOPIC_TREND_COLUMNS", "topics_trend"]

TOPIC_TREND_COLUMNS = ["period", "topic", "label", "n_docs", "share"]


def topics_trend(doc_topics: pd.DataFrame, corpus: pd.DataFrame, *, period: str | None = None) -> pd.DataFrame:
    """``doc_topics`` (``doc_id, topic, label, share``) by period; table :data:`TOPIC_TREND_COLUMNS`."""
    if doc_topics is None or doc_topics.empty:
        return pd.DataFrame(columns=TOPIC_TREND_COLUMNS)
    period = period or period_choose(corpus)
    placement = periods_assign(corpus, period=period)
    if placement.docs.empty:  # no dated speech: nothing to place
        return pd.DataFrame(columns=TOPIC_TREND_COLUMNS)
    placed = doc_topics.merge(placement.docs, on="doc_id", how="inner")
    placed["weighted"] = placed["share"] * placed["n_chars"]
    grouped = placed.groupby(["period", "topic", "label"], sort=False).agg(
        n_docs=("doc_id", "nunique"), weighted=("weighted", "sum"), n_chars=("n_chars", "sum")
    ).reset_index()
    grouped["share"] = (grouped["weighted"] / grouped["n_chars"]).round(6)
    labels = doc_topics[["topic", "label"]].drop_duplicates()
    frame = pd.MultiIndex.from_product([placement.periods, labels["topic"]], names=["period", "topic"]).to_frame(index=False)
    frame = frame.merge(labels, on="topic").merge(grouped[["period", "topic", "n_docs", "share"]], on=["period", "topic"], how="left")
    frame["n_docs"] = frame["n_docs"].fillna(0).astype("int64")
    frame.loc[frame["n_docs"] == 0, "share"] = np.nan
    order = {p: i for i, p in enumerate(placement.periods)}
    frame = frame.sort_values(["period", "topic"], key=lambda s: s.map(order) if s.name == "period" else s, kind="stable")
    return frame[TOPIC_TREND_COLUMNS].reset_index(drop=True)
