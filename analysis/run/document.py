"""One speech, start to finish: read, clean, outline, segment, match terms, extract quotas.

:func:`document_process` is a module-level function of picklable arguments,
so it runs the same in this process, in a process pool, or on Dask workers
(:mod:`analysis.run.executors`).  :func:`document_process_cached` goes through
the on-disk cache (:mod:`analysis.run.cache`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from ..ingest import Document, FileRecord, document_read
from ..ingest.readers import EmptyDocument, ReadError, read_file_bytes
from ..measures.formulations import formulations_find_columns
from ..measures.near_duplicates import sentence_hashes
from ..measures.indicators import indicators_cached
from ..measures.quotas import quotas_extract_columns
from ..measures.target_outcomes import outcomes_extract_columns
from ..measures.targets import targets_extract_columns
from ..measures.terms import terms_match_columns
from ..text.outline import outline_sentences, sentence_of_positions
from .options import Options, tools_for
from .results import MATCH_SCHEMA, SENTENCE_SCHEMA, TOKEN_SCHEMA, DocResult, columns_table

def document_process(
    path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options, *, data: bytes | None = None
) -> DocResult:
    """Read and analyse one speech file.  Never raises for a bad file.

    ``data``: the file's bytes when already read (analysed as they are).

    An unexpected error (a bug, or a text no rule foresaw) becomes an
    ``error`` record naming its cause, so that one odd speech does not stop a
    corpus run; such a result is not cached.
    """
    try:
        doc = document_read(path, rel_path, table_row=table_row, max_mb=options.max_mb, data=data)
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
    tokens = segmenter.segment_columns(text)
    words = tokens.words
    starts = [s.start for s in sentences]
    token_table = pa.table(
        [
            pa.DictionaryArray.from_arrays(np.zeros(len(words), dtype=np.int32), pa.array([doc.doc_id], pa.string())),
            sentence_of_positions(starts, tokens.starts).astype(np.int32),
            tokens.starts,
            tokens.ends,
            words,
            tokens.stopword,
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
    content = tokens.content

    meta = doc.metadata
    indicators = indicators_cached(options.indicators)
    targets = targets_extract_columns(text, doc_id=doc.doc_id, date=meta.date.iso(), year=meta.date.year, indicators=indicators)
    outcomes = outcomes_extract_columns(text, doc_id=doc.doc_id, year=meta.date.year, indicators=indicators)
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
        matches=columns_table(match_columns, MATCH_SCHEMA),
        quotas=quotas,
        formulations=formulations,
        targets=targets,
        outcomes=outcomes,
        token_counts=pa.table({"token": pa.array(list(content), pa.string()), "count": pa.array(list(content.values()), pa.int64())}),
        sentence_hashes=sentence_hashes(s.text for s in sentences),
        changes=doc.cleaned.change_counts(),
        headings={s.section: s.heading for s in sentences},
    )


def _limit(options: Options) -> int:
    return int(options.max_mb * 1_000_000)


def _key_of_bytes(data: bytes, path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options) -> str:
    from dataclasses import replace

    from analysis.run.cache import cache_key

    lexicon, segmenter = tools_for(options)
    from analysis.ingest.discover import doc_id_for

    return cache_key(
        data,
        rel_path,
        doc_id_for(path, rel_path),  # a sibling with the same stem changes it
        sorted((table_row or {}).items()),
        repr(replace(options, cache=True)),
        lexicon.fingerprint(),
        segmenter.fingerprint(),
        indicators_cached(options.indicators).fingerprint(),
    )


def cache_key_of(path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options) -> str | None:
    """The cache key of one speech, or None when it should not be cached (unreadable, oversized, not a file)."""
    try:
        data = read_file_bytes(path, max_bytes=_limit(options))
    except ReadError:
        return None
    return _key_of_bytes(data, path, rel_path, table_row, options)


def cached_result(key: str | None) -> DocResult | None:
    """The cached result under ``key``, marked as cached; None on a miss.

    An entry that does not hold a speech's result is removed (a miss).
    """
    if key is None:
        return None
    from analysis.run.cache import cache_get, cache_remove

    from .entries import DOC_KIND, EntryError, doc_from_entry

    entry = cache_get(key, DOC_KIND)
    if entry is None:
        return None
    try:
        hit = doc_from_entry(entry)
    except EntryError:
        cache_remove(key)
        return None
    hit.cached = True
    hit.key = key
    return hit


def document_process_cached(
    path: Path, rel_path: str, table_row: dict[str, str] | None, options: Options, *, key: str | None = None
) -> DocResult:
    """:func:`document_process` through the on-disk cache (see :mod:`analysis.run.cache`).

    ``key``: the speech's cache key when the caller has computed it already
    (a lookup only).  The file is read once: the result is stored under the
    key of the very bytes analysed, and ``result.key`` says which, so that a
    file edited during a run never has the new analysis stored under the
    old content's key.
    """
    if not options.cache:
        return document_process(path, rel_path, table_row, options)
    from analysis.run.cache import cache_put

    from .entries import doc_entry

    hit = cached_result(key)
    if hit is not None:
        return hit
    try:
        data = read_file_bytes(path, max_bytes=_limit(options))
    except ReadError:
        return document_process(path, rel_path, table_row, options)  # says why it cannot be read; not cached
    own_key = _key_of_bytes(data, path, rel_path, table_row, options)
    if own_key != key:
        hit = cached_result(own_key)  # the file changed since ``key`` was made
        if hit is not None:
            return hit
    result = document_process(path, rel_path, table_row, options, data=data)
    result.key = own_key
    if result.cacheable:
        cache_put(own_key, doc_entry(result))
    return result
