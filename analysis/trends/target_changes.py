"""Targets and quotas from one document of a series to the next: new, raised, lowered, unchanged or dropped.

Two documents of one series (a body's consecutive work reports, or
consecutive monthly meetings) are compared item by item.  A headline target
is matched by its indicator (and group); a quota by kind, unit, recurrence
(每月…) and a normalised subject, so that ``每月外出招商时间不得少于12天`` and
``县级领导每月外出招商时间不得少于15天`` are one quota, ``raised`` 12 → 15: a
Chinese noun phrase ends in its head, so subjects that end alike (外出招商时间)
are the same quota stated with more or fewer modifiers.

:func:`change_status` compares two values; :func:`subjects_match` pairs
subjects; :func:`targets_change` gives, per body, indicator and pair of
consecutive reports, the status of each target (columns
:data:`TARGET_CHANGE_COLUMNS`).  :func:`analysis.trends.quotas_change` uses the
same matching for quotas.
"""

from __future__ import annotations

import math
import re
from typing import Iterable

import pandas as pd

from analysis.measures.target_outcomes import report_body

__all__ = ["TARGET_CHANGE_COLUMNS", "CHANGE_STATUSES", "change_status", "subject_normalise", "subjects_match", "targets_change"]

#: the statuses, in the order a briefing lists them
CHANGE_STATUSES = ("raised", "lowered", "new", "dropped", "changed", "unchanged")
TARGET_CHANGE_COLUMNS = [
    "body", "indicator", "label", "group", "year", "doc_id", "status", "value", "value_max", "unit", "comparator", "relative_to",
    "previous_year", "previous_doc_id", "previous_value", "previous_value_max", "previous_comparator", "previous_relative_to",
    "text", "previous_text",
]

_LEAD = re.compile(r"^(?:要|对|并|同时|其中|今年|全年|确保|力争|争取|按照|按|让|每月|每年|每季度|每周|每天|每次|年均|平均每年)+")
_TRAIL = re.compile(r"(?:的|要|为|是|都|应|将|必须|务必|须|在|再)+$")
_SPACE = re.compile(r"\s+")


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def subject_normalise(subject: object) -> str:
    """A subject without lead words, recurrence words, trailing particles and spaces."""
    if _missing(subject):
        return ""
    text = _SPACE.sub("", str(subject))
    text = _LEAD.sub("", text)
    return _TRAIL.sub("", text)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def subjects_match(subject: str, candidates: Iterable[str], *, min_chars: int = 4, min_share: float = 0.6) -> str | None:
    """The candidate naming the same thing as ``subject`` (both normalised), or None.

    Equal subjects match; otherwise the candidate with the longest common
    ending, if that ending has at least ``min_chars`` characters and covers
    at least ``min_share`` of the shorter subject.
    """
    best, best_n = None, 0
    for candidate in candidates:
        if candidate == subject:
            return candidate
        n = _common_suffix(subject, candidate)
        shorter = min(len(subject), len(candidate))
        if n >= min_chars and shorter and n / shorter >= min_share and n > best_n:
            best, best_n = candidate, n
    return best


def _level(value: float, value_max: float) -> float:
    """One number for a target: the value, or the middle of a range."""
    if _missing(value_max):
        return value
    return (value + value_max) / 2


def change_status(value: object, value_max: object, comparator: object, previous_value: object, previous_value_max: object,
                  previous_comparator: object, *, same_other: bool = True) -> str:
    """``raised``, ``lowered``, ``unchanged`` or ``changed`` (values not comparable, or only the comparator or wording moved).

    ``same_other``: whether what is compared besides the numbers (a deadline,
    a relative benchmark) is the same.
    """
    if _missing(value) or _missing(previous_value):
        if _missing(value) and _missing(previous_value):
            return "unchanged" if same_other and str(comparator or "") == str(previous_comparator or "") else "changed"
        return "changed"
    now = _level(float(value), float(value_max) if not _missing(value_max) else math.nan)  # type: ignore[arg-type]
    before = _level(float(previous_value), float(previous_value_max) if not _missing(previous_value_max) else math.nan)  # type: ignore[arg-type]
    if abs(now - before) > 1e-9:
        return "raised" if now > before else "lowered"
    same_range = _missing(value_max) == _missing(previous_value_max)
    return "unchanged" if same_other and same_range and str(comparator or "") == str(previous_comparator or "") else "changed"


def targets_change(targets: pd.DataFrame, corpus: pd.DataFrame, *, include_duplicates: bool = False) -> pd.DataFrame:
    """Each annual own target against the same body's previous report in the corpus.

    ``targets``: :data:`analysis.measures.targets.TARGET_COLUMNS` rows;
    ``corpus``: the run's ``corpus.csv`` table.  Reports of one body (speaker
    or body, else folder and meeting type) are ordered by date; each is
    compared with the one before it.  ``status``: ``new`` (not in the
    previous report), ``raised``/``lowered`` (the value, or the middle of a
    range, moved), ``unchanged``, ``changed`` (same number, other comparator
    or benchmark), or ``dropped`` (in the previous report, not in this one;
    the row carries the previous values).  Columns :data:`TARGET_CHANGE_COLUMNS`;
    the first report of each body has no rows.
    """
    empty = pd.DataFrame(columns=TARGET_CHANGE_COLUMNS)
    if not len(targets) or not len(corpus):
        return empty
    docs = corpus
    if not include_duplicates and "duplicate_of" in corpus:
        docs = corpus[corpus["duplicate_of"].fillna("").astype(str) == ""]
    docs = docs.assign(_body=report_body(docs)).sort_values(["date", "doc_id"], kind="stable")
    chosen = targets[(targets["status"] == "set") & (targets["scope"] == "own") & (targets["period"].fillna("") == "")]
    by_doc = {doc: frame for doc, frame in chosen.groupby("doc_id", sort=False)}
    rows = []
    for body, series in docs.groupby("_body", sort=False):
        ids = [d for d in series["doc_id"] if d in by_doc]
        for previous_id, doc_id in zip(ids, ids[1:]):
            now = {(r.indicator, r.group): r for r in by_doc[doc_id].itertuples()}
            before = {(r.indicator, r.group): r for r in by_doc[previous_id].itertuples()}
            for key, r in now.items():
                old = before.get(key)
                if old is None:
                    status = "new"
                else:
                    status = change_status(r.value, r.value_max, r.comparator, old.value, old.value_max, old.comparator,
                                           same_other=str(r.relative_to) == str(old.relative_to))
                rows.append((body, r.indicator, r.label, r.group, r.year, doc_id, status, r.value, r.value_max, r.unit, r.comparator,
                             r.relative_to, *(_previous(old)), r.text, "" if old is None else old.text))
            for key, old in before.items():
                if key not in now:
                    year = by_doc[doc_id]["year"].iloc[0]
                    rows.append((body, old.indicator, old.label, old.group, year, doc_id, "dropped", math.nan, math.nan, old.unit, "", "",
                                 *(_previous(old)), "", old.text))
    if not rows:
        return empty
    table = pd.DataFrame(rows, columns=TARGET_CHANGE_COLUMNS)
    for column in ("value", "value_max", "previous_value", "previous_value_max"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    return table.reset_index(drop=True)


def _previous(old: object) -> tuple:
    if old is None:
        return (pd.NA, "", math.nan, math.nan, "", "")
    return (old.year, old.doc_id, old.value, old.value_max, old.comparator, old.relative_to)  # type: ignore[attr-defined]
