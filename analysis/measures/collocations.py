"""Collocations: multi-token sequences that occur together more than chance, scored as quanteda does.

:func:`textstat_collocations` follows quanteda's ``textstat_collocations``
(method ``lambda``; Blaheta & Johnson 2001): for a sequence of ``K`` tokens
``w``, every observed ``K``-token sequence falls in one of ``2**K`` cells by
which of its positions equal ``w``'s token at that position; ``smoothing``
(0.5) is added to each cell count ``n_b``.  Then

* ``lambda = Σ_b (-1) ** (K - |b|) · log n_b`` (``|b|``: positions that match),
  the ``K``-way interaction of the saturated log-linear model;
* ``z = lambda / sqrt(Σ_b 1 / n_b)``.

For ``K = 2`` this is the log odds ratio of the 2 × 2 table of bigrams.
Sequences never cross a sentence or a removed token (punctuation, which the
segmenter drops: a gap in the token offsets), as in quanteda.  Cell counts
are computed by inclusion–exclusion over the counts of each subset of
positions, which equals quanteda's pass over every observed sequence.
Sequences that begin or end with a stopword, or contain a token that is not
a word (a number, a single Latin letter), are counted but not reported.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Collection, Iterable, Sequence

import pandas as pd

__all__ = ["COLLOCATION_COLUMNS", "textstat_collocations", "token_runs"]

COLLOCATION_COLUMNS = ["collocation", "size", "count", "lambda", "z"]


def token_runs(tokens: pd.DataFrame) -> list[list[str]]:
    """Runs of adjacent tokens from a run's token table (``doc_id, sentence, start, end, token``).

    A run ends at a sentence boundary and where the offsets leave a gap (a
    punctuation mark or a space the segmenter dropped).
    """
    if tokens is None or tokens.empty:
        return []
    doc = tokens["doc_id"].to_numpy()
    sentence = tokens["sentence"].to_numpy()
    start = tokens["start"].to_numpy()
    end = tokens["end"].to_numpy()
    words = tokens["token"].tolist()
    runs: list[list[str]] = []
    current: list[str] = []
    for i, word in enumerate(words):
        if i and (doc[i] != doc[i - 1] or sentence[i] != sentence[i - 1] or start[i] != end[i - 1]):
            if current:
                runs.append(current)
            current = []
        current.append(word)
    if current:
        runs.append(current)
    return runs


def _reportable(sequence: tuple[str, ...], stopwords: Collection[str]) -> bool:
    if sequence[0] in stopwords or sequence[-1] in stopwords:
        return False
    return all(not token.isascii() or len(token) > 1 and token.isalpha() for token in sequence) and not any(
        token.isdigit() for token in sequence
    )


def textstat_collocations(
    runs: Iterable[Sequence[str]],
    *,
    size: int | Sequence[int] = 2,
    min_count: int = 2,
    smoothing: float = 0.5,
    stopwords: Collection[str] = frozenset(),
    report_all: bool = False,
) -> pd.DataFrame:
    """Score every sequence of ``size`` tokens seen at least ``min_count`` times.

    Args:
        runs: token runs (lists of tokens that may form sequences: a sentence
            split at punctuation); see :func:`token_runs`.
        size: the sequence length(s), 2 to 4.
        min_count: the least count of a reported sequence (quanteda's default 2).
        smoothing: added to every cell count (quanteda's default 0.5).
        stopwords: sequences that begin or end with one are not reported.
        report_all: report every sequence over ``min_count`` (no stopword or
            word filter), as quanteda does.

    Returns:
        ``collocation`` (tokens joined by a space), ``size``, ``count``,
        ``lambda``, ``z``; sorted by ``z`` (descending), then collocation.
    """
    sizes = [size] if isinstance(size, int) else list(size)
    if any(k < 2 or k > 4 for k in sizes):
        raise ValueError("collocation size must be 2, 3 or 4")
    runs = [list(run) for run in runs]
    rows = []
    for k in sizes:
        grams: Counter[tuple[str, ...]] = Counter()
        for run in runs:
            for i in range(len(run) - k + 1):
                grams[tuple(run[i:i + k])] += 1
        total = sum(grams.values())
        if not total:
            continue
        # Counts of the projection of every observed sequence on each subset of positions.
        subsets = [s for r in range(1, k + 1) for s in combinations(range(k), r)]
        projections: dict[tuple[int, ...], Counter] = {}
        for subset in subsets:
            counter: Counter = Counter()
            for gram, count in grams.items():
                counter[tuple(gram[i] for i in subset)] += count
            projections[subset] = counter
        for gram, count in grams.items():
            if count < min_count or not (report_all or _reportable(gram, stopwords)):
                continue
            # m[S]: sequences matching gram on the positions in S (any token elsewhere).
            matching = {(): total}
            for subset in subsets:
                matching[subset] = projections[subset][tuple(gram[i] for i in subset)]
            # Exact cells by inclusion–exclusion: n[B] = Σ_{S ⊇ B} (-1)^{|S|-|B|} m[S].
            lam = 0.0
            inverse = 0.0
            for matched in [()] + subsets:
                rest = [i for i in range(k) if i not in matched]
                exact = 0
                for r in range(len(rest) + 1):
                    for extra in combinations(rest, r):
                        exact += (-1) ** r * matching[tuple(sorted(matched + extra))]
                cell = exact + smoothing
                if cell <= 0:
                    lam = math.nan
                    break
                lam += (-1) ** (k - len(matched)) * math.log(cell)
                inverse += 1.0 / cell
            z = lam / math.sqrt(inverse) if inverse and not math.isnan(lam) else math.nan
            rows.append((" ".join(gram), k, count, lam, z))
    frame = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    frame = frame.sort_values(["z", "collocation"], ascending=[False, True], kind="stable", na_position="last")
    return frame.reset_index(drop=True)
