"""Keyness statistics against values computed independently (scipy, quanteda's tests)."""

from __future__ import annotations

import pytest
from scipy.stats import chi2_contingency

from analysis.measures.keyness import textstat_keyness


def test_chi2_matches_yates_corrected_pearson() -> None:
    # quanteda's own test case: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b"
    frame = textstat_keyness({"b": 7, "a": 3}, {"a": 7, "b": 2}, min_count=1).set_index("term")
    expected = chi2_contingency([[7, 3], [2, 7]], correction=True)[0]
    assert frame.loc["b", "chi2"] == pytest.approx(expected, abs=1e-4)
    assert frame.loc["a", "chi2"] == pytest.approx(-expected, abs=1e-4)
    assert frame.loc["b", "direction"] == "target"
    assert frame.loc["b", "expected_target"] == pytest.approx(10 * 9 / 19, abs=1e-3)


def test_g2_with_williams_correction() -> None:
    frame = textstat_keyness({"b": 7, "a": 3}, {"a": 7, "b": 2}, min_count=1).set_index("term")
    g2 = chi2_contingency([[7, 3], [2, 7]], correction=False, lambda_="log-likelihood")[0]
    n = 19
    q = 1 + (n / 9 + n / 10 - 1) * (n / 10 + n / 9 - 1) / (6 * n)
    assert frame.loc["b", "G2"] == pytest.approx(g2 / q, abs=1e-4)
    # quanteda's documented figure for chi2 with Williams' correction uses the same q
    chi2_plain = chi2_contingency([[7, 3], [2, 7]], correction=False)[0]
    assert chi2_plain / q == pytest.approx(4.017626, abs=1e-5)


def test_min_count_and_empty() -> None:
    assert textstat_keyness({"a": 1}, {"b": 0}, min_count=2).empty
    assert textstat_keyness({}, {"a": 3}).empty
