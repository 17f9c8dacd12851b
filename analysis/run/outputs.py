"""Writing a run's documented output files: the CSV tables, the Parquet tables and ``run.json``.

:class:`ParquetSink` streams the two large tables (a row per token, a row per
sentence) to disk while a run is under way.  :func:`outputs_staged` makes a
run's files a set: they are written into a temporary folder beside the
output folder and moved in at the end, ``run.json`` last, under a lock that
keeps a second run out.  :func:`csv_write` writes every CSV table Excel-safe
(:mod:`analysis.run.excel_safe`).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterator

import pandas as pd
import pyarrow as pa

from .._version import __version__
from .excel_safe import excel_safe_frame
from .results import CorpusResult

__all__ = ["OutputError", "csv_write", "outputs_write", "outputs_staged", "run_manifest", "ParquetSink", "LOCK_NAME"]

#: The lock file a run holds in its output folder while it writes there.
LOCK_NAME = ".zh-speech-analysis.lock"
_STAGING = ".{name}.partial-"


class OutputError(RuntimeError):
    """The output folder cannot be used (not a folder, not writable, another run in it); one line."""

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


def _indicators_manifest(path: str) -> dict[str, Any]:
    """The indicator table of the headline targets (#15): source, version, hash."""
    from ..measures.indicators import indicators_cached

    table = indicators_cached(path)
    return {"source": table.source, "version": table.version, "sha256_16": table.fingerprint(), "n_indicators": len(table.indicators)}


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
        "indicators": _indicators_manifest(result.options.indicators),
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


def csv_write(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` as the project's CSV: UTF-8 with a BOM (Excel opens the Chinese intact), Excel-safe cells."""
    excel_safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")


_csv = csv_write  # the earlier private name, still imported by other layers (analysis.report.discovery)


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
    # Headline targets (#15): written when the run computed them (a result cached by an older version has none).
    for name, frame in (("targets.csv", result.targets), ("targets_vs_realised.csv", result.targets_vs_realised)):
        if frame is not None:
            tables[name] = frame
    for name, frame in tables.items():
        csv_write(frame, out / name)
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


def _lock(out: Path):  # type: ignore[no-untyped-def]
    """Hold the output folder's lock (released when the process ends, however it ends)."""
    path = out / LOCK_NAME
    try:
        handle = open(path, "a+")
    except OSError as err:
        raise OutputError(f"{out}: cannot write into the output folder ({err.strerror or err})") from None
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs are not kept apart
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip()
        handle.close()
        raise OutputError(
            f"{out}: another run is writing into this folder{f' (process {holder})' if holder else ''}: wait for it to finish, or choose another --out"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _publish(staging: Path, out: Path) -> None:
    """Move every file of ``staging`` into ``out``: the old ``run.json`` goes first, the new one comes last."""
    (out / "run.json").unlink(missing_ok=True)  # until the new one lands, the folder does not look complete
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.relative_to(staging).as_posix() == "run.json")
    for path in files:
        target = out / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)


@contextmanager
def outputs_staged(out: str | Path) -> Iterator[Path]:
    """A temporary folder to write a run's files into; on success they are moved into ``out``.

    The folder sits beside ``out`` (same file system, so files move by
    rename).  ``out`` is locked meanwhile: a second run into it stops with
    :class:`OutputError`.  On failure or interruption nothing of the new run
    reaches ``out`` and the temporary folder is removed; one left by a
    killed run is removed by the next run into ``out``.

    Raises:
        OutputError: ``out`` is a file, cannot be created or written, or is locked.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder (choose another --out)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot create the output folder ({err.strerror or err})") from None
    lock = _lock(out)
    try:
        prefix = _STAGING.format(name=out.resolve().name)
        for stale in out.resolve().parent.glob(prefix + "*"):  # left by a killed run (we hold the lock)
            shutil.rmtree(stale, ignore_errors=True)
        try:
            staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.resolve().parent))
        except OSError as err:
            raise OutputError(f"{out}: cannot write beside the output folder ({err.strerror or err})") from None
        try:
            yield staging
            _publish(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.close()


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
