"""Corpus-level steps of the pipeline that need no speech files."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from analysis.measures.near_duplicates import duplicates_flag


def _duplicates_by_counting(hashes: list[tuple[str, frozenset[int]]], threshold: float = 0.8) -> dict[str, str]:
    """The definition, spelled out: for each document, shared sentences with each earlier one."""
    flagged = {}
    for i, (doc_id, hs) in enumerate(hashes):
        shared = Counter({j: len(hs & earlier) for j, (_, earlier) in enumerate(hashes[:i]) if hs & earlier})
        if hs and shared:
            j, n_shared = max(shared.items(), key=lambda item: (item[1], -item[0]))
            if n_shared / len(hs) >= threshold:
                flagged[doc_id] = hashes[j][0]
    return flagged


@pytest.mark.parametrize("seed", range(8))
def test_duplicates_follow_their_definition(seed: int) -> None:
    rng = random.Random(seed)
    pool = [rng.getrandbits(64) for _ in range(60)]
    hashes = []
    for i in range(40):
        if hashes and rng.random() < 0.4:  # a copy of an earlier speech, a little edited
            _, source = rng.choice(hashes)
            kept = {h for h in source if rng.random() < 0.9}
            hashes.append((f"d{i}", frozenset(kept | set(rng.sample(pool, rng.randint(0, 2))))))
        else:
            hashes.append((f"d{i}", frozenset(rng.sample(pool, rng.randint(0, 12)))))
    expected = _duplicates_by_counting(hashes)
    assert len(expected) >= 5  # the random corpus does hold copies
    assert duplicates_flag(hashes) == expected
    assert list(duplicates_flag(hashes)) == list(expected)


def test_duplicates_name_the_earliest_of_equal_sources_and_ignore_empty() -> None:
    a, b, c = frozenset({1, 2, 3, 4, 5}), frozenset({1, 2, 3, 4, 5}), frozenset({1, 2, 3, 4, 5, 6})
    hashes = [("a", a), ("empty", frozenset()), ("b", b), ("c", c), ("other", frozenset({9, 2**64 - 1}))]
    assert duplicates_flag(hashes) == {"b": "a", "c": "a"}
    assert duplicates_flag([]) == {}


def test_an_unexpected_error_while_reading_is_one_record(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.run.document
    from analysis.run import Options, corpus_run

    (tmp_path / "good.txt").write_text("要抓好招商引资,每月外出招商时间不得少于10天。", encoding="utf-8")
    (tmp_path / "odd.txt").write_text("这一篇让清洗规则出错。", encoding="utf-8")
    real = analysis.run.document.document_read

    def tripping(path, rel, **kwargs):  # type: ignore[no-untyped-def]
        if rel == "odd.txt":
            raise IndexError("string index out of range")
        return real(path, rel, **kwargs)

    monkeypatch.setattr(analysis.run.document, "document_read", tripping)
    result = corpus_run([tmp_path], options=Options(cache=False))
    report = result.report.set_index("path")
    assert report.loc["good.txt", "status"] == "ok" and report.loc["odd.txt", "status"] == "error"
    assert report.loc["odd.txt", "reason"].startswith("reading failed (IndexError: string index out of range)")


def test_a_stock_sentence_in_over_a_thousand_documents_is_shared_with_none() -> None:
    stock = 12345
    hashes = [(f"d{i}", frozenset({stock})) for i in range(1_001)]  # 1,001 documents of the one stock sentence
    assert duplicates_flag(hashes) == {}
    few = [(f"d{i}", frozenset({stock})) for i in range(3)]
    assert duplicates_flag(few) == {"d1": "d0", "d2": "d0"}
