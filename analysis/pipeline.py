"""The whole job: from a folder of speeches to the tables a researcher reads.

:func:`document_process` does everything that concerns one speech (read,
clean, outline, segment, match lexicon terms, extract quotas and numbered
formulations).  It is a module-level function of picklable arguments, so it
runs the same in this process, in a process pool, or on Dask workers.
:func:`corpus_run` then does what needs the whole corpus (near-duplicates,
TF-IDF keywords) and :func:`outputs_write` writes the documented files.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from . import __version__
from .formulations import FORMULATION_COLUMNS, formulations_find_columns
from .ingest import DEFAULT_MAX_MB, Discovery, Document, FileRecord, corpus_discover, document_read
from .lexicon import Lexicon, lexicon_default, lexicon_extend, lexicon_load
from .metadata import PartialDate
from .outline import outline_sentences, sentence_of_positions
from .quotas import QUOTA_COLUMNS, quotas_extract_columns
from .readers import EmptyDocument, ReadError
from .segment import Segmenter, engine_default, load_stopwords
from .terms import DocumentTermMatrix, dtm_build, keywords_tfidf, terms_count, terms_match_columns
from .themes import themes_by_section, themes_distribution

__all__ = [
    "Options",
    "Selection",
    "DocResult",
    "CorpusResult",
    "document_process",
    "corpus_run",
    "outputs_write",
    "duplicates_flag",
    "CORPUS_COLUMNS",
    "REPORT_COLUMNS",
]

CORPUS_COLUMNS = [
    "doc_id", "path", "title", "date", "year", "month", "day", "date_source", "meeting_type", "speaker",
    "n_chars_raw", "n_chars", "n_tokens", "traditional", "duplicate_of",
    "n_sentences", "n_placeholders", "encoding", "title_source", "meeting_type_source", "speaker_source",
]
REPORT_COLUMNS = ["path", "status", "reason", "notes"]
TOKEN_COLUMNS = ["doc_id", "sentence", "start", "end", "token", "stopword"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "section", "heading", "text"]
# Per-speech tables travel (from workers, through the cache) as Arrow tables:
# cheaper to build, pickle and concatenate than a DataFrame per speech.
# A speech's doc_id repeats on every token: dictionary-encoded it costs one
# index a token; Parquet files store it as plain strings (see ParquetSink).
_S, _I, _F, _B = pa.large_string(), pa.int64(), pa.float64(), pa.bool_()
TOKEN_SCHEMA = pa.schema(
    list(zip(TOKEN_COLUMNS, [pa.dictionary(pa.int32(), pa.string()), pa.int32(), _I, _I, pa.string(), _B]))
)
SENTENCE_SCHEMA = pa.schema(list(zip(SENTENCE_COLUMNS, [_S, _I, _I, _I, _S, _S, _S])))
QUOTA_SCHEMA = pa.schema(
    list(zip(QUOTA_COLUMNS, [_S, _S, _S, _S, _I, _I, _F, _F, _S, _S, _S, _S, _B, _S, _S, _S]))
)
FORMULATION_SCHEMA = pa.schema(list(zip(FORMULATION_COLUMNS, [_S, _S, _I, _I, _I, _S, _I, _B])))
MATCH_SCHEMA = pa.schema(
    [("doc_id", pa.large_string()), ("term", pa.large_string()), ("theme", pa.large_string()), ("subtheme", pa.large_string()),
     ("matched", pa.large_string()), ("start", pa.int64()), ("end", pa.int64()), ("sentence", pa.int64()), ("section", pa.large_string())]
)


@dataclass(frozen=True)
class Selection:
    """Which speeches to keep, by metadata (all of them by default).

    ``meeting_type`` matches the metadata field or the part of the file name
    after its date (``2023-02-21_politburo-meeting.txt`` → ``politburo-meeting``);
    ``since``/``until`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and keep
    speeches whose known date falls within them (speeches without a year are
    left out when either is given); ``speaker`` matches a substring.
    """

    meeting_type: str = ""
    since: str = ""
    until: str = ""
    speaker: str = ""

    def __bool__(self) -> bool:
        return bool(self.meeting_type or self.since or self.until or self.speaker)

    def excludes(self, doc: Document) -> str:
        """Why the selection leaves a speech out ('' when it keeps it)."""
        meta = doc.metadata
        if self.meeting_type:
            from .metadata import meeting_type_from_filename

            types = {meta.meeting_type, meeting_type_from_filename(Path(doc.path).stem)}
            if self.meeting_type not in types:
                return f"excluded by --meeting-type {self.meeting_type} (meeting type: {meta.meeting_type or 'unknown'})"
        if self.since or self.until:
            if meta.date.year is None:
                return "excluded by --since/--until: year unknown"
            key = _date_key(meta.date)
            if self.since and key < _bound_key(self.since, end=False):
                return f"excluded by --since {self.since} (date {meta.date.iso()})"
            if self.until and key > _bound_key(self.until, end=True):
                return f"excluded by --until {self.until} (date {meta.date.iso()})"
        if self.speaker and self.speaker not in meta.speaker:
            return f"excluded by --speaker {self.speaker}"
        return ""


def _date_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 0, date.day or 0)


def _bound_key(value: str, *, end: bool) -> tuple[int, int, int]:
    from .metadata import parse_date

    date = parse_date(value)
    if date.year is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    fill = 99 if end else 0
    return (date.year, date.month if date.month is not None else fill, date.day if date.day is not None else fill)


@dataclass(frozen=True)
class Options:
    """Everything that changes results; recorded in ``run.json``."""

    lexicon: str = ""  # a lexicon file; '' for the bundled default
    extend_default: bool = False  # add the lexicon file to the default instead of replacing it
    stopwords: str = ""  # a stopword file; '' for the bundled list
    segmenter: str = field(default_factory=engine_default)  # rjieba when installed, else jieba
    max_mb: float = DEFAULT_MAX_MB
    selection: Selection = field(default_factory=Selection)
    n_keywords: int = 20
    cache: bool = True  # reuse per-speech (and whole-run) results from the on-disk cache


@lru_cache(maxsize=4)
def _tools(lexicon_path: str, extend_default: bool, stopwords_path: str, engine: str) -> tuple[Lexicon, Segmenter]:
    """The lexicon and segmenter for a set of options, built once per process."""
    if lexicon_path:
        lexicon = lexicon_load(lexicon_path)
        if extend_default:
            lexicon = lexicon_extend(lexicon_default(), lexicon)
    else:
        lexicon = lexicon_default()
    stopwords = load_stopwords(stopwords_path or None)
    return lexicon, Segmenter(lexicon=lexicon, stopwords=stopwords, engine=engine)  # type: ignore[arg-type]


def tools_for(options: Options) -> tuple[Lexicon, Segmenter]:
    """The (cached) lexicon and segmenter that ``options`` ask for."""
    return _tools(options.lexicon, options.extend_default, options.stopwords, options.segmenter)


@dataclass
class DocResult:
    """Everything :func:`document_process` learns about one file."""

    record: FileRecord
    row: dict[str, Any] | None = None
    tokens: pa.Table | None = None  # TOKEN_SCHEMA
    sentences: pa.Table | None = None  # SENTENCE_SCHEMA
    matches: pa.Table | None = None  # MATCH_SCHEMA
    # Usually a few rows: column lists pickle faster than an Arrow table of 16 columns.
    quotas: dict[str, list] | None = None  # QUOTA_COLUMNS → values
    formulations: dict[str, list] | None = None  # FORMULATION_COLUMNS → values
    token_counts: pa.Table | None = None  # content words: token, count
    sentence_hashes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))  # distinct, uint64
    changes: dict[str, int] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # section id → heading
    cached: bool = False
    cacheable: bool = True  # False after an unexpected error: the next run tries again

    @property
    def ok(self) -> bool:
        return self.record.status == "ok"


_HASHABLE = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")


def _sentence_hashes(sentences: Iterable[str]) -> np.ndarray:
    """Stable hashes of normalised sentences (punctuation and spaces removed), distinct, as uint64."""
    hashes = set()
    for sentence in sentences:
        core = _HASHABLE.sub("", sentence)
        if len(core) >= 8:
            hashes.add(int.from_bytes(hashlib.blake2b(core.encode(), digest_size=8).digest(), "big"))
    return np.fromiter(hashes, dtype=np.uint64, count=len(hashes))


def document_process(path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options) -> DocResult:
    """Read and analyse one speech file.  Never raises for a bad file.

    An unexpected error (a bug, or a text no rule foresaw) becomes an
    ``error`` record naming its cause, so that one odd speech does not stop a
    corpus run; such a result is not cached.
    """
    try:
        doc = document_read(path, rel_path, table_row=table_row, max_mb=options.max_mb)
    except EmptyDocument as err:
        return DocResult(FileRecord(rel_path, "skipped", str(err)))
    except ReadError as err:
        return DocResult(FileRecord(rel_path, "error", str(err)))
    except Exception as err:  # noqa: BLE001
        return _failed(rel_path, "reading", err, "")
    notes = "; ".join(doc.notes)
    excluded = options.selection.excludes(doc)
    if excluded:
        return DocResult(FileRecord(rel_path, "skipped", excluded, notes))
    try:
        return _document_analyse(doc, rel_path, notes, options)
    except Exception as err:  # noqa: BLE001
        return _failed(rel_path, "analysis", err, notes)


def _failed(rel_path: str, step: str, err: Exception, notes: str) -> DocResult:
    reason = f"{step} failed ({type(err).__name__}: {err}); please report this file to the project"
    return DocResult(FileRecord(rel_path, "error", reason, notes), cacheable=False)


def _document_analyse(doc: Document, rel_path: str, notes: str, options: Options) -> DocResult:
    lexicon, segmenter = tools_for(options)
    text = doc.text
    sentences = outline_sentences(text)
    words, token_starts, token_ends, stop_flags = segmenter.token_columns(text)
    starts = [s.start for s in sentences]
    token_table = pa.table(
        [
            pa.DictionaryArray.from_arrays(np.zeros(len(words), dtype=np.int32), pa.array([doc.doc_id], pa.string())),
            sentence_of_positions(starts, token_starts).astype(np.int32),
            token_starts,
            token_ends,
            pa.array(words, pa.string()),
            stop_flags,
        ],
        schema=TOKEN_SCHEMA,
    )
    sentence_table = pa.table(
        [
            [doc.doc_id] * len(sentences),
            [s.index for s in sentences],
            starts,
            [s.end for s in sentences],
            [s.section for s in sentences],
            [s.heading for s in sentences],
            [s.text for s in sentences],
        ],
        schema=SENTENCE_SCHEMA,
    )
    match_columns = terms_match_columns(doc.doc_id, text, lexicon, sentences)
    quotas = quotas_extract_columns(text, doc_id=doc.doc_id, lexicon=lexicon, sentences=sentences, matches=match_columns)
    formulations = formulations_find_columns(doc.doc_id, text, lexicon=lexicon)
    content = segmenter.content_counts(words)

    meta = doc.metadata
    row = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "title": meta.title,
        "date": meta.date.iso(),
        "year": meta.date.year,
        "month": meta.date.month,
        "day": meta.date.day,
        "date_source": meta.sources.get("date", ""),
        "meeting_type": meta.meeting_type,
        "speaker": meta.speaker,
        "n_chars_raw": len(doc.raw_text),
        "n_chars": len(text),
        "n_tokens": len(words),
        "traditional": doc.traditional,
        "duplicate_of": "",
        "n_sentences": len(sentences),
        "n_placeholders": len(doc.cleaned.placeholders),
        "encoding": doc.encoding,
        "title_source": meta.sources.get("title", ""),
        "meeting_type_source": meta.sources.get("meeting_type", ""),
        "speaker_source": meta.sources.get("speaker", ""),
    }
    return DocResult(
        record=FileRecord(rel_path, "ok", "ok", notes),
        row=row,
        tokens=token_table,
        sentences=sentence_table,
        matches=_columns_table(match_columns, MATCH_SCHEMA),
        quotas=quotas,
        formulations=formulations,
        token_counts=pa.table({"token": pa.array(list(content), pa.string()), "count": pa.array(list(content.values()), pa.int64())}),
        sentence_hashes=_sentence_hashes(s.text for s in sentences),
        changes=doc.cleaned.change_counts(),
        headings={s.section: s.heading for s in sentences},
    )


def _cache_key(path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options) -> str | None:
    """The cache key of one speech, or None when it should not be cached (unreadable, oversized)."""
    from dataclasses import replace

    from .cache import cache_key

    try:
        if path.stat().st_size > options.max_mb * 1_000_000:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    lexicon, segmenter = tools_for(options)
    return cache_key(
        data,
        rel_path,
        sorted((table_row or {}).items()),
        repr(replace(options, cache=True)),
        lexicon.fingerprint(),
        segmenter.fingerprint(),
    )


def cached_result(key: str | None) -> DocResult | None:
    """The cached result under ``key``, marked as cached; None on a miss."""
    if key is None:
        return None
    from .cache import cache_get

    hit = cache_get(key)
    if isinstance(hit, DocResult):
        hit.cached = True
        return hit
    return None


def document_process_cached(
    path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options, *, key: str | None = None
) -> DocResult:
    """:func:`document_process` through the on-disk cache (see :mod:`analysis.cache`).

    ``key``: the speech's cache key when the caller has computed it already.
    """
    if not options.cache:
        return document_process(path, rel_path, table_row, options)
    from .cache import cache_put

    key = key or _cache_key(path, rel_path, table_row, options)
    hit = cached_result(key)
    if hit is not None:
        return hit
    result = document_process(path, rel_path, table_row, options)
    if key is not None and result.cacheable:
        cache_put(key, result)
    return result


_COMMON_SENTENCE = 1000


def duplicates_flag(hashes: Sequence[tuple[str, Collection[int]]], *, threshold: float = 0.8) -> dict[str, str]:
    """Near-duplicates: ``doc_id → doc_id of the earlier document it copies``.

    A document is a near-duplicate when at least ``threshold`` of its
    sentences (normalised: punctuation and spaces removed, at least 8
    characters) also stand in one earlier document, in input order (paths
    sorted).  When several earlier documents qualify, the one sharing most
    is named.  Each document's hashes are distinct unsigned 64-bit values
    (a set, or an array).  A sentence found in more than 1,000 documents
    counts as a stock phrase: it stays in each document's total but is
    shared with none.
    """
    arrays = [hs if isinstance(hs, np.ndarray) else np.fromiter(hs, dtype=np.uint64, count=len(hs)) for _, hs in hashes]
    sizes = np.array([len(a) for a in arrays], dtype=np.int64)
    values = np.concatenate(arrays).astype(np.uint64, copy=False) if arrays else np.empty(0, dtype=np.uint64)
    docs = np.repeat(np.arange(len(hashes), dtype=np.int64), sizes)
    # Sentences grouped by hash, documents in input order within a group (a
    # stable sort keeps that order): every (later, earlier) pair in a group is
    # one sentence the two share.
    order = np.argsort(values, kind="stable")
    values, docs = values[order], docs[order]
    group_start = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.empty(0, dtype=np.int64)
    group_size = np.diff(np.r_[group_start, len(values)])
    later_parts, earlier_parts = [], []
    # A sentence in more than _COMMON_SENTENCE speeches (a stock phrase, a site
    # footer) says nothing about which speech copies which, and its pairs
    # would grow with the square of its count.
    for size in np.unique(group_size[(group_size > 1) & (group_size <= _COMMON_SENTENCE)]).tolist():
        members = docs[group_start[group_size == size][:, None] + np.arange(size)]  # one row per group
        for b in range(1, size):
            later_parts.append(np.repeat(members[:, b], b))
            earlier_parts.append(members[:, :b].ravel())
    if not later_parts:
        return {}
    n = len(hashes)
    pairs, shared = np.unique(np.concatenate(later_parts) * n + np.concatenate(earlier_parts), return_counts=True)
    later, earlier = pairs // n, pairs % n
    # For each later document the earlier one sharing most (the first in input order on a tie).
    best = np.lexsort((earlier, -shared, later))
    first = best[np.r_[True, later[best][1:] != later[best][:-1]]]
    flagged: dict[str, str] = {}
    for i, j, count in zip(later[first].tolist(), earlier[first].tolist(), shared[first].tolist()):
        if count / sizes[i] >= threshold:
            flagged[hashes[i][0]] = hashes[j][0]
    return flagged


@dataclass
class CorpusResult:
    """All tables of a run (see the README's *Outputs* section for their columns)."""

    corpus: pd.DataFrame
    report: pd.DataFrame
    sentences: pd.DataFrame | None  # None when streamed to disk (``stream_to``)
    matches: pd.DataFrame
    term_counts: pd.DataFrame
    themes: pd.DataFrame
    section_themes: pd.DataFrame
    keywords: pd.DataFrame
    formulations: pd.DataFrame
    quotas: pd.DataFrame
    dtm: DocumentTermMatrix
    options: Options
    lexicon: Lexicon
    inputs: list[str]
    started: str
    seconds: float
    cleaning_changes: dict[str, int]
    cache_hits: int = 0
    unmatched_rows: list[str] = field(default_factory=list)
    tokens: pd.DataFrame | None = None  # None when streamed to disk (``stream_to``)

    @property
    def n_ok(self) -> int:
        return int((self.report["status"] == "ok").sum())


def _iterate(
    tasks: list[tuple[Path, str, dict[str, str] | None]],
    options: Options,
    *,
    workers: int,
    backend: str,
    scheduler: str | None,
    keys: list[str | None] | None = None,
) -> Iterator[DocResult]:
    if backend == "dask":
        from .parallel import process_on_dask

        yield from process_on_dask(tasks, options, scheduler=scheduler, workers=workers)
        return
    if backend != "local":
        raise ValueError(f"unknown backend {backend!r}: use local or dask")
    if workers <= 1 or len(tasks) < 8:
        for (path, rel, row), key in zip(tasks, keys or [None] * len(tasks)):
            yield document_process_cached(path, rel, row, options, key=key)
        return
    from .parallel import process_in_pool

    yield from process_in_pool(tasks, options, workers=workers, keys=keys)


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
    from tqdm import tqdm

    options = options or Options()
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    clock = time.perf_counter()
    discovery: Discovery = corpus_discover(list(inputs), metadata=metadata)
    lexicon, _ = tools_for(options)
    tasks = [(path, rel, discovery.table_row(rel)) for path, rel in discovery.speeches]
    keys = [_cache_key(path, rel, row, options) for path, rel, row in tasks] if options.cache else None
    # Whole runs are cached only when their two large tables stream to files:
    # an in-memory result holding every token would be pickled in one piece.
    run_key = _run_key(keys, discovery, options, inputs, metadata) if keys and stream_to is not None else None
    if run_key is not None:
        reused = _run_reuse(run_key, stream_to, started=started, clock=clock, n_speeches=len(tasks))
        if reused is not None:
            return reused

    records: list[FileRecord] = list(discovery.records)
    rows, matches = [], []
    quotas: dict[str, list] = {name: [] for name in QUOTA_COLUMNS}
    formulations: dict[str, list] = {name: [] for name in FORMULATION_COLUMNS}
    kept: dict[str, list[pa.Table]] = {"tokens": [], "sentences": []}
    headings: dict[tuple[str, str], str] = {}
    counters: list[tuple[str, pa.Table]] = []
    hashes: list[tuple[str, np.ndarray]] = []
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
    try:
        work = _iterate(tasks, options, workers=workers, backend=backend, scheduler=scheduler, keys=keys)
        for result in tqdm(work, total=len(tasks), disable=not show, unit="file", desc="speeches"):
            records.append(result.record)
            cache_hits += result.cached
            all_cacheable = all_cacheable and result.cacheable
            if not result.ok:
                continue
            assert result.row is not None
            doc_id = result.row["doc_id"]
            rows.append(result.row)
            matches.append(result.matches)
            for gathered, columns in ((quotas, result.quotas), (formulations, result.formulations)):
                for name, values in (columns or {}).items():
                    gathered[name].extend(values)
            counters.append((doc_id, result.token_counts))
            hashes.append((doc_id, result.sentence_hashes))
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
        duplicates = duplicates_flag(hashes)
        corpus["duplicate_of"] = [duplicates.get(d, "") for d in corpus["doc_id"]]
        dates = dict(zip(corpus["doc_id"], corpus["date"]))
        n_chars = dict(zip(corpus["doc_id"], corpus["n_chars"]))

        all_matches = _tables_frame(matches, MATCH_SCHEMA)
        term_counts = terms_count(all_matches, n_chars=n_chars)
        term_counts.insert(1, "date", term_counts["doc_id"].map(dates))
        themes = themes_distribution(all_matches, n_chars=n_chars)
        themes.insert(1, "date", themes["doc_id"].map(dates))
        section_themes = themes_by_section(all_matches, headings=headings)
        dtm = dtm_build(counters)
        keywords = keywords_tfidf(dtm, n=options.n_keywords)

        report = pd.DataFrame([asdict(r) for r in records], columns=REPORT_COLUMNS)
        order = {rel: i for i, (_, rel) in enumerate(discovery.speeches)}
        report["_order"] = report["path"].map(order).fillna(-1)
        report = report.sort_values(["_order", "path"], kind="stable").drop(columns="_order").reset_index(drop=True)
        result = CorpusResult(
            corpus=corpus,
            report=report,
            sentences=None if sinks else _tables_frame(kept["sentences"], SENTENCE_SCHEMA),
            matches=all_matches,
            term_counts=term_counts,
            themes=themes,
            section_themes=section_themes,
            keywords=keywords,
            formulations=_tables_frame([_columns_table(formulations, FORMULATION_SCHEMA)], FORMULATION_SCHEMA),
            quotas=_tables_frame([_columns_table(quotas, QUOTA_SCHEMA)], QUOTA_SCHEMA),
            dtm=dtm,
            options=options,
            lexicon=lexicon,
            inputs=[str(p) for p in inputs],
            started=started,
            seconds=round(time.perf_counter() - clock, 2),
            cleaning_changes=dict(changes),
            cache_hits=cache_hits,
            unmatched_rows=discovery.unmatched_rows,
            tokens=None if sinks else _tables_frame(kept["tokens"], TOKEN_SCHEMA),
        )
    finally:
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

    from .cache import cache_key

    if any(key is None for key in keys):
        return None
    records = [(r.path, r.status, r.reason, r.notes) for r in discovery.records]
    parts = ("run", keys, records, discovery.unmatched_rows, [str(p) for p in inputs], str(metadata or ""), repr(replace(options, cache=True)))
    return cache_key(b"", *parts)


def _run_reuse(key: str, stream_to: str | Path, *, started: str, clock: float, n_speeches: int) -> CorpusResult | None:
    """The cached result of an identical run (its Parquet tables copied into ``stream_to``); None on a miss."""
    import shutil

    from .cache import cache_file, cache_get

    hit = cache_get(key)
    if not isinstance(hit, CorpusResult):
        return None
    stored = [cache_file(key, name) for name in _RUN_FILES]
    if not all(path.is_file() for path in stored):
        return None
    folder = Path(stream_to)
    folder.mkdir(parents=True, exist_ok=True)
    for path, name in zip(stored, _RUN_FILES):
        shutil.copyfile(path, folder / name)
    hit.started = started
    hit.seconds = round(time.perf_counter() - clock, 2)
    hit.cache_hits = n_speeches
    return hit


def _run_store(key: str, result: CorpusResult, stream_to: Path) -> None:
    """Keep a run's result and its streamed Parquet tables for an identical re-run; skipped silently on failure."""
    import os
    import shutil
    import tempfile

    from .cache import cache_file, cache_put

    try:
        for name in _RUN_FILES:
            target = cache_file(key, name)
            # Copied under a temporary name, then renamed: a run killed midway leaves no half file behind a valid entry.
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as handle:
                temporary = Path(handle.name)
            shutil.copyfile(stream_to / name, temporary)
            os.replace(temporary, target)
    except OSError:
        return
    cache_put(key, result)


def _columns_table(columns: dict[str, Any], schema: pa.Schema) -> pa.Table:
    """A dict of equal-length columns as an Arrow table of ``schema`` (in its column order)."""
    return pa.table([columns[name] for name in schema.names], schema=schema)


def _tables_frame(tables: list[pa.Table], schema: pa.Schema) -> pd.DataFrame:
    """Per-speech Arrow tables as one DataFrame (dictionary-encoded columns as plain values)."""
    return pa.concat_tables([schema.empty_table(), *tables]).cast(_plain(schema)).to_pandas()


def _plain(schema: pa.Schema) -> pa.Schema:
    return pa.schema([(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in schema])


def _versions() -> dict[str, str]:
    from importlib import metadata

    names = ["pandas", "jieba", "rjieba", "matplotlib", "wordcloud", "numpy", "scipy", "pyarrow", "opencc-python-reimplemented", "PyYAML"]
    versions = {"python": platform.python_version(), "analysis": __version__}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def run_manifest(result: CorpusResult) -> dict[str, Any]:
    """What ``run.json`` records: versions, lexicon, options, inputs, timing."""
    options = asdict(result.options)
    return {
        "tool": "zh-speech-analysis",
        "versions": _versions(),
        "lexicon": {
            "name": result.lexicon.name,
            "version": result.lexicon.version,
            "source": result.lexicon.source,
            "sha256_16": result.lexicon.fingerprint(),
            "n_terms": len(result.lexicon.terms),
            "n_themes": len(result.lexicon.themes),
        },
        "options": options,
        "inputs": result.inputs,
        "started": result.started,
        "seconds": result.seconds,
        "counts": {
            "files": len(result.report),
            **result.report["status"].value_counts().to_dict(),
            "duplicates": int((result.corpus["duplicate_of"] != "").sum()),
        },
        "cleaning_changes": result.cleaning_changes,
        "cache_hits": result.cache_hits,
        "metadata_rows_without_file": result.unmatched_rows,
    }


def _csv(frame: pd.DataFrame, path: Path) -> None:
    # A BOM so that Excel opens the UTF-8 file with Chinese intact.
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def outputs_write(result: CorpusResult, out: Path) -> list[Path]:
    """Write the documented output files into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {
        "corpus.csv": result.corpus,
        "ingest_report.csv": result.report,
        "term_counts.csv": result.term_counts,
        "themes.csv": result.themes,
        "section_themes.csv": result.section_themes,
        "keywords.csv": result.keywords,
        "formulations.csv": result.formulations,
        "quotas.csv": result.quotas,
    }
    for name, frame in tables.items():
        _csv(frame, out / name)
        written.append(out / name)
    # Tables streamed to disk during the run are already there.
    for name, frame in (("sentences.parquet", result.sentences), ("term_matches.parquet", result.matches), ("tokens.parquet", result.tokens)):
        if frame is not None:
            frame.to_parquet(out / name, index=False)
        if (out / name).exists():
            written.append(out / name)
    (out / "run.json").write_text(json.dumps(run_manifest(result), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    written.append(out / "run.json")
    return written


class ParquetSink:
    """Append Arrow tables of one schema to a Parquet file as they arrive (bounded memory).

    Tables are buffered up to ``batch_rows`` rows and written as one row
    group, by a background thread: Parquet encoding releases the GIL, so it
    overlaps with the work of collecting results.  At most one batch is
    being written while the next fills.  ``close`` waits for the writes and
    always leaves a valid file, empty if nothing came.
    """

    def __init__(self, path: Path, *, schema: pa.Schema, batch_rows: int = 500_000) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.path = Path(path)
        self.schema = schema
        self.batch_rows = batch_rows
        self._writer = None
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parquet")
        self._writing = None  # the Future of the batch being written

    def __call__(self, table: pa.Table) -> None:
        self._pending.append(table)
        self._pending_rows += table.num_rows
        if self._pending_rows >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        """Send what is buffered to the writing thread now."""
        tables = [t for t in self._pending if t.num_rows]
        self._pending, self._pending_rows = [], 0
        if not tables:
            return
        if self._writing is not None:
            self._writing.result()  # re-raises a failed write here
        self._writing = self._thread.submit(self._write, pa.concat_tables(tables))

    def _write(self, table: pa.Table) -> None:
        import pyarrow.parquet as pq

        if self._writer is None:
            # Without the Arrow schema stored, readers see dictionary-encoded columns as plain strings.
            self._writer = pq.ParquetWriter(self.path, self.schema, store_schema=False)
        self._writer.write_table(table)  # one row group; no need to copy chunks together first

    def close(self) -> None:
        import pyarrow.parquet as pq

        try:
            self.flush()
            if self._writing is not None:
                self._writing.result()
        finally:
            self._thread.shutdown(wait=True)
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        if not self.path.exists():
            pq.write_table(self.schema.empty_table(), self.path, store_schema=False)
