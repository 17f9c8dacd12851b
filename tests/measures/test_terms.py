"""Term counting: lexicon counts, plain counts, KWIC, the document-term matrix, keywords."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis.text.outline import outline_sentences
from analysis.measures.terms import dtm_build, dtm_top_terms, keywords_tfidf, kwic, phrase_count, terms_count, terms_match, token_count


def test_terms_count_longest_match_and_rates(lexicon) -> None:
    text = "坚持全面从严治党。从严治党不停步。抓好招商引资。"
    matches = terms_match("d", text, lexicon, outline_sentences(text))
    counts = terms_count(matches, n_chars=len(text)).set_index("term")
    # 从严治党 is a variant of 全面从严治党 in the default lexicon: the long form
    # is matched whole (not also as its variant), and the variant counts toward it.
    assert list(matches["matched"][:2]) == ["全面从严治党", "从严治党"]
    assert counts.loc["全面从严治党", "count"] == 2
    assert counts.loc["招商引资", "per_10k"] == round(10_000 / len(text), 3)


def test_county_counts_known_terms(county_doc, lexicon) -> None:
    text = county_doc.text
    matches = terms_match("county", text, lexicon, outline_sentences(text))
    counts = terms_count(matches, n_chars=len(text)).set_index("term")["count"]
    assert counts["三会一课"] == text.count("三会一课") == 3
    assert counts["软弱涣散"] == text.count("软弱涣散")
    # 全面从严治党 is never also counted as its shorter variant
    assert (matches["matched"] == "从严治党").sum() == text.count("从严治党") - text.count("全面从严治党")


def test_term_split_by_page_break_counted(lexicon) -> None:
    from analysis.text.clean import clean_text

    raw = "1、第一页,要落实村财乡\n2、管制度,做好软弱涣\n3、散村整顿"
    text = clean_text(raw).text
    matches = terms_match("d", text, lexicon, outline_sentences(text))
    assert {"村财乡管", "软弱涣散"} <= set(matches["term"])


@pytest.mark.parametrize("term", ["全面从严治党", "招商引资", "党组织", "不得少于", "XX"])
def test_phrase_count_is_str_count(county_doc, term: str) -> None:
    assert phrase_count(county_doc.text, term) == county_doc.text.count(term)


def test_token_count(segmenter) -> None:
    words = segmenter.words("招商引资是招商的核心,招商引资要抓好。")
    assert token_count(words, "招商引资") == 2


def test_kwic_window_and_section(county_doc) -> None:
    sentences = outline_sentences(county_doc.text)
    frame = kwic("county", county_doc.text, sentences, "三会一课", window=5)
    assert len(frame) == 3
    first = frame.iloc[0]
    assert county_doc.text[first.start:first.start + 4] == "三会一课"
    assert len(first.left) == 5 and first.match == "三会一课"


def test_dtm_and_keywords() -> None:
    dtm = dtm_build([("a", Counter({"招商引资": 3, "项目": 1})), ("b", Counter({"项目": 2, "乡村振兴": 2}))])
    assert dtm.matrix.shape == (2, 3)
    freq = dtm.frequency().set_index("term")
    assert freq.loc["项目", "count"] == 3 and freq.loc["项目", "docfreq"] == 2
    top = dtm_top_terms(dtm, n=1)
    assert list(top["term"]) == ["招商引资", "乡村振兴"]
    keywords = keywords_tfidf(dtm, n=2)
    assert set(keywords["idf_source"]) == {"jieba-reference"}
    grouped = dtm.group_sum(["g", "g"])
    assert grouped.counts_of("g") == Counter({"招商引资": 3, "项目": 3, "乡村振兴": 2})


def test_keywords_corpus_idf_downweights_common_terms() -> None:
    docs = [(f"d{i}", Counter({"发展": 3, f"专题{i}": 2})) for i in range(6)]
    keywords = keywords_tfidf(dtm_build(docs), n=1)
    assert set(keywords["idf_source"]) == {"corpus"}
    assert list(keywords["term"]) == [f"专题{i}" for i in range(6)]


def _keywords_one_by_one(dtm, idf, n: int) -> list[tuple]:
    """The definition of keywords_tfidf, spelled out speech by speech."""
    rows = []
    for i, doc_id in enumerate(dtm.doc_ids):
        row = dtm.matrix.getrow(i)
        scores = {dtm.vocabulary[j]: (c / row.data.sum() * idf[j], int(c)) for j, c in zip(row.indices, row.data)}
        ranked = sorted(scores, key=lambda t: (-scores[t][0], t))[:n]
        rows += [(doc_id, r + 1, t, scores[t][1], round(float(scores[t][0]), 6)) for r, t in enumerate(ranked) if scores[t][0] > 0]
    return rows


@pytest.mark.parametrize("seed", range(5))
def test_keywords_follow_their_definition(seed: int) -> None:
    import random

    import numpy as np

    from analysis.measures.terms import dtm_build, keywords_tfidf

    rng = random.Random(seed)
    words = [f"词{i}" for i in range(40)]
    counters = [(f"d{k}", Counter({w: rng.randint(1, 6) for w in rng.sample(words, rng.randint(0, 25))})) for k in range(12)]
    dtm = dtm_build(counters)
    docfreq = np.asarray((dtm.matrix > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(counters)) / (1 + docfreq))
    found = keywords_tfidf(dtm, n=5)
    expected = _keywords_one_by_one(dtm, idf, 5)
    assert len(expected) > 20
    assert list(found[["doc_id", "rank", "term", "count", "tfidf"]].itertuples(index=False, name=None)) == expected
