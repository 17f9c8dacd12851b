"""Running the whole job: options and selection, per-speech processing, corpus-level steps, executors, cache, outputs.

:func:`corpus_run` turns folders of speeches into a :class:`CorpusResult`;
:func:`outputs_write` writes its documented files (into a folder from
:func:`outputs_staged`, so that a run's files arrive as a set), and
:func:`csv_write` writes any table as Excel-safe CSV.
"""

from analysis.run.corpus import corpus_run
from analysis.run.document import document_process, document_process_cached
from analysis.run.options import Options, Selection, tools_for
from analysis.run.excel_safe import excel_safe, excel_safe_frame
from analysis.run.outputs import csv_write, outputs_staged, outputs_write, run_manifest
from analysis.run.results import CORPUS_COLUMNS, REPORT_COLUMNS, CorpusResult, DocResult

__all__ = [
    "Options", "Selection", "tools_for", "DocResult", "CorpusResult", "document_process", "document_process_cached",
    "corpus_run", "outputs_write", "outputs_staged", "csv_write", "excel_safe", "excel_safe_frame", "run_manifest",
    "CORPUS_COLUMNS", "REPORT_COLUMNS",
]
