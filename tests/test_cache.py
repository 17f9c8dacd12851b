"""The cache: per speech and per whole run; hits on re-runs, misses on any change, and can be cleared."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cache import cache_clear, cache_info
from analysis.pipeline import Options, corpus_run


@pytest.fixture()
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SPEECH_ANALYSIS_CACHE", str(folder))
    return folder


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for month in range(1, 4):
        (corpus / f"2024-0{month}_meeting.txt").write_text(f"{month}月份工作推进会。要抓好招商引资,每月外出招商时间不得少于{month}天。全面从严治党。", encoding="utf-8")
    return corpus


def test_second_run_served_from_cache(private_cache: Path, folder: Path) -> None:
    first = corpus_run([folder])
    second = corpus_run([folder])
    assert (first.cache_hits, second.cache_hits) == (0, 3)
    pd.testing.assert_frame_equal(first.corpus, second.corpus)
    pd.testing.assert_frame_equal(first.quotas, second.quotas)
    assert cache_info()[1] == 4  # three speeches and the whole run


def test_changes_miss(private_cache: Path, folder: Path, tmp_path: Path) -> None:
    corpus_run([folder])
    (folder / "2024-01_meeting.txt").write_text("1月份工作推进会。要抓好乡村振兴。", encoding="utf-8")
    changed = corpus_run([folder])
    assert changed.cache_hits == 2
    assert "乡村振兴" in set(changed.term_counts["term"])
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("themes:\n  - id: a\n    label: 甲\n    terms: [{term: 招商引资}]\n", encoding="utf-8")
    assert corpus_run([folder], options=Options(lexicon=str(lexicon))).cache_hits == 0
    other = "jieba" if Options().segmenter == "rjieba" else "rjieba"
    assert corpus_run([folder], options=Options(segmenter=other)).cache_hits == 0


def test_no_cache_and_clear(private_cache: Path, folder: Path) -> None:
    corpus_run([folder], options=Options(cache=False))
    assert cache_info()[1] == 0
    corpus_run([folder])
    removed, where = cache_clear()
    assert removed == 4 and where == private_cache and cache_info()[1] == 0
    assert not any(p.is_file() for p in private_cache.rglob("*"))


def test_unwritable_cache_is_not_fatal(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SPEECH_ANALYSIS_CACHE", str(blocker / "cache"))
    assert corpus_run([folder]).n_ok == 3


@pytest.mark.parametrize("streamed", [True, False])
def test_identical_rerun_is_served_whole(private_cache: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    import analysis.pipeline

    first_out, second_out = tmp_path / "first", tmp_path / "second"
    first = corpus_run([folder], stream_to=first_out if streamed else None)
    # A second run may not analyse any speech, nor read per-speech entries.
    monkeypatch.setattr(analysis.pipeline, "document_process", lambda *a, **k: pytest.fail("analysed again"))
    monkeypatch.setattr(analysis.pipeline, "cached_result", lambda *a, **k: pytest.fail("read per speech"))
    second = corpus_run([folder], stream_to=second_out if streamed else None)
    assert second.cache_hits == 3 and second.started >= first.started
    for name in ["corpus", "report", "matches", "term_counts", "themes", "section_themes", "keywords", "formulations", "quotas"]:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), obj=name)
    if streamed:
        for name in ["tokens.parquet", "sentences.parquet"]:
            pd.testing.assert_frame_equal(pd.read_parquet(first_out / name), pd.read_parquet(second_out / name))
    else:
        pd.testing.assert_frame_equal(first.tokens, second.tokens)


def test_a_changed_option_or_file_is_not_served_whole(private_cache: Path, folder: Path) -> None:
    corpus_run([folder])
    assert corpus_run([folder], options=Options(n_keywords=5)).keywords.groupby("doc_id").size().max() <= 5
    (folder / "2024-02_meeting.txt").write_text("2月份工作推进会。要抓好乡村振兴。", encoding="utf-8")
    changed = corpus_run([folder])
    assert changed.cache_hits == 2 and "乡村振兴" in set(changed.term_counts["term"])
