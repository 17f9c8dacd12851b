"""Headline targets survive the cache: per speech and for a whole run served from one entry."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.run import Options, corpus_run

REPORT = (
    "一、{prev}年工作回顾\n过去一年，全市地区生产总值增长{real}，城镇新增就业3.2万人。\n"
    "二、{year}年工作安排\n今年经济社会发展主要预期目标是：地区生产总值增长{gdp}左右，城镇新增就业3万人以上，居民收入增长与经济增长同步。\n"
)


@pytest.fixture()
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPEECH_ANALYSIS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "reports"
    folder.mkdir()
    for year, gdp, real in ((2023, "6%", "4.5%"), (2024, "5.5%", "5.8%")):
        (folder / f"{year}_某市_report.txt").write_text(REPORT.format(prev=year - 1, year=year, gdp=gdp, real=real), encoding="utf-8")
    return folder


def _tables(result) -> list[pd.DataFrame]:  # type: ignore[no-untyped-def]
    return [result.targets.reset_index(drop=True), result.targets_vs_realised.reset_index(drop=True)]


def test_targets_from_the_per_speech_cache(reports: Path) -> None:
    first = corpus_run([reports], options=Options())
    second = corpus_run([reports], options=Options())
    assert second.cache_hits == 2
    for a, b in zip(_tables(first), _tables(second)):
        pd.testing.assert_frame_equal(a, b)
    assert first.targets_vs_realised.set_index("indicator").loc["gdp_growth", "realised_value"] == 5.8


def test_targets_from_a_whole_run_served_from_the_cache(reports: Path, tmp_path: Path) -> None:
    first = corpus_run([reports], options=Options(), stream_to=tmp_path / "a")
    second = corpus_run([reports], options=Options(), stream_to=tmp_path / "b")
    assert second.cache_hits == 2 and second.targets is not None
    assert second.targets[["indicator", "value", "comparator", "relative_to"]].astype(str).values.tolist() == \
        first.targets[["indicator", "value", "comparator", "relative_to"]].astype(str).values.tolist()
    assert len(second.targets_vs_realised) == len(first.targets_vs_realised) == 2
