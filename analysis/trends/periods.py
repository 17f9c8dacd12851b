"""Trends across meetings: any per-speech measure aggregated by month, quarter or year.

The per-speech tables of a run (``term_counts``, ``themes``, ``quotas``) are
placed in time with the ``corpus`` table and summed by period.  The rules,
each tested with an exact expected table in ``tests/trends/test_trends.py``:

1. **Several meetings in one period are pooled.**  Counts and characters
   (``n_chars``) are summed over the period's speeches; the rate is
   ``per_10k = summed count × 10,000 / summed characters`` (not the mean of
   the speeches' rates, which would weigh a short readout like a long report).
   A theme's ``share`` is its summed count divided by all lexicon matches of
   all themes in the period.
2. **Absent is zero.**  A term (theme, quota kind) missing from a period that
   has at least one meeting gets ``count = 0`` and ``per_10k = 0``.
3. **No meeting is a gap, not a zero.**  Every period between the first and
   the last placed speech has rows; a period without any meeting has
   ``n_docs = 0``, ``n_chars = 0`` and ``NaN`` counts, rates and shares, so
   that chart lines break there instead of dipping to zero.  A period with
   meetings but no lexicon match at all has ``share = NaN`` (0 / 0).
4. **Unknown years stay out.**  Speeches without a year cannot be placed;
   they are left out and counted in :attr:`Trend.n_undated`.
5. **Year-only dates stay out of finer periods.**  A speech dated only to
   the year (``2023``) cannot be placed in a month or a quarter: with
   ``period="month"`` or ``"quarter"`` it is left out and counted in
   :attr:`Trend.n_imprecise`.  With ``period="year"`` it is used.
6. **Near-duplicates stay out** (a non-empty ``duplicate_of``) unless
   ``include_duplicates=True``; they are counted in
   :attr:`Trend.n_duplicates_excluded` (whether dated or not).

7. **A partial last period is marked.**  With ``period="quarter"`` or
   ``"year"``, the last period is *partial* when its latest meeting falls in
   an earlier month of the period than the series reaches in its earlier
   periods (a quarter holding only July, when earlier quarters have
   meetings in their third month): :attr:`Trend.partial_last` is then that
   latest month (``2026-07``), else ``""``.  An annual series of March
   reports is therefore never partial.

Periods are labelled ``YYYY-MM`` (month), ``YYYYQn`` (quarter) and ``YYYY``
(year).  :func:`period_choose` picks month or year when none is given.

Selection by meeting type, dates or speaker is done before, by
:func:`analysis.run.corpus_run` (``Options(selection=Selection(...))``).

Change since the previous period (:func:`terms_change`, :func:`themes_change`,
:func:`quotas_change`) compares the latest period that has a meeting with the
previous such period (``against="previous"``) or with all earlier periods
pooled (``against="all"``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd


__all__ = [
    "PERIODS",
    "Placement",
    "Trend",
    "period_label",
    "period_range",
    "period_choose",
    "periods_assign",
    "counts_trend",
    "terms_trend",
    "themes_trend",
    "quotas_trend",
    "dtm_long",
    "TERM_TREND_COLUMNS",
    "THEME_TREND_COLUMNS",
    "QUOTA_TREND_COLUMNS",
    "THEME_CHANGE_COLUMNS",
    "QUOTA_CHANGE_COLUMNS",
]

Period = Literal["month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("month", "quarter", "year")

#: ``terms_trend`` table: one row per period × term.
TERM_TREND_COLUMNS = ["period", "term", "theme", "n_docs", "n_chars", "count", "per_10k"]
#: ``themes_trend`` table: one row per period × theme.
THEME_TREND_COLUMNS = ["period", "theme", "n_docs", "n_chars", "count", "share", "per_10k"]
#: ``quotas_trend`` table: one row per period × kind (``quota``, ``deadline``).
QUOTA_TREND_COLUMNS = ["period", "kind", "n_docs", "n_chars", "count", "per_10k"]
#: ``themes_change`` table.
THEME_CHANGE_COLUMNS = [
    "theme", "count_latest", "share_latest", "count_reference", "share_reference", "change", "chi2", "direction",
]
#: ``quotas_change`` table.
QUOTA_CHANGE_COLUMNS = [
    "status", "kind", "subject", "unit", "quota_period", "value", "value_max", "comparator", "deadline", "text",
    "previous_value", "previous_value_max", "previous_comparator", "previous_text", "doc_id",
]
QUOTA_KINDS = ("quota", "deadline")


# -- periods ----------------------------------------------------------------
def _check_period(period: str) -> None:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def period_label(year: int, month: int | None, period: str) -> str:
    """The label of the period containing ``year``/``month``: ``2023-02``, ``2023Q1`` or ``2023``."""
    _check_period(period)
    if period == "year":
        return f"{year:04d}"
    if month is None:
        raise ValueError(f"a {period} needs a month")
    if period == "quarter":
        return f"{year:04d}Q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"


def _label_index(label: str, period: str) -> int:
    """A running number of the period (consecutive periods differ by 1)."""
    if period == "year":
        return int(label)
    if period == "quarter":
        year, quarter = label.split("Q")
        return int(year) * 4 + int(quarter) - 1
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def _index_label(index: int, period: str) -> str:
    if period == "year":
        return f"{index:04d}"
    if period == "quarter":
        return f"{index // 4:04d}Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def period_range(first: str, last: str, period: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive."""
    _check_period(period)
    lo, hi = _label_index(first, period), _label_index(last, period)
    return [_index_label(i, period) for i in range(lo, hi + 1)]


def _is_duplicate(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _parts(corpus: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, year, month, n_chars, duplicate`` from the corpus table.

    Uses the ``year``/``month`` columns when present, else parses ``date``.
    """
    frame = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy()})
    if "year" in corpus.columns:
        years = [None if pd.isna(v) else int(v) for v in corpus["year"]]
        months = [None if pd.isna(v) else int(v) for v in corpus["month"]] if "month" in corpus.columns else [None] * len(corpus)
    else:
        years, months = [], []
        for value in corpus["date"].fillna(""):
            pieces = str(value).split("-")
            years.append(int(pieces[0]) if pieces[0].isdigit() else None)
            months.append(int(pieces[1]) if len(pieces) > 1 and pieces[1].isdigit() else None)
    frame["year"] = pd.array(years, dtype="Int64")
    frame["month"] = pd.array(months, dtype="Int64")
    frame["n_chars"] = corpus["n_chars"].astype("int64").to_numpy() if "n_chars" in corpus.columns else 0
    dup = corpus["duplicate_of"] if "duplicate_of" in corpus.columns else pd.Series([""] * len(corpus))
    frame["duplicate"] = [_is_duplicate(v) for v in dup]
    return frame


def period_choose(corpus: pd.DataFrame, *, include_duplicates: bool = False) -> str:
    """``month`` for a monthly series, ``year`` for an annual one.

    Rule: among the dated speeches (near-duplicates left out unless asked),
    ``month`` when at least half know their month, they fall in at least 3
    distinct months, and the years that have any speech have a median of at
    least 3 speeches each (a series that meets several times a year);
    otherwise ``year``.  Annual reports dated to a month (``2019-03``) thus
    get ``year``; the monthly Politburo meetings get ``month``.
    """
    parts = _parts(corpus)
    if not include_duplicates:
        parts = parts[~parts["duplicate"]]
    dated = parts[parts["year"].notna()]
    if dated.empty:
        return "year"
    with_month = dated[dated["month"].notna()]
    distinct_months = len(set(zip(with_month["year"], with_month["month"])))
    per_year = dated.groupby("year").size()
    if len(with_month) * 2 >= len(dated) and distinct_months >= 3 and float(per_year.median()) >= 3:
        return "month"
    return "year"


@dataclass(frozen=True)
class Placement:
    """Which speeches fall in which period.

    ``docs`` has columns ``doc_id, period, n_chars`` (placed speeches only);
    ``periods`` lists every label from the first to the last placed period,
    gaps included; the ``n_*`` fields count the speeches left out.
    """

    period: str
    docs: pd.DataFrame
    periods: list[str]
    n_undated: int = 0
    n_imprecise: int = 0
    n_duplicates_excluded: int = 0
    #: The latest month of a partial last period (rule 7), else "".
    partial_last: str = ""

    @property
    def periods_with_meetings(self) -> list[str]:
        present = set(self.docs["period"])
        return [p for p in self.periods if p in present]


def periods_assign(corpus: pd.DataFrame, *, period: str, include_duplicates: bool = False) -> Placement:
    """Place each speech of the ``corpus`` table in its period (see the module rules 4–6)."""
    _check_period(period)
    parts = _parts(corpus)
    n_duplicates = 0
    if not include_duplicates:
        n_duplicates = int(parts["duplicate"].sum())
        parts = parts[~parts["duplicate"]]
    undated = parts["year"].isna()
    n_undated = int(undated.sum())
    parts = parts[~undated]
    n_imprecise = 0
    if period != "year":
        imprecise = parts["month"].isna()
        n_imprecise = int(imprecise.sum())
        parts = parts[~imprecise]
    labels = [
        period_label(int(y), None if pd.isna(m) else int(m), period) for y, m in zip(parts["year"], parts["month"])
    ]
    docs = pd.DataFrame({"doc_id": parts["doc_id"].to_numpy(), "period": labels, "n_chars": parts["n_chars"].to_numpy()})
    docs["n_chars"] = docs["n_chars"].astype("int64")
    if labels:
        ordered = sorted(set(labels), key=lambda p: _label_index(p, period))
        periods = period_range(ordered[0], ordered[-1], period)
    else:
        periods = []
    partial = _partial_last(parts, labels, period) if labels else ""
    return Placement(period, docs, periods, n_undated, n_imprecise, n_duplicates, partial)


def _partial_last(parts: pd.DataFrame, labels: list[str], period: str) -> str:
    """Rule 7: the latest month of the last period when that period is partial, else ""."""
    if period == "month":
        return ""
    size = 3 if period == "quarter" else 12
    months = [None if pd.isna(m) else int(m) for m in parts["month"]]
    years = [int(y) for y in parts["year"]]
    last_label = max(labels, key=lambda p: _label_index(p, period))
    # Position of each speech's month inside its period (1 … size).
    position = [None if m is None else (m - 1) % size + 1 for m in months]
    in_last = [pos for pos, label in zip(position, labels) if label == last_label and pos is not None]
    earlier = [pos for pos, label in zip(position, labels) if label != last_label and pos is not None]
    if not in_last or not earlier:
        return ""
    reached = max(in_last)
    if reached >= size or reached >= max(earlier):
        return ""
    year = max(y for y, label in zip(years, labels) if label == last_label)
    month = max(m for m, label in zip(months, labels) if label == last_label and m is not None)
    return f"{year:04d}-{month:02d}"


# -- trends -----------------------------------------------------------------
@dataclass(frozen=True)
class Trend:
    """A measure aggregated by period: the long ``table`` and what was left out.

    ``table`` columns depend on the measure (:data:`TERM_TREND_COLUMNS`,
    :data:`THEME_TREND_COLUMNS`, :data:`QUOTA_TREND_COLUMNS`); rows are
    ordered by period, then by the key.
    """

    table: pd.DataFrame
    period: str
    measure: str
    periods: list[str] = field(default_factory=list)
    n_docs: int = 0
    n_undated: int = 0
    n_imprecise: int = 0
    n_duplicates_excluded: int = 0
    #: The latest month of a partial last period (rule 7, e.g. ``2026-07`` for a quarter holding only July), else "".
    partial_last: str = ""

    @property
    def periods_with_meetings(self) -> list[str]:
        """Period labels that have at least one meeting, in order."""
        if self.table.empty:
            return []
        present = set(self.table.loc[self.table["n_docs"] > 0, "period"])
        return [p for p in self.periods if p in present]

    def note(self, *, lang: str = "en") -> str:
        """What was left out, in one line ('' when nothing was)."""
        parts = []
        if lang == "zh":
            if self.n_undated:
                parts.append(f"{self.n_undated}篇年份不详")
            if self.n_imprecise:
                parts.append(f"{self.n_imprecise}篇仅知年份")
            if self.n_duplicates_excluded:
                parts.append(f"{self.n_duplicates_excluded}篇重复稿")
            return ("未计入：" + "，".join(parts)) if parts else ""
        if self.n_undated:
            parts.append(f"{self.n_undated} without a year")
        if self.n_imprecise:
            parts.append(f"{self.n_imprecise} dated only to the year")
        if self.n_duplicates_excluded:
            parts.append(f"{self.n_duplicates_excluded} near-duplicates")
        return ("left out: " + ", ".join(parts)) if parts else ""


def counts_trend(
    counts: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    key: str,
    period: str,
    keys: Sequence[str] | None = None,
    include_duplicates: bool = False,
    measure: str = "",
    attributes: Mapping[str, Mapping[str, str]] | None = None,
) -> Trend:
    """Sum any per-speech count table by period.

    Args:
        counts: rows with ``doc_id``, the ``key`` column and ``count``
            (several rows per doc and key are summed).
        corpus: the run's ``corpus`` table (``doc_id``, ``date`` or
            ``year``/``month``, ``n_chars``, ``duplicate_of``).
        key: the column that names what is counted (``term``, ``theme``, ``kind``).
        period: ``month``, ``quarter`` or ``year``.
        keys: the keys to report (default: every key found in placed speeches);
            a requested key never found gets zeros.
        attributes: extra columns per key, e.g. ``{"theme": {term: theme}}``,
            inserted after the key column.

    Returns:
        A :class:`Trend` whose table has ``period, KEY, [attributes…], n_docs,
        n_chars, count, per_10k`` (rules 1–3 of the module docstring).
    """
    placement = periods_assign(corpus, period=period, include_duplicates=include_duplicates)
    attributes = dict(attributes or {})
    docs = placement.docs
    placed = counts[counts["doc_id"].astype(str).isin(set(docs["doc_id"]))] if len(counts) else counts
    if len(placed):
        placed = placed.assign(period=placed["doc_id"].astype(str).map(dict(zip(docs["doc_id"], docs["period"]))))
        summed = placed.groupby(["period", key], sort=False)["count"].sum()
        found = sorted(set(placed[key].astype(str)))
    else:
        summed = pd.Series(dtype="int64")
        found = []
    wanted = list(dict.fromkeys(keys)) if keys is not None else found
    per_period = docs.groupby("period").agg(n_docs=("doc_id", "size"), n_chars=("n_chars", "sum"))
    summed_map = {k: int(v) for k, v in summed.items()}
    rows = []
    for label in placement.periods:
        has = label in per_period.index
        n_docs = int(per_period.at[label, "n_docs"]) if has else 0
        n_chars = int(per_period.at[label, "n_chars"]) if has else 0
        for item in wanted:
            if has:
                count = float(summed_map.get((label, item), 0))
                rate = round(count * 10_000 / n_chars, 3) if n_chars else math.nan
            else:
                count = rate = math.nan
            rows.append((label, item, *(attributes[a].get(item, "") for a in attributes), n_docs, n_chars, count, rate))
    columns = ["period", key, *attributes, "n_docs", "n_chars", "count", "per_10k"]
    table = pd.DataFrame(rows, columns=columns)
    table["n_docs"] = table["n_docs"].astype("int64")
    table["n_chars"] = table["n_chars"].astype("int64")
    table["count"] = table["count"].astype("float64")
    table["per_10k"] = table["per_10k"].astype("float64")
    return Trend(
        table=table,
        period=period,
        measure=measure or key,
        periods=list(placement.periods),
        n_docs=len(docs),
        n_undated=placement.n_undated,
        n_imprecise=placement.n_imprecise,
        n_duplicates_excluded=placement.n_duplicates_excluded,
        partial_last=placement.partial_last,
    )


def terms_trend(
    term_counts: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    terms: Sequence[str] | None = None,
    include_duplicates: bool = False,
    themes: Mapping[str, str] | None = None,
) -> Trend:
    """Lexicon term counts by period from the run's ``term_counts`` table.

    ``terms`` limits (and orders) the terms reported; a term never found
    gets zeros in every period with a meeting.  ``themes`` maps terms to
    theme ids for terms missing from ``term_counts`` (e.g. from the
    lexicon).  Table: :data:`TERM_TREND_COLUMNS`.  ``period=None`` uses
    :func:`period_choose`.
    """
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    theme_of = dict(themes or {})
    if len(term_counts):
        theme_of.update({str(t): str(h) for t, h in zip(term_counts["term"], term_counts["theme"])})
    return counts_trend(
        term_counts[["doc_id", "term", "count"]] if len(term_counts) else pd.DataFrame(columns=["doc_id", "term", "count"]),
        corpus,
        key="term",
        period=period,
        keys=terms,
        include_duplicates=include_duplicates,
        measure="terms",
        attributes={"theme": theme_of},
    )


def themes_trend(
    themes: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    include_duplicates: bool = False,
) -> Trend:
    """Theme counts, shares and rates by period from the run's ``themes`` table.

    ``share`` = the theme's summed count / all lexicon matches in the period
    (so shares sum to 1 over the themes of a period with matches).  Table:
    :data:`THEME_TREND_COLUMNS`.
    """
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    source = themes[["doc_id", "theme", "count"]] if len(themes) else pd.DataFrame(columns=["doc_id", "theme", "count"])
    trend = counts_trend(source, corpus, key="theme", period=period, include_duplicates=include_duplicates, measure="themes")
    table = trend.table
    totals = table.groupby("period", sort=False)["count"].transform("sum", min_count=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (table["count"] / totals.where(totals > 0)).round(6)
    table.insert(table.columns.get_loc("per_10k"), "share", share.astype("float64"))
    return trend


def quotas_trend(
    quotas: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    include_duplicates: bool = False,
) -> Trend:
    """Quota and deadline mentions by period from the run's ``quotas`` table.

    One row per period × kind (both kinds always).  Table: :data:`QUOTA_TREND_COLUMNS`.
    """
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    source = (
        quotas[["doc_id", "kind"]].assign(count=1) if len(quotas) else pd.DataFrame(columns=["doc_id", "kind", "count"])
    )
    return counts_trend(
        source, corpus, key="kind", period=period, keys=QUOTA_KINDS, include_duplicates=include_duplicates, measure="quotas"
    )


def dtm_long(dtm: object) -> pd.DataFrame:
    """A :class:`~analysis.measures.terms.DocumentTermMatrix` as a long ``doc_id, term, count`` table."""
    matrix = dtm.matrix.tocoo()  # type: ignore[attr-defined]
    doc_ids = np.asarray(dtm.doc_ids, dtype=object)  # type: ignore[attr-defined]
    vocabulary = np.asarray(dtm.vocabulary, dtype=object)  # type: ignore[attr-defined]
    return pd.DataFrame(
        {"doc_id": doc_ids[matrix.row], "term": vocabulary[matrix.col], "count": matrix.data.astype("int64")}
    )
