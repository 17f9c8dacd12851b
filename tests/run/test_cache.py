"""The cache: per speech and per whole run; hits on re-runs, misses on any change, and can be cleared."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.run.cache import cache_clear, cache_info
from analysis.run import Options, corpus_run


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
    assert cache_info()[1] == 3  # three speeches (a run kept in memory is not cached whole)


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
    assert removed == 3 and where == private_cache and cache_info()[1] == 0
    assert not any(p.is_file() for p in private_cache.rglob("*"))


def test_unwritable_cache_is_not_fatal(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SPEECH_ANALYSIS_CACHE", str(blocker / "cache"))
    assert corpus_run([folder]).n_ok == 3


def test_identical_rerun_is_served_whole(private_cache: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.run.corpus
    import analysis.run.document

    first_out, second_out = tmp_path / "first", tmp_path / "second"
    first = corpus_run([folder], stream_to=first_out)
    # A second run may not analyse any speech, nor read per-speech entries.
    monkeypatch.setattr(analysis.run.document, "document_process", lambda *a, **k: pytest.fail("analysed again"))
    monkeypatch.setattr(analysis.run.corpus, "cached_result", lambda *a, **k: pytest.fail("read per speech"))
    second = corpus_run([folder], stream_to=second_out)
    assert second.cache_hits == 3 and second.started >= first.started
    for name in ["corpus", "report", "matches", "term_counts", "themes", "section_themes", "keywords", "formulations", "quotas"]:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), obj=name)
    for name in ["tokens.parquet", "sentences.parquet"]:
        pd.testing.assert_frame_equal(pd.read_parquet(first_out / name), pd.read_parquet(second_out / name))


def test_a_run_with_a_failed_speech_is_not_cached(private_cache: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.run.corpus
    import analysis.run.document

    real = analysis.run.document.outline_sentences

    def tripping(text: str):  # type: ignore[no-untyped-def]
        if "2月份" in text:
            raise RuntimeError("a bug")
        return real(text)

    monkeypatch.setattr(analysis.run.document, "outline_sentences", tripping)
    failed = corpus_run([folder], stream_to=tmp_path / "out")
    assert "analysis failed (RuntimeError: a bug)" in " ".join(failed.report["reason"])
    assert cache_info()[1] == 2  # the two good speeches; neither the failed one nor the run
    monkeypatch.setattr(analysis.run.document, "outline_sentences", real)
    again = corpus_run([folder], stream_to=tmp_path / "out")
    assert again.n_ok == 3 and again.cache_hits == 2


def test_a_changed_option_or_file_is_not_served_whole(private_cache: Path, folder: Path) -> None:
    corpus_run([folder])
    assert corpus_run([folder], options=Options(n_keywords=5)).keywords.groupby("doc_id").size().max() <= 5
    (folder / "2024-02_meeting.txt").write_text("2月份工作推进会。要抓好乡村振兴。", encoding="utf-8")
    changed = corpus_run([folder])
    assert changed.cache_hits == 2 and "乡村振兴" in set(changed.term_counts["term"])


def test_clear_removes_only_what_the_cache_wrote(private_cache: Path, folder: Path) -> None:
    private_cache.mkdir()
    (private_cache / "notes").mkdir()
    (private_cache / "notes" / "thesis.docx").write_bytes(b"mine")
    (private_cache / "ab").mkdir()
    (private_cache / "ab" / "a.csv").write_text("x,y", encoding="utf-8")
    (private_cache / "empty-folder-of-mine").mkdir()
    corpus_run([folder], stream_to=folder.parent / "out")
    entries, size = cache_info()[1:]
    assert entries == 4 and size > 0  # three speeches and the whole run
    removed, _ = cache_clear()
    assert removed == 4 and cache_info()[1:] == (0, 0)
    assert (private_cache / "notes" / "thesis.docx").read_bytes() == b"mine"
    assert (private_cache / "ab" / "a.csv").exists() and (private_cache / "empty-folder-of-mine").is_dir()
