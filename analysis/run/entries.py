"""Results as cache entries: a speech's :class:`DocResult` and a whole run's :class:`CorpusResult`.

Tables travel as Arrow tables, small fields as JSON, hashes and sparse
matrices as numeric arrays (:class:`analysis.run.cache.CacheEntry`); nothing
is pickled.  Reading checks what the entry holds against the result types
(schemas, column names, field types): an entry that does not fit raises
:class:`EntryError`, and the caller treats it as a miss.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from scipy import sparse

from ..ingest import FileRecord
from ..lexicon import Lexicon
from ..measures.formulations import FORMULATION_COLUMNS
from ..measures.quotas import QUOTA_COLUMNS
from ..measures.target_outcomes import OUTCOME_COLUMNS
from ..measures.targets import TARGET_COLUMNS
from ..measures.terms import DocumentTermMatrix
from .cache import CacheEntry
from .options import Options
from .results import MATCH_SCHEMA, SENTENCE_SCHEMA, TOKEN_SCHEMA, CorpusResult, DocResult

__all__ = ["EntryError", "doc_entry", "doc_from_entry", "run_entry", "run_from_entry", "DOC_KIND", "RUN_KIND"]

DOC_KIND = "speech"
RUN_KIND = "run"
_COUNTS_SCHEMA = pa.schema([("token", pa.string()), ("count", pa.int64())])
_DOC_TABLES = {"tokens": TOKEN_SCHEMA, "sentences": SENTENCE_SCHEMA, "matches": MATCH_SCHEMA, "token_counts": _COUNTS_SCHEMA}
_RUN_FRAMES = ("corpus", "report", "matches", "term_counts", "themes", "section_themes", "keywords", "formulations", "quotas")
_RUN_TARGET_FRAMES = ("targets", "outcomes", "targets_vs_realised")  # headline targets (#15), kept when the run has them


class EntryError(Exception):
    """A cache entry that does not hold what its kind promises."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise EntryError(what)


def _columns(value: Any, names: list[str]) -> dict[str, list]:
    _check(isinstance(value, dict) and list(value) == names, "column names differ")
    lengths = {len(v) for v in value.values() if isinstance(v, list)}
    _check(len(lengths) <= 1 and all(isinstance(v, list) for v in value.values()), "columns of unequal length")
    return value


def _json_scalars(values: Any) -> bool:
    return all(v is None or isinstance(v, (str, int, float, bool)) for v in values)


# -- one speech ------------------------------------------------------------------

def doc_entry(result: DocResult) -> CacheEntry:
    """A speech's result as a cache entry."""
    record = result.record
    tables = {name: getattr(result, name) for name in _DOC_TABLES if getattr(result, name) is not None}
    return CacheEntry(
        kind=DOC_KIND,
        meta={
            "record": [record.path, record.status, record.reason, record.notes],
            "row": result.row,
            "quotas": result.quotas,
            "formulations": result.formulations,
            "targets": result.targets,
            "outcomes": result.outcomes,
            "changes": result.changes,
            "headings": result.headings,
            "key": result.key,
        },
        tables=tables,
        arrays={"sentence_hashes": np.asarray(result.sentence_hashes, dtype=np.uint64)},
    )


def doc_from_entry(entry: CacheEntry) -> DocResult:
    """The speech's result held by ``entry``.

    Raises:
        EntryError: when the entry does not fit a :class:`DocResult`.
    """
    meta = entry.meta
    record = meta.get("record")
    _check(isinstance(record, list) and len(record) == 4 and all(isinstance(v, str) for v in record), "record")
    row = meta.get("row")
    _check(row is None or (isinstance(row, dict) and _json_scalars(row.values())), "row")
    for name, schema in _DOC_TABLES.items():
        table = entry.tables.get(name)
        _check(table is None or table.schema.equals(schema), f"{name}: schema differs")
    quotas = meta.get("quotas")
    formulations = meta.get("formulations")
    if quotas is not None:
        _columns(quotas, QUOTA_COLUMNS)
    if formulations is not None:
        _columns(formulations, FORMULATION_COLUMNS)
    targets, outcomes = meta.get("targets"), meta.get("outcomes")
    if targets is not None:
        _columns(targets, TARGET_COLUMNS)
    if outcomes is not None:
        _columns(outcomes, OUTCOME_COLUMNS)
    changes, headings = meta.get("changes", {}), meta.get("headings", {})
    _check(isinstance(changes, dict) and all(isinstance(v, int) for v in changes.values()), "changes")
    _check(isinstance(headings, dict) and all(isinstance(v, str) for v in headings.values()), "headings")
    hashes = entry.arrays.get("sentence_hashes", np.empty(0, dtype=np.uint64))
    _check(hashes.dtype == np.uint64, "sentence hashes")
    status = record[1]
    _check(status in ("ok", "skipped", "error"), "status")
    if status == "ok":
        _check(row is not None and all(name in entry.tables for name in _DOC_TABLES), "an ok result lacks a table")
    return DocResult(
        record=FileRecord(*record),
        row=row,
        tokens=entry.tables.get("tokens"),
        sentences=entry.tables.get("sentences"),
        matches=entry.tables.get("matches"),
        quotas=quotas,
        formulations=formulations,
        targets=targets,
        outcomes=outcomes,
        token_counts=entry.tables.get("token_counts"),
        sentence_hashes=hashes,
        changes=changes,
        headings=headings,
        key=meta.get("key") if isinstance(meta.get("key"), str) else None,
    )


# -- a whole run ------------------------------------------------------------------

def run_entry(result: CorpusResult, files: dict[str, tuple[int, int, int]]) -> CacheEntry:
    """A whole run's result as a cache entry; ``files``: the Parquet copies kept beside it, name → (size, CRC-32, rows)."""
    tables = {name: pa.Table.from_pandas(getattr(result, name)) for name in _RUN_FRAMES}
    for name in _RUN_TARGET_FRAMES:
        if getattr(result, name) is not None:
            tables[name] = pa.Table.from_pandas(getattr(result, name), preserve_index=False)
    dtm = result.dtm
    matrix = dtm.matrix.tocsr()
    tables["dtm_vocabulary"] = pa.table({"term": pa.array(dtm.vocabulary, pa.large_string())})
    return CacheEntry(
        kind=RUN_KIND,
        meta={
            "inputs": result.inputs,
            "cleaning_changes": result.cleaning_changes,
            "unmatched_rows": result.unmatched_rows,
            "dtm_doc_ids": list(dtm.doc_ids),
            "dtm_shape": list(matrix.shape),
            "files": {name: list(value) for name, value in files.items()},
        },
        tables=tables,
        arrays={
            "dtm_data": matrix.data.astype(np.int64, copy=False),
            "dtm_indices": matrix.indices,
            "dtm_indptr": matrix.indptr,
        },
    )


def run_from_entry(entry: CacheEntry, *, options: Options, lexicon: Lexicon) -> tuple[CorpusResult, dict[str, tuple[int, int, int]]]:
    """A whole run's result held by ``entry``, and the (size, CRC-32, rows) of each Parquet copy it expects.

    Raises:
        EntryError: when the entry does not fit a :class:`CorpusResult`.
    """
    meta = entry.meta
    _check(all(name in entry.tables for name in (*_RUN_FRAMES, "dtm_vocabulary")), "a table is missing")
    try:
        frames: dict[str, pd.DataFrame] = {name: entry.tables[name].to_pandas() for name in _RUN_FRAMES}
        frames.update({name: entry.tables[name].to_pandas() for name in _RUN_TARGET_FRAMES if name in entry.tables})
        vocabulary = entry.tables["dtm_vocabulary"].column("term").to_pylist()
        shape = tuple(meta["dtm_shape"])
        doc_ids = meta["dtm_doc_ids"]
        _check(len(shape) == 2 and shape[1] == len(vocabulary) and shape[0] == len(doc_ids), "matrix shape")
        matrix = sparse.csr_matrix(
            (entry.arrays["dtm_data"], entry.arrays["dtm_indices"], entry.arrays["dtm_indptr"]), shape=shape
        )
        files = {name: (int(size), int(crc), int(rows)) for name, (size, crc, rows) in meta["files"].items()}
    except (KeyError, TypeError, ValueError, IndexError, pa.ArrowException) as err:
        raise EntryError(f"malformed run entry ({type(err).__name__})") from None
    _check(all(isinstance(v, str) for v in doc_ids + vocabulary), "matrix labels")
    _check(isinstance(meta.get("inputs"), list) and isinstance(meta.get("unmatched_rows"), list), "inputs")
    _check(isinstance(meta.get("cleaning_changes"), dict), "cleaning changes")
    result = CorpusResult(
        **frames,
        sentences=None,
        dtm=DocumentTermMatrix(matrix, doc_ids, vocabulary),
        options=options,
        lexicon=lexicon,
        inputs=meta["inputs"],
        started="",
        seconds=0.0,
        cleaning_changes=meta["cleaning_changes"],
        unmatched_rows=meta["unmatched_rows"],
        tokens=None,
    )
    return result, files
