"""Theme distributions: how a speech (or one of its sections) divides its attention.

Every lexicon match belongs to one theme.  For a speech or a section:

* ``count`` — lexicon matches of the theme;
* ``share`` — the theme's part of all matches in that speech or section
  (shares sum to 1 over the themes present);
* ``per_10k`` — matches per 10,000 characters of cleaned text, an
  attention rate comparable across speeches of different length.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["themes_distribution", "themes_by_section", "THEME_COLUMNS", "SECTION_THEME_COLUMNS"]

THEME_COLUMNS = ["doc_id", "theme", "count", "share", "per_10k"]
SECTION_THEME_COLUMNS = ["doc_id", "section", "heading", "theme", "count", "share"]


def themes_distribution(matches: pd.DataFrame, *, n_chars: dict[str, int]) -> pd.DataFrame:
    """Theme counts, shares and rates per speech from term matches.

    ``matches`` has at least ``doc_id`` and ``theme`` (as from
    :func:`analysis.measures.terms.terms_match`); ``n_chars`` maps doc_id to its
    cleaned length.
    """
    if matches.empty:
        return pd.DataFrame(columns=THEME_COLUMNS)
    counts = matches.groupby(["doc_id", "theme"], sort=False).size().rename("count").reset_index()
    totals = counts.groupby("doc_id")["count"].transform("sum")
    counts["share"] = (counts["count"] / totals).round(6)
    counts["per_10k"] = (counts["count"] * 10_000 / counts["doc_id"].map(n_chars)).round(3)
    return counts.sort_values(["doc_id", "count", "theme"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def themes_by_section(matches: pd.DataFrame, *, headings: dict[tuple[str, str], str]) -> pd.DataFrame:
    """Theme counts and shares per outline section.

    ``headings`` maps ``(doc_id, section)`` to the section's heading.
    """
    if matches.empty:
        return pd.DataFrame(columns=SECTION_THEME_COLUMNS)
    counts = matches.groupby(["doc_id", "section", "theme"], sort=False).size().rename("count").reset_index()
    totals = counts.groupby(["doc_id", "section"])["count"].transform("sum")
    counts["share"] = (counts["count"] / totals).round(6)
    counts["heading"] = [headings.get((d, s), "") for d, s in zip(counts["doc_id"].tolist(), counts["section"].tolist())]
    counts = counts[SECTION_THEME_COLUMNS]
    return counts.sort_values(["doc_id", "section", "count", "theme"], ascending=[True, True, False, True], kind="stable").reset_index(drop=True)
