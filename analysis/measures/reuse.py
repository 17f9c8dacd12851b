"""Text reuse: passages one speech shares with another, or with a reference corpus.

The method of the text-reuse literature (Wilkerson, Smith & Stramp; the
Legislative Influence Detector; R's ``textreuse``): candidates from
character-shingle MinHash signatures (``datasketch``) banded into an LSH
index, then a local alignment of each candidate pair that tolerates small
edits (:mod:`analysis.measures.reuse_align`).  :func:`reuse_find` returns a
:class:`ReuseResult` of three long tables:

* ``passages`` — one row per aligned passage: ``doc_id``, ``start``,
  ``end`` (offsets into the cleaned text), ``source_doc_id``,
  ``source_start``, ``source_end``, ``n_chars`` (``end - start``),
  ``similarity`` (share of identical characters in the alignment,
  punctuation ignored), ``text``, ``source_text``, ``direction``
  (``earlier_source``, ``later``, ``same_date`` or ``undated``), ``date``,
  ``source_date``, ``stock_share`` (share of the passage made of stock
  phrases);
* ``docs`` — one row per speech of the corpus: ``doc_id``, ``date``,
  ``n_chars``, ``reused_chars`` and ``reused_share`` (cleaned characters
  covered by any passage), ``top_source``, ``top_source_chars``,
  ``n_sources``, ``stock_chars``;
* ``stock`` — stock phrases, reported apart: runs of shingles found in more
  than ``stock_share`` of all documents (and at least ``stock_min_docs``),
  with ``text``, ``n_chars``, ``n_docs``, ``share``, ``example_doc_id``.

A passage at least half made of stock phrases is not reuse between two
speeches: it goes to ``stock``, not ``passages``.  Without a reference every
pair of speeches is compared and a shared passage is listed under each of
the two; with one, only corpus × reference pairs.  By default a span of a
speech keeps its best source only (most identical characters; an earlier
source wins a tie): ``all_sources=True`` keeps every source.  The work runs
serially, in a local process pool or on Dask, with identical results.
"""

from __future__ import annotations

import multiprocessing
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np
import pandas as pd

from analysis.ingest import corpus_discover, document_read
from analysis.ingest.readers import ReadError
from analysis.measures.reuse_align import (
    ReuseParams,
    ReuseText,
    covered_mask,
    pair_align,
    text_prepare,
    windows_sketch,
    _member,
)
from analysis.measures.reuse_stock import STOCK_COLUMNS, Postings, stock_and_shared, stock_phrases, stock_run_pairs

__all__ = [
    "CorpusText",
    "ReuseParams",
    "ReuseResult",
    "PASSAGE_COLUMNS",
    "DOC_COLUMNS",
    "STOCK_COLUMNS",
    "texts_read",
    "reuse_find",
    "lsh_candidates",
]

PASSAGE_COLUMNS = [
    "doc_id", "start", "end", "source_doc_id", "source_start", "source_end", "n_chars", "similarity",
    "text", "source_text", "direction", "date", "source_date", "stock_share",
]
DOC_COLUMNS = ["doc_id", "date", "n_chars", "reused_chars", "reused_share", "top_source", "top_source_chars", "n_sources", "stock_chars"]


@dataclass(frozen=True)
class CorpusText:
    """A cleaned speech and what reuse and diffusion need of its metadata."""

    doc_id: str
    text: str
    date: str = ""  # ISO, as precise as known
    title: str = ""
    meeting_type: str = ""
    folder: str = ""  # the folder holding the file, relative to the corpus root
    path: str = ""  # resolved path (a file given twice is compared with itself only once)
    columns: dict[str, str] = field(default_factory=dict)  # the metadata table's row


@dataclass
class ReuseResult:
    """What :func:`reuse_find` found (tables documented in the module docstring)."""

    passages: pd.DataFrame
    docs: pd.DataFrame
    stock: pd.DataFrame
    params: ReuseParams
    n_windows: int = 0
    n_window_pairs: int = 0
    n_doc_pairs: int = 0
    n_stock_passages: int = 0


def texts_read(
    inputs: Sequence[str | Path], *, metadata: str | Path | None = None, max_mb: float = 50
) -> tuple[list[CorpusText], list[tuple[str, str]]]:
    """Read and clean every speech under the inputs.

    Returns the texts and the problems met, ``(path, one-line reason)``;
    a bad file is a problem, never an exception.
    """
    discovery = corpus_discover(list(inputs), metadata=metadata)
    problems = [(str(discovery.root / r.path), r.reason) for r in discovery.records if r.status == "error"]
    texts = []
    for path, rel in discovery.speeches:
        row = discovery.table_row(rel)
        try:
            doc = document_read(path, rel, table_row=row, max_mb=max_mb)
        except ReadError as err:
            problems.append((str(path), str(err)))
            continue
        folder = Path(rel).parent.as_posix()
        texts.append(
            CorpusText(
                doc_id=doc.doc_id,
                text=doc.text,
                date=doc.metadata.date.iso(),
                title=doc.metadata.title,
                meeting_type=doc.metadata.meeting_type,
                folder="" if folder == "." else folder,
                path=str(path.resolve()),
                columns=dict(row or {}),
            )
        )
    return texts, problems


# --- executors --------------------------------------------------------------

Mapper = Callable[[Callable[[Any], Any], list[Any]], list[Any]]


@contextmanager
def _mapper(backend: str, workers: int, scheduler: str | None) -> Iterator[Mapper]:
    """A ``map(fn, items) → list`` running serially, in a process pool, or on Dask (results in input order)."""
    if backend == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the dask backend needs dask[distributed]: pip install 'zh-speech-analysis[dask]'") from None
        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        try:
            yield lambda fn, items: client.gather(client.map(fn, items, pure=False)) if items else []
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    if workers <= 1:
        yield lambda fn, items: [fn(item) for item in items]
        return
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield lambda fn, items: list(pool.map(fn, items)) if items else []


def _chunks(items: list[Any], n: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // max(1, n)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _prepare_chunk(chunk: list[tuple[int, CorpusText]], *, shingle: int) -> list[ReuseText]:
    return [text_prepare(key, t.doc_id, t.date, t.text, shingle=shingle) for key, t in chunk]


# Documents and arrays a forked pool's workers read from memory they share with the parent, rather than from pickles.
_FORKED: dict[str, Any] = {}


def _sketch_chunk(chunk: list[tuple[Any, Any]], *, stock: np.ndarray | None, params: ReuseParams) -> list[tuple[np.ndarray, np.ndarray]]:
    if stock is None:  # forked: (document key, side) pairs
        docs, shared, stock = _FORKED["docs"], _FORKED["shared"], _FORKED["stock"]
        chunk = [(docs[key], shared[side]) for key, side in chunk]
    return [windows_sketch(doc, stock=stock, shared=side_shared, params=params) for doc, side_shared in chunk]


def _align_chunk(chunk: list[tuple[Any, Any, np.ndarray, np.ndarray]], *, params: ReuseParams) -> list[list[tuple[int, ...]]]:
    if chunk and isinstance(chunk[0][0], int):  # forked: document keys
        docs = _FORKED["docs"]
        chunk = [(docs[a], docs[b], ra, rb) for a, b, ra, rb in chunk]
    return [pair_align(a, b, ra, rb, params=params) for a, b, ra, rb in chunk]


# --- LSH ----------------------------------------------------------------------


def _band_keys(signatures: np.ndarray, band: int, rows: int) -> np.ndarray:
    part = signatures[:, band * rows:(band + 1) * rows].astype(np.uint64)
    key = np.zeros(len(part), dtype=np.uint64)
    for r in range(rows):
        key = key * np.uint64(0x9E3779B97F4A7C15) + part[:, r] + np.uint64(r + 1)
    return key


def lsh_candidates(signatures: np.ndarray, *, bands: int, max_bucket: int) -> np.ndarray:
    """Pairs of rows whose signatures agree on every row of at least one band (LSH banding).

    The buckets are those of ``datasketch.MinHashLSH(params=(bands, rows))``
    (a test checks that both return the same pairs), grouped for all windows
    at once with numpy rather than inserted one by one.  Buckets holding more
    than ``max_bucket`` windows are common text and give no pairs.  Returns
    a sorted ``(pairs, 2)`` array with the smaller row first.
    """
    n, num_perm = signatures.shape
    rows = num_perm // bands
    found = []
    for band in range(bands):
        keys = _band_keys(signatures, band, rows)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        boundary = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
        group = np.cumsum(boundary) - 1
        sizes = np.bincount(group)
        size = sizes[group]
        p = np.flatnonzero((size > 1) & (size <= max_bucket))
        t = 1
        while len(p):
            q = p + t
            ok = q < n
            ok[ok] = group[q[ok]] == group[p[ok]]
            p = p[ok]
            if len(p):
                a, b = order[p].astype(np.int64), order[p + t].astype(np.int64)
                found.append(np.minimum(a, b) * n + np.maximum(a, b))
            t += 1
        if len(found) > 1:
            found = [pd.unique(np.concatenate(found))]  # hash-based: the same pair from many bands kept once
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    codes = np.sort(found[0])
    return np.stack([codes // n, codes % n], axis=1)


def _similar_enough(pairs: np.ndarray, signatures: np.ndarray, least: float) -> np.ndarray:
    """Candidate pairs whose MinHash estimate of the Jaccard similarity is at least ``least``
    (the check datasketch's documentation recommends after an LSH query), in blocks to bound memory."""
    if not len(pairs) or least <= 0:
        return pairs
    keep = np.empty(len(pairs), dtype=bool)
    for lo in range(0, len(pairs), 200_000):
        part = pairs[lo:lo + 200_000]
        keep[lo:lo + 200_000] = (signatures[part[:, 0]] == signatures[part[:, 1]]).mean(axis=1) >= least
    return pairs[keep]


# --- the search -----------------------------------------------------------------


def reuse_find(
    corpus: Sequence[CorpusText],
    *,
    reference: Sequence[CorpusText] = (),
    params: ReuseParams = ReuseParams(),
    all_sources: bool = False,
    backend: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
) -> ReuseResult:
    """Find the passages the speeches share (or share with ``reference``).

    Args:
        corpus: the speeches to examine.
        reference: a reference corpus (e.g. Politburo readouts); when given,
            only passages between a speech and a reference text are sought.
        params: thresholds and sizes (:class:`ReuseParams`).
        all_sources: keep every source of a span, not only its best one.
        backend, workers, scheduler: ``local`` (``workers`` processes) or
            ``dask`` (a ``LocalCluster`` of ``workers`` processes, or the
            cluster at ``scheduler``); the results do not depend on them.
    """
    everything = list(corpus) + list(reference)
    n_corpus = len(corpus)
    n_parts = max(1, workers) * 4
    # A local pool is forked anew for each stage, so that its workers find the documents in memory.
    forked = backend == "local" and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
    with ExitStack() as stack:
        shared_run = None if forked else stack.enter_context(_mapper(backend, workers, scheduler))

        def stage(fn: Callable[[Any], Any], items: list[Any], parts: int, state: dict[str, Any] | None = None) -> list[Any]:
            if shared_run is not None:
                return [x for part in shared_run(fn, _chunks(items, parts)) for x in part]
            _FORKED.update(state or {})
            try:
                with _mapper("local", workers, None) as run:
                    return [x for part in run(fn, _chunks(items, parts)) for x in part]
            finally:
                _FORKED.clear()

        prepared = stage(partial(_prepare_chunk, shingle=params.shingle), list(enumerate(everything)), n_parts)
        stock, shared = stock_and_shared(prepared, n_corpus=n_corpus, has_reference=bool(reference), params=params)
        if forked:
            items = [(doc.key, 0 if doc.key < n_corpus else 1) for doc in prepared]
            sketches = stage(partial(_sketch_chunk, stock=None, params=params), items, n_parts, {"docs": prepared, "shared": shared, "stock": stock})
        else:
            items = [(doc, shared[0] if doc.key < n_corpus else shared[1]) for doc in prepared]
            sketches = stage(partial(_sketch_chunk, stock=stock, params=params), items, n_parts)

        owner = np.concatenate([np.full(len(starts), doc.key, dtype=np.int64) for doc, (starts, _) in zip(prepared, sketches)] or [np.empty(0, np.int64)])
        starts = np.concatenate([s for s, _ in sketches] or [np.empty(0, np.int64)])
        signatures = np.vstack([sig for _, sig in sketches] or [np.empty((0, params.num_perm), np.uint32)])
        pairs = lsh_candidates(signatures, bands=params.bands, max_bucket=params.max_bucket) if len(signatures) else np.empty((0, 2), np.int64)
        pairs = _similar_enough(pairs, signatures, params.min_jaccard)
        postings = Postings(prepared, stock)
        extra = stock_run_pairs(prepared, stock, postings, params=params)
        jobs = _pair_jobs(pairs, owner, starts, extra, prepared, everything, n_corpus=n_corpus, has_reference=bool(reference))
        if forked:
            light = [(a.key, b.key, ra, rb) for a, b, ra, rb in jobs]
            aligned = stage(partial(_align_chunk, params=params), light, n_parts * 2, {"docs": prepared})
        else:
            aligned = stage(partial(_align_chunk, params=params), jobs, n_parts * 2)

    result = _tables(prepared, jobs, aligned, stock, postings, n_corpus=n_corpus, has_reference=bool(reference), params=params, all_sources=all_sources)
    result.n_windows = len(signatures)
    result.n_window_pairs = len(pairs)
    result.n_doc_pairs = len(jobs)
    return result


def _pair_jobs(pairs, owner, starts, extra, prepared, everything, *, n_corpus, has_reference):  # type: ignore[no-untyped-def]
    """Group window pairs by document pair: (target, source, target window starts, source window starts)."""
    da, db = owner[pairs[:, 0]], owner[pairs[:, 1]]
    wa, wb = starts[pairs[:, 0]], starts[pairs[:, 1]]
    da, db, wa, wb = (np.concatenate([x, y]) for x, y in zip((da, db, wa, wb), extra))
    if not len(da):
        return []
    swap = da > db
    da, db, wa, wb = np.where(swap, db, da), np.where(swap, da, db), np.where(swap, wb, wa), np.where(swap, wa, wb)
    keep = da != db
    if has_reference:
        keep &= (da < n_corpus) & (db >= n_corpus)
    da, db, wa, wb = da[keep], db[keep], wa[keep], wb[keep]
    order = np.lexsort((wb, wa, db, da))
    da, db, wa, wb = da[order], db[order], wa[order], wb[order]
    boundary = np.flatnonzero(np.concatenate(([True], (da[1:] != da[:-1]) | (db[1:] != db[:-1]), [True])))
    jobs = []
    for lo, hi in zip(boundary[:-1], boundary[1:]):
        a, b = int(da[lo]), int(db[lo])
        if everything[a].path and everything[a].path == everything[b].path:
            continue  # the same file given twice
        jobs.append((prepared[a], prepared[b], np.unique(wa[lo:hi]), np.unique(wb[lo:hi])))
    return jobs


def _direction(date: str, source_date: str) -> str:
    if not date or not source_date:
        return "undated"
    a, b = [int(x) for x in date.split("-")], [int(x) for x in source_date.split("-")]
    n = min(len(a), len(b))
    if b[:n] < a[:n]:
        return "earlier_source"
    if b[:n] > a[:n]:
        return "later"
    return "same_date"


def _tables(prepared, jobs, aligned, stock, postings, *, n_corpus, has_reference, params, all_sources) -> ReuseResult:  # type: ignore[no-untyped-def]
    k = params.shingle
    stock_cover: dict[int, np.ndarray] = {}
    limit = params.stock_share * len(prepared)

    def cover(doc: ReuseText) -> np.ndarray:
        if doc.key not in stock_cover:
            mask = covered_mask(len(doc.kept), _member(doc.hashes, stock), k)
            stock_cover[doc.key] = np.concatenate(([0], np.cumsum(mask)))
        return stock_cover[doc.key]

    rows = []
    n_stock = 0
    for (a, b, _, _), passages in zip(jobs, aligned):
        for i0, i1, j0, j1, identical, columns in passages:
            similarity = identical / columns if columns else 0.0
            sides = [(a, b, i0, i1, j0, j1)]
            if not has_reference:
                sides.append((b, a, j0, j1, i0, i1))
            for t, s, ti0, ti1, si0, si1 in sides:
                start, end = int(t.offsets[ti0]), int(t.offsets[ti1 - 1]) + 1
                if end - start < params.min_chars or similarity < params.min_similarity:
                    continue
                n_docs = postings.docs_containing(t.hashes[ti0:max(ti0 + 1, ti1 - k + 1)])
                if n_docs > limit and n_docs >= params.stock_min_docs:
                    n_stock += 1  # the whole passage is a stock phrase
                    continue
                c = cover(t)
                stock_share = float(c[ti1] - c[ti0]) / (ti1 - ti0)
                s_start, s_end = int(s.offsets[si0]), int(s.offsets[si1 - 1]) + 1
                rows.append((t.key, s.key, start, end, s_start, s_end, identical, similarity, stock_share))

    rows = _best_sources(rows) if not all_sources else rows
    rows.sort(key=lambda r: (r[0], r[2], r[3], r[1]))
    by_key = {doc.key: doc for doc in prepared}
    records = []
    for tk, sk, start, end, s_start, s_end, _, similarity, stock_share in rows:
        t, s = by_key[tk], by_key[sk]
        records.append((
            t.doc_id, start, end, s.doc_id, s_start, s_end, end - start, round(similarity, 4),
            t.text[start:end], s.text[s_start:s_end], _direction(t.date, s.date), t.date, s.date, round(stock_share, 4),
        ))
    passages = pd.DataFrame.from_records(records, columns=PASSAGE_COLUMNS)
    stock_table, stock_chars = stock_phrases(prepared, stock, n_docs=len(prepared), params=params)
    docs = _doc_table([d for d in prepared if d.key < n_corpus], rows, by_key, stock_chars)
    return ReuseResult(passages=passages, docs=docs, stock=stock_table, params=params, n_stock_passages=n_stock)


def _best_sources(rows: list[tuple]) -> list[tuple]:
    """Per target speech, drop a passage when more than half of it lies in a better passage already kept."""
    by_target: dict[int, list[tuple]] = {}
    for row in rows:
        by_target.setdefault(row[0], []).append(row)
    kept_all = []
    for target_rows in by_target.values():
        # most identical characters first; then the earlier source (smaller key on a tie), then position
        target_rows.sort(key=lambda r: (-r[6], r[1], r[2]))
        kept: list[tuple] = []
        for row in target_rows:
            length = row[3] - row[2]
            overlap = sum(max(0, min(row[3], k[3]) - max(row[2], k[2])) for k in kept)
            if overlap * 2 > length:
                continue
            kept.append(row)
        kept_all.extend(kept)
    return kept_all


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _doc_table(corpus_docs, rows, by_key, stock_chars) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    spans: dict[int, list[tuple[int, int]]] = {}
    per_source: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for tk, sk, start, end, *_ in rows:
        spans.setdefault(tk, []).append((start, end))
        per_source.setdefault(tk, {}).setdefault(sk, []).append((start, end))
    records = []
    for doc in corpus_docs:
        n_chars = len(doc.text)
        reused = _union_length(spans.get(doc.key, []))
        sources = per_source.get(doc.key, {})
        top, top_chars = "", 0
        for sk, source_spans in sorted(sources.items()):
            chars = _union_length(source_spans)
            if chars > top_chars:
                top, top_chars = by_key[sk].doc_id, chars
        records.append((doc.doc_id, doc.date, n_chars, reused, round(reused / n_chars, 4) if n_chars else 0.0, top, top_chars, len(sources), stock_chars.get(doc.key, 0)))
    return pd.DataFrame.from_records(records, columns=DOC_COLUMNS)
