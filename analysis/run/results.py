"""Result types and Arrow schemas of a run: what one speech and a whole corpus yield.

They sit below the steps that build them (:mod:`analysis.run.document`,
:mod:`analysis.run.corpus`) and the writers that read them
(:mod:`analysis.run.outputs`), so that none of those imports another in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ..ingest import FileRecord
from ..lexicon import Lexicon
from ..measures.formulations import FORMULATION_COLUMNS
from ..measures.quotas import QUOTA_COLUMNS
from ..measures.terms import DocumentTermMatrix
from .options import Options

CORPUS_COLUMNS = [
    "doc_id", "path", "title", "date", "year", "month", "day", "date_source", "meeting_type", "speaker",
    "n_chars_raw", "n_chars", "n_tokens", "traditional", "duplicate_of",
    "n_sentences", "n_placeholders", "encoding", "title_source", "meeting_type_source", "speaker_source",
]
REPORT_COLUMNS = ["path", "status", "reason", "notes"]
TOKEN_COLUMNS = ["doc_id", "sentence", "start", "end", "token", "stopword"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "section", "heading", "text"]
# Per-speech tables travel (from workers, through the cache) as Arrow tables:
# cheaper to build, send between processes, store and concatenate than a DataFrame per speech.
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


@dataclass
class DocResult:
    """Everything :func:`document_process` learns about one file."""

    record: FileRecord
    row: dict[str, Any] | None = None
    tokens: pa.Table | None = None  # TOKEN_SCHEMA
    sentences: pa.Table | None = None  # SENTENCE_SCHEMA
    matches: pa.Table | None = None  # MATCH_SCHEMA
    # Usually a few rows: column lists (JSON in the cache) cost less than an Arrow table of 16 columns.
    quotas: dict[str, list] | None = None  # QUOTA_COLUMNS → values
    formulations: dict[str, list] | None = None  # FORMULATION_COLUMNS → values
    token_counts: pa.Table | None = None  # content words: token, count
    sentence_hashes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))  # distinct, uint64
    changes: dict[str, int] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # section id → heading
    targets: dict[str, list] | None = None  # TARGET_COLUMNS → values
    outcomes: dict[str, list] | None = None  # OUTCOME_COLUMNS → values
    cached: bool = False
    key: str | None = None  # the cache key of the bytes analysed (None: not cached)
    cacheable: bool = True  # False after an unexpected error: the next run tries again

    @property
    def ok(self) -> bool:
        return self.record.status == "ok"


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
    targets: pd.DataFrame | None = None  # TARGET_COLUMNS: the year's headline targets
    outcomes: pd.DataFrame | None = None  # OUTCOME_COLUMNS: outcomes stated in the reviews
    targets_vs_realised: pd.DataFrame | None = None  # REALISED_COLUMNS

    @property
    def n_ok(self) -> int:
        return int((self.report["status"] == "ok").sum())


def columns_table(columns: dict[str, Any], schema: pa.Schema) -> pa.Table:
    """A dict of equal-length columns as an Arrow table of ``schema`` (in its column order)."""
    return pa.table([columns[name] for name in schema.names], schema=schema)


def tables_frame(tables: list[pa.Table], schema: pa.Schema) -> pd.DataFrame:
    """Per-speech Arrow tables as one DataFrame (dictionary-encoded columns as plain values)."""
    return pa.concat_tables([schema.empty_table(), *tables]).cast(_plain(schema)).to_pandas()


def _plain(schema: pa.Schema) -> pa.Schema:
    return pa.schema([(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in schema])
