"""rjieba (jieba-rs) against jieba, the reference, over the whole shared corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis.text.segment import Segmenter


@pytest.fixture(scope="module")
def texts(shared_run) -> list[str]:
    return list(shared_run.sentences.groupby("doc_id", sort=False)["text"].agg("\n".join))


def test_lexicon_token_counts_identical_and_tokens_agree(texts, lexicon) -> None:
    pytest.importorskip("rjieba")
    reference = Segmenter(lexicon=lexicon, engine="jieba")
    fast = Segmenter(lexicon=lexicon, engine="rjieba")
    forms = set(lexicon.surface_forms())
    differing = total = 0
    ref_terms: Counter[str] = Counter()
    fast_terms: Counter[str] = Counter()
    for text in texts:
        a = [(t.text, t.start) for t in reference.tokens(text)]
        b = [(t.text, t.start) for t in fast.tokens(text)]
        total += len(a)
        differing += len(set(a) ^ set(b))
        ref_terms.update(t for t, _ in a if t in forms)
        fast_terms.update(t for t, _ in b if t in forms)
    assert total > 500_000
    assert ref_terms == fast_terms
    share = differing / total
    print(f"\nrjieba vs jieba: {differing} of {total} tokens differ ({share:.5%})")
    assert share < 0.0001
