"""The whole job over a corpus: every speech through the executors, then the corpus-level steps.

:func:`corpus_run` discovers the files, runs :func:`analysis.run.document.document_process_cached`
on each (serially, in a process pool, or on Dask), gathers the per-speech
tables and builds those that need the whole corpus (near-duplicates, term
counts, themes, TF-IDF keywords).  An identical re-run is served whole from
the cache.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import asdict
from functools import partial
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from ..ingest import Discovery, FileRecord, corpus_discover
from ..measures.formulations import FORMULATION_COLUMNS
from ..measures.near_duplicates import duplicate_rank, duplicates_flag
from ..measures.quotas import QUOTA_COLUMNS
from ..measures.indicators import indicators_cached
from ..measures.target_outcomes import OUTCOME_COLUMNS, targets_vs_realised
from ..measures.targets import TARGET_COLUMNS, targets_frame
from ..measures.terms import dtm_build, keywords_tfidf, terms_count
from ..measures.themes import themes_by_section, themes_distribution
from .document import cache_key_of, cached_result, document_process_cached
from .executors import process_in_pool, process_on_dask
from .options import Options, tools_for
from .outputs import ParquetSink
from .results import (
    CORPUS_COLUMNS, FORMULATION_SCHEMA, MATCH_SCHEMA, QUOTA_SCHEMA, REPORT_COLUMNS, SENTENCE_SCHEMA, TOKEN_SCHEMA,
    CorpusResult, DocResult, columns_table, tables_frame,
)

def _iterate(
    tasks: list[tuple[Path, str, dict[str, str] | None]],
    options: Options,
    *,
    workers: int,
    backend: str,
    scheduler: str | None,
    keys: list[str | None] | None = None,
) -> Iterator[DocResult]:
    process = partial(_speech, options=options)
    if backend == "dask":
        yield from process_on_dask(tasks, process=process, scheduler=scheduler, workers=workers)
        return
    if backend != "local":
        raise ValueError(f"unknown backend {backend!r}: use local or dask")
    if workers <= 1 or len(tasks) < 8:
        for (path, rel, row), key in zip(tasks, keys or [None] * len(tasks)):
            yield document_process_cached(path, rel, row, options, key=key)
        return
    yield from process_in_pool(tasks, process=process, cached=cached_result, workers=workers, keys=keys)


def _speech(path: Path, rel_path: str, table_row: dict[str, str] | None, key: str | None, *, options: Options) -> DocResult:
    """One speech through the cache, in the executors' calling convention."""
    return document_process_cached(path, rel_path, table_row, options, key=key)


def corpus_run(
    inputs: list[str | Path],
    *,
    options: Options | None = None,
    metadata: str | Path | None = None,
    workers: int = 1,
    backend: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    stream_to: str | Path | None = None,
) -> CorpusResult:
    """Run the whole job over folders and/or files.

    Args:
        inputs: folders (recursive) and files.
        options: analysis options (defaults: bundled lexicon and stopwords, rjieba when installed).
        metadata: an explicit metadata table (default: one found in the folder).
        workers: processes for per-document work (1: in this process).
        backend: ``local`` (this machine) or ``dask``.
        scheduler: with ``dask``, the address of an existing scheduler
            (default: a LocalCluster with ``workers`` processes).
        progress: show a progress bar (default: only on a terminal).
        stream_to: a folder: the two large tables, a row per token and a row
            per sentence (``tokens.parquet``, ``sentences.parquet``), are
            written there as speeches arrive instead of being held in
            memory; ``result.tokens`` and ``result.sentences`` are then None.
    """
    from tqdm.auto import tqdm

    options = options or Options()
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    clock = time.perf_counter()
    discovery: Discovery = corpus_discover(list(inputs), metadata=metadata)
    lexicon, _ = tools_for(options)
    tasks = [(path, rel, discovery.table_row(rel)) for path, rel in discovery.speeches]
    keys = [cache_key_of(path, rel, row, options) for path, rel, row in tasks] if options.cache else None
    # Whole runs are cached only when their two large tables stream to files:
    # an in-memory result holding every token would be pickled in one piece.
    run_key = _run_key(keys, discovery, options, inputs, metadata) if keys and stream_to is not None else None
    if run_key is not None:
        reused = _run_reuse(run_key, stream_to, options=options, lexicon=lexicon, started=started, clock=clock, n_speeches=len(tasks))
        if reused is not None:
            return reused

    records: list[FileRecord] = list(discovery.records)
    rows, matches = [], []
    quotas: dict[str, list] = {name: [] for name in QUOTA_COLUMNS}
    formulations: dict[str, list] = {name: [] for name in FORMULATION_COLUMNS}
    targets: dict[str, list] = {name: [] for name in TARGET_COLUMNS}
    outcomes: dict[str, list] = {name: [] for name in OUTCOME_COLUMNS}
    kept: dict[str, list[pa.Table]] = {"tokens": [], "sentences": []}
    headings: dict[tuple[str, str], str] = {}
    counters: list[tuple[str, pa.Table]] = []
    hashes: list[tuple[str, np.ndarray]] = []
    paths: dict[str, str] = {}
    changes: Counter[str] = Counter()
    cache_hits = 0
    all_cacheable = True
    sinks: dict[str, ParquetSink] = {}
    if stream_to is not None:
        folder = Path(stream_to)
        folder.mkdir(parents=True, exist_ok=True)
        sinks = {
            "tokens": ParquetSink(folder / "tokens.parquet", schema=TOKEN_SCHEMA),
            "sentences": ParquetSink(folder / "sentences.parquet", schema=SENTENCE_SCHEMA),
        }
    show = sys.stderr.isatty() if progress is None else progress
    work = None
    try:
        work = _iterate(tasks, options, workers=workers, backend=backend, scheduler=scheduler, keys=keys)
        for index, result in enumerate(tqdm(work, total=len(tasks), disable=not show, unit="file", desc="speeches")):
            records.append(result.record)
            cache_hits += result.cached
            # A file edited since its key was made was analysed under another key: the run is not stored whole.
            same_bytes = keys is None or result.key is None or result.key == keys[index]
            all_cacheable = all_cacheable and result.cacheable and same_bytes
            if not result.ok:
                continue
            assert result.row is not None
            doc_id = result.row["doc_id"]
            rows.append(result.row)
            matches.append(result.matches)
            for gathered, columns in ((quotas, result.quotas), (formulations, result.formulations),
                                      (targets, result.targets), (outcomes, result.outcomes)):
                for name, values in (columns or {}).items():
                    gathered[name].extend(values)
            counters.append((doc_id, result.token_counts))
            hashes.append((doc_id, result.sentence_hashes))
            paths[doc_id] = result.row["path"]
            changes.update(result.changes)
            headings.update({(doc_id, section): heading for section, heading in result.headings.items()})
            # The two large tables (a row per token, a row per sentence) stream to disk when asked.
            for name, frame in (("tokens", result.tokens), ("sentences", result.sentences)):
                if sinks:
                    sinks[name](frame)  # type: ignore[arg-type]
                else:
                    kept[name].append(frame)  # type: ignore[arg-type]
        for sink in sinks.values():
            sink.flush()  # the last batches are written while the corpus-level tables are built

        corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
        for column in ("year", "month", "day"):
            corpus[column] = corpus[column].astype("Int64")
        # Plain-text copies count as earlier than converted formats: of a report
        # given as .txt and .docx, the .docx is flagged duplicate_of the .txt.
        hashes.sort(key=lambda item: duplicate_rank(paths[item[0]]))  # stable: input order within a format
        duplicates = duplicates_flag(hashes)
        corpus["duplicate_of"] = [duplicates.get(d, "") for d in corpus["doc_id"]]
        dates = dict(zip(corpus["doc_id"], corpus["date"]))
        n_chars = dict(zip(corpus["doc_id"], corpus["n_chars"]))

        all_matches = tables_frame(matches, MATCH_SCHEMA)
        term_counts = terms_count(all_matches, n_chars=n_chars)
        term_counts.insert(1, "date", term_counts["doc_id"].map(dates))
        themes = themes_distribution(all_matches, n_chars=n_chars)
        themes.insert(1, "date", themes["doc_id"].map(dates))
        section_themes = themes_by_section(all_matches, headings=headings)
        dtm = dtm_build(counters)
        keywords = keywords_tfidf(dtm, n=options.n_keywords)

        target_table = targets_frame(targets)
        outcome_table = pd.DataFrame(outcomes, columns=OUTCOME_COLUMNS)
        realised = targets_vs_realised(target_table, outcome_table, corpus, indicators=indicators_cached(options.indicators))

        report = pd.DataFrame([asdict(r) for r in records], columns=REPORT_COLUMNS)
        order = {rel: i for i, (_, rel) in enumerate(discovery.speeches)}
        report["_order"] = report["path"].map(order).fillna(-1)
        report = report.sort_values(["_order", "path"], kind="stable").drop(columns="_order").reset_index(drop=True)
        result = CorpusResult(
            corpus=corpus,
            report=report,
            sentences=None if sinks else tables_frame(kept["sentences"], SENTENCE_SCHEMA),
            matches=all_matches,
            term_counts=term_counts,
            themes=themes,
            section_themes=section_themes,
            keywords=keywords,
            formulations=tables_frame([columns_table(formulations, FORMULATION_SCHEMA)], FORMULATION_SCHEMA),
            quotas=tables_frame([columns_table(quotas, QUOTA_SCHEMA)], QUOTA_SCHEMA),
            dtm=dtm,
            options=options,
            lexicon=lexicon,
            inputs=[str(p) for p in inputs],
            started=started,
            seconds=round(time.perf_counter() - clock, 2),
            cleaning_changes=dict(changes),
            cache_hits=cache_hits,
            unmatched_rows=discovery.unmatched_rows,
            tokens=None if sinks else tables_frame(kept["tokens"], TOKEN_SCHEMA),
            targets=target_table,
            outcomes=outcome_table,
            targets_vs_realised=realised,
        )
    finally:
        if work is not None:
            work.close()  # an interrupted run stops its pool workers now
        failures = []
        for sink in sinks.values():
            try:
                sink.close()
            except Exception as err:  # noqa: BLE001 - close the other sink too, then report
                failures.append(err)
        if failures:
            raise failures[0]
    result.seconds = round(time.perf_counter() - clock, 2)  # including the last Parquet writes
    if run_key is not None and all_cacheable:
        _run_store(run_key, result, Path(stream_to))  # type: ignore[arg-type]
    return result


# -- a whole run, cached ------------------------------------------------------
# A re-run over the same files with the same options (a notebook re-executed,
# `make demo` again) takes every table from one cache entry instead of
# rebuilding them from the per-speech entries.
_RUN_FILES = ("tokens.parquet", "sentences.parquet")


def _run_key(
    keys: list[str | None], discovery: Discovery, options: Options, inputs: list[str | Path], metadata: str | Path | None
) -> str | None:
    """The key of a whole run, or None when a speech has no cache key (unreadable, oversized)."""
    from dataclasses import replace

    from analysis.run.cache import cache_key

    if any(key is None for key in keys):
        return None
    records = [(r.path, r.status, r.reason, r.notes) for r in discovery.records]
    parts = ("run", keys, records, discovery.unmatched_rows, [str(p) for p in inputs], str(metadata or ""), repr(replace(options, cache=True)))
    return cache_key(b"", *parts)


def _run_reuse(
    key: str, stream_to: str | Path, *, options: Options, lexicon, started: str, clock: float, n_speeches: int  # type: ignore[no-untyped-def]
) -> CorpusResult | None:
    """The cached result of an identical run (its Parquet tables copied into ``stream_to``); None on a miss.

    Each Parquet copy is checked, while it is copied, against the size and
    CRC-32 recorded in the entry (so its footer is the one checked when it
    was stored), and the row counts recorded must equal the speeches' token
    and sentence counts; an entry whose copies fail is removed.
    """
    from analysis.run.cache import cache_file, cache_get, cache_remove

    from .entries import RUN_KIND, EntryError, run_from_entry

    entry = cache_get(key, RUN_KIND)
    if entry is None:
        return None
    try:
        hit, files = run_from_entry(entry, options=options, lexicon=lexicon)
    except EntryError:
        cache_remove(key)
        return None
    # The tables' row counts must also agree with the speeches' own counts.
    rows = {"tokens.parquet": int(hit.corpus["n_tokens"].sum()), "sentences.parquet": int(hit.corpus["n_sentences"].sum())}
    if set(files) != set(_RUN_FILES) or any(files[name][2] != rows[name] for name in _RUN_FILES):
        cache_remove(key)
        return None
    folder = Path(stream_to)
    folder.mkdir(parents=True, exist_ok=True)
    for name in _RUN_FILES:
        if not _copy_checked(cache_file(key, name), folder / name, files[name]):
            cache_remove(key)
            for copied in _RUN_FILES:
                (folder / copied).unlink(missing_ok=True)
            return None
    hit.started = started
    hit.seconds = round(time.perf_counter() - clock, 2)
    hit.cache_hits = n_speeches
    return hit


def _copy_checked(source: Path, target: Path, expected: tuple[int, int, int]) -> bool:
    """Copy ``source`` to ``target`` if its (size, CRC-32) are ``expected``; False (nothing written) otherwise."""
    import mmap
    import shutil

    from analysis.run.cache import checksum

    try:
        with open(source, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size != expected[0] or size == 0:
                return False
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:  # checked without a copy in memory
                if checksum(mapped) != expected[1]:
                    return False
        shutil.copyfile(source, target)  # the kernel copies (sendfile)
    except (OSError, ValueError):
        target.unlink(missing_ok=True)
        return False
    return True


def _parquet_rows(data: bytes) -> int:
    """The row count a Parquet file's footer declares (-1 when it has no valid footer)."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(pa.BufferReader(data)).metadata.num_rows
    except (pa.ArrowException, OSError, ValueError):
        return -1


def _run_store(key: str, result: CorpusResult, stream_to: Path) -> None:
    """Keep a run's result and its streamed Parquet tables for an identical re-run; skipped silently on failure."""
    from analysis.run.cache import cache_file, cache_put, cache_remove, checksum, write_atomically

    from .entries import run_entry

    files: dict[str, tuple[int, int, int]] = {}
    try:
        for name in _RUN_FILES:
            data = (stream_to / name).read_bytes()
            if _parquet_rows(data) < 0:
                raise OSError("not a readable Parquet file")
            # Written under a temporary name, then renamed: a run killed midway leaves no half file behind a valid entry.
            if not write_atomically(cache_file(key, name), [data]):
                raise OSError("cache not writable")
            files[name] = (len(data), checksum(data), _parquet_rows(data))
    except OSError:
        cache_remove(key)
        return
    if not cache_put(key, run_entry(result, files)):
        cache_remove(key)
