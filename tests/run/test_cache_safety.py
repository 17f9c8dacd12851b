"""The cache cannot run code, serves nothing it has not validated, leaks no temporary file, and keys the bytes analysed."""

from __future__ import annotations

import errno
import pickle
from pathlib import Path

import pandas as pd
import pytest

from analysis.run import Options, corpus_run
from analysis.run.cache import cache_info


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
        (corpus / f"2024-0{month}_meeting.txt").write_text(
            f"{month}月份工作推进会。要抓好招商引资,每月外出招商时间不得少于{month}天。全面从严治党。", encoding="utf-8"
        )
    return corpus


class _Planted:
    """What an attacker writes into a shared cache: unpickling it creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.marker), "w"))


def _entry_files(cache: Path) -> list[Path]:
    return [p for p in cache.rglob("*") if p.is_file()]


@pytest.mark.parametrize("stream", [False, True])
def test_a_planted_pickle_runs_nothing_and_is_removed(private_cache: Path, folder: Path, tmp_path: Path, stream: bool) -> None:
    out = tmp_path / "out" if stream else None
    first = corpus_run([folder], stream_to=out)
    marker = tmp_path / "PWNED"
    poisoned = _entry_files(private_cache)
    assert poisoned
    for path in poisoned:
        path.write_bytes(pickle.dumps(_Planted(marker)))
    second = corpus_run([folder], stream_to=out)
    assert not marker.exists()
    assert second.cache_hits == 0  # every planted entry was a miss
    pd.testing.assert_frame_equal(first.corpus, second.corpus)
    assert all(path.read_bytes() != pickle.dumps(_Planted(marker)) for path in poisoned if path.exists())
    assert corpus_run([folder], stream_to=out).cache_hits == 3  # fresh entries replaced them


def test_no_entry_is_a_pickle(private_cache: Path, folder: Path, tmp_path: Path) -> None:
    corpus_run([folder], stream_to=tmp_path / "out")
    for path in _entry_files(private_cache):
        with pytest.raises(Exception):
            pickle.loads(path.read_bytes())


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_a_damaged_entry_is_a_miss_and_removed(private_cache: Path, folder: Path, damage: str) -> None:
    corpus_run([folder])
    entries = sorted(private_cache.rglob("*.arrow"))
    assert len(entries) == 3
    target = entries[0]
    data = target.read_bytes()
    if damage == "truncate":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        target.write_bytes(data[:-10] + bytes(b ^ 0xFF for b in data[-10:]))
    else:
        target.write_bytes(b"")
    again = corpus_run([folder])
    assert again.cache_hits == 2 and again.n_ok == 3
    assert target.exists() and target.read_bytes() != b""  # removed, then stored afresh
    assert corpus_run([folder]).cache_hits == 3


def test_a_truncated_parquet_copy_is_not_served(private_cache: Path, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    corpus_run([folder], stream_to=out)
    expected = pd.read_parquet(out / "tokens.parquet")
    (copy,) = private_cache.rglob("*.tokens.parquet")
    copy.write_bytes(copy.read_bytes()[:-40])
    second = tmp_path / "second"
    result = corpus_run([folder], stream_to=second)
    assert result.cache_hits == 3  # from the per-speech entries, not the damaged run entry
    pd.testing.assert_frame_equal(pd.read_parquet(second / "tokens.parquet"), expected)


def test_a_full_disk_leaves_no_temporary_file(private_cache: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    real = tempfile.NamedTemporaryFile

    class _Full:
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.handle = real(*args, **kwargs)
            self.name = self.handle.name

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def write(self, data) -> int:  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, "No space left on device")

        def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
            self.handle.close()

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", _Full)
    result = corpus_run([folder], stream_to=tmp_path / "out")
    assert result.n_ok == 3
    assert list(private_cache.rglob("*.tmp")) == []
    assert cache_info()[1] == 0


def test_the_key_is_of_the_bytes_analysed(private_cache: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.run.corpus
    from analysis.run.document import cache_key_of

    edited = folder / "2024-02_meeting.txt"
    original_key = {}

    def key_then_edit(path: Path, rel: str, row, options):  # type: ignore[no-untyped-def]
        key = cache_key_of(path, rel, row, options)
        if path == edited:  # the file changes after its key was made, before it is analysed
            original_key["key"] = key
            edited.write_text("2月份工作推进会。要抓好乡村振兴。", encoding="utf-8")
        return key

    monkeypatch.setattr(analysis.run.corpus, "cache_key_of", key_then_edit)
    out = tmp_path / "out"
    during = corpus_run([folder], stream_to=out)
    assert "乡村振兴" in set(during.term_counts["term"])
    stored = {p.name.split(".")[0] for p in private_cache.rglob("*.arrow")}
    assert original_key["key"] not in stored  # the new analysis is not filed under the old content's key
    assert len(stored) == 3  # three speeches, and no whole-run entry made of mismatched keys
    monkeypatch.setattr(analysis.run.corpus, "cache_key_of", cache_key_of)
    again = corpus_run([folder], stream_to=out)
    assert again.cache_hits == 3 and "乡村振兴" in set(again.term_counts["term"])
