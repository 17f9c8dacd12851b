"""Co-occurrence of lexicon terms within sentences, with association scores.

From a run's term matches (``doc_id, term, theme, sentence``): two terms
co-occur when both are matched in one sentence of one speech (each pair once
per sentence).  For each pair, with ``N`` sentences holding any match,
``n_a`` and ``n_b`` the sentences holding each term and ``count`` those
holding both:

* ``pmi = log(count · N / (n_a · n_b))``;
* ``G2``: the log-likelihood ratio of the 2 × 2 table of sentences (with or
  without each term), signed negative when the pair co-occurs less than
  expected.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd

__all__ = ["COOCCURRENCE_COLUMNS", "terms_cooccurrence"]

COOCCURRENCE_COLUMNS = ["term_a", "term_b", "theme_a", "theme_b", "count", "n_a", "n_b", "n_sentences", "pmi", "G2"]


def _g2(a: int, b: int, c: int, d: int) -> float:
    n = a + b + c + d
    total = 0.0
    for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)):
        if observed > 0:
            total += observed * math.log(observed * n / (row * column))
    value = 2.0 * total
    return value if a * n >= (a + b) * (a + c) else -value


def terms_cooccurrence(matches: pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """Pairs of lexicon terms found in the same sentence at least ``min_count`` times (``term_a < term_b``)."""
    if matches is None or matches.empty:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    themes = dict(zip(matches["term"], matches["theme"]))
    per_sentence = matches.groupby(["doc_id", "sentence"], sort=False)["term"].agg(lambda s: sorted(set(s)))
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for terms in per_sentence:
        singles.update(terms)
        pairs.update(combinations(terms, 2))
    n = len(per_sentence)
    rows = []
    for (a, b), count in pairs.items():
        if count < min_count:
            continue
        n_a, n_b = singles[a], singles[b]
        pmi = math.log(count * n / (n_a * n_b))
        g2 = _g2(count, n_a - count, n_b - count, n - n_a - n_b + count)
        rows.append((a, b, themes[a], themes[b], count, n_a, n_b, n, round(pmi, 6), round(g2, 6)))
    frame = pd.DataFrame(rows, columns=COOCCURRENCE_COLUMNS)
    return frame.sort_values(["G2", "term_a", "term_b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
