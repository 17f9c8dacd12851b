"""Diffusion of formulations: when each policy term is first used in each series, and the lag behind a reference series.

A series is a group of speeches: the folder holding the files (default), the
meeting type, or any column of the metadata table.  For every lexicon term
found (variants count toward their canonical term, as in ``term_counts``)
and every extra term given (found as a phrase in the cleaned text),
:func:`diffusion_first_use` returns one row per term × series where it
occurs, with columns ``term``, ``series``, ``first_date`` (ISO, as precise as
the speech's date), ``first_doc_id``, ``n_docs`` (speeches of the series
using it), ``series_docs`` (dated speeches in the series),
``reference_series``, ``reference_first_date`` and ``lag_days``
(``first_date`` minus the reference series' first date, in days; positive:
later than the reference; empty when either date lacks a day).  Undated
speeches are left out.  Example: 新质生产力 first appears in the Politburo
readouts on 2024-01-31 and in the State Council readouts on 2024-01-22
(lag −9 days).
"""

from __future__ import annotations

from datetime import date as Date
from typing import Sequence

import pandas as pd

from analysis.lexicon import Lexicon, lexicon_default
from analysis.measures.reuse import CorpusText

__all__ = ["DIFFUSION_COLUMNS", "series_of", "diffusion_first_use", "diffusion_top_terms", "date_key"]

DIFFUSION_COLUMNS = [
    "term", "series", "first_date", "first_doc_id", "n_docs", "series_docs",
    "reference_series", "reference_first_date", "lag_days",
]


def series_of(text: CorpusText, series: str) -> str:
    """The series a speech belongs to: ``folder``, ``meeting_type`` or a metadata column."""
    if series == "folder":
        return text.folder or "."
    if series == "meeting_type":
        return text.meeting_type
    return text.columns.get(series, "")


def date_key(value: str) -> tuple[int, int, int]:
    """Sort key of an ISO partial date (missing parts sort first)."""
    parts = [int(p) for p in value.split("-")] if value else []
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def _day(value: str) -> Date | None:
    parts = value.split("-") if value else []
    if len(parts) != 3:
        return None
    return Date(int(parts[0]), int(parts[1]), int(parts[2]))


def _reference_default(counts: dict[str, int]) -> str:
    for name in sorted(counts):
        if "politburo" in name.lower():
            return name
    return max(sorted(counts), key=lambda name: counts[name]) if counts else ""


def diffusion_first_use(
    texts: Sequence[CorpusText],
    *,
    terms: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    series: str = "folder",
    reference_series: str | None = None,
) -> pd.DataFrame:
    """First use of each term in each series (columns in the module docstring).

    Args:
        terms: extra terms, found as phrases (also when not in the lexicon).
        lexicon: the lexicon whose terms are followed (default: the bundled one;
            pass an empty one to follow ``terms`` only).
        series: ``folder``, ``meeting_type`` or a metadata column name.
        reference_series: the series lags are measured against (default: the
            first series whose name contains ``politburo``, else the largest).

    Raises:
        ValueError: when ``reference_series`` names no series, or no speech
            has a series.
    """
    lexicon = lexicon if lexicon is not None else lexicon_default()
    extra = [t for t in dict.fromkeys(terms) if t]
    first: dict[tuple[str, str], tuple[tuple[int, int, int], str, str]] = {}
    n_docs: dict[tuple[str, str], int] = {}
    series_docs: dict[str, int] = {}
    for text in texts:
        name = series_of(text, series)
        if not name or not text.date:
            continue
        series_docs[name] = series_docs.get(name, 0) + 1
        found = {term.term for _, _, _, term in lexicon.find(text.text)}
        found.update(t for t in extra if t in text.text)
        key = date_key(text.date)
        for term in found:
            cell = (term, name)
            n_docs[cell] = n_docs.get(cell, 0) + 1
            if cell not in first or (key, text.doc_id) < (first[cell][0], first[cell][2]):
                first[cell] = (key, text.date, text.doc_id)
    if not series_docs:
        raise ValueError(f"no dated speech has a series {series!r} (use folder, meeting_type or a metadata column)")
    reference = reference_series or _reference_default(series_docs)
    if reference not in series_docs:
        raise ValueError(f"reference series {reference!r} not found; series: {', '.join(sorted(series_docs))}")
    records = []
    for (term, name), (_, first_date, doc_id) in first.items():
        ref = first.get((term, reference))
        ref_date = ref[1] if ref else ""
        a, b = _day(first_date), _day(ref_date)
        lag = (a - b).days if a and b else None
        records.append((term, name, first_date, doc_id, n_docs[(term, name)], series_docs[name], reference, ref_date, lag))
    table = pd.DataFrame.from_records(records, columns=DIFFUSION_COLUMNS)
    table["lag_days"] = table["lag_days"].astype("Int64")
    table["_ref"] = table["series"] != reference
    table["_key"] = table["first_date"].map(date_key)
    table = table.sort_values(["term", "_ref", "_key", "series"], ignore_index=True).drop(columns=["_ref", "_key"])
    return table


def diffusion_top_terms(table: pd.DataFrame, *, n: int = 12, terms: Sequence[str] = ()) -> list[str]:
    """Terms worth charting: the given ones, then new formulations (used in the reference series and
    nowhere before its first speech), those reaching the most series and speeches first."""
    chosen = [t for t in dict.fromkeys(terms) if t in set(table["term"])]
    if not len(table):
        return chosen
    reference = table["reference_series"].iloc[0]
    in_reference = table[table["series"] == reference]
    earliest = min(in_reference["first_date"], key=date_key) if len(in_reference) else ""
    keys = table["first_date"].map(date_key)
    # new formulations: used nowhere before the reference series' first speech
    first_anywhere = keys.groupby(table["term"]).min()
    new = set(first_anywhere[first_anywhere > date_key(earliest)].index) & set(in_reference["term"])
    spread = table[table["term"].isin(new)].groupby("term").agg(n_series=("series", "size"), n_docs=("n_docs", "sum"))
    spread = spread.sort_values(["n_series", "n_docs"], ascending=False)
    for term in spread.index:
        if len(chosen) >= n:
            break
        if term not in chosen:
            chosen.append(term)
    return chosen
