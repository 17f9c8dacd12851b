"""Collocations, new terms, co-occurrence and seeded topics (analysis.measures)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from analysis.lexicon import lexicon_default
from analysis.measures.collocations import textstat_collocations, token_runs
from analysis.measures.cooccurrence import terms_cooccurrence
from analysis.measures.new_terms import new_terms_find, new_terms_timeline
from analysis.measures.topics import topics_fit


def test_bigram_lambda_is_the_log_odds_ratio_of_quanteda_worked_example() -> None:
    # quanteda.textstats tests/testthat/test-textstat_collocations.R, "test the correctness of significant":
    # tokens 'capital other capital gains other capital word2 other gains capital', size 2, smoothing 0.
    # Of the 9 bigrams, "other capital" is n11 = 2; other+not-capital n10 = 1; not-other+capital n01 = 1; n00 = 5.
    runs = ["capital other capital gains other capital word2 other gains capital".split()]
    frame = textstat_collocations(runs, size=2, min_count=1, smoothing=0.0, report_all=True).set_index("collocation")
    row = frame.loc["other capital"]
    assert row["count"] == 2
    assert row["lambda"] == pytest.approx(math.log(2 * 5 / (1 * 1)))
    assert row["z"] == pytest.approx(math.log(10) / math.sqrt(1 / 2 + 1 + 1 + 1 / 5))
    assert frame.index[0] == "other capital"  # quanteda's test: the top collocation


def _brute_lambda(runs: list[list[str]], gram: tuple[str, ...], smoothing: float) -> float:
    k = len(gram)
    cells = [smoothing] * (2 ** k)
    for run in runs:
        for i in range(len(run) - k + 1):
            bit = sum(2 ** j for j in range(k) if run[i + j] == gram[j])
            cells[bit] += 1
    return sum((-1) ** (k - bin(b).count("1")) * math.log(c) for b, c in enumerate(cells))


@pytest.mark.parametrize("size", [2, 3, 4])
def test_lambda_equals_quantedas_cell_definition(size: int) -> None:
    # quanteda's own size-3 example text, and the definition of cpp_collocations (a pass over every K-gram).
    text = "A gains capital B C capital gains A B capital C capital gains tax gains tax gains B gains C capital gains tax"
    runs = [text.split()]
    frame = textstat_collocations(runs, size=size, min_count=1, smoothing=0.5, report_all=True)
    assert len(frame)
    for row in frame.to_dict("records"):
        assert row["lambda"] == pytest.approx(_brute_lambda(runs, tuple(row["collocation"].split()), 0.5))


def test_runs_break_at_sentences_and_dropped_punctuation() -> None:
    tokens = pd.DataFrame({
        "doc_id": ["a"] * 5, "sentence": [0, 0, 0, 1, 1], "start": [0, 2, 5, 7, 9], "end": [2, 4, 7, 9, 11],
        "token": ["发展", "经济", "改革", "开放", "创新"],
    })
    assert token_runs(tokens) == [["发展", "经济"], ["改革"], ["开放", "创新"]]


def test_stopword_edges_are_not_reported() -> None:
    runs = [["的", "发展", "经济"]] * 3
    frame = textstat_collocations(runs, size=2, min_count=2, stopwords={"的"})
    assert frame["collocation"].tolist() == ["发展 经济"]


def test_cooccurrence_counts_each_pair_once_per_sentence() -> None:
    matches = pd.DataFrame({
        "doc_id": ["a", "a", "a", "a", "b", "b", "b"], "sentence": [0, 0, 0, 1, 0, 0, 1],
        "term": ["甲", "乙", "甲", "丙", "甲", "乙", "丙"], "theme": ["t", "t", "t", "u", "t", "t", "u"],
    })
    frame = terms_cooccurrence(matches, min_count=1).set_index(["term_a", "term_b"])
    row = frame.loc[("乙", "甲")] if ("乙", "甲") in frame.index else frame.loc[("甲", "乙")]
    assert row["count"] == 2 and row["n_sentences"] == 4
    assert row["pmi"] == pytest.approx(math.log(2 * 4 / (2 * 2)))
    assert row["G2"] > 0


@pytest.fixture(scope="module")
def readouts(shared_corpus):
    from analysis.ingest import corpus_discover, document_read
    from analysis.run import Options, corpus_run

    folders = [shared_corpus / "politburo", shared_corpus / "state-council"]
    result = corpus_run(folders, options=Options(cache=False))
    texts = {}
    for path, rel in corpus_discover(folders).speeches:
        doc = document_read(path, rel)
        texts[doc.doc_id] = doc.text
    return result, texts


BLIND = {"新质生产力": "2024-01-22", "中国式现代化": "2022-10-25", "全国统一大市场": "2023-01-31"}


def test_blind_new_terms_rank_in_the_top_30_with_their_first_dates(readouts) -> None:
    """Issue #17's blind test: three terms removed from the lexicon are found again, with their dates."""
    result, texts = readouts
    lexicon = lexicon_default()
    blind = dataclasses.replace(lexicon, terms=[t for t in lexicon.terms if t.term not in BLIND])
    assert not set(BLIND) & set(blind.surface_forms())
    candidates, per_doc = new_terms_find(texts, lexicon=blind)
    ranked, by_period = new_terms_timeline(candidates, per_doc, result.corpus)
    top = ranked.head(30).set_index("term")
    for term, first in BLIND.items():
        assert term in top.index, (term, ranked["term"].head(40).tolist())
        # the first text that holds it, which is its first appearance in the texts
        assert top.loc[term, "first_date"] == first
    assert set(by_period.columns) == {"term", "period", "count"}


def test_lexicon_terms_are_not_new(readouts) -> None:
    _, texts = readouts
    candidates, _ = new_terms_find(texts, lexicon=lexicon_default())
    assert not set(candidates["term"]) & {"新质生产力", "中国式现代化", "全国统一大市场"}
    assert not any(t[0] in "的了和" or t[-1] in "的了和" for t in candidates["term"])


def test_seeded_topics_are_deterministic_and_shares_sum_to_one(readouts) -> None:
    result, _ = readouts
    of_2024 = set(result.corpus.loc[result.corpus["date"].str.startswith("2024"), "doc_id"])
    docs = {d: g["token"].tolist() for d, g in result.tokens.groupby("doc_id", sort=False) if d in of_2024}
    assert len(docs) > 20
    topics_a, doc_a = topics_fit(docs, lexicon=lexicon_default(), extra=2, iterations=50)
    topics_b, doc_b = topics_fit(docs, lexicon=lexicon_default(), extra=2, iterations=50)
    pd.testing.assert_frame_equal(doc_a, doc_b)
    assert doc_a.groupby("doc_id")["share"].sum().round(3).eq(1).all()
    seeded = topics_a.groupby("label")["seeded"].first()
    assert seeded.sum() >= 5, seeded
    assert set(seeded[~seeded].index) == {"未播种1", "未播种2"}
