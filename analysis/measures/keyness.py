"""Keyness: which terms a target group of speeches uses more (or less) than a reference.

For each feature a 2×2 table compares its count in the target and in the
reference with the counts of all other features, as quanteda's
``textstat_keyness`` does.  Both statistics are signed: positive when the
target uses the feature more than expected.

* ``chi2`` — Pearson's chi-squared with Yates' continuity correction
  (quanteda's default for chi2);
* ``G2`` — the log-likelihood ratio, with Williams' correction (quanteda's
  default for ``lr``).

``p`` is the chi-squared p-value (1 degree of freedom) of ``chi2``;
``p_G2`` that of ``G2``.  Expected counts are given so that a reader can
check a figure by hand.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["textstat_keyness", "KEYNESS_COLUMNS"]

KEYNESS_COLUMNS = [
    "term", "target_count", "reference_count", "expected_target", "expected_reference",
    "chi2", "p", "G2", "p_G2", "direction",
]


def textstat_keyness(
    target: Mapping[str, int],
    reference: Mapping[str, int],
    *,
    min_count: int = 2,
    sort_by: str = "chi2",
) -> pd.DataFrame:
    """Keyness of every feature of ``target`` against ``reference``.

    Args:
        target, reference: feature counts of the two groups (e.g. token
            Counters of this month and of the previous months).
        min_count: features with fewer occurrences in both groups together
            are left out.
        sort_by: ``chi2`` or ``G2``; rows are sorted by it, descending.

    Columns: see :data:`KEYNESS_COLUMNS`; ``direction`` is ``target`` or
    ``reference``, the group that uses the feature more than expected.
    """
    features = sorted(set(target) | set(reference))
    a = np.array([target.get(f, 0) for f in features], dtype=float)
    b = np.array([reference.get(f, 0) for f in features], dtype=float)
    keep = (a + b) >= min_count
    features = [f for f, k in zip(features, keep) if k]
    a, b = a[keep], b[keep]
    total_t, total_r = float(sum(target.values())), float(sum(reference.values()))
    if not features or total_t == 0 or total_r == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    c, d = total_t - a, total_r - b
    n = total_t + total_r
    row1, row2 = a + b, c + d
    expected_a = row1 * total_t / n
    expected_b = row1 * total_r / n
    expected_c = row2 * total_t / n
    expected_d = row2 * total_r / n

    # Pearson's chi-squared with Yates' correction, as stats::chisq.test(correct = TRUE).
    diff = np.abs(a * d - b * c)
    yates = np.maximum(0, diff - n / 2)
    chi2 = n * yates**2 / (row1 * row2 * total_t * total_r)

    def xlogx(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(observed > 0, observed * np.log(observed / expected), 0.0)

    g2 = 2 * (xlogx(a, expected_a) + xlogx(b, expected_b) + xlogx(c, expected_c) + xlogx(d, expected_d))
    # Williams' correction for a 2x2 table.
    q = 1 + (n / row1 + n / row2 - 1) * (n / total_t + n / total_r - 1) / (6 * n)
    g2 = g2 / q

    sign = np.where(a > expected_a, 1.0, -1.0)
    frame = pd.DataFrame(
        {
            "term": features,
            "target_count": a.astype(int),
            "reference_count": b.astype(int),
            "expected_target": expected_a.round(3),
            "expected_reference": expected_b.round(3),
            "chi2": (sign * chi2).round(4),
            "p": stats.chi2.sf(chi2, 1),
            "G2": (sign * g2).round(4),
            "p_G2": stats.chi2.sf(g2, 1),
            "direction": np.where(sign > 0, "target", "reference"),
        }
    )
    return frame.sort_values([sort_by, "term"], ascending=[False, True], kind="stable").reset_index(drop=True)

