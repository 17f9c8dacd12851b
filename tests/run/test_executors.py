"""Parallel and distributed runs give the same tables as a serial run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.run import Options, corpus_run

TABLES = ["corpus", "report", "term_counts", "themes", "section_themes", "keywords", "formulations", "quotas", "sentences"]


def assert_same(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    for i in range(12):
        (corpus / f"2024-{i % 12 + 1:02d}-0{i % 9 + 1}_meeting.txt").write_text(
            f"{i + 1}月份工作推进会。一、抓好招商引资。每月外出招商时间不得少于{i + 2}天。二、全面从严治党,严格执行“三会一课”制度。", encoding="utf-8"
        )
    (corpus / "broken.doc").write_bytes(b"x")
    return corpus


def test_process_pool_matches_serial(folder: Path) -> None:
    options = Options(cache=False)
    assert_same(corpus_run([folder], options=options), corpus_run([folder], options=options, workers=2))


def test_dask_local_cluster_matches_serial_on_shared_corpus(shared_corpus: Path, shared_run) -> None:
    pytest.importorskip("dask.distributed")
    on_dask = corpus_run([shared_corpus], options=Options(cache=False), backend="dask", workers=2)
    assert on_dask.n_ok == 234
    assert_same(shared_run, on_dask)


def test_process_pool_reads_cache_in_order(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPEECH_ANALYSIS_CACHE", str(tmp_path / "cache"))
    cold = corpus_run([folder], workers=2)
    (folder / "2024-01-01_meeting.txt").write_text("1月份工作推进会。要抓好乡村振兴,每年不少于3次。", encoding="utf-8")
    warm = corpus_run([folder], workers=2)
    assert (cold.cache_hits, warm.cache_hits) == (0, 11)
    serial = corpus_run([folder], options=Options(cache=False))
    assert_same(serial, warm)


def test_streamed_run_writes_the_same_tables(folder: Path, tmp_path: Path) -> None:
    in_memory = corpus_run([folder], options=Options(cache=False))
    streamed = corpus_run([folder], options=Options(cache=False), stream_to=tmp_path)
    assert streamed.sentences is None and streamed.tokens is None
    for name in ["corpus", "matches", "term_counts", "themes", "section_themes", "keywords", "quotas"]:
        pd.testing.assert_frame_equal(getattr(in_memory, name), getattr(streamed, name), obj=name)
    for name, frame in [("sentences", in_memory.sentences), ("tokens", in_memory.tokens)]:
        on_disk = pd.read_parquet(tmp_path / f"{name}.parquet")
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), on_disk, check_dtype=False, obj=name)
