"""Segmentation with the policy lexicon."""

from __future__ import annotations

import logging

import pytest

from analysis.text.segment import Segmenter, load_stopwords

POLICY_TERMS = ["全面从严治党", "软弱涣散", "三会一课", "招商引资", "双报到", "村财乡管", "最后一公里", "党风廉政建设"]


@pytest.mark.parametrize("term", POLICY_TERMS)
@pytest.mark.parametrize("engine", ["jieba", "rjieba"])
def test_policy_terms_single_tokens(segmenter, lexicon, term: str, engine: str) -> None:
    seg = segmenter if engine == "jieba" else Segmenter(lexicon=lexicon, engine="rjieba")
    sentence = f"各级党组织要把{term}作为重要工作来抓。"
    assert term in seg.words(sentence)


def test_without_lexicon_terms_split() -> None:
    plain = Segmenter(stopwords=[])
    assert "全面从严治党" not in plain.words("要坚持全面从严治党。")


def test_private_tokenizer_does_not_touch_jieba_default(segmenter) -> None:
    import jieba

    assert "村财乡管" in segmenter.words("实行村财乡管。")
    assert "村财乡管" not in jieba.lcut("实行村财乡管。")


def test_offsets_point_into_text(segmenter, county_doc) -> None:
    tokens = segmenter.tokens(county_doc.text)
    assert tokens and all(county_doc.text[t.start:t.end] == t.text for t in tokens)
    assert not any(t.text in "，。、,;:“”" for t in tokens)


def test_stopwords_flagged_not_dropped(segmenter) -> None:
    tokens = segmenter.tokens("同志们,我们要进一步做好招商引资。")
    flags = {t.text: t.stopword for t in tokens}
    assert flags["同志们"] and flags["进一步"] and not flags["招商引资"]


def test_stopword_list_has_no_lexicon_terms(lexicon) -> None:
    assert not load_stopwords() & set(lexicon.surface_forms())


def test_jieba_logger_silent(lexicon, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        Segmenter(lexicon=lexicon).words("全面从严治党")
    assert not [r for r in caplog.records if r.name == "jieba"]


def test_segmenter_pickles(segmenter) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(segmenter))
    assert copy.words("三会一课") == ["三会一课"]


@pytest.mark.parametrize("limit", [200_000, 0])  # 0: the memo of word classes is emptied at every call
def test_content_counts_follow_is_content_word(county_doc, lexicon, limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    import analysis.text.segment
    from analysis.text.segment import Segmenter, is_content_word

    monkeypatch.setattr(analysis.text.segment, "_KINDS_LIMIT", limit)
    segmenter = Segmenter(lexicon=lexicon, engine="rjieba")
    other_words = segmenter.token_columns("同志们,2024年要抓好招商引资。")[0]
    words = segmenter.token_columns(county_doc.text)[0]
    for tokens in (words, other_words):  # other_words: classified before the memo was last emptied
        expected = Counter(w for w in tokens.tolist() if is_content_word(w, segmenter.stopwords))
        assert segmenter.content_counts(tokens) == expected
    assert expected["招商引资"] == 1 and "同志们" not in expected and "2024" not in expected
