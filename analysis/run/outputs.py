"""Writing a run's documented output files: the CSV tables, the Parquet tables and ``run.json``.

:class:`ParquetSink` streams the two large tables (a row per token, a row per
sentence) to disk while a run is under way.
"""

from __future__ import annotations

import json
import platform
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .._version import __version__
from .results import CorpusResult

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


def quotas_dated(quotas: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The quota table with each speech's ``date``, ``year``, ``month`` and ``title`` after ``doc_id`` (as ``quotas.csv`` has them)."""
    info = corpus.set_index("doc_id")
    frame = quotas.copy()
    for k, column in enumerate(("date", "year", "month", "title"), start=1):
        if column in frame.columns:
            continue
        values = frame["doc_id"].map(info[column]) if column in info.columns else pd.Series([None] * len(frame), index=frame.index)
        frame.insert(k, column, values.astype("Int64") if column in ("year", "month") else values)
    return frame


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
        "quotas.csv": quotas_dated(result.quotas, result.corpus),
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
