"""Change since the previous period: keyness of terms, shifts in themes, quotas new, raised, lowered, unchanged or dropped.

:func:`terms_change`, :func:`themes_change` and :func:`quotas_change` compare
the latest period that has a meeting with the previous such period
(``against="previous"``) or with all earlier periods pooled
(``against="all"``).  Periods are placed by :mod:`analysis.trends.periods`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from analysis.measures.keyness import KEYNESS_COLUMNS, textstat_keyness
from analysis.trends.target_changes import change_status, subject_normalise, subjects_match
from analysis.trends.periods import (
    QUOTA_CHANGE_COLUMNS, THEME_CHANGE_COLUMNS, Placement, _label_index, period_choose, periods_assign,
)

__all__ = ["Change", "terms_change", "themes_change", "quotas_change"]


@dataclass(frozen=True)
class Change:
    """What changed in the latest period with a meeting.

    ``latest`` is its label; ``reference`` the label of the previous period
    with a meeting (``against="previous"``) or ``FIRST…LAST`` of all earlier
    ones (``against="all"``).  ``keyness`` has :data:`analysis.measures.keyness.KEYNESS_COLUMNS`
    plus ``theme``; positive ``chi2`` means the latest period uses the term
    more.  ``new_terms`` (``term, theme, count``) are terms of the latest
    period found in no earlier period.
    """

    latest: str
    reference: str
    against: str
    keyness: pd.DataFrame
    new_terms: pd.DataFrame

    #: |chi2| below this is no difference (e.g. 1 vs 1 after Yates' correction).
    min_chi2: float = 0.01

    def rising(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` terms most over-used in the latest period (``chi2 >= min_chi2``)."""
        rows = self.keyness[self.keyness["chi2"] >= self.min_chi2]
        return rows.head(n).reset_index(drop=True)

    def falling(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` terms most under-used in the latest period (``chi2 <= -min_chi2``)."""
        rows = self.keyness[self.keyness["chi2"] <= -self.min_chi2]
        return rows.sort_values(["chi2", "term"], kind="stable").head(n).reset_index(drop=True)


def _periods_compared(
    corpus: pd.DataFrame, *, period: str | None, against: str, include_duplicates: bool
) -> tuple[Placement, str, list[str]] | None:
    """The placement, the latest period with a meeting and the periods it is compared with."""
    if against not in ("previous", "all"):
        raise ValueError(f"against must be 'previous' or 'all', not {against!r}")
    period = period or period_choose(corpus, include_duplicates=include_duplicates)
    placement = periods_assign(corpus, period=period, include_duplicates=include_duplicates)
    present = placement.periods_with_meetings
    if len(present) < 2:
        return None
    latest = present[-1]
    reference = present[:-1] if against == "all" else [present[-2]]
    return placement, latest, reference


def _reference_label(reference: list[str]) -> str:
    return reference[0] if len(reference) == 1 else f"{reference[0]}…{reference[-1]}"


def _group_counts(counts: pd.DataFrame, doc_ids: Iterable[str], key: str) -> Counter[str]:
    wanted = set(doc_ids)
    rows = counts[counts["doc_id"].astype(str).isin(wanted)]
    total: Counter[str] = Counter()
    for item, value in rows.groupby(key, sort=False)["count"].sum().items():
        total[str(item)] = int(value)
    return total


def terms_change(
    term_counts: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    against: str = "previous",
    min_count: int = 2,
    include_duplicates: bool = False,
) -> Change | None:
    """Keyness of terms in the latest period against the previous one (or all earlier ones).

    ``term_counts`` is any long ``doc_id, term, count`` table: the run's
    lexicon ``term_counts`` or all content words via :func:`dtm_long`.
    Returns None when fewer than two periods have a meeting.
    """
    compared = _periods_compared(corpus, period=period, against=against, include_duplicates=include_duplicates)
    if compared is None:
        return None
    placement, latest, reference = compared
    period = placement.period
    docs = placement.docs
    latest_docs = docs.loc[docs["period"] == latest, "doc_id"]
    reference_docs = docs.loc[docs["period"].isin(reference), "doc_id"]
    earlier_docs = docs.loc[docs["period"].map(lambda p: _label_index(p, period) < _label_index(latest, period)), "doc_id"]
    target = _group_counts(term_counts, latest_docs, "term")
    ref = _group_counts(term_counts, reference_docs, "term")
    keyness = textstat_keyness(target, ref, min_count=min_count)
    theme_of = dict(zip(term_counts["term"].astype(str), term_counts["theme"].astype(str))) if "theme" in term_counts.columns else {}
    keyness["theme"] = [theme_of.get(t, "") for t in keyness["term"]]
    earlier = _group_counts(term_counts, earlier_docs, "term")
    new = sorted(((t, c) for t, c in target.items() if t not in earlier), key=lambda p: (-p[1], p[0]))
    new_terms = pd.DataFrame(
        [(t, theme_of.get(t, ""), c) for t, c in new], columns=["term", "theme", "count"]
    )
    new_terms["count"] = new_terms["count"].astype("int64")
    return Change(latest, _reference_label(reference), against, keyness[[*KEYNESS_COLUMNS, "theme"]], new_terms)


def themes_change(
    themes: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    against: str = "previous",
    include_duplicates: bool = False,
) -> pd.DataFrame | None:
    """Theme shares in the latest period against the previous one (or all earlier ones).

    Table :data:`THEME_CHANGE_COLUMNS`: counts and shares in both, ``change``
    (share points, latest − reference) and the signed keyness ``chi2`` of
    the theme counts; sorted by ``change``, largest rise first.  The
    compared periods are in ``.attrs["latest"]`` and ``.attrs["reference"]``.
    Returns None when fewer than two periods have a meeting.
    """
    compared = _periods_compared(corpus, period=period, against=against, include_duplicates=include_duplicates)
    if compared is None:
        return None
    placement, latest, reference = compared
    period = placement.period
    docs = placement.docs
    target = _group_counts(themes, docs.loc[docs["period"] == latest, "doc_id"], "theme")
    ref = _group_counts(themes, docs.loc[docs["period"].isin(reference), "doc_id"], "theme")
    total_t, total_r = sum(target.values()), sum(ref.values())
    keyness = textstat_keyness(target, ref, min_count=1)
    chi2 = dict(zip(keyness["term"], keyness["chi2"]))
    rows = []
    for theme in sorted(set(target) | set(ref)):
        share_t = round(target[theme] / total_t, 6) if total_t else math.nan
        share_r = round(ref[theme] / total_r, 6) if total_r else math.nan
        change = round(share_t - share_r, 6)
        value = float(chi2.get(theme, 0.0))
        rows.append((theme, target[theme], share_t, ref[theme], share_r, change, value, "latest" if change > 0 else ("reference" if change < 0 else "")))
    table = pd.DataFrame(rows, columns=THEME_CHANGE_COLUMNS)
    table = table.sort_values(["change", "theme"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.attrs.update(latest=latest, reference=_reference_label(reference), against=against)
    return table


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()


def _quota_key(row: pd.Series) -> tuple[str, str, str, str]:
    """(kind, normalised subject, unit, recurrence) of a quota row."""
    return (_text(row["kind"]), subject_normalise(row["subject"]), _text(row["unit"]), _text(row["period"]))


def _same(a: object, b: object) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NA
    b_missing = b is None or (isinstance(b, float) and math.isnan(b)) or b is pd.NA
    if a_missing or b_missing:
        return a_missing and b_missing
    return a == b


def quotas_change(
    quotas: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    period: str | None = None,
    include_duplicates: bool = False,
) -> pd.DataFrame | None:
    """Quotas of the latest period against the previous period with a meeting: new, raised, lowered, unchanged or dropped.

    A quota is matched by kind, unit, its own recurrence (e.g. 每月, here
    named ``quota_period``) and its subject, normalised and compared by
    ending (:func:`analysis.trends.target_changes.subjects_match`): 
    ``外出招商时间不得少于12天`` then ``县级领导外出招商时间不得少于15天`` is one
    quota, ``raised``.  ``status``: ``new`` (no match in the previous
    period), ``raised``/``lowered`` (the value, or the middle of a range,
    moved), ``unchanged``, ``changed`` (same number but another comparator,
    or another deadline), and ``dropped`` for a quota of the previous period
    with no match in the latest (those rows come last and carry only the
    ``previous_*`` values).  Table: :data:`QUOTA_CHANGE_COLUMNS` (latest
    period's mentions in text order, then the dropped ones); the periods
    compared are in ``.attrs``.  Returns None when fewer than two periods
    have a meeting.
    """
    compared = _periods_compared(corpus, period=period, against="previous", include_duplicates=include_duplicates)
    if compared is None:
        return None
    placement, latest, (previous,) = compared
    docs = placement.docs
    latest_ids = list(docs.loc[docs["period"] == latest, "doc_id"])
    previous_ids = set(docs.loc[docs["period"] == previous, "doc_id"])
    before: dict[tuple[str, str, str, str], pd.Series] = {}
    if len(quotas):
        for _, row in quotas[quotas["doc_id"].astype(str).isin(previous_ids)].iterrows():
            before.setdefault(_quota_key(row), row)
    by_family: dict[tuple[str, str, str], list[str]] = {}
    for kind, subject, unit, recurrence in before:
        by_family.setdefault((kind, unit, recurrence), []).append(subject)
    rows = []
    matched: set[tuple[str, str, str, str]] = set()
    if len(quotas):
        order = {d: i for i, d in enumerate(latest_ids)}
        current = quotas[quotas["doc_id"].astype(str).isin(set(latest_ids))]
        current = current.assign(_order=current["doc_id"].map(order)).sort_values(["_order", "start"], kind="stable")
        seen: set[tuple[str, str, str, str]] = set()
        for _, row in current.iterrows():
            key = _quota_key(row)
            if key in seen:
                continue
            seen.add(key)
            family = (key[0], key[2], key[3])
            subject = subjects_match(key[1], [s for s in by_family.get(family, []) if (key[0], s, key[2], key[3]) not in matched]) if key[1] else None
            old_key = (key[0], subject if subject is not None else key[1], key[2], key[3])
            old = before.get(old_key) if (subject is not None or not key[1]) and old_key not in matched else None
            if old is None:
                status = "new"
            else:
                matched.add(old_key)
                status = change_status(row["value"], row["value_max"], row["comparator"], old["value"], old["value_max"], old["comparator"],
                                       same_other=_same(row["deadline"], old["deadline"]))
            rows.append(
                (
                    status, key[0], _text(row["subject"]), key[2], key[3], row["value"], row["value_max"], row["comparator"], row["deadline"],
                    row["text"],
                    math.nan if old is None else old["value"],
                    math.nan if old is None else old["value_max"],
                    "" if old is None else old["comparator"],
                    "" if old is None else old["text"],
                    row["doc_id"],
                )
            )
    for key, old in before.items():
        if key not in matched:
            rows.append(("dropped", key[0], _text(old["subject"]), key[2], key[3], math.nan, math.nan, "", "", "",
                         old["value"], old["value_max"], old["comparator"], old["text"], old["doc_id"]))
    table = pd.DataFrame(rows, columns=QUOTA_CHANGE_COLUMNS)
    for column in ("value", "value_max", "previous_value", "previous_value_max"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    table.attrs.update(latest=latest, reference=previous, against="previous")
    return table
